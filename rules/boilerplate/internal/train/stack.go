package main

import (
	"fmt"

	"github.com/dochygiene/hygiene/internal/eval"
	"github.com/dochygiene/hygiene/rules/boilerplate"
)

// The second stage (-stack, stacked sequential learning): a tree ensemble
// over the line's features plus the context of the first stage's scores
// around it (boilerplate.StackContext), whose scores replace the first
// stage's. Its training rows must see first-stage scores like the ones it
// gets at run time, on pages the first stage was not fitted to: every
// document's seeds are its out-of-fold scores, from the fold's model and
// lexicon.

var stackOn bool

// stackParams are the second stage's boosting settings (the first
// stage's size; measured in boilerplate.LineModel's documentation).
var stackParams = defaultParams

// stacker holds, per draw of the folds, every row's out-of-fold features
// (with its fold's lexicon) and every document's out-of-fold seeds.
type stacker struct {
	x     [][][]float32
	seeds [][][]float32
	// x2 are draw 0's second-stage rows, for the final fit.
	x2 [][]float32
}

func newStacker(draws, rows int) *stacker {
	st := &stacker{x: make([][][]float32, draws), seeds: make([][][]float32, draws)}
	for d := range st.x {
		st.x[d] = make([][]float32, rows)
	}
	return st
}

// seedFold sets the seeds of the documents test accepts to the first
// stage's scores by m (fitted without them), from the fold's features.
func (st *stacker) seedFold(draw int, jds []judgedDoc, test func(d int) bool, m *ensemble) {
	if st.seeds[draw] == nil {
		st.seeds[draw] = make([][]float32, len(jds))
		for d, jd := range jds {
			st.seeds[draw][d] = append([]float32(nil), jd.stack.seeds...)
		}
	}
	for d, jd := range jds {
		if !test(d) {
			continue
		}
		seedDoc(st.seeds[draw][d], jd, func(x []float32) float32 { return float32(m.predict(x)) })
	}
}

// seedDoc sets the seeds of a document's scored lines to score's.
func seedDoc(seeds []float32, jd judgedDoc, score func([]float32) float32) {
	for j, ci := range jd.stack.judged {
		if jd.stack.scored[ci] {
			seeds[ci] = score(jd.x[j])
		}
	}
}

// stackRow is a row's second-stage features: its own, then the context.
func stackRow(x []float32, sc *boilerplate.StackContext, ci int) []float32 {
	out := make([]float32, 0, len(x)+len(boilerplate.StackFeatureNames()))
	out = append(out, x...)
	return sc.Append(out, ci)
}

// contexts returns every document's context from its seeds.
func contexts(seeds [][]float32) []*boilerplate.StackContext {
	out := make([]*boilerplate.StackContext, len(seeds))
	for d, s := range seeds {
		out[d] = boilerplate.NewStackContext(s)
	}
	return out
}

// crossFit fits the second stage by the draw's folds and returns its
// out-of-fold scores; oof are the first stage's.
func (st *stacker) crossFit(draw int, rows []sample, oof []float64) []float64 {
	x2 := make([][]float32, len(rows))
	y := make([]float64, len(rows))
	ctx := contexts(st.seeds[draw])
	for i, r := range rows {
		x2[i] = stackRow(st.x[draw][i], ctx[r.ref], r.cand)
		y[i] = r.y
	}
	bn := newBinner(x2, len(x2[0]))
	bins := bn.binned(x2)
	out := make([]float64, len(rows))
	for k := 0; k < folds; k++ {
		idx := trainIndex(rows, func(r sample) bool { return fold(r.site, draw) != k })
		m := fit(stackParams, bn, bins, x2, y, idx)
		for i, r := range rows {
			if fold(r.site, draw) == k {
				out[i] = m.predict(x2[i])
			}
		}
		fmt.Printf("draw %d fold %d: second stage fitted\n", draw, k)
	}
	if draw == 0 {
		st.x2 = x2
	}
	return out
}

