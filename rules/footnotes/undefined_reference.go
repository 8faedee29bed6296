package footnotes

import (
	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/rules"
)

// UndefinedReferenceRule flags a reference to a note that the document's
// notes do not define.
var UndefinedReferenceRule = &rules.Rule{
	ID:      "footnotes/undefined-reference",
	Summary: "a footnote reference whose note is not defined",
	Doc: `The document has notes, but one cited number (or Markdown name) has no
definition: a note was lost, or the reference was mistyped. One finding per
number, at its first citation, naming the numbers the notes do define.

The unsafe fix removes the dangling marker everywhere it occurs (with the
space before it); in a list marker such as "[3, 4]" only the dangling
number goes. No definition is ever invented.`,
	Bad:       "First claim.[1] Second claim.[2]\n\n[1] Source one.",
	Good:      "First claim.[1] Second claim.[2]\n\n[1] Source one.\n\n[2] Source two.",
	Severity:  rules.Warning,
	FixSafety: fixers.Unsafe,
	Run:       func(pass *rules.Pass) { reportKind(pass, UndefinedReference) },
}
