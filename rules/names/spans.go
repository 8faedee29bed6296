package names

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/knowledge"
	"github.com/dochygiene/hygiene/internal/lexicon"
)

// span is a run of capitalised words that may be a person's name:
// "French President Emmanuel Macron", "Ursula von der Leyen".
type span struct {
	// first and end index the run's tokens in doc.Tokens(); block is its
	// block. Compact: a document has many runs.
	first, end, block int32
}

// tokens returns the run's tokens (read only).
func (sp span) tokens(doc *document.Document) []document.Token {
	return doc.Tokens()[sp.first:sp.end:sp.end]
}

// nameSpans returns the runs of capitalised word tokens in prose blocks
// that are separated only by single spaces, with lower-case particles
// allowed inside, and at least minWords words long. Words inside URLs and
// e-mail addresses are skipped. It looks at every token of the document,
// so it works on bytes, settles a lower-case word on its first byte and
// allocates only the result.
func nameSpans(doc *document.Document, minWords int) []span {
	return appendNameSpans(nil, doc, minWords)
}

// appendNameSpans appends nameSpans(doc, minWords) to out.
//
// It reads the tokens in one pass, not block by block: outside a run, a
// word that starts no run does nothing in any block, so the loop that
// passes over them runs on across blocks, and the block of a word that
// may start a run is looked up then (a page has many short blocks). The
// words of a run are read by appendRuns.
func appendNameSpans(out []span, doc *document.Document, minWords int) []span {
	src := doc.Src
	toks := doc.Tokens()
	blocks := doc.Blocks
	bi := 0 // the block of the last word looked up
	for i := 0; i < len(toks); {
		// Pass over the words that open with an ASCII letter other
		// than a capital (most words) in a loop of their own: no
		// capital to start a run. With runs of two words or more, it
		// also passes over the capitalised words that the bytes after
		// them show to stand alone (most open a sentence: "The",
		// "In").
		for ; i < len(toks); i++ {
			if c := src[toks[i].Start]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
				if minWords < 2 || mayBeFollowed(src, toks[i].End) {
					break
				}
			}
		}
		if i == len(toks) {
			break
		}
		// Only the words of prose blocks count, from where their
		// content starts (after a list marker or note label), as
		// doc.TokensIn finds them.
		for bi < len(blocks) && blocks[bi].End < toks[i].End {
			bi++
		}
		if bi == len(blocks) {
			break
		}
		b := &blocks[bi]
		if !b.IsProse() || toks[i].Start < b.ContentStart || minWords >= 2 && !mayContinueRun(src, toks, i, b.End) {
			i++ // a capitalised word alone is too short
			continue
		}
		out, i = appendRuns(out, src, toks, i, b.End, bi, minWords)
	}
	return out
}

// appendRuns reads the run that toks[i] may start, in the block bi that
// ends at end, and the runs that follow it with no other word between
// (a run ends before a word that is not a single space away and starts
// another), and appends those of minWords words or more. It returns the
// index of the word to read next: the one after the word that ended the
// runs, or the first past the block.
func appendRuns(out []span, src []byte, toks []document.Token, i, end, bi, minWords int) ([]span, int) {
	first := -1 // where the current run starts, -1 for none
	for ; i < len(toks) && toks[i].End <= end; i++ {
		t := toks[i]
		capital, particle := false, false
		if t.Kind == document.Word {
			capital = isCapital(src, t)
			particle = !capital && first >= 0 && isParticle(src[t.Start:t.End])
		}
		if (!capital && !particle) || !betweenBlanks(src, t) && inURL(src, t) {
			return appendSpan(out, src, toks, first, i, bi, minWords), i + 1
		}
		if first >= 0 && !singleSpace(src, toks[i-1].End, t.Start) {
			out = appendSpan(out, src, toks, first, i, bi, minWords)
			first = -1
		}
		if first < 0 {
			first = i
		}
	}
	return appendSpan(out, src, toks, first, i, bi, minWords), i
}

// multiWordSpans returns nameSpans(doc, 2), computed once per document:
// both rules of a check read them, one after the other on the same worker
// (only the runs are kept, 12 bytes each).
func multiWordSpans(doc *document.Document) []span {
	return spanMemo.Get(doc, multiWordSpansOf)
}

