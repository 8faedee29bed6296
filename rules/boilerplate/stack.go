package boilerplate

import (
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// The line model's second stage reads what the first stage thought of the
// lines around a line: furniture comes in runs (a product box, a teaser
// list, an author's bio, a block of calls to action), and a line that looks
// ambiguous by itself is furniture when the lines around it score high.
// The first stage reads its neighbours' shapes, never their scores.
//
// Every candidate gets a seed: its first-stage score when the rule scores
// it, 1 when a phrase rule or the structure rule already proved it
// furniture, 0 otherwise (a body paragraph, a table cell, a note). The
// context features of a line are numbers of the seeds around it.

// stackFeatureNames name the context features in order (a contract with
// the weights file, as featureNames is).
var stackFeatureNames = []string{
	"score", "score@-1", "score@+1", "score@-2", "score@+2",
	"max_before5", "max_after5", "mean_before5", "mean_after5", "mean_within20",
	"high_within10", "high_before", "high_after", "run_before", "run_after",
}

// Thresholds of the context features: a seed at highSeed or above is a
// line the first stage (or a rule) calls furniture; the run features count
// the seeds at runSeed or above in a row.
const (
	highSeed    = 0.5
	runSeed     = 0.3
	maxDistance = 50
)

// secondFeatureNames are the second stage's features: a line's own
// (featureNames), then its context.
var secondFeatureNames = append(append([]string(nil), featureNames...), stackFeatureNames...)

// stackScores replaces scores (the first stage's, of the rows x holds) by
// the second stage's, which reads each row and its context.
func (a *analysis) stackScores(second *lineModel, x [][]float32, scores []float32, buf *featureBuffer) {
	seeds := a.stackSeeds(scores, func(ci int) bool { return x[ci] != nil })
	n, width := 0, len(secondFeatureNames)
	for _, row := range x {
		if row != nil {
			n++
		}
	}
	rows := zeroed(&buf.rows2, len(x))
	buf.context.reset(seeds)
	flat := buf.flat2[:0]
	if cap(flat) < n*width {
		flat = make([]float32, 0, n*width)
	}
	for ci, row := range x {
		if row == nil {
			continue
		}
		f := flat[len(flat) : len(flat) : len(flat)+width]
		flat = flat[:len(flat)+width]
		f = append(f, row...)
		rows[ci] = buf.context.append(f, ci)
	}
	buf.flat2 = flat
	second.predictAll(rows, scores)
}

// StackFeatureNames returns the names of the second stage's context
// features in order (for the trainer).
func StackFeatureNames() []string { return append([]string(nil), stackFeatureNames...) }

// stackSeeds returns every candidate's seed: scores[ci] where scored(ci),
// 1 for proven furniture, 0 for the rest.
// Seeds lie in [0, 1]: a scored line's seed is a probability.
func (a *analysis) stackSeeds(scores []float32, scored func(ci int) bool) []float32 {
	seeds := make([]float32, len(a.cands))
	verdicts := a.structure()
	for ci, c := range a.cands {
		switch {
		case scored(ci):
			seeds[ci] = scores[ci]
		case c.match != noMatch || verdicts[ci].sev >= rules.Warning:
			seeds[ci] = 1
		}
	}
	return seeds
}

// LineStack returns, for the trainer, every candidate line of doc (0-based
// line indexes) in order, whether the rule scores it (which its seed is
// then the first stage's score of) and its seed otherwise; judged gives
// the candidate index of each line LineFeatures returns, in its order.
func LineStack(doc *document.Document) (cands []int, judged []int, scored []bool, seeds []float32) {
	a := analyse(doc)
	scored = make([]bool, len(a.cands))
	for ci, c := range a.cands {
		cands = append(cands, c.line)
		scored[ci] = a.scoredByRule(ci)
		if a.modelJudges(ci) {
			judged = append(judged, ci)
		}
	}
	// A scored line is no proven furniture: its seed is 0 until the
	// trainer sets its score.
	seeds = a.stackSeeds(nil, func(int) bool { return false })
	return cands, judged, scored, seeds
}

// StackContext is the context of every candidate of a document, read
// from the candidates' seeds (the trainer's handle on it).
type StackContext struct{ c stackContext }

// NewStackContext prepares the context features of a document whose
// candidates have seeds.
func NewStackContext(seeds []float32) *StackContext {
	sc := &StackContext{}
	sc.c.reset(seeds)
	return sc
}

// Append appends candidate ci's context features to dst.
func (sc *StackContext) Append(dst []float32, ci int) []float32 { return sc.c.append(dst, ci) }

// stackContext holds, per candidate, running numbers of the seeds from
// which every context feature is read in constant time: a document of
// thousands of lines would otherwise scan its windows again for every
// line (a twentieth of the rule's run time).
type stackContext struct {
	s []float32
	// sum[k] and high[k] are the sum of the seeds before k and how many
	// of them are high; prevHigh[k] and nextHigh[k] are the nearest high
	// candidates before and after k (-1 and len(s) for none); runBefore[k]
	// and runAfter[k] are the runs of seeds at runSeed or above just
	// before and after k.
	sum                                           []float64
	high, prevHigh, nextHigh, runBefore, runAfter []int32
}

// reset fills the running numbers for seeds, reusing the memory.
func (c *stackContext) reset(s []float32) {
	n := len(s)
	c.s = s
	c.sum = zeroed(&c.sum, n+1)
	c.high = zeroed(&c.high, n+1)
	c.prevHigh = zeroed(&c.prevHigh, n)
	c.nextHigh = zeroed(&c.nextHigh, n)
	c.runBefore = zeroed(&c.runBefore, n)
	c.runAfter = zeroed(&c.runAfter, n)
	prev, run := int32(-1), int32(0)
	for k, v := range s {
		c.sum[k+1] = c.sum[k] + float64(v)
		c.high[k+1] = c.high[k] + int32(oneIf(v >= highSeed))
		c.prevHigh[k], c.runBefore[k] = prev, run
		if v >= highSeed {
			prev = int32(k)
		}
		if run++; v < runSeed {
			run = 0
		}
	}
	next, run := int32(n), int32(0)
	for k := n - 1; k >= 0; k-- {
		c.nextHigh[k], c.runAfter[k] = next, run
		if s[k] >= highSeed {
			next = int32(k)
		}
		if run++; s[k] < runSeed {
			run = 0
		}
	}
}

// append appends candidate ci's context features to dst.
func (c *stackContext) append(dst []float32, ci int) []float32 {
	s := c.s
	n := len(s)
	at := func(k int) float32 {
		if k < 0 || k >= n {
			return noNeighbour
		}
		return s[k]
	}
	dst = append(dst, s[ci], at(ci-1), at(ci+1), at(ci-2), at(ci+2))
	lo5, hi5 := max(0, ci-windowRadius), min(n-1, ci+windowRadius)
	maxB, maxA := float32(noNeighbour), float32(noNeighbour)
	for k := lo5; k < ci; k++ {
		maxB = max(maxB, s[k])
	}
	for k := ci + 1; k <= hi5; k++ {
		maxA = max(maxA, s[k])
	}
	lo20, hi20 := max(0, ci-20), min(n-1, ci+20)
	lo10, hi10 := max(0, ci-10), min(n-1, ci+10)
	high := c.high[hi10+1] - c.high[lo10] - int32(oneIf(s[ci] >= highSeed))
	before, after := maxDistance, maxDistance
	if p := int(c.prevHigh[ci]); p >= 0 {
		before = min(before, ci-p)
	}
	if q := int(c.nextHigh[ci]); q < n {
		after = min(after, q-ci)
	}
	return append(dst, maxB, maxA,
		c.mean(lo5, ci), c.mean(ci+1, hi5+1), c.meanWithout(lo20, hi20+1, ci),
		float32(high), float32(before), float32(after), float32(c.runBefore[ci]), float32(c.runAfter[ci]))
}

// mean is the mean seed of candidates lo to hi-1, noNeighbour for none.
func (c *stackContext) mean(lo, hi int) float32 {
	if hi <= lo {
		return noNeighbour
	}
	return float32((c.sum[hi] - c.sum[lo]) / float64(hi-lo))
}

// meanWithout is mean without candidate ci (which lies in lo to hi-1).
func (c *stackContext) meanWithout(lo, hi, ci int) float32 {
	if hi-lo <= 1 {
		return noNeighbour
	}
	return float32((c.sum[hi] - c.sum[lo] - float64(c.s[ci])) / float64(hi-lo-1))
}
