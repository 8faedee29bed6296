package boilerplate

import (
	"github.com/dochygiene/hygiene/internal/document"
)

// analyses keeps each document's analysis in the document itself, shared
// by every boilerplate rule (the runner runs all rules on one document in
// a row, and corpus rules collect from it too) and dropped when the
// runner is done with the document (document.Memo). A table of the last
// documents beside them, as before, could evict a document whose rules
// were still running at -j2 and compute its analysis again.
//
// The analysis' per-candidate and per-block slices go to the next
// document's analysis when the runner drops the document
// (recycleAnalysis): no rule reads an analysis after that, and no finding
// or summary keeps a slice of it (findings hold offsets, strings and
// their own fixes; the corpus summary holds fingerprints). The
// candidates alone were 22 MB of the 157 MB a run over the WCXB pages
// allocated (about 190 bytes per short line); the blocks, the structure
// verdicts and the structure context another 11 MB.
var analyses = document.Memo[*analysis]{Recycle: recycleAnalysis}

func analyse(doc *document.Document) *analysis {
	return analyses.Get(doc, newAnalysis)
}

// The emptied slices of dropped analyses. They stay small whatever the
// corpus (document.FreeSlices keeps a few, none longer than MaxCap; a
// candidate is about 190 bytes, so a kept candidate slice is at most 3
// MB): an analysis gives back eight bool slices and three int slices,
// two workers two analyses at a time.
var (
	freeCandidates = document.FreeSlices[candidate]{MaxCap: 1 << 14}
	freeBlocks     document.FreeSlices[blockInfo]
	freeVerdicts   document.FreeSlices[structureVerdict]
	freeBools      = document.FreeSlices[bool]{Max: 24}
	freeInts       = document.FreeSlices[int]{Max: 8}
)

// candidateBuffer returns an empty candidate slice with room for n, a
// recycled one when it is large enough.
func candidateBuffer(n int) []candidate {
	return zeroedSlice(&freeCandidates, n)[:0]
}

// zeroedSlice returns a slice of n zero values, a recycled one when it is
// large enough (FreeSlices.Put clears every element a slice ever had in
// its length, and nothing writes past it). A new one has room for twice
// the one it replaces, up to what free keeps, so that a worker's slice
// soon fits the corpus' larger documents instead of being replaced
// whenever a document is a little longer than the one before.
func zeroedSlice[T any](free *document.FreeSlices[T], n int) []T {
	s := free.Get()
	if cap(s) >= n {
		return s[:n]
	}
	maxCap := free.MaxCap
	if maxCap <= 0 {
		maxCap = 1 << 16
	}
	return make([]T, n, max(n, min(2*cap(s), maxCap)))
}

// recycleAnalysis hands a dropped analysis' slices on (FreeSlices clears
// them, so that no document's text or tokens are kept alive by them) and
// forgets them, so that a stray read of the analysis fails loudly.
func recycleAnalysis(a *analysis) {
	freeCandidates.Put(a.cands)
	freeBlocks.Put(a.blocks)
	freeBools.Put(a.matched)
	freeBools.Put(a.notes)
	freeVerdicts.Put(a.verdicts)
	a.cands, a.blocks, a.matched, a.notes, a.verdicts = nil, nil, nil, nil, nil
	if ctx := a.ctx; ctx != nil {
		for _, s := range [...][]bool{ctx.proven, ctx.navDistinct, ctx.outside, ctx.nearCopy, ctx.details, ctx.phone} {
			freeBools.Put(s)
		}
		for _, s := range [...][]int{ctx.run, ctx.navRun, ctx.provenBefore} {
			freeInts.Put(s)
		}
		a.ctx = nil
	}
}
