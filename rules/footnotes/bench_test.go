package footnotes

import (
	"os"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/shareddata"
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

// BenchmarkAnalysePages analyses the WCXB development pages (CC-BY-4.0):
// page furniture, hundreds of short blocks a page.
func BenchmarkAnalysePages(b *testing.B) {
	paths, err := shareddata.WCXBFiles("pages")
	if err != nil {
		b.Skip("WCXB pages not found")
	}
	var docs []*document.Document
	var size int64
	for _, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, document.New(p, text, document.Meta{}))
		size += int64(len(text))
	}
	b.SetBytes(size)
	for b.Loop() {
		for _, d := range docs {
			Analyse(d)
		}
	}
}
