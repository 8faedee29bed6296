package insertion

import (
	"bytes"
	"encoding/binary"
	"math"
	"slices"
	"sync"

	"github.com/dochygiene/hygiene/internal/document"
)

// This file measures lexical cohesion: how much the words of a run of
// paragraphs (the block) have in common with the words of the rest of the
// document (the host). Every quantity needed for the TF-IDF cosine of any
// run is a sum over units, so after one pass over the tokens each candidate
// run is scored in constant time from prefix sums:
//
//	|B|² = Σ_{u,v∈run} G[u][v]        (2-D prefix sum of the Gram matrix)
//	B·D  = Σ_{u∈run} u·D              (1-D prefix sum)
//	B·H  = B·D − |B|²,  |H|² = |D|² − 2 B·D + |B|²
//
// with D the whole document's vector and H = D − B.

// maxUnits caps the units of a very long document: beyond it, neighbouring
// blocks are grouped so the quadratic tables stay small.
const maxUnits = 200

// minParagraphWords is the size of a paragraph that counts towards a
// block's paragraphs.
const minParagraphWords = 15

// unit is one block, or a group of neighbouring blocks in a very long
// document.
type unit struct {
	firstBlock, lastBlock int
	words                 int
	// paragraph is true when the unit holds running text (a paragraph,
	// quote or list item), not only a heading; substantial when it is a
	// paragraph or quote of at least minParagraphWords words: lists,
	// captions and link lists do not make a block.
	paragraph   bool
	substantial bool
	heading     bool
	// title is a heading or a short numbered item standing as a section
	// title ("2. REDUCE").
	title    bool
	noteRefs int
	// paras and proseWords count the substantial paragraphs and their
	// words (more than one in a grouped unit).
	paras, proseWords int
	// segment changes at every endnote list: no candidate spans one.
	segment int
	// The unit's tokens are doc.Tokens()[tokFrom:tokTo] (buildUnits
	// finds them while it counts the words; countTerms reads them).
	tokFrom, tokTo int
}

// cohesion holds the per-document tables.
type cohesion struct {
	units []unit
	n     int
	// grouped: paragraphs were grouped into units (a very long document).
	grouped bool
	// Prefix sums over units, length n+1: words, substantial paragraphs,
	// words in substantial paragraphs.
	words, paras, proseWords []int
	// noteRefs counts "[n]" note references; titles counts title units.
	noteRefs []int
	titles   []int
	// typo holds prefix sums of the units' typographic habits; mixedTypo
	// is mixedHabits of the whole document.
	typo       []typography
	mixedTypo  bool
	mass, dotD []float64
	// gram is the (n+1)×(n+1) 2-D prefix sum of unit·unit dot products.
	gram []float64
	// excl[i*n+j] is the IDF mass of terms repeated in the document whose
	// every occurrence lies in units i..j, for j >= i (the cells further
	// below the diagonal than the first are never read, nor cleared).
	excl []float64
	// exclFrom: the rows from exclFrom on of excl are built (exclAt
	// builds them on first use, from the last row up).
	exclFrom int
	normD2   float64
	// terms and term statistics, for messages.
	termKeys   []string
	termCount  []int32
	termTF     []float64
	termWeight []float64
	// unitTerms lists (term, count) per unit: entries[entryStart[u]:entryStart[u+1]].
	entries    []entry
	entryStart []int
	// Scratch kept between documents (the cohesion value is pooled): the
	// vocabulary of words seen so far and the per-unit counters.
	vocab            *vocabulary
	docWords         surfaceTable // this document's surface forms -> index in surfaces
	counter, touched []int32
	// countTerms' passes: the distinct surface forms, each word token's
	// form, where each unit's tokens end, each form's term (-1: none).
	surfaces    []surfaceForm
	tokSurface  []int32
	unitEnd     []int
	surfaceTerm []int32
	// postings by term (buildPostings), scratch kept between documents
	postStart, postFill []int
	postUnit            []int32
	postTF              []float64
	// capNorm2 is |min(D, hostCap)|², for cappedCos; acc holds the
	// summed weights of the terms of run accFrom..accTo (accTo -1: none),
	// those of accTouched, for the next call.
	capNorm2       float64
	capNormReady   bool // capNorm2 is summed (capNorm)
	acc            []float64
	accTouched     []int32
	accFrom, accTo int
	// ends[j] holds what the search reads of a run that ends at unit j
	// (buildEnds).
	ends []runEnd
	// lineFlags memoises per unit what isMarkerLine and isOrgLine say
	// of its first line (see unitLine).
	lineFlags []uint8
	// cosines is baseline's scratch (kept with the tables, which the
	// free list hands to later documents).
	cosines []float64
}

type entry struct {
	term  int32
	count int32
	// tf is the term's weight in the unit: 1 + ln(count), so that a word
	// repeated in one paragraph does not outweigh the rest.
	tf float64
}

// sublinearTF damps repeated words inside a unit.
var sublinearTF = true

func unitTF(count int32) float64 {
	// Counts are small: a table spares the logarithm (it showed in
	// profiles); the values are the same. The other cases are a call
	// of their own, so that this one is inlined.
	if sublinearTF && count < int32(len(logTF)) {
		return logTF[count]
	}
	return unitTFOther(count)
}

// unitTFOther is unitTF of a count past the table, or of any count
// when sublinearTF is off (kept out of line: inlined, it took unitTF past
// the inliner's budget).
//
//go:noinline
func unitTFOther(count int32) float64 {
	if !sublinearTF {
		return float64(count)
	}
	return 1 + math.Log(float64(count))
}

// logTF[k] is 1 + ln(k) for small k.
var logTF = func() (t [64]float64) {
	for k := 1; k < len(t); k++ {
		t[k] = 1 + math.Log(float64(k))
	}
	return t
}()

// Cohesion tables live in a free list, like vocabularies: a sync.Pool is
// emptied by garbage collections, which come every few documents of a
// bulk run, and the tables' slices (units, prefix sums, the pairwise
// n*n table) were then allocated afresh.
var cohesions freeList[cohesion]

// analyse builds the cohesion tables for doc.
func analyse(doc *document.Document, idf *idfTable) *cohesion {
	c := cohesions.get()
	c.vocab = vocabularies.get()
	c.reset()
	c.units, c.grouped = buildUnits(doc, c.units[:0])
	c.n = len(c.units)
	c.lineFlags = resizeFlags(c.lineFlags, c.n)
	c.countTerms(doc, idf)
	c.buildPrefixes(doc)
	return c
}

func (c *cohesion) release() {
	if c.vocab != nil {
		vocabularies.put(c.vocab)
	}
	c.vocab = nil
	cohesions.put(c)
}

// surfaceTable maps the surface forms of one document to vocabulary IDs:
// an open-addressing table of spans of the document's bytes with an inline
// hash, looked up once per word token (a string map costs several times
// more).
type surfaceTable struct {
	src   []byte
	slots []surfaceSlot
	n     int
}

