package text

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/lexicon"
	"github.com/dochygiene/hygiene/internal/shareddata"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// benchTexts returns the WCXB truth texts when ../shared/data is beside the
// checkout (or $HYGIENE_DATA is set), otherwise the bundled seed articles.
func benchTexts(b *testing.B) [][]byte {
	paths, err := shareddata.WCXBFiles("truth")
	if err != nil {
		paths, _ = filepath.Glob(ruletest.Testdata("seeds", "*.txt"))
		sort.Strings(paths)
	}
	var out [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, data)
	}
	if len(out) == 0 {
		b.Skip("no texts to benchmark on")
	}
	return out
}

// measure reports MB per CPU-second beside the wall-clock MB/s.
func measure(b *testing.B, size int, fn func()) { ruletest.MeasureCPU(b, int64(size), fn) }

// familyRules is every registered text/ rule.
func familyRules() []*rules.Rule {
	var out []*rules.Rule
	for _, r := range rules.All() {
		if r.Family() == "text" {
			out = append(out, r)
		}
	}
	return out
}

// runFamily runs rs over docs the way the lint runner does: the corpus
// phase over every document first, then every rule on one document before
// the next (so a document is read while it is in cache).
func runFamily(rs []*rules.Rule, docs []*document.Document) int {
	n := 0
	report := func(rules.Finding) { n++ }
	corpus := make([]rules.Summary, len(rs))
	for i, d := range docs {
		for k, r := range rs {
			if !r.IsCorpus() {
				continue
			}
			s := r.Collect(d, nil)
			if i == 0 {
				corpus[k] = s
			} else {
				corpus[k] = r.Merge(corpus[k], s)
			}
		}
	}
	for _, d := range docs {
		for k, r := range rs {
			r.Run(rules.NewPass(r, d, nil, corpus[k], r.Severity, report))
		}
	}
	return n
}

// BenchmarkTextFamily measures the text/ rules alone: documents are built
// and their tokens and sentences computed once beforehand, as the runner
// shares them between all families.
//
//	go test ./rules/text -run '^$' -bench TextFamily -benchtime 3x
func BenchmarkTextFamily(b *testing.B) {
	texts := benchTexts(b)
	lexicon.Load()
	docs := make([]*document.Document, len(texts))
	size := 0
	for i, t := range texts {
		docs[i] = document.New("t.txt", t, document.Meta{})
		docs[i].Tokens()
		docs[i].Sentences()
		size += len(t)
	}
	rs := familyRules()
	measure(b, size, func() { runFamily(rs, docs) })
}

// BenchmarkTextFamilyWithModel adds building the document model (lines,
// blocks, tokens, sentences) to the rules: the cost when text/ is the only
// family run.
func BenchmarkTextFamilyWithModel(b *testing.B) {
	texts := benchTexts(b)
	lexicon.Load()
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	rs := familyRules()
	measure(b, size, func() {
		docs := make([]*document.Document, len(texts))
		for i, t := range texts {
			docs[i] = document.New("t.txt", t, document.Meta{})
		}
		runFamily(rs, docs)
	})
}

// BenchmarkTextRule measures each rule alone, to find the slow one.
func BenchmarkTextRule(b *testing.B) {
	texts := benchTexts(b)
	lexicon.Load()
	docs := make([]*document.Document, len(texts))
	size := 0
	for i, t := range texts {
		docs[i] = document.New("t.txt", t, document.Meta{})
		docs[i].Tokens()
		docs[i].Sentences()
		size += len(t)
	}
	for _, r := range familyRules() {
		b.Run(r.ID[len("text/"):], func(b *testing.B) {
			measure(b, size, func() { runFamily([]*rules.Rule{r}, docs) })
		})
	}
}

// BenchmarkTextModel builds the document model (lines, blocks, tokens,
// sentences) without running a rule: the floor under
// BenchmarkTextFamilyWithModel, and the part of a text-only lint run that
// the rules do not control.
func BenchmarkTextModel(b *testing.B) {
	texts := benchTexts(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	measure(b, size, func() {
		for _, t := range texts {
			d := document.New("t.txt", t, document.Meta{})
			d.Tokens()
			d.Sentences()
		}
	})
}
