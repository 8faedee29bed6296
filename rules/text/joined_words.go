package text

import (
	"fmt"
	"hash/maphash"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/lexicon"
	"github.com/dochygiene/hygiene/rules"
)

// JoinedWords flags two words run together when ingestion dropped the space
// between them, most often around an inline tag: "ofinternational".
var JoinedWords = &rules.Rule{
	ID:      "text/joined-words",
	Summary: "two words run together (a function word glued to its neighbour)",
	Doc: `Ingestion drops the space at the edge of an inline HTML element, so
"of <a>international</a> cooperation" becomes "ofinternational cooperation".

A lower-case token is flagged when it is not a word of the embedded SCOWL
list, is not vocabulary of the corpus itself (a token seen three times in
the corpus, or twice in one document, is a domain word or a name), and
splits into a function word ("of", "in", "the", "and" ...) and a common word.
Tokens in URLs, e-mail addresses, code and identifiers are never touched, nor
are sentences where many tokens are not English words (foreign text).

Fix: insert the space. Safe when exactly one split is plausible; otherwise
the best split is offered as an unsafe fix.`,
	Bad:       "the urgency ofinternational cooperation",
	Good:      "the urgency of international cooperation; see the onboarding guide",
	Severity:  rules.Warning,
	FixSafety: fixers.Safe,
	Collect:   collectJoinVocabulary,
	Merge:     mergeJoinVocabulary,
	Run:       runJoinedWords,
}

const (
	// minJoinedLen is the shortest token considered: "abit", "atax".
	minJoinedLen = 4
	maxJoinedLen = 30
	// splitPartLevel is the rarest a split part may be: a split into a
	// rare word ("as" + "ana") is more likely a word we do not know.
	splitPartLevel = lexicon.Common
)

// vocabulary counts, for the whole corpus, the tokens that are not in the
// word list: names, domain words, and the odd joined word.
type vocabulary map[string]vocabEntry

type vocabEntry struct {
	count, docs uint32
}

// knows reports whether w is a term of the corpus: seen three times, or
// twice in one document. A joined word is a one-off; a recurring token
// that is not in the word list is a name or a domain word.
func (v vocabulary) knows(w string) bool {
	e := v[w]
	return e.count >= 3 || e.count >= 2 && e.docs == 1
}

func collectVocabulary(doc *document.Document, _ rules.Options) rules.Summary {
	v := vocabulary{}
	src := doc.Src
	for _, t := range doc.Tokens() {
		// mayJoin's tests but the one of the first letter, which the
		// edge tables hold for the head and count's asciiLetters for
		// the tail.
		if n := t.End - t.Start; t.Kind != document.Word || n < minJoinedLen || n > maxJoinedLen {
			continue
		}
		// The loop is kept free of calls: a token the edges settle (most
		// of them) goes on to the next without the registers a call
		// would have saved and restored.
		if b := src[t.Start:t.End]; splitEdgesMayFit(b) {
			v.count(b)
		}
	}
	return v
}

// count counts b, a token whose edges may spell a split, when it is a
// joined-word candidate the word list does not know.
func (v vocabulary) count(b []byte) {
	if !joinCandidate(b) {
		return
	}
	// The word list knows all but one candidate in thirty: the test of
	// every letter comes after it.
	if lexicon.LevelBytes(b) > 0 || !asciiLetters(b) {
		return
	}
	w, _ := lowerASCII(b)
	if w != string(b) && lexicon.LevelBytes([]byte(w)) > 0 {
		return // "McDonald" is not listed, but "mcdonald" may be
	}
	e := v[w]
	e.count++
	e.docs = 1
	v[w] = e
}

func mergeVocabulary(a, b rules.Summary) rules.Summary {
	va, _ := a.(vocabulary)
	vb, _ := b.(vocabulary)
	if va == nil {
		va = vocabulary{}
	}
	for w, e := range vb {
		x := va[w]
		x.count += e.count
		x.docs += e.docs
		va[w] = x
	}
	return va
}

