package facts_test

import (
	"testing"
	"time"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/facts"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// BenchmarkFactsTruth runs the three facts rules over the 736 WCXB
// development truth texts (about 10 MB) when ../shared is present, once
// as they are (few carry a date line) and once with an article date, so
// that every check runs. The document model is built before the timer:
// every rule of a run shares it.
//
//	go test ./rules/facts -run XXX -bench FactsTruth -benchtime 3x -benchmem
func BenchmarkFactsTruth(b *testing.B) {
	for _, c := range []struct {
		name string
		date time.Time
	}{{"undated", time.Time{}}, {"dated", time.Date(2025, 9, 4, 0, 0, 0, 0, time.UTC)}} {
		b.Run(c.name, func(b *testing.B) {
			docs, size := ruletest.WCXBDocs(b, "truth", document.Meta{Date: c.date})
			ruletest.MeasureCPU(b, size, func() {
				for _, d := range docs {
					for _, r := range []*rules.Rule{facts.Weekday, facts.Known, facts.OutdatedTitle} {
						r.Run(rules.NewPass(r, d, nil, nil, r.Severity, func(rules.Finding) {}))
					}
				}
			})
		})
	}
}
