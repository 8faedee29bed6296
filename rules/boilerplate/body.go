package boilerplate

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"sync"

	"github.com/dochygiene/hygiene/internal/document"
)

// The main body, in the jusText spirit on text alone: a "good" block is a
// real paragraph (long enough, dense in stop words, ending a sentence); the
// body is the run of good blocks, allowing short gaps (headings, short
// lists), that holds the most good words. Lines outside it are judged with
// looser thresholds than lines inside it.

// Thresholds for a good block. Tuned on the WCXB tune split.
const (
	goodMinWords    = 12
	goodMinStopRate = 0.22
	// bodyMaxGap is how many non-good blocks may separate two good blocks
	// of one body run; bodyMaxGapWords bounds the words in such a gap.
	bodyMaxGap      = 10
	bodyMaxGapWords = 120
	bodyEdgeShare   = 0.15
	// A stray run at an edge (teasers in a related-links box) has at most
	// bodyEdgeMaxGood good blocks; at most bodyEdgeMaxDrop are dropped
	// per edge, so a long review of many short sections keeps its parts.
	bodyEdgeMaxGood = 3
	bodyEdgeMaxDrop = 2
	// endMarkerShare: the body ends before an end-of-article line when
	// the good words after it are less than this share.
	endMarkerShare = 0.3
	// nearGoodMinWords: a sentence this long next to the body extends it.
	nearGoodMinWords = 7
)

// blockInfo is what the rules need to know about one block.
type blockInfo struct {
	words, stops int
	// stopsIn is how many of the block's first tokens stops counts the
	// stop words of (the count stops once the block has enough).
	// (int32: the struct stays 24 bytes, one per block of every page).
	stopsIn int32
	good    bool
}

// analysis is computed once per document and shared by every boilerplate
// rule through a small cache (the runner runs all rules on one document in
// a row).
type analysis struct {
	doc    *document.Document
	blocks []blockInfo
	// bodyFirst and bodyLast are block indexes of the main body's first
	// and last good block, -1 when the document has no real paragraph.
	bodyFirst, bodyLast int
	// matched marks blocks with a phrase-matched line.
	matched []bool
	// cands are the lines phrase and structure rules judge: standalone
	// short lines of checked blocks, with their normalised text.
	cands []candidate
	// matchedCands are the indexes of the candidates a family matches.
	matchedCands []int
	// notes marks blocks in the notes zone (inNotesZone).
	notes []bool
	// textOf numbers the candidates' normalised texts (the index of the
	// first candidate with the same one) and copies counts, per
	// candidate, the candidates with its text: repeats are looked up by
	// index, not by string.
	textOf, copies []int32

	// The structure rule's verdicts and context, computed once on first
	// use (structure.go) and read by the line model too.
	structOnce sync.Once
	verdicts   []structureVerdict
	ctx        *context
	// overlaps keeps the body overlaps of the first call (overlap.go).
	overlaps overlapMemo
	// The line model's scores, computed once on first use (linemodel.go).
	modelOnce sync.Once
	scores    []float32
	// furniture caches furnitureLines (linefeatures.go).
	furnitureOnce sync.Once
	furniture     int
	// isLone caches lone() (structure.go).
	loneOnce sync.Once
	isLone   bool
}

// candidate is one line worth judging.
type candidate struct {
	line, block int
	// text is the trimmed line (in doc.Src, not a copy), norm its
	// normalised form.
	text []byte
	norm string
	// words is wordCount(norm), asked for again and again.
	words int
	// match is the strongest phrase-family match of the line; matches
	// holds the match per family (see familyMatches).
	match   phraseMatch
	matches familyMatches
	// compound: the line is only furniture phrases in a row.
	compound bool
	// sentence is endsSentence(text), asked by most rules and features.
	sentence bool
	// blockTokens: tokens are the block's (the block is this one line),
	// whose first stop words measureBlock counted.
	blockTokens bool
	// tokens are the line's tokens (doc.TokensIn of the line).
	tokens []document.Token
}

// inBody reports whether block bi lies within the main body.
func (a *analysis) inBody(bi int) bool {
	return a.bodyFirst >= 0 && bi >= a.bodyFirst && bi <= a.bodyLast
}

// positions are the names of where a block lies relative to the body,
// indexed by positionIndex.
var positions = [...]string{
	"in a document without body paragraphs",
	"before the first body paragraph",
	"after the last body paragraph",
	"inside the body",
}

