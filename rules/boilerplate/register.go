// Package boilerplate holds the boilerplate/ rules: page furniture (share
// bars, login prompts, reading times, newsletter and cookie notices, ...)
// left in an ingested article.
package boilerplate

import "github.com/dochygiene/hygiene/rules"

func init() {
	rules.Register(
		LoginPrompt,
	)
}
