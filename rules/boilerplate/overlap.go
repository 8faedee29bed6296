package boilerplate

import (
	"encoding/binary"
	"sync"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// Body overlap: how many of a line's content words the article's main
// body also uses. A headline, a subheading or a caption shares words with
// the article it stands in; a menu item, a teaser for another article or
// a sign-up prompt mostly does not. The evidence needs no word list, so it
// works in any language.

// overlapMinBytes is the shortest word counted (shorter ones are mostly
// function words, numbers or initials).
const overlapMinBytes = 4

// bodyOverlaps returns bodyOverlap for every candidate want accepts (0
// for the others).
//
// A document is asked twice: by the structure rule for the lines of its
// navigation runs, then by the line model for the lines it scores. A
// line's overlap does not depend on the other lines asked with it, so the
// first call also computes it for every line the model may score later
// (mayBeScored) and keeps the values: the model's call is then answered
// without scanning the body again. A line the first call did not cover
// is computed afresh, so the kept values only save work, never change it.
func (a *analysis) bodyOverlaps(want []bool) []float32 {
	if a.bodyFirst < 0 {
		out := make([]float32, len(a.cands))
		for ci := range out {
			out[ci] = -1
		}
		return out
	}
	m := &a.overlaps
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.covered == nil {
		m.covered = a.mayBeScored(want)
		m.values = a.computeOverlaps(m.covered)
	}
	if !coversAll(m.covered, want) {
		return a.computeOverlaps(want)
	}
	out := make([]float32, len(a.cands))
	for ci, w := range want {
		if w {
			out[ci] = m.values[ci]
		}
	}
	return out
}

// overlapMemo holds the body overlaps of the first call (bodyOverlaps).
type overlapMemo struct {
	mu      sync.Mutex
	covered []bool
	values  []float32
}

// coversAll reports whether every candidate want accepts is covered.
func coversAll(covered, want []bool) bool {
	for ci, w := range want {
		if w && !covered[ci] {
			return false
		}
	}
	return true
}

// mayBeScored returns want widened to the candidates the line model may
// score (scoredByRule), as far as they are known now: this may run while
// the structure rule's verdicts are being made, so the verdicts are read
// as they stand (a line at warning or above is left out; the verdict of
// one of want's lines may still be lowered). A verdict lowered later
// leaves its line uncovered, which costs the model's call a scan of its
// own and changes nothing else.
func (a *analysis) mayBeScored(want []bool) []bool {
	out := make([]bool, len(a.cands))
	verdicts := a.verdicts
	if len(verdicts) != len(a.cands) {
		verdicts = nil
	}
	for ci := range a.cands {
		c := &a.cands[ci]
		switch {
		case want[ci]:
			out[ci] = true
		case c.match != noMatch || a.inNotesZone(c.block) || a.blocks[c.block].good && a.inBody(c.block):
		case verdicts != nil && verdicts[ci].sev >= rules.Warning:
		default:
			out[ci] = !onlyFigures(c.norm) || phoneLike(c.text)
		}
	}
	return out
}

// computeOverlaps is bodyOverlaps computed for the candidates want
// accepts, in a document with a body. The body is scanned once; only its
// words whose length and first letter some judged line's word has are
// hashed, so a clean article with few judged lines costs little.
func (a *analysis) computeOverlaps(want []bool) []float32 {
	out := make([]float32, len(a.cands))
	// The judged lines' content words, and a filter on their length and
	// first byte.
	// lineWords holds their hashes line after line; lineCounts how many
	// each judged line has, in the same order.
	scratch := overlapScratches.Get().(*overlapScratch)
	defer overlapScratches.Put(scratch)
	lineWords, lineCounts := scratch.lineWords[:0], scratch.lineCounts[:0]
	var filter wordFilter
	for ci := range a.cands {
		if !want[ci] {
			continue
		}
		c := &a.cands[ci]
		before := len(lineWords)
		for _, t := range c.tokens {
			if w := a.doc.Src[t.Start:t.End]; contentWord(t, w) {
				lineWords = append(lineWords, foldHash(w))
				filter.add(w)
			}
		}
		lineCounts = append(lineCounts, len(lineWords)-before)
	}
	scratch.lineWords, scratch.lineCounts = lineWords, lineCounts
	wanted := scratch.wanted.reset(lineWords)
	used := scratch.used[:0]
	bodyTokens := newTokenCursor(a.doc)
	for bi := a.bodyFirst; bi <= a.bodyLast; bi++ {
		if !a.blocks[bi].good {
			continue
		}
		b := a.doc.Blocks[bi]
		for _, t := range bodyTokens.in(b.Start, b.End) {
			if t.Kind != document.Word || t.End-t.Start < overlapMinBytes {
				continue
			}
			if w := a.doc.Src[t.Start:t.End]; filter.may(w) {
				if h := foldHash(w); wanted.has(h) {
					used = append(used, h)
				}
			}
		}
	}
	scratch.used = used
	inBody := scratch.inBody.reset(used)
	line := 0
	for ci := range a.cands {
		if !want[ci] {
			continue
		}
		words, found := lineCounts[line], 0
		line++
		for _, h := range lineWords[:words] {
			if inBody.has(h) {
				found++
			}
		}
		lineWords = lineWords[words:]
		out[ci] = -1
		if words > 0 {
			out[ci] = float32(found) / float32(words)
		}
	}
	return out
}

// bodyOverlap is bodyOverlaps of one line (for tests).
func (a *analysis) bodyOverlap(line int) float32 {
	want := make([]bool, len(a.cands))
	for ci, c := range a.cands {
		if c.line == line {
			want[ci] = true
			return a.bodyOverlaps(want)[ci]
		}
	}
	return -1
}

// wordFilter remembers the lengths and lower-cased first bytes of a set of
// words: a word whose pair was never added is surely not in the set.
type wordFilter struct {
	pairs [64][4]uint64 // by length (capped), a bit per first byte
}

func (f *wordFilter) slot(w []byte) (length int, first byte) {
	c := w[0]
	if c >= 'A' && c <= 'Z' {
		c += 'a' - 'A'
	}
	return min(len(w), 63), c
}

func (f *wordFilter) add(w []byte) {
	n, c := f.slot(w)
	f.pairs[n][c>>6] |= 1 << (c & 63)
}

func (f *wordFilter) may(w []byte) bool {
	n, c := f.slot(w)
	return f.pairs[n][c>>6]&(1<<(c&63)) != 0
}

// overlapScratch is bodyOverlaps' working memory, recycled between calls
// (it is asked twice per document, the judged lines' words and the body's
// words they share number thousands on a long page). Nothing in it
// outlives the call.
type overlapScratch struct {
	lineWords, used []uint64
	lineCounts      []int
	wanted, inBody  hashSet
}

var overlapScratches = sync.Pool{New: func() any { return new(overlapScratch) }}

// hashSet is a set of non-zero 64-bit hashes in one open-addressing
// table: built once per document from a few thousand words, it costs far
// less than a map.
type hashSet struct {
	slots []uint64
	mask  uint64
}

// emptySlots returns an open-addressing table for up to n keys: a power of
// two of at least 16 and twice n slots, all zero, in slots' room when it
// is large enough, and the mask that indexes it.
func emptySlots[T any](slots []T, n int) ([]T, uint64) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	if cap(slots) >= size {
		slots = slots[:size]
		clear(slots)
	} else {
		slots = make([]T, size)
	}
	return slots, uint64(size - 1)
}

