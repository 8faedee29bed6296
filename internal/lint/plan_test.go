package lint

import (
	"testing"
)

// A file's rules come from its own configuration, resolved as the walk
// meets it: a file under another .hygiene.yaml runs its own list.
func TestPlanResolvesRulesPerConfiguration(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", "One paragraph.\n")
	write(t, dir, "sub/.hygiene.yaml", "disable: [text/zz-prepare-on]\n")
	c := write(t, dir, "sub/c.txt", "A third paragraph.\n")
	r, err := New(Options{Jobs: 1, Disable: []string{prepDisabledRule.ID}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := r.plan([]string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ra, err := p.rules.forFile(a)
	if err != nil {
		t.Fatal(err)
	}
	rc, err := p.rules.forFile(c)
	if err != nil {
		t.Fatal(err)
	}
	if len(ra) == 0 || len(rc) != len(ra)-1 {
		t.Errorf("sub/c.txt runs %d rules, a.txt %d: want one fewer (one disabled)", len(rc), len(ra))
	}
	if !p.corpus {
		t.Error("the default rules include corpus rules, but the plan has no corpus pass")
	}
}

// The corpus pass runs only when a corpus rule runs on some file: not with
// --per-document, not when every config turns the corpus rules off, but
// when only a later file's config turns them on.
func TestPlanNeedsCorpusPassOnlyForCorpusRules(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, ".hygiene.yaml", "disable: [boilerplate/zz-test-repeat, boilerplate/zz-fix-repeat]\n")
	write(t, dir, "a.txt", "One paragraph.\n")
	write(t, dir, "b.txt", "Another paragraph.\n")
	for _, tc := range []struct {
		name string
		opts Options
		want bool
	}{
		{"per-document", Options{Jobs: 1, PerDocument: true, Disable: []string{"text"}}, false},
		{"corpus rules off in every config", Options{Jobs: 1, Disable: []string{"text"}}, false},
	} {
		r, err := New(tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		p, err := r.plan([]string{dir}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if p.corpus != tc.want {
			t.Errorf("%s: corpus pass %v, want %v", tc.name, p.corpus, tc.want)
		}
	}
	write(t, dir, "z/.hygiene.yaml", "enable: [boilerplate/zz-test-repeat]\n")
	write(t, dir, "z/c.txt", "A third paragraph.\n")
	r, err := New(Options{Jobs: 1, Disable: []string{"text"}})
	if err != nil {
		t.Fatal(err)
	}
	if p, err := r.plan([]string{dir}, nil); err != nil || !p.corpus {
		t.Errorf("z/c.txt runs boilerplate/zz-test-repeat, but the plan has no corpus pass (err %v)", err)
	}
}

// RulesFor resolves a config without overrides once and shares the
// answer between its files (and directories without a config share the
// default one); a config with overrides is resolved per file, since its
// globs may pick out single files.
func TestRulesForSharesOnlyPathIndependentAnswers(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "plain/a.txt", "One paragraph.\n")
	b := write(t, dir, "plain/more/b.txt", "Two paragraphs.\n")
	write(t, dir, "over/.hygiene.yaml", "overrides:\n  - paths: [\"x*.txt\"]\n    disable: [text]\n")
	x := write(t, dir, "over/x1.txt", "Three.\n")
	y := write(t, dir, "over/y1.txt", "Four.\n")
	r, err := New(Options{Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	resolve := func(path string) []active {
		t.Helper()
		act, err := r.RulesFor(path)
		if err != nil {
			t.Fatal(err)
		}
		return act
	}
	ra, rb := resolve(a), resolve(b)
	if len(ra) == 0 || &ra[0] != &rb[0] || len(ra) != len(rb) {
		t.Errorf("two directories without a config: %d and %d rules, not one shared answer", len(ra), len(rb))
	}
	rx, ry := resolve(x), resolve(y)
	for _, act := range [][]active{rx, ry} {
		if len(act) > 0 && &act[0] == &ra[0] {
			t.Error("a file under a config with overrides got the shared default answer")
		}
	}
	if len(rx) >= len(ry) || len(ry) != len(ra) {
		t.Errorf("over/x1.txt runs %d rules, over/y1.txt %d, a.txt %d: want the text family off for x1 only", len(rx), len(ry), len(ra))
	}
	if again := resolve(x); len(again) != len(rx) {
		t.Errorf("over/x1.txt resolved again: %d rules, want %d", len(again), len(rx))
	}
}