// final fits the second stage on every row of draw 0.
func (st *stacker) final(rows []sample) *ensemble {
	y := make([]float64, len(rows))
	for i, r := range rows {
		y[i] = r.y
	}
	bn := newBinner(st.x2, len(st.x2[0]))
	return fit(stackParams, bn, bn.binned(st.x2), st.x2, y, trainIndex(rows, func(sample) bool { return true }))
}

// judgeUnseenStack prints what both stages fitted on tune-a do on
// tune-b's sites: the first stage alone and with the second, along the
// score and at equal precision.
func judgeUnseenStack(all []*eval.WCXBPage, first, second *ensemble, lex boilerplate.Lexicon, th, th2 thresholds) {
	pages, _ := eval.WCXBSplit(all, "tune-b")
	refs, base := collect(pages)
	jds := judgeAll(refs, lex)
	rows := labelled(refs, jds)
	seeds := make([][]float32, len(jds))
	for d, jd := range jds {
		seeds[d] = append([]float32(nil), jd.stack.seeds...)
		seedDoc(seeds[d], jd, func(x []float32) float32 { return float32(first.predict(x)) })
	}
	ctx := contexts(seeds)
	s1 := make([]float64, len(rows))
	s2 := make([]float64, len(rows))
	for i, r := range rows {
		s1[i] = float64(float32(first.predict(r.x)))
		s2[i] = second.predict(stackRow(r.x, ctx[r.ref], r.cand))
	}
	for _, c := range []struct {
		name   string
		scores []float64
		th     thresholds
	}{{"first stage", s1, th}, {"with the second stage", s2, th2}} {
		fmt.Printf("tune-b %s, gate %d, along the score:\n", c.name, c.th.gate)
		thresholdsAt(rows, c.scores, base, 2, 1, c.th.gate)
		fmt.Printf("tune-b %s at its chosen warning %.3f: ", c.name, c.th.warning)
		printAt(rows, c.scores, base, c.th.warning, c.th.gate)
		recallAtPrecision(rows, c.scores, base, c.th.gate)
		missBreakdown(rows, c.scores, c.th.warning, c.th.gate)
	}
}

// recallAtPrecision prints the family's best residue recall on rows at
// a few precision levels (scanning the warning threshold).
func recallAtPrecision(rows []sample, scores []float64, base [nkinds]*baseline, gate int) {
	for _, want := range []float64{0.96, 0.97, 0.975, 0.98, 0.985} {
		best, at := 0.0, 1.0
		for t := 0.30; t < 0.9995; t += 0.0025 {
			c := countAt(rows, scores, base, t, gate)
			b := base[residue]
			T, F := float64(b.tp+c.tp[residue]), float64(b.fp+c.fp[residue])
			if T/(T+F) >= want && T/float64(b.positives) > best {
				best, at = T/float64(b.positives), t
			}
		}
		fmt.Printf("  residue P >= %.3f: best R %.3f (warning %.4f)\n", want, best, at)
	}
}

// missBreakdown prints the residue furniture lines the family misses at
// warning t, by the line's place (before, inside, after the body) and
// whether it is a good (paragraph-like) block, which the rule never
// scores inside the body.
func missBreakdown(rows []sample, scores []float64, t float64, gate int) {
	names := boilerplate.LineFeatureNames()
	idx := func(n string) int {
		for i, x := range names {
			if x == n {
				return i
			}
		}
		panic(n)
	}
	pos, good := idx("position"), idx("good_block")
	miss := map[string]int{}
	for i, r := range rows {
		if r.kind != residue || r.y == 0 || warns(r, scores[i], t, gate) {
			continue
		}
		key := fmt.Sprintf("position %g good %g gated %v", r.x[pos], r.x[good], r.x[gateFeature] < float32(gate))
		miss[key]++
	}
	for k, v := range miss {
		fmt.Printf("  missed %-40s %d\n", k, v)
	}
}
