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
