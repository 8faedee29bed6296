// Package ruletest runs rules on text in tests: one call builds the document,
// runs the rule (with its corpus phase when it has one) and returns the
// findings, so rule tests read as "this text gives these findings".
package ruletest

import (
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// Doc is one input document for Run.
type Doc struct {
	Path string
	Text string
	Meta document.Meta
}

// Run runs rule r on one text with options opts and returns its findings in
// order of position.
func Run(t testing.TB, r *rules.Rule, text string, opts rules.Options) []rules.Finding {
	t.Helper()
	out := RunCorpus(t, r, []Doc{{Path: "test.txt", Text: text}}, opts)
	return out[0]
}

// RunCorpus runs r over several documents, with the corpus phase first
// when r is a corpus rule, and returns the findings per document.
func RunCorpus(t testing.TB, r *rules.Rule, docs []Doc, opts rules.Options) [][]rules.Finding {
	t.Helper()
	built := make([]*document.Document, len(docs))
	for i, d := range docs {
		built[i] = document.New(d.Path, []byte(d.Text), d.Meta)
	}
	var facts rules.Summary
	if r.IsCorpus() {
		for i, d := range built {
			s := r.Collect(d, opts)
			if i == 0 {
				facts = s
			} else {
				facts = r.Merge(facts, s)
			}
		}
	}
	out := make([][]rules.Finding, len(built))
	for i, d := range built {
		var fs []rules.Finding
		r.Run(rules.NewPass(r, d, opts, facts, r.Severity, func(f rules.Finding) {
			if f.Start < 0 || f.End > len(d.Src) || f.Start > f.End {
				t.Errorf("%s: finding span [%d,%d) out of bounds (len %d)", r.ID, f.Start, f.End, len(d.Src))
			}
			fs = append(fs, f)
		}))
		sort.SliceStable(fs, func(a, b int) bool { return fs[a].Start < fs[b].Start })
		out[i] = fs
	}
	return out
}

// Lines returns the 1-based first line of each finding in text.
func Lines(text string, fs []rules.Finding) []int {
	d := document.New("t", []byte(text), document.Meta{})
	out := make([]int, len(fs))
	for i, f := range fs {
		out[i], _ = d.Position(f.Start)
	}
	return out
}

// AtLeast keeps the findings at or above a severity.
func AtLeast(fs []rules.Finding, sev rules.Severity) []rules.Finding {
	var out []rules.Finding
	for _, f := range fs {
		if f.Severity >= sev {
			out = append(out, f)
		}
	}
	return out
}

// Seed reads a bundled seed article by its number ("000" .. "004") from
// testdata/seeds at the module root.
func Seed(t testing.TB, number string) (path, text string) {
	t.Helper()
	dir := filepath.Join(moduleRoot(), "testdata", "seeds")
	matches, _ := filepath.Glob(filepath.Join(dir, number+"_*.txt"))
	if len(matches) != 1 {
		t.Fatalf("seed %s not found in %s", number, dir)
	}
	b, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	return matches[0], string(b)
}

// Testdata returns the path of a file under testdata/ at the module root.
func Testdata(elem ...string) string {
	return filepath.Join(append([]string{moduleRoot(), "testdata"}, elem...)...)
}

func moduleRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}