// position names where a block lies relative to the body.
func (a *analysis) position(bi int) string { return positions[a.positionIndex(bi)] }

// positionIndex is where a block lies relative to the body, an index
// into positions.
func (a *analysis) positionIndex(bi int) int {
	switch {
	case a.bodyFirst < 0:
		return 0
	case bi < a.bodyFirst:
		return 1
	case bi > a.bodyLast:
		return 2
	}
	return 3
}

func newAnalysis(doc *document.Document) *analysis {
	a := &analysis{doc: doc, blocks: make([]blockInfo, len(doc.Blocks)), matched: make([]bool, len(doc.Blocks)), bodyFirst: -1, bodyLast: -1}
	scratch := pendingLines.Get().(*pendingScratch)
	defer pendingLines.Put(scratch)
	// The tokens of each block are kept for its line when the block is
	// that one line (most paragraphs): the same span, the same tokens.
	blockToks := zeroed(&scratch.blockToks, len(doc.Blocks))
	defer clear(blockToks) // no pointers into the document kept in the pool
	blockTokens := tokenWalk{doc: doc, toks: doc.Tokens()}
	for bi, b := range doc.Blocks {
		toks, words := blockTokens.in(b.ContentStart, b.End)
		blockToks[bi] = toks
		a.blocks[bi] = measureBlock(doc, b, toks, words)
	}
	// The normalised lines go into one string for the document, cut into
	// the candidates' norms (one allocation instead of one per line).
	arena, lines := scratch.arena[:0], scratch.lines[:0]
	eachCandidateLine(doc, func(i, bi, rawStart int, raw, norm []byte) {
		from := len(arena)
		arena = append(arena, norm...)
		lines = append(lines, pendingLine{i, bi, rawStart, rawStart + len(raw), from, len(arena)})
	})
	scratch.arena, scratch.lines = arena, lines
	norms := string(arena)
	a.cands = candidateBuffer(len(lines))
	firstOf := scratch.firstOf.reset(len(lines))
	a.textOf = make([]int32, 0, len(lines))
	lineTokens := newTokenCursor(doc)
	for _, p := range lines {
		l := doc.Lines[p.line]
		c := candidate{line: p.line, block: p.block, norm: norms[p.from:p.to], text: doc.Src[p.textFrom:p.textTo]}
		if b := doc.Blocks[p.block]; b.ContentStart == l.Start && b.End == l.End {
			c.tokens, c.blockTokens = blockToks[p.block], true
		} else {
			c.tokens = lineTokens.in(l.Start, l.End)
		}
		c.words = wordCount(c.norm)
		c.sentence = endsSentence(c.text)
		c.match, c.matches = matchAll(c.norm, c.text)
		if c.match == noMatch && !c.sentence {
			c.compound, _ = compound(c.norm)
		}
		if c.match != noMatch {
			// "More on this topic: A and B." reads like a sentence
			// but is furniture: it never anchors the body.
			a.blocks[p.block].good = false
			a.matched[p.block] = true
			a.matchedCands = append(a.matchedCands, len(a.cands))
		}
		a.textOf = append(a.textOf, firstOf.number(a.cands, c.norm))
		a.cands = append(a.cands, c)
	}
	a.copies = make([]int32, len(a.cands))
	for _, text := range a.textOf {
		a.copies[text]++
	}
	for ci, text := range a.textOf {
		a.copies[ci] = a.copies[text]
	}
	a.notes = make([]bool, len(doc.Blocks))
	for bi := range doc.Blocks {
		a.notes[bi] = notesZone(doc, bi)
	}
	a.findBody()
	a.cutAtEndMarker()
	a.extendBody()
	return a
}

// pendingLine is a candidate line found, before its norm is a string:
// offsets only, so the scratch holds no pointers for the collector.
type pendingLine struct {
	line, block      int
	textFrom, textTo int // the trimmed line in doc.Src
	from, to         int // its norm in the arena
}

// pendingScratch is newAnalysis' scratch, recycled between documents.
type pendingScratch struct {
	arena     []byte
	lines     []pendingLine
	firstOf   normTable
	blockToks [][]document.Token // cleared before the scratch is put back
}