// reset empties the set, reusing its table when it is large enough, and
// adds the hashes.
func (s *hashSet) reset(hashes []uint64) *hashSet {
	s.slots, s.mask = emptySlots(s.slots, len(hashes))
	for _, h := range hashes {
		h |= 1 // 0 marks an empty slot
		i := h & s.mask
		for s.slots[i] != 0 && s.slots[i] != h {
			i = (i + 1) & s.mask
		}
		s.slots[i] = h
	}
	return s
}

func (s *hashSet) has(h uint64) bool {
	h |= 1
	for i := h & s.mask; s.slots[i] != 0; i = (i + 1) & s.mask {
		if s.slots[i] == h {
			return true
		}
	}
	return false
}

// contentWord reports a word token long enough to carry meaning and not a
// function word.
func contentWord(t document.Token, w []byte) bool {
	return t.Kind == document.Word && len(w) >= overlapMinBytes && !isStopWord(w)
}

// foldHash hashes a word with ASCII letters lower-cased: FNV-1a's steps
// over eight bytes at a time (the word's last pack masked to its length,
// see packWord), the length, and a final mix, as fingerprint does (the hash
// sets pick a slot by the low bits). A byte at a time, the hash was a
// third of bodyOverlaps on the WCXB pages. Words of the same length up to
// eight bytes never collide: every step is a bijection of the pack.
func foldHash(w []byte) uint64 {
	h := uint64(fnvOffset)
	n := len(w)
	for ; len(w) >= 8; w = w[8:] {
		h = (h ^ lowerASCII(binary.LittleEndian.Uint64(w))) * fnvPrime
	}
	if len(w) > 0 {
		h = (h ^ lowerASCII(packWord(w))) * fnvPrime
	}
	h = (h ^ uint64(n)) * fnvPrime
	h ^= h >> 32
	h *= 0x9E3779B97F4A7C15
	return h ^ h>>29
}

// lowerASCII lower-cases the ASCII capitals among eight packed bytes
// (bytes above ASCII are left as they are). The high bits are cleared
// before the sums, so no byte carries into the next: a byte's high bit
// then tells whether it is at least 'A', and whether it is above 'Z'.
func lowerASCII(x uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	low := x &^ highs
	atLeastA := low + (0x80-'A')*ones
	aboveZ := low + (0x80-'Z'-1)*ones
	capitals := atLeastA &^ aboveZ &^ x & highs
	return x | capitals>>2 // bit 7 to bit 5: 'A' + 0x20 is 'a'
}
