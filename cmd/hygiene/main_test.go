package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// bin is the hygiene binary built once for every test in this file: exit
// codes and streams are what users and CI see, so they are tested on the
// real process.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "hygiene-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin = filepath.Join(dir, "hygiene")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building hygiene:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code, out.String(), errb.String()}
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
	if r.code != 1 {
		t.Fatalf("exit %d, want 1 (the seeds are dirty); stderr: %s", r.code, r.stderr)
	}
	var out jsonOut
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
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
	if r.code != 1 {
		t.Fatalf("exit %d; stderr %s", r.code, r.stderr)
	}
	want := p + ":3:1: error boilerplate/login-prompt: "
	if !strings.HasPrefix(r.stdout, want) {
		t.Errorf("output %q does not start with %q", r.stdout, want)
	}
	if !strings.Contains(r.stdout, "1 finding (1 error, 0 warning, 0 info) in 1 document") {
		t.Errorf("missing summary line: %q", r.stdout)
	}
	if strings.Contains(r.stdout, "\x1b[") {
		t.Error("colour codes when stdout is not a terminal")
	}
	if r := run(t, "", "lint", "--color", "always", p); !strings.Contains(r.stdout, "\x1b[") {
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
			if r := run(t, "", c.args...); r.code != c.code {
				t.Errorf("exit %d, want %d; stderr: %s", r.code, c.code, r.stderr)
			}
		})
	}
}

func TestMissingPathStillLintsTheRest(t *testing.T) {
	dir := t.TempDir()
	dirty := write(t, dir, "dirty.txt", "Text.\n\nLogin\n")
	missing := filepath.Join(dir, "missing.txt")
	r := run(t, "", "lint", missing, dirty)
	if r.code != 2 {
		t.Fatalf("exit %d, want 2", r.code)
	}
	if !strings.Contains(r.stderr, missing) || !strings.Contains(r.stderr, "no such file") {
		t.Errorf("stderr should name the missing file and the cause: %q", r.stderr)
	}
	if !strings.Contains(r.stdout, "boilerplate/login-prompt") {
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
	if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine") {
		t.Fatalf("crash: %s", r.stderr)
	}
	if r.code != 1 {
		t.Errorf("exit %d, want 1 (findings; a binary file is a note, not an error); stderr %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "binary.txt") || !strings.Contains(r.stderr, "binary") {
		t.Errorf("binary file should be skipped with a note naming it: %q", r.stderr)
	}
	var out jsonOut
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
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
	if r.code != 1 || !strings.HasPrefix(r.stdout, "-:3:1: error boilerplate/login-prompt") {
		t.Errorf("exit %d, stdout %q", r.code, r.stdout)
	}
}

func TestConfigErrorsAndDiscovery(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "sub/a.txt", "Text.\n\nLogin\n")
	write(t, dir, ".hygiene.yaml", "disable: [boilerplate/login-prompt]\n")
	if r := run(t, "", "lint", p); r.code != 0 {
		t.Errorf("the nearest .hygiene.yaml above the file should disable the rule: exit %d, %s", r.code, r.stdout)
	}
	bad := write(t, dir, "bad.yaml", "enable: [text]\nseverty: {}\n")
	r := run(t, "", "lint", "--config", bad, p)
	if r.code != 2 || !strings.Contains(r.stderr, bad+":2:") || !strings.Contains(r.stderr, "severty") {
		t.Errorf("bad config: exit %d, stderr %q (want file:line and the key)", r.code, r.stderr)
	}
}

func TestDeclaredRuleFromConfig(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "a.txt", "The report follows.\n\nRead more at ACME\n")
	cfg := write(t, dir, "c.yaml", "declare:\n  - id: boilerplate/acme-footer\n    message: ACME footer\n    phrases: [Read more at ACME]\n")
	r := run(t, "", "lint", "--config", cfg, p)
	if r.code != 1 || !strings.Contains(r.stdout, "boilerplate/acme-footer: ACME footer") {
		t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

// TestParallelOutputIsIdentical checks that the worker count never changes
// the output.
func TestParallelOutputIsIdentical(t *testing.T) {
	for _, format := range []string{"text", "json"} {
		one := run(t, "", "lint", "--format", format, "-j", "1", seeds)
		eight := run(t, "", "lint", "--format", format, "-j", "8", seeds)
		if one.stdout != eight.stdout || one.code != eight.code {
			t.Errorf("%s: -j 1 and -j 8 differ", format)
		}
	}
}

func TestRulesExplainVersion(t *testing.T) {
	r := run(t, "", "rules", "--format", "json")
	var list []struct {
		ID, Family, Severity, Fix, Summary string
	}
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil || len(list) == 0 {
		t.Fatalf("rules --format json: %v %q", err, r.stdout)
	}
	for _, rule := range list {
		if !strings.HasPrefix(rule.ID, rule.Family+"/") || rule.Summary == "" {
			t.Errorf("bad rule entry %+v", rule)
		}
		ex := run(t, "", "explain", rule.ID)
		if ex.code != 0 || !strings.Contains(ex.stdout, "Bad:") || !strings.Contains(ex.stdout, "Good:") {
			t.Errorf("explain %s: exit %d, want docs with a bad and a good example", rule.ID, ex.code)
		}
	}
	if r := run(t, "", "explain", "text/nope"); r.code != 2 {
		t.Errorf("explain of an unknown rule: exit %d, want 2", r.code)
	}
	if r := run(t, "", "version"); r.code != 0 || !strings.HasPrefix(r.stdout, "hygiene ") {
		t.Errorf("version: %d %q", r.code, r.stdout)
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
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v: %s %s", err, r.stdout, r.stderr)
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
	if r := run(t, "", "lint", "--config", cfg, "--only", "names", p); r.code == 2 {
		t.Fatalf("a valid knowledge path: exit 2, %s", r.stderr)
	}
	bad := write(t, dir, "bad.yaml", "knowledge: [missing-dir]\n")
	r := run(t, "", "lint", "--config", bad, p)
	if r.code != 2 || !strings.Contains(r.stderr, "missing-dir") {
		t.Errorf("a missing pack directory named in the config: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestOnlyEnableDisableCombine(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "a.txt", "The   end <b>here</b>.\u00a0 Next.\n\nLogin\n")
	rulesIn := func(args ...string) string {
		r := run(t, "", append(append([]string{"lint", "--format", "json"}, args...), p)...)
		var out jsonOut
		if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
			t.Fatalf("%v: %s", err, r.stderr)
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
