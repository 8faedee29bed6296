package footnotes

import (
	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/rules"
)

// GapRule flags numbers missing from a note series.
var GapRule = &rules.Rule{
	ID:      "footnotes/gap",
	Summary: "the footnote numbering skips numbers",
	Doc: `The notes run 1, 2, 4: number 3 is neither cited nor defined, so a
paragraph or a note was cut. One finding per run of missing numbers, at the
first citation of the number after the gap. A sparse set ("[5]" and
"[40]" alone) is not a series and is not judged.

When every note is cited and defined exactly once, an unsafe fix renumbers
references and definitions by order of first citation.`,
	Bad:       "A.[1] B.[2] C.[4]\n\n[1] One.\n\n[2] Two.\n\n[4] Four.",
	Good:      "A.[1] B.[2] C.[3]\n\n[1] One.\n\n[2] Two.\n\n[3] Three.",
	Severity:  rules.Warning,
	FixSafety: fixers.Unsafe,
	Run:       func(pass *rules.Pass) { reportKind(pass, Gap) },
}
