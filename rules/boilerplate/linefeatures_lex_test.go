package boilerplate

import (
	"math"
	"math/rand"
	"strings"
	"testing"
)

// TestLexFeaturesScoreEveryLine holds the lexicon features, which features
// computes once per distinct normalised text, to lexScore of every line
// itself: the line's own numbers, its window's and its neighbours', for
// every line the model scores on the seeds and the WCXB dev pages and
// truth texts.
func TestLexFeaturesScoreEveryLine(t *testing.T) {
	index := map[string]int{}
	for i, n := range featureNames {
		index[n] = i
	}
	model := embeddedModel()
	rows := 0
	for _, d := range overlapTestDocs(t) {
		a := newAnalysis(d)
		x := a.features(model.lexIdx, a.scoredByRule, nil)
		n := len(a.cands)
		for ci, f := range x {
			if f == nil {
				continue
			}
			rows++
			own := lexScore(a.cands[ci].norm, model.lexIdx)
			want := map[string]float32{"lex_mean": own.mean, "lex_max": own.max, "lex_min": own.min, "lex_known": own.known}
			lo, hi := max(0, ci-windowRadius), min(n-1, ci+windowRadius)
			winLex, winLexMax := float32(0), float32(-lexClip)
			for k := lo; k <= hi; k++ {
				if k != ci {
					m := lexScore(a.cands[k].norm, model.lexIdx).mean
					winLex += m
					winLexMax = max(winLexMax, m)
				}
			}
			want["win_lex_mean"] = winLex / float32(max(hi-lo, 1))
			want["win_lex_max"] = winLexMax
			for _, off := range neighbourOffsets {
				name := "lex_mean@" + itoa(off)
				if k := ci + off; k >= 0 && k < n {
					want[name] = lexScore(a.cands[k].norm, model.lexIdx).mean
				} else {
					want[name] = noNeighbour
				}
			}
			for name, v := range want {
				if got := f[index[name]]; math.Float32bits(got) != math.Float32bits(v) {
					t.Fatalf("%s line %d %s: %v, want %v", d.Path, a.cands[ci].line, name, got, v)
				}
			}
		}
	}
	if rows == 0 {
		t.Fatal("no line scored")
	}
}

// TestLexLookupPastCollidingTags builds a lexicon table where another
// word stands first in the probe sequence of the word looked up: for a
// long word with the very same key (its hash), compared as a string; for
// a short word, another short word's packed key. The lookup (and
// lexScore, which writes it out) must step over it and find the word in
// the next slot, and without that slot find nothing.
func TestLexLookupPastCollidingTags(t *testing.T) {
	for _, word := range []string{"newsletter", "share"} {
		h := wordHash(word)
		x := &lexIndex{slots: make([]lexSlot, 16), mask: 15}
		i := h & x.mask
		own := lexSlot{key: lexKey(h, packString(word)), value: 2}
		if len(word) < 8 {
			x.slots[i] = lexSlot{key: packString("shore"), value: -3}
		} else {
			x.words = []string{"subscription", word}
			x.slots[i] = lexSlot{key: lexLongKey(h), value: -3, long: 0}
			own.long = 1
		}
		x.slots[(i+1)&x.mask] = own
		if v, ok := x.get(word); !ok || v != 2 {
			t.Errorf("get(%q) = %v, %v; want 2, true", word, v, ok)
		}
		if s := lexScore(word, x); s.known != 1 || s.mean != 2 {
			t.Errorf("lexScore(%q) = %+v, want the word's 2", word, s)
		}
		// Without the word's own slot, the other one is no match.
		x.slots[(i+1)&x.mask] = lexSlot{}
		if _, ok := x.get(word); ok {
			t.Errorf("get(%q) found the other word", word)
		}
		if s := lexScore(word, x); s.known != 0 {
			t.Errorf("lexScore(%q) = %+v, want no known word", word, s)
		}
	}
}

// TestNeighbourFeaturesReadTheLine holds the features every scored line
// reads of the lines two and one before and after it, which features
// makes once per line, to the line measured itself, on the seeds and the
// WCXB dev pages and truth texts.
func TestNeighbourFeaturesReadTheLine(t *testing.T) {
	model := embeddedModel()
	first := len(ownFeatureNames)
	rows := 0
	for _, d := range overlapTestDocs(t) {
		a := newAnalysis(d)
		x := a.features(model.lexIdx, a.scoredByRule, nil)
		verdicts := a.structure()
		for ci, f := range x {
			if f == nil {
				continue
			}
			rows++
			for j, off := range neighbourOffsets {
				got := f[first+j*len(neighbourFeatureNames) : first+(j+1)*len(neighbourFeatureNames)]
				var want [len(neighbourFeatureNames)]float32
				if k := ci + off; k < 0 || k >= len(a.cands) {
					for i := range want {
						want[i] = noNeighbour
					}
				} else {
					c := a.cands[k]
					s := a.measureLine(c)
					want = [...]float32{float32(s.words), flag(s.sentence), ratio(s.stops, s.words), float32(c.match),
						flag(a.blocks[c.block].good), ratio(s.title, s.words), float32(verdicts[k].sev),
						lexScore(c.norm, model.lexIdx).mean}
				}
				for i := range want {
					if math.Float32bits(got[i]) != math.Float32bits(want[i]) {
						t.Fatalf("%s line %d, %s: %v, want %v", d.Path, a.cands[ci].line,
							neighbourFeatureNames[i]+"@"+itoa(off), got[i], want[i])
					}
				}
			}
		}
	}
	if rows == 0 {
		t.Fatal("no line scored")
	}
}

// A lexicon of its own, with the empty word, words of every length from
// one to twenty bytes and words that differ only in their last byte: the
// table finds each word and nothing else, and lexScore sums them as the
// plain split over the map does, on random lines of them and of words
// not in it.
func TestLexIndexOwnLexicon(t *testing.T) {
	rng := rand.New(rand.NewSource(13))
	lex := Lexicon{"": 0.5}
	var words []string
	for n := 1; n <= 20; n++ {
		for _, c := range "abq" {
			w := strings.Repeat("x", n-1) + string(c)
			words = append(words, w)
			if c != 'q' {
				lex[w] = float32(rng.NormFloat64())
			}
		}
	}
	idx := newLexIndex(lex)
	for _, w := range append(words, "") {
		want, wantOK := lex[w]
		if got, ok := idx.get(w); ok != wantOK || got != want {
			t.Fatalf("get(%q) = %v, %v; want %v, %v", w, got, ok, want, wantOK)
		}
	}
	for range 20000 {
		parts := make([]string, rng.Intn(8))
		for i := range parts {
			parts[i] = words[rng.Intn(len(words))]
			if rng.Intn(10) == 0 {
				parts[i] = ""
			}
		}
		norm := strings.Join(parts, " ")
		if got, want := lexScore(norm, idx), lexScoreReference(norm, lex); got != want {
			t.Fatalf("lexScore(%q) = %+v, want %+v", norm, got, want)
		}
	}
}
