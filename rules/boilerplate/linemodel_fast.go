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

// fixedDepth is the depth of the trees walked in the fixed layout
// (predictFixed writes its five levels out: change both together), and
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
// [r][j], for all 256 feature numbers a fixedTree can name: a row's
// index is a constant in the walk, so a feature is read at a constant
// offset from its one-byte number, with no bounds check and no multiply.
type fixedRows [batchRows][256]float32

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
				thr := n.threshold
				if thr == 0 {
					// -0 becomes +0: the walk reads the sign
					// of threshold - x, and -0 - (+0) is -0.
					thr = 0
				}
				trees[t].threshold[i+1] = thr
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
//
// A step takes row r from inner node i to its child 2i or 2i+1: right
// when x > threshold, that is when threshold - x is below zero, so the
// sign bit of the difference is the step (no compare, and no flag to move
// to a register). The sign is exact: two different floats have a nonzero
// difference (subnormals are kept), an infinite x gives an infinite
// difference of the opposite sign, equal ones give +0 (the thresholds hold
// no -0, see fixed), and a NaN feature was made +Inf, which goes right as
// in the node walk. The compiler proves every node number in range from
// the levels written out (1 at the root, then 2-3, 4-7, 8-15, 16-31), so
// the steps need neither bounds checks nor a mask.
//
// The sums and node numbers are scalars and the five levels are written
// out: the compiler keeps only scalars in registers, a loop over the
// levels took for its counter a register the eight node numbers need (they
// were spilled to the stack at every step), and inlined calls left a
// marker instruction each. Instructions of the walk (lint -j1 on the WCXB
// pages): 1.71G with an array of sums, the level loop and a compare per
// step; 0.95G written out; 0.86G without the mask; 0.83G with the row
// copied through one pointer. User CPU of predictAll (BenchmarkPredict,
// GOMAXPROCS=1) about a quarter less: the eight walks' chains of
// dependent loads bound it more than their count of instructions.
func predictFixed(trees []fixedTree, base float32, x [][]float32, rows [batchRows]int, out []float32, xs *fixedRows) {
	for r, row := range rows {
		// The row is copied whole, and looked at feature by feature only
		// when it may hold a NaN (none of the rule's rows does): the
		// copy with a test per feature was a sixth of the walk's
		// instructions on the WCXB pages.
		src := x[row][:min(len(x[row]), len(xs[r]))]
		copy(xs[r][:], src)
		if !mayHoldNaN(src) {
			continue
		}
		dst := &xs[r]
		for j, v := range src {
			if v != v {
				dst[j] = float32(math.Inf(1))
			}
		}
	}
	s0, s1, s2, s3, s4, s5, s6, s7 := base, base, base, base, base, base, base, base
	for ti := range trees {
		t := &trees[ti]
		i0, i1, i2, i3, i4, i5, i6, i7 := 1, 1, 1, 1, 1, 1, 1, 1
		// level 1
		i0 = 2*i0 + int(math.Float32bits(t.threshold[i0]-xs[0][t.feature[i0]])>>31)
		i1 = 2*i1 + int(math.Float32bits(t.threshold[i1]-xs[1][t.feature[i1]])>>31)
		i2 = 2*i2 + int(math.Float32bits(t.threshold[i2]-xs[2][t.feature[i2]])>>31)
		i3 = 2*i3 + int(math.Float32bits(t.threshold[i3]-xs[3][t.feature[i3]])>>31)
		i4 = 2*i4 + int(math.Float32bits(t.threshold[i4]-xs[4][t.feature[i4]])>>31)
		i5 = 2*i5 + int(math.Float32bits(t.threshold[i5]-xs[5][t.feature[i5]])>>31)
		i6 = 2*i6 + int(math.Float32bits(t.threshold[i6]-xs[6][t.feature[i6]])>>31)
		i7 = 2*i7 + int(math.Float32bits(t.threshold[i7]-xs[7][t.feature[i7]])>>31)
		// level 2
		i0 = 2*i0 + int(math.Float32bits(t.threshold[i0]-xs[0][t.feature[i0]])>>31)
		i1 = 2*i1 + int(math.Float32bits(t.threshold[i1]-xs[1][t.feature[i1]])>>31)
		i2 = 2*i2 + int(math.Float32bits(t.threshold[i2]-xs[2][t.feature[i2]])>>31)
		i3 = 2*i3 + int(math.Float32bits(t.threshold[i3]-xs[3][t.feature[i3]])>>31)
		i4 = 2*i4 + int(math.Float32bits(t.threshold[i4]-xs[4][t.feature[i4]])>>31)
		i5 = 2*i5 + int(math.Float32bits(t.threshold[i5]-xs[5][t.feature[i5]])>>31)
		i6 = 2*i6 + int(math.Float32bits(t.threshold[i6]-xs[6][t.feature[i6]])>>31)
		i7 = 2*i7 + int(math.Float32bits(t.threshold[i7]-xs[7][t.feature[i7]])>>31)
		// level 3
		i0 = 2*i0 + int(math.Float32bits(t.threshold[i0]-xs[0][t.feature[i0]])>>31)
		i1 = 2*i1 + int(math.Float32bits(t.threshold[i1]-xs[1][t.feature[i1]])>>31)
		i2 = 2*i2 + int(math.Float32bits(t.threshold[i2]-xs[2][t.feature[i2]])>>31)
		i3 = 2*i3 + int(math.Float32bits(t.threshold[i3]-xs[3][t.feature[i3]])>>31)
		i4 = 2*i4 + int(math.Float32bits(t.threshold[i4]-xs[4][t.feature[i4]])>>31)
		i5 = 2*i5 + int(math.Float32bits(t.threshold[i5]-xs[5][t.feature[i5]])>>31)
		i6 = 2*i6 + int(math.Float32bits(t.threshold[i6]-xs[6][t.feature[i6]])>>31)
		i7 = 2*i7 + int(math.Float32bits(t.threshold[i7]-xs[7][t.feature[i7]])>>31)
		// level 4
		i0 = 2*i0 + int(math.Float32bits(t.threshold[i0]-xs[0][t.feature[i0]])>>31)
		i1 = 2*i1 + int(math.Float32bits(t.threshold[i1]-xs[1][t.feature[i1]])>>31)
		i2 = 2*i2 + int(math.Float32bits(t.threshold[i2]-xs[2][t.feature[i2]])>>31)
		i3 = 2*i3 + int(math.Float32bits(t.threshold[i3]-xs[3][t.feature[i3]])>>31)
		i4 = 2*i4 + int(math.Float32bits(t.threshold[i4]-xs[4][t.feature[i4]])>>31)
		i5 = 2*i5 + int(math.Float32bits(t.threshold[i5]-xs[5][t.feature[i5]])>>31)
		i6 = 2*i6 + int(math.Float32bits(t.threshold[i6]-xs[6][t.feature[i6]])>>31)
		i7 = 2*i7 + int(math.Float32bits(t.threshold[i7]-xs[7][t.feature[i7]])>>31)
		// level 5
		i0 = 2*i0 + int(math.Float32bits(t.threshold[i0]-xs[0][t.feature[i0]])>>31)
		i1 = 2*i1 + int(math.Float32bits(t.threshold[i1]-xs[1][t.feature[i1]])>>31)
		i2 = 2*i2 + int(math.Float32bits(t.threshold[i2]-xs[2][t.feature[i2]])>>31)
		i3 = 2*i3 + int(math.Float32bits(t.threshold[i3]-xs[3][t.feature[i3]])>>31)
		i4 = 2*i4 + int(math.Float32bits(t.threshold[i4]-xs[4][t.feature[i4]])>>31)
		i5 = 2*i5 + int(math.Float32bits(t.threshold[i5]-xs[5][t.feature[i5]])>>31)
		i6 = 2*i6 + int(math.Float32bits(t.threshold[i6]-xs[6][t.feature[i6]])>>31)
		i7 = 2*i7 + int(math.Float32bits(t.threshold[i7]-xs[7][t.feature[i7]])>>31)
		s0 += fixedLeaf(t, i0)
		s1 += fixedLeaf(t, i1)
		s2 += fixedLeaf(t, i2)
		s3 += fixedLeaf(t, i3)
		s4 += fixedLeaf(t, i4)
		s5 += fixedLeaf(t, i5)
		s6 += fixedLeaf(t, i6)
		s7 += fixedLeaf(t, i7)
	}
	for r, s := range [batchRows]float32{s0, s1, s2, s3, s4, s5, s6, s7} {
		out[rows[r]] = float32(1 / (1 + math.Exp(-float64(s))))
	}
}

// fixedLeaf is the value of the leaf at node i (fixedSlots <= i <
// 2*fixedSlots) of t.
func fixedLeaf(t *fixedTree, i int) float32 {
	return t.leaf[i&(fixedSlots-1)]
}

// mayHoldNaN reports whether x may hold a NaN: false means it holds none.
// A NaN added to a sum keeps it NaN, so a NaN in x makes one of the four
// sums NaN; a sum of +Inf and -Inf is NaN too, which only sends a row
// without NaN to the test per feature. The four sums are independent
// additions, eight features a round: about two instructions a feature,
// where the copy with a test per feature took eight.
func mayHoldNaN(x []float32) bool {
	var s0, s1, s2, s3 float32
	for ; len(x) >= 8; x = x[8:] {
		s0 += x[0]
		s1 += x[1]
		s2 += x[2]
		s3 += x[3]
		s0 += x[4]
		s1 += x[5]
		s2 += x[6]
		s3 += x[7]
	}
	for _, v := range x {
		s0 += v
	}
	s := s0 + s1 + s2 + s3
	return s != s
}
