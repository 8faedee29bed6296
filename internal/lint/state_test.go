package lint

import (
	"bytes"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/testutil"
	"github.com/dochygiene/hygiene/rules"
)

// A family's memoised state that recycles its buffers, as a real family
// would: the value is a copy of the document's text, in a buffer that is
// poisoned and pooled when the runner drops the document's state, and
// taken again for a later document. A rule that read a value after its
// document's state was dropped, or another document's value, would see
// bytes that are not its document's text (and, at -j2, the race detector
// would see the poisoning write).
var (
	memoComputes, memoRecycles, memoWrong atomic.Int64

	memoBuffers sync.Pool // of *[]byte
	textMemo    = document.Memo[*[]byte]{Recycle: func(b *[]byte) {
		memoRecycles.Add(1)
		for i := range *b {
			(*b)[i] = 0xFF
		}
		memoBuffers.Put(b)
	}}
)

func textCopy(doc *document.Document) *[]byte {
	memoComputes.Add(1)
	b, _ := memoBuffers.Get().(*[]byte)
	if b == nil {
		b = new([]byte)
	}
	*b = append((*b)[:0], doc.Src...)
	return b
}

// checkMemo reads the document's memoised copy and counts a wrong one.
func checkMemo(doc *document.Document) {
	b := textMemo.Get(doc, textCopy)
	runtime.Gosched() // let the other worker drop and recycle meanwhile
	if !bytes.Equal(*b, doc.Src) {
		memoWrong.Add(1)
	}
}

var (
	memoRuleA = &rules.Rule{
		ID: "text/zz-test-memo-a", Summary: "reads the memoised text", Severity: rules.Info,
		Run: func(p *rules.Pass) { checkMemo(p.Doc) },
	}
	// memoRuleB reads it too, after memoRuleA, and in the corpus pass.
	memoRuleB = &rules.Rule{
		ID: "text/zz-test-memo-b", Summary: "reads the memoised text, in both passes", Severity: rules.Info,
		Collect: func(doc *document.Document, _ rules.Options) rules.Summary {
			checkMemo(doc)
			return 1
		},
		Merge: func(a, b rules.Summary) rules.Summary { return a.(int) + b.(int) },
		Run:   func(p *rules.Pass) { checkMemo(p.Doc) },
	}
)

func init() { rules.Register(memoRuleA, memoRuleB) }

// TestRecycledStateIsNeverRead runs the two memo rules at two workers over
// the seeds and the WCXB development texts, as plain files and as JSON
// Lines records, in both modes (run it with -race): every value read is
// its document's, each document computes its value once per pass (the
// second rule reads the first's), and every value is recycled exactly
// once, when the runner drops the document's state.
func TestRecycledStateIsNeverRead(t *testing.T) {
	texts := testutil.RealTexts(t, filepath.Join("..", ".."))
	plain, jsonl := testutil.WriteCorpus(t, texts, t.TempDir())
	for _, input := range []string{plain, jsonl} {
		for _, perDoc := range []bool{true, false} {
			memoComputes.Store(0)
			memoRecycles.Store(0)
			memoWrong.Store(0)
			res := lintAll(t, Options{Jobs: 2, PerDocument: perDoc, Only: []string{memoRuleA.ID, memoRuleB.ID}}, input)
			passes := int64(2)
			if perDoc {
				passes = 1
			}
			name := filepath.Base(input) + " per-document=" + strconv.FormatBool(perDoc)
			if res.Report.Documents != len(texts) {
				t.Fatalf("%s: %d documents, want %d", name, res.Report.Documents, len(texts))
			}
			if got := memoWrong.Load(); got != 0 {
				t.Errorf("%s: %d reads saw a value that was not their document's", name, got)
			}
			if got, want := memoComputes.Load(), passes*int64(len(texts)); got != want {
				t.Errorf("%s: computed %d values, want %d (one per document and pass)", name, got, want)
			}
			if got, want := memoRecycles.Load(), memoComputes.Load(); got != want {
				t.Errorf("%s: recycled %d values of %d computed", name, got, want)
			}
		}
	}
}
