package main

import (
	"slices"
	"testing"

	"github.com/dochygiene/hygiene/rules/boilerplate"
)

// row is a sample of kind and document doc with one proven furniture
// line in its document; paragraph makes it a real paragraph inside the
// body.
func row(kind, doc int, paragraph bool) sample {
	x := make([]float32, len(boilerplate.LineFeatureNames()))
	x[gateFeature] = 1
	if paragraph {
		x[goodBlockFeature] = 1
	}
	return sample{x: x, kind: kind, doc: doc}
}

// docHighs counts a document's sure lines over its run of rows, leaving
// out real paragraphs inside the body, and a run ends where the kind or
// the document changes (as where pool repeats the rows).
func TestDocHighs(t *testing.T) {
	rows := []sample{
		row(residue, 0, false), row(residue, 0, false), row(residue, 0, true),
		row(residue, 1, false),
		row(wholePage, 1, false), row(wholePage, 1, false),
		row(residue, 0, false),
	}
	scores := []float64{0.99, 0.5, 0.99, 0.99, 0.98, 0.99, 0.2}
	want := []int{1, 1, 1, 1, 2, 2, 0}
	if got := docHighs(rows, scores); !slices.Equal(got, want) {
		t.Errorf("docHighs = %v, want %v", got, want)
	}
	// The rule's gate: one proven line and two sure ones pass gate 2.
	for i, r := range rows {
		got := warns(r, scores[i], 0.9, 2, want[i])
		if wantWarn := scores[i] >= 0.9 && want[i] >= 2; got != wantWarn {
			t.Errorf("row %d: warns %v, want %v", i, got, wantWarn)
		}
	}
}
