package names

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/knowledge"
	"github.com/dochygiene/hygiene/internal/lexicon"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// TestNameSpansMatchReference holds nameSpans, whose loop passes over
// small-letter words on its own, to the plain loop it replaced, on the
// WCXB texts (pages and truth) for both run lengths.
func TestNameSpansMatchReference(t *testing.T) {
	for _, kind := range []string{"pages", "truth"} {
		docs, _ := ruletest.WCXBDocs(t, kind, document.Meta{})
		for _, d := range docs {
			for _, minWords := range []int{1, 2, 3} {
				if got, want := nameSpans(d, minWords), referenceNameSpans(d, minWords); !slices.Equal(got, want) {
					t.Fatalf("%s, %d words: got %v, want %v", d.Path, minWords, got, want)
				}
			}
		}
	}
}

// TestWithinDocumentMatchesReference holds withinDocument, which compares
// a name only with the names sharing its given name or surname, to the
// walk over every name it replaced, on the names of every WCXB page and
// truth text.
func TestWithinDocumentMatchesReference(t *testing.T) {
	pack := knowledge.Active()
	for _, kind := range []string{"pages", "truth"} {
		docs, _ := ruletest.WCXBDocs(t, kind, document.Meta{})
		for _, d := range docs {
			names := fullNames(d, pack)
			for i, f := range names {
				names[i] = newFullName(f.name, f.start, f.end)
			}
			counts := map[string]int{}
			for _, f := range names {
				counts[f.key()]++
			}
			parts := indexParts(names)
			for _, f := range names {
				got, gotOK := withinDocument(f, names, parts, counts)
				want, wantOK := referenceWithinDocument(f, names, counts)
				if got != want || gotOK != wantOK {
					t.Fatalf("%s, %q: got %q %v, want %q %v", d.Path, f.key(), got, gotOK, want, wantOK)
				}
			}
		}
	}
}

// referenceWithinDocument is withinDocument as it was: every name of the
// document compared with f.
func referenceWithinDocument(f fullName, names []fullName, counts map[string]int) (string, bool) {
	for _, o := range names {
		if !sameName(f, o) {
			continue
		}
		cf, co := counts[f.key()], counts[o.key()]
		if cf < co || cf == co && f.start > firstStart(names, o.key()) {
			return o.key(), true
		}
	}
	return "", false
}

// referenceNameSpans is nameSpans as it was before the loop of its own.
func referenceNameSpans(doc *document.Document, minWords int) []span {
	var out []span
	src := doc.Src
	toks := doc.Tokens()
	i := 0 // blocks and tokens are both in text order
	for bi, b := range doc.Blocks {
		if !b.IsProse() {
			continue
		}
		// The tokens inside [ContentStart, End), as doc.TokensIn finds
		// them, in the same pass over the tokens as the runs.
		for i < len(toks) && toks[i].Start < b.ContentStart {
			i++
		}
		first := -1 // where the current run starts, -1 for none
		for ; i < len(toks) && toks[i].End <= b.End; i++ {
			t := toks[i]
			if first < 0 {
				if c := src[t.Start]; c < utf8.RuneSelf && (c < 'A' || c > 'Z') {
					continue // no run to end, and no capital to start one
				}
				if minWords >= 2 && !mayContinueRun(src, toks, i, b.End) {
					continue // a capitalised word alone (a sentence start): too short
				}
			}
			capital, particle := false, false
			if t.Kind == document.Word {
				capital = isCapital(src, t)
				particle = !capital && first >= 0 && isParticle(src[t.Start:t.End])
			}
			if (!capital && !particle) || inURL(src, t) {
				out = appendSpan(out, src, toks, first, i, bi, minWords)
				first = -1
				continue
			}
			if first >= 0 && !singleSpace(src, toks[i-1].End, t.Start) {
				out = appendSpan(out, src, toks, first, i, bi, minWords)
				first = -1
			}
			if first < 0 {
				first = i
			}
		}
		out = appendSpan(out, src, toks, first, i, bi, minWords)
	}
	return out
}

// insideQuotesReference is the quotation test as first written: the block
// read from its start for each span.
func insideQuotesReference(src []byte, start, end, pos int) bool {
	_, in := referenceReadQuotes(src, start, end, pos, false)
	return in
}

