package document

import (
	"bytes"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/internal/shareddata"
)

// The document model's scanners have fast paths (byte tables, searches for
// the few bytes that matter); the tests below hold them to the plain
// rune-by-rune versions they replaced, kept here as references, on real
// articles and on random text full of the bytes the fast paths special-case.

// fastPathTexts returns the seeds, the WCXB development pages and truth
// texts when the shared data is present, and random texts.
func fastPathTexts(t *testing.T) [][]byte {
	t.Helper()
	var texts [][]byte
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	for _, kind := range []string{"pages", "truth"} {
		if more, err := shareddata.WCXBFiles(kind); err == nil {
			if testing.Short() {
				more = more[:min(len(more), 40)]
			}
			paths = append(paths, more...)
		}
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, b)
	}
	return append(texts, randomTexts(2000)...)
}

// randomTexts are short texts drawn from pieces that stress the scanners:
// joiners at word edges, digits, multi-byte letters, marks and spaces,
// sentence ends, quotes, and invalid or cut UTF-8.
func randomTexts(n int) [][]byte {
	pieces := []string{
		"a", "Z", "word", "Don", "'", "-", "\u2019", "\u2010", "\u2011", "3", "42", " ", "  ", "\n", "\r\n",
		"\n\n", "\t", ".", "!", "?", "\u2026", "\u00e9", "\u00c9t\u00e9", "\u0301", "\u00a0", "\u200b",
		"\u201c", "\u201d", "\"", ")", "(", "[1]", "[", "]", "Mr", "U.S.", "e.g.", "No", "J", "\xe2", "\xe2\x80",
		"\xff", "\xc3", "\u4e2d\u6587", "\U0001F600", ",", ";", ":", "#", "- ", "* ", "1. ", "> ", "```",
	}
	rng := rand.New(rand.NewSource(9))
	out := make([][]byte, n)
	for i := range out {
		var b []byte
		for k := rng.Intn(40); k >= 0; k-- {
			b = append(b, pieces[rng.Intn(len(pieces))]...)
		}
		out[i] = b
	}
	return out
}

func TestTokensMatchReference(t *testing.T) {
	for _, src := range fastPathTexts(t) {
		got := appendTokens(nil, src, 0, len(src))
		want := referenceTokens(nil, src, 0, len(src))
		if !slices.Equal(got, want) {
			t.Fatalf("tokens of %q:\n got %v\nwant %v", clip(src), got, want)
		}
		// A window that cuts the text anywhere, as blocks do.
		if len(src) > 2 {
			a, b := len(src)/3, len(src)-len(src)/4
			got = appendTokens(nil, src, a, b)
			want = referenceTokens(nil, src, a, b)
			if !slices.Equal(got, want) {
				t.Fatalf("tokens of %q in [%d,%d):\n got %v\nwant %v", clip(src), a, b, got, want)
			}
		}
	}
}

