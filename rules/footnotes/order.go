package footnotes

import (
	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/rules"
)

// OrderRule flags notes first cited out of numeric order.
var OrderRule = &rules.Rule{
	ID:      "footnotes/order",
	Summary: "footnotes not numbered in order of first citation",
	Doc: `Notes are numbered by first citation: [1] appears first, then [2]. When a
few numbers break the order (the numbers outside the longest increasing
run of first citations), references were moved or renumbered. Citing an
earlier note again is fine. When many numbers are out of place the series
follows another convention (a bibliography numbered alphabetically) and
the rule stays quiet.

When every note is cited and defined exactly once, an unsafe fix renumbers
references and definitions by first citation, and puts the definitions in
order when they stand together.`,
	Bad:       "A.[1] B.[3] C.[2]\n\n[1] One.\n\n[2] Two.\n\n[3] Three.",
	Good:      "A.[1] B.[2] C.[3] Again.[1]\n\n[1] One.\n\n[2] Two.\n\n[3] Three.",
	Severity:  rules.Warning,
	FixSafety: fixers.Unsafe,
	Run:       func(pass *rules.Pass) { reportKind(pass, Order) },
}