// TestQuoteScanMatchesReference holds quoteScan, which reads each block
// once for all its spans, to reading the block from its start for each,
// on the spans of the WCXB texts: all of them in order, and every third
// one with the scan asked out of order now and then.
func TestQuoteScanMatchesReference(t *testing.T) {
	for _, kind := range []string{"pages", "truth"} {
		docs, _ := ruletest.WCXBDocs(t, kind, document.Meta{})
		for _, d := range docs {
			spans := nameSpans(d, 1)
			for _, step := range []int{1, 3} {
				q := newQuoteScan()
				for k := 0; k < len(spans); k += step {
					sp := spans[k]
					if step == 3 && k%7 == 6 {
						sp = spans[k/2] // out of order: the scan starts the block over
					}
					b := d.Blocks[sp.block]
					want := b.Kind == document.Note || insideQuotesReference(d.Src, b.ContentStart, b.End, d.Tokens()[sp.first].Start)
					if got := q.quoted(d, sp); got != want {
						t.Fatalf("%s: span %v: quoted %v, want %v", d.Path, sp, got, want)
					}
				}
			}
		}
	}
}

// TestHasRunes holds hasRunes to utf8.RuneCount on every prefix of
// texts mixing ASCII, accented letters, other scripts and broken UTF-8.
func TestHasRunes(t *testing.T) {
	for _, s := range []string{"", "Al", "Ana", "Zoë", "Łukasz", "Éva", "José", "李明", "Ab\xff", "\xe2\x80", "O’Neill", "Müller-Lüdenscheidt"} {
		for end := 0; end <= len(s); end++ {
			b := []byte(s[:end])
			for n := 0; n <= 6; n++ {
				if got, want := hasRunes(b, n), utf8.RuneCount(b) >= n; got != want {
					t.Errorf("hasRunes(%q, %d) = %v, want %v", b, n, got, want)
				}
			}
		}
	}
}