// joinVocabulary is joined-words' summary: the corpus vocabulary, and
// the words of it the rule may flag, worked out on first use in the
// second pass.
//
// A document can hold a joined word only where it gave the vocabulary a
// form (collectVocabulary): held pairs each collected document with its
// forms, so that the second pass reads only the documents that hold a
// form the rule may flag (see corpusDocs). The pairs take 16 bytes each:
// two a document in the WCXB truth texts, five in the pages.
type joinVocabulary struct {
	words    vocabulary
	docs     corpusDocs // toRead is left empty: joinablesOf works it out
	held     []heldForm
	mu       sync.Mutex // held while joinables is worked out
	flagging atomic.Pointer[joinables]
}

// heldForm is a form of the vocabulary that a collected document holds,
// by the form's hash: two forms of one hash only make a document read in
// vain.
type heldForm struct {
	doc  docKey
	form uint64
}

func formHash(w string) uint64 { return maphash.String(docKeySeed, w) }

func collectJoinVocabulary(doc *document.Document, opts rules.Options) rules.Summary {
	words, _ := collectVocabulary(doc, opts).(vocabulary)
	k := keyOf(doc)
	v := &joinVocabulary{words: words, docs: corpusDocs{collected: []docKey{k}}}
	if len(words) > 0 {
		v.held = make([]heldForm, 0, len(words))
		for w := range words {
			v.held = append(v.held, heldForm{k, formHash(w)})
		}
	}
	return v
}

func mergeJoinVocabulary(a, b rules.Summary) rules.Summary {
	va, _ := a.(*joinVocabulary)
	vb, _ := b.(*joinVocabulary)
	if va == nil {
		va = &joinVocabulary{}
	}
	if vb != nil {
		va.words, _ = mergeVocabulary(va.words, vb.words).(vocabulary)
		va.docs.merge(vb.docs)
		va.held = append(va.held, vb.held...)
	} else if va.words == nil {
		va.words = vocabulary{}
	}
	va.flagging.Store(nil) // the words changed
	return va
}

// joinables are the words of a vocabulary that runJoinedWords may flag,
// with their splits: every test of the rule that reads the word alone
// (its shape, the inflections, the splits, how well the corpus knows it)
// is settled once per word of the vocabulary, and only the tests of an
// occurrence's surroundings are left for each token. Most words of a
// vocabulary have no split or are corpus terms: the WCXB truth texts'
// vocabulary holds 994 words, 59 of them joinable (the pages' 2,474 and
// 162).
type joinables struct {
	splits map[string][]split
	shapes *wordShapes
	// lengths[c] has bit n set when a joinable word of n bytes opens
	// with the byte c: the few joinable words (59 in the WCXB truth
	// texts, 162 in the pages) leave most pairs of first letter and
	// length empty, and a token with an empty pair needs no shape.
	lengths [256]uint32
	// docs are the collected documents, sorted, with those that hold a
	// joinable word to read.
	docs corpusDocs
}

