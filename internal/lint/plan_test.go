package lint

import (
	"path/filepath"
	"testing"

	"github.com/dochygiene/hygiene/internal/corpus"
)

// Files under one configuration share one rule list (a list per file held
// tens of MB on a large corpus); a file under another configuration keeps
// its own.
func TestPlanSharesRuleListsOfOneConfiguration(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", "One paragraph.\n")
	b := write(t, dir, "b.txt", "Another paragraph.\n")
	write(t, dir, "sub/.hygiene.yaml", "disable: [text/zz-prepare-on]\n")
	c := write(t, dir, "sub/c.txt", "A third paragraph.\n")
	r, err := New(Options{Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	var problems []Problem
	p := r.plan([]corpus.File{{Path: a}, {Path: b}, {Path: c}}, &problems)
	if len(problems) != 0 {
		t.Fatalf("problems: %+v", problems)
	}
	ra, rb, rc := p.rules[a], p.rules[b], p.rules[c]
	if len(ra) == 0 || len(ra) != len(rb) || &ra[0] != &rb[0] {
		t.Errorf("%s and %s do not share their rule list (%d and %d rules)", filepath.Base(a), filepath.Base(b), len(ra), len(rb))
	}
	if len(rc) != len(ra)-1 {
		t.Errorf("sub/c.txt runs %d rules, want %d (one disabled)", len(rc), len(ra)-1)
	}
}
