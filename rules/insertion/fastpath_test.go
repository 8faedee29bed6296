package insertion

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/shareddata"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// termsReference counts a document's terms the plain way: TermKey for
// every word, IDs in order of first occurrence, one (term, count) list per
// unit, as countTerms did before the shared vocabulary and the surface
// table.
func termsReference(doc *document.Document, units []unit) (keys []string, perUnit [][]entry) {
	ids := map[string]int32{}
	for _, u := range units {
		counts := map[int32]int32{}
		var order []int32
		for _, t := range doc.TokensIn(doc.Blocks[u.firstBlock].Start, doc.Blocks[u.lastBlock].End) {
			if t.Kind != document.Word {
				continue
			}
			key := TermKey(string(doc.Src[t.Start:t.End]))
			if key == "" {
				continue
			}
			id, ok := ids[key]
			if !ok {
				id = int32(len(keys))
				ids[key] = id
				keys = append(keys, key)
			}
			if counts[id] == 0 {
				order = append(order, id)
			}
			counts[id]++
		}
		var es []entry
		for _, id := range order {
			es = append(es, entry{term: id, count: counts[id], tf: unitTF(counts[id])})
		}
		perUnit = append(perUnit, es)
	}
	return keys, perUnit
}

func TestCountTermsMatchesReference(t *testing.T) {
	var docs []*document.Document
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		_, text := ruletest.Seed(t, n)
		docs = append(docs, document.New(n+".txt", []byte(text), document.Meta{}))
	}
	// Words in many cases and scripts, possessives, numbers, a long run.
	docs = append(docs, document.New("mixed.txt", []byte(strings.Repeat(
		"The Minister’s talks in GENEVA resumed. Ministers' talks; talking, talked, studies, ÉTÉ été Über über 2024 ab abc.\n\n", 30)), document.Meta{}))
	idf := defaultIDF()
	// Twice over, so the second round runs on a warm vocabulary.
	for round := range 2 {
		for _, doc := range docs {
			c := analyse(doc, idf)
			keys, perUnit := termsReference(doc, c.units)
			if !slices.Equal(c.termKeys, keys) {
				t.Fatalf("round %d %s: terms differ:\n got %v\nwant %v", round, doc.Path, c.termKeys, keys)
			}
			for u := range c.units {
				got := c.entries[c.entryStart[u]:c.entryStart[u+1]]
				if !slices.Equal(got, perUnit[u]) {
					t.Fatalf("round %d %s unit %d: %v, want %v", round, doc.Path, u, got, perUnit[u])
				}
			}
			for id, key := range keys {
				if c.termWeight[id] != idf.weight(key) {
					t.Fatalf("%s: weight of %q %v, want %v", doc.Path, key, c.termWeight[id], idf.weight(key))
				}
			}
			c.release()
		}
	}
}

func TestSurfaceTableGrows(t *testing.T) {
	text, spans := numberedForms("w", 5000)
	var tab surfaceTable
	tab.reset(text, 0)
	for i, s := range spans {
		tab.add(hashWord(tab.src[s[0]:s[1]]), s[0], s[1], int32(i))
	}
	for i, s := range spans {
		if vid, ok := tab.get(hashWord(tab.src[s[0]:s[1]]), s[0], s[1]); !ok || vid != int32(i) {
			t.Fatalf("word %d: %d, %v", i, vid, ok)
		}
	}
	tab.reset([]byte("w1"), 0)
	if _, ok := tab.get(hashWord([]byte("w1")), 0, 2); ok {
		t.Error("reset table still holds a word")
	}
}

// The cheap pre-checks of isMarkerLine and isOrgLine never reject a line
// the full tests accept.
func TestLinePrechecksAreSafe(t *testing.T) {
	lines := []string{"Related", "Share this:", "Wilson Center", "Council on Foreign Relations",
		"a \u00a0 b \u00a0 c \u00a0 d \u00a0 e \u00a0 F G", "Ab\u00a0Cd Ef Gh Ij Kl", "\u00a0\u00a0", "ÉTÉ À Paris"}
	for _, l := range lines {
		if n := len(normaliseShortLine([]byte(l))); asciiAlnumOver([]byte(l), n) {
			t.Errorf("%q: more ASCII letters and digits than its normal form %q has bytes", l, normaliseShortLine([]byte(l)))
		}
		if n := len(strings.Fields(l)); asciiFields([]byte(l), 1<<30) > n {
			t.Errorf("%q: asciiFields %d > Fields %d", l, asciiFields([]byte(l), 1<<30), n)
		}
	}
	if !isOrgLine([]byte("Council on Foreign Relations")) || !isMarkerLine([]byte("Related")) {
		t.Error("pre-checks reject real marker or name lines")
	}
}

// The first-byte pre-checks of isMarkerLine and isOrgLine agree with the
// full tests on every marker phrase and organisation-like line dressed in
// the prefixes and cases a page gives them, and on every line of the
// seeds.
func TestLineInitialPrechecksAgree(t *testing.T) {
	for _, l := range []string{"", "a", "a b c d e f g h", "  one  two\tthree ", "x\u00a0y z"} {
		for limit := 0; limit < 10; limit++ {
			all, alnum := asciiFields([]byte(l), 1<<30), asciiAlnumFields([]byte(l), 1<<30)
			if got := asciiFields([]byte(l), limit); got != min(all, limit+1) {
				t.Errorf("asciiFields(%q, %d) = %d, want %d", l, limit, got, min(all, limit+1))
			}
			if got := asciiAlnumFields([]byte(l), limit); got != min(alnum, limit+1) {
				t.Errorf("asciiAlnumFields(%q, %d) = %d, want %d", l, limit, got, min(alnum, limit+1))
			}
		}
	}
	var lines []string
	dress := func(s string) {
		for _, pre := range []string{"", "## ", "* ", "» ", "\u00a0", "*\vx", "\f", "- ", "> ", "| ", "1. ", "(", "\u2014 ", ". ", "_"} {
			for _, v := range []string{s, strings.ToUpper(s), strings.ToLower(s), titleCase(s)} {
				lines = append(lines, pre+v, pre+v+":", pre+v+" now")
			}
		}
	}
	for _, p := range markerPhrases {
		dress(p)
	}
	for _, o := range []string{"Wilson Center", "the RAND Corp", "of Council Group", "and Media Lab", "de Gaulle Institut",
		"& Partners Group", "Émile Zola Foundation", "Über Media Group", "on Watch Group", "for Science Trust"} {
		dress(o)
	}
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		_, text := ruletest.Seed(t, n)
		lines = append(lines, strings.Split(text, "\n")...)
	}
	for _, l := range lines {
		if got, want := isMarkerLine([]byte(l)), markerLineText([]byte(l)) && asciiAlnumFields([]byte(l), 1<<30) <= maxMarkerWords; got != want {
			t.Errorf("%q: isMarkerLine %v, full test %v", l, got, want)
		}
		if got, want := isOrgLine([]byte(l)), orgLineText([]byte(l)); got != want {
			t.Errorf("%q: isOrgLine %v, full test %v", l, got, want)
		}
	}
}

func TestWordSet(t *testing.T) {
	var set wordSet
	set.reset()
	for round := range 4 {
		// Words of up to eight bytes live in their slot; longer ones (the
		// odd rounds) share their first eight bytes and differ in the arena.
		format := "word%d"
		if round%2 == 1 {
			format = "wordlong%dx"
		}
		for i := range 20000 {
			w := []byte(fmt.Sprintf(format, i))
			if _, ok := set.get(hashWord(w), w); ok {
				t.Fatalf("round %d: %s found before it was added", round, w)
			}
			set.add(hashWord(w), w, int32(i))
		}
		for i := range 20000 {
			w := []byte(fmt.Sprintf(format, i))
			if id, ok := set.get(hashWord(w), w); !ok || id != int32(i) {
				t.Fatalf("round %d: %s -> %d, %v", round, w, id, ok)
			}
		}
		if set.len() != 20000 {
			t.Fatalf("len %d", set.len())
		}
		set.reset()
	}
}

// The search stops extending a run once pastLongest says so: no longer
// run from the same start may be valid.
func TestPastLongestIsFinal(t *testing.T) {
	checked := 0
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		_, text := ruletest.Seed(t, n)
		doc := document.New(n+".txt", []byte(text), document.Meta{})
		c := analyse(doc, defaultIDF())
		for i := 0; i < c.n; i++ {
			for j := i; j < c.n; j++ {
				if !c.pastLongest(defaultParams, i, j) {
					continue
				}
				for k := j; k < c.n; k++ {
					checked++
					if c.valid(defaultParams, i, k, -1) {
						t.Fatalf("seed %s: run %d-%d valid after pastLongest at %d", n, i, k, j)
					}
				}
			}
		}
		c.release()
	}
	if checked == 0 {
		t.Error("pastLongest never fired on the seeds")
	}
}

