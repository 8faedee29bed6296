package boilerplate

import (
	"bytes"
	"errors"
	"math/rand"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/shareddata"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// The line features' cheaper computations are checked against the code
// they replaced, kept here as the reference, on the seeds and (when
// ../shared is present) the first WCXB development pages.

// featureTestDocs returns the seeds and up to 150 WCXB dev pages.
func featureTestDocs(t *testing.T) []*document.Document {
	t.Helper()
	var docs []*document.Document
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		path, text := ruletest.Seed(t, n)
		docs = append(docs, document.New(path, []byte(text), document.Meta{}))
	}
	paths, err := shareddata.WCXBFiles("pages")
	if errors.Is(err, shareddata.ErrNoData) {
		return docs
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths[:min(150, len(paths))] {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, document.New(p, src, document.Meta{}))
	}
	return docs
}

// featureWants returns the want sets the features are asked about: the
// lines the model judges, every line, and random draws.
func featureWants(a *analysis, rng *rand.Rand) [][]bool {
	n := len(a.cands)
	judged, every, sparse := make([]bool, n), make([]bool, n), make([]bool, n)
	for ci := range a.cands {
		judged[ci] = a.modelJudges(ci)
		every[ci] = true
		sparse[ci] = rng.Intn(30) == 0
	}
	return [][]bool{judged, every, sparse}
}

// figureSharesReference is figureShares walking each wanted line's window.
func figureSharesReference(a *analysis, want []bool) []float32 {
	n := len(a.cands)
	prefix := make([]int, n+1)
	for ci, c := range a.cands {
		prefix[ci+1] = prefix[ci]
		if figureLineReference(c.norm) {
			prefix[ci+1]++
		}
	}
	out := make([]float32, n)
	run := a.ctx.run
	for ci := range a.cands {
		if !want[ci] {
			continue
		}
		lo, hi := ci, ci
		for lo > 0 && ci-lo < figureRadius && run[lo-1] == run[ci] {
			lo--
		}
		for hi+1 < n && hi-ci < figureRadius && run[hi+1] == run[ci] {
			hi++
		}
		out[ci] = float32(prefix[hi+1]-prefix[lo]) / float32(hi-lo+1)
	}
	return out
}

// figureLineReference is figureLine without the test for any number.
func figureLineReference(norm string) bool {
	if strings.HasPrefix(norm, "#") {
		return true
	}
	words, numbers := 0, 0
	for start := 0; start < len(norm); {
		end := strings.IndexByte(norm[start:], ' ')
		if end < 0 {
			end = len(norm) - start
		}
		if end > 0 {
			words++
			if norm[start:start+end] == "#" {
				numbers++
			}
		}
		start += end + 1
	}
	return words > 0 && 2*numbers >= words
}

func TestFigureSharesMatchReference(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for _, doc := range featureTestDocs(t) {
		a := newAnalysis(doc)
		a.structure()
		for _, want := range featureWants(a, rng) {
			got, ref := a.figureShares(want), figureSharesReference(a, want)
			for ci := range got {
				if got[ci] != ref[ci] {
					t.Fatalf("%s: figureShares of line %d = %v, want %v", doc.Path, a.cands[ci].line, got[ci], ref[ci])
				}
			}
		}
	}
	for _, norm := range []string{"", "#", "# #", "a #", "a # b", "#a", "a#", "a b #", "# a", " # ", "a  #", "x # # y"} {
		if got, want := figureLine(norm), figureLineReference(norm); got != want {
			t.Errorf("figureLine(%q) = %v, want %v", norm, got, want)
		}
	}
}

