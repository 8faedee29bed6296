package facts

import (
	"math/rand/v2"
	"strings"
	"sync"
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

// The title index is built once per pack and shared by the workers of a
// run: concurrent runs must agree with a single one (go test -race checks
// the sharing).
func TestConcurrentRunsAgree(t *testing.T) {
	text := "September 4, 2025\n\nGerman Chancellor Olaf Scholz met NATO Secretary General Jens Stoltenberg on Friday, September 4. Article 7 of the North Atlantic Treaty is about collective defence."
	count := func() int {
		n := 0
		for _, r := range []*rules.Rule{Weekday, Known, OutdatedTitle} {
			n += len(ruletest.Run(t, r, text, nil))
		}
		return n
	}
	want := count()
	if want != 4 {
		t.Fatalf("want 4 findings alone, got %d", want)
	}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				if got := count(); got != want {
					t.Errorf("%d findings concurrently, %d alone", got, want)
				}
			}
		}()
	}
	wg.Wait()
}
