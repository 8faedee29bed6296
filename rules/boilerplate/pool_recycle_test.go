package boilerplate

import (
	"fmt"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// TestRecycledCandidatesFindWhatNewOnesFind runs the family on the WCXB
// dev pages one document after the other, dropping each document's state
// as the runner does (so each analysis takes the candidates of an
// earlier one), and compares every finding with a run on fresh documents
// whose analyses are never recycled.
func TestRecycledCandidatesFindWhatNewOnesFind(t *testing.T) {
	fresh, _ := ruletest.WCXBDocs(t, "pages", document.Meta{Source: "wcxb"})
	reused, _ := ruletest.WCXBDocs(t, "pages", document.Meta{Source: "wcxb"})
	if len(fresh) == 0 {
		t.Skip("no WCXB data")
	}
	rs := familyRules()
	run := func(d *document.Document) []string {
		var out []string
		for _, r := range rs {
			r.Run(rules.NewPass(r, d, nil, nil, r.Severity, func(f rules.Finding) {
				out = append(out, fmt.Sprintf("%s@%d-%d %q", r.ID, f.Start, f.End, f.Message))
			}))
		}
		return out
	}
	for i := range fresh {
		want := run(fresh[i])
		got := run(reused[i])
		reused[i].DropState()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("page %d: findings with recycled candidates differ:\n%v\nwant\n%v", i, got, want)
		}
	}
}
