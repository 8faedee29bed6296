package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/testutil"
)

// bin is the hygiene binary built once for every test in this file: exit
// codes and streams are what users and CI see, so they are tested on the
// real process.
var bin string

func TestMain(m *testing.M) {
	testutil.MainWithHygiene(m, filepath.Join("..", ".."), &bin)
}

type result = testutil.Result

func run(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	return testutil.Run(t, bin, "", stdin, args...)
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const seeds = "../../testdata/seeds"

type jsonOut struct {
	Version   int `json:"version"`
	Documents int `json:"documents"`
	Findings  []struct {
		Path      string `json:"path"`
		Rule      string `json:"rule"`
		Severity  string `json:"severity"`
		Line      int    `json:"line"`
		Column    int    `json:"column"`
		EndLine   int    `json:"end_line"`
		EndColumn int    `json:"end_column"`
		Offset    int    `json:"offset"`
		EndOffset int    `json:"end_offset"`
	} `json:"findings"`
}

func TestSeedsLintEndToEnd(t *testing.T) {
	r := run(t, "", "lint", "--format", "json", seeds)
	if r.Code != 1 {
		t.Fatalf("exit %d, want 1 (the seeds are dirty); stderr: %s", r.Code, r.Stderr)
	}
	var out jsonOut
	if err := json.Unmarshal([]byte(r.Stdout), &out); err != nil {
		t.Fatalf("JSON output does not parse: %v", err)
	}
	if out.Version != 1 || out.Documents != 5 || len(out.Findings) == 0 {
		t.Fatalf("version %d, documents %d, findings %d", out.Version, out.Documents, len(out.Findings))
	}
	for _, f := range out.Findings {
		if !strings.HasPrefix(f.Path, filepath.Join(seeds, "0")) {
			t.Errorf("path %q should be the directory argument joined with the file name", f.Path)
		}
		src, err := os.ReadFile(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		if f.Offset < 0 || f.EndOffset > len(src) || f.Offset > f.EndOffset {
			t.Errorf("%s %s: offsets [%d,%d) out of bounds", f.Path, f.Rule, f.Offset, f.EndOffset)
		}
		if f.Line < 1 || f.EndLine < f.Line || f.Column < 1 {
			t.Errorf("%s %s: bad position %d:%d-%d:%d", f.Path, f.Rule, f.Line, f.Column, f.EndLine, f.EndColumn)
		}
	}
}

func TestTextFormatAndSummary(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "a.txt", "An article ends here.\n\nLogin\n")
	r := run(t, "", "lint", p)
	if r.Code != 1 {
		t.Fatalf("exit %d; stderr %s", r.Code, r.Stderr)
	}
	want := p + ":3:1: error boilerplate/login-prompt: "
	if !strings.HasPrefix(r.Stdout, want) {
		t.Errorf("output %q does not start with %q", r.Stdout, want)
	}
	if !strings.Contains(r.Stdout, "1 finding (1 error, 0 warning, 0 info) in 1 document") {
		t.Errorf("missing summary line: %q", r.Stdout)
	}
	if strings.Contains(r.Stdout, "\x1b[") {
		t.Error("colour codes when stdout is not a terminal")
	}
	if r := run(t, "", "lint", "--color", "always", p); !strings.Contains(r.Stdout, "\x1b[") {
		t.Error("--color always should colour")
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	clean := write(t, dir, "clean.txt", "A clean article about the weather.\n\nIt rained all day, and then it stopped.\n")
	dirty := write(t, dir, "dirty.txt", "A short article.\n\nLogin\n")
	cases := []struct {
		name string
		args []string
		code int
	}{
		{"clean file", []string{"lint", clean}, 0},
		{"dirty file", []string{"lint", dirty}, 1},
		{"fail-level none", []string{"lint", "--fail-level", "none", dirty}, 0},
		{"fail-level error counts the error", []string{"lint", "--fail-level", "error", dirty}, 1},
		{"missing path", []string{"lint", filepath.Join(dir, "nope.txt"), clean}, 2},
		{"unknown format", []string{"lint", "--format", "yaml", clean}, 2},
		{"unknown rule", []string{"lint", "--only", "text/nope", clean}, 2},
		{"bad fail level", []string{"lint", "--fail-level", "loud", clean}, 2},
		{"bad date", []string{"lint", "--date", "4 Sept", clean}, 2},
		{"unknown flag", []string{"lint", "--nope", clean}, 2},
		{"only other family", []string{"lint", "--only", "footnotes", dirty}, 0},
		{"disable the rule", []string{"lint", "--disable", "boilerplate/login-prompt", dirty}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if r := run(t, "", c.args...); r.Code != c.code {
				t.Errorf("exit %d, want %d; stderr: %s", r.Code, c.code, r.Stderr)
			}
		})
	}
}

func TestMissingPathStillLintsTheRest(t *testing.T) {
	dir := t.TempDir()
	dirty := write(t, dir, "dirty.txt", "Text.\n\nLogin\n")
	missing := filepath.Join(dir, "missing.txt")
	r := run(t, "", "lint", missing, dirty)
	if r.Code != 2 {
		t.Fatalf("exit %d, want 2", r.Code)
	}
	if !strings.Contains(r.Stderr, missing) || !strings.Contains(r.Stderr, "no such file") {
		t.Errorf("stderr should name the missing file and the cause: %q", r.Stderr)
	}
	if !strings.Contains(r.Stdout, "boilerplate/login-prompt") {
		t.Error("the readable file was not linted")
	}
}

func TestBadInputNeverPanics(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "binary.txt", "PK\x03\x04\x00\x00binary")
	write(t, dir, "latin1.txt", "Caf\xe9 au lait.\n\nLogin\n")
	write(t, dir, "crlf.txt", "\ufeffTitle\r\n\r\nBody text here.\r\n\r\nLogin\r\n")
	write(t, dir, "empty.txt", "")
	write(t, dir, "huge-line.txt", strings.Repeat("word ", 400000)+"\n")
	r := run(t, "", "lint", "--format", "json", dir)
	if strings.Contains(r.Stderr, "panic") || strings.Contains(r.Stderr, "goroutine") {
		t.Fatalf("crash: %s", r.Stderr)
	}
	if r.Code != 1 {
		t.Errorf("exit %d, want 1 (findings; a binary file is a note, not an error); stderr %s", r.Code, r.Stderr)
	}
	if !strings.Contains(r.Stderr, "binary.txt") || !strings.Contains(r.Stderr, "binary") {
		t.Errorf("binary file should be skipped with a note naming it: %q", r.Stderr)
	}
	var out jsonOut
	if err := json.Unmarshal([]byte(r.Stdout), &out); err != nil {
		t.Fatal(err)
	}
	if out.Documents != 4 {
		t.Errorf("documents %d, want 4 (all but the binary file)", out.Documents)
	}
	for _, f := range out.Findings {
		if strings.HasSuffix(f.Path, "crlf.txt") && f.Rule == "boilerplate/login-prompt" && f.Line != 5 {
			t.Errorf("CRLF and BOM must not shift lines: login at line %d, want 5", f.Line)
		}
	}
}

