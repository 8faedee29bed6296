package footnotes

import (
	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/rules"
)

// UnusedDefinitionRule flags a note that nothing in the text cites.
var UnusedDefinitionRule = &rules.Rule{
	ID:      "footnotes/unused-definition",
	Summary: "a footnote definition that no reference cites",
	Doc: `A note is defined ("[4] text", "[^4]: text", or "4. text" under a Notes or
References heading) but no marker in the text cites it: the marker was
lost in ingestion. One finding per note.

When the text cites nothing at all, one finding covers every note-shaped
definition ("[n] text", "[^n]: text"); a numbered list under References
without any citation is a bibliography and stays quiet. No fix: deleting a
note would lose text.`,
	Bad:       "First claim.[1]\n\n[1] Source one.\n\n[2] Source two.",
	Good:      "First claim.[1] Second claim.[2]\n\n[1] Source one.\n\n[2] Source two.",
	Severity:  rules.Warning,
	FixSafety: fixers.None,
	Run:       func(pass *rules.Pass) { reportKind(pass, UnusedDefinition) },
}