type surfaceSlot struct {
	hash       uint64
	head       uint64 // wordHead of the form: most forms are compared by it alone
	start, end int32  // end 0: empty (int32 keeps a slot to 32 bytes)
	vid        int32
}

// reset empties the table for a document of about forms surface forms.
// The table is sized to the document, not to the largest one the worker
// has seen (its room is kept): a table grown by one long document took
// every later one a clear of 128 KB or more, and probes spread over as
// many cache lines, where most documents need 32 KB.
func (t *surfaceTable) reset(src []byte, forms int) {
	t.src = src
	size := 1024
	for size < 2*forms {
		size *= 2
	}
	if cap(t.slots) < size {
		t.slots = make([]surfaceSlot, size)
	}
	t.slots = t.slots[:size]
	clear(t.slots)
	t.n = 0
}

func (t *surfaceTable) get(h uint64, start, end int) (int32, bool) {
	return t.getHead(h, wordHead(t.src[start:end]), start, end)
}

// getHead is get for a form whose wordHead is head: a form of up to eight
// bytes is compared by its head and length, without a call to compare
// bytes (that call was a tenth of the table's cost).
func (t *surfaceTable) getHead(h, head uint64, start, end int) (int32, bool) {
	mask := uint64(len(t.slots) - 1)
	size := int32(end - start)
	for i := h & mask; t.slots[i].end != 0; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.hash != h || s.head != head || s.end-s.start != size {
			continue
		}
		if size <= 8 || bytes.Equal(t.src[s.start+8:s.end], t.src[start+8:end]) {
			return s.vid, true
		}
	}
	return 0, false
}

// getOrAdd is getHead, and when the form is absent, addHead of it with
// vid (ok false): it is put in the empty slot the lookup ended at, where
// a lookup and an add walked the probe sequence twice.
func (t *surfaceTable) getOrAdd(h, head uint64, start, end int, vid int32) (int32, bool) {
	mask := uint64(len(t.slots) - 1)
	size := int32(end - start)
	i := h & mask
	for ; t.slots[i].end != 0; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.hash != h || s.head != head || s.end-s.start != size {
			continue
		}
		if size <= 8 || bytes.Equal(t.src[s.start+8:s.end], t.src[start+8:end]) {
			return s.vid, true
		}
	}
	if 2*(t.n+1) > len(t.slots) {
		t.addHead(h, head, start, end, vid) // grows the table first
		return vid, false
	}
	t.slots[i] = surfaceSlot{hash: h, head: head, start: int32(start), end: int32(end), vid: vid}
	t.n++
	return vid, false
}

func (t *surfaceTable) add(h uint64, start, end int, vid int32) {
	t.addHead(h, wordHead(t.src[start:end]), start, end, vid)
}

// addHead is add for a form whose wordHead is head.
func (t *surfaceTable) addHead(h, head uint64, start, end int, vid int32) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	t.insert(surfaceSlot{hash: h, head: head, start: int32(start), end: int32(end), vid: vid})
}

// grow doubles the table. When the room a longer document left is enough
// it stays in use (the live slots are copied out, in order, and put back):
// a new table each time dropped that room, and the next long document
// allocated it again (5.4 MB per pass over the WCXB pages, and as much
// again with every further pass). The slots go back in the same order
// either way, so the table comes out the same.
func (t *surfaceTable) grow() {
	old := t.slots
	size := 2 * len(old)
	if cap(old) >= size {
		live := make([]surfaceSlot, 0, t.n)
		for _, s := range old {
			if s.end != 0 {
				live = append(live, s)
			}
		}
		old = live
		t.slots = t.slots[:size]
		clear(t.slots)
	} else {
		t.slots = make([]surfaceSlot, size)
	}
	t.n = 0
	for _, s := range old {
		if s.end != 0 {
			t.insert(s)
		}
	}
}

func (t *surfaceTable) insert(s surfaceSlot) {
	mask := uint64(len(t.slots) - 1)
	i := s.hash & mask
	for t.slots[i].end != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = s
	t.n++
}

// wordSet maps words (hashed with hashWord) to IDs: an open-addressing
// table whose slots hold the word's first eight bytes, its length and
// place in a byte arena, and its ID. It is the vocabulary's surface
// table, tens of thousands of words whose lookups miss the cache: a slot
// answers for a word of up to eight bytes on its own (one miss), a longer
// word costs one more look at the arena. A slot is 16 bytes, four to a
// cache line: the hash is not kept (the first bytes and the length rule
// out nearly every other word in the probe; a resize hashes the words
// again from the arena). (A string map, or slots that point to separate
// tables of ends and IDs, touched three or four cache lines per lookup.)
type wordSet struct {
	slots []wordSlot
	arena []byte
	n     int
	sink  uint32 // touch's sum, kept so the loads are not optimised away
}

type wordSlot struct {
	head uint64 // the word's first eight bytes, little-endian, zero-padded
	ref  uint32 // slotUsed | size<<slotOffBits | offset in the arena; 0: empty slot
	id   int32
}

// A slot's ref packs the word's size (1 to maxSlotWord), its offset in
// the arena (below 1<<slotOffBits) and slotUsed, set when a lookup finds
// the word (sweep keeps such words). A word that does not fit is not
// cached: its lookups are computed again, with the same result.
const (
	slotOffBits  = 22
	slotSizeBits = 9
	maxSlotWord  = 1<<slotSizeBits - 1
	slotUsed     = 1 << 31
)

func (s wordSlot) size() int { return int(s.ref >> slotOffBits & maxSlotWord) }
func (s wordSlot) off() int  { return int(s.ref & (1<<slotOffBits - 1)) }

func (w *wordSet) len() int { return w.n }

func (w *wordSet) reset() {
	if w.slots == nil || len(w.slots) > 2*maxVocabulary {
		// A table grown past the cache's bound (one document with more
		// forms than it holds) is not kept.
		w.slots = make([]wordSlot, 4096)
	}
	clear(w.slots)
	w.arena, w.n = w.arena[:0], 0
}

// wordHead packs a word's first eight bytes.
func wordHead(word []byte) uint64 {
	if len(word) >= 8 {
		return binary.LittleEndian.Uint64(word)
	}
	var h uint64
	for i := len(word) - 1; i >= 0; i-- {
		h = h<<8 | uint64(word[i])
	}
	return h
}

func (w *wordSet) get(h uint64, word []byte) (int32, bool) {
	return w.getHead(h, wordHead(word), word)
}

// getHead is get for a word whose wordHead is head.
func (w *wordSet) getHead(h, head uint64, word []byte) (int32, bool) {
	mask := uint64(len(w.slots) - 1)
	for i := h & mask; w.slots[i].ref != 0; i = (i + 1) & mask {
		s := &w.slots[i]
		if s.head != head || s.size() != len(word) {
			continue
		}
		if len(word) <= 8 || bytes.Equal(w.arena[s.off()+8:s.off()+s.size()], word[8:]) {
			s.ref |= slotUsed
			return s.id, true
		}
	}
	return 0, false
}