func TestStdin(t *testing.T) {
	r := run(t, "Text.\n\nSign in\n", "lint", "--only", "boilerplate/login-prompt", "-")
	if r.Code != 1 || !strings.HasPrefix(r.Stdout, "-:3:1: error boilerplate/login-prompt") {
		t.Errorf("exit %d, stdout %q", r.Code, r.Stdout)
	}
}

func TestConfigErrorsAndDiscovery(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "sub/a.txt", "Text.\n\nLogin\n")
	write(t, dir, ".hygiene.yaml", "disable: [boilerplate/login-prompt]\n")
	if r := run(t, "", "lint", p); r.Code != 0 {
		t.Errorf("the nearest .hygiene.yaml above the file should disable the rule: exit %d, %s", r.Code, r.Stdout)
	}
	bad := write(t, dir, "bad.yaml", "enable: [text]\nseverty: {}\n")
	r := run(t, "", "lint", "--config", bad, p)
	if r.Code != 2 || !strings.Contains(r.Stderr, bad+":2:") || !strings.Contains(r.Stderr, "severty") {
		t.Errorf("bad config: exit %d, stderr %q (want file:line and the key)", r.Code, r.Stderr)
	}
}

func TestDeclaredRuleFromConfig(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "a.txt", "The report follows.\n\nRead more at ACME\n")
	cfg := write(t, dir, "c.yaml", "declare:\n  - id: boilerplate/acme-footer\n    message: ACME footer\n    phrases: [Read more at ACME]\n")
	r := run(t, "", "lint", "--config", cfg, p)
	if r.Code != 1 || !strings.Contains(r.Stdout, "boilerplate/acme-footer: ACME footer") {
		t.Errorf("exit %d, stdout %q, stderr %q", r.Code, r.Stdout, r.Stderr)
	}
}

// TestParallelOutputIsIdentical checks that the worker count never changes
// the output.
func TestParallelOutputIsIdentical(t *testing.T) {
	for _, format := range []string{"text", "json"} {
		one := run(t, "", "lint", "--format", format, "-j", "1", seeds)
		eight := run(t, "", "lint", "--format", format, "-j", "8", seeds)
		if one.Stdout != eight.Stdout || one.Code != eight.Code {
			t.Errorf("%s: -j 1 and -j 8 differ", format)
		}
	}
}

