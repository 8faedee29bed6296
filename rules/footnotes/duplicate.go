package footnotes

import (
	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/rules"
)

// DuplicateRule flags a note number defined more than once.
var DuplicateRule = &rules.Rule{
	ID:      "footnotes/duplicate",
	Summary: "a footnote number defined twice",
	Doc: `Two definitions carry the same number: the notes were repeated by the
ingester, or two different notes share a number (a list renumbered by a
converter). The message says which, and where the first one is.

A list written "1. 1. 1." under a Notes heading is valid Markdown numbered
by position and is not a duplicate. When the two definitions have the same
text, an unsafe fix removes the repetition; otherwise there is no fix.`,
	Bad:       "A.[1] B.[2]\n\n[1] One.\n\n[2] Two.\n\n[2] Another note.",
	Good:      "A.[1] B.[2]\n\n[1] One.\n\n[2] Two.",
	Severity:  rules.Warning,
	FixSafety: fixers.Unsafe,
	Run:       func(pass *rules.Pass) { reportKind(pass, Duplicate) },
}