// TestTokensMatchReferenceLong holds appendTokens's 64-byte chunks to the
// reference on long random texts: tokens across chunk edges, joiners and
// bytes above ASCII at every place in a chunk, tokens of 64 bytes and more.
func TestTokensMatchReferenceLong(t *testing.T) {
	pieces := []string{"a", "Z", "word", "longerword", "'", "-", "\u2019", "\u00e9", " ", "  ", "3", "2025", ".", ",",
		"\u201c", "\u00a0", "\xe2", "\xff", "\n", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
	rng := rand.New(rand.NewSource(5))
	for range 3000 {
		var src []byte
		for k := rng.Intn(300); k >= 0; k-- {
			src = append(src, pieces[rng.Intn(len(pieces))]...)
		}
		for _, w := range [][2]int{{0, len(src)}, {len(src) / 5, len(src) - len(src)/7}} {
			got := appendTokens(nil, src, w[0], w[1])
			want := referenceTokens(nil, src, w[0], w[1])
			if !slices.Equal(got, want) {
				t.Fatalf("tokens of %q in %v:\n got %v\nwant %v", src, w, got, want)
			}
		}
	}
}

func clip(b []byte) []byte { return b[:min(len(b), 300)] }

// appendTokens splits src[start:end) into tokens. A token is a run of
// letters, marks and digits; an apostrophe or hyphen joins two such runs
// ("don't", "co-chaired") but a trailing one is left out. ASCII, most of
// the text, is classified by table without decoding runes.
func referenceTokens(out []Token, src []byte, start, end int) []Token {
	i := start
	for i < end {
		c := src[i]
		if c < utf8.RuneSelf {
			if refASCIIClass[c] == refOther {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRune(src[i:end]); !isWordRune(r) {
			i += size
			continue
		}
		tokStart := i
		letters := false
		for i < end {
			c := src[i]
			if c < utf8.RuneSelf {
				switch refASCIIClass[c] {
				case refLetter:
					letters = true
					i++
					continue
				case refDigit:
					i++
					continue
				}
				if (c == '\'' || c == '-') && i+1 < end && joinsWord(src[i+1:end]) {
					i++
					continue
				}
				break
			}
			r, size := utf8.DecodeRune(src[i:end])
			if isWordRune(r) {
				letters = true // no character above ASCII is an ASCII digit
				i += size
				continue
			}
			if isJoiner(r) && i+size < end && joinsWord(src[i+size:end]) {
				i += size
				continue
			}
			break
		}
		kind := Number
		if letters {
			kind = Word
		}
		out = append(out, Token{Start: tokStart, End: i, Kind: kind})
	}
	return out
}

const (
	refOther = iota
	refLetter
	refDigit
)

// refASCIIClass sorts the ASCII bytes into letters, digits and the rest.
var refASCIIClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			t[c] = refLetter
		case '0' <= c && c <= '9':
			t[c] = refDigit
		}
	}
	return t
}()

func TestSentencesMatchReference(t *testing.T) {
	for _, src := range fastPathTexts(t) {
		for _, w := range [][2]int{{0, len(src)}, {len(src) / 3, len(src) - len(src)/4}} {
			terminals := newTerminalFinder(src)
			got := appendSentences(nil, &terminals, w[0], w[1], 0)
			want := referenceSentences(nil, src, w[0], w[1], 0)
			if !slices.Equal(got, want) {
				t.Fatalf("sentences of %q in %v:\n got %v\nwant %v", clip(src), w, got, want)
			}
		}
	}
}

// referenceSentences is appendSentences as it was, decoding every rune.
func referenceSentences(out []Sentence, src []byte, start, end, block int) []Sentence {
	s := skipSpace(src, start, end)
	for i := s; i < end; {
		r, size := utf8.DecodeRune(src[i:end])
		if r != '.' && r != '!' && r != '?' && r != '\u2026' {
			i += size
			continue
		}
		stop := closeAfterTerminal(src, i+size, end)
		next := skipSpace(src, stop, end)
		if next == stop && next < end {
			i = stop
			continue
		}
		if next < end && (r == '.' && referenceIsAbbreviation(src, s, i, src[next]) || !opensSentence(src, next, end)) {
			i = stop
			continue
		}
		if s < stop {
			out = append(out, Sentence{Start: s, End: stop, Block: block})
		}
		s, i = next, next
	}
	if tail := trimRightSpace(src, s, end); s < tail {
		out = append(out, Sentence{Start: s, End: tail, Block: block})
	}
	return out
}

// referenceIsAbbreviation is isAbbreviation as it was, copying the word
// and lower-casing it with strings.ToLower.
func referenceIsAbbreviation(src []byte, sentStart, dot int, following byte) bool {
	j := dot
	for j > sentStart {
		r, size := utf8.DecodeLastRune(src[sentStart:j])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		j -= size
	}
	word := string(src[j:dot])
	if word == "" {
		return false
	}
	if strings.Contains(word, ".") {
		return true
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r)
	}
	lower := strings.ToLower(word)
	return abbreviations[lower] || numberAbbreviations[lower] && '0' <= following && following <= '9'
}

