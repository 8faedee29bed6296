package footnotes

import (
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// BenchmarkAnalyse measures the shared parse and checks on seed 004 (twelve
// references, twelve endnotes). The document model is built outside the
// timer: rules receive it ready.
func BenchmarkAnalyse(b *testing.B) {
	_, text := ruletest.Seed(b, "004")
	doc := document.New("004", []byte(text), document.Meta{})
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Analyse(doc)
	}
}

// BenchmarkAnalyseLarge runs on a 1 MB article with 300 notes.
func BenchmarkAnalyseLarge(b *testing.B) {
	body := noteDoc("bracket", numsRange(1, 300), numsRange(1, 300))
	text := strings.Repeat("Plain filler text that cites nothing at all [sic] and goes on. ", 15000) + body
	doc := document.New("large", []byte(text), document.Meta{})
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Analyse(doc)
	}
}
