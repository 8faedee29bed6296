package text

import (
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// BenchmarkAcronymCase runs text/acronym-case over the WCXB truth texts
// (or the seeds when ../shared is absent). The document model, tokens
// included, is built before the timer: every rule of a run shares it.
//
//	go test ./rules/text -run XXX -bench AcronymCase -benchtime 3x -benchmem
func BenchmarkAcronymCase(b *testing.B) {
	texts := benchTexts(b)
	var size int64
	docs := make([]*document.Document, len(texts))
	for i, t := range texts {
		docs[i] = document.New("bench", t, document.Meta{})
		docs[i].Tokens()
		size += int64(len(t))
	}
	b.ReportAllocs()
	measure(b, int(size), func() {
		for _, d := range docs {
			AcronymCase.Run(rules.NewPass(AcronymCase, d, nil, nil, AcronymCase.Severity, func(rules.Finding) {}))
		}
	})
}
