package text

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/bits"
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

// DoubledLetter flags a doubled capital at the start of a sentence ("Ssee
// also", "Tthe") and a doubled word ("the the").
var DoubledLetter = &rules.Rule{
	ID:      "text/doubled-letter",
	Summary: "doubled capital starting a sentence (\"Tthe\") or doubled word (\"the the\")",
	Doc: `Keyboard bounce, OCR and drop-cap markup leave a doubled first letter at the
start of a sentence ("Ssee also", "Tthe report"); editing leaves a doubled
short word ("the the", "of of").

A doubled capital is flagged only when the token is not a word or name of
the embedded list ("Llama", "Aaron", "Lloyd" stay quiet), is not recurring
vocabulary of the corpus, and drops to a common word without its first
letter. A doubled word is flagged only for articles, conjunctions and
prepositions that are never repeated in grammatical English ("had had" and
"that that" are grammatical and stay quiet).

Fix (safe): drop the extra letter or the repeated word.`,
	Bad:       "[5] Ssee also: the the report.",
	Good:      "Llamas graze. Aaron said that that was had had.",
	Severity:  rules.Warning,
	FixSafety: fixers.Safe,
	Collect:   collectDoubledCapitals,
	Merge:     mergeCapitalVocabulary,
	Run:       runDoubledLetter,
}

// doubledWords are never repeated in grammatical text. Prepositions that
// can end a clause ("in", "on", "for", "with", "to": "what it stood for
// for decades") and forms of "to be" that a pseudo-cleft repeats ("what it
// is is a start") are left out.
var doubledWords = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "of": true, "or": true, "but": true,
	"from": true, "into": true, "than": true, "their": true, "its": true, "our": true,
	"be": true, "will": true,
}

// capitalVocabulary is doubled-letter's summary: the names shaped like a
// doubled capital, and the documents with a token of that shape, which
// alone the second pass must search for doubled capitals (corpusDocs).
type capitalVocabulary struct {
	names  vocabulary
	docs   corpusDocs
	mu     sync.Mutex  // held while docs are sorted
	sorted atomic.Bool // docs are sorted
}

// collectDoubledCapitals counts tokens shaped like a doubled capital
// ("Aamir", "Ssee") that stand inside a sentence: a capitalised token used
// mid-sentence is a name, and stays quiet where it opens a sentence too.
// A doubled-capital slip happens only at a sentence start.
func collectDoubledCapitals(doc *document.Document, _ rules.Options) rules.Summary {
	names, shaped := doubledCapitalNames(doc)
	k := keyOf(doc)
	c := &capitalVocabulary{names: names, docs: corpusDocs{collected: []docKey{k}}}
	if shaped {
		c.docs.toRead = []docKey{k}
	}
	return c
}

// doubledCapitalNames returns the names of doc that collectDoubledCapitals
// counts, and whether doc holds a token shaped like a doubled capital.
func doubledCapitalNames(doc *document.Document) (v vocabulary, shaped bool) {
	v = vocabulary{}
	src, toks := doc.Src, doc.Tokens()
	forDoubledCapitals(src, toks, func(k int) {
		shaped = true
		t := toks[k]
		if k >= 1 && followsLowerOnLine(src, toks[k-1], t) {
			b := src[t.Start:t.End]
			e := v[string(b)]
			e.count++
			e.docs = 1
			v[string(b)] = e
		}
	})
	return v, shaped
}

func mergeCapitalVocabulary(a, b rules.Summary) rules.Summary {
	va, _ := a.(*capitalVocabulary)
	vb, _ := b.(*capitalVocabulary)
	if va == nil {
		va = &capitalVocabulary{}
	}
	if vb != nil {
		va.names, _ = mergeVocabulary(va.names, vb.names).(vocabulary)
		va.docs.merge(vb.docs)
	} else if va.names == nil {
		va.names = vocabulary{}
	}
	va.sorted.Store(false) // the documents changed
	return va
}

// sortedDocs returns v's documents, sorted on first use in the second
// pass.
func (v *capitalVocabulary) sortedDocs() corpusDocs {
	if !v.sorted.Load() {
		v.mu.Lock()
		if !v.sorted.Load() {
			v.docs.sort()
			v.sorted.Store(true)
		}
		v.mu.Unlock()
	}
	return v.docs
}

// forDoubledCapitals calls fn, in text order, with the index of every
// token of toks (src's tokens) shaped like a doubled capital
// (mayBeDoubledCapital and doubledCapitalShape).
//
// Such a token opens with a capital and the same letter in lower case,
// a pair of bytes that differ in the bit 0x20 alone, which is rare in
// text: the bytes are searched for the pair eight at a time, and only
// where it stands is the token looked up, by bisection. Walking every
// token for its first byte was most of the cost of both phases of the
// rule (the WCXB truth texts: 27M instructions collecting, 33M checking).
func forDoubledCapitals(src []byte, toks []document.Token, fn func(k int)) {
	for p := nextCapitalPair(src, 0); p >= 0; p = nextCapitalPair(src, p+1) {
		k := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= p })
		if k < len(toks) && toks[k].Start == p && mayBeDoubledCapital(src, toks[k]) && doubledCapitalShape(src[p:toks[k].End]) {
			fn(k)
		}
	}
}