// touch reads the slot each form's lookup starts at, so that the cache
// misses of a batch of lookups overlap (the loads are independent) before
// the lookups themselves run. For a word longer than eight bytes whose
// slot holds one too, it reads the rest of that word in the arena as well
// (the lookup compares it there: a miss of its own).
func (w *wordSet) touch(forms []surfaceForm) {
	mask := uint64(len(w.slots) - 1)
	var sum uint32
	for _, f := range forms {
		s := &w.slots[f.hash&mask]
		sum += s.ref
		if s.size() > 8 && f.end-f.start > 8 {
			sum += uint32(w.arena[s.off()+8])
		}
	}
	w.sink = sum
}

// add caches word under id, unless it is too long for a slot or the
// arena is full (see wordSlot): ok reports whether it did.
func (w *wordSet) add(h uint64, word []byte, id int32) (ok bool) {
	if len(word) == 0 || len(word) > maxSlotWord || len(w.arena)+len(word) > 1<<slotOffBits {
		return false
	}
	if 2*(w.n+1) > len(w.slots) {
		old := w.slots
		w.slots = make([]wordSlot, 2*len(old))
		for _, s := range old {
			if s.ref != 0 {
				w.place(hashWord(w.arena[s.off():s.off()+s.size()]), s)
			}
		}
	}
	s := wordSlot{head: wordHead(word), ref: uint32(len(word))<<slotOffBits | uint32(len(w.arena)), id: id}
	w.arena = append(w.arena, word...)
	w.place(h, s)
	w.n++
	return true
}

// sweep drops the words no lookup found since they were added or since
// the last sweep, and unmarks the others: the words a worker meets again
// stay cached when the cache is full, where starting it afresh dropped
// them all. The kept words move to a new arena, each to the first free
// slot from its home.
func (w *wordSet) sweep() {
	// A slot empty before the sweep: no probe run crosses it, so in a
	// walk that starts after it every word's home comes before the word,
	// and a word put back lands at or before its own slot (which the
	// walk has just freed), never in the slots still to be walked.
	start := 0
	for w.slots[start].ref != 0 {
		start++
	}
	kept := 0
	for i := range w.slots {
		s := &w.slots[i]
		switch {
		case s.ref == 0:
		case s.ref&slotUsed == 0:
			*s = wordSlot{}
			w.n--
		default:
			s.ref &^= slotUsed
			kept += s.size()
		}
	}
	// The new arena takes the old one's room: the words added after the
	// sweep fill it without growing it again.
	arena := make([]byte, 0, max(kept, cap(w.arena)))
	mask := len(w.slots) - 1
	for k := 1; k <= len(w.slots); k++ {
		i := (start + k) & mask
		s := w.slots[i]
		if s.ref == 0 {
			continue
		}
		word := w.arena[s.off() : s.off()+s.size()]
		s.ref = uint32(len(word))<<slotOffBits | uint32(len(arena))
		arena = append(arena, word...)
		w.slots[i] = wordSlot{}
		w.place(hashWord(word), s)
	}
	w.arena = arena
}

func (w *wordSet) place(h uint64, s wordSlot) {
	mask := uint64(len(w.slots) - 1)
	i := h & mask
	for w.slots[i].ref != 0 {
		i = (i + 1) & mask
	}
	w.slots[i] = s
}

// hashWord hashes a word's bytes, eight at a time.
func hashWord(w []byte) uint64 {
	h, _ := hashWordHead(w)
	return h
}

// hashSpan is hashWordHead of src[start:end]. The word's last bytes
// (fewer than eight), when src holds eight bytes from where they start,
// are read in one load and masked, not byte by byte (most words are
// short; the byte loop was most of the hashing's cost).
func hashSpan(src []byte, start, end int) (h, head uint64) {
	n := end - start
	tailAt := start + n&^7
	if tailAt+8 > len(src) {
		return hashWordHead(src[start:end])
	}
	tail := binary.LittleEndian.Uint64(src[tailAt:]) & (1<<(8*uint(n&7)) - 1)
	if n < 8 {
		return hashShort(n, tail), tail
	}
	h = uint64(n) * 0x100000001B3
	for w := src[start:tailAt]; len(w) >= 8; w = w[8:] {
		h = (h ^ binary.LittleEndian.Uint64(w)) * 0x9E3779B97F4A7C15
	}
	h = (h ^ tail) * 0x9E3779B97F4A7C15
	return h ^ h>>29, binary.LittleEndian.Uint64(src[start:])
}

// hashShort is hashWord of a word of n bytes, n below 8, whose wordHead
// is head: the word is its head.
func hashShort(n int, head uint64) uint64 {
	h := (uint64(n)*0x100000001B3 ^ head) * 0x9E3779B97F4A7C15
	return h ^ h>>29
}

// shortHead returns the wordHead of src[start:start+n], n below 8, from
// one load, when src holds eight bytes from start (ok false otherwise).
func shortHead(src []byte, start, n int) (head uint64, ok bool) {
	if n >= 8 || start+8 > len(src) {
		return 0, false
	}
	return binary.LittleEndian.Uint64(src[start:]) & (1<<(8*uint(n)) - 1), true
}

// hashWordHead returns hashWord and wordHead of w from one read of its
// bytes.
func hashWordHead(w []byte) (h, head uint64) {
	short := len(w) < 8
	h = uint64(len(w)) * 0x100000001B3
	if !short {
		head = binary.LittleEndian.Uint64(w)
	}
	for len(w) >= 8 {
		h = (h ^ binary.LittleEndian.Uint64(w)) * 0x9E3779B97F4A7C15
		w = w[8:]
	}
	var tail uint64
	for i := len(w) - 1; i >= 0; i-- {
		tail = tail<<8 | uint64(w[i])
	}
	if short {
		head = tail
	}
	h = (h ^ tail) * 0x9E3779B97F4A7C15
	return h ^ h>>29, head
}

// Vocabularies live in a free list of their own rather than in a
// sync.Pool: a sync.Pool is emptied by garbage collections, and rebuilding a
// vocabulary (stemming every word again) is what it saves.
var vocabularies freeList[vocabulary]

// freeList keeps values for reuse across documents and workers; unlike a
// sync.Pool it is never emptied by a garbage collection.
type freeList[T any] struct {
	mu    sync.Mutex
	items []*T
}

// get returns a kept value, or a new zero one.
func (f *freeList[T]) get() *T {
	f.mu.Lock()
	defer f.mu.Unlock()
	if n := len(f.items); n > 0 {
		x := f.items[n-1]
		f.items = f.items[:n-1]
		return x
	}
	return new(T)
}

// put keeps x for a later get.
func (f *freeList[T]) put(x *T) {
	f.mu.Lock()
	f.items = append(f.items, x)
	f.mu.Unlock()
}

func (c *cohesion) reset() {
	c.termKeys = c.termKeys[:0]
	c.termCount = c.termCount[:0]
	c.termTF = c.termTF[:0]
	c.termWeight = c.termWeight[:0]
	c.entries = c.entries[:0]
	c.entryStart = c.entryStart[:0]
	c.normD2 = 0
	c.clearAcc()
}

