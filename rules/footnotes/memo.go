package footnotes

import (
	"sync"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// The footnote rules share one analysis per document: the first rule to
// run on a document computes it, the others read it. The memo is small and
// bounded: documents are checked by a few workers at a time, and an entry
// that was evicted is simply computed again.
const memoSize = 128

type memoEntry struct {
	once     sync.Once
	analysis *Analysis
}

type memo struct {
	mu      sync.Mutex
	entries map[*document.Document]*memoEntry
	order   []*document.Document // insertion order, oldest first
}

var shared = &memo{entries: map[*document.Document]*memoEntry{}}

// analysisFor returns the analysis of doc, computing it once.
func analysisFor(doc *document.Document) *Analysis {
	e := shared.entry(doc)
	e.once.Do(func() { e.analysis = Analyse(doc) })
	return e.analysis
}

func (m *memo) entry(doc *document.Document) *memoEntry {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e, ok := m.entries[doc]; ok {
		return e
	}
	e := &memoEntry{}
	m.entries[doc] = e
	m.order = append(m.order, doc)
	if len(m.order) > memoSize {
		delete(m.entries, m.order[0])
		m.order = m.order[1:]
	}
	return e
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
