package lint

import (
	"sync"
	"testing"
	"time"

	"github.com/dochygiene/hygiene/rules"
)

// Prepare test rules: the enabled one's table must be loaded before its
// first Run reads it, the disabled one's never.
var (
	prepEnabledOnce, prepDisabledOnce sync.Once
	prepEnabledLoaded                 bool
	prepDisabledCalls                 int
	prepEnabledCalled                 = make(chan struct{}, 8)

	prepEnabledRule = &rules.Rule{
		ID: "text/zz-prepare-on", Summary: "reads a table Prepare loads", Severity: rules.Warning,
		Prepare: func() {
			prepEnabledCalled <- struct{}{}
			prepEnabledOnce.Do(func() { prepEnabledLoaded = true })
		},
		Run: func(p *rules.Pass) {
			// What a rule does: load on first use, whether or not
			// Prepare ran first.
			prepEnabledOnce.Do(func() { prepEnabledLoaded = true })
			if !prepEnabledLoaded {
				p.Report(rules.Finding{Start: 0, End: 0, Message: "table not loaded"})
			}
		},
	}
	prepDisabledRule = &rules.Rule{
		ID: "text/zz-prepare-off", Summary: "never enabled in the test", Severity: rules.Warning,
		Prepare: func() { prepDisabledOnce.Do(func() { prepDisabledCalls++ }) },
		Run:     func(*rules.Pass) {},
	}
)

func init() { rules.Register(prepEnabledRule, prepDisabledRule) }

func TestPrepareRunsOnlyEnabledRules(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "One paragraph of text.\n")
	r, err := New(Options{Jobs: 2, Only: []string{prepEnabledRule.ID}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Lint([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Report.Items); n != 0 {
		t.Errorf("%d findings, want none: %+v", n, res.Report.Items)
	}
	select {
	case <-prepEnabledCalled:
	case <-time.After(10 * time.Second):
		t.Fatal("Prepare of the enabled rule was never called")
	}
	prepDisabledOnce.Do(func() {}) // waits for a Prepare still running
	if prepDisabledCalls != 0 {
		t.Errorf("Prepare of a rule that is not enabled ran %d times", prepDisabledCalls)
	}
}