// buildUnits turns prose blocks into units; endnote lists start a new
// segment and are not units themselves.
//
// grouped is true when neighbouring paragraphs had to be grouped into one
// unit (groupUnits).
func buildUnits(doc *document.Document, out []unit) (units []unit, grouped bool) {
	raw := out
	segment := 0
	wc := wordCounter{toks: doc.Tokens()}
	prevNote := false
	// nextBracket is where the next '[' at or after the last block's
	// start is (len(doc.Src) for none): a block before it holds no note
	// reference, and most blocks are counted without a search of their
	// own.
	nextBracket := -1
	for bi, b := range doc.Blocks {
		switch b.Kind {
		case document.Note:
			if !prevNote {
				segment++
			}
			prevNote = true
			continue
		default:
			if !unitKind(b.Kind) {
				continue
			}
		}
		prevNote = false
		if nextBracket < b.Start {
			nextBracket = len(doc.Src)
			if k := bytes.IndexByte(doc.Src[b.Start:], '['); k >= 0 {
				nextBracket = b.Start + k
			}
		}
		refs := 0
		if nextBracket < b.End {
			refs = countNoteRefs(doc.Src[b.Start:b.End])
		}
		words := wc.count(b)
		substantial := (b.Kind == document.Paragraph || b.Kind == document.Quote) && words >= minParagraphWords
		paras, prose := 0, 0
		if substantial {
			paras, prose = 1, words
		}
		raw = append(raw, unit{
			paras: paras, proseWords: prose,
			firstBlock: bi, lastBlock: bi, segment: segment,
			tokFrom: wc.first, tokTo: wc.k,
			words:       words,
			paragraph:   b.Kind != document.Heading,
			substantial: substantial,
			heading:     b.Kind == document.Heading,
			title:       b.Kind == document.Heading || words <= maxTitleWords && numberedTitle(doc, b, words),
			noteRefs:    refs,
		})
	}
	if len(raw) <= maxUnits {
		return raw, false
	}
	if raw = mergeShortRuns(raw); len(raw) <= maxUnits {
		return raw, false
	}
	return groupUnits(raw), true
}

// unitKind reports whether blocks of kind k make units: prose, lists,
// headings and tables (not code, separators or notes).
func unitKind(k document.BlockKind) bool {
	switch k {
	case document.Paragraph, document.ListItem, document.Quote, document.Heading, document.Table:
		return true
	}
	return false
}

// mergeShortRuns merges each run of neighbouring units that are not
// substantial paragraphs (headings, list items, captions) into one unit:
// a long document keeps its paragraphs apart, so an inserted run of them
// still has its own units, and only its lists and short lines are grouped.
//
// The merged units are written over raw (each is written at or before
// the first unit it merges, after reading it), so the caller's buffer
// keeps its room for the next document.
func mergeShortRuns(raw []unit) []unit {
	out := raw[:0]
	for i := 0; i < len(raw); {
		g := raw[i]
		j := i + 1
		if !g.substantial {
			for ; j < len(raw) && !raw[j].substantial && raw[j].segment == g.segment; j++ {
				g.absorb(&raw[j])
			}
		}
		out = append(out, g)
		i = j
	}
	return out
}

// absorb extends unit a by its next neighbour b (in place: the units are
// large, and a copy in and out per merge showed on pages of many short
// blocks).
func (a *unit) absorb(b *unit) {
	a.lastBlock = b.lastBlock
	a.tokTo = b.tokTo
	a.words += b.words
	a.paragraph = a.paragraph || b.paragraph
	a.substantial = a.substantial || b.substantial
	a.heading = b.heading
	a.title = b.title
	a.noteRefs += b.noteRefs
	a.paras += b.paras
	a.proseWords += b.proseWords
}

// groupUnits merges neighbours of the same segment so that at most
// maxUnits remain, written over raw as mergeShortRuns does.
func groupUnits(raw []unit) []unit {
	size := (len(raw) + maxUnits - 1) / maxUnits
	out := raw[:0]
	for i := 0; i < len(raw); {
		g := raw[i]
		j := i + 1
		for ; j < len(raw) && j-i < size && raw[j].segment == g.segment; j++ {
			g.absorb(&raw[j])
		}
		out = append(out, g)
		i = j
	}
	return out
}

// maxTitleWords is the most words a numbered title holds.
const maxTitleWords = 8

// numberedTitle is a short numbered line standing as a section title: a
// list item such as "2. REDUCE" or a line such as "#38 Trim the fat."
func numberedTitle(doc *document.Document, b document.Block, words int) bool {
	if words > maxTitleWords || b.FirstLine != b.LastLine {
		return false
	}
	switch b.Kind {
	case document.ListItem:
		return len(b.Marker) > 1 && b.Marker[0] >= '0' && b.Marker[0] <= '9'
	case document.Paragraph, document.Heading:
		return startsNumbered(bytes.TrimSpace(doc.Src[b.ContentStart:b.End]))
	}
	return false
}

// wordCounter counts the words of blocks taken in document order with one
// walk over the tokens (TokensIn for each block bisected the token list
// twice per block).
type wordCounter struct {
	toks []document.Token
	k    int // first token not before the last block counted
	// first is where the last block counted starts: its tokens are
	// toks[first:k].
	first int
}

func (w *wordCounter) count(b document.Block) int {
	// The walk runs on local copies of the slice and the index: on the
	// fields, each step stored the index back.
	toks, k := w.toks, w.k
	for k < len(toks) && toks[k].Start < b.Start {
		k++
	}
	w.first = k
	n := 0
	for ; k < len(toks) && toks[k].End <= b.End; k++ {
		if toks[k].Kind == document.Word {
			n++
		}
	}
	w.k = k
	return n
}