// check, the search's one-pass test, agrees with pastLongest, valid and
// the exclusive share.
func TestCheckMatchesValid(t *testing.T) {
	checked := 0
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		_, text := ruletest.Seed(t, n)
		doc := document.New(n+".txt", []byte(text), document.Meta{})
		c := analyse(doc, defaultIDF())
		firstPara := c.firstParagraph()
		for i := firstPara + 1; i < c.n; i++ {
			for j := i; j < c.n; j++ {
				stop, ok := c.check(defaultParams, i, j)
				wantOK := !stop && c.valid(defaultParams, i, j, firstPara) && c.exclusive(i, j) >= defaultParams.minExclusive
				if stop != c.pastLongest(defaultParams, i, j) || ok != wantOK {
					t.Fatalf("seed %s run %d-%d: check (%v, %v), want (%v, %v)", n, i, j, stop, ok, c.pastLongest(defaultParams, i, j), wantOK)
				}
				checked++
			}
		}
		c.release()
	}
	if checked == 0 {
		t.Error("no runs checked")
	}
}

// The word-count pre-check of isMarkerLine never rejects a line the full
// test accepts.
func TestMarkerWordBound(t *testing.T) {
	extras := []string{"", " now", " one two", " one two three four", " \u00bb more \u2014 here", " a b c d e f"}
	wraps := [][2]string{{"", ""}, {"** ", " **"}, {"# ", ":"}, {"> > ", " |"}, {"\u00bb ", " \u2192"}}
	n := 0
	for _, p := range markerPhrases {
		for _, x := range extras {
			for _, w := range wraps {
				line := []byte(w[0] + strings.ToUpper(p[:1]) + p[1:] + x + w[1])
				if markerLineText(line) && !isMarkerLine(line) {
					t.Errorf("%q: the full test accepts it, the pre-checks reject it", line)
				}
				n++
			}
		}
	}
	if !isMarkerLine([]byte("** Share this post **")) || isMarkerLine([]byte("Share this post with six words more")) {
		t.Error("marker lines misjudged")
	}
}

// surelyFails never rejects a run that passes: every run it rejects
// scores at least 1, and it agrees with the plain test it multiplies out.
func TestSurelyFailsIsSafe(t *testing.T) {
	var docs []*document.Document
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		_, text := ruletest.Seed(t, n)
		docs = append(docs, document.New(n, []byte(text), document.Meta{}))
	}
	for _, f := range []string{"middle.txt", "gradual.txt", "qa.txt", "roundup.txt"} {
		src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "insertion", f))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, document.New(f, src, document.Meta{}))
	}
	p := defaultParams
	rejected := 0
	for _, doc := range docs {
		c := analyse(doc, defaultIDF())
		base := c.baseline()
		for i := 1; i < c.n; i++ {
			ev := c.leadLines(doc, i)
			for j := i; j < c.n; j++ {
				e := ev
				e.footnotes = c.noteRefs[j+1]-c.noteRefs[i] == 0 && c.noteRefs[c.n] >= 2
				e.typography = c.otherTypography(i, j)
				r := c.measure(i, j)
				thr := p.threshold(r.mass, base) * e.relax() * smallBlockFactor(r.words) * p.massFactor(r.mass)
				plain := r.cos >= thr/math.Sqrt(minCapRatio)
				if c.surelyFails(&p, i, j, base, e.relax()) {
					rejected++
					if !plain && math.Abs(r.cos-thr/math.Sqrt(minCapRatio)) > 1e-9 {
						t.Fatalf("%s run %d-%d: rejected with cos %.6f < %.6f", doc.Path, i, j, r.cos, thr/math.Sqrt(minCapRatio))
					}
					if cand, ok := c.score(p, i, j, base, ev); ok || cand.score < 1 && cand.threshold > 0 {
						t.Fatalf("%s run %d-%d: rejected but scored", doc.Path, i, j)
					}
					sim := math.Sqrt(r.cos*max(c.cappedCos(i, j), minCapRatio*r.cos)) + p.leadWeight*c.leadCos(i, j)
					if sim/thr < 1-1e-9 {
						t.Fatalf("%s run %d-%d: rejected, but its score is %.4f", doc.Path, i, j, sim/thr)
					}
				} else if plain && math.Abs(r.cos-thr/math.Sqrt(minCapRatio)) > 1e-9 {
					t.Fatalf("%s run %d-%d: not rejected with cos %.6f >= %.6f", doc.Path, i, j, r.cos, thr/math.Sqrt(minCapRatio))
				}
			}
		}
		c.release()
	}
	if rejected == 0 {
		t.Error("nothing rejected: the test checks nothing")
	}
}

