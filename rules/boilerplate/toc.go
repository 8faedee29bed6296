package boilerplate

import (
	"bytes"
	"sync"
)

// A table of contents is a run of short lines whose texts recur, in the
// same order, as the section headings of the article below, each section
// holding at least one body paragraph: the page's jump links, which a
// cleaned article does not keep. Evidence from the document alone, no
// word list: a summary table before the article repeats its names too,
// but its copies stand in a later table with no paragraph between them,
// and a product box's cells recur in runs of two or three.

// tocMinRun is the fewest entries of a table of contents: on the tune
// half's residue views, runs of three before the body were the page's
// in four cases of five, runs of four or more in nearly all.
const tocMinRun = 4

// tocMaxWords bounds an entry (a section heading).
const tocMaxWords = 12

// tocRuns returns, for every candidate in a table of contents, the number
// of its entries (0 for the other candidates).
func (a *analysis) tocRuns() []int {
	n := len(a.cands)
	out := make([]int, n)
	scratch := copyScratches.Get().(*copyScratch)
	defer copyScratches.Put(scratch)
	next := a.nextCopies(scratch)
	entry := func(ci int) bool {
		c := &a.cands[ci]
		return next[ci] >= 0 && !a.blocks[c.block].good && c.words <= tocMaxWords &&
			(!c.sentence || bytes.HasSuffix(bytes.TrimSpace(c.text), []byte("?"))) && !onlyFigures(c.norm)
	}
	for start := 0; start < n; {
		if !entry(start) {
			start++
			continue
		}
		// The run grows while the next line is an entry too, with no body
		// paragraph between the entries, and its copy comes after the
		// copy of the entry before with a body paragraph between them (a
		// section).
		end := start
		for end+1 < n && entry(end+1) && !a.goodBetween(end, end+1) &&
			next[end+1] > next[end] && a.goodBetween(next[end], next[end+1]) {
			end++
		}
		if end-start+1 >= tocMinRun && next[start] > end {
			for k := start; k <= end; k++ {
				out[k] = end - start + 1
			}
		}
		start = end + 1
	}
	return out
}

// nextCopies returns, for every candidate, the index of the next
// candidate with the same normalised text, -1 when there is none. The
// slice is the scratch's.
func (a *analysis) nextCopies(scratch *copyScratch) []int {
	n := len(a.cands)
	next := zeroed(&scratch.next, n)
	last := zeroed(&scratch.last, n) // per text (textOf), 1 + the last copy seen
	for ci := n - 1; ci >= 0; ci-- {
		next[ci] = -1
		if a.copies[ci] < 2 {
			continue
		}
		text := a.textOf[ci]
		if k := last[text]; k > 0 {
			next[ci] = k - 1
		}
		last[text] = ci + 1
	}
	return next
}

// copyScratch is nextCopies' memory, recycled between documents.
type copyScratch struct{ next, last []int }

var copyScratches = sync.Pool{New: func() any { return new(copyScratch) }}
