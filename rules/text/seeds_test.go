package text

import (
	"fmt"
	"sort"
	"testing"

	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// seedLines returns, per rule of this package, the 1-based lines of its
// findings at warning or above on a seed article.
func seedLines(t *testing.T, number string) map[string][]int {
	t.Helper()
	_, text := ruletest.Seed(t, number)
	out := map[string][]int{}
	for _, r := range mine {
		fs := ruletest.AtLeast(ruletest.Run(t, r, text, nil), rules.Warning)
		out[r.ID] = append(out[r.ID], ruletest.Lines(text, fs)...)
		sort.Ints(out[r.ID])
	}
	return out
}

// TestSeeds checks testdata/EXPECTED.md for the text family.
func TestSeeds(t *testing.T) {
	want := map[string]map[string][]int{
		// No-break spaces between sentences in the Toplines (9-15),
		// "ofinternational" (37), the sentence broken across 39-40.
		"000": {"text/whitespace": {9, 11, 13, 15}, "text/joined-words": {37}, "text/hard-wrap": {39}},
		"001": {},
		"002": {},
		// The escaped separators (11, 33) and the <u> tags (43, 44).
		"003": {"text/markup": {11, 33, 43, 43, 44, 44}},
		// Lines holding only a no-break space, and "Ssee also".
		"004": {"text/whitespace": {27, 31}, "text/doubled-letter": {41}},
	}
	for seed, rulesWant := range want {
		got := seedLines(t, seed)
		for _, r := range mine {
			if fmt.Sprint(got[r.ID]) != fmt.Sprint(rulesWant[r.ID]) {
				t.Errorf("seed %s %s: lines %v, want %v", seed, r.ID, got[r.ID], rulesWant[r.ID])
			}
		}
	}
}