// The word counter's one walk counts what TokensIn gives for each block.
func TestWordCounterMatchesTokensIn(t *testing.T) {
	var texts []string
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		_, text := ruletest.Seed(t, n)
		texts = append(texts, text)
	}
	texts = append(texts, "# T\n\n```\ncode words here\n```\n\nA b c.\n\n- one two\n- three\n\n[1] note words\n", "", "x")
	for _, text := range texts {
		doc := document.New("t", []byte(text), document.Meta{})
		wc := wordCounter{toks: doc.Tokens()}
		for k, b := range doc.Blocks {
			want := 0
			for _, tok := range doc.TokensIn(b.Start, b.End) {
				if tok.Kind == document.Word {
					want++
				}
			}
			if got := wc.count(b); got != want {
				t.Fatalf("block %d (%s): %d words, want %d", k, b.Kind, got, want)
			}
		}
	}
}

// Each unit's token range, found by buildUnits' walk, holds what TokensIn
// gives for the unit's span (countTerms reads the range): on the seeds,
// texts with code, notes and lists, long texts whose units are merged or
// grouped, and the WCXB dev texts when present.
func TestUnitTokensMatchTokensIn(t *testing.T) {
	var texts []string
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		_, text := ruletest.Seed(t, n)
		texts = append(texts, text)
	}
	odd := "# T\n\n```\ncode words here\n```\n\nA b c.\n\n- one two\n- three\n\n[1] note words\n\nAfter the notes.\n"
	texts = append(texts, odd, strings.Repeat(odd, 150), strings.Repeat(texts[0]+"\n\n- a list item\n- another\n\n", 12))
	texts = append(texts, wcxbTexts(t, "truth", "pages")...)
	grouped := 0
	for k, text := range texts {
		doc := document.New("t", []byte(text), document.Meta{})
		units, isGrouped := buildUnits(doc, nil)
		if isGrouped || len(units) > 0 && units[0].firstBlock != units[0].lastBlock {
			grouped++
		}
		toks := doc.Tokens()
		for u, un := range units {
			want := doc.TokensIn(doc.Blocks[un.firstBlock].Start, doc.Blocks[un.lastBlock].End)
			if got := toks[un.tokFrom:un.tokTo]; !slices.Equal(got, want) {
				t.Fatalf("text %d unit %d: %d tokens, want %d", k, u, len(got), len(want))
			}
		}
	}
	if grouped == 0 {
		t.Fatal("no text with merged units: the test shows less than it should")
	}
}

// titleCase capitalises the first letter of each space-separated word.
func titleCase(s string) string {
	words := strings.Split(s, " ")
	for k, w := range words {
		if w != "" {
			r := []rune(w)
			r[0] = unicode.ToUpper(r[0])
			words[k] = string(r)
		}
	}
	return strings.Join(words, " ")
}

// orgLineTextReference is orgLineText as it was before it walked the
// line's words in place.
func orgLineTextReference(line []byte) bool {
	words := strings.Fields(string(bytes.TrimSpace(line)))
	if len(words) < 2 || len(words) > 6 {
		return false
	}
	capitals, orgWord := 0, false
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			capitals++
		case linkingWords[w]:
		default:
			return false
		}
		if strings.ContainsAny(w, "0123456789.,;:!?") {
			return false
		}
		orgWord = orgWord || orgWords[strings.ToLower(w)] || isAcronym(w)
	}
	return capitals >= 2 && orgWord
}

// orgLineText walks the words in place; it answers as the plain version
// on organisation names dressed with odd spaces and invalid bytes, and on
// every line of the WCXB development pages and truth texts when present.
func TestOrgLineTextMatchesReference(t *testing.T) {
	lines := []string{"", " ", "Wilson Center", "Wilson\u00a0Center", "Wilson\u2003Center", "\u0085Wilson Center\u00a0",
		"Wilson \xffCenter", "Wilson Cent\xc3", "the RAND Corp", "of Council Group", "Über Media Group", "ÜBER MEDIA GROUP",
		"Émile Zola FOUNDATION", "Wilson  \t Center  Press", "A B C D E F", "A B C D E F G", "Wilson Center.", "NASA Labs",
		"Wilson Centerverylongwordthatislongerthanthirtytwobytes Group", "K\u212a Institute"}
	wcxb, _ := shareddata.WCXBLines("pages", "truth") // none without ../shared
	lines = append(lines, wcxb...)
	for _, l := range lines {
		if got, want := orgLineText([]byte(l)), orgLineTextReference([]byte(l)); got != want {
			t.Errorf("%q: orgLineText %v, reference %v", l, got, want)
		}
	}
	t.Logf("%d lines", len(lines))
}