func TestMaxAbbreviation(t *testing.T) {
	longest := 0
	for _, set := range []map[string]bool{abbreviations, numberAbbreviations} {
		for w := range set {
			longest = max(longest, len(w))
			if strings.ToLower(w) != w || !isASCII([]byte(w)) {
				t.Errorf("abbreviation %q is not lower-case ASCII", w)
			}
		}
	}
	if longest != maxAbbreviation {
		t.Errorf("the longest abbreviation has %d bytes, maxAbbreviation is %d", longest, maxAbbreviation)
	}
}

// TestIsAbbreviationMatchesReference tries every period of the texts and
// of words built to reach the stack path's edges (lengths around
// maxAbbreviation, capitals, letters above ASCII, the Kelvin sign that
// lower-cases to ASCII).
func TestIsAbbreviationMatchesReference(t *testing.T) {
	texts := fastPathTexts(t)
	for _, w := range []string{"Approx", "APPROX", "approxi", "Sept", "No", "no", "Nos", "Inc", "\u212ao", "\u00c9d", "Univ", "Univs",
		"Corp", "CORPS", "dept", "Dept\u00e9", "Mr", "MRS", "x", "X", "\u00c9", "U.S", "vs", "V"} {
		for _, next := range []string{" 5", " Five", " five"} {
			texts = append(texts, []byte("See "+w+"."+next))
		}
	}
	for _, src := range texts {
		for i, c := range src {
			if c != '.' || i+1 >= len(src) {
				continue
			}
			for _, from := range []int{0, max(0, i-3)} {
				if got, want := isAbbreviation(src, from, i, src[i+1]), referenceIsAbbreviation(src, from, i, src[i+1]); got != want {
					t.Fatalf("%q before offset %d (from %d): %v, want %v", clip(src[from:i]), i, from, got, want)
				}
			}
		}
	}
}

// BenchmarkTokens tokenises the seeds and, when present, the WCXB truth
// texts: the tokeniser alone, without allocation.
func BenchmarkTokens(b *testing.B) {
	var texts [][]byte
	var size int64
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	if more, err := shareddata.WCXBFiles("truth"); err == nil {
		paths = append(paths, more...)
	}
	for _, p := range paths {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, t)
		size += int64(len(t))
	}
	buf := make([]Token, 0, 1<<20)
	b.SetBytes(size)
	for b.Loop() {
		for _, t := range texts {
			buf = appendTokens(buf[:0], t, 0, len(t))
		}
	}
}

// TestASCIIWordRunMatchesBytes checks the eight-lane word test against a
// byte loop, on words drawn from the bytes at the edges of its ranges.
func TestASCIIWordRunMatchesBytes(t *testing.T) {
	edges := []byte{'0', '9', '/', ':', 'a', 'z', 'A', 'Z', '@', '[', '`', '{', ' ', '\'', '-', 0x00, 0x7f, 0x80, 0xc3, 0xe2, 0xff, 'm', 'M', '5',
		0xb0, 0xb9, 0xc1, 0xda, 0xe1, 0xfa} // the last: ASCII edges with the high bit set
	rng := rand.New(rand.NewSource(1))
	var b [8]byte
	for range 200000 {
		for k := range b {
			b[k] = edges[rng.Intn(len(edges))]
		}
		wantN, wantLetters := 0, false
		for wantN < 8 && b[wantN] < utf8.RuneSelf && isASCIIWordByte(b[wantN]) {
			c := b[wantN]
			wantLetters = wantLetters || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
			wantN++
		}
		x := uint64(0)
		for k := 7; k >= 0; k-- {
			x = x<<8 | uint64(b[k])
		}
		if n, letters := asciiWordRun(x); n != wantN || letters != wantLetters {
			t.Fatalf("%q: run %d letters %v, want %d %v", b[:], n, letters, wantN, wantLetters)
		}
	}
}