// joinablesOf returns v's joinables, worked out once per merged vocabulary.
func (v *joinVocabulary) joinablesOf() *joinables {
	if j := v.flagging.Load(); j != nil {
		return j
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if j := v.flagging.Load(); j != nil {
		return j
	}
	j := newJoinables(v.words)
	j.docs = v.docsToRead(j)
	v.flagging.Store(j)
	return j
}

// docsToRead returns v's collected documents with, to read, those that
// hold a word of j. It sorts v's keys in place (the caller holds v.mu).
func (v *joinVocabulary) docsToRead(j *joinables) corpusDocs {
	joinable := make(map[uint64]bool, len(j.splits))
	for w := range j.splits {
		joinable[formHash(w)] = true
	}
	d := corpusDocs{collected: v.docs.collected}
	for _, h := range v.held {
		if joinable[h.form] {
			d.toRead = append(d.toRead, h.doc)
		}
	}
	d.sort()
	return d
}

// newJoinables keeps the words of v that pass every test of
// runJoinedWords that reads the word alone, in that rule's order.
func newJoinables(v vocabulary) *joinables {
	j := &joinables{splits: map[string][]split{}}
	for w := range v {
		b := []byte(w)
		if !joinCandidate(b) || !allLowerASCII(b) || inflectedWord(b) {
			continue
		}
		splits := plausibleSplits(w)
		if len(splits) == 0 || v.knows(w) && !bothFunctionWords(splits[0]) {
			continue
		}
		j.splits[w] = splits
		j.lengths[w[0]] |= 1 << len(w) // joinCandidate bounds it by maxJoinedLen
	}
	j.shapes = newWordShapes(j.splits)
	return j
}

func runJoinedWords(pass *rules.Pass) {
	doc := pass.Doc
	vocab, _ := pass.Corpus.(*joinVocabulary)
	alone := vocab == nil
	if alone {
		// Run without a corpus phase: learn from this document alone.
		words, _ := collectVocabulary(doc, nil).(vocabulary)
		vocab = &joinVocabulary{words: words}
	}
	// Only a joinable word of the vocabulary can be flagged (see
	// joinables), and they are few: a document the first pass saw
	// without one is passed over, a token of another length, or whose
	// shape none of them has, is settled without a lookup, and a token
	// found among them needs only the tests of its surroundings.
	flag := vocab.joinablesOf()
	if len(flag.splits) == 0 || !alone && flag.docs.passesOver(keyOf(doc)) {
		return
	}
	src, toks := doc.Src, doc.Tokens()
	for i, t := range toks {
		// mayJoin's tests and more: the lengths of the joinable words
		// that open with the token's first byte (none for a byte that
		// is not a lower-case letter, none outside minJoinedLen..
		// maxJoinedLen). A length past 31 wraps to a bit of a shorter
		// word; the lookup below settles such a token.
		n := t.End - t.Start
		if flag.lengths[src[t.Start]]>>(uint(n)&31)&1 == 0 || t.Kind != document.Word {
			continue
		}
		b := src[t.Start:t.End]
		if !flag.shapes.mayHold(b) {
			continue
		}
		splits, ok := flag.splits[string(b)]
		if !ok || codeLike(doc.Src, t.Start, t.End) || elided(doc.Src, t) {
			continue
		}
		if foreignContext(doc, toks, i) {
			continue
		}
		reportJoined(pass, t, string(b), splits)
	}
}

// wordShapes is a bitmap of the shapes of a vocabulary's words: a word
// of n bytes opening with the bytes a, b and ending with c, d sets the
// bit its hash picks. A token whose bit is clear is no word of the
// vocabulary; a set bit may be another word's (a few in a hundred
// tokens, with 16 bits a word).
type wordShapes struct {
	bits  []uint64
	shift uint // 64 - log2(len(bits)*64)
}

func newWordShapes[V any](v map[string]V) *wordShapes {
	log := 12
	for 1<<log < 16*len(v) && log < 24 {
		log++
	}
	s := &wordShapes{bits: make([]uint64, 1<<log/64), shift: uint(64 - log)}
	for w := range v {
		if len(w) >= 2 {
			h := s.hash([]byte(w))
			s.bits[h/64] |= 1 << (h % 64)
		}
	}
	return s
}

func (s *wordShapes) hash(w []byte) uint {
	n := len(w)
	x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[n-2])<<16 | uint64(w[n-1])<<24 | uint64(n)<<32
	return uint(x * 0x9E3779B97F4A7C15 >> s.shift)
}

// mayHold reports whether w may be a word of the vocabulary.
func (s *wordShapes) mayHold(w []byte) bool {
	if len(w) < 2 {
		return true // no shape is kept for these
	}
	h := s.hash(w)
	return s.bits[h/64]&(1<<(h%64)) != 0
}

// mayJoin is the first test of a joined-word candidate, on the token's
// kind, length and first byte (an ASCII letter): both phases run it on
// every token of a document, and it settles many of them without slicing
// the text.
func mayJoin(src []byte, t document.Token) bool {
	n := t.End - t.Start
	return t.Kind == document.Word && n >= minJoinedLen && n <= maxJoinedLen && isASCIILetter(src[t.Start])
}

// elided reports a token with an apostrophe at either edge ("sayin'",
// "'cause" are spoken forms, not joins) or cut by an invisible character.
func elided(src []byte, t document.Token) bool {
	after, _ := utf8.DecodeRune(src[t.End:])
	before, _ := utf8.DecodeLastRune(src[:t.Start])
	switch after {
	case '\'', '\u2019', '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060':
		return true // a soft hyphen or zero-width character cuts the word: text/whitespace's
	}
	switch before {
	case '\'', '\u2018', '\u2019', '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060':
		return true
	}
	return false
}

