package boilerplate

import (
	"math"
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

// TestLexLookupPastCollidingTags builds a lexicon table whose slots
// share the tag of the word looked up: the lookup (and lexScore, which
// writes it out) must step over a slot of another word with the same tag,
// packed or compared as a string, and find the word in a later slot.
func TestLexLookupPastCollidingTags(t *testing.T) {
	for _, word := range []string{"newsletter", "share"} {
		other := "subscription"
		if len(word) < 8 {
			other = "shore"
		}
		h := wordHash(word)
		x := &lexIndex{slots: make([]uint64, 16), mask: 15,
			words: []string{other, word}, values: []float32{-3, 2}}
		for _, w := range x.words {
			p := uint64(0)
			if len(w) < 8 {
				var b uint64
				for i := len(w) - 1; i >= 0; i-- {
					b = b<<8 | uint64(w[i])
				}
				p = packShort(b, len(w))
			}
			x.packed = append(x.packed, p)
		}
		// The other word first in the probe sequence, with the word's tag.
		i := h & x.mask
		x.slots[i] = h>>32<<32 | 1
		x.slots[(i+1)&x.mask] = h>>32<<32 | 2
		if v, ok := x.get(word); !ok || v != 2 {
			t.Errorf("get(%q) = %v, %v; want 2, true", word, v, ok)
		}
		if s := lexScore(word, x); s.known != 1 || s.mean != 2 {
			t.Errorf("lexScore(%q) = %+v, want the word's 2", word, s)
		}
		// Without the word's own slot, the colliding one is no match.
		x.slots[(i+1)&x.mask] = 0
		if _, ok := x.get(word); ok {
			t.Errorf("get(%q) found the colliding %q", word, other)
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
