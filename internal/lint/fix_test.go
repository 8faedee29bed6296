package lint

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// Fix test rules: markers no other test text holds.
var (
	fixSafeRule = &rules.Rule{
		ID: "boilerplate/zz-fix-safe", Summary: "a QQSAFE line", Severity: rules.Warning, FixSafety: fixers.Safe,
		Run: func(p *rules.Pass) { removeLinesWith(p, "QQSAFE", fixers.Safe) },
	}
	fixUnsafeRule = &rules.Rule{
		ID: "insertion/zz-fix-unsafe", Summary: "a QQUNSAFE line", Severity: rules.Warning, FixSafety: fixers.Unsafe,
		Run: func(p *rules.Pass) { removeLinesWith(p, "QQUNSAFE", fixers.Unsafe) },
	}
	// fixRepeatRule removes a QQREPEAT line found in more than one
	// document: a corpus rule with a fix.
	fixRepeatRule = &rules.Rule{
		ID: "boilerplate/zz-fix-repeat", Summary: "a QQREPEAT line seen twice", Severity: rules.Warning, FixSafety: fixers.Safe,
		Collect: func(doc *document.Document, _ rules.Options) rules.Summary {
			seen := map[string]int{}
			for i := range doc.Lines {
				if t := string(doc.LineText(i)); strings.HasPrefix(t, "QQREPEAT") {
					seen[t] = 1
				}
			}
			return seen
		},
		Merge: func(a, b rules.Summary) rules.Summary {
			m := a.(map[string]int)
			for k, v := range b.(map[string]int) {
				m[k] += v
			}
			return m
		},
		Run: func(p *rules.Pass) {
			counts := p.Corpus.(map[string]int)
			for i := range p.Doc.Lines {
				if counts[string(p.Doc.LineText(i))] > 1 {
					p.Report(rules.Finding{Start: p.Doc.Lines[i].Start, End: p.Doc.Lines[i].End, Message: "repeated",
						Fix: &fixers.Fix{Safety: fixers.Safe, Edits: []fixers.Edit{fixers.RemoveLines(p.Doc, i, i)}}})
				}
			}
		},
	}
)

func init() { rules.Register(fixSafeRule, fixUnsafeRule, fixRepeatRule) }

func removeLinesWith(p *rules.Pass, marker string, safety fixers.Safety) {
	for i := range p.Doc.Lines {
		if bytes.Contains(p.Doc.LineText(i), []byte(marker)) {
			p.Report(rules.Finding{Start: p.Doc.Lines[i].Start, End: p.Doc.Lines[i].End, Message: marker,
				Fix: &fixers.Fix{Safety: safety, Edits: []fixers.Edit{fixers.RemoveLines(p.Doc, i, i)}}})
		}
	}
}

var fixRuleIDs = []string{fixSafeRule.ID, fixUnsafeRule.ID, fixRepeatRule.ID}

func fixAll(t *testing.T, opts Options, fo FixOptions, args ...string) ([]*Fixed, []Problem) {
	t.Helper()
	r, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	var got []*Fixed
	problems, err := r.Fix(args, fo, func(f *Fixed) error {
		got = append(got, f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got, problems
}

func TestFixSafetyAndOrder(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "keep\n\nQQSAFE\n\nQQUNSAFE\n\nkeep too\n")
	write(t, dir, "b.jsonl", `{"id":"r1","text":"x\n\nQQSAFE"}`+"\n"+`{"id":"r2","text":"clean"}`+"\n")
	for _, unsafe := range []bool{false, true} {
		got, problems := fixAll(t, Options{Jobs: 2, Only: fixRuleIDs}, FixOptions{Unsafe: unsafe}, dir)
		if len(problems) != 0 || len(got) != 3 {
			t.Fatalf("unsafe=%v: %d documents, problems %v", unsafe, len(got), problems)
		}
		want := "keep\n\nQQUNSAFE\n\nkeep too\n"
		if unsafe {
			want = "keep\n\nkeep too\n"
		}
		if s := string(got[0].Result.Src); s != want {
			t.Errorf("unsafe=%v: a.txt fixed to %q, want %q", unsafe, s, want)
		}
		if got[1].Unit.Record == nil || got[1].Unit.Record.ID != "r1" || string(got[1].Result.Src) != "x" {
			t.Errorf("record r1: %+v %q", got[1].Unit.Record, got[1].Result.Src)
		}
		if got[2].Unit.Record.ID != "r2" || got[2].Result.Changed {
			t.Errorf("record r2 changed: %q", got[2].Result.Src)
		}
		if string(got[0].Doc.Src) != "keep\n\nQQSAFE\n\nQQUNSAFE\n\nkeep too\n" {
			t.Error("Fixed.Doc is not the original document")
		}
	}
}

func TestFixCorpusRuleReadsStdinTwice(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "one\n\nQQREPEAT menu\n")
	opts := Options{Jobs: 1, Only: fixRuleIDs}
	opts.Walk.Stdin = strings.NewReader("two\n\nQQREPEAT menu\n\nQQREPEAT only here\n")
	got, _ := fixAll(t, opts, FixOptions{}, dir, "-")
	if len(got) != 2 {
		t.Fatalf("%d documents", len(got))
	}
	if s := string(got[0].Result.Src); s != "one\n" {
		t.Errorf("file: %q", s)
	}
	if s := string(got[1].Result.Src); s != "two\n\nQQREPEAT only here\n" {
		t.Errorf("stdin: %q", s)
	}
	if !got[1].Result.Settled || got[1].Result.Rounds != 1 {
		t.Errorf("stdin: settled %v after %d rounds", got[1].Result.Settled, got[1].Result.Rounds)
	}
}

func TestFixPriorityFollowsFamilies(t *testing.T) {
	if FixPriority(fixSafeRule) >= FixPriority(fixUnsafeRule) {
		t.Error("boilerplate should go before insertion")
	}
	if FixPriority(&rules.Rule{ID: "text/x"}) <= FixPriority(fixUnsafeRule) {
		t.Error("text corrections should go after removals")
	}
}
