package footnotes

import (
	"sync"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// The footnote rules share one analysis per document: the first rule to
// run on a document computes it, the others read it. It is kept in the
// document itself (document.Memo), so it lives no longer than the
// document and goes when the runner drops the document's state; the
// analysis holds no pointer to the document.
//
// A document.Memo may compute a value twice when two goroutines ask at
// once (it keeps the first stored), so the Memo keeps an entry whose Once
// computes the analysis: every caller gets the same entry, and only one
// of them analyses. (A weak-pointer table beside the documents did the
// same for a map entry, a weak pointer and a cleanup per document: 1.5M
// instructions over the WCXB pages.)
type memoEntry struct {
	once     sync.Once
	analysis *Analysis
}

var analyses document.Memo[*memoEntry]

func newMemoEntry(*document.Document) *memoEntry { return &memoEntry{} }

// analysisFor returns the analysis of doc, computing it once even when
// several rules ask at the same time.
func analysisFor(doc *document.Document) *Analysis {
	e := analyses.Get(doc, newMemoEntry)
	e.once.Do(func() { e.analysis = Analyse(doc) })
	return e.analysis
}

// reportKind reports the problems of one kind as findings of pass's rule.
func reportKind(pass *rules.Pass, kind Kind) {
	for _, p := range analysisFor(pass.Doc).ProblemsOf(kind) {
		fix := p.Fix
		if kind == MissingDefinitions && pass.Options.Bool("strip-markers", false) {
			fix = p.Strip
		}
		pass.Report(rules.Finding{Start: p.Start, End: p.End, Message: p.Message, Fix: fix})
	}
}