// TestWindowFeaturesMatchReference recomputes the window features of
// every judged line with the former walk over its window (the lines near
// a judged one measured as features does) and compares them with the
// vectors features returns.
func TestWindowFeaturesMatchReference(t *testing.T) {
	lex := embeddedModel().lexIdx
	column := map[string]int{}
	for i, name := range featureNames {
		column[name] = i
	}
	rng := rand.New(rand.NewSource(5))
	for _, doc := range featureTestDocs(t) {
		a := newAnalysis(doc)
		a.structure()
		for _, want := range featureWants(a, rng) {
			rows := a.features(lex, func(ci int) bool { return want[ci] }, nil)
			for ci, row := range rows {
				if !want[ci] {
					continue
				}
				ref := windowFeaturesReference(a, lex, ci)
				for name, v := range ref {
					if got := row[column[name]]; got != v {
						t.Fatalf("%s line %d: %s = %v, want %v", doc.Path, a.cands[ci].line, name, got, v)
					}
				}
			}
		}
	}
}

// windowFeaturesReference is the former window loop of features for one
// line.
func windowFeaturesReference(a *analysis, lex *lexIndex, ci int) map[string]float32 {
	n := len(a.cands)
	proven, shorts, good, sentences, inWindow := 0, 0, 0, 0, 0
	winLex, winLexMax := float32(0), float32(-lexClip)
	for k := max(0, ci-windowRadius); k < n && k <= ci+windowRadius; k++ {
		if k == ci {
			continue
		}
		c := a.cands[k]
		inWindow++
		mean := lexScore(c.norm, lex).mean
		winLex += mean
		winLexMax = max(winLexMax, mean)
		if endsSentence(c.text) {
			sentences++
		}
		if a.ctx.proven[k] {
			proven++
		}
		if a.isShortLine(c) {
			shorts++
		}
		if a.blocks[c.block].good {
			good++
		}
	}
	return map[string]float32{
		"proven_within5": float32(proven), "short_within5": float32(shorts), "good_within5": float32(good),
		"win_lex_mean": winLex / float32(max(inWindow, 1)), "win_lex_max": winLexMax, "win_sentence": ratio(sentences, inWindow),
	}
}

// TestContainsAnyMatchesSearch compares the one-pass hint with a search
// per word, on the family's hint lists and random ones.
func TestContainsAnyMatchesSearch(t *testing.T) {
	lists := [][]string{
		{"min", "read", "lesezeit", "lesedauer", "lecture", "lectura"},
		{"©", "copyright", "c #", "rights", "rechte", "droits", "derechos"},
		{"photo", "image", "pic", "illustration", "credit", "foto", "bild", "crédit", "imagen"},
		{"home", "start", "accueil", "inicio"},
		{"a", "ab", "abc", "b"}, {"x", ""}, {},
	}
	pieces := []string{"a", "b", "c", "ab", " ", "#", "©", "é", "min", "mi", "rea", "read", "righ", "rights", "\xc2", "\xa9"}
	rng := rand.New(rand.NewSource(7))
	var texts []string
	for _, l := range sampleLines(t) {
		texts = append(texts, normalise(l), string(l))
	}
	for range 5000 {
		var b strings.Builder
		for range rng.Intn(12) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for range 50 {
		list := make([]string, 1+rng.Intn(5))
		for i := range list {
			list[i] = pieces[rng.Intn(len(pieces))] + pieces[rng.Intn(len(pieces))]
		}
		lists = append(lists, list)
	}
	for _, list := range lists {
		hint := containsAny(list...)
		for _, s := range texts {
			if got, want := hint(s), containsAnyOf(s, list); got != want {
				t.Fatalf("containsAny(%q)(%q) = %v, want %v", list, s, got, want)
			}
		}
	}
}

// TestTokenCursorOnPages compares the cursor with TokensIn on the spans
// the analysis asks about (blocks, lines) and random long ones, in order,
// on the seeds and WCXB pages (paragraphs of hundreds of tokens).
func TestTokenCursorOnPages(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	for _, doc := range featureTestDocs(t) {
		var spans [][2]int
		for _, b := range doc.Blocks {
			spans = append(spans, [2]int{b.Start, b.End}, [2]int{b.ContentStart, b.End})
		}
		for _, l := range doc.Lines {
			spans = append(spans, [2]int{l.Start, l.End})
		}
		for range 100 {
			start := rng.Intn(len(doc.Src) + 1)
			spans = append(spans, [2]int{start, start + rng.Intn(5000)})
		}
		slices.SortStableFunc(spans, func(x, y [2]int) int { return x[0] - y[0] })
		c := newTokenCursor(doc)
		for _, sp := range spans {
			if got, want := c.in(sp[0], sp[1]), doc.TokensIn(sp[0], sp[1]); !slices.Equal(got, want) {
				t.Fatalf("%s: tokens in %v: %d tokens, want %d", doc.Path, sp, len(got), len(want))
			}
		}
	}
}

// phoneLikeReference is phoneLike with its former switch.
func phoneLikeReference(text []byte) bool {
	digits, other := 0, 0
	for _, c := range bytes.TrimSpace(text) {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == ' ' || c == '+' || c == '-' || c == '(' || c == ')':
		default:
			if other++; other > 12 {
				return false
			}
		}
	}
	return digits >= 9 && hasPhoneRun(text)
}

