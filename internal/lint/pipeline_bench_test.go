package lint

import (
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
)

// BenchmarkPipeline measures the pipeline's own cost: reading and parsing
// JSON Lines, building each document model, one trivial rule, ordered
// hand-off. Every real rule's time comes on top of this.
func BenchmarkPipeline(b *testing.B) {
	path := filepath.Join(b.TempDir(), "corpus.jsonl")
	size := int64(0)
	records := writeBigJSONL(b, path, 20<<20)
	for _, jobs := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run("j"+strconv.Itoa(jobs), func(b *testing.B) {
			for b.Loop() {
				r, err := New(Options{Jobs: jobs, Only: []string{dirtRule.ID}})
				if err != nil {
					b.Fatal(err)
				}
				res, err := r.Lint([]string{path})
				if err != nil || res.Report.Documents != records {
					b.Fatalf("err %v, %d documents", err, res.Report.Documents)
				}
				size = res.Stats.TextBytes
			}
			b.SetBytes(size)
		})
	}
}