// countTerms fills the term tables and each unit's (term, count) entries.
// Term IDs are local to the document, in order of first occurrence; the
// vocabulary maps each surface form to its key and weight once for many
// documents, so a word is stemmed once per worker, not once per document.
//
// It runs in three passes: the document's surface forms (in its own small
// table), then their vocabulary lookups in one batch, then the counts per
// unit. The vocabulary is large and its lookups miss the cache; batched,
// after a pass that only touches their slots, the misses overlap instead
// of each stalling the token loop.
//
// The document's table pays for itself although half of its lookups
// find nothing (about half the words past the stop words are a form's
// first in the document: WCXB truth 52%, pages 48%). Tried and not kept:
// each word looked up in the vocabulary directly, with no table of the
// document's own (only for documents the cache had room for, so that it
// was swept and cleared as before, with the same term IDs and entries).
// It ran 3.3% fewer instructions over the WCXB truth texts with
// --per-document (1.857G -> 1.795G; this family 679M -> 619M) and 1.6%
// fewer over the pages (5.703G -> 5.609G), with fewer simulated misses
// too (D1 19.5M -> 17.7M, a 1 MB last level 4.5M -> 3.7M), yet took more
// user CPU: over eight alternating rounds (GOMAXPROCS=1, -j1), medians
// 0.95 -> 0.98 s for four passes over the truth texts and 4.53 -> 4.74 s
// over the 106 MB bench corpus, slower in 7 of 8 rounds on the corpus,
// one a tie (six more rounds: 0.93 -> 0.99 s, 4.59 -> 4.74 s). A form's
// first word in the document then waits on the large tables' misses in
// turn (its term's first-use test is a branch on a load that missed),
// where the batch lookups overlap them. Keeping the vocabulary IDs of
// all the words and touching their terms in one batch before counting
// (0.93 -> 1.03 s, 4.59 -> 5.00 s), or listing every word's hash first
// and looking all of them up in a batch (more instructions than the
// table, 686M against 679M; 0.96 -> 0.98 s, 4.60 -> 4.64 s), did no
// better.
func (c *cohesion) countTerms(doc *document.Document, idf *idfTable) {
	v := c.vocab
	v.prepare(idf)
	// Rarely is more than one token in three a new surface form (on the
	// WCXB texts, after the stop words): the table grows if one is.
	c.docWords.reset(doc.Src, len(doc.Tokens())/3)
	c.surfaces, c.tokSurface = c.surfaces[:0], c.tokSurface[:0]
	unitEnd := c.unitEnd[:0]
	toks := doc.Tokens()
	for _, u := range c.units {
		c.scanWords(doc.Src, toks[u.tokFrom:u.tokTo])
		unitEnd = append(unitEnd, len(c.tokSurface))
	}
	surfaces, tokSurface := c.surfaces, c.tokSurface
	v.makeRoom(len(surfaces))
	v.surface.touch(surfaces)
	surfaceTerm := c.surfaceTerm[:0]
	for _, f := range surfaces {
		surfaceTerm = append(surfaceTerm, v.lookup(f.hash, f.head, doc.Src[f.start:f.end]))
	}
	// The vocabulary IDs become term IDs: their entries are touched first
	// too, for the same reason.
	v.touch(surfaceTerm)
	for k, vid := range surfaceTerm {
		id := int32(-1)
		if vid >= 0 {
			vt := &v.terms[vid]
			if vt.doc == v.doc {
				id = vt.local
			} else {
				id = c.addTerm(vt.key, vt.weight)
				vt.local, vt.doc = id, v.doc
			}
		}
		surfaceTerm[k] = id
	}
	// Words that are no term (stop words are a third of the tokens) are
	// counted under one more ID, noTerm, left out of the entries: the
	// count loop then has no branch on them that the processor mispredicts.
	noTerm := int32(len(c.termKeys))
	for k, id := range surfaceTerm {
		if id < 0 {
			surfaceTerm[k] = noTerm
		}
	}
	// The counters are all zero between units and documents: they are
	// kept at their length, and grown only past it.
	counter, touched := c.counter, c.touched[:0]
	if len(counter) <= len(c.termKeys) {
		counter = append(counter, make([]int32, len(c.termKeys)+1-len(counter))...)
	}
	from := 0
	for _, to := range unitEnd {
		c.entryStart = append(c.entryStart, len(c.entries))
		touched = touched[:0]
		for _, k := range tokSurface[from:to] {
			id := surfaceTerm[k]
			if counter[id] == 0 {
				touched = append(touched, id)
			}
			counter[id]++
		}
		for _, id := range touched {
			if id == noTerm {
				counter[id] = 0
				continue
			}
			tf := unitTF(counter[id])
			c.entries = append(c.entries, entry{term: id, count: counter[id], tf: tf})
			c.termCount[id] += counter[id]
			c.termTF[id] += tf
			counter[id] = 0
		}
		from = to
	}
	c.entryStart = append(c.entryStart, len(c.entries))
	c.counter, c.touched = counter, touched
	c.surfaces, c.tokSurface, c.unitEnd, c.surfaceTerm = surfaces, tokSurface, unitEnd, surfaceTerm
}

// scanWords appends the surface form of each word of toks that may be a
// term to c.tokSurface, and each new form to c.surfaces.
//
// A short word found in the first slot it probes in the document's
// surface table, most words, is read and found without a call: with calls
// to hash, probe and add for every word, the loop kept its slices and
// offsets on the stack and loaded them again around each call.
func (c *cohesion) scanWords(src []byte, toks []document.Token) {
	t := &c.docWords
	for _, tok := range toks {
		// A word of fewer than three bytes has fewer than three
		// letters: never a term (TermKey), so no lookup; nor is a
		// short stop word (stopHeads).
		n := tok.End - tok.Start
		if tok.Kind != document.Word || n < 3 {
			continue
		}
		// Most words are short: their head is read once, for the stop
		// words and the hash both.
		head, short := shortHead(src, tok.Start, n)
		if !short {
			c.scanLongWord(src, tok.Start, tok.End)
			continue
		}
		if stopHeads.holdsHead(head, n) {
			continue
		}
		h := hashShort(n, head)
		// getHead's first probe: a short form is equal by its head and
		// size alone.
		if s := &t.slots[h&uint64(len(t.slots)-1)]; s.hash == h && s.head == head && int(s.end-s.start) == n {
			c.tokSurface = append(c.tokSurface, s.vid)
			continue
		}
		c.addWord(h, head, tok.Start, tok.End)
	}
}

// scanLongWord is scanWords for a word whose head cannot be read in one
// load (more than seven bytes, or at the end of the document).
func (c *cohesion) scanLongWord(src []byte, start, end int) {
	n := end - start
	if n <= 8 && stopHeads.holds(src, start, n) {
		return
	}
	h, head := hashSpan(src, start, end)
	c.addWord(h, head, start, end)
}

// addWord appends the form of src[start:end], hashed h with wordHead
// head, to c.tokSurface, and to c.surfaces and the surface table when it
// is new.
func (c *cohesion) addWord(h, head uint64, start, end int) {
	k, ok := c.docWords.getOrAdd(h, head, start, end, int32(len(c.surfaces)))
	if !ok {
		c.surfaces = append(c.surfaces, surfaceForm{hash: h, head: head, start: start, end: end})
	}
	c.tokSurface = append(c.tokSurface, k)
}

// surfaceForm is one of a document's distinct surface forms.
type surfaceForm struct {
	hash, head uint64 // hashWord and wordHead of the form
	start, end int
}

// addTerm gives the document a new term and returns its ID.
func (c *cohesion) addTerm(key string, weight float64) int32 {
	id := int32(len(c.termKeys))
	c.termKeys = append(c.termKeys, key)
	c.termCount = append(c.termCount, 0)
	c.termTF = append(c.termTF, 0)
	c.termWeight = append(c.termWeight, weight)
	return id
}