func TestPhoneLikeMatchesReference(t *testing.T) {
	pieces := []string{"0", "1", "23", "456", " ", "+", "-", "(", ")", ".", "x", "Tel:", "\u00a0", "\t", "é", "/"}
	lines := withRandomLines(t, 13, pieces, 20)
	for _, l := range lines {
		if got, want := phoneLike(l), phoneLikeReference(l); got != want {
			t.Fatalf("phoneLike(%q) = %v, want %v", l, got, want)
		}
	}
}

// TestCompoundFirstWordTest checks that compound's test of the first
// word only skips lines the full cover search rejects too.
func TestCompoundFirstWordTest(t *testing.T) {
	var phrases []string
	for p := range furniturePhrases {
		phrases = append(phrases, p)
	}
	slices.Sort(phrases)
	var norms []string
	for _, l := range sampleLines(t) {
		norms = append(norms, normalise(l))
	}
	rng := rand.New(rand.NewSource(17))
	others := []string{"the", "news", "x", "#", "more", "today"}
	for range 20000 {
		parts := make([]string, 1+rng.Intn(5))
		for i := range parts {
			if rng.Intn(4) == 0 {
				parts[i] = others[rng.Intn(len(others))]
			} else {
				parts[i] = phrases[rng.Intn(len(phrases))]
			}
		}
		norms = append(norms, strings.Join(parts, " "))
	}
	covered := 0
	for _, norm := range norms {
		n := wordCount(norm)
		if n < 3 || n > 16 {
			continue
		}
		got, gotKinds := compound(norm)
		want, wantKinds := compoundCover(norm, n)
		if got != want || !slices.Equal(gotKinds, wantKinds) {
			t.Fatalf("compound(%q) = %v %v, want %v %v", norm, got, gotKinds, want, wantKinds)
		}
		if want {
			covered++
		}
	}
	if covered < 1000 {
		t.Errorf("only %d compound lines: the comparison proves little", covered)
	}
}

