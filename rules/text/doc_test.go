package text

import (
	"testing"

	"github.com/dochygiene/hygiene/rules/ruletest"
)

// TestDocExamples keeps each rule's Bad and Good examples honest: the bad
// one is flagged, the good one is not.
func TestDocExamples(t *testing.T) {
	for _, r := range mine {
		if r.Doc == "" || r.Bad == "" || r.Good == "" {
			t.Errorf("%s: Doc, Bad and Good must all be written", r.ID)
			continue
		}
		if len(ruletest.Run(t, r, r.Bad, nil)) == 0 {
			t.Errorf("%s: its Bad example %q is not flagged", r.ID, r.Bad)
		}
		for _, f := range warnings(t, r, r.Good) {
			t.Errorf("%s: its Good example %q is flagged: %s", r.ID, r.Good, f.Message)
		}
	}
}