// normTable numbers the candidates' normalised texts: the index of the
// first candidate with the text. It is an open-addressing table of
// candidate indexes (a string map, rebuilt per document, was a tenth of
// the analysis' memory); the slots are reused between documents.
type normTable struct {
	slots []int32 // 1 + a candidate index; 0: empty
	mask  uint64
}

var normSeed = maphash.MakeSeed()

// reset empties the table for up to n texts.
func (t *normTable) reset(n int) *normTable {
	t.slots, t.mask = emptySlots(t.slots, n)
	return t
}

// number returns the index of the first of cands whose norm is norm,
// len(cands) when there is none (the candidate about to be appended,
// which the table then records).
func (t *normTable) number(cands []candidate, norm string) int32 {
	i := maphash.String(normSeed, norm) & t.mask
	for ; t.slots[i] != 0; i = (i + 1) & t.mask {
		if first := t.slots[i] - 1; cands[first].norm == norm {
			return first
		}
	}
	t.slots[i] = int32(len(cands)) + 1
	return int32(len(cands))
}

var pendingLines = sync.Pool{New: func() any { return new(pendingScratch) }}

// eachCandidateLine calls fn for every line phrase and structure rules
// judge, in order: standalone short lines of checked blocks whose
// normalised text is not empty. raw is the trimmed line, doc.Src[rawStart:
// rawStart+len(raw)], and norm its normalised form, only valid during the
// call.
func eachCandidateLine(doc *document.Document, fn func(line, block, rawStart int, raw, norm []byte)) {
	var buf [maxPhraseLine]byte
	for bi, b := range doc.Blocks {
		if !checkedBlock(b) {
			continue
		}
		for i := b.FirstLine; i <= b.LastLine; i++ {
			l := doc.Lines[i]
			if l.End-l.Start > maxPhraseLine || !standaloneLine(doc, b, i) {
				continue
			}
			text := doc.Src[l.Start:l.End]
			raw := bytes.TrimSpace(text)
			norm := appendNormal(buf[:0], raw)
			if len(norm) == 0 {
				continue
			}
			lead := cap(text) - cap(raw) // raw is text[lead:...]
			fn(i, bi, l.Start+lead, raw, norm)
		}
	}
}

// extendBody grows the body over near-good blocks right before its start
// and after its end (jusText's "near-good" class): short real sentences,
// a standfirst or a closing line, are article text.
func (a *analysis) extendBody() {
	if a.bodyFirst < 0 {
		return
	}
	for a.bodyFirst > 0 && a.nearGood(a.bodyFirst-1) {
		a.bodyFirst--
	}
	for a.bodyLast+1 < len(a.blocks) && a.nearGood(a.bodyLast+1) {
		a.bodyLast++
	}
}

// nearGood reports a block that reads as a sentence: enough words, a
// sentence end, function words, and no phrase match.
func (a *analysis) nearGood(bi int) bool {
	info := a.blocks[bi]
	b := a.doc.Blocks[bi]
	switch b.Kind {
	case document.Paragraph, document.ListItem, document.Quote:
	default:
		return false
	}
	if info.good {
		return true
	}
	if info.words < nearGoodMinWords || !endsSentence(a.doc.Src[b.ContentStart:b.End]) || a.matched[bi] {
		return false
	}
	stops := 0
	for _, t := range a.doc.TokensIn(b.ContentStart, b.End) {
		if t.Kind == document.Word && isStopWord(a.doc.Src[t.Start:t.End]) {
			stops++
		}
	}
	return float64(stops) >= goodMinStopRate*float64(info.words)
}

// cutAtEndMarker ends the body before the first line of an end-of-article
// family (related links, comments, tags, newsletter, share, author box)
// after which the good blocks hold less than endMarkerShare of the body's
// good words: teasers and author bios after "Related posts" read like
// paragraphs but are not the article.
func (a *analysis) cutAtEndMarker() {
	if a.bodyFirst < 0 {
		return
	}
	total := 0
	for bi := a.bodyFirst; bi <= a.bodyLast; bi++ {
		if a.blocks[bi].good {
			total += a.blocks[bi].words
		}
	}
	// Walk the body once: upTo is the good words up to the current
	// block, lastGood the last good block seen.
	upTo, lastGood, bi := 0, -1, a.bodyFirst
	for ci := range a.cands {
		c := &a.cands[ci]
		if c.block <= a.bodyFirst || c.block > a.bodyLast {
			continue
		}
		for ; bi < c.block; bi++ {
			if a.blocks[bi].good {
				upTo += a.blocks[bi].words
				lastGood = bi
			}
		}
		if !endMarker(c) {
			continue
		}
		after := total - upTo
		if a.blocks[c.block].good {
			after -= a.blocks[c.block].words
		}
		if lastGood >= 0 && float64(after) < endMarkerShare*float64(total) {
			a.bodyLast = lastGood
			return
		}
	}
}

