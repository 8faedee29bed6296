package boilerplate

import (
	"math"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// overlapTestDocs are the seeds and, when present, the WCXB dev pages and
// truth texts.
func overlapTestDocs(t *testing.T) []*document.Document {
	var docs []*document.Document
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		_, text := ruletest.Seed(t, n)
		docs = append(docs, document.New(n+".txt", []byte(text), document.Meta{}))
	}
	if !testing.Short() {
		for _, kind := range []string{"pages", "truth"} {
			more, _ := ruletest.WCXBDocs(t, kind, document.Meta{})
			docs = append(docs, more...)
		}
	}
	return docs
}

// TestBodyOverlapsKeptMatchReference holds the overlaps kept from a
// document's first call (bodyOverlaps widens it to the lines the model
// may score) to the string reference, for the calls that follow it: the
// line model's lines after the structure rule's navigation runs, every
// judged line (the trainer's set, in-body paragraphs too), and a first
// call of an arbitrary set that covers too little, so the next is
// computed afresh.
func TestBodyOverlapsKeptMatchReference(t *testing.T) {
	docs := overlapTestDocs(t)
	check := func(a *analysis, want []bool) {
		t.Helper()
		got, ref := a.bodyOverlaps(want), bodyOverlapsReference(a, want)
		for ci := range got {
			if math.Float32bits(got[ci]) != math.Float32bits(ref[ci]) {
				t.Fatalf("%s line %d (%q): overlap %v, want %v", a.doc.Path, a.cands[ci].line, a.cands[ci].text, got[ci], ref[ci])
			}
		}
	}
	kept, asked := 0, 0
	for _, d := range docs {
		a := newAnalysis(d)
		a.structure() // the navigation runs' call, when the page has them
		scored := make([]bool, len(a.cands))
		judged := make([]bool, len(a.cands))
		some := make([]bool, len(a.cands))
		for ci := range a.cands {
			scored[ci] = a.scoredByRule(ci)
			judged[ci] = a.modelJudges(ci)
			some[ci] = ci%3 == 1
		}
		if a.overlaps.covered != nil {
			asked++
			if coversAll(a.overlaps.covered, scored) {
				kept++
			}
		}
		check(a, scored)
		check(a, judged)
		check(a, some)

		b := newAnalysis(d)
		check(b, some)
		check(b, scored)
	}
	t.Logf("%d documents asked before the model: the kept overlaps covered the model's lines in %d", asked, kept)
}
