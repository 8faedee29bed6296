// Package all links every rule family into the binary. Adding a family is
// one import line here and nothing else outside the family's own package.
package all

import (
	// Each family registers its rules in an init function.
	_ "github.com/dochygiene/hygiene/rules/boilerplate"
	_ "github.com/dochygiene/hygiene/rules/facts"
	_ "github.com/dochygiene/hygiene/rules/footnotes"
	_ "github.com/dochygiene/hygiene/rules/insertion"
	_ "github.com/dochygiene/hygiene/rules/names"
	_ "github.com/dochygiene/hygiene/rules/text"
)
