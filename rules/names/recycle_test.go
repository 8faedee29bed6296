package names

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

// TestRecycledSpansAreNeverRead runs the family through the runner at two
// workers over the seeds and the WCXB dev texts, as plain files and as
// JSON Lines records, in both modes (run it with -race), once with the
// spans recycled and poisoned when the runner drops a document (a span
// that points past every document's tokens) and the variant rule's names
// reused (cleared when given back), and once without either: the findings
// must be the same. A rule that read its spans after its document was
// dropped, or another document's spans, would find other names or fail on
// the poisoned ones (and the race detector would see the poisoning write).
func TestRecycledSpansAreNeverRead(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the family over every WCXB dev text four times")
	}
	plain, jsonl := testutil.WriteCorpus(t, testutil.RealTexts(t, filepath.Join("..", "..")), t.TempDir())
	inputs := []string{plain, jsonl}
	var recycled atomic.Int64
	poison := func(s []span) {
		recycled.Add(1)
		for i := range s {
			s[i] = span{first: 1 << 30, end: 1<<30 + 2, block: 1 << 30}
		}
		spanBuffers.Put(s)
	}
	defer func() { spanMemo.Recycle, fullNameBuffers.Max = spanBuffers.Put, 0 }()
	for _, input := range inputs {
		for _, perDoc := range []bool{true, false} {
			name := filepath.Base(input) + " per-document=" + strconv.FormatBool(perDoc)
			spanMemo.Recycle, fullNameBuffers.Max = nil, -1
			want := lintFindings(t, perDoc, input)
			spanMemo.Recycle, fullNameBuffers.Max = poison, 0
			recycled.Store(0)
			got := lintFindings(t, perDoc, input)
			if !slices.Equal(got, want) {
				t.Errorf("%s: findings with recycled spans differ", name)
			}
			if recycled.Load() == 0 {
				t.Errorf("%s: no spans were recycled", name)
			}
		}
	}
}

// lintFindings runs the family at two workers over input.
func lintFindings(t *testing.T, perDoc bool, input string) []string {
	t.Helper()
	return linttest.Findings(t, lint.Options{Jobs: 2, PerDocument: perDoc, Only: []string{"names"}}, input)
}
