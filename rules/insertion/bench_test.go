package insertion_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/insertion"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// benchmarkTexts are the five seeds (about 40 KB) and one long document made
// of them all repeated, so both typical and capped (grouped-unit) documents
// are timed.
func benchmarkTexts(b *testing.B) []string {
	files, _ := filepath.Glob(ruletest.Testdata("seeds", "*.txt"))
	if len(files) == 0 {
		b.Skip("no seeds")
	}
	var texts []string
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(src))
	}
	return append(texts, strings.Repeat(strings.Join(texts, "\n\n"), 8))
}

// BenchmarkUnrelatedBlock measures the rule alone: the document model is
// built before the timer (every rule shares it), tokens included.
func BenchmarkUnrelatedBlock(b *testing.B) {
	texts := benchmarkTexts(b)
	docs := make([]*document.Document, len(texts))
	size := 0
	for i, t := range texts {
		docs[i] = document.New("bench.txt", []byte(t), document.Meta{})
		docs[i].Tokens()
		size += len(t)
	}
	r := insertion.UnrelatedBlock
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			r.Run(rules.NewPass(r, d, nil, nil, r.Severity, func(rules.Finding) {}))
		}
	}
}