// TestTokensInMatchesWalk checks TokensIn's searches against a walk over
// the tokens, for spans that start and end anywhere and for short ones.
func TestTokensInMatchesWalk(t *testing.T) {
	texts := fastPathTexts(t)
	rng := rand.New(rand.NewSource(3))
	for _, src := range texts[:min(len(texts), 400)] {
		d := New("t", src, Meta{})
		toks := d.Tokens()
		for k := range 40 {
			start, end := rng.Intn(len(src)+2)-1, rng.Intn(len(src)+2)-1
			if k%2 == 0 {
				// Short spans, a line or a block: the usual case.
				end = start + rng.Intn(300)
			}
			var want []Token
			for _, tk := range toks {
				if tk.Start >= start && tk.End <= end {
					want = append(want, tk)
				}
			}
			// A span that ends before it starts, or before the first
			// token after start ends, holds none (slices.Equal takes nil
			// and empty as equal).
			if got := d.TokensIn(start, end); !slices.Equal(got, want) {
				t.Fatalf("TokensIn(%d, %d) of %q: %v, want %v", start, end, clip(src), got, want)
			}
		}
	}
}

// BenchmarkTokensIn asks for the tokens of every line of the WCXB pages
// and truth texts, as the rules that measure lines and blocks do.
func BenchmarkTokensIn(b *testing.B) {
	var docs []*Document
	for _, kind := range []string{"pages", "truth"} {
		paths, err := shareddata.WCXBFiles(kind)
		if err != nil {
			b.Skip("WCXB texts not found")
		}
		for _, p := range paths {
			t, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			d := New(p, t, Meta{})
			d.Tokens()
			docs = append(docs, d)
		}
	}
	n := 0
	for b.Loop() {
		for _, d := range docs {
			for _, l := range d.Lines {
				n += len(d.TokensIn(l.Start, l.End))
			}
		}
	}
	if n < 0 {
		b.Fatal(n)
	}
}

// BenchmarkSentences splits the prose blocks of the seeds and, when
// present, the WCXB truth texts into sentences, the blocks parsed before.
func BenchmarkSentences(b *testing.B) {
	var docs []*Document
	var size int64
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	if more, err := shareddata.WCXBFiles("truth"); err == nil {
		paths = append(paths, more...)
	}
	for _, p := range paths {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, New(p, t, Meta{}))
		size += int64(len(t))
	}
	buf := make([]Sentence, 0, 1<<16)
	b.SetBytes(size)
	for b.Loop() {
		for _, d := range docs {
			buf = buf[:0]
			terminals := newTerminalFinder(d.Src)
			for bi, bl := range d.Blocks {
				if bl.IsProse() {
					buf = appendSentences(buf, &terminals, bl.ContentStart, bl.End, bi)
				}
			}
		}
	}
}

// BenchmarkNew builds the lines and blocks of the seeds and, when
// present, the WCXB pages and truth texts (what every pass of a run
// builds for every document before any rule looks).
func BenchmarkNew(b *testing.B) {
	var texts [][]byte
	var size int64
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	for _, kind := range []string{"pages", "truth"} {
		if more, err := shareddata.WCXBFiles(kind); err == nil {
			paths = append(paths, more...)
		}
	}
	for _, p := range paths {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, t)
		size += int64(len(t))
	}
	b.SetBytes(size)
	for b.Loop() {
		for _, t := range texts {
			New("x", t, Meta{})
		}
	}
}

