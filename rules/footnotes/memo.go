package footnotes

import (
	"runtime"
	"sync"
	"weak"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// The footnote rules share one analysis per document: the first rule to
// run on a document computes it, the others read it. The memo holds its
// documents weakly, so it never keeps a document alive (a bulk run over a
// corpus stays flat in memory); an entry goes when its document is
// collected. The analysis itself holds no pointer to the document.
type memoEntry struct {
	once     sync.Once
	analysis *Analysis
}

type memo struct {
	mu      sync.Mutex
	entries map[weak.Pointer[document.Document]]*memoEntry
}

var shared = &memo{entries: map[weak.Pointer[document.Document]]*memoEntry{}}

// analysisFor returns the analysis of doc, computing it once even when
// several rules ask at the same time.
func analysisFor(doc *document.Document) *Analysis {
	e := shared.entry(doc)
	e.once.Do(func() { e.analysis = Analyse(doc) })
	return e.analysis
}

func (m *memo) entry(doc *document.Document) *memoEntry {
	key := weak.Make(doc)
	m.mu.Lock()
	defer m.mu.Unlock()
	if e, ok := m.entries[key]; ok {
		return e
	}
	e := &memoEntry{}
	m.entries[key] = e
	runtime.AddCleanup(doc, m.forget, key)
	return e
}

func (m *memo) forget(key weak.Pointer[document.Document]) {
	m.mu.Lock()
	delete(m.entries, key)
	m.mu.Unlock()
}

func (m *memo) size() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.entries)
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
