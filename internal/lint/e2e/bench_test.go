package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"testing"

	"github.com/dochygiene/hygiene/internal/eval"
	"github.com/dochygiene/hygiene/internal/lint"
	"github.com/dochygiene/hygiene/rules"
	_ "github.com/dochygiene/hygiene/rules/all"
)

// benchCorpus writes the benchmark articles into dir as plain files and as
// one JSON Lines file, and returns their total size. The articles are the
// seeds and, when ../shared is present, the WCXB development pages
// (CC-BY-4.0), whose page furniture gives every family work to do.
func benchCorpus(b *testing.B) (plainDir, jsonlPath string, size int64) {
	b.Helper()
	var paths []string
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "..", "testdata", "seeds", "*.txt"))
	paths = append(paths, seeds...)
	if dir, err := eval.DataDir(); err == nil {
		pages, _ := filepath.Glob(filepath.Join(dir, "wcxb-dev", "pages", "*.txt"))
		sort.Strings(pages)
		paths = append(paths, pages[:min(len(pages), 300)]...)
	}
	if len(paths) == 0 {
		b.Skip("no articles found")
	}
	tmp := b.TempDir()
	plainDir = filepath.Join(tmp, "plain")
	jsonlPath = filepath.Join(tmp, "corpus.jsonl")
	if err := os.MkdirAll(plainDir, 0o755); err != nil {
		b.Fatal(err)
	}
	f, err := os.Create(jsonlPath)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	for i, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		size += int64(len(text))
		if err := os.WriteFile(filepath.Join(plainDir, strconv.Itoa(i)+".txt"), text, 0o644); err != nil {
			b.Fatal(err)
		}
		if err := enc.Encode(map[string]string{"id": strconv.Itoa(i), "text": string(text)}); err != nil {
			b.Fatal(err)
		}
	}
	return plainDir, jsonlPath, size
}

// BenchmarkLint runs the full default rule set end to end (walk, read,
// document model, every rule, ordered output) on plain files and on JSON
// Lines, with one worker and with all cores. MB/s counts article text.
func BenchmarkLint(b *testing.B) {
	plainDir, jsonlPath, size := benchCorpus(b)
	for _, input := range []struct{ name, path string }{{"plain", plainDir}, {"jsonl", jsonlPath}} {
		for _, jobs := range []int{1, runtime.GOMAXPROCS(0)} {
			b.Run(input.name+"/j"+strconv.Itoa(jobs), func(b *testing.B) {
				b.SetBytes(size)
				for b.Loop() {
					r, err := lint.New(lint.Options{Jobs: jobs})
					if err != nil {
						b.Fatal(err)
					}
					if _, err := r.Lint([]string{input.path}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkFamily runs each rule family alone, end to end on one worker,
// to show where the time of the full rule set goes.
func BenchmarkFamily(b *testing.B) {
	_, jsonlPath, size := benchCorpus(b)
	for _, fam := range rules.Families {
		b.Run(fam, func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				r, err := lint.New(lint.Options{Jobs: 1, Only: []string{fam}})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := r.Lint([]string{jsonlPath}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