// The block parser's line tests have shortcuts (a line opening with a
// letter is text; a short line needs no character count; a trim without
// decoding); they must agree with the plain versions on every line and
// every pair of lines of the texts.
func TestBlockLineTestsMatchReference(t *testing.T) {
	for _, src := range fastPathTexts(t) {
		lines := bytes.Split(src, []byte("\n"))
		for i, line := range lines {
			if !isBlank(line) {
				if got, want := classifyLine(line), referenceClassifyLine(line); got != want {
					t.Fatalf("classifyLine(%q) = %v, want %v", clip(line), got, want)
				}
			}
			if got, want := titleLike(line), referenceTitleLike(line); got != want {
				t.Fatalf("titleLike(%q) = %v, want %v", clip(line), got, want)
			}
			if i+1 < len(lines) {
				if got, want := paragraphBreak(line, lines[i+1]), referenceParagraphBreak(line, lines[i+1]); got != want {
					t.Fatalf("paragraphBreak(%q, %q) = %v, want %v", clip(line), clip(lines[i+1]), got, want)
				}
			}
		}
	}
}

// TestSpaceTestsMatchReference holds leadingSpace and isBlank, which
// settle ASCII bytes without decoding, to rune-by-rune loops over the
// full list of space characters, on every line of the texts and on
// lines drawn from spaces, no-break and zero-width spaces and letters.
func TestSpaceTestsMatchReference(t *testing.T) {
	lines := [][]byte{}
	for _, src := range fastPathTexts(t) {
		lines = append(lines, bytes.Split(src, []byte("\n"))...)
	}
	pieces := []string{" ", "\t", "\r", "\v", "\f", "\u00a0", "\u200b", "\u2003", "\u3000", "\ufeff", "a", "\n", "\x00", "\xe2", "\u00e9"}
	rng := rand.New(rand.NewSource(5))
	for range 20000 {
		var b []byte
		for k := rng.Intn(6); k >= 0; k-- {
			b = append(b, pieces[rng.Intn(len(pieces))]...)
		}
		lines = append(lines, b)
	}
	for _, line := range lines {
		if got, want := leadingSpace(line), referenceLeadingSpace(line); got != want {
			t.Fatalf("leadingSpace(%q) = %d, want %d", clip(line), got, want)
		}
		if got, want := isBlank(line), referenceLeadingSpace(line) == len(line); got != want {
			t.Fatalf("isBlank(%q) = %v, want %v", clip(line), got, want)
		}
	}
}

// referenceLeadingSpace is the length of the white space line opens with,
// decoded rune by rune.
func referenceLeadingSpace(line []byte) int {
	n := 0
	for n < len(line) {
		r, size := utf8.DecodeRune(line[n:])
		switch r {
		case ' ', '\t', '\r', '\v', '\f', '\u00a0', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u202f', '\u2007', '\u3000':
		default:
			if r < '\u2000' || r > '\u200a' {
				return n
			}
		}
		n += size
	}
	return n
}

func referenceClassifyLine(line []byte) lineClass {
	if isBlank(line) {
		return lcBlank
	}
	t := line[leadingSpace(line):]
	switch {
	case bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~")):
		return lcFence
	case isATX(t):
		return lcATX
	case isSetextUnderline(t):
		return lcSetextUnderline
	case isSeparator(t):
		return lcSeparator
	case t[0] == '>':
		return lcQuote
	case t[0] == '|':
		return lcTable
	}
	if _, ok := listMarker(t); ok {
		return lcList
	}
	if _, w := noteLabel(t); w > 0 {
		return lcNote
	}
	return lcText
}

func referenceParagraphBreak(prev, next []byte) bool {
	prev = bytes.TrimRight(prev, " \t\u00a0")
	if len(prev) == 0 {
		return true
	}
	if endsSentence(prev) {
		return len(prev) > hardWrapWidth || startsUpper(next) && len(next) > hardWrapWidth
	}
	return utf8.RuneCount(prev) < 60 && startsUpper(next)
}

func referenceTitleLike(line []byte) bool {
	line = bytes.TrimSpace(line)
	if len(line) == 0 || len(line) > 400 {
		return false
	}
	r, _ := utf8.DecodeLastRune(line)
	switch r {
	case '.', ',', ';', ':', '\u2026':
		return false
	}
	first, size := utf8.DecodeRune(line)
	if !unicode.IsUpper(first) {
		rest := line[size:]
		second, _ := utf8.DecodeRune(rest)
		if !unicode.IsPunct(first) || !unicode.IsUpper(second) {
			return false
		}
	}
	return utf8.RuneCount(line) <= 100 && bytes.Count(line, []byte(" ")) < 14
}

