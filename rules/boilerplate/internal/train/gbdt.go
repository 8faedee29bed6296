package main

import (
	"math"
	"sort"
)

// A small gradient-boosted tree learner for the logistic loss: features
// are cut into at most maxBins quantile bins once, every tree is grown
// level by level from gradient histograms (the LightGBM/XGBoost "hist"
// method, without sampling, so training is deterministic).

const maxBins = 32

// params are the boosting settings.
type params struct {
	trees    int
	depth    int
	rate     float64
	lambda   float64
	minHess  float64
	minGain  float64
	posRatio float64 // weight of positive rows (1: unweighted)
}

// node is one tree node; feature < 0 marks a leaf.
type node struct {
	feature     int
	threshold   float32
	left, right int
	value       float64
}

type ensemble struct {
	base  float64
	trees [][]node
}

// binner maps feature values to bins: bin(x) is the first edge >= x, so
// x <= edges[b] exactly when bin(x) <= b.
type binner struct{ edges [][]float32 }

func newBinner(x [][]float32, nf int) *binner {
	b := &binner{edges: make([][]float32, nf)}
	vals := make([]float32, len(x))
	for f := 0; f < nf; f++ {
		for i, row := range x {
			vals[i] = row[f]
		}
		sort.Slice(vals, func(i, j int) bool { return vals[i] < vals[j] })
		var edges []float32
		for q := 1; q < maxBins; q++ {
			v := vals[(len(vals)-1)*q/maxBins]
			if len(edges) == 0 || v > edges[len(edges)-1] {
				edges = append(edges, v)
			}
		}
		b.edges[f] = edges
	}
	return b
}

func (b *binner) bin(f int, v float32) uint8 {
	e := b.edges[f]
	return uint8(sort.Search(len(e), func(i int) bool { return e[i] >= v }))
}

// binned returns the rows' bins, row-major.
func (b *binner) binned(x [][]float32) []uint8 {
	nf := len(b.edges)
	out := make([]uint8, len(x)*nf)
	for i, row := range x {
		for f := 0; f < nf; f++ {
			out[i*nf+f] = b.bin(f, row[f])
		}
	}
	return out
}

// fit trains an ensemble on the rows idx of the binned data; rowWeight
// (nil: all 1) weighs each row.
func fit(p params, b *binner, bins []uint8, x [][]float32, y []float64, rowWeight []float64, idx []int) *ensemble {
	nf := len(b.edges)
	w := make([]float64, len(y))
	pos, tot := 0.0, 0.0
	for _, i := range idx {
		w[i] = 1
		if y[i] > 0 {
			w[i] = p.posRatio
		}
		if rowWeight != nil {
			w[i] *= rowWeight[i]
		}
		if y[i] > 0 {
			pos += w[i]
		}
		tot += w[i]
	}
	prior := math.Max(1e-6, math.Min(1-1e-6, pos/tot))
	e := &ensemble{base: math.Log(prior / (1 - prior))}
	score := make([]float64, len(y))
	for _, i := range idx {
		score[i] = e.base
	}
	g, h := make([]float64, len(y)), make([]float64, len(y))
	at := make([]int, len(y)) // node of each row in the tree being grown
	for t := 0; t < p.trees; t++ {
		for _, i := range idx {
			pr := 1 / (1 + math.Exp(-score[i]))
			g[i], h[i] = w[i]*(pr-y[i]), w[i]*pr*(1-pr)
			at[i] = 0
		}
		tree := growTree(p, b, bins, nf, g, h, at, idx)
		e.trees = append(e.trees, tree)
		for _, i := range idx {
			score[i] += predictTree(tree, x[i])
		}
	}
	return e
}

// growTree grows one tree level by level; rows move to their child node.
func growTree(p params, b *binner, bins []uint8, nf int, g, h []float64, at, idx []int) []node {
	tree := []node{{feature: -1}}
	level := []int{0}
	type split struct {
		feature, bin int
		gain         float64
	}
	for d := 0; d < p.depth && len(level) > 0; d++ {
		slot := map[int]int{}
		for s, n := range level {
			slot[n] = s
		}
		hist := make([]float64, len(level)*nf*maxBins*2)
		gsum, hsum := make([]float64, len(level)), make([]float64, len(level))
		for _, i := range idx {
			s, ok := slot[at[i]]
			if !ok {
				continue
			}
			gsum[s] += g[i]
			hsum[s] += h[i]
			row := bins[i*nf : (i+1)*nf]
			base := s * nf * maxBins * 2
			for f, bn := range row {
				k := base + (f*maxBins+int(bn))*2
				hist[k] += g[i]
				hist[k+1] += h[i]
			}
		}
		var next []int
		splits := map[int]split{}
		for s, n := range level {
			G, H := gsum[s], hsum[s]
			parent := G * G / (H + p.lambda)
			best := split{feature: -1}
			for f := 0; f < nf; f++ {
				gl, hl := 0.0, 0.0
				for bn := 0; bn < len(b.edges[f]); bn++ {
					k := s*nf*maxBins*2 + (f*maxBins+bn)*2
					gl += hist[k]
					hl += hist[k+1]
					gr, hr := G-gl, H-hl
					if hl < p.minHess || hr < p.minHess {
						continue
					}
					gain := gl*gl/(hl+p.lambda) + gr*gr/(hr+p.lambda) - parent
					if gain > best.gain+1e-12 && gain > p.minGain {
						best = split{f, bn, gain}
					}
				}
			}
			tree[n].value = -G / (H + p.lambda) * p.rate
			if best.feature < 0 {
				continue
			}
			splits[n] = best
			l, r := len(tree), len(tree)+1
			tree[n].feature, tree[n].threshold = best.feature, b.edges[best.feature][best.bin]
			tree[n].left, tree[n].right = l, r
			tree = append(tree, node{feature: -1}, node{feature: -1})
			next = append(next, l, r)
		}
		for _, i := range idx {
			if sp, ok := splits[at[i]]; ok {
				if int(bins[i*nf+sp.feature]) <= sp.bin {
					at[i] = tree[at[i]].left
				} else {
					at[i] = tree[at[i]].right
				}
			}
		}
		level = next
	}
	// Leaves of the last level get their values from their rows.
	if len(level) > 0 {
		gs, hs := map[int]float64{}, map[int]float64{}
		for _, i := range idx {
			gs[at[i]] += g[i]
			hs[at[i]] += h[i]
		}
		for _, n := range level {
			tree[n].value = -gs[n] / (hs[n] + p.lambda) * p.rate
		}
	}
	for i := range tree {
		if tree[i].feature >= 0 {
			tree[i].value = 0
		}
	}
	return tree
}

func predictTree(t []node, x []float32) float64 {
	i := 0
	for t[i].feature >= 0 {
		if x[t[i].feature] <= t[i].threshold {
			i = t[i].left
		} else {
			i = t[i].right
		}
	}
	return t[i].value
}

// predict returns the probability of furniture.
func (e *ensemble) predict(x []float32) float64 {
	s := e.base
	for _, t := range e.trees {
		s += predictTree(t, x)
	}
	return 1 / (1 + math.Exp(-s))
}

// firstTrees returns the ensemble of the first n trees: what n boosting
// rounds would have fitted.
func (e *ensemble) firstTrees(n int) *ensemble {
	return &ensemble{base: e.base, trees: e.trees[:min(n, len(e.trees))]}
}
