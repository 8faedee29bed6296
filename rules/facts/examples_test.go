package facts

import (
	"testing"

	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// The documented examples must do what they say.
func TestDocExamples(t *testing.T) {
	for _, r := range []*rules.Rule{Weekday, Known, OutdatedTitle} {
		if fs := ruletest.Run(t, r, r.Bad, nil); len(fs) == 0 {
			t.Errorf("%s: Bad example not flagged", r.ID)
		}
		if fs := ruletest.Run(t, r, r.Good, nil); len(fs) != 0 {
			t.Errorf("%s: Good example flagged: %s", r.ID, messages(fs))
		}
	}
}
