package boilerplate

import (
	"math"
	"sync"
)

// The trees of the shipped model are all of depth fixedDepth: for them
// predictAll walks a layout whose every index the compiler can prove in
// range, so the walk has no bounds checks and frees the registers they
// took for the eight rows' indices (the general batch walk spilled them
// to the stack).

// fixedDepth is the depth of the trees walked in the fixed layout, and
// fixedSlots the room for one tree's inner nodes (2^depth - 1, the last
// slot unused) or leaves (2^depth).
const (
	fixedDepth = 5
	fixedSlots = 1 << fixedDepth
)

// fixedTree is one tree with its nodes numbered from 1 in heap order:
// the children of node i are 2i and 2i+1 (one instruction per step), the
// inner nodes 1 to fixedSlots-1 and the leaves fixedSlots to
// 2*fixedSlots-1, each stored at its number modulo fixedSlots. A row goes
// right at inner node i when its feature feature[i] is above
// threshold[i]. The features and thresholds are apart so that each is
// read straight from its index; a feature number of one byte indexes the
// rows' array of 256 features per row with no bounds check.
type fixedTree struct {
	feature   [fixedSlots]uint8
	threshold [fixedSlots]float32
	leaf      [fixedSlots]float32
}

// fixedRows holds the features of batchRows rows, feature j of row r at
// j*batchRows+r, for all 256 feature numbers a fixedNode can name.
type fixedRows [256 * batchRows]float32

// fixed returns the forest in the fixed layout, nil when it does not
// apply: trees of another depth, more than 256 features, or no batch form
// (a threshold that is not finite: the walk tests x > threshold with NaN
// made +Inf, as predictBatch does).
func (f *flatForest) fixed() []fixedTree {
	f.fixedOnce.Do(func() {
		if f.depth != fixedDepth || f.batch == nil || len(featureNames) > 256 {
			return
		}
		inner, leaves := f.inner, f.inner+1
		trees := make([]fixedTree, f.trees)
		for t := range trees {
			for i, n := range f.split[t*inner : (t+1)*inner] {
				trees[t].feature[i+1] = uint8(n.feature)
				trees[t].threshold[i+1] = n.threshold
			}
			copy(trees[t].leaf[:], f.leaf[t*leaves:(t+1)*leaves])
		}
		f.fixedTrees = trees
	})
	return f.fixedTrees
}

// fixedOnceState is the lazily built fixed layout of a flatForest.
type fixedOnceState struct {
	fixedOnce  sync.Once
	fixedTrees []fixedTree
}

// predictFixed is predictBatch for trees in the fixed layout: the same
// float32 sums, tree by tree in order, and the same probabilities. xs is
// scratch for the rows' features.
func predictFixed(trees []fixedTree, base float32, x [][]float32, rows [batchRows]int, out []float32, xs *fixedRows) {
	for r, row := range rows {
		for j, v := range x[row][:min(len(x[row]), 256)] {
			if v != v {
				v = float32(math.Inf(1))
			}
			xs[j*batchRows+r] = v
		}
	}
	var sums [batchRows]float32
	for r := range sums {
		sums[r] = base
	}
	for ti := range trees {
		t := &trees[ti]
		i0, i1, i2, i3, i4, i5, i6, i7 := 1, 1, 1, 1, 1, 1, 1, 1
		for range fixedDepth {
			i0 = descendFixed(t, i0, xs, 0)
			i1 = descendFixed(t, i1, xs, 1)
			i2 = descendFixed(t, i2, xs, 2)
			i3 = descendFixed(t, i3, xs, 3)
			i4 = descendFixed(t, i4, xs, 4)
			i5 = descendFixed(t, i5, xs, 5)
			i6 = descendFixed(t, i6, xs, 6)
			i7 = descendFixed(t, i7, xs, 7)
		}
		sums[0] += fixedLeaf(t, i0)
		sums[1] += fixedLeaf(t, i1)
		sums[2] += fixedLeaf(t, i2)
		sums[3] += fixedLeaf(t, i3)
		sums[4] += fixedLeaf(t, i4)
		sums[5] += fixedLeaf(t, i5)
		sums[6] += fixedLeaf(t, i6)
		sums[7] += fixedLeaf(t, i7)
	}
	for r, s := range sums {
		out[rows[r]] = float32(1 / (1 + math.Exp(-float64(s))))
	}
}

// descendFixed is descendBatch in the fixed layout. i is below
// fixedSlots at every level: the mask changes nothing and spares the
// bounds check.
func descendFixed(t *fixedTree, i int, xs *fixedRows, r int) int {
	k := i & (fixedSlots - 1)
	right := 0
	if xs[int(t.feature[k])*batchRows+r] > t.threshold[k] {
		right = 1
	}
	return 2*i + right
}

// fixedLeaf is the value of the leaf at node i (fixedSlots <= i <
// 2*fixedSlots) of t.
func fixedLeaf(t *fixedTree, i int) float32 {
	return t.leaf[i&(fixedSlots-1)]
}