// endMarker reports a line of a family that closes articles.
func endMarker(c *candidate) bool {
	if c.match == noMatch {
		return false
	}
	for _, f := range allFamilies {
		if f.EndMarker && c.matches.get(f.index) != noMatch {
			return true
		}
	}
	return false
}

// measureBlock measures block b from its tokens toks, words of them
// words (wordTokens).
func measureBlock(doc *document.Document, b document.Block, toks []document.Token, words int) blockInfo {
	var info blockInfo
	if b.Kind == document.Code || b.Kind == document.Table || b.Kind == document.Separator {
		return info
	}
	info.words = words
	switch b.Kind {
	case document.Paragraph, document.ListItem, document.Quote:
	default:
		return info
	}
	if info.words < goodMinWords || !endsSentence(doc.Src[b.ContentStart:b.End]) {
		return info
	}
	// Count stop words only until the block has enough of them.
	need := int(goodMinStopRate*float64(info.words) + 0.999)
	info.stopsIn = int32(len(toks))
	src := doc.Src
	for i := range toks {
		// A word longer than any stop word is not looked up, the others
		// in stopTable in place (isStopWord's call and tests were half
		// the loop's instructions).
		if t := &toks[i]; t.Kind == document.Word && t.End-t.Start <= maxStopWord && stopTable.has(stopKey(src[t.Start:t.End])) {
			if info.stops++; info.stops >= need {
				info.stopsIn = int32(i + 1)
				break
			}
		}
	}
	info.good = info.stops >= need
	return info
}

// wordTokens counts the words among toks: the tokens less the numbers.
// A token is a word or a number (Kind 0 or 1), so the kinds summed count
// the numbers without a branch per token (tokenWalk counts every block's
// the same way).
func wordTokens(toks []document.Token) int {
	numbers := 0
	for i := range toks {
		numbers += int(toks[i].Kind)
	}
	return len(toks) - numbers
}

// findBody splits the good blocks into runs (good blocks separated by at
// most bodyMaxGap other blocks), then takes the span from the first to the
// last good block, dropping small stray runs at either end (few blocks,
// less than bodyEdgeShare of the good words): a teaser paragraph in a
// related-links box is not the article, a long list between two halves of
// it is.
func (a *analysis) findBody() {
	type run struct{ first, last, words, good int }
	var runs []run
	total := 0
	gap, gapWords := 0, 0
	for bi, info := range a.blocks {
		if !info.good {
			gap++
			gapWords += info.words
			continue
		}
		total += info.words
		if len(runs) == 0 || gap > bodyMaxGap || gapWords > bodyMaxGapWords {
			runs = append(runs, run{first: bi})
		}
		r := &runs[len(runs)-1]
		r.last = bi
		r.words += info.words
		r.good++
		gap, gapWords = 0, 0
	}
	stray := func(r run) bool {
		return r.good <= bodyEdgeMaxGood && float64(r.words) < bodyEdgeShare*float64(total)
	}
	for k := 0; k < bodyEdgeMaxDrop && len(runs) > 1 && stray(runs[0]) && !a.leadingIntro(runs[0].good, runs[0].last, runs[1].first); k++ {
		total -= runs[0].words
		runs = runs[1:]
	}
	for k := 0; k < bodyEdgeMaxDrop && len(runs) > 1 && stray(runs[len(runs)-1]); k++ {
		total -= runs[len(runs)-1].words
		runs = runs[:len(runs)-1]
	}
	if len(runs) > 0 {
		a.bodyFirst, a.bodyLast = runs[0].first, runs[len(runs)-1].last
	}
}