// hashSpan reads short words in one masked load: it must give what
// hashWordHead gives for every span, at the end of the text too.
func TestHashSpanMatchesHashWordHead(t *testing.T) {
	src := []byte("a bb ccc dddd eeeee ffffff ggggggg hhhhhhhh iiiiiiiii Ünïcødé words at the end")
	for start := 0; start < len(src); start++ {
		for end := start; end <= len(src) && end-start <= 20; end++ {
			h, head := hashSpan(src, start, end)
			wh, whead := hashWordHead(src[start:end])
			if h != wh || head != whead || head != wordHead(src[start:end]) {
				t.Fatalf("%q: hashSpan %x %x, hashWordHead %x %x", src[start:end], h, head, wh, whead)
			}
			// countTerms' path for short words: one load, then the hash.
			if shead, ok := shortHead(src, start, end-start); ok && (shead != whead || hashShort(end-start, shead) != wh) {
				t.Fatalf("%q: shortHead %x hashShort %x, hashWordHead %x %x", src[start:end], shead, hashShort(end-start, shead), wh, whead)
			} else if !ok && end-start < 8 && start+8 <= len(src) {
				t.Fatalf("%q: shortHead refused a short word", src[start:end])
			}
		}
	}
}

// markerLineTextReference is markerLineText as it was before its ASCII
// lines were normalised on the stack.
func markerLineTextReference(line []byte) bool {
	s := normaliseShortLine(line)
	if s == "" || len(s) > 40 {
		return false
	}
	for _, p := range markerPhrases {
		if s == p || len(s) > len(p) && s[len(p)] == ' ' && strings.HasPrefix(s, p) && strings.Count(s, " ") <= 4 {
			return true
		}
	}
	return false
}

// markerLineText answers as the plain version on marker phrases dressed
// with punctuation, odd spaces and lengths around its bound, and on every
// line of the WCXB development pages and truth texts when present.
func TestMarkerLineTextMatchesReference(t *testing.T) {
	var lines []string
	for _, p := range markerPhrases {
		lines = append(lines, p, strings.ToUpper(p), "## "+p+":", "**"+p+"**", "\t"+p+" \v", "- "+p+" -",
			p+"  now\tplease", "> "+p+" ...", "»"+p+"›", p+"\u00a0", strings.Repeat("x", 40-len(p))+p,
			p+" "+strings.Repeat("y", 39-len(p)), p+" "+strings.Repeat("y", 40-len(p)), p+"\u2019s", "Related\x85")
	}
	wcxb, _ := shareddata.WCXBLines("pages", "truth") // none without ../shared
	lines = append(lines, wcxb...)
	for _, l := range lines {
		if got, want := markerLineText([]byte(l)), markerLineTextReference([]byte(l)); got != want {
			t.Errorf("%q: markerLineText %v, reference %v", l, got, want)
		}
	}
}

// stopHeads holds a span exactly when its bytes are one of stopForms,
// each of which is no term: on every span of up to eight bytes of a text
// (the last ones read without the eight-byte load), spans with NUL bytes
// after a stop word included.
func TestStopHeadsMatchesForms(t *testing.T) {
	forms := map[string]bool{}
	for _, f := range stopForms() {
		if TermKey(f) != "" {
			t.Fatalf("stop form %q is term %q", f, TermKey(f))
		}
		forms[f] = true
	}
	if !forms["the"] || !forms["The"] || !forms["don\u2019t"] || forms["THE"] {
		t.Fatalf("forms miss a spelling or hold one they should not: %d forms", len(forms))
	}
	src := []byte("The cat and the dog, which were there, don\u2019t Don't THE Ünïcødé théy the\x00 the\x00\x00 then the")
	for start := range src {
		for n := 1; n <= 8 && start+n <= len(src); n++ {
			if got, want := stopHeads.holds(src, start, n), forms[string(src[start:start+n])]; got != want {
				t.Errorf("%q: holds %v, want %v", src[start:start+n], got, want)
			}
		}
	}
}

// countTerms drops short stop words before its tables: on the WCXB
// development texts (when present) it still counts what TermKey counts.
func TestCountTermsMatchesReferenceWCXB(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	idf := defaultIDF()
	for _, kind := range []string{"truth", "pages"} {
		paths, _ := shareddata.WCXBFiles(kind) // none without ../shared
		for k, p := range paths {
			if k%3 != 0 {
				continue // a third of them is plenty
			}
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			doc := document.New(p, src, document.Meta{})
			c := analyse(doc, idf)
			keys, perUnit := termsReference(doc, c.units)
			if !slices.Equal(c.termKeys, keys) {
				t.Fatalf("%s: terms differ", p)
			}
			for u := range c.units {
				if got := c.entries[c.entryStart[u]:c.entryStart[u+1]]; !slices.Equal(got, perUnit[u]) {
					t.Fatalf("%s unit %d: %v, want %v", p, u, got, perUnit[u])
				}
			}
			c.release()
		}
	}
}

