package eval

import (
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/knowledge"
)

// The generators must be deterministic and their positive spans must hold
// what they claim; scoring must count a found positive once and a stray
// finding as a false alarm. This runs on a made-up base article, without
// the shared data.
func TestNameGeneratorsAndScoring(t *testing.T) {
	bases := []baseDoc{{ID: "b1", Text: "A first paragraph about the economy.\n\nA second paragraph about the weather.\n"}}
	pack := knowledge.Default()
	gen := func() []nameCase {
		var cs []nameCase
		cs = append(cs, genMisspell(pack, bases, 1, 40)...)
		cs = append(cs, genWeekday(bases, 2, 18)...)
		cs = append(cs, genTitles(pack, bases, 3, 30)...)
		cs = append(cs, genKnown(bases, 4, 9)...)
		return cs
	}
	a, b := gen(), gen()
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("generators are not deterministic: %d vs %d cases", len(a), len(b))
	}
	for i := range a {
		if a[i].Text != b[i].Text {
			t.Fatalf("case %s differs between runs", a[i].ID)
		}
		for _, p := range a[i].Positives {
			span := a[i].Text[p[0]:p[1]]
			if strings.TrimSpace(span) != span || span == "" {
				t.Errorf("%s: bad positive span %q", a[i].ID, span)
			}
		}
	}
	res := ScoreNameCases(a)
	for _, rule := range []string{"names/misspelled-person", "facts/weekday", "facts/outdated-title", "facts/known"} {
		s := res.PerRule[rule]
		if s.TP == 0 {
			t.Errorf("%s: no true positive on generated cases: %+v", rule, *s)
		}
		if s.Precision() < 0.9 {
			t.Errorf("%s: precision %.2f on generated cases; alarms: %v", rule, s.Precision(), res.Alarms)
		}
	}
}