// leadingIntro reports a leading run of good blocks that reads as the
// article's introduction rather than a stray paragraph: two or more good
// blocks, separated from the next run (blocks last+1 to next-1) by blocks
// that phrase rules almost never match (the article's own long list or
// table, too long for a gap; one table header may look like a form
// label): a menu or a share bar between them keeps the run stray. A
// single paragraph joins only across a gap without any phrase match (a
// site's blurb or disclaimer above the page's menus has a sign-in, a
// copyright or a share line near it; an article's one-paragraph lead
// before its own comparison table or list has none). That changed the
// body of 2 tune-a and 4 tune-b pages (leads before a comparison table, a
// tools list, a ranked list; also a numbered contents line long enough to
// be a good block); with the model, lexicon and thresholds fitted on
// tune-a, tune-b's unseen sites went from residue P 0.969 to 0.980 at R
// 0.481 -> 0.489 at equal score (0.95), and tune-a's site-fold curve
// stayed the same or better; the longer gaps' one match in 20 also
// joined a journal page's disclaimer above its author list (tune-a
// recall 0.441 -> 0.425 at equal precision). For two or more: on the
// tune half's residue views, the leading good blocks dropped went from 35
// article and 15 furniture (tune-a; tune-b 28 and 10) to 5 and 14 (15
// and 9), and the tables and lists after such an introduction were the
// line model's largest clusters of false alarms. A trailing run is not
// joined the same way: its clean gap is as often the page's related
// teasers and author box, and the tune-a model lost precision on tune-b
// with it (residue P 0.960 -> 0.950 at the same score).
func (a *analysis) leadingIntro(good, last, next int) bool {
	matched := 0
	for bi := last + 1; bi < next; bi++ {
		if a.matched[bi] {
			matched++
		}
	}
	if good < introMinGood {
		return matched == 0
	}
	return matched*introGapPerMatch <= next-last-1
}

// introGapPerMatch: an introduction's gap may hold one phrase-matched
// block per this many blocks.
const introGapPerMatch = 20

// introMinGood is the fewest good blocks of a leading introduction whose
// gap may hold a phrase match; a lone paragraph needs a gap without any.
const introMinGood = 2

// isStopWord reports whether w (as written) is a function word of English,
// German, French or Spanish. The first letter may be upper case.
func isStopWord(w []byte) bool {
	if uint(len(w)-1) >= maxStopWord { // empty, or longer than any
		return false
	}
	return stopTable.has(stopKey(w))
}

// stopKey is the key of a word of one to maxStopWord bytes in stopTable:
// its bytes packed, the first lower-cased when it is a capital, and its
// length in the top byte.
func stopKey(w []byte) uint64 {
	key := packWord(w)
	if byte(key)-'A' < 26 {
		key += 'a' - 'A' // the first byte is the lowest
	}
	return key | uint64(len(w))<<56
}

// packWord packs a word of at most 8 bytes into an integer, first byte
// lowest; with the length it identifies the word.
func packWord(w []byte) uint64 {
	if cap(w) >= 8 {
		// A word in a document's text mostly has eight bytes after its
		// start: one load, with the bytes past its end masked off.
		return binary.LittleEndian.Uint64(w[:8]) & (^uint64(0) >> (64 - 8*len(w)))
	}
	return packWordBytes(w)
}

// packWordBytes is packWord a byte at a time.
func packWordBytes(w []byte) uint64 {
	var key uint64
	for i := len(w) - 1; i >= 0; i-- {
		key = key<<8 | uint64(w[i])
	}
	return key
}

// wordTable is a small open-addressing set of stop words, each slot the
// word's packed bytes (at most seven) with its length in the top byte: a
// word is found by comparing one integer, and 0 marks an empty slot (no
// key has length 0). The stop words are looked up for every word of
// every block, and a string map costs several times more.
type wordTable struct {
	slots [stopSlots]uint64
}

// stopSlots is a power of two over five times the number of stop words:
// a word that is none (most) mostly meets an empty slot at once.
const stopSlots = 1024

func stopSlot(key uint64) uint64 {
	return (key * 0x9E3779B97F4A7C15) >> (64 - 10) // 10 bits: stopSlots
}

func (t *wordTable) add(key uint64) {
	i := stopSlot(key)
	for t.slots[i] != 0 && t.slots[i] != key {
		i = (i + 1) & (stopSlots - 1)
	}
	t.slots[i] = key
}

