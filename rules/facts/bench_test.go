package facts

import (
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// BenchmarkFactsRules runs the three facts rules over the five seeds
// (about 60 KB), with an article date so that every check runs.
func BenchmarkFactsRules(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("September 4, 2025\n\n")
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		_, text := ruletest.Seed(b, n)
		sb.WriteString(text + "\n\n")
	}
	src := []byte(sb.String())
	b.SetBytes(int64(len(src)))
	// The document model is built once and shared by every rule in a
	// run, so only the rules' own work is timed.
	doc := document.New("bench", src, document.Meta{})
	doc.Sentences()
	doc.Tokens()
	for b.Loop() {
		for _, r := range []*rules.Rule{Weekday, Known, OutdatedTitle} {
			r.Run(rules.NewPass(r, doc, nil, nil, r.Severity, func(rules.Finding) {}))
		}
	}
}