// BenchmarkBlockTokens tokenises the seeds and, when present, the WCXB
// pages and truth texts block by block, as Tokens does: short blocks
// (menu lines, headings) and every block's end included.
func BenchmarkBlockTokens(b *testing.B) {
	var docs []*Document
	var size int64
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	for _, kind := range []string{"pages", "truth"} {
		if more, err := shareddata.WCXBFiles(kind); err == nil {
			paths = append(paths, more...)
		}
	}
	for _, p := range paths {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, New(p, t, Meta{}))
		size += int64(len(t))
	}
	buf := make([]Token, 0, 1<<20)
	b.SetBytes(size)
	for b.Loop() {
		for _, d := range docs {
			buf = buf[:0]
			for _, bl := range d.Blocks {
				if bl.Kind != Code {
					buf = appendTokens(buf, d.Src, bl.Start, bl.End)
				}
			}
		}
	}
}

// TestPositionAfterMatchesPosition holds PositionAfter, which counts from
// a known position on the same line, to Position, for offsets after
// every place of the texts (lines of invalid UTF-8 and of characters cut
// anywhere included) and a few before and past them.
func TestPositionAfterMatchesPosition(t *testing.T) {
	for _, src := range fastPathTexts(t) {
		d := New("t", src, Meta{})
		step := 1 + len(src)/64 // every place of a short text, a sample of a long one
		for from := -1; from <= len(src)+1; from += step {
			line, col := d.Position(from)
			for offset := from - 1; offset <= min(from+40, len(src)+2); offset++ {
				wantLine, wantCol := d.Position(offset)
				if gotLine, gotCol := d.PositionAfter(from, line, col, offset); gotLine != wantLine || gotCol != wantCol {
					t.Fatalf("PositionAfter(%d, %d, %d, %d) of %q = %d:%d, want %d:%d", from, line, col, offset, clip(src), gotLine, gotCol, wantLine, wantCol)
				}
			}
		}
	}
}

// TestBlockTokensMatchPerBlock holds appendBlockTokens, which tokenises
// runs of blocks as one span, to the tokens of each block apart, on the
// texts and on random Markdown with code blocks, blank lines of spaces
// and invisible characters, and lines cut by "\r".
func TestBlockTokensMatchPerBlock(t *testing.T) {
	texts := fastPathTexts(t)
	pieces := []string{"word", "co-", "-op", "don'", "\u2019s", "\u00e9t\u00e9", " ", "\u00a0", "\u200b", "\t", "\n", "\r\n", "\r", "\ufeff",
		"\n\n", "\n \u00a0\n", "```\n", "~~~\n", "# ", "- ", "1. ", "> ", "| a |", "[1] ", "***\n", "---\n", "===\n", "3", ".", "\xe2", "\xff"}
	rng := rand.New(rand.NewSource(7))
	for range 3000 {
		var src []byte
		for k := rng.Intn(200); k >= 0; k-- {
			src = append(src, pieces[rng.Intn(len(pieces))]...)
		}
		texts = append(texts, src)
	}
	for _, src := range texts {
		d := New("t", src, Meta{})
		var want []Token
		for _, b := range d.Blocks {
			if b.Kind != Code {
				want = appendTokens(want, src, b.Start, b.End)
			}
		}
		if got := appendBlockTokens(nil, src, d.Blocks); !slices.Equal(got, want) {
			t.Fatalf("tokens of %q:\n got %v\nwant %v", clip(src), got, want)
		}
	}
}

