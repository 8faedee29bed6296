package text

import (
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// mine are the rules this package's tests cover (text/acronym-case has its
// own tests).
var mine = []*rules.Rule{Whitespace, JoinedWords, DoubledLetter, HardWrap, Markup, Mojibake, Encoding, Normalization}

// warnings runs r on text and keeps the findings at warning or above.
func warnings(t *testing.T, r *rules.Rule, text string) []rules.Finding {
	t.Helper()
	return ruletest.AtLeast(ruletest.Run(t, r, text, nil), rules.Warning)
}

// quiet asserts that r reports nothing at warning or above on any text.
func quiet(t *testing.T, r *rules.Rule, texts ...string) {
	t.Helper()
	for _, text := range texts {
		for _, f := range warnings(t, r, text) {
			t.Errorf("%s fired on %q: %s (%q)", r.ID, text, f.Message, text[f.Start:f.End])
		}
	}
}

// flagged asserts that r reports exactly n findings at warning or above and
// returns them.
func flagged(t *testing.T, r *rules.Rule, text string, n int) []rules.Finding {
	t.Helper()
	fs := warnings(t, r, text)
	if len(fs) != n {
		var msgs []string
		for _, f := range fs {
			msgs = append(msgs, f.Message)
		}
		t.Fatalf("%s on %q: got %d findings, want %d: %v", r.ID, text, len(fs), n, msgs)
	}
	return fs
}

// applyFix applies one finding's edits to text.
func applyFix(t *testing.T, text string, f rules.Finding) string {
	t.Helper()
	if f.Fix == nil {
		t.Fatalf("%s: finding %q has no fix", f.Rule.ID, f.Message)
	}
	edits := append([]fixers.Edit(nil), f.Fix.Edits...)
	// Apply from the end so earlier offsets stay valid.
	for i := 1; i < len(edits); i++ {
		for j := i; j > 0 && edits[j].Start > edits[j-1].Start; j-- {
			edits[j], edits[j-1] = edits[j-1], edits[j]
		}
	}
	out := text
	for _, e := range edits {
		out = out[:e.Start] + e.Text + out[e.End:]
	}
	return out
}

// fixWith runs the fix engine with the given rules until the text settles.
func fixWith(t *testing.T, text string, unsafe bool, rs ...*rules.Rule) string {
	t.Helper()
	lint := func(src []byte) ([]fixers.Proposal, error) {
		doc := document.New("t.txt", src, document.Meta{})
		var props []fixers.Proposal
		for _, r := range rs {
			var corpus rules.Summary
			if r.IsCorpus() {
				corpus = r.Collect(doc, nil)
			}
			r.Run(rules.NewPass(r, doc, nil, corpus, r.Severity, func(f rules.Finding) {
				if f.Fix != nil {
					props = append(props, fixers.Proposal{Rule: r.ID, Message: f.Message, Fix: *f.Fix})
				}
			}))
		}
		return props, nil
	}
	res, err := fixers.Run([]byte(text), lint, fixers.Options{Unsafe: unsafe})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Settled {
		t.Errorf("fixing did not settle: %q", res.Src)
	}
	return string(res.Src)
}

func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }
