// Package names holds the names/ rules: public figures' names misspelt
// against the knowledge pack, and one name spelt two ways. Each rule is one
// file; register it here.
package names

import "github.com/dochygiene/hygiene/rules"

func init() {
	rules.Register(
		MisspelledPerson,
		Variant,
	)
}
