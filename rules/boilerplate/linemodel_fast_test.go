package boilerplate

import (
	"fmt"
	"math"
	"math/rand"
	"os"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/shareddata"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// randomTree returns a tree of at most depth levels of splits over
// features below nf, with leaves above the full depth now and then (the
// flat form pads them).
func randomTree(rng *rand.Rand, depth, nf int) []treeNode {
	var t []treeNode
	var grow func(level int) int16
	grow = func(level int) int16 {
		at := len(t)
		t = append(t, treeNode{})
		if level == depth || (level > 1 && rng.Intn(6) == 0) {
			t[at] = treeNode{feature: -1, value: float32(rng.NormFloat64())}
			return int16(at)
		}
		left := grow(level + 1)
		right := grow(level + 1)
		t[at] = treeNode{feature: int16(rng.Intn(nf)), threshold: float32(rng.NormFloat64()), left: left, right: right}
		return int16(at)
	}
	grow(0)
	return t
}

// TestFixedWalkMatchesNodeWalk scores random rows with random forests of
// depth fixedDepth (the fixed layout) and of other depths (the general
// batch walk) and checks every score against the node walk, bit for bit.
func TestFixedWalkMatchesNodeWalk(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	nf := len(featureNames)
	for _, depth := range []int{fixedDepth, fixedDepth - 1, fixedDepth + 1} {
		trees := make([][]treeNode, 37)
		for i := range trees {
			trees[i] = randomTree(rng, depth, nf)
		}
		// At least one tree of the full depth, so the forest is flattened
		// to exactly depth levels.
		trees[0] = randomTree(rand.New(rand.NewSource(0)), depth, nf)
		for treeDepth(trees[0], 0) < depth {
			trees[0] = randomTree(rng, depth, nf)
		}
		m := &lineModel{base: -0.3, trees: trees, flat: flatten(trees)}
		if got := m.flat.fixed() != nil; got != (depth == fixedDepth) {
			t.Fatalf("depth %d: fixed layout used = %v", depth, got)
		}
		var xs [][]float32
		for k := range 203 {
			if k%7 == 0 {
				xs = append(xs, nil) // a line the rule does not score
				continue
			}
			x := make([]float32, nf)
			for i := range x {
				x[i] = float32(rng.NormFloat64())
				switch rng.Intn(40) {
				case 0:
					x[i] = float32(math.NaN())
				case 1:
					x[i] = float32(math.Inf(1 - 2*rng.Intn(2)))
				}
			}
			xs = append(xs, x)
		}
		out := make([]float32, len(xs))
		m.predictAll(xs, out)
		for i, x := range xs {
			if x == nil {
				if out[i] != 0 {
					t.Fatalf("depth %d row %d: unscored line got %v", depth, i, out[i])
				}
				continue
			}
			if want := walkTrees(m, x); out[i] != want {
				t.Fatalf("depth %d row %d: batch %v, node walk %v", depth, i, out[i], want)
			}
		}
	}
}

// TestFixedWalkSignEdges holds the fixed walk's step (the sign of
// threshold - x) to the node walk's x <= threshold where the two could
// part: signed zeros, subnormals, the largest floats (whose difference
// overflows), infinities and NaN, as thresholds and as features.
func TestFixedWalkSignEdges(t *testing.T) {
	edges := []float32{0, float32(math.Copysign(0, -1)), math.SmallestNonzeroFloat32, -math.SmallestNonzeroFloat32,
		2 * math.SmallestNonzeroFloat32, math.MaxFloat32, -math.MaxFloat32, 1, -1, math.Nextafter32(1, 2)}
	specials := []float32{float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.NaN())}
	rng := rand.New(rand.NewSource(5))
	nf := 6 // few features, so that rows often meet the thresholds
	trees := make([][]treeNode, 41)
	for i := range trees {
		tr := randomTree(rng, fixedDepth, nf)
		for treeDepth(tr, 0) < fixedDepth {
			tr = randomTree(rng, fixedDepth, nf)
		}
		for j := range tr {
			if tr[j].feature >= 0 {
				tr[j].threshold = edges[rng.Intn(len(edges))]
			}
		}
		trees[i] = tr
	}
	m := &lineModel{base: 0.25, trees: trees, flat: flatten(trees)}
	if m.flat.fixed() == nil {
		t.Fatal("fixed layout not used")
	}
	values := append(append([]float32{}, edges...), specials...)
	var xs [][]float32
	for range 4000 {
		x := make([]float32, len(featureNames))
		for i := range nf {
			x[i] = values[rng.Intn(len(values))]
		}
		xs = append(xs, x)
	}
	out := make([]float32, len(xs))
	m.predictAll(xs, out)
	for i, x := range xs {
		if want := walkTrees(m, x); out[i] != want {
			t.Fatalf("row %d %v: fixed walk %v, node walk %v", i, x[:nf], out[i], want)
		}
	}
}

