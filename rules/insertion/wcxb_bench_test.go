package insertion_test

import (
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/insertion"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// The WCXB benchmarks run the rule over the 736 development texts (about
// 10 MB of clean truth texts, 14 MB of whole pages) when ../shared is
// present; the document model is built before the timer.
//
//	go test ./rules/insertion -run XXX -bench WCXB -benchtime 2x -cpuprofile /tmp/i.prof
func BenchmarkWCXBTruth(b *testing.B) { benchWCXB(b, "truth") }
func BenchmarkWCXBPages(b *testing.B) { benchWCXB(b, "pages") }

func benchWCXB(b *testing.B, kind string) {
	docs, size := ruletest.WCXBDocs(b, kind, document.Meta{})
	r := insertion.UnrelatedBlock
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			r.Run(rules.NewPass(r, d, nil, nil, r.Severity, func(rules.Finding) {}))
		}
	}
}