func multiWordSpansOf(doc *document.Document) []span {
	return appendNameSpans(spanBuffers.Get(), doc, 2)
}

// spanMemo hands a dropped document's spans to the next document: no rule
// keeps a span slice past its Run (the rules copy the spans they read by
// value, and findings and corpus summaries hold strings and offsets), and
// the runner drops a document's state only once every rule has returned.
// The slices grew by appending, a handful of allocations per document
// (3.3 MB of the 140 MB a --per-document run over the WCXB pages
// allocated).
var spanMemo = document.Memo[[]span]{Recycle: spanBuffers.Put}

// spanBuffers keeps empty span slices for later documents (a few hundred
// kilobytes at most).
var spanBuffers = document.FreeSlices[span]{MaxCap: 1 << 14}

// mayContinueRun reports whether a run starting at toks[i] can take the
// next token: a single space, then a word with a capital (or a non-ASCII
// first letter) or a particle. When it cannot, the run is one word long.
func mayContinueRun(src []byte, toks []document.Token, i, blockEnd int) bool {
	if i+1 >= len(toks) {
		return false
	}
	next := toks[i+1]
	if next.End > blockEnd || next.Kind != document.Word || !singleSpace(src, toks[i].End, next.Start) {
		return false
	}
	c := src[next.Start]
	return 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf || isParticle(src[next.Start:next.End])
}

// mayBeFollowed reports whether the bytes after a word that ends at e may
// open the next word of a run: one space (ASCII or no-break), then a
// capital, a byte above ASCII or a particle's first letter. It is false
// whenever mayContinueRun is: that word starts right after the single
// space, and its first byte is one of these.
func mayBeFollowed(src []byte, e int) bool {
	if e+1 >= len(src) {
		return false
	}
	c := src[e+1]
	if src[e] != ' ' {
		if src[e] != 0xc2 || c != 0xa0 || e+2 >= len(src) {
			return false
		}
		c = src[e+2]
	}
	return opensRunWord[c]
}

// opensRunWord marks the first bytes of the words a run takes after its
// first: capitals, bytes above ASCII, and the first letters of particles
// (isParticle).
var opensRunWord = func() (t [256]bool) {
	for c := range 256 {
		t[c] = 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf || strings.IndexByte("vdlba", byte(c)) >= 0
	}
	return t
}()

// appendSpan adds the run toks[first:end] without its trailing particles
// (they are not part of the name) when it has minWords words or more.
func appendSpan(out []span, src []byte, toks []document.Token, first, end, block, minWords int) []span {
	if first < 0 || end-first < minWords {
		return out
	}
	for end > first && !isCapital(src, toks[end-1]) {
		end--
	}
	if end-first >= max(minWords, 1) {
		out = append(out, span{first: int32(first), end: int32(end), block: int32(block)})
	}
	return out
}

// isParticle reports whether a lower-case word may stand inside a name:
// "von", "der", "van", "de", "bin", "al".
func isParticle(w []byte) bool {
	switch string(w) {
	case "von", "der", "van", "de", "den", "da", "di", "du", "le", "la", "bin", "al":
		return true
	}
	return false
}

// quoteScan tells whether spans stand inside quotation marks or a note
// (a cited work's title may spell a name its own way). Asked about the
// spans of a document in text order, it reads each block once, going on
// from where the last span of the block left it, rather than reading the
// block from its start for each span.
type quoteScan struct {
	block int32 // the block being read; -1 before the first span
	pos   int   // the offset last asked about
	i     int   // the next byte to read
	in    bool  // whether a quotation is open at pos
}

func newQuoteScan() quoteScan { return quoteScan{block: -1} }

// quoted reports whether the span stands inside quotation marks or a note.
func (q *quoteScan) quoted(doc *document.Document, sp span) bool {
	b := doc.Blocks[sp.block]
	if b.Kind == document.Note {
		return true
	}
	pos := doc.Tokens()[sp.first].Start
	if sp.block != q.block || pos < q.pos {
		*q = quoteScan{block: sp.block, i: b.ContentStart}
	}
	q.pos = pos
	q.i, q.in = readQuotes(doc.Src, q.i, b.End, pos, q.in)
	return q.in
}