// TestShapeTestsMatchReference compares codeLike, onlyFigures,
// hasWebAddress and hasContact with their former plain searches.
func TestShapeTestsMatchReference(t *testing.T) {
	pieces := []string{"{", "}", `"`, `":`, `": `, `":"`, ":", ".", "www", "www.", "http", "://", "s://", "https://", "#", " ",
		"a", "@", "x.y", "1234", "+", "-", "\u00a0"}
	lines := withRandomLines(t, 19, pieces, 10)
	web := func(b []byte) bool {
		return bytes.Contains(b, []byte("www.")) || bytes.Contains(b, []byte("http://")) || bytes.Contains(b, []byte("https://"))
	}
	for _, l := range lines {
		t2 := bytes.TrimSpace(l)
		code := len(t2) > 0 && (t2[0] == '{' || t2[0] == '}' || t2[0] == '"' && bytes.Contains(t2, []byte(`":`))) ||
			bytes.Contains(t2, []byte(`":"`)) || bytes.Contains(t2, []byte(`": "`))
		if got := codeLike(l); got != code {
			t.Fatalf("codeLike(%q) = %v, want %v", l, got, code)
		}
		if got, want := hasWebAddress(l), web(l); got != want {
			t.Fatalf("hasWebAddress(%q) = %v, want %v", l, got, want)
		}
		contact := false
		if i := bytes.IndexByte(l, '@'); i > 0 && i < len(l)-3 && bytes.IndexByte(l[i:], '.') > 0 {
			contact = true
		}
		contact = contact || web(l) || phoneLike(l)
		if got := hasContact(l); got != contact {
			t.Fatalf("hasContact(%q) = %v, want %v", l, got, contact)
		}
		for _, s := range []string{string(l), normalise(l)} {
			if got, want := onlyFigures(s), s != "" && strings.Trim(s, "# ") == ""; got != want {
				t.Fatalf("onlyFigures(%q) = %v, want %v", s, got, want)
			}
		}
	}
}

// endsSentenceReference is endsSentence decoding every last rune.
func endsSentenceReference(text []byte) bool {
	text = trimRightBlanks(text, true)
	for len(text) > 0 {
		r, size := utf8.DecodeLastRune(text)
		switch r {
		case '.', '!', '?', '\u2026', ';':
			return true
		case '"', '\'', '\u201d', '\u2019', ')', ']', '\u00bb':
			text = text[:len(text)-size]
			continue
		}
		return false
	}
	return false
}

func TestEndsSentenceMatchesReference(t *testing.T) {
	pieces := []string{"a", ".", "!", "?", ";", "\u2026", `"`, "'", "\u201d", "\u2019", ")", "]", "\u00bb", " ", "*", "_",
		"\u00a0", "\xe2", "\x80", "\xa6", "\xc2", "é", ":"}
	lines := withRandomLines(t, 23, pieces, 8)
	for _, l := range lines {
		if got, want := endsSentence(l), endsSentenceReference(l); got != want {
			t.Fatalf("endsSentence(%q) = %v, want %v", l, got, want)
		}
	}
}

// TestLocalNearMatchesWalk compares localNear with the former walk over
// the lines within nearRadius in the same run, for every candidate.
func TestLocalNearMatchesWalk(t *testing.T) {
	for _, doc := range featureTestDocs(t) {
		a := newAnalysis(doc)
		a.structure()
		ctx := a.ctx
		for ci := range a.cands {
			r := ctx.run[ci]
			want := ctx.runProven[r] >= nearMinProven && float64(ctx.runProven[r]) >= runMinShare*float64(ctx.runLen[r])
			n := 0
			for k := max(0, ci-nearRadius); k < len(ctx.proven) && k <= ci+nearRadius; k++ {
				if k != ci && ctx.proven[k] && ctx.run[k] == r {
					n++
				}
			}
			want = want || n >= nearMinProven
			if got := ctx.localNear(ci); got != want {
				t.Fatalf("%s line %d: localNear = %v, want %v", doc.Path, a.cands[ci].line, got, want)
			}
		}
	}
}

// withRandomLines is sampleLines and 30,000 lines of fewer than
// maxPieces pieces drawn at random (from seed): what the fast paths are
// held to their references on.
func withRandomLines(t *testing.T, seed int64, pieces []string, maxPieces int) [][]byte {
	t.Helper()
	rng := rand.New(rand.NewSource(seed))
	lines := sampleLines(t)
	for range 30000 {
		var b []byte
		for range rng.Intn(maxPieces) {
			b = append(b, pieces[rng.Intn(len(pieces))]...)
		}
		lines = append(lines, b)
	}
	return lines
}
