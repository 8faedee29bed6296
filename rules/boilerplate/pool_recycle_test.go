package boilerplate

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/lint"
	"github.com/dochygiene/hygiene/internal/lint/linttest"
	"github.com/dochygiene/hygiene/internal/testutil"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// TestRecycledCandidatesFindWhatNewOnesFind runs the family on the WCXB
// dev pages one document after the other, dropping each document's state
// as the runner does (so each analysis takes the candidates of an
// earlier one), and compares every finding with a run on fresh documents
// whose analyses are never recycled.
func TestRecycledCandidatesFindWhatNewOnesFind(t *testing.T) {
	fresh, _ := ruletest.WCXBDocs(t, "pages", document.Meta{Source: "wcxb"})
	reused, _ := ruletest.WCXBDocs(t, "pages", document.Meta{Source: "wcxb"})
	if len(fresh) == 0 {
		t.Skip("no WCXB data")
	}
	rs := familyRules()
	run := func(d *document.Document) []string {
		var out []string
		for _, r := range rs {
			r.Run(rules.NewPass(r, d, nil, nil, r.Severity, func(f rules.Finding) {
				out = append(out, fmt.Sprintf("%s@%d-%d %q", r.ID, f.Start, f.End, f.Message))
			}))
		}
		return out
	}
	for i := range fresh {
		want := run(fresh[i])
		got := run(reused[i])
		reused[i].DropState()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("page %d: findings with recycled candidates differ:\n%v\nwant\n%v", i, got, want)
		}
	}
}

// TestRecycledAnalysesAreNeverRead runs the family through the runner at
// two workers over the seeds and the WCXB dev texts, as plain files and as
// JSON Lines records, in both modes (run it with -race), once with every
// dropped analysis' slices poisoned and then recycled (candidates,
// blocks, block marks, structure verdicts and context), and once with
// nothing recycled: the findings must be the same. A rule that read an
// analysis after its document was dropped, or another document's slices,
// would judge poisoned lines and blocks (and the race detector would see
// the poisoning write); an analysis that relied on a recycled slice being
// fresh would find something else.
func TestRecycledAnalysesAreNeverRead(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the family over every WCXB dev text eight times")
	}
	plain, jsonl := testutil.WriteCorpus(t, testutil.RealTexts(t, filepath.Join("..", "..")), t.TempDir())
	var recycled atomic.Int64
	poison := func(a *analysis) {
		recycled.Add(1)
		poisonAnalysis(a)
		recycleAnalysis(a)
	}
	keep := func(max int) {
		freeCandidates.Max, freeBlocks.Max, freeVerdicts.Max, freeBools.Max, freeInts.Max = max, max, max, max, max
	}
	defer func() { analyses.Recycle = recycleAnalysis; keep(0); freeBools.Max = 24 }()
	for _, input := range []string{plain, jsonl} {
		for _, perDoc := range []bool{true, false} {
			name := filepath.Base(input) + " per-document=" + strconv.FormatBool(perDoc)
			analyses.Recycle = nil
			keep(-1)
			want := familyFindings(t, perDoc, input)
			analyses.Recycle = poison
			keep(0)
			freeBools.Max = 24
			recycled.Store(0)
			got := familyFindings(t, perDoc, input)
			if !slices.Equal(got, want) {
				t.Errorf("%s: findings with recycled analyses differ", name)
			}
			if recycled.Load() == 0 {
				t.Errorf("%s: no analysis was recycled", name)
			}
		}
	}
}

// poisonAnalysis fills the slices recycleAnalysis hands on with values no
// analysis makes.
func poisonAnalysis(a *analysis) {
	for i := range a.cands {
		a.cands[i] = candidate{line: 1 << 30, block: 1 << 30, words: 1 << 30, norm: "poisoned", compound: true}
	}
	for i := range a.blocks {
		a.blocks[i] = blockInfo{words: 1 << 30, stops: 1 << 30, good: true}
	}
	for i := range a.verdicts {
		a.verdicts[i] = structureVerdict{rules.Error, "poisoned"}
	}
	bools := [][]bool{a.matched, a.notes}
	ints := [][]int{}
	if ctx := a.ctx; ctx != nil {
		bools = append(bools, ctx.proven, ctx.navDistinct, ctx.outside, ctx.nearCopy, ctx.details, ctx.phone)
		ints = append(ints, ctx.run, ctx.navRun, ctx.provenBefore)
	}
	for _, s := range bools {
		for i := range s {
			s[i] = !s[i]
		}
	}
	for _, s := range ints {
		for i := range s {
			s[i] = -1 << 30
		}
	}
}

// familyFindings runs the family at two workers over input.
func familyFindings(t *testing.T, perDoc bool, input string) []string {
	t.Helper()
	return linttest.Findings(t, lint.Options{Jobs: 2, PerDocument: perDoc, Only: []string{"boilerplate"}}, input)
}