func (t *wordTable) has(key uint64) bool {
	for i := stopSlot(key); ; i = (i + 1) & (stopSlots - 1) {
		switch t.slots[i] {
		case 0: // first: the key of an empty word is 0 too
			return false
		case key:
			return true
		}
	}
}

var stopTable = func() *wordTable {
	t := &wordTable{}
	for w := range stopWords {
		t.add(stopKey([]byte(w)))
	}
	return t
}()

// maxStopWord is the length of the longest stop word in bytes
// ("between"): the length of a word of the table fits the top byte of its
// key.
const maxStopWord = 7

var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range bytes.Fields([]byte(`the a an and or but of to in on at by for with from as is are was were be been being
it its this that these those he she they we you i his her their our your my him them us not no
if then than so such can could would should will shall may might must do does did has have had
which who whom whose what when where why how all any each some more most other into over about
after before between through during under up out also only just very there here one both
der die das und oder aber ein eine einen dem den des zu im in auf mit von für ist sind war nicht
sich es er sie wir ihr auch als wie bei aus nach noch wird werden hat haben dass
le la les un une des du de et ou mais est sont été dans sur pour par avec pas ce cette qui que il
elle ils nous vous au aux se sa son ses leur plus
el los las unos unas del y o pero es son fue en con por para no este esta que lo le se su sus al más como`)) {
		if len(w) > maxStopWord {
			panic("boilerplate: stop word longer than maxStopWord: " + string(w))
		}
		m[string(w)] = true
	}
	return m
}()

// Line shapes used as structural evidence.

// hasContact reports an e-mail address, a web address or a phone number.
func hasContact(text []byte) bool {
	return hasAddress(text) || phoneLike(text)
}

// hasAddress reports an e-mail address or a web address.
func hasAddress(text []byte) bool {
	if i := bytes.IndexByte(text, '@'); i > 0 && i < len(text)-3 && bytes.IndexByte(text[i:], '.') > 0 {
		return true
	}
	return hasWebAddress(text)
}

// phoneLike reports a line that is mostly a phone number: at least nine
// digits with little else around them, and among them one number written
// like a phone number (phoneRun). Table rows of figures ("Art | 91 |
// 61.49% | 1,449"), prices and version ranges ("6.4.102...6.4.103") have
// as many digits but no such run.
func phoneLike(text []byte) bool {
	const maxOther = 12
	if len(text) < 9 {
		return false // room for fewer than the nine digits it needs
	}
	digits, other := 0, 0
	for _, c := range bytes.TrimSpace(text) {
		k := phoneBytes[c]
		digits += int(k & phoneDigit)
		if other += int(k >> 1); other > maxOther {
			// Most lines are words: no need to count the rest.
			return false
		}
	}
	return digits >= 9 && hasPhoneRun(text)
}

// phoneBytes classes bytes for phoneLike without branching on them:
// phoneDigit for a digit, phoneOther for anything but phone punctuation.
var phoneBytes = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= '0' && c <= '9':
			t[c] = phoneDigit
		case c == ' ' || c == '+' || c == '-' || c == '(' || c == ')':
		default:
			t[c] = phoneOther
		}
	}
	return t
}()

const (
	phoneDigit = 1
	phoneOther = 2 // counted as k >> 1
)

// hasPhoneRun reports a stretch of 9 to 15 digits in groups separated only
// by phone punctuation (space, +, -, parentheses, one dot), at most six
// groups, none of a single digit after the second (country and area codes
// may be short: "+33 1 23 45 67 89").
func hasPhoneRun(text []byte) bool {
	digits, groups, group, seps := 0, 0, 0, 0
	valid := true
	endGroup := func() {
		if group > 0 {
			groups++
			if group == 1 && groups > 2 {
				valid = false
			}
			group = 0
		}
	}
	// A zero byte after the text ends the last stretch (a copy of the
	// text with it appended cost an allocation per call).
	for i := 0; i <= len(text); i++ {
		c := byte(0)
		if i < len(text) {
			c = text[i]
		}
		switch {
		case c >= '0' && c <= '9':
			digits++
			group++
			seps = 0
			continue
		case c == ' ' || c == '+' || c == '-' || c == '(' || c == ')' || c == '.':
			if seps++; seps <= 2 && (c != '.' || group > 0) {
				endGroup()
				continue
			}
		}
		endGroup()
		if valid && digits >= 9 && digits <= 15 && groups <= 6 {
			return true
		}
		digits, groups, group, seps, valid = 0, 0, 0, 0, true
	}
	return false
}