// A vocabulary's document numbers wrap around without a document taking
// over the last one's term IDs: countTerms still counts what TermKey
// counts on documents before and after the wrap.
func TestVocabularyDocNumbersWrap(t *testing.T) {
	idf := defaultIDF()
	var docs []*document.Document
	for _, n := range []string{"000", "001", "002"} {
		_, text := ruletest.Seed(t, n)
		docs = append(docs, document.New(n+".txt", []byte(text), document.Meta{}))
	}
	v := vocabularies.get()
	defer vocabularies.put(v)
	v.doc = math.MaxUint32 - 1
	for k, doc := range append(docs, docs...) {
		c := cohesions.get()
		c.vocab = v
		c.reset()
		c.units, c.grouped = buildUnits(doc, c.units[:0])
		c.n = len(c.units)
		c.countTerms(doc, idf)
		keys, perUnit := termsReference(doc, c.units)
		if !slices.Equal(c.termKeys, keys) {
			t.Fatalf("document %d (number %d): terms %v, want %v", k, v.doc, c.termKeys, keys)
		}
		for u := range c.units {
			if got := c.entries[c.entryStart[u]:c.entryStart[u+1]]; !slices.Equal(got, perUnit[u]) {
				t.Fatalf("document %d unit %d: %v, want %v", k, u, got, perUnit[u])
			}
		}
		c.vocab = nil
		cohesions.put(c)
	}
	if v.doc >= 10 {
		t.Fatalf("document number %d: it did not wrap", v.doc)
	}
}

// unitTF's table and its out-of-line case give 1 + ln(count) on both
// sides of the table's end, and the raw count with sublinearTF off.
func TestUnitTF(t *testing.T) {
	for count := int32(1); count < 3*int32(len(logTF)); count++ {
		if got, want := unitTF(count), 1+math.Log(float64(count)); got != want {
			t.Fatalf("unitTF(%d) = %v, want %v", count, got, want)
		}
	}
	sublinearTF = false
	defer func() { sublinearTF = true }()
	for _, count := range []int32{1, 2, 63, 64, 200} {
		if got := unitTF(count); got != float64(count) {
			t.Fatalf("unitTF(%d) without damping = %v", count, got)
		}
	}
}

// topTermsReference is topTerms as it was: a map of the weights, sorted
// whole.
func (c *cohesion) topTermsReference(i, j int, block bool) []string {
	weight := map[int32]float64{}
	for u := 0; u < c.n; u++ {
		if (u >= i && u <= j) != block {
			continue
		}
		for _, e := range c.entries[c.entryStart[u]:c.entryStart[u+1]] {
			weight[e.term] += e.tf * c.termWeight[e.term]
		}
	}
	terms := make([]int32, 0, len(weight))
	for t := range weight {
		terms = append(terms, t)
	}
	slices.SortFunc(terms, func(a, b int32) int {
		if d := cmp.Compare(weight[b], weight[a]); d != 0 {
			return d
		}
		return cmp.Compare(c.termKeys[a], c.termKeys[b])
	})
	out := make([]string, 0, 5)
	for _, t := range terms[:min(5, len(terms))] {
		out = append(out, c.termKeys[t])
	}
	return out
}

// topTerms lists what the full sort listed, for blocks and hosts of every
// size (a few terms, ties, thousands of terms).
func TestTopTermsMatchesReference(t *testing.T) {
	docs := append(seedDocs(t), fixtureDocs(t)...)
	if !testing.Short() {
		for k, d := range wcxbDocs(t, "pages") {
			if k%7 == 0 {
				docs = append(docs, d)
			}
		}
	}
	for _, doc := range docs {
		c := analyse(doc, defaultIDF())
		for i := 0; i < c.n; i += 3 {
			for _, j := range []int{i, min(c.n-1, i+2), c.n - 1} {
				for _, block := range []bool{true, false} {
					got, want := c.topTerms(i, j, block), c.topTermsReference(i, j, block)
					if !slices.Equal(got, want) {
						t.Fatalf("%s %d-%d %v: %v, want %v", doc.Path, i, j, block, got, want)
					}
				}
			}
		}
		c.release()
	}
}

