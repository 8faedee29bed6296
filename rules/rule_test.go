package rules

import (
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
)

// TestResetIsNewPass holds the runner's reused Pass to a new one: a Pass
// reset for another rule keeps nothing of the rule it ran before (its
// corpus summary, configured severity or sink).
func TestResetIsNewPass(t *testing.T) {
	first := &Rule{ID: "text/first", Severity: Error}
	second := &Rule{ID: "text/second", Severity: Warning}
	doc1 := document.New("a", []byte("One.\n"), document.Meta{})
	doc2 := document.New("b", []byte("Two words.\n"), document.Meta{})
	var got, want []Finding
	p := NewPass(first, doc1, Options{"k": "v"}, "summary", Info, func(f Finding) { t.Fatalf("old sink got %+v", f) })
	p.Reset(second, doc2, nil, nil, 0, func(f Finding) { got = append(got, f) })
	fresh := NewPass(second, doc2, nil, nil, 0, func(f Finding) { want = append(want, f) })
	if p.Rule != fresh.Rule || p.Doc != fresh.Doc || p.Options != nil || p.Corpus != nil || p.Severity != fresh.Severity {
		t.Fatalf("reset pass %+v, want %+v", *p, *fresh)
	}
	for _, q := range []*Pass{p, fresh} {
		q.Reportf(3, 99, "found %d", 1)
		q.Report(Finding{Start: -1, End: 2, Severity: Info})
	}
	if len(got) != 2 || len(want) != 2 {
		t.Fatalf("got %d findings, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("finding %d: reset pass %+v, new pass %+v", i, got[i], want[i])
		}
	}
}
