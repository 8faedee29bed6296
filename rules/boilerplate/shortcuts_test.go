package boilerplate

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// The analysis' shortcuts give what the plain computation gives, on the
// seeds and (when ../shared is present) the WCXB dev pages and truth texts.

func shortcutDocs(t *testing.T) []*document.Document {
	t.Helper()
	var docs []*document.Document
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		_, text := ruletest.Seed(t, n)
		docs = append(docs, document.New("seed.txt", []byte(text), document.Meta{}))
	}
	docs = append(docs, document.New("mixed.txt", []byte("1. A numbered paragraph of words.\n\n- item one\n- item two\n\n> quoted line\n\nPlain line\nsecond line of it\n"), document.Meta{}))
	if !testing.Short() {
		for _, kind := range []string{"pages", "truth"} {
			d, _ := ruletest.WCXBDocs(t, kind, document.Meta{})
			docs = append(docs, d...)
		}
	}
	return docs
}

// A candidate's tokens, taken from its block's when the block is the
// line, are its line's (TokensIn).
func TestCandidateTokensAreTheLines(t *testing.T) {
	reused := 0
	for _, d := range shortcutDocs(t) {
		a := newAnalysis(d)
		for _, c := range a.cands {
			l, b := d.Lines[c.line], d.Blocks[c.block]
			if want := d.TokensIn(l.Start, l.End); !slices.Equal(c.tokens, want) {
				t.Fatalf("%s line %d: tokens %v, want %v", d.Path, c.line, c.tokens, want)
			}
			if b.ContentStart == l.Start && b.End == l.End {
				reused++
			}
		}
	}
	if reused < 10 {
		t.Errorf("only %d candidates took their block's tokens", reused)
	}
}

// The block-token scratch holds no tokens once the analysis is done.
func TestBlockTokenScratchCleared(t *testing.T) {
	d := shortcutDocs(t)[0]
	newAnalysis(d)
	s := pendingLines.Get().(*pendingScratch)
	defer pendingLines.Put(s)
	for i, toks := range s.blockToks[:cap(s.blockToks)] {
		if toks != nil {
			t.Fatalf("block %d's tokens kept in the pooled scratch", i)
		}
	}
}

// compoundCoverReference is compoundCover before it stopped at a gap no
// phrase spans.
func compoundCoverReference(norm string, n int) (bool, []string) {
	var startsBuf, endsBuf [16]int
	starts, ends := startsBuf[:0], endsBuf[:0]
	for i := 0; i < len(norm); {
		j := strings.IndexByte(norm[i:], ' ')
		if j < 0 {
			j = len(norm) - i
		}
		starts, ends = append(starts, i), append(ends, i+j)
		i += j + 1
	}
	phrase := func(j, i int) string { return norm[starts[j]:ends[i-1]] }
	var bestBuf, fromBuf [17]int
	best, from := bestBuf[:n+1], fromBuf[:n+1]
	for i := 1; i <= n; i++ {
		best[i] = -1
		for j := max(0, i-maxCompoundPhrase); j < i; j++ {
			if j > 0 && best[j] < 0 {
				continue
			}
			if _, ok := furniturePhrases[phrase(j, i)]; ok && (best[i] < 0 || best[j]+1 < best[i]) {
				best[i], from[i] = best[j]+1, j
			}
		}
	}
	if best[n] < 2 {
		return false, nil
	}
	var kinds []string
	for i := n; i > 0; i = from[i] {
		kind := furniturePhrases[phrase(from[i], i)]
		if len(kinds) == 0 || kinds[len(kinds)-1] != kind {
			kinds = append(kinds, kind)
		}
	}
	return true, kinds
}