// fixtureDocs is fixtureTexts as documents.
func fixtureDocs(t *testing.T) []*document.Document {
	var docs []*document.Document
	for _, text := range fixtureTexts(t) {
		docs = append(docs, document.New("fixture.txt", []byte(text), document.Meta{}))
	}
	return docs
}

// textPieces is the fixture texts and, unless -short, the WCXB texts of
// kind ("pages" or "truth"), split at sep.
func textPieces(t *testing.T, kind, sep string) []string {
	sources := fixtureTexts(t)
	if !testing.Short() {
		sources = append(sources, wcxbTexts(t, kind)...)
	}
	var pieces []string
	for _, s := range sources {
		pieces = append(pieces, strings.Split(s, sep)...)
	}
	return pieces
}

// fieldsUpTo counts what strings.Fields splits, whatever the spaces
// (ASCII, no-break, other Unicode ones) or broken UTF-8.
func TestFieldsUpToMatchesFields(t *testing.T) {
	texts := []string{"", " ", "a", "1. REDUCE", "  two  words ", "a\u00a0b\u2003c\u0085d", "x\xffy z", "\xc2", "a\tb\nc\vd\fe\rf",
		"one two three four five six seven eight nine ten"}
	texts = append(texts, textPieces(t, "pages", "\n")...)
	for _, s := range texts {
		want := len(strings.Fields(s))
		for _, limit := range []int{1, 9, 1 << 30} {
			if got := fieldsUpTo([]byte(s), limit); got != min(want, limit) {
				t.Fatalf("%q limit %d: %d, want %d", s, limit, got, min(want, limit))
			}
		}
	}
}

// firstPersonReference is firstPersonRe as it was.
func firstPersonReference(text []byte) bool {
	for _, w := range [][]byte{[]byte("I "), []byte("I'm "), []byte("I\u2019m "), []byte(" my "), []byte("My "), []byte(" we "), []byte("We ")} {
		if bytes.HasPrefix(text, w) || bytes.Contains(text, append([]byte(" "), bytes.TrimLeft(w, " ")...)) {
			return true
		}
	}
	return false
}

func TestFirstPersonMatchesReference(t *testing.T) {
	texts := []string{"I went", "I'm here", "I\u2019m here", "My dog", "We left", "and I said", "so my dog", "as we left",
		"when We", "Myself", "Iowa", "we left", "my dog", "The me", ""}
	texts = append(texts, textPieces(t, "truth", "\n\n")...)
	for _, s := range texts {
		if got, want := firstPersonRe([]byte(s)), firstPersonReference([]byte(s)); got != want {
			t.Fatalf("%q: %v, want %v", s, got, want)
		}
	}
}

// termKeyBytes keys every word as TermKey does: the words of the seeds,
// fixtures and WCXB texts, and words that take its other paths (non-ASCII,
// long, no letter, possessive, stop words in capitals).
func TestTermKeyBytesMatchesTermKey(t *testing.T) {
	words := []string{"", "a", "1999", "U.S.", "Don't", "don\u2019t", "Europe's", "Europeans'", "THE", "Because", "Zelensky",
		"co-chaired", "Müller", "naïve", "São", strings.Repeat("x", 31), strings.Repeat("Ab", 16), strings.Repeat("y", 40),
		"GUARANTEES", "Refugees", "stopped", "x\xff", "ies", "Sses"}
	sources := fixtureTexts(t)
	if !testing.Short() {
		sources = append(sources, wcxbTexts(t, "pages")...)
	}
	for _, s := range sources {
		doc := document.New("t.txt", []byte(s), document.Meta{})
		for _, tok := range doc.Tokens() {
			words = append(words, string(doc.Src[tok.Start:tok.End]))
		}
	}
	for _, w := range words {
		if got, want := termKeyBytes([]byte(w)), TermKey(w); got != want {
			t.Fatalf("%q: %q, want %q", w, got, want)
		}
	}
}

// The table finds each of its terms, and no other word, through its
// index as through a binary search of the whole table (count's old way).
func TestIDFIndexMatchesSearch(t *testing.T) {
	idf := defaultIDF()
	probe := append([]string{"", "a", "aa", "zz", "zzz", "~x", "Ab", "a\u00e9", "\u00e9t\u00e9"}, idf.terms...)
	for _, term := range idf.terms {
		probe = append(probe, term+"x", term[:len(term)-1], "x"+term)
	}
	for _, term := range probe {
		i, found := slices.BinarySearch(idf.terms, term)
		want := 0
		if found {
			want = idf.counts[i]
		}
		if got, ok := idf.count(term); ok != found || got != want {
			t.Fatalf("%q: %d %v, want %d %v", term, got, ok, want, found)
		}
	}
}