// vocabulary caches TermKey and the IDF weight of every surface form a
// worker has seen, under vocabulary IDs (terms[vid]).
type vocabulary struct {
	idf     *idfTable
	surface wordSet // surface form -> vocabulary ID, -1 for no term
	// keys maps a term key to its vocabulary ID, and longKeys the keys
	// keys cannot hold (see wordSet.add). A string map of the keys was
	// hashed, probed and grown for each new surface form; this table
	// takes the form's own hash when the key is spelt as the form. Over
	// the WCXB truth texts with --per-document it ran 4M fewer
	// instructions than the map (of 1.82G) and, over twelve alternating
	// rounds, 0.935 -> 0.905 s of user CPU for four passes (medians).
	keys     wordSet
	longKeys map[string]int32
	terms    []vocabTerm
	// doc numbers the documents the vocabulary serves (prepare): a term's
	// local ID is the current document's only when its doc is this one,
	// so no pass over the document's terms forgets their IDs.
	doc  uint32
	sink int32 // touch's sum, kept so its loads are not optimised away
}

// vocabTerm is one term of the vocabulary. Its fields sit together: a
// document's lookups of them miss the cache, one line per term (three
// parallel slices cost three misses).
type vocabTerm struct {
	key    string
	weight float64
	// local is the term's ID in document number doc (see vocabulary).
	local int32
	doc   uint32
}

// maxVocabulary bounds the surface forms cached per worker: the surface
// table holds them at most half full in 2*maxVocabulary slots (2 MB).
// A document that could take the cache past it (its distinct forms are
// counted before any lookup) sweeps it, or starts it afresh (makeRoom),
// so the table never grows
// to the next size (8 MB: it did, once per few hundred documents, and
// kept that size). Twice the size (1 << 17) kept all 77,000 forms of the
// WCXB dev pages, for 1.2% fewer instructions over the pages, but cost
// 6 MB of peak RSS in a two-worker --per-document run over 1 GB (92.9 ->
// 98.7 MB against a 100 MB target).
const maxVocabulary = 1 << 16

// prepare readies the vocabulary for a document weighted by idf.
func (v *vocabulary) prepare(idf *idfTable) {
	if v.doc++; v.doc == 0 {
		// Numbers wrapped around: no term may carry the new one.
		for k := range v.terms {
			v.terms[k].doc = 0
		}
		v.doc = 1
	}
	if v.keys.slots == nil || v.idf != idf {
		v.idf = idf
		v.clear()
	}
}

// vocabularyLimit is maxVocabulary (a variable for the tests, which
// make the cache small to sweep it often).
var vocabularyLimit = maxVocabulary

// makeRoom makes room for forms more surface forms before the document's
// lookups. When they might take the cache past its bound, it sweeps the
// surface forms no document looked up since they were added or since the
// last sweep; when that leaves too little room, or the terms (which a
// sweep keeps, so the table of term keys stays within the same bound)
// might outgrow it, it starts the cache afresh.
//
// Starting afresh at every fill dropped the forms a worker meets in
// most documents along with the rest. Over the WCXB dev pages and truth
// texts (885,000 lookups, 77,900 distinct forms), a simulation of the
// cache counted 125,800 misses starting afresh and 100,900 sweeping
// (CLOCK: 91,200); over four copies of them in a row, 503,000 and
// 327,000 (CLOCK: 266,000). A miss stems the word and looks it up in
// the IDF table, some 2,000 instructions.
func (v *vocabulary) makeRoom(forms int) {
	if v.surface.len()+forms <= vocabularyLimit {
		return
	}
	v.surface.sweep()
	if v.surface.len()+forms > vocabularyLimit || len(v.terms)+forms > vocabularyLimit {
		v.clear()
	}
}

// clear empties the cache.
func (v *vocabulary) clear() {
	v.surface.reset()
	v.keys.reset()
	clear(v.longKeys)
	v.terms = v.terms[:0]
}

// lookup returns the vocabulary ID of a surface form, -1 when it is no
// term (a stop word, a number, too short).
func (v *vocabulary) lookup(h, head uint64, word []byte) int32 {
	if vid, ok := v.surface.getHead(h, head, word); ok {
		return vid
	}
	vid := int32(-1)
	if key := termKeyBytes(word); key != "" {
		// A key spelt as its surface form (a lower-case word that
		// stemming left alone, the commonest case) has its hash.
		kh, khead := h, head
		if key != string(word) {
			kh, khead = hashWordHead([]byte(key))
		}
		vid = v.termID(key, kh, khead)
	}
	v.surface.add(h, word, vid)
	return vid
}

// termID returns the vocabulary ID of a term key hashed h (hashWordHead,
// with head), a new one when the vocabulary lacks it.
func (v *vocabulary) termID(key string, h, head uint64) int32 {
	kb := []byte(key)
	if vid, ok := v.keys.getHead(h, head, kb); ok {
		return vid
	}
	if v.longKeys != nil {
		if vid, ok := v.longKeys[key]; ok {
			return vid
		}
	}
	vid := int32(len(v.terms))
	v.terms = append(v.terms, vocabTerm{key: key, weight: v.idf.weightHashed(key, h)})
	if !v.keys.add(h, kb, vid) {
		if v.longKeys == nil {
			v.longKeys = map[string]int32{}
		}
		v.longKeys[key] = vid
	}
	return vid
}

// touch reads the terms of the vocabulary IDs vids (-1 for none), so
// that their cache misses overlap.
func (v *vocabulary) touch(vids []int32) {
	var sum int32
	for _, vid := range vids {
		if vid >= 0 {
			sum += v.terms[vid].local
		}
	}
	v.sink = sum
}

func (c *cohesion) buildPrefixes(doc *document.Document) {
	n := c.n
	c.words = resizeInts(c.words, n+1)
	c.paras = resizeInts(c.paras, n+1)
	c.proseWords = resizeInts(c.proseWords, n+1)
	c.noteRefs = resizeInts(c.noteRefs, n+1)
	c.titles = resizeInts(c.titles, n+1)
	c.typo = resizeTypo(c.typo, n+1)
	// The units' typographic habits are counted only when the whole
	// text mixes habits: the units' counts are at most the text's, so a
	// text that keeps to one habit of each group has units that do
	// (mixedTypo false: the counts are never read). One vectorised pass
	// over the text spares most documents a search of every unit.
	countTypo := mixedHabits(countTypography(doc.Src))
	c.mass = resizeFloats(c.mass, n+1)
	c.dotD = resizeFloats(c.dotD, n+1)
	for t, w := range c.termWeight {
		k := c.termTF[t]
		c.normD2 += w * w * k * k
	}
	for u := 0; u < n; u++ {
		mass, dot := 0.0, 0.0
		for _, e := range c.entries[c.entryStart[u]:c.entryStart[u+1]] {
			w := c.termWeight[e.term]
			mass += e.tf * w
			dot += e.tf * w * w * c.termTF[e.term]
		}
		c.words[u+1] = c.words[u] + c.units[u].words
		c.paras[u+1] = c.paras[u] + c.units[u].paras
		c.proseWords[u+1] = c.proseWords[u] + c.units[u].proseWords
		c.noteRefs[u+1] = c.noteRefs[u] + c.units[u].noteRefs
		c.titles[u+1] = c.titles[u]
		if countTypo {
			from, to := doc.Blocks[c.units[u].firstBlock].Start, doc.Blocks[c.units[u].lastBlock].End
			c.typo[u+1] = c.typo[u].plus(countTypography(doc.Src[from:to]))
		}
		if c.units[u].title {
			c.titles[u+1]++
		}
		c.mass[u+1] = c.mass[u] + mass
		c.dotD[u+1] = c.dotD[u] + dot
	}
	c.mixedTypo = countTypo && mixedHabits(c.typo[n])
	c.buildGram()
	c.exclFrom = c.n
	c.buildEnds()
	c.capNormReady = false
}