// nextCapitalPair returns the first offset p >= from of src where an
// ASCII capital is followed by the same letter in lower case ("Tt"), or
// -1.
//
// Such a pair differs in the bit 0x20 alone: with y the eight bytes one
// on from x (an unaligned load), a lane of x^y^0x20... is zero there.
// Thirty-two bytes are tested at once, and text seldom holds two
// neighbours that differ in 0x20 alone (a capital before its lower case,
// "\n*", a byte pair inside a character of some scripts): most steps cost
// about ten instructions per eight bytes. A flagged step is read again
// exactly (capitalPairIn), since the test for a zero lane may flag lanes
// above a true zero too.
func nextCapitalPair(src []byte, from int) int {
	i := from
	for ; i+33 <= len(src); i += 32 {
		c := (*[33]byte)(src[i : i+33]) // one bounds check for the eight loads
		d0 := binary.LittleEndian.Uint64(c[0:]) ^ binary.LittleEndian.Uint64(c[1:]) ^ 0x20*lows
		d1 := binary.LittleEndian.Uint64(c[8:]) ^ binary.LittleEndian.Uint64(c[9:]) ^ 0x20*lows
		d2 := binary.LittleEndian.Uint64(c[16:]) ^ binary.LittleEndian.Uint64(c[17:]) ^ 0x20*lows
		d3 := binary.LittleEndian.Uint64(c[24:]) ^ binary.LittleEndian.Uint64(c[25:]) ^ 0x20*lows
		if ((d0-lows)&^d0|(d1-lows)&^d1|(d2-lows)&^d2|(d3-lows)&^d3)&highs == 0 {
			continue
		}
		if p := capitalPairIn(src, i, i+32); p >= 0 {
			return p
		}
	}
	if p := capitalPairIn(src, i, len(src)-1); p >= 0 {
		return p
	}
	return -1
}

// capitalPairIn returns the first offset p in [from, to) where a capital
// pair starts, or -1; src[to] must exist. It reads eight offsets at a
// time as nextCapitalPair does, and checks each flagged lane exactly.
func capitalPairIn(src []byte, from, to int) int {
	i := from
	for ; i+8 <= to; i += 8 {
		d := binary.LittleEndian.Uint64(src[i:]) ^ binary.LittleEndian.Uint64(src[i+1:]) ^ 0x20*lows
		for m := (d - lows) &^ d & highs; m != 0; m &= m - 1 {
			if p := i + bits.TrailingZeros64(m)/8; isCapitalPair(src, p) {
				return p
			}
		}
	}
	for ; i < to; i++ {
		if isCapitalPair(src, i) {
			return i
		}
	}
	return -1
}

// isCapitalPair reports whether src[p] is an ASCII capital and src[p+1]
// the same letter in lower case.
func isCapitalPair(src []byte, p int) bool {
	return isUpperASCII(src[p]) && src[p+1] == src[p]+'a'-'A'
}

// followsLowerOnLine reports whether t comes right after a lower-case word
// on the same line ("said Aamir"): the position of a name, which a missed
// sentence boundary ("U.S. Tthe", a line break, a quotation) is not.
func followsLowerOnLine(src []byte, prev, t document.Token) bool {
	return isLowerASCII(src[prev.Start]) && !bytes.ContainsAny(src[prev.End:t.Start], "\n.!?:;\"“‘(")
}

// knowsName reports whether a doubled-capital token was seen inside a
// sentence anywhere in the corpus.
func (v vocabulary) knowsName(w string) bool { return v[w].count > 0 }

func runDoubledLetter(pass *rules.Pass) {
	doc := pass.Doc
	src, toks := doc.Src, doc.Tokens()
	var names vocabulary
	search := true
	if vocab, _ := pass.Corpus.(*capitalVocabulary); vocab != nil {
		// The first pass saw no token of the shape in most documents.
		names, search = vocab.names, !vocab.sortedDocs().passesOver(keyOf(doc))
	} else {
		names, _ = doubledCapitalNames(doc) // no corpus phase: this document alone
	}
	if search {
		forDoubledCapitals(src, toks, func(k int) {
			if opensText(doc, toks[k]) {
				checkDoubledCapital(pass, names, toks[k:min(k+2, len(toks))])
			}
		})
	}
	checkDoubledWords(pass, toks)
}

// opensText reports whether token t opens a sentence, a line of prose or a
// quotation: where a doubled capital is a slip rather than a name.
func opensText(doc *document.Document, t document.Token) bool {
	if opensQuote(doc.Src, t.Start) {
		return true
	}
	bi := doc.BlockAt(t.Start)
	if bi < 0 || !doc.Blocks[bi].IsProse() {
		return false
	}
	line := doc.Lines[doc.LineAt(t.Start)]
	if t.Start-max(line.Start, doc.Blocks[bi].ContentStart) <= 4 && onlyOpeners(doc.Src[max(line.Start, doc.Blocks[bi].ContentStart):t.Start]) {
		return true
	}
	ss := doc.Sentences()
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > t.Start })
	return i < len(ss) && ss[i].Start <= t.Start && t.Start-ss[i].Start <= 4 && onlyOpeners(doc.Src[ss[i].Start:t.Start])
}

