// Package footnotes holds the footnotes/ rules: references and endnote
// definitions that do not match. Every rule reads one shared analysis of
// the document (parse.go, analyse.go), computed once per document.
package footnotes

import "github.com/dochygiene/hygiene/rules"

func init() {
	rules.Register(
		MissingDefinitionsRule,
		UndefinedReferenceRule,
		UnusedDefinitionRule,
		GapRule,
		DuplicateRule,
		OrderRule,
		DefinitionOrderRule,
	)
}
