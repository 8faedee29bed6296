// Package text holds the text/ rules: joined words, doubled letters, broken
// lines, stray markup, mojibake and invisible characters.
package text

import "github.com/dochygiene/hygiene/rules"

func init() {
	rules.Register(
		Whitespace,
		AcronymCase,
		JoinedWords,
		DoubledLetter,
		HardWrap,
		Markup,
		Mojibake,
		Encoding,
		Normalization,
	)
}