// inflections are the endings by which a word the list holds grows into
// one it does not: "onboard" -> "onboarded", "overbook" -> "overbookings".
var inflections = []string{"s", "es", "ed", "d", "ing", "ings", "er", "ers", "ness", "ly", "able", "ity", "ment", "ments"}

// inflectedWord reports whether w is a listed word plus an inflection.
func inflectedWord(w []byte) bool {
	s := string(w)
	for _, suf := range inflections {
		if len(s) > len(suf)+3 && strings.HasSuffix(s, suf) && lexicon.IsWord(s[:len(s)-len(suf)]) {
			return true
		}
	}
	return false
}

// joinCandidate is the cheap filter run before any word-list lookup:
// whether b, of minJoinedLen to maxJoinedLen ASCII letters in any case,
// opens with a leading function word and at least two more letters, or
// ends with a trailing function word after at least three. Those are the
// only shapes plausibleSplits can split, so the filter loses nothing;
// about one word in seven passes it.
//
// It runs on most tokens of the corpus, so it is two table lookups on the
// first and the last three letters; only the few function words longer
// than three letters need a comparison. A token with other bytes at its
// ends is not a candidate (callers drop such tokens anyway).
//
// A pair of letters opens (or, backwards, ends) the triples of its 27
// extensions: most tokens are too short for every function word their
// first two letters may open, or open none ("government"), and are
// settled on the pair (headFit, tailFit) without the triple (the first
// pass on the WCXB truth texts: 116M -> 102M instructions; pages 164M ->
// 145M).
func joinCandidate(b []byte) bool {
	n := len(b)
	if n < minJoinedLen || n > maxJoinedLen {
		return false
	}
	if n+int(splitEdges.headFit[bytePair(b[0], b[1])]) >= noWord {
		k := tripleIndex(b[0], b[1], b[2])
		if n >= int(splitEdges.headNeed[k]) || splitEdges.headLong[k] != 0 && anyPrefixFold(b, splitEdges.long[splitEdges.headLong[k]], 2) {
			return true
		}
	}
	if n+int(splitEdges.tailFit[bytePair(b[n-2], b[n-1])]) < noWord {
		return false
	}
	k := tripleIndex(b[n-1], b[n-2], b[n-3])
	return n >= int(splitEdges.tailNeed[k]) || splitEdges.tailLong[k] != 0 && anySuffixFold(b, splitEdges.long[splitEdges.tailLong[k]], 3)
}

// splitEdgesMayFit is joinCandidate's first test, on the first two
// letters and the last two, small enough to be inlined: it settles most
// tokens that joinCandidate turns down (a word too short for every
// function word its edges may spell) without the call. joinCandidate
// holds only tokens it passes.
func splitEdgesMayFit(b []byte) bool {
	n := len(b)
	return n+int(splitEdges.headFit[bytePair(b[0], b[1])]) >= noWord || n+int(splitEdges.tailFit[bytePair(b[n-2], b[n-1])]) >= noWord
}

// bytePair indexes headFit and tailFit by two bytes in text order: one
// little-endian 16-bit load.
func bytePair(a, b byte) uint16 { return uint16(a) | uint16(b)<<8 }

// edgeTables tell, for the first three letters of a token (head) and its
// last three read backwards (tail), which function words may stand there:
// need is the token length that the shortest function word the triple
// spells out needs (noWord for none), and a non-zero long numbers the
// list of longer function words that open with the triple. A byte a
// triple keeps each table at 20 KB.
type edgeTables struct {
	headNeed, tailNeed [27 * 27 * 27]uint8
	headLong, tailLong [27 * 27 * 27]uint8
	long               [][]string
	// headFit and tailFit hold, for the first two bytes and the last
	// two, in text order (bytePair), noWord less the shortest token that
	// any triple the pair opens may pass with (the least need, or long
	// word plus the letters its split needs): a token of n bytes may
	// pass when n + fit >= noWord. A pair that is not two letters holds
	// zero, which no candidate's length makes up to noWord.
	headFit, tailFit [1 << 16]uint8
}

// noWord is a need no candidate meets (it exceeds maxJoinedLen).
const noWord = 0xff

var splitEdges = newEdgeTables()

