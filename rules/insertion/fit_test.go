package insertion_test

import (
	"fmt"
	"hash/crc32"
	"math"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/eval"
	"github.com/dochygiene/hygiene/rules/insertion"
)

// TestFitWeights is the tool the logistic weights and the decision
// threshold were fitted with, not a test. It runs only with
// INSERTION_FIT=1 and uses the TUNE half of the WCXB truth texts only
// (generator seed 1):
//
//   - positives: the exact inserted block of every other-topic case;
//   - negatives: every candidate block of every untouched article, each
//     article's candidates weighing fitNegWeight in all, then (second
//     round) the fitHard candidates of each untouched article that the
//     first model scores highest, as hard negatives;
//   - an L2-penalised logistic regression fitted by Newton's method.
//
// The DF table was built from the same texts, so they are scored with a
// leave-one-out table (each count less the text itself). The tool prints
// the weights in Go syntax (paste them into features.go) and, for a grid
// of decision thresholds, the false alarms on untouched articles and the
// recall on other-topic insertions of 150 words or more (the rule's own
// search, genre handling left out); the rule's threshold is the lowest with
// no false alarm. Last, a two-fold cross-validation of the whole procedure
// inside the tune half says what to expect on unseen articles.
//
//	INSERTION_FIT=1 go test -count=1 ./rules/insertion -run FitWeights -v -timeout 10m
func TestFitWeights(t *testing.T) {
	if os.Getenv("INSERTION_FIT") == "" {
		t.Skip("fitting aid: set INSERTION_FIT=1")
	}
	dir, err := eval.DataDir()
	if err != nil {
		t.Skip(err)
	}
	arts, err := eval.LoadInsertionArticles(dir, "tune")
	if err != nil {
		t.Fatal(err)
	}
	// The DF table was built from these texts: score them as if it had not.
	insertion.UseLeaveOneOut(true)
	defer insertion.UseLeaveOneOut(false)
	cases := eval.GenerateInsertionCases(arts, fitSeed)
	docs := make([]*document.Document, len(cases))
	cands := make([][]insertion.Candidate, len(cases))
	for i, c := range cases {
		docs[i] = document.New(c.Name, []byte(c.Text), document.Meta{})
		if c.Kind != eval.InsertSameTopic {
			cands[i] = insertion.Candidates(docs[i])
		}
	}
	all := make([]int, len(cases))
	for i := range all {
		all[i] = i
	}
	f := fitter{cases: cases, docs: docs, cands: cands}
	w := f.fit(all, true)
	old := insertion.SetWeights(w)
	defer insertion.SetWeights(old)
	th := f.pick(all, true)
	fmt.Printf("decision threshold (lowest on the grid with no false alarm): %.3f\n", th)
	// Two-fold cross-validation of the whole procedure inside the tune half:
	// what to expect on articles neither the weights nor the threshold saw.
	var folds [2][]int
	for i, c := range cases {
		k := 0
		if crc32.ChecksumIEEE([]byte(strings.SplitN(c.Name, "+", 2)[0]))%2 == 1 {
			k = 1
		}
		folds[k] = append(folds[k], i)
	}
	for k := range folds {
		wk := f.fit(folds[k], false)
		insertion.SetWeights(wk)
		t := f.pick(folds[k], false)
		fp, neg, rec := f.score(folds[1-k], t)
		fpIn, negIn, recIn := f.score(folds[k], t)
		// Separation on the held-out fold: recall at the lowest threshold
		// with no false alarm there (an oracle threshold, to compare
		// feature sets, not to set the rule's).
		top := math.Inf(-1)
		for _, i := range folds[1-k] {
			if f.cases[i].Kind == eval.InsertNone {
				for _, cd := range f.cands[i] {
					top = math.Max(top, dot(wk, cd.F))
				}
			}
		}
		_, _, recOracle := f.score(folds[1-k], top+1e-9)
		fmt.Printf("fold %d: threshold %.3f  in-fold FP %d/%d recall %.3f  held-out FP %d/%d recall %.3f  (held-out recall at 0 FP %.3f)\n",
			k, t, fpIn, negIn, recIn, fp, neg, rec, recOracle)
	}
}

type fitter struct {
	cases []eval.InsertionCase
	docs  []*document.Document
	cands [][]insertion.Candidate
}

// fit fits the weights on the cases idx in two rounds (see above).
func (f fitter) fit(idx []int, verbose bool) []float64 {
	var xs [][]float64
	var ys, ws []float64
	for _, i := range idx {
		c, cands := f.cases[i], f.cands[i]
		switch c.Kind {
		case eval.InsertNone:
			for _, cd := range cands {
				xs, ys, ws = append(xs, cd.F), append(ys, 0), append(ws, fitNegWeight/float64(len(cands)))
			}
		case eval.InsertOtherEnd, eval.InsertOtherMid:
			first, last := c.Paragraphs[0][0], c.Paragraphs[len(c.Paragraphs)-1][1]
			for _, cd := range cands {
				if cd.First == first && cd.Last == last {
					xs, ys, ws = append(xs, cd.F), append(ys, 1), append(ws, 1)
				}
			}
		}
	}
	w := fitLogistic(xs, ys, ws, fitL2)
	// Round 2: positives as before, hard negatives only.
	var hx [][]float64
	var hy, hw []float64
	for k := range xs {
		if ys[k] == 1 {
			hx, hy, hw = append(hx, xs[k]), append(hy, 1), append(hw, 1)
		}
	}
	for _, i := range idx {
		if f.cases[i].Kind != eval.InsertNone || len(f.cands[i]) == 0 {
			continue
		}
		cs := append([]insertion.Candidate(nil), f.cands[i]...)
		sort.Slice(cs, func(a, b int) bool { return dot(w, cs[a].F) > dot(w, cs[b].F) })
		for _, cd := range cs[:min(fitHard, len(cs))] {
			hx, hy, hw = append(hx, cd.F), append(hy, 0), append(hw, fitHardWeight)
		}
	}
	w = fitLogistic(hx, hy, hw, fitL2)
	if verbose {
		fmt.Printf("fitted on %d candidates (%d in round 2)\n", len(xs), len(hx))
		printWeights(w)
	}
	return w
}

