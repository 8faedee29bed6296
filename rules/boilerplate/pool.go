package boilerplate

import (
	"sync"

	"github.com/dochygiene/hygiene/internal/document"
)

// analyses keeps each document's analysis in the document itself, shared
// by every boilerplate rule (the runner runs all rules on one document in
// a row, and corpus rules collect from it too) and dropped when the
// runner is done with the document (document.Memo). A table of the last
// documents beside them, as before, could evict a document whose rules
// were still running at -j2 and compute its analysis again.
//
// The candidates, the analysis' largest slice (a page has a candidate of
// about 190 bytes per short line: 22 MB of the 157 MB a run over the WCXB
// pages allocated), go to the next document's analysis when the runner
// drops the document (recycleAnalysis): no rule reads an analysis after
// that, and no finding or summary keeps a slice of it.
var analyses = document.Memo[*analysis]{Recycle: recycleAnalysis}

func analyse(doc *document.Document) *analysis {
	return analyses.Get(doc, newAnalysis)
}

// candidateBuffers hold the candidate slices of dropped analyses.
var candidateBuffers sync.Pool // of *[]candidate

// candidateBuffer returns an empty candidate slice with room for n, a
// recycled one when it is large enough.
func candidateBuffer(n int) []candidate {
	if p, ok := candidateBuffers.Get().(*[]candidate); ok && cap(*p) >= n {
		return (*p)[:0]
	}
	return make([]candidate, 0, n)
}

// recycleAnalysis hands a dropped analysis' candidates on, cleared so that
// the pool keeps no document's text or tokens alive.
func recycleAnalysis(a *analysis) {
	if cap(a.cands) > 0 {
		clear(a.cands) // past len(a.cands) they are zero already
		cands := a.cands[:0]
		candidateBuffers.Put(&cands)
	}
	a.cands = nil
}