// TestTerminalFinderMatchesScan holds terminalFinder, which keeps the
// next place of each terminal byte across calls, to a plain scan from
// each offset, for spans cut anywhere (as blocks cut a text) and offsets
// that step forward by small and large strides, over the texts and
// random ones full of 0xE2 (curly quotes, cut ellipses).
func TestTerminalFinderMatchesScan(t *testing.T) {
	texts := fastPathTexts(t)
	pieces := []string{"a", "word", " ", ".", "!", "?", "\u2026", "\u2019", "\u201c", "\xe2", "\xe2\x80", "\n", "3.5"}
	rng := rand.New(rand.NewSource(11))
	for range 2000 {
		var src []byte
		for k := rng.Intn(60); k >= 0; k-- {
			src = append(src, pieces[rng.Intn(len(pieces))]...)
		}
		texts = append(texts, src)
	}
	for _, src := range texts {
		f := newTerminalFinder(src)
		for start := 0; start < len(src); {
			end := min(len(src), start+1+rng.Intn(400))
			for i := start; i < end; i += 1 + rng.Intn(12) {
				if got, want := f.index(i, end), scanTerminal(src, i, end); got != want {
					t.Fatalf("terminal of %q from %d before %d: %d, want %d", clip(src[start:end]), i, end, got, want)
				}
			}
			start = end + rng.Intn(3)
		}
	}
}

// scanTerminal is terminalFinder.index as a scan byte by byte.
func scanTerminal(src []byte, i, end int) int {
	for ; i < end; i++ {
		switch c := src[i]; {
		case c == '.' || c == '!' || c == '?':
			return i
		case c == 0xe2 && i+2 < end && src[i+1] == 0x80 && src[i+2] == 0xa6:
			return i
		}
	}
	return end
}

// TestClassifyChunkMatchesBytes holds classifyChunk's packed masks to a
// byte loop, on chunks drawn from the bytes at the edges of its ranges
// and on every 64 bytes of the texts.
func TestClassifyChunkMatchesBytes(t *testing.T) {
	edges := []byte("@AZ[`az{/09:'- \x00\x7f\x80\xc3\xe2\xff")
	rng := rand.New(rand.NewSource(13))
	var chunks [][]byte
	for range 20000 {
		c := make([]byte, 64)
		for i := range c {
			c[i] = edges[rng.Intn(len(edges))]
			if rng.Intn(4) == 0 {
				c[i] = byte(rng.Intn(256))
			}
		}
		chunks = append(chunks, c)
	}
	for _, src := range fastPathTexts(t) {
		for i := 0; i+64 <= len(src); i += 64 {
			chunks = append(chunks, src[i:i+64])
		}
	}
	for _, c := range chunks {
		var word, high uint64
		for k, b := range c {
			if isASCIIWordByte(b) {
				word |= 1 << k
			}
			if b >= utf8.RuneSelf {
				high |= 1 << k
			}
		}
		if w, h := classifyChunk(c); w != word || h != high {
			t.Fatalf("classifyChunk(%q) = %064b, %064b; want %064b, %064b", c, w, h, word, high)
		}
	}
}

// TestIsBlankLineMatchesScan holds IsBlankLine, which reads the bits
// parseBlocks sets, to isBlank over the line's text: on every line of the
// seeds, the WCXB texts and random texts (with a line of only white
// space, no-break or zero-width spaces), and before and after a line
// count that fills a word of bits.
func TestIsBlankLineMatchesScan(t *testing.T) {
	texts := fastPathTexts(t)
	for _, n := range []int{63, 64, 65, 128, 129} {
		texts = append(texts, []byte(strings.Repeat("a\n \u00a0\n\u200b\n\n", n)))
	}
	blanks := 0
	for _, src := range texts {
		d := New("t", src, Meta{})
		for i := range d.Lines {
			want := isBlank(d.LineText(i))
			if got := d.IsBlankLine(i); got != want {
				t.Fatalf("IsBlankLine(%d) of %q = %v, want %v", i, clip(d.LineText(i)), got, want)
			}
			if want {
				blanks++
			}
		}
	}
	if blanks < 1000 {
		t.Fatalf("only %d blank lines", blanks)
	}
}
