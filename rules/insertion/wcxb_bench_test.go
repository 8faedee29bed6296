package insertion_test

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/eval"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/insertion"
)

// The WCXB benchmarks run the rule over the 736 development texts (about
// 10 MB of clean truth texts, 14 MB of whole pages) when ../shared is
// present; the document model is built before the timer.
//
//	go test ./rules/insertion -run XXX -bench WCXB -benchtime 2x -cpuprofile /tmp/i.prof
func BenchmarkWCXBTruth(b *testing.B) { benchWCXB(b, "truth") }
func BenchmarkWCXBPages(b *testing.B) { benchWCXB(b, "pages") }

func benchWCXB(b *testing.B, sub string) {
	dir, err := eval.DataDir()
	if err != nil {
		b.Skip("no WCXB data (../shared/data) here")
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "wcxb-dev", sub, "*.txt"))
	if len(paths) == 0 {
		b.Skip("no WCXB " + sub)
	}
	sort.Strings(paths)
	var docs []*document.Document
	size := 0
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		size += len(src)
		d := document.New(p, src, document.Meta{})
		d.Tokens()
		docs = append(docs, d)
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