// capNorm is capNorm2, summed on first use: only documents with a run
// that may beat the search's top candidate take a capped cosine.
func (c *cohesion) capNorm() float64 {
	if !c.capNormReady {
		c.capNorm2 = 0
		for t, w := range c.termWeight {
			h := min(c.termTF[t], defaultParams.hostCap)
			c.capNorm2 += h * h * w * w
		}
		c.capNormReady = true
	}
	return c.capNorm2
}

// runEnd is what the search's loop reads of the runs that end at one
// unit, side by side: the prefix sums up to the unit's end (note
// references and titles in int32), the Gram table's corner
// P[j+1][j+1], and whether the unit is a heading. A run's sums are these
// minus its first unit's (a dozen slices indexed apart took a bounds
// check and a load of the slice each).
type runEnd struct {
	diag, dotD, mass float64
	// words and prose words, as float64 (integers, exact): the search
	// takes them as such.
	words, prose     float64
	noteRefs, titles int32
	heading          bool
	// next is the first unit after this one that is no heading (n if
	// none): the next end of a run.
	next int32
}

// buildEnds fills c.ends from the prefix sums and the Gram table.
func (c *cohesion) buildEnds() {
	n, stride := c.n, c.n+1
	c.ends = c.ends[:0]
	for j := 0; j < n; j++ {
		c.ends = append(c.ends, runEnd{
			diag: c.gram[(j+1)*stride+j+1], dotD: c.dotD[j+1], mass: c.mass[j+1],
			words: float64(c.words[j+1]), prose: float64(c.proseWords[j+1]),
			noteRefs: int32(c.noteRefs[j+1]), titles: int32(c.titles[j+1]),
			heading: c.units[j].heading,
		})
	}
	next := int32(n)
	for j := n - 1; j >= 0; j-- {
		c.ends[j].next = next
		if !c.ends[j].heading {
			next = int32(j)
		}
	}
}

// cappedCos is the cosine of run i..j with the rest of the document when
// the rest's term weights are capped at hostCap (in units of the damped
// term frequency). A plain cosine can rest on one or two words the
// article repeats in every paragraph ("food", "app") and an inserted
// piece happens to use: capping the article's side lets no single word
// carry the similarity, while words an article shares with a digression
// of its own are many. Cost: one pass over the run's entries, or over
// those past the last run asked for when this one extends it (the search
// asks for runs from one unit in the order of their ends): acc keeps the
// run's sums from one call to the next, and the sums add the entries in
// the same order either way.
func (c *cohesion) cappedCos(i, j int) float64 {
	hostCap := defaultParams.hostCap
	if cap(c.acc) < len(c.termKeys) {
		c.clearAcc()
		c.acc = make([]float64, len(c.termKeys))
	}
	acc := c.acc[:len(c.termKeys)]
	from := c.entryStart[i]
	if c.accTo >= 0 && c.accFrom == i && c.accTo <= j {
		from = c.entryStart[c.accTo+1]
	} else {
		c.clearAcc()
	}
	touched := c.accTouched
	for _, e := range c.entries[from:c.entryStart[j+1]] {
		if acc[e.term] == 0 {
			touched = append(touched, e.term)
		}
		acc[e.term] += e.tf
	}
	c.accTouched, c.accFrom, c.accTo = touched, i, j
	h2 := c.capNorm()
	dot, b2 := 0.0, 0.0
	for _, t := range touched {
		b, w := acc[t], c.termWeight[t]
		w2 := w * w
		h := min(max(c.termTF[t]-b, 0), hostCap)
		d := min(c.termTF[t], hostCap)
		dot += b * h * w2
		b2 += b * b * w2
		h2 += (h*h - d*d) * w2
	}
	if b2 <= 0 || h2 <= 1e-12 {
		return 0
	}
	return dot / math.Sqrt(b2*h2)
}

// clearAcc empties cappedCos' sums.
func (c *cohesion) clearAcc() {
	acc := c.acc[:cap(c.acc)]
	for _, t := range c.accTouched {
		acc[t] = 0
	}
	c.accTouched = c.accTouched[:0]
	c.accTo = -1
}

// buildGram fills the 2-D prefix sum of unit·unit dot products. Units that
// share a term meet through that term's postings, so the cost is the sum of
// squared posting lengths, not n² times the vocabulary.
func (c *cohesion) buildGram() {
	n := c.n
	stride := n + 1
	c.gram = resizeFloats(c.gram, stride*stride)
	c.buildPostings()
	g := c.gram // use rows 1..n, cols 1..n as G[u][v] at [(u+1)*stride+v+1]
	// The matrix is symmetric: each term computes the products of the
	// cells (a, b) with a <= b only (postings are in unit order), half the
	// multiply-adds, and adds each to (b, a) as well: both cells sum the
	// same values in the same order. (Copying the lower triangle from the
	// upper one afterwards touched every cell, most of them zero.)
	for t, w := range c.termWeight {
		from, to := c.postStart[t], c.postStart[t+1]
		if to-from == 1 {
			// Most terms are in one unit: they add to the diagonal only,
			// without the slicing the loop below does per posting.
			a, tf := int(c.postUnit[from]), c.postTF[from]
			waa := w * w * tf
			g[(a+1)*stride+a+1] += waa * tf
			continue
		}
		units := c.postUnit[from:to]
		tfs := c.postTF[from:to][:len(units)] // one length: fewer bounds checks
		for k, a := range units {
			waa := w * w * tfs[k]
			row := g[(int(a)+1)*stride+1 : (int(a)+2)*stride]
			row[a] += waa * tfs[k]
			col := g[int(a)+1:]
			for m := k + 1; m < len(units); m++ {
				v := waa * tfs[m]
				row[units[m]] += v
				col[(int(units[m])+1)*stride] += v
			}
		}
	}
	// P[i][j] = P[i-1][j] + (the row's running sum): one dependent add
	// per cell instead of three.
	for i := 1; i <= n; i++ {
		// Columns 1..n of the row and of the one above it, sliced to one
		// length: the loop has no bounds checks.
		row := g[i*stride+1 : (i+1)*stride]
		up := g[(i-1)*stride+1 : i*stride][:len(row)]
		sum := 0.0
		for j := range row {
			sum += row[j]
			row[j] = up[j] + sum
		}
	}
}

