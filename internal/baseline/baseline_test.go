package baseline

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/gitdiff"
	"github.com/dochygiene/hygiene/internal/report"
	"github.com/dochygiene/hygiene/internal/testutil"
	"github.com/dochygiene/hygiene/rules"
)

// loginLine flags lines that are only "Login": a stand-in for a rule, so
// the tests do not move when real rules change.
var loginLine = &rules.Rule{
	ID: "boilerplate/test-login", Severity: rules.Error,
	Run: func(pass *rules.Pass) {
		for _, m := range regexp.MustCompile(`(?m)^Login$`).FindAllIndex(pass.Doc.Src, -1) {
			pass.Reportf(m[0], m[1], "login prompt")
		}
	},
}

func lintTexts(files map[string]string) *report.Report {
	r := &report.Report{}
	for path, text := range files {
		doc := document.New(path, []byte(text), document.Meta{})
		r.Documents++
		loginLine.Run(rules.NewPass(loginLine, doc, nil, nil, 0, func(f rules.Finding) {
			r.Items = append(r.Items, report.Locate(doc, f))
		}))
	}
	report.Sort(r.Items)
	return r
}

func lines(r *report.Report) []string {
	var out []string
	for _, it := range r.Items {
		out = append(out, it.Path+":"+itoa(it.Line))
	}
	return out
}

func itoa(n int) string { return fmt.Sprintf("%02d", n) }

func TestBaselineAcceptsOldFindingsAfterLinesMove(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	file := "baseline.json"
	before := lintTexts(map[string]string{"a.txt": "Title\n\nLogin\n\nBody text.\n", "b.txt": "Login\n"})
	if _, err := Write(file, before, "hygiene test"); err != nil {
		t.Fatal(err)
	}
	// Lines added above the old prompt, and a new prompt further down.
	after := lintTexts(map[string]string{
		"a.txt": "New intro.\nMore intro.\n\nTitle\n\nLogin\n\nBody text.\nLogin\n",
		"b.txt": "Login\n",
		"c.txt": "Login\n",
	})
	b, err := Load(file)
	if err != nil {
		t.Fatal(err)
	}
	removed := b.Filter(after)
	if removed != 2 {
		t.Errorf("removed %d, want 2 (a.txt's moved prompt and b.txt's)", removed)
	}
	got := strings.Join(lines(after), " ")
	// The two prompts of a.txt share a fingerprint: the baseline accepts
	// one of them, the other is reported.
	if got != "a.txt:09 c.txt:01" && got != "a.txt:06 c.txt:01" {
		t.Errorf("left %q", got)
	}
	if len(after.Items) != 2 {
		t.Errorf("left %d findings, want 2", len(after.Items))
	}
}

func TestBaselineIsCountAware(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "b.json")
	path := filepath.Join(dir, "x.txt")
	if _, err := Write(file, lintTexts(map[string]string{path: "Login\n"}), "t"); err != nil {
		t.Fatal(err)
	}
	b, err := Load(file)
	if err != nil {
		t.Fatal(err)
	}
	// Two identical prompts now (same text, same neighbourhood on its
	// line): one was baselined, one is new.
	r := lintTexts(map[string]string{path: "Login\n\nLogin\n"})
	if n := b.Filter(r); n != 1 || len(r.Items) != 1 {
		t.Errorf("removed %d, left %d; want 1 and 1", n, len(r.Items))
	}
}

// A baseline stores paths relative to itself: it matches when lint runs
// from another directory and names the files differently.
func TestBaselinePathsAreRelativeToTheBaseline(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "corpus"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	if _, err := Write("hygiene-baseline.json", lintTexts(map[string]string{"corpus/a.txt": "Login\n"}), "t"); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile("hygiene-baseline.json")
	if !bytes.Contains(data, []byte(`"path": "corpus/a.txt"`)) {
		t.Errorf("baseline file:\n%s", data)
	}
	t.Chdir(filepath.Join(dir, "corpus"))
	b, err := Load("../hygiene-baseline.json")
	if err != nil {
		t.Fatal(err)
	}
	r := lintTexts(map[string]string{"./a.txt": "Login\n"})
	if n := b.Filter(r); n != 1 {
		t.Errorf("removed %d, want 1", n)
	}
	// The same text in another file is not accepted.
	r = lintTexts(map[string]string{"b.txt": "Login\n"})
	if n := b.Filter(r); n != 0 {
		t.Errorf("removed %d from another file", n)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]string{
		"garbage":    "{not json",
		"version":    `{"version": 9, "findings": []}`,
		"incomplete": `{"version": 1, "findings": [{"path": "a.txt"}]}`,
	}
	want := map[string]string{
		"garbage": "not a hygiene baseline", "version": "version 9", "incomplete": "finding 1 lacks",
	}
	for name, text := range cases {
		p := filepath.Join(dir, name+".json")
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(p)
		if err == nil || !strings.Contains(err.Error(), want[name]) || !strings.Contains(err.Error(), p) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
	if _, err := Load(filepath.Join(dir, "missing.json")); err == nil || !strings.Contains(err.Error(), "--write-baseline") {
		t.Errorf("missing: err = %v", err)
	}
}

func TestWriteIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{filepath.Join(dir, "a.txt"): "Login\nx\nLogin\n", filepath.Join(dir, "b.txt"): "Login\n"}
	var outs [2][]byte
	for i := range outs {
		p := filepath.Join(dir, "b.json")
		if _, err := Write(p, lintTexts(files), "t"); err != nil {
			t.Fatal(err)
		}
		outs[i], _ = os.ReadFile(p)
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("two writes differ")
	}
	entries, _ := filepath.Glob(filepath.Join(dir, ".b.json.tmp*"))
	if len(entries) > 0 {
		t.Errorf("temporary files left: %v", entries)
	}
}

