package facts

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// Odd input never panics: invalid UTF-8, CRLF, a BOM, NUL bytes, a huge
// line, characters whose lower case has another length, random bytes
// around real dates and titles.
func TestOddInputDoesNotPanic(t *testing.T) {
	inputs := []string{
		"",
		"\xef\xbb\xbfSeptember 4, 2025\r\n\r\nGerman Chancellor Olaf Scholz met on Friday, September 4.\r\n",
		"\xff\xfe Article 7 of the North Atlantic Treaty \xc3 collective defence \x00",
		"İİİİ Article 7 of the North Atlantic Treaty ensures collective defence İİ",
		strings.Repeat("Monday, 1 January 2024 NATO Secretary General Jens Stoltenberg ", 5000),
		"Article 99999999999999999999 of the North Atlantic Treaty, collective defence.",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"September 4, 2025", "Friday, ", "NATO Secretary General ", "Jens Stoltenberg", "Article 7 of the North Atlantic Treaty", "\n\n", "[1] ", "\xc3", " ", "İ", "then-", "04.09.2023", "\u00a0"}
	for i := 0; i < 300; i++ {
		var b strings.Builder
		for k := 0; k < 12; k++ {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		inputs = append(inputs, b.String())
	}
	for _, in := range inputs {
		for _, r := range []*rules.Rule{Weekday, Known, OutdatedTitle} {
			ruletest.RunCorpus(t, r, []ruletest.Doc{{Path: "x", Text: in, Meta: document.Meta{}}}, nil)
		}
	}
}