const (
	quoteLows  = 0x0101010101010101
	quoteHighs = 0x8080808080808080
)

// readQuotes reads src[i:end) up to pos (the character at pos included)
// from the state in, and returns where it stopped and the state there.
//
// Eight bytes that hold neither a double quote nor a byte above ASCII
// change nothing, and most of a block is such bytes: they are passed over
// eight at a time (a lane equal to '"' is zero in x^'"'..., and the test
// for a zero lane may flag others too, which only sends them to the loop
// byte by byte).
func readQuotes(src []byte, i, end, pos int, in bool) (int, bool) {
	limit := min(end, pos+1)
	for i < limit {
		if i+8 <= limit {
			x := binary.LittleEndian.Uint64(src[i:])
			q := x ^ '"'*quoteLows
			if (x|(q-quoteLows)&^q)&quoteHighs == 0 {
				i += 8
				continue
			}
		}
		if c := src[i]; c < utf8.RuneSelf {
			if c == '"' {
				in = !in
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:end])
		switch r {
		case '\u201c', '\u00ab', '\u201e':
			in = true
		case '\u201d', '\u00bb':
			in = false
		}
		i += size
	}
	return i, in
}

// isCapital reports whether the token starts with a capital letter. It
// is asked of every word of a run: the ASCII test is inlined, the rest is
// isUpperToken's.
func isCapital(src []byte, t document.Token) bool {
	if c := src[t.Start]; c < utf8.RuneSelf {
		return c-'A' < 26 // 'A' to 'Z' (a byte below 'A' wraps round)
	}
	return isUpperToken(src, t)
}

// isUpperToken reports whether the token's first letter is upper case.
func isUpperToken(src []byte, t document.Token) bool {
	r, _ := utf8.DecodeRune(src[t.Start:t.End])
	return unicode.IsUpper(r)
}

// singleSpace reports whether src[a:b] is one space (ASCII or no-break).
func singleSpace(src []byte, a, b int) bool {
	switch b - a {
	case 1:
		return src[a] == ' '
	case 2:
		return src[a] == 0xc2 && src[a+1] == 0xa0
	}
	return false
}

// betweenBlanks reports whether white space (or the text's edge) stands
// on both sides of the token, as inURL reads it: then the token is in no
// URL. The loop over a document's words asks it inline, and calls inURL
// only for the other words.
func betweenBlanks(src []byte, t document.Token) bool {
	return (t.Start == 0 || blankBefore[src[t.Start-1]]) && (t.End == len(src) || blankAfter[src[t.End]])
}

// blankBefore and blankAfter mark the bytes that end the chunk inURL
// reads, before the token and after it (a carriage return ends it only
// after the token).
var blankBefore, blankAfter = func() (before, after [256]bool) {
	for _, c := range []byte(" \n\t") {
		before[c], after[c] = true, true
	}
	after['\r'] = true
	return before, after
}()

