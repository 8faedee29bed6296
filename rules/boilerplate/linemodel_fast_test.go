package boilerplate

import (
	"math"
	"math/rand"
	"testing"
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