// onlyOpeners reports whether b holds nothing but white space, quotes and
// brackets: what may stand before the first word of a sentence.
func onlyOpeners(b []byte) bool {
	for _, c := range b {
		switch c {
		case ' ', '\t', '"', '\'', '(', '[', '*', '_':
		default:
			if c < utf8.RuneSelf {
				return false
			}
		}
	}
	return true
}

// opensQuote reports whether an opening quotation mark stands right
// before offset, after a space or at a line start.
func opensQuote(src []byte, offset int) bool {
	r, size := utf8.DecodeLastRune(src[:offset])
	if r != '"' && r != '\u201c' && r != '\u2018' {
		return false
	}
	before, _ := utf8.DecodeLastRune(src[:offset-size])
	return offset-size == 0 || before == ' ' || before == '\n' || before == '('
}

// mayBeDoubledCapital is the first test of doubledCapitalShape, on the
// token's first byte and length: both rules run it on every token of a
// document, and it settles most of them without slicing the text.
func mayBeDoubledCapital(src []byte, t document.Token) bool {
	return t.End-t.Start >= 3 && isUpperASCII(src[t.Start])
}

// doubledCapitalShape: an ASCII capital, the same letter in lower case,
// then lower-case letters ("Ssee", "Tthe", "Aaron").
func doubledCapitalShape(b []byte) bool {
	return len(b) >= 3 && isUpperASCII(b[0]) && b[1] == b[0]+'a'-'A' && allLowerASCII(b[2:])
}

// checkDoubledCapital judges toks[0], a doubled-capital token opening a
// sentence; toks[1], when present, is the token after it.
func checkDoubledCapital(pass *rules.Pass, vocab vocabulary, toks []document.Token) {
	doc := pass.Doc
	t := toks[0]
	b := doc.Src[t.Start:t.End]
	if vocab.knowsName(string(b)) {
		return
	}
	w := string(b)
	rest := w[1:]
	level := lexicon.Level(rest)
	if lexicon.Level(w) > 0 || level == 0 || level > lexicon.Common || codeLike(doc.Src, t.Start, t.End) {
		return
	}
	// "Aamir Khan": a rarer remainder before a capitalised word is more
	// likely a name we do not know than a typo.
	if level > 20 && len(toks) > 1 && isUpperASCII(doc.Src[toks[1].Start]) {
		return
	}
	fixed := strings.ToUpper(rest[:1]) + rest[1:]
	pass.Report(rules.Finding{
		Start: t.Start, End: t.End,
		Message: fmt.Sprintf("doubled capital: %q should be %q", w, fixed),
		Fix: &fixers.Fix{Message: fmt.Sprintf("write %q", fixed), Safety: fixers.Safe,
			Edits: []fixers.Edit{fixers.Replace(t.Start, t.Start+2, fixed[:1])}},
	})
}

// checkDoubledWords flags a short function word repeated with only white
// space between ("the the", "The the"), never across a blank line.
func checkDoubledWords(pass *rules.Pass, toks []document.Token) {
	src := pass.Doc.Src
	// Most neighbours differ in length, then in first letter: the
	// previous token's length is kept from one step to the next.
	prevLen, prevStart := -1, 0
	for i, b := range toks {
		n, aLen, aStart := b.End-b.Start, prevLen, prevStart
		prevLen, prevStart = n, b.Start
		if n != aLen || src[aStart]|0x20 != src[b.Start]|0x20 {
			continue
		}
		a := toks[i-1]
		first, second := src[a.Start:a.End], src[b.Start:b.End]
		if !doubledWords[string(second)] || !bytes.EqualFold(first, second) {
			continue // "The The" is a band; only "the the" and "The the" are slips
		}
		if !bytes.Equal(first[1:], second[1:]) || !onlySpaceBetween(src, a.End, b.Start) || codeLike(src, a.Start, b.End) {
			continue
		}
		lower := string(second)
		pass.Report(rules.Finding{
			Start: a.Start, End: b.End,
			Message: fmt.Sprintf("doubled word %q", lower),
			Fix: &fixers.Fix{Message: "remove the repeated word", Safety: fixers.Safe,
				Edits: []fixers.Edit{fixers.Delete(a.End, b.End)}},
		})
	}
}

// onlySpaceBetween reports whether [from, to) is spaces and at most one
// line break.
func onlySpaceBetween(src []byte, from, to int) bool {
	if from >= to {
		return false
	}
	newlines := 0
	for _, c := range src[from:to] {
		switch c {
		case ' ', '\t', '\r':
		case '\n':
			newlines++
		default:
			return false
		}
	}
	return newlines <= 1
}