func newEdgeTables() *edgeTables {
	e := &edgeTables{long: [][]string{nil}}
	for k := range e.headNeed {
		e.headNeed[k], e.tailNeed[k] = noWord, noWord
	}
	for _, w := range sortedKeys(leadingFunctionWords) {
		e.add(&e.headNeed, &e.headLong, w, w, 2)
	}
	for _, w := range sortedKeys(trailingFunctionWords) {
		e.add(&e.tailNeed, &e.tailLong, reverse(w), w, 3)
	}
	if len(e.long) > 255 {
		panic("text: too many function-word lists")
	}
	var headPair, tailPair [27 * 27]uint8 // the shortest token, by pairIndex
	e.pairs(&headPair, &e.headNeed, &e.headLong, 2)
	e.pairs(&tailPair, &e.tailNeed, &e.tailLong, 3)
	letters := []byte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
	for _, a := range letters {
		for _, b := range letters {
			e.headFit[bytePair(a, b)] = noWord - headPair[pairIndex(a, b)]
			e.tailFit[bytePair(b, a)] = noWord - tailPair[pairIndex(a, b)] // the last byte first
		}
	}
	return e
}

// pairs fills pair from the triple tables need and long; rest is the
// letters the other half of a split needs.
func (e *edgeTables) pairs(pair *[27 * 27]uint8, need, long *[27 * 27 * 27]uint8, rest int) {
	for p := range pair {
		pair[p] = noWord
		for k := p * 27; k < p*27+27; k++ {
			pair[p] = min(pair[p], need[k])
			for _, w := range e.long[long[k]] {
				pair[p] = min(pair[p], uint8(len(w)+rest))
			}
		}
	}
}

// add files w under the triples that key (w, or w backwards for a
// trailing word) opens; rest is the letters the other half of a split
// needs.
func (e *edgeTables) add(need, long *[27 * 27 * 27]uint8, key, w string, rest int) {
	if len(key) > 3 {
		k := tripleIndex(key[0], key[1], key[2])
		if long[k] == 0 {
			e.long = append(e.long, nil)
			long[k] = uint8(len(e.long) - 1)
		}
		e.long[long[k]] = append(e.long[long[k]], w)
		return
	}
	// A word of one to three letters fits every triple it opens: the
	// letters after it run over the whole alphabet.
	first := 0
	for _, c := range []byte(key) {
		first = first*27 + int(letterIndex[c])
	}
	span := 1
	for range 3 - len(key) {
		first *= 27
		span *= 27
	}
	for k := first; k < first+span; k++ {
		if k%27 != 26 && k/27%27 != 26 { // skip triples with a non-letter
			need[k] = min(need[k], uint8(len(w)+rest))
		}
	}
}