// TestFixedWalkOnPages scores the lines the rule scores on the WCXB dev
// pages (when present) with the shipped model, in batches, and checks
// every score against the node walk (of the model parsed from its text:
// the packed one has no node trees).
func TestFixedWalkOnPages(t *testing.T) {
	if testing.Short() {
		t.Skip("pages")
	}
	docs, _ := ruletest.WCXBDocs(t, "pages", document.Meta{})
	m := mustParseModel(lineModelText)
	if m.flat.fixed() == nil {
		t.Fatal("the embedded trees are not walked in the fixed layout")
	}
	for _, d := range docs {
		a := newAnalysis(d)
		x := a.features(m.lexIdx, a.scoredByRule, nil)
		out := make([]float32, len(x))
		m.predictAll(x, out)
		for i, row := range x {
			if row == nil {
				continue
			}
			if want := walkTrees(m, row); out[i] != want {
				t.Fatalf("%s line %d: fixed walk %v, node walk %v", d.Path, i, out[i], want)
			}
		}
	}
}

// modelEvidenceReference is the evidence as the rule wrote it with fmt
// and strings.Join, before modelMessage.
func modelEvidenceReference(a *analysis, ci int) string {
	c := a.cands[ci]
	var parts []string
	words := wordCount(c.norm)
	switch {
	case a.blocks[c.block].good:
		parts = append(parts, "a paragraph")
	case !endsSentence(c.text) && words <= shortMaxWords:
		parts = append(parts, "short line without sentence end")
	case !endsSentence(c.text):
		parts = append(parts, "unpunctuated line")
	default:
		parts = append(parts, "line")
	}
	parts = append(parts, a.position(c.block))
	if a.ctx != nil {
		if a.ctx.near(ci) {
			parts = append(parts, "next to proven furniture")
		} else if a.ctx.navRun[ci] >= navRunMin {
			parts = append(parts, fmt.Sprintf("in a run of %d short lines", a.ctx.navRun[ci]))
		}
	}
	return strings.Join(parts, ", ")
}

// TestModelMessageMatchesFmt checks the line model's message against the
// fmt.Sprintf it replaced: every line the model judges in the seeds and,
// when present, the WCXB dev pages, with its real score and with scores
// around every rounding boundary of two decimals.
func TestModelMessageMatchesFmt(t *testing.T) {
	var docs []*document.Document
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		_, text := ruletest.Seed(t, n)
		docs = append(docs, document.New(n+".txt", []byte(text), document.Meta{}))
	}
	if !testing.Short() {
		paths, _ := shareddata.WCXBFiles("pages") // none without ../shared
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, document.New(p, src, document.Meta{}))
		}
	}
	var scores []float32
	for k := 0; k <= 1000; k++ {
		v := float32(k) / 1000
		scores = append(scores, v, math.Nextafter32(v, 0), math.Nextafter32(v, 2), float32(k)/1000+0.0005)
	}
	lines := 0
	for _, doc := range docs {
		a := analyse(doc)
		real := a.modelScores()
		for ci := range a.cands {
			if !a.modelJudges(ci) {
				continue
			}
			lines++
			want := fmt.Sprintf("line classifier scores furniture %.2f (%s)", real[ci], modelEvidenceReference(a, ci))
			if got := a.modelMessage(real[ci], ci); got != want {
				t.Fatalf("%s line %d: %q, want %q", doc.Path, a.cands[ci].line, got, want)
			}
		}
		if len(a.cands) > 0 {
			for _, s := range scores {
				want := fmt.Sprintf("line classifier scores furniture %.2f (%s)", s, modelEvidenceReference(a, 0))
				if got := a.modelMessage(s, 0); got != want {
					t.Fatalf("score %v: %q, want %q", s, got, want)
				}
			}
			scores = nil // once is enough
		}
	}
	if lines == 0 {
		t.Fatal("no line judged")
	}
}
