package text

import (
	"path/filepath"
	"slices"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/dochygiene/hygiene/internal/lint"
	"github.com/dochygiene/hygiene/internal/lint/linttest"
	"github.com/dochygiene/hygiene/internal/testutil"
)

// TestRecycledClassesAreNeverRead runs the family through the runner at
// two workers over the seeds and the WCXB dev texts, as plain files and as
// JSON Lines records, in both modes (run it with -race), once with the
// line classes recycled and poisoned when the runner drops a document
// (every line marked clean, so a rule reading them would pass over its
// suspect lines) and once without recycling: the findings must be the
// same.
func TestRecycledClassesAreNeverRead(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the family over every WCXB dev text four times")
	}
	plain, jsonl := testutil.WriteCorpus(t, testutil.RealTexts(t, filepath.Join("..", "..")), t.TempDir())
	inputs := []string{plain, jsonl}
	var recycled atomic.Int64
	poison := func(s []lineClass) {
		recycled.Add(1)
		for i := range s {
			s[i] = 0
		}
		classBuffers.Put(s)
	}
	defer func() { lineClassMemo.Recycle = classBuffers.Put }()
	for _, input := range inputs {
		for _, perDoc := range []bool{true, false} {
			name := filepath.Base(input) + " per-document=" + strconv.FormatBool(perDoc)
			lineClassMemo.Recycle = nil
			want := lintFindings(t, perDoc, input)
			lineClassMemo.Recycle = poison
			recycled.Store(0)
			got := lintFindings(t, perDoc, input)
			if !slices.Equal(got, want) {
				t.Errorf("%s: findings with recycled classes differ", name)
			}
			if recycled.Load() == 0 {
				t.Errorf("%s: no classes were recycled", name)
			}
		}
	}
}

// lintFindings runs the family at two workers over input.
func lintFindings(t *testing.T, perDoc bool, input string) []string {
	t.Helper()
	return linttest.Findings(t, lint.Options{Jobs: 2, PerDocument: perDoc, Only: []string{"text"}}, input)
}