// buildPostings groups the per-unit entries by term (a counting sort):
// term t occurs in units postUnit[postStart[t]:postStart[t+1]] with the
// weights in postTF, units in increasing order.
func (c *cohesion) buildPostings() {
	terms := len(c.termKeys)
	c.postStart = resizeInts(c.postStart, terms+1)
	start := c.postStart
	for _, e := range c.entries {
		start[e.term+1]++
	}
	for t := 1; t < len(start); t++ {
		start[t] += start[t-1]
	}
	c.postUnit = slices.Grow(c.postUnit[:0], len(c.entries))[:len(c.entries)]
	c.postTF = slices.Grow(c.postTF[:0], len(c.entries))[:len(c.entries)]
	c.postFill = append(c.postFill[:0], start[:terms]...)
	fill := c.postFill
	for u := 0; u < c.n; u++ {
		for _, e := range c.entries[c.entryStart[u]:c.entryStart[u+1]] {
			c.postUnit[fill[e.term]] = int32(u)
			c.postTF[fill[e.term]] = e.tf
			fill[e.term]++
		}
	}
}

// exclTable returns the table of exclusive masses, excl, with every row
// built.
func (c *cohesion) exclTable() []float64 {
	c.buildExclusive(0)
	return c.excl
}

// exclAt is excl[i*n+j], the exclusive mass of run i..j, with the rows
// it rests on built on first use: the search tests a run's exclusive
// share only once it passes screen, in most documents none does, and in
// the others the rows above the first unit of the runs it tests are
// never read.
func (c *cohesion) exclAt(i, j int) float64 {
	if i < c.exclFrom {
		c.buildExclusive(i)
	}
	return c.excl[i*c.n+j]
}

// buildExclusive fills the rows from of excl not yet built (excl[i*n+j]:
// the IDF mass of terms that occur at least twice, all inside units
// i..j). A term at (first, last) counts for every i <= first and
// j >= last. Row i rests on the rows below it only, so the rows are
// built from the last one up, and each call goes on from the row where
// the last one stopped, with the same sums in the same order as one
// build of the whole table. It reads the postings: buildGram runs first.
func (c *cohesion) buildExclusive(from int) {
	n, to := c.n, c.exclFrom
	if from >= to {
		return
	}
	if to == n {
		if cap(c.excl) < n*n {
			c.excl = make([]float64, n*n)
		}
		c.excl = c.excl[:n*n]
	}
	c.exclFrom = from
	// Only the cells on and above the diagonal are summed and read, and
	// the one just below it (the sum for row i-1 adds row i's cell i-1):
	// a clear of the others was a quarter of the rule's clearing.
	for i := from; i < to; i++ {
		clear(c.excl[i*n+max(i-1, 0) : (i+1)*n])
	}
	// Each term's first and last unit are the ends of its postings
	// (buildGram built them, units in increasing order); a term counts in
	// the row of its first unit.
	x := c.excl
	for t := range c.termKeys {
		start, end := c.postStart[t], c.postStart[t+1]
		if start < end && c.termCount[t] >= 2 {
			if first := int(c.postUnit[start]); first >= from && first < to {
				x[first*n+int(c.postUnit[end-1])] += c.termTF[t] * c.termWeight[t]
			}
		}
	}
	// F[i][j] = F[i+1][j] + Σ_{i<=j'<=j} E[i][j'] (a running sum along
	// the row). Only j >= i is ever read, and the cell just below the
	// diagonal, read for the row above, stays zero (a term's first unit
	// is never after its last), so the sums skip the others.
	for i := to - 1; i >= from; i-- {
		row := x[i*n : (i+1)*n]
		sum := 0.0
		if i+1 < n {
			below := x[(i+1)*n : (i+2)*n]
			for j := i; j < n; j++ {
				sum += row[j]
				row[j] = sum + below[j]
			}
			continue
		}
		for j := i; j < n; j++ {
			sum += row[j]
			row[j] = sum
		}
	}
}

// run is the measure of one candidate block, units i..j inclusive.
type run struct {
	i, j       int
	words      int
	proseWords int
	paras      int
	mass       float64
	cos        float64
	exclusive  float64 // fraction of the block's mass on terms exclusive to it
}

// dots returns |B|², B·H and |H|² for the run i..j (B) and the rest (H).
//
// It is small enough to be inlined into surelyFails, which the search
// calls for most runs (the row offsets are taken once for that).
func (c *cohesion) dots(i, j int) (b2, bh, h2 float64) {
	b2, bd := c.blockDots(i, j)
	return b2, bd - b2, c.normD2 - 2*bd + b2
}

// blockDots returns |B|² and B·D for the run i..j (B) and the document
// (D).
func (c *cohesion) blockDots(i, j int) (b2, bd float64) {
	g, end, start := c.gram, (j+1)*(c.n+1), i*(c.n+1)
	return g[end+j+1] - g[start+j+1] - g[end+i] + g[start+i], c.dotD[j+1] - c.dotD[i]
}

func (c *cohesion) measure(i, j int) run {
	b2, bh, h2 := c.dots(i, j)
	r := run{i: i, j: j,
		words:      c.words[j+1] - c.words[i],
		proseWords: c.proseWords[j+1] - c.proseWords[i],
		paras:      c.paras[j+1] - c.paras[i],
		mass:       c.mass[j+1] - c.mass[i],
	}
	if b2 > 0 && h2 > 0 {
		r.cos = math.Max(0, bh) / math.Sqrt(b2*h2)
	}
	r.exclusive = c.exclusive(i, j)
	return r
}

// exclusive is measure's exclusive share of run i..j.
func (c *cohesion) exclusive(i, j int) float64 {
	if mass := c.mass[j+1] - c.mass[i]; mass > 0 {
		return c.exclAt(i, j) / mass
	}
	return 0
}

func resizeInts(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func resizeFlags(s []uint8, n int) []uint8 {
	if cap(s) < n {
		return make([]uint8, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func resizeFloats(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// unitCos is the cosine of unit u with the rest of the document.
func (c *cohesion) unitCos(u int) float64 {
	s := c.n + 1
	g := c.gram
	u2 := g[(u+1)*s+u+1] - g[u*s+u+1] - g[(u+1)*s+u] + g[u*s+u]
	ud := c.dotD[u+1] - c.dotD[u]
	r2 := c.normD2 - 2*ud + u2
	if u2 <= 0 || r2 <= 0 {
		return 0
	}
	return math.Max(0, ud-u2) / math.Sqrt(u2*r2)
}

// baseline is the median cosine of the document's substantial paragraphs
// with the rest of it: how cohesive the document is paragraph by
// paragraph. A roundup of unrelated items has a low baseline; an article
// has a high one, and an inserted block stands out against it.
func (c *cohesion) baseline() float64 {
	cs := c.cosines[:0]
	for u := range c.units {
		if c.units[u].substantial {
			cs = append(cs, c.unitCos(u))
		}
	}
	c.cosines = cs
	if len(cs) == 0 {
		return 0
	}
	slices.Sort(cs)
	return cs[len(cs)/2]
}