func reverse(w string) string {
	b := []byte(w)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

// tripleIndex numbers three ASCII letters (any case) 0..26*27*27-1; a
// triple with another byte lands on a slot no triple of letters uses. It
// is table loads and no branch.
func tripleIndex(a, b, c byte) int {
	return (int(letterIndex[a])*27+int(letterIndex[b]))*27 + int(letterIndex[c])
}

// pairIndex numbers two ASCII letters (any case) as tripleIndex numbers
// their triples' first two: tripleIndex(a, b, c) / 27.
func pairIndex(a, b byte) int {
	return int(letterIndex[a])*27 + int(letterIndex[b])
}

// letterIndex maps the ASCII letters (any case) to 0..25 and every other
// byte to 26.
var letterIndex = func() (t [256]uint8) {
	for c := range t {
		t[c] = 26
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c-'a', c-'a'
	}
	return t
}()

// anyPrefixFold reports whether b opens with one of words followed by at
// least rest more bytes, in any case.
func anyPrefixFold(b []byte, words []string, rest int) bool {
	for _, w := range words {
		if len(b) >= len(w)+rest && hasPrefixFold(b, w) {
			return true
		}
	}
	return false
}

// anySuffixFold reports whether b ends with one of words after at least
// rest bytes, in any case.
func anySuffixFold(b []byte, words []string, rest int) bool {
	for _, w := range words {
		if len(b) >= len(w)+rest && hasPrefixFold(b[len(b)-len(w):], w) {
			return true
		}
	}
	return false
}

// hasPrefixFold reports whether b opens with w (lower-case letters) in
// any case. c|0x20 is a lower-case letter only for ASCII letters, so no
// other byte matches.
func hasPrefixFold(b []byte, w string) bool {
	for i := 0; i < len(w); i++ {
		if b[i]|0x20 != w[i] {
			return false
		}
	}
	return true
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

type split struct{ left, right string }

func (s split) String() string { return s.left + " " + s.right }

func bothFunctionWords(s split) bool {
	return lexicon.IsFunctionWord(s.left) && lexicon.IsFunctionWord(s.right)
}

// leadingFunctionWords may open a joined pair ("ofinternational"). Words
// that are also productive prefixes ("over", "under", "after", "be") or
// that open many names, slang and web words ("her", "all", "we", "she")
// are left out: "overtiredness", "besties", "allan" and "webring" are not
// two words.
var leadingFunctionWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "in": true, "to": true, "on": true, "at": true, "by": true,
	"for": true, "from": true, "with": true, "into": true, "about": true, "between": true, "against": true,
	"without": true, "and": true, "or": true, "but": true, "as": true, "than": true, "that": true, "if": true,
	"when": true, "while": true, "where": true, "which": true, "such": true, "this": true, "these": true,
	"those": true, "their": true, "its": true, "his": true, "our": true, "your": true, "my": true, "they": true,
	"it": true, "he": true, "is": true, "are": true, "was": true, "were": true, "been": true, "has": true,
	"have": true, "had": true, "not": true, "can": true, "would": true, "could": true, "should": true,
}

// trailingFunctionWords may end a joined pair ("securityand"): the words
// that most often follow a noun. Pronouns are left out, so "fort"+"he" is
// not a reading of "forthe".
var trailingFunctionWords = map[string]bool{
	"the": true, "of": true, "and": true, "to": true, "in": true, "for": true, "with": true,
	"from": true, "that": true, "is": true, "was": true, "are": true,
}

// plausibleSplits returns the readings of w as function word + word or
// word + function word, best first (a leading function word is the common
// case: the space before an inline element is the one lost).
func plausibleSplits(w string) []split {
	var lead, trail []split
	for i := 1; i < len(w); i++ {
		left, right := w[:i], w[i:]
		if leadingFunctionWords[left] && partWord(right) {
			lead = append(lead, split{left, right})
		} else if trailingFunctionWords[right] && len(left) >= 3 && partWord(left) {
			trail = append(trail, split{left, right})
		}
	}
	return append(lead, trail...)
}

// partWord reports whether s can be one half of a split: a common word of
// at least two letters ("a" and "I" alone are too easy to find).
func partWord(s string) bool {
	if len(s) < 2 {
		return false
	}
	if lexicon.IsFunctionWord(s) {
		return true
	}
	return len(s) >= 3 && lexicon.IsWordAt(s, splitPartLevel)
}

// foreignContext reports whether the sentence around token i is mostly
// words the list does not know: foreign-language text or jargon, where a
// split would be a guess.
func foreignContext(doc *document.Document, toks []document.Token, i int) bool {
	lo, hi := max(0, i-6), min(len(toks), i+7)
	known, total := 0, 0
	for j := lo; j < hi; j++ {
		if j == i || toks[j].Kind != document.Word {
			continue
		}
		total++
		if lexicon.LevelBytes(doc.Src[toks[j].Start:toks[j].End]) > 0 {
			known++
		}
	}
	return total >= 3 && known*4 < total*3
}

func reportJoined(pass *rules.Pass, t document.Token, w string, splits []split) {
	best := splits[0]
	safety := fixers.Safe
	msg := fmt.Sprintf("%q looks like two words run together: %q", w, best.String())
	if len(splits) > 1 {
		safety = fixers.Unsafe
		msg = fmt.Sprintf("%q looks like two words run together: %q (or %q)", w, best.String(), splits[1].String())
	}
	pass.Report(rules.Finding{
		Start: t.Start, End: t.End, Message: msg,
		Fix: &fixers.Fix{
			Message: fmt.Sprintf("insert a space: %q", best.String()),
			Safety:  safety,
			Edits:   []fixers.Edit{fixers.Replace(t.Start+len(best.left), t.Start+len(best.left), " ")},
		},
	})
}
