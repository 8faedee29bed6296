package names

import (
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// BenchmarkNamesRules runs both names rules (the variant rule's collect and
// check phases) over the five seeds.
func BenchmarkNamesRules(b *testing.B) {
	var sb strings.Builder
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
		sum := Variant.Collect(doc, nil)
		for _, r := range []*rules.Rule{MisspelledPerson, Variant} {
			r.Run(rules.NewPass(r, doc, nil, sum, r.Severity, func(rules.Finding) {}))
		}
	}
}