// inURL reports whether the token sits in a URL, domain or e-mail address.
func inURL(src []byte, t document.Token) bool {
	// A token between white space is a word: the usual case, settled
	// without reading it (a token never holds "@", "/" or ".").
	if betweenBlanks(src, t) {
		return false
	}
	i := t.Start
	for i > 0 && src[i-1] != ' ' && src[i-1] != '\n' && src[i-1] != '\t' && t.Start-i < 200 {
		i--
	}
	j := t.End
	for j < len(src) && src[j] != ' ' && src[j] != '\n' && src[j] != '\r' && src[j] != '\t' && j-t.End < 200 {
		j++
	}
	chunk := src[i:j]
	for k := 0; k+1 < len(chunk); k++ {
		c := chunk[k]
		if c == '@' || c == '/' && chunk[k+1] == '/' || c == '.' && isLetterByte(chunk[k+1]) && k > 0 && isLetterByte(chunk[k-1]) {
			return true
		}
	}
	return false
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func text(doc *document.Document, t document.Token) string { return string(doc.Src[t.Start:t.End]) }

// trimPossessive drops a trailing "'s" or "’s" from a name token's text
// and returns the new end offset.
func trimPossessive(doc *document.Document, t document.Token) (string, int) {
	end := possessiveEnd(doc.Src, t)
	return string(doc.Src[t.Start:end]), end
}

// possessiveEnd is where the token ends without a trailing "'s" or "’s".
func possessiveEnd(src []byte, t document.Token) int {
	w := src[t.Start:t.End]
	switch {
	case len(w) > 2 && w[len(w)-2] == '\'' && w[len(w)-1] == 's':
		return t.End - 2
	case len(w) > 4 && string(w[len(w)-4:]) == "\u2019s":
		return t.End - 4
	}
	return t.End
}

// looksLikeName reports whether a word is written like a name: letters
// only, a capital first and lower case after it, except after a hyphen or
// apostrophe ("Jean-Claude", "O'Neill") or a Mc/Mac prefix. Product names
// ("WH-1000XM4", "WorkFit") and shouted words are not names.
func looksLikeName(w string) bool {
	if ok, decided := looksLikeASCIIName(w); decided {
		return ok
	}
	prev := rune(0)
	for i, r := range w {
		switch {
		case r == '-' || r == '\'' || r == '\u2019':
		case !unicode.IsLetter(r):
			return false
		case i == 0:
			if !unicode.IsUpper(r) {
				return false
			}
		case unicode.IsUpper(r):
			if prev != '-' && prev != '\'' && prev != '\u2019' && !hasMacPrefix(w[:i]) {
				return false
			}
		}
		prev = r
	}
	// Every part between hyphens has two letters at least: "Workfit-T" is
	// a model letter, not a name part.
	start := 0
	for i := 0; i <= len(w); i++ {
		if i == len(w) || w[i] == '-' {
			if i > start && utf8.RuneCountInString(w[start:i]) < 2 {
				return false
			}
			start = i + 1
		}
	}
	return prev != 0
}

// looksLikeASCIIName is looksLikeName byte by byte, with no rune
// decoding or Unicode table, in one pass that also measures the parts
// between hyphens (an ASCII part's runes are its bytes). It answers (ok)
// once the bytes read settle the answer, as they do at the first that
// breaks a rule: looksLikeName would turn the word down there whatever
// follows. It gives no answer (decided false) when it meets a byte above
// ASCII first.
func looksLikeASCIIName(w string) (ok, decided bool) {
	prev := byte(0)
	part := 0 // the bytes since the last hyphen
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case 'a' <= c && c <= 'z':
			if i == 0 {
				return false, true
			}
		case 'A' <= c && c <= 'Z':
			if i > 0 && prev != '-' && prev != '\'' && !hasMacPrefix(w[:i]) {
				return false, true
			}
		case c == '-':
			if part == 1 {
				return false, true // a part of one letter ("Workfit-T")
			}
			prev, part = c, 0
			continue
		case c == '\'':
		case c >= utf8.RuneSelf:
			return false, false
		default:
			return false, true
		}
		prev = c
		part++
	}
	return prev != 0 && part != 1, true
}

func hasMacPrefix(s string) bool { return s == "Mc" || s == "Mac" }

// isWord reports whether a capitalised name part is also an ordinary word
// (its lower-case form in the dictionary at maxLevel or below): "Foreign",
// "Ministry". Capitalised dictionary entries ("Anna", "Kelly") are names
// and do not count. ASCII words are lower-cased on the stack.
func isWord(w string, maxLevel int) bool {
	var buf [32]byte
	if len(w) > len(buf) {
		return lexicon.IsWordAt(strings.ToLower(w), maxLevel)
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			// Lower-cased as a whole (one pass over the ASCII words
			// finds this byte and lower-cases them).
			return lexicon.IsWordAt(strings.ToLower(w), maxLevel)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return lexicon.IsWordAt(string(buf[:len(w)]), maxLevel)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// hasRunes reports whether b holds at least n runes (utf8.RuneCount(b)
// >= n). A name part is short and most are ASCII: when its first n bytes
// are ASCII they are n runes, and the rest is not counted.
func hasRunes(b []byte, n int) bool {
	if len(b) < n {
		return false // a rune is one byte at least
	}
	for _, c := range b[:n] {
		if c >= utf8.RuneSelf {
			return utf8.RuneCount(b) >= n
		}
	}
	return true
}

// foldKey folds a token's text into buf for a map lookup: no allocation
// for ASCII words.
func foldKey(buf []byte, w []byte) []byte { return knowledge.AppendFold(buf[:0], w) }