// pick returns the lowest threshold of the grid with no false alarm on the
// untouched articles among idx, printing the grid when verbose.
func (f fitter) pick(idx []int, verbose bool) float64 {
	best := math.Inf(1)
	for th := 4.0; th >= 0; th -= 0.125 {
		fp, neg, rec := f.score(idx, th)
		if verbose {
			fmt.Printf("threshold %5.3f  FP %d/%d  recall %.3f\n", th, fp, neg, rec)
		}
		if fp > 0 {
			break
		}
		best = th
	}
	return best
}

// score runs the search at threshold th on the cases idx: false alarms on
// untouched articles and recall on other-topic insertions of 150 words or more.
func (f fitter) score(idx []int, th float64) (fp, neg int, recall float64) {
	tp, npos := 0, 0
	for _, i := range idx {
		c := f.cases[i]
		switch {
		case c.Kind == eval.InsertNone:
			neg++
			if ok, _, _ := insertion.FlagWith(f.docs[i], th); ok {
				fp++
			}
		case c.Kind != eval.InsertSameTopic && c.Words >= 150:
			npos++
			if ok, a, b := insertion.FlagWith(f.docs[i], th); ok && coversHalf(c, a, b) {
				tp++
			}
		}
	}
	return fp, neg, float64(tp) / float64(max(1, npos))
}

// The fitting settings. Variants tried, with the same cross-validation
// (held-out recall at no false alarm, folds 0 and 1; 0.944 and 0.964 with
// these): L2 0.1 (0.937, 0.964), L2 10 (0.944, 0.916), 3 hard negatives
// (0.952, 0.960), 30 (0.941, 0.956); the article's own paragraphs in
// documents with an insertion as further negatives, and the positives of
// generator seeds 1-3: no change beyond noise.
const (
	fitSeed       = 1
	fitNegWeight  = 3.0 // total weight of one untouched article's candidates (round 1)
	fitHard       = 10  // hard negatives per untouched article (round 2)
	fitHardWeight = 0.3 // weight of each hard negative
	fitL2         = 1.0 // L2 penalty on the weights (not the bias)
)

func printWeights(w []float64) {
	var b strings.Builder
	b.WriteString("var scoreWeights = features{\n")
	for k, name := range insertion.FeatureNames() {
		fmt.Fprintf(&b, "\t%.3f, // %s\n", w[k], name)
	}
	b.WriteString("}\n")
	fmt.Print(b.String())
}

func dot(w, x []float64) float64 {
	z := 0.0
	for k := range w {
		z += w[k] * x[k]
	}
	return z
}

// fitLogistic maximises the weighted log-likelihood minus l2/2·|w|² (bias,
// feature 0, not penalised) by Newton's method.
func fitLogistic(xs [][]float64, ys, ws []float64, l2 float64) []float64 {
	d := len(xs[0])
	w := make([]float64, d)
	for iter := 0; iter < 50; iter++ {
		g := make([]float64, d)
		h := make([][]float64, d)
		for k := range h {
			h[k] = make([]float64, d)
		}
		for n, x := range xs {
			p := 1 / (1 + math.Exp(-dot(w, x)))
			for a := 0; a < d; a++ {
				g[a] += ws[n] * (ys[n] - p) * x[a]
				for b := 0; b < d; b++ {
					h[a][b] += ws[n] * p * (1 - p) * x[a] * x[b]
				}
			}
		}
		for a := 1; a < d; a++ {
			g[a] -= l2 * w[a]
			h[a][a] += l2
		}
		h[0][0] += 1e-9
		step := solve(h, g)
		change := 0.0
		for a := range w {
			w[a] += step[a]
			change = math.Max(change, math.Abs(step[a]))
		}
		if change < 1e-6 {
			break
		}
	}
	return w
}

// solve returns x with a·x = b (Gaussian elimination, partial pivoting).
func solve(a [][]float64, b []float64) []float64 {
	n := len(b)
	m := make([][]float64, n)
	for i := range a {
		m[i] = append(append([]float64(nil), a[i]...), b[i])
	}
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		m[c], m[p] = m[p], m[c]
		for r := c + 1; r < n; r++ {
			f := m[r][c] / m[c][c]
			for k := c; k <= n; k++ {
				m[r][k] -= f * m[c][k]
			}
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := m[r][n]
		for k := r + 1; k < n; k++ {
			s -= m[r][k] * x[k]
		}
		x[r] = s / m[r][r]
	}
	return x
}

func coversHalf(c eval.InsertionCase, a, b int) bool {
	n := 0
	for _, p := range c.Paragraphs {
		if p[0] >= a && p[1] <= b {
			n++
		}
	}
	return 2*n >= len(c.Paragraphs)
}