// referenceLooksLikeName is looksLikeName as it was before its ASCII
// pass: rune by rune with the Unicode tables.
func referenceLooksLikeName(w string) bool {
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

// referenceIsWord is isWord as it was before its one pass.
func referenceIsWord(w string, maxLevel int) bool {
	var buf [32]byte
	if len(w) > len(buf) || !isASCII(w) {
		return lexicon.IsWordAt(strings.ToLower(w), maxLevel)
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return lexicon.IsWordAt(string(buf[:len(w)]), maxLevel)
}

// TestNameTestsMatchReference holds looksLikeName and isWord to their
// references on every token of the WCXB texts (with a possessive cut and
// joined with the next by a hyphen, as name parts are) and on random
// words of letters, joiners and other bytes.
func TestNameTestsMatchReference(t *testing.T) {
	var words []string
	for _, kind := range []string{"pages", "truth"} {
		docs, _ := ruletest.WCXBDocs(t, kind, document.Meta{})
		for _, d := range docs {
			toks := d.Tokens()
			for i, tok := range toks {
				w, _ := trimPossessive(d, tok)
				words = append(words, w, string(d.Src[tok.Start:tok.End]))
				if i+1 < len(toks) {
					words = append(words, w+"-"+text(d, toks[i+1]))
				}
			}
		}
	}
	r := rand.New(rand.NewPCG(62, 63))
	pieces := []string{"A", "b", "Mc", "Mac", "D", "o", "-", "'", "\u2019", "é", "É", "Ł", "ß", "3", ".", "x", "\xff", "ab", "Ab"}
	for range 50000 {
		var sb strings.Builder
		for k := r.IntN(6); k >= 0; k-- {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
		words = append(words, sb.String())
	}
	if len(words) < 100000 {
		t.Fatalf("only %d words", len(words))
	}
	for _, w := range words {
		if got, want := looksLikeName(w), referenceLooksLikeName(w); got != want {
			t.Fatalf("looksLikeName(%q) = %v, want %v", w, got, want)
		}
		for _, level := range []int{lexicon.Common, lexicon.Rare} {
			if got, want := isWord(w, level), referenceIsWord(w, level); got != want {
				t.Fatalf("isWord(%q, %d) = %v, want %v", w, level, got, want)
			}
		}
	}
}

// referenceReadQuotes is readQuotes as it was before it passed over eight
// plain bytes at once.
func referenceReadQuotes(src []byte, i, end, pos int, in bool) (int, bool) {
	for i < end && i <= pos {
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

// TestReadQuotesMatchesReference holds readQuotes to its reference on
// random texts of quotation marks of every kind, other characters above
// ASCII and broken UTF-8, from every start to every stop.
func TestReadQuotesMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(64, 65))
	pieces := []string{"a", "bc", " ", "said the minister ", "\"", "\u201c", "\u201d", "\u00ab", "\u00bb", "\u201e", "\u2019", "é", "\xe2\x80", "\xff", "\n"}
	for range 3000 {
		var sb strings.Builder
		for k := r.IntN(30); k >= 0; k-- {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
		src := []byte(sb.String())
		for k := 0; k < 20; k++ {
			i := r.IntN(len(src) + 1)
			end := i + r.IntN(len(src)-i+1)
			pos := i + r.IntN(len(src)-i+1)
			in := r.IntN(2) == 0
			gi, gin := readQuotes(src, i, end, pos, in)
			wi, win := referenceReadQuotes(src, i, end, pos, in)
			if gi != wi || gin != win {
				t.Fatalf("%q from %d, end %d, pos %d, in %v: got %d %v, want %d %v", src, i, end, pos, in, gi, gin, wi, win)
			}
		}
	}
}

// TestNameSpansMatchReferenceOnGeneratedTexts holds nameSpans to its
// reference on texts made of the pieces its tests read: capitals and
// small letters, particles and words that start like them, single,
// double and no-break spaces, punctuation, URLs and e-mail addresses,
// letters above ASCII, and blocks of every kind (list markers, headings,
// notes, code), ending anywhere.
func TestNameSpansMatchReferenceOnGeneratedTexts(t *testing.T) {
	r := rand.New(rand.NewPCG(64, 2))
	words := []string{"Anna", "Kowalczyk", "von", "der", "Leyen", "de", "la", "Gaulle", "bin", "al", "Assad",
		"van", "den", "da", "di", "du", "le", "dog", "labour", "bank", "about", "vote", "The", "said", "it",
		"Émile", "Łukasz", "über", "ßtraße", "O'Neill", "Jean-Claude", "U.S.", "2025", "3rd", "A", "I", "x",
		"example.com", "https://Example.org/Page", "Mail@Example.com", "Zoë", "李明", "McDonald", "iPhone"}
	gaps := []string{" ", " ", " ", " ", "\u00a0", "  ", ", ", ". ", "\n", "\n\n", "-", "\u2019s ", " \"", "\" ", "(", ") ", ""}
	starts := []string{"", "", "- ", "1. ", "# ", "> ", "[1] ", "```\n", "    ", "| "}
	for n := range 4000 {
		var sb strings.Builder
		for k := r.IntN(40); k >= 0; k-- {
			if r.IntN(12) == 0 {
				sb.WriteString("\n\n" + starts[r.IntN(len(starts))])
			}
			sb.WriteString(words[r.IntN(len(words))])
			sb.WriteString(gaps[r.IntN(len(gaps))])
		}
		d := document.New("gen", []byte(sb.String()), document.Meta{})
		for _, minWords := range []int{1, 2, 3} {
			if got, want := nameSpans(d, minWords), referenceNameSpans(d, minWords); !slices.Equal(got, want) {
				t.Fatalf("text %d (%q), %d words: got %v, want %v", n, sb.String(), minWords, got, want)
			}
		}
	}
}

// TestOpensRunWordHoldsEveryParticle holds mayBeFollowed's table to
// isParticle: every particle (every word of up to four small letters
// isParticle takes) starts with a byte the table marks.
func TestOpensRunWordHoldsEveryParticle(t *testing.T) {
	found := 0
	var walk func(w []byte)
	walk = func(w []byte) {
		if len(w) > 0 && isParticle(w) {
			found++
			if !opensRunWord[w[0]] {
				t.Errorf("particle %q: opensRunWord[%q] is false", w, w[0])
			}
		}
		if len(w) == 4 {
			return
		}
		for c := byte('a'); c <= 'z'; c++ {
			walk(append(w, c))
		}
	}
	walk(nil)
	if found < 10 {
		t.Fatalf("only %d particles found", found)
	}
}

// TestBetweenBlanksMatchesReference holds betweenBlanks, and isCapital's
// ASCII test, to the tests they replaced, on every byte before and after
// a token, and at both edges of the text.
func TestBetweenBlanksMatchesReference(t *testing.T) {
	reference := func(src []byte, t document.Token) bool {
		return (t.Start == 0 || src[t.Start-1] == ' ' || src[t.Start-1] == '\n' || src[t.Start-1] == '\t') &&
			(t.End == len(src) || src[t.End] == ' ' || src[t.End] == '\n' || src[t.End] == '\r' || src[t.End] == '\t')
	}
	for b := range 256 {
		for a := range 256 {
			src := []byte{byte(b), 'W', 'o', byte(a)}
			for _, tok := range []document.Token{{Start: 1, End: 3}, {Start: 0, End: 3}, {Start: 1, End: 4}} {
				if got, want := betweenBlanks(src, tok), reference(src, tok); got != want {
					t.Fatalf("betweenBlanks(%q, %v) = %v, want %v", src, tok, got, want)
				}
			}
		}
		src := []byte{byte(b), 'x'}
		tok := document.Token{Start: 0, End: 2}
		want := 'A' <= b && b <= 'Z'
		if b >= utf8.RuneSelf {
			r, _ := utf8.DecodeRune(src)
			want = unicode.IsUpper(r)
		}
		if got := isCapital(src, tok); got != want {
			t.Fatalf("isCapital(%q) = %v, want %v", src, got, want)
		}
	}
}