func TestCompoundCoverMatchesReference(t *testing.T) {
	var norms []string
	for _, l := range sampleLines(t) {
		norms = append(norms, normalise(l))
	}
	var phrases []string
	for p := range furniturePhrases {
		phrases = append(phrases, p)
	}
	slices.Sort(phrases)
	rng := rand.New(rand.NewSource(3))
	fillers := []string{"the", "word", "a b c d e f", "x y", "#", "news", "and more here", "one two three four five six"}
	for range 20000 {
		var parts []string
		for range 1 + rng.Intn(5) {
			if rng.Intn(4) == 0 {
				parts = append(parts, fillers[rng.Intn(len(fillers))])
			} else {
				parts = append(parts, phrases[rng.Intn(len(phrases))])
			}
		}
		norms = append(norms, strings.Join(parts, " "))
	}
	for _, d := range shortcutDocs(t) {
		for _, c := range newAnalysis(d).cands {
			norms = append(norms, c.norm)
		}
	}
	covered := 0
	for _, norm := range norms {
		n := wordCount(norm)
		if n < 1 || n > 16 {
			continue
		}
		got, gotKinds := compoundCover(norm, n)
		want, wantKinds := compoundCoverReference(norm, n)
		if got != want || !slices.Equal(gotKinds, wantKinds) {
			t.Fatalf("compoundCover(%q) = %v %v, want %v %v", norm, got, gotKinds, want, wantKinds)
		}
		if got {
			covered++
		}
	}
	if covered < 100 {
		t.Errorf("only %d compound lines: the comparison proves little", covered)
	}
}

// A line that is its block counts on its stop words from where
// measureBlock stopped: the same shape as counting them all.
func TestMeasureWordsReusesBlockStops(t *testing.T) {
	reused := 0
	for _, d := range shortcutDocs(t) {
		a := newAnalysis(d)
		for _, c := range a.cands {
			plain := c
			plain.blockTokens = false
			if got, want := a.measureWords(c), a.measureWords(plain); got != want {
				t.Fatalf("%s line %d: measureWords %+v, counting all stop words %+v", d.Path, c.line, got, want)
			}
			if c.blockTokens && a.blocks[c.block].stopsIn > 0 {
				reused++
			}
		}
	}
	if reused < 10 {
		t.Errorf("only %d lines reused their block's stop count", reused)
	}
}

// wordTokens sums the kinds: a token is a word (0) or a number (1).
func TestWordTokensCountsWords(t *testing.T) {
	if document.Word != 0 || document.Number != 1 {
		t.Fatal("wordTokens needs Word = 0 and Number = 1")
	}
	for _, d := range shortcutDocs(t) {
		toks := d.Tokens()
		words := 0
		for _, tok := range toks {
			if tok.Kind != document.Word && tok.Kind != document.Number {
				t.Fatalf("%s: a token of kind %d", d.Path, tok.Kind)
			}
			if tok.Kind == document.Word {
				words++
			}
		}
		if got := wordTokens(toks); got != words {
			t.Fatalf("%s: wordTokens %d, want %d", d.Path, got, words)
		}
	}
}

// blockInfo is made for every block of every page: its stop-count mark
// did not make it larger.
func TestBlockInfoSize(t *testing.T) {
	if size := unsafe.Sizeof(blockInfo{}); size > 24 {
		t.Errorf("blockInfo is %d bytes", size)
	}
}

// A candidate's sentence end is asked once: endsSentence of its text.
func TestCandidateSentenceIsEndsSentence(t *testing.T) {
	ends := 0
	for _, d := range shortcutDocs(t) {
		for _, c := range newAnalysis(d).cands {
			if c.sentence != endsSentence(c.text) {
				t.Fatalf("%s line %d %q: sentence %v", d.Path, c.line, c.text, c.sentence)
			}
			if c.sentence {
				ends++
			}
		}
	}
	if ends < 10 {
		t.Errorf("only %d candidates end a sentence", ends)
	}
	// The flag fits in the padding after compound: a candidate is made
	// for nearly every line of every page.
	if size := unsafe.Sizeof(candidate{}); size > 112 {
		t.Errorf("candidate is %d bytes", size)
	}
}
