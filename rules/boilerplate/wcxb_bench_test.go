package boilerplate

import (
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// The WCXB benchmarks run the whole family the way `hygiene lint` does on
// the 736 development texts (about 10 MB of clean truth texts, 14 MB of
// whole pages) when ../shared is present: every document's corpus-template
// summary is collected on one document object and the rules run on
// another (the runner builds the document twice, once per pass), so the
// shared analysis is computed as often as in a real run. The document
// model is built before the timer.
//
//	go test ./rules/boilerplate -run XXX -bench WCXB -benchtime 2x -cpuprofile /tmp/b.prof
func BenchmarkWCXBTruth(b *testing.B) { benchWCXB(b, "truth") }
func BenchmarkWCXBPages(b *testing.B) { benchWCXB(b, "pages") }

func benchWCXB(b *testing.B, kind string) {
	// Two document sets: the runner builds every document once per pass.
	collectDocs, size := ruletest.WCXBDocs(b, kind, document.Meta{Source: "wcxb"})
	runDocs, _ := ruletest.WCXBDocs(b, kind, document.Meta{Source: "wcxb"})
	rs := append(familyRules(), CorpusTemplate)
	// MB per CPU-second beside the wall-clock MB/s: the machine is shared.
	ruletest.MeasureCPU(b, size, func() {
		var facts rules.Summary
		for _, d := range collectDocs {
			s := CorpusTemplate.Collect(d, nil)
			if facts == nil {
				facts = s
			} else {
				facts = CorpusTemplate.Merge(facts, s)
			}
		}
		for _, d := range runDocs {
			for _, r := range rs {
				r.Run(rules.NewPass(r, d, nil, facts, r.Severity, func(rules.Finding) {}))
			}
		}
		// Fresh analyses on the next round, as in a new run.
		for _, d := range runDocs {
			d.DropState()
		}
	})
}
