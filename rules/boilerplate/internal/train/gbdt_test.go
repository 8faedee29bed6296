package main

import (
	"reflect"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
)

// synthetic is a two-feature problem: positive when x0 > 5 and x1 < 2.
func synthetic() ([][]float32, []float64) {
	var x [][]float32
	var y []float64
	for i := 0; i < 400; i++ {
		a, b := float32(i%11), float32((i/11)%4)
		x = append(x, []float32{a, b})
		if a > 5 && b < 2 {
			y = append(y, 1)
		} else {
			y = append(y, 0)
		}
	}
	return x, y
}

func TestFitLearnsAnInteraction(t *testing.T) {
	x, y := synthetic()
	bn := newBinner(x, 2)
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	p := params{trees: 60, depth: 2, rate: 0.3, lambda: 1, minHess: 0.5, posRatio: 1}
	m := fit(p, bn, bn.binned(x), x, y, nil, idx)
	for i, row := range x {
		if got := m.predict(row); (got > 0.5) != (y[i] > 0) {
			t.Fatalf("row %v: p %.2f, label %v", row, got, y[i])
		}
	}
	again := fit(p, bn, bn.binned(x), x, y, nil, idx)
	if !reflect.DeepEqual(m, again) {
		t.Error("two fits on the same data differ: training must be deterministic")
	}
}

func TestBinnerEdgesSplitValues(t *testing.T) {
	x := [][]float32{{1}, {2}, {3}, {4}}
	bn := newBinner(x, 1)
	for _, row := range x {
		b := bn.bin(0, row[0])
		if int(b) < len(bn.edges[0]) && row[0] > bn.edges[0][b] {
			t.Errorf("value %v in bin %d above its edge %v", row[0], b, bn.edges[0][b])
		}
	}
}

func TestFlaggedLinesMapsViewLines(t *testing.T) {
	// View lines 0, 1, 2 are document lines 0, 2, 4 (blank lines between).
	got := flaggedLines(docOf("a\n\nb\n\nc\n"), nil)
	if len(got) != 3 {
		t.Fatalf("%d view lines, want 3", len(got))
	}
}

func docOf(text string) *document.Document {
	return document.New("t.txt", []byte(text), document.Meta{})
}
