package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/eval"
	"github.com/dochygiene/hygiene/internal/lint"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// truthDocs builds the WCXB truth texts (CC-BY-4.0) as documents with their
// tokens and sentences computed, and returns them with their total size.
func truthDocs(b *testing.B) ([]*document.Document, int64) {
	b.Helper()
	names, texts, err := eval.LoadTruthTexts()
	if err != nil || len(texts) == 0 {
		b.Skip("WCXB truth texts not found")
	}
	docs := make([]*document.Document, len(texts))
	var size int64
	for i, t := range texts {
		docs[i] = document.New(names[i], t, document.Meta{})
		docs[i].Tokens()
		docs[i].Sentences()
		size += int64(len(t))
	}
	return docs, size
}

// BenchmarkModel builds the document model of the truth texts: lines,
// blocks, tokens and sentences, the floor under every rule.
func BenchmarkModel(b *testing.B) {
	docs, size := truthDocs(b)
	b.SetBytes(size)
	for b.Loop() {
		for _, d := range docs {
			nd := document.New(d.Path, d.Src, d.Meta)
			nd.Tokens()
			nd.Sentences()
		}
	}
}

// BenchmarkRule runs each default rule alone on the truth texts, with the
// document model built beforehand (its cost is BenchmarkModel's), so the
// rules can be ranked by their own CPU. Corpus rules get the merged
// summary of the texts, and their Collect is measured apart. Rules that
// share a per-document analysis (the boilerplate family) each pay for it
// here, as they do not in a real run:
//
//	go test ./internal/lint/e2e -run XXX -bench 'Model|Rule' -benchtime 3x
func BenchmarkRule(b *testing.B) {
	docs, size := truthDocs(b)
	for _, r := range rules.All() {
		var corpus rules.Summary
		if r.IsCorpus() {
			b.Run("collect/"+r.ID, func(b *testing.B) {
				b.SetBytes(size)
				for b.Loop() {
					corpus = nil
					for _, d := range docs {
						s := r.Collect(d, nil)
						if corpus == nil {
							corpus = s
						} else {
							corpus = r.Merge(corpus, s)
						}
					}
				}
			})
		}
		b.Run(r.ID, func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				for _, d := range docs {
					r.Run(rules.NewPass(r, d, nil, corpus, 0, func(rules.Finding) {}))
				}
			}
		})
	}
}

// BenchmarkCorpusPass is the first pass of a corpus run on the truth texts
// as the runner does it: build each document (lines, blocks), let every
// corpus rule collect its summary (the tokens are made on first use),
// merge, release the document. It is what a corpus run pays over a
// --per-document one before the rules run.
func BenchmarkCorpusPass(b *testing.B) {
	docs, size := truthDocs(b)
	var corpusRules []*rules.Rule
	for _, r := range rules.All() {
		if r.IsCorpus() {
			corpusRules = append(corpusRules, r)
		}
	}
	b.SetBytes(size)
	for b.Loop() {
		merged := make([]rules.Summary, len(corpusRules))
		for _, d := range docs {
			nd := document.New(d.Path, d.Src, d.Meta)
			for k, r := range corpusRules {
				s := r.Collect(nd, nil)
				if merged[k] == nil {
					merged[k] = s
				} else {
					merged[k] = r.Merge(merged[k], s)
				}
			}
			nd.Release()
		}
	}
}

// BenchmarkLintWCXB lints the WCXB truth texts (corpus mode and
// --per-document) and whole pages with every default rule on one worker,
// as `hygiene lint -j1` does, findings kept: MB/cpu-s is the issue's
// throughput figure, measured in process (a command-line run's CPU time
// moves with what else the machine runs).
func BenchmarkLintWCXB(b *testing.B) {
	dir, err := eval.DataDir()
	if err != nil {
		b.Skip("WCXB data not found")
	}
	for _, c := range []struct {
		name, kind string
		perDoc     bool
	}{{"truth", "truth", false}, {"truth-per-document", "truth", true}, {"pages", "pages", false}} {
		path := filepath.Join(dir, "wcxb-dev", c.kind)
		size := dirSize(b, path)
		b.Run(c.name, func(b *testing.B) {
			ruletest.MeasureCPU(b, size, func() {
				r, err := lint.New(lint.Options{Jobs: 1, PerDocument: c.perDoc, PositionsOnly: true})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := r.Lint([]string{path}); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}

func dirSize(b *testing.B, dir string) int64 {
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Skip(err)
	}
	var n int64
	for _, e := range entries {
		if info, err := e.Info(); err == nil && !e.IsDir() {
			n += info.Size()
		}
	}
	return n
}
