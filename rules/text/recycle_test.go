package text

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/dochygiene/hygiene/internal/lint"
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
			if got != want {
				t.Errorf("%s: findings with recycled classes differ", name)
			}
			if recycled.Load() == 0 {
				t.Errorf("%s: no classes were recycled", name)
			}
		}
	}
}

// lintFindings runs the family at two workers over input and returns its
// findings, one a line.
func lintFindings(t *testing.T, perDoc bool, input string) string {
	t.Helper()
	r, err := lint.New(lint.Options{Jobs: 2, PerDocument: perDoc, Only: []string{"text"}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Lint([]string{input})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, it := range res.Report.Items {
		fmt.Fprintf(&b, "%s#%s %s %d-%d %q\n", filepath.Base(it.Path), it.Record, it.Rule.ID, it.Start, it.End, it.Message)
	}
	if len(res.Report.Items) == 0 {
		t.Fatalf("%s: no findings: the test shows little", input)
	}
	return b.String()
}