func TestRulesExplainVersion(t *testing.T) {
	r := run(t, "", "rules", "--format", "json")
	var list []struct {
		ID, Family, Severity, Fix, Summary string
	}
	if err := json.Unmarshal([]byte(r.Stdout), &list); err != nil || len(list) == 0 {
		t.Fatalf("rules --format json: %v %q", err, r.Stdout)
	}
	for _, rule := range list {
		if !strings.HasPrefix(rule.ID, rule.Family+"/") || rule.Summary == "" {
			t.Errorf("bad rule entry %+v", rule)
		}
		ex := run(t, "", "explain", rule.ID)
		if ex.Code != 0 || !strings.Contains(ex.Stdout, "Bad:") || !strings.Contains(ex.Stdout, "Good:") {
			t.Errorf("explain %s: exit %d, want docs with a bad and a good example", rule.ID, ex.Code)
		}
	}
	if r := run(t, "", "explain", "text/nope"); r.Code != 2 {
		t.Errorf("explain of an unknown rule: exit %d, want 2", r.Code)
	}
	if r := run(t, "", "version"); r.Code != 0 || !strings.HasPrefix(r.Stdout, "hygiene ") {
		t.Errorf("version: %d %q", r.Code, r.Stdout)
	}
}

func TestConfigIncludeExcludeApplyToDirectoryWalks(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "keep/a.txt", "Text.\n\nLogin\n")
	write(t, dir, "drafts/b.txt", "Text.\n\nLogin\n")
	write(t, dir, "notes.rst", "Text.\n\nLogin\n")
	write(t, dir, ".hygiene.yaml", "exclude: [\"drafts/**\"]\ninclude: [\"*.txt\", \"*.rst\"]\n")
	var out jsonOut
	r := run(t, "", "lint", "--format", "json", dir)
	if err := json.Unmarshal([]byte(r.Stdout), &out); err != nil {
		t.Fatalf("%v: %s %s", err, r.Stdout, r.Stderr)
	}
	if out.Documents != 2 {
		t.Errorf("documents = %d, want 2 (keep/a.txt and notes.rst; drafts excluded by the config)", out.Documents)
	}
	for _, f := range out.Findings {
		if strings.Contains(f.Path, "drafts") {
			t.Errorf("excluded file linted: %s", f.Path)
		}
	}
}

func TestConfigKnowledgePathsLoadAPack(t *testing.T) {
	dir := t.TempDir()
	pack, err := filepath.Abs("../../testdata/knowledge")
	if err != nil {
		t.Fatal(err)
	}
	p := write(t, dir, "a.txt", "Keith Starmer spoke.\n")
	cfg := write(t, dir, "c.yaml", "knowledge: ["+pack+"]\n")
	if r := run(t, "", "lint", "--config", cfg, "--only", "names", p); r.Code == 2 {
		t.Fatalf("a valid knowledge path: exit 2, %s", r.Stderr)
	}
	bad := write(t, dir, "bad.yaml", "knowledge: [missing-dir]\n")
	r := run(t, "", "lint", "--config", bad, p)
	if r.Code != 2 || !strings.Contains(r.Stderr, "missing-dir") {
		t.Errorf("a missing pack directory named in the config: exit %d, stderr %q", r.Code, r.Stderr)
	}
}

func TestOnlyEnableDisableCombine(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "a.txt", "The   end <b>here</b>.\u00a0 Next.\n\nLogin\n")
	rulesIn := func(args ...string) string {
		r := run(t, "", append(append([]string{"lint", "--format", "json"}, args...), p)...)
		var out jsonOut
		if err := json.Unmarshal([]byte(r.Stdout), &out); err != nil {
			t.Fatalf("%v: %s", err, r.Stderr)
		}
		seen := map[string]bool{}
		var ids []string
		for _, f := range out.Findings {
			if !seen[f.Rule] {
				seen[f.Rule] = true
				ids = append(ids, f.Rule)
			}
		}
		return strings.Join(ids, ",")
	}
	if got := rulesIn("--only", "text", "--disable", "text/markup"); strings.Contains(got, "markup") || !strings.Contains(got, "text/whitespace") {
		t.Errorf("--only text --disable text/markup ran %q", got)
	}
	if got := rulesIn("--disable", "text", "--enable", "text/markup"); !strings.Contains(got, "text/markup") || strings.Contains(got, "text/whitespace") {
		t.Errorf("--disable text --enable text/markup ran %q", got)
	}
}
