package footnotes

import (
	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/rules"
)

// DefinitionOrderRule flags note definitions out of numeric order.
var DefinitionOrderRule = &rules.Rule{
	ID:      "footnotes/definition-order",
	Summary: "footnote definitions out of numeric order",
	Doc: `The notes at the end should run 1, 2, 3. A definition out of place (outside
the longest increasing run of definitions) means the ingester moved a
block. Many out of place is read as a deliberate order and not flagged.

When every note is cited and defined exactly once and the definitions
stand together, an unsafe fix puts them in order (renumbering by first
citation at the same time if needed).`,
	Bad:       "A.[1] B.[2] C.[3]\n\n[1] One.\n\n[3] Three.\n\n[2] Two.",
	Good:      "A.[1] B.[2] C.[3]\n\n[1] One.\n\n[2] Two.\n\n[3] Three.",
	Severity:  rules.Warning,
	FixSafety: fixers.Unsafe,
	Run:       func(pass *rules.Pass) { reportKind(pass, DefinitionOrder) },
}