func TestGateNewFromRev(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	testutil.Git(t, dir, "init", "-q", "-b", "main")
	if err := os.WriteFile("old.txt", []byte("Login\n\nBody.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	testutil.Git(t, dir, "add", ".")
	testutil.Git(t, dir, "commit", "-q", "-m", "base")
	// A prompt added to the old file, and a new untracked source.
	if err := os.WriteFile("old.txt", []byte("Login\n\nBody.\n\nLogin\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("new.txt", []byte("Login\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := lintTexts(map[string]string{
		"old.txt": "Login\n\nBody.\n\nLogin\n", "new.txt": "Login\n", "-": "Login\n",
	})
	var notes bytes.Buffer
	g := &Gate{NewFromRev: "HEAD"}
	if _, err := g.Apply(r, &notes, false, "test"); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(lines(r), " "); got != "-:01 new.txt:01 old.txt:05" {
		t.Errorf("kept %q", got)
	}
	if !strings.Contains(notes.String(), "1 finding on lines unchanged since HEAD not shown") {
		t.Errorf("notes: %q", notes.String())
	}
	g = &Gate{NewFromRev: "nope"}
	if _, err := g.Apply(r, &notes, false, "test"); err == nil || !strings.Contains(err.Error(), "--new-from-rev") {
		t.Errorf("bad revision: err = %v", err)
	}
}

func TestFilterAddedRecords(t *testing.T) {
	added, err := gitdiff.Parse("/r", []byte("diff --git a/f.jsonl b/f.jsonl\n--- a/f.jsonl\n+++ b/f.jsonl\n@@ -5,0 +6 @@\n+{}\n"))
	if err != nil {
		t.Fatal(err)
	}
	rule := &rules.Rule{ID: "text/x"}
	r := &report.Report{Items: []report.Item{
		{Path: "/r/f.jsonl", Record: "7", Rule: rule, Line: 1, EndLine: 1},
		{Path: "/r/g.jsonl", Record: "7", Rule: rule, Line: 1, EndLine: 1},
		{Path: "/r/f.jsonl", Rule: rule, Line: 3, EndLine: 6},
		{Path: "/r/f.jsonl", Rule: rule, Line: 1, EndLine: 5},
	}}
	if n := FilterAdded(r, added); n != 2 || len(r.Items) != 2 || r.Items[0].Record != "7" || r.Items[1].Line != 3 {
		t.Errorf("dropped %d, kept %+v", n, r.Items)
	}
}

func TestGateWriteThenFilter(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "b.json")
	path := filepath.Join(dir, "a.txt")
	var notes bytes.Buffer
	written, err := (&Gate{WriteBaseline: file}).Apply(lintTexts(map[string]string{path: "Login\n"}), &notes, false, "test")
	if err != nil || !written {
		t.Fatalf("written %v, err %v", written, err)
	}
	if !strings.Contains(notes.String(), "wrote 1 finding to baseline") {
		t.Errorf("notes %q", notes.String())
	}
	r := lintTexts(map[string]string{path: "Login\n\nNew.\nLogin\n"})
	notes.Reset()
	if _, err := (&Gate{Baseline: file}).Apply(r, &notes, false, "test"); err != nil {
		t.Fatal(err)
	}
	if len(r.Items) != 1 || !strings.Contains(notes.String(), "1 finding in baseline") {
		t.Errorf("left %d, notes %q", len(r.Items), notes.String())
	}
	if _, err := (&Gate{WriteBaseline: file, NewFromRev: "HEAD"}).Apply(r, &notes, false, "t"); err == nil {
		t.Error("--write-baseline with --new-from-rev was accepted")
	}
}