// tokenWalk returns doc.TokensIn of spans taken in order of their starts,
// with the count of their words (wordTokens), by walking the tokens once
// from the first span to the last: every block's tokens are counted
// anyway, and finding where its run ends in the same pass spares the
// search tokenCursor makes for each span (a page has thousands of
// blocks). A span out of order is searched, as TokensIn does.
type tokenWalk struct {
	doc  *document.Document
	toks []document.Token
	// next is the first token that may start at or after the next
	// span's start, after the end of the last run returned.
	next, after int
	lastStart   int
}

func (w *tokenWalk) in(start, end int) (run []document.Token, words int) {
	if start < w.lastStart {
		run = w.doc.TokensIn(start, end)
		return run, wordTokens(run)
	}
	w.lastStart = start
	toks := w.toks
	i := w.next
	if w.after > i && toks[w.after-1].Start < start {
		// Every token of the last run starts before start: skip them.
		i = w.after
	}
	for i < len(toks) && toks[i].Start < start {
		i++
	}
	// The run: the tokens from i that end by end (their ends ascend),
	// two a step (the second ending by end takes both), the numbers
	// among them counted on the way (Kind 1, see wordTokens).
	rest := toks[i:]
	n, numbers := 0, 0
	for n+1 < len(rest) && rest[n+1].End <= end {
		numbers += int(rest[n].Kind) + int(rest[n+1].Kind)
		n += 2
	}
	if n < len(rest) && rest[n].End <= end {
		numbers += int(rest[n].Kind)
		n++
	}
	w.next, w.after = i, i+n
	return rest[:n], n - numbers
}

// tokenCursor returns doc.TokensIn of spans taken in order of their
// starts by walking the tokens once, where TokensIn searches them for
// every span (a page has thousands of blocks and lines).
type tokenCursor struct {
	doc       *document.Document
	toks      []document.Token
	next      int // the first token starting at or after last
	lastStart int
	// after is the end of the last run returned: the next span mostly
	// starts after its tokens, which need no search then.
	after int
}

func newTokenCursor(doc *document.Document) *tokenCursor {
	return &tokenCursor{doc: doc, toks: doc.Tokens()}
}

// in returns the tokens inside [start, end), as doc.TokensIn does: those
// from the first starting at or after start that end by end (tokens do
// not overlap, so they are a run).
func (c *tokenCursor) in(start, end int) []document.Token {
	if start < c.lastStart {
		// Out of order: search, as TokensIn does.
		return c.doc.TokensIn(start, end)
	}
	c.lastStart = start
	if c.after > c.next && c.toks[c.after-1].Start < start {
		// Every token of the last run starts before start (tokens are
		// in order of their starts): skip them without a search.
		c.next = c.after
	}
	if c.next < len(c.toks) && c.toks[c.next].Start < start {
		// Gallop over the tokens of the lines skipped (a long paragraph
		// holds hundreds), then bisect: toks[lo] starts before start,
		// toks[hi] (if any) does not.
		lo, step := c.next, 1
		for lo+step < len(c.toks) && c.toks[lo+step].Start < start {
			lo += step
			step *= 2
		}
		hi := min(lo+step, len(c.toks))
		for hi-lo > 1 {
			m := int(uint(lo+hi) >> 1)
			if c.toks[m].Start < start {
				lo = m
			} else {
				hi = m
			}
		}
		c.next = hi
	}
	// A line's tokens end within a few; a paragraph's hundreds are
	// galloped over and bisected like the start (token ends increase).
	n := c.next
	for stop := min(len(c.toks), n+8); n < stop && c.toks[n].End <= end; n++ {
	}
	if n == c.next+8 && n < len(c.toks) && c.toks[n].End <= end {
		// toks[lo] ends by end, toks[hi] (if any) does not.
		lo, step := n, 1
		for lo+step < len(c.toks) && c.toks[lo+step].End <= end {
			lo += step
			step *= 2
		}
		hi := min(lo+step, len(c.toks))
		for hi-lo > 1 {
			m := int(uint(lo+hi) >> 1)
			if c.toks[m].End <= end {
				lo = m
			} else {
				hi = m
			}
		}
		n = hi
	}
	c.after = n
	return c.toks[c.next:n]
}
