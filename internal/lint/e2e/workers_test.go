package e2e

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/dochygiene/hygiene/internal/lint"
	"github.com/dochygiene/hygiene/internal/lint/linttest"
	"github.com/dochygiene/hygiene/internal/testutil"
)

// TestTwoWorkersFindWhatOneFinds lints the seeds and the WCXB development
// pages and truth texts with every rule, at one worker and at two, in
// both modes, as plain files and as JSON Lines records: the findings must
// be the same, finding for finding (a record's as its file's). Run with
// -race, it checks that what the families keep per document (the
// boilerplate analysis, the shared scans of document.Memo) and a record's
// recycled line and text are never read by one worker while the other
// drops or recycles them.
func TestTwoWorkersFindWhatOneFinds(t *testing.T) {
	texts := testutil.RealTexts(t, filepath.Join("..", "..", ".."))
	if testing.Short() {
		texts = texts[:min(len(texts), 120)]
	}
	plain, records := testutil.WriteCorpus(t, texts, t.TempDir())
	for _, perDoc := range []bool{true, false} {
		one := linttest.Findings(t, lint.Options{Jobs: 1, PerDocument: perDoc}, plain)
		sameFindings(t, fmt.Sprintf("plain, per-document=%v, two workers", perDoc), one,
			linttest.Findings(t, lint.Options{Jobs: 2, PerDocument: perDoc}, plain))
		recordsOne := linttest.Findings(t, lint.Options{Jobs: 1, PerDocument: perDoc}, records)
		sameFindings(t, fmt.Sprintf("records, per-document=%v, two workers", perDoc), recordsOne,
			linttest.Findings(t, lint.Options{Jobs: 2, PerDocument: perDoc}, records))
		if perDoc { // corpus rules count sources, which differ between the two
			sameFindings(t, "records as files", one, recordsOne)
		}
	}
}

func sameFindings(t *testing.T, name string, want, got []string) {
	t.Helper()
	if len(want) != len(got) {
		t.Errorf("%s: %d findings, want %d", name, len(got), len(want))
	}
	for i := range min(len(want), len(got)) {
		if want[i] != got[i] {
			t.Fatalf("%s: finding %d differs:\n%s\nwant\n%s", name, i, got[i], want[i])
		}
	}
}