// isStopWord answers as the map of stop words for every stop word, every
// prefix and extension of one, and words with NUL bytes.
func TestIsStopWordMatchesMap(t *testing.T) {
	probe := []string{"", "\x00", "a\x00", "ab\x00", "the\x00", "\x00the", "t", "th", "the", "thes", "their", "theirs",
		"themselves", "thereafter", "nevertheless", "don't", "don\u2019t", "year's"}
	for w := range stopWords {
		if strings.ContainsRune(w, 0) {
			t.Fatalf("stop word %q holds a NUL byte: the head set cannot hold it", w)
		}
		probe = append(probe, w, w[:len(w)-1], w+"s", w+"\x00", strings.ToUpper(w), "x"+w)
	}
	for _, text := range fixtureTexts(t) {
		probe = append(probe, strings.Fields(strings.ToLower(text))...)
	}
	for _, w := range probe {
		if got, want := isStopWord(w), stopWords[w]; got != want {
			t.Fatalf("%q: %v, want %v", w, got, want)
		}
	}
}

// With a cache small enough to be swept every few documents, countTerms
// still counts what TermKey counts, and sweeps keep words (the cache is
// not merely started afresh).
func TestVocabularySweepsKeepCounts(t *testing.T) {
	defer func(limit int) { vocabularyLimit = limit }(vocabularyLimit)
	vocabularyLimit = 1000
	docs := append(seedDocs(t), fixtureDocs(t)...)
	if !testing.Short() {
		for k, d := range wcxbDocs(t, "truth") {
			if k%9 == 0 {
				docs = append(docs, d)
			}
		}
	}
	idf := defaultIDF()
	v := new(vocabulary)
	kept := 0
	for round := range 2 {
		for k, doc := range docs {
			c := cohesions.get()
			c.vocab = v
			c.reset()
			c.units, c.grouped = buildUnits(doc, c.units[:0])
			c.n = len(c.units)
			before := v.surface.len()
			c.countTerms(doc, idf)
			if after := v.surface.len(); after < before && after > len(c.surfaces) {
				kept++ // a sweep ran and kept some of the earlier words
			}
			keys, perUnit := termsReference(doc, c.units)
			if !slices.Equal(c.termKeys, keys) {
				t.Fatalf("round %d document %d: terms differ", round, k)
			}
			for u := range c.units {
				if got := c.entries[c.entryStart[u]:c.entryStart[u+1]]; !slices.Equal(got, perUnit[u]) {
					t.Fatalf("round %d document %d unit %d: %v, want %v", round, k, u, got, perUnit[u])
				}
			}
			c.vocab = nil
			cohesions.put(c)
		}
	}
	if kept == 0 {
		t.Fatal("no sweep kept a word: the test shows nothing")
	}
	t.Logf("%d documents, %d sweeps that kept words", 2*len(docs), kept)
}

// A term key too long for the vocabulary's key table (longer than a
// wordSet slot holds) is kept aside and still counted as one term over
// its surface forms and over documents.
func TestVocabularyLongKeys(t *testing.T) {
	long := strings.Repeat("abcdefghij", 60) // 600 bytes: past maxSlotWord
	text := "The " + long + " met the " + strings.ToUpper(long) + " and the " + long + "s.\n\n" +
		"Then the " + titleCase(long) + " stood alone.\n"
	idf := defaultIDF()
	for round := range 3 {
		doc := document.New("long.txt", []byte(text), document.Meta{})
		c := analyse(doc, idf)
		keys, perUnit := termsReference(doc, c.units)
		if !slices.Equal(c.termKeys, keys) {
			t.Fatalf("round %d: terms differ:\n got %v\nwant %v", round, c.termKeys, keys)
		}
		for u := range c.units {
			if got := c.entries[c.entryStart[u]:c.entryStart[u+1]]; !slices.Equal(got, perUnit[u]) {
				t.Fatalf("round %d unit %d: %v, want %v", round, u, got, perUnit[u])
			}
		}
		c.release()
	}
}

// numberedForms returns n distinct forms (prefix0, prefix1, ...) separated
// by spaces, and the span of each.
func numberedForms(prefix string, n int) ([]byte, [][2]int) {
	var src strings.Builder
	var spans [][2]int
	for i := range n {
		start := src.Len()
		fmt.Fprintf(&src, "%s%d", prefix, i)
		spans = append(spans, [2]int{start, src.Len()})
		src.WriteByte(' ')
	}
	return []byte(src.String()), spans
}
