package names_test

import (
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/names"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// BenchmarkNamesTruth runs both names rules (collect, merge, check) over
// the 736 WCXB development truth texts (about 10 MB) when ../shared is
// present. The document model is built before the timer: every rule of a
// run shares it.
//
//	go test ./rules/names -run XXX -bench NamesTruth -benchtime 3x -benchmem
func BenchmarkNamesTruth(b *testing.B) {
	docs, size := ruletest.WCXBDocs(b, "truth", document.Meta{})
	ruletest.MeasureCPU(b, size, func() {
		var sum rules.Summary
		for i, d := range docs {
			s := names.Variant.Collect(d, nil)
			if i == 0 {
				sum = s
			} else {
				sum = names.Variant.Merge(sum, s)
			}
		}
		for _, d := range docs {
			for _, r := range []*rules.Rule{names.MisspelledPerson, names.Variant} {
				r.Run(rules.NewPass(r, d, nil, sum, r.Severity, func(rules.Finding) {}))
			}
		}
	})
}
