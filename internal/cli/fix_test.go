package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/testutil"
)

// The fix command is tested on the built binary: exit codes, streams and
// files are what users and CI see. TestMain builds it once.
var fxBin string

func TestMain(m *testing.M) {
	testutil.MainWithHygiene(m, filepath.Join("..", ".."), &fxBin)
}

// fxOnly keeps the tests independent of rules still being tuned: these
// two have fixed, well-understood fixes.
const fxOnly = "--only=boilerplate/login-prompt,text/whitespace"

const fxDirtyFixed = "Title of the piece\n\nFirst paragraph. It continues here.\n\nSecond paragraph with a zerowidth space.\n"

type fxResult = testutil.Result

func fxRun(t *testing.T, dir, stdin string, args ...string) fxResult {
	t.Helper()
	return testutil.Run(t, fxBin, dir, stdin, args...)
}

func fxFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "fix", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func fxWrite(t *testing.T, path string, data []byte, perm os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, perm); err != nil {
		t.Fatal(err)
	}
}

func fxRead(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// fxCorpus lays out a small corpus: a directory with nested files (one
// dirty, one clean, one binary) and a separate dirty file.
func fxCorpus(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	fxWrite(t, filepath.Join(root, "in", "a", "dirty.txt"), fxFixture(t, "dirty.txt"), 0o640)
	fxWrite(t, filepath.Join(root, "in", "clean.md"), fxFixture(t, "clean.txt"), 0o644)
	fxWrite(t, filepath.Join(root, "in", "b", "binary.txt"), []byte("bin\x00ary"), 0o644)
	fxWrite(t, filepath.Join(root, "single.txt"), fxFixture(t, "dirty.txt"), 0o644)
	return root
}

func TestFixToStdout(t *testing.T) {
	root := fxCorpus(t)
	r := fxRun(t, root, "", "fix", fxOnly, "single.txt")
	if r.Code != 0 || r.Stdout != fxDirtyFixed {
		t.Fatalf("file: code %d, stdout %q, stderr %s", r.Code, r.Stdout, r.Stderr)
	}
	if !strings.Contains(r.Stderr, "hygiene: fix: 1 of 1 files changed; ") || !strings.Contains(r.Stderr, "boilerplate/login-prompt 1") {
		t.Errorf("summary line: %q", r.Stderr)
	}
	if got := fxRead(t, filepath.Join(root, "single.txt")); got != string(fxFixture(t, "dirty.txt")) {
		t.Error("the input was modified")
	}
	for _, args := range [][]string{{"fix", fxOnly, "-"}, {"fix", fxOnly}} {
		r = fxRun(t, root, string(fxFixture(t, "dirty.txt")), args...)
		if r.Code != 0 || r.Stdout != fxDirtyFixed {
			t.Errorf("%v: code %d, stdout %q, stderr %s", args, r.Code, r.Stdout, r.Stderr)
		}
	}
	// A clean text comes out byte for byte.
	r = fxRun(t, root, "", "fix", fxOnly, "in/clean.md")
	if r.Code != 0 || r.Stdout != string(fxFixture(t, "clean.txt")) || !strings.Contains(r.Stderr, "0 of 1 files changed") {
		t.Errorf("clean: code %d, stdout %q, stderr %s", r.Code, r.Stdout, r.Stderr)
	}
	// A skipped input writes nothing, and says so with exit code 2 so
	// that a pipe does not end in an empty file silently.
	r = fxRun(t, root, "bin\x00ary", "fix", fxOnly, "-")
	if r.Code != ExitError || r.Stdout != "" || !strings.Contains(r.Stderr, "nothing written") {
		t.Errorf("binary stdin: code %d, stdout %q, stderr %s", r.Code, r.Stdout, r.Stderr)
	}
	// --quiet drops the summary.
	if r = fxRun(t, root, "", "fix", fxOnly, "-q", "single.txt"); r.Stderr != "" {
		t.Errorf("quiet: stderr %q", r.Stderr)
	}
}

func TestFixUsageErrors(t *testing.T) {
	root := fxCorpus(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"fix", "in"}, "is a directory"},
		{[]string{"fix", "single.txt", "in/clean.md"}, "2 inputs"},
		{[]string{"fix", "--out", "o", "--in-place", "in"}, "exclude each other"},
		{[]string{"fix", "--in-place", "--diff", "in"}, "exclude each other"},
		{[]string{"fix", "--in-place", "-"}, "standard input"},
		{[]string{"fix", "--out", "o", "-"}, "standard input"},
		{[]string{"fix", "--out", "in/a/out", "in"}, "inside the input directory"},
		{[]string{"fix", "--out", "single.txt", "in"}, "not a directory"},
		{[]string{"fix", "--only", "nosuch/rule", "single.txt"}, "unknown rule"},
	} {
		r := fxRun(t, root, "", c.args...)
		if r.Code != ExitError || !strings.Contains(r.Stderr, c.want) {
			t.Errorf("%v: code %d, stderr %q, want %q", c.args, r.Code, r.Stderr, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "in", "a", "out")); err == nil {
		t.Error("an output directory inside the input was created")
	}
}

func TestFixOutMirrorsTheCorpus(t *testing.T) {
	root := fxCorpus(t)
	before := fxSnapshot(t, filepath.Join(root, "in"))
	r := fxRun(t, root, "", "fix", fxOnly, "--out", "out", "in", "single.txt")
	if r.Code != 0 {
		t.Fatalf("code %d, stderr %s", r.Code, r.Stderr)
	}
	if got := fxRead(t, filepath.Join(root, "out", "a", "dirty.txt")); got != fxDirtyFixed {
		t.Errorf("dir file: %q", got)
	}
	if got := fxRead(t, filepath.Join(root, "out", "single.txt")); got != fxDirtyFixed {
		t.Errorf("file argument: %q", got)
	}
	if got := fxRead(t, filepath.Join(root, "out", "clean.md")); got != string(fxFixture(t, "clean.txt")) {
		t.Errorf("unchanged file not copied as is: %q", got)
	}
	if got := fxRead(t, filepath.Join(root, "out", "b", "binary.txt")); got != "bin\x00ary" {
		t.Errorf("skipped binary file not copied: %q", got)
	}
	info, err := os.Stat(filepath.Join(root, "out", "a", "dirty.txt"))
	if err != nil || info.Mode().Perm() != 0o640 {
		t.Errorf("mode not kept: %v %v", info.Mode(), err)
	}
	if after := fxSnapshot(t, filepath.Join(root, "in")); after != before {
		t.Error("the inputs changed")
	}
	if !strings.Contains(r.Stderr, "2 of 3 files changed") || !strings.Contains(r.Stderr, "binary file") {
		t.Errorf("stderr: %s", r.Stderr)
	}
	// Fixing the fixed corpus changes nothing.
	r = fxRun(t, root, "", "fix", fxOnly, "--check", "out")
	if r.Code != 0 || r.Stdout != "" {
		t.Errorf("second fix: code %d, stdout %q, stderr %s", r.Code, r.Stdout, r.Stderr)
	}
	// An output that would overwrite an input is refused.
	r = fxRun(t, root, "", "fix", fxOnly, "--out", ".", "single.txt")
	if r.Code != ExitError || !strings.Contains(r.Stderr, "overwrite the input") {
		t.Errorf("--out onto the input: code %d, stderr %s", r.Code, r.Stderr)
	}
	if got := fxRead(t, filepath.Join(root, "single.txt")); got != string(fxFixture(t, "dirty.txt")) {
		t.Error("the input was overwritten")
	}
	// Two inputs with one name: the second is refused, not overwritten.
	r = fxRun(t, root, "", "fix", fxOnly, "--out", "out2", "single.txt", "in/a/dirty.txt", "in/a/../a/dirty.txt")
	if r.Code != ExitError || !strings.Contains(r.Stderr, "two inputs with one name") {
		t.Errorf("name clash: code %d, stderr %s", r.Code, r.Stderr)
	}
}

// fxSnapshot is every file under dir with its content and mode.
func fxSnapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s %v\n", p, info.Mode())
		if info.Mode().IsRegular() {
			b.WriteString(fxRead(t, p))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestFixSymlinkOutsideNotFollowed(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links")
	}
	root := fxCorpus(t)
	if err := os.Symlink(filepath.Join(root, "single.txt"), filepath.Join(root, "in", "link.txt")); err != nil {
		t.Fatal(err)
	}
	r := fxRun(t, root, "", "fix", fxOnly, "--out", "out", "in")
	if r.Code != 0 {
		t.Fatalf("code %d, stderr %s", r.Code, r.Stderr)
	}
	if _, err := os.Lstat(filepath.Join(root, "out", "link.txt")); err == nil {
		t.Error("a link out of the input directory was followed")
	}
	r = fxRun(t, root, "", "fix", fxOnly, "--in-place", "in")
	if got := fxRead(t, filepath.Join(root, "single.txt")); got != string(fxFixture(t, "dirty.txt")) {
		t.Errorf("--in-place wrote through a link out of the directory: code %d, %q", r.Code, got)
	}
}

func TestFixInPlace(t *testing.T) {
	root := fxCorpus(t)
	dirty := filepath.Join(root, "in", "a", "dirty.txt")
	clean := filepath.Join(root, "in", "clean.md")
	cleanInfo, _ := os.Stat(clean)
	r := fxRun(t, root, "", "fix", fxOnly, "--in-place", "in")
	if r.Code != 0 || r.Stdout != "" {
		t.Fatalf("code %d, stdout %q, stderr %s", r.Code, r.Stdout, r.Stderr)
	}
	if got := fxRead(t, dirty); got != fxDirtyFixed {
		t.Errorf("rewritten: %q", got)
	}
	if info, _ := os.Stat(dirty); info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", info.Mode().Perm())
	}
	if info, _ := os.Stat(clean); !info.ModTime().Equal(cleanInfo.ModTime()) {
		t.Error("an unchanged file was rewritten")
	}
	entries, _ := os.ReadDir(filepath.Dir(dirty))
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	// A file named through a link is rewritten where it lives; the link
	// stays a link.
	if runtime.GOOS != "windows" {
		link := filepath.Join(root, "link.txt")
		if err := os.Symlink("single.txt", link); err != nil {
			t.Fatal(err)
		}
		r = fxRun(t, root, "", "fix", fxOnly, "-w", "link.txt")
		if info, err := os.Lstat(link); r.Code != 0 || err != nil || info.Mode()&os.ModeSymlink == 0 {
			t.Errorf("link replaced: code %d %v %s", r.Code, err, r.Stderr)
		}
		if got := fxRead(t, filepath.Join(root, "single.txt")); got != fxDirtyFixed {
			t.Errorf("link target: %q", got)
		}
	}
}

// Each output directory is synced once, after its files are renamed into
// it, not once per file.
func TestFixSyncsEachOutputDirectoryOnceAtTheEnd(t *testing.T) {
	root := t.TempDir()
	in := filepath.Join(root, "in")
	for _, rel := range []string{"a/one.txt", "a/two.txt", "a/three.txt", "b/four.txt"} {
		fxWrite(t, filepath.Join(in, rel), fxFixture(t, "dirty.txt"), 0o644)
	}
	out := filepath.Join(root, "out")
	ledger := filepath.Join(root, "edits.jsonl")
	var synced []string
	defer func(orig func(string)) { syncDir = orig }(syncDir)
	syncDir = func(dir string) {
		rel, _ := filepath.Rel(out, dir)
		synced = append(synced, filepath.ToSlash(rel))
	}
	var stdout, stderr bytes.Buffer
	code := Main([]string{"fix", fxOnly, "-q", "-j", "1", "--ledger", ledger, "--out", out, in}, strings.NewReader(""), &stdout, &stderr)
	if code != 0 {
		t.Fatalf("code %d, stderr %s", code, stderr.String())
	}
	sort.Strings(synced)
	if got := strings.Join(synced, " "); got != "a b" {
		t.Errorf("synced directories %q, want each output directory once: \"a b\"", got)
	}
	if got := fxRead(t, filepath.Join(out, "b", "four.txt")); got != fxDirtyFixed {
		t.Errorf("copy: %q", got)
	}
	if fxRead(t, ledger) == "" {
		t.Error("empty ledger")
	}
}

func TestFixInPlaceInterruptedKeepsTheOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "article.txt")
	old := fxFixture(t, "dirty.txt")
	fxWrite(t, path, old, 0o600)
	defer func(orig func(string, string) error) { renameFile = orig }(renameFile)
	renameFile = func(from, to string) error {
		// The temporary file is complete when the crash comes.
		if got := fxRead(t, from); got != fxDirtyFixed {
			t.Errorf("temporary file holds %q", got)
		}
		return errors.New("simulated crash before rename")
	}
	var out, errb bytes.Buffer
	code := Main([]string{"fix", fxOnly, "--in-place", path}, strings.NewReader(""), &out, &errb)
	if code != ExitError || !strings.Contains(errb.String(), "simulated crash") {
		t.Errorf("code %d, stderr %s", code, errb.String())
	}
	if got := fxRead(t, path); got != string(old) {
		t.Errorf("the file is neither old nor new: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary file left behind: %v", entries)
	}
	// With the rename back, the same run leaves the new file.
	renameFile = os.Rename
	if code := Main([]string{"fix", fxOnly, "-q", "--in-place", path}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("code %d", code)
	}
	if got := fxRead(t, path); got != fxDirtyFixed {
		t.Errorf("after a good run: %q", got)
	}
}

func TestFixDiffAndCheck(t *testing.T) {
	root := fxCorpus(t)
	before := fxSnapshot(t, root)
	r := fxRun(t, root, "", "fix", fxOnly, "--diff", "in", "single.txt")
	if r.Code != 0 {
		t.Fatalf("code %d, stderr %s", r.Code, r.Stderr)
	}
	if !strings.HasPrefix(r.Stdout, "--- a/in/a/dirty.txt\n+++ b/in/a/dirty.txt\n@@ ") || !strings.Contains(r.Stdout, "\n-Login\n") {
		t.Errorf("diff:\n%s", r.Stdout)
	}
	if strings.Contains(r.Stdout, "clean.md") {
		t.Error("an unchanged file is in the diff")
	}
	if fxSnapshot(t, root) != before {
		t.Fatal("--diff wrote something")
	}
	// The diff applies with patch(1) and gives the fixed files.
	if _, err := exec.LookPath("patch"); err == nil {
		patch := exec.Command("patch", "-p1", "-s")
		patch.Dir = root
		patch.Stdin = strings.NewReader(r.Stdout)
		if out, err := patch.CombinedOutput(); err != nil {
			t.Fatalf("patch: %v\n%s", err, out)
		}
		for _, p := range []string{"in/a/dirty.txt", "single.txt"} {
			if got := fxRead(t, filepath.Join(root, p)); got != fxDirtyFixed {
				t.Errorf("%s after patch: %q", p, got)
			}
		}
		fxWrite(t, filepath.Join(root, "in", "a", "dirty.txt"), fxFixture(t, "dirty.txt"), 0o640)
		fxWrite(t, filepath.Join(root, "single.txt"), fxFixture(t, "dirty.txt"), 0o644)
	}
	r = fxRun(t, root, "", "fix", fxOnly, "--check", "in", "single.txt")
	if r.Code != ExitFindings || r.Stdout != "in/a/dirty.txt\nsingle.txt\n" || !strings.Contains(r.Stderr, "2 of 3 files would change") {
		t.Errorf("--check: code %d, stdout %q, stderr %s", r.Code, r.Stdout, r.Stderr)
	}
	r = fxRun(t, root, "", "fix", fxOnly, "--check", "--diff", "single.txt")
	if r.Code != ExitFindings || !strings.HasPrefix(r.Stdout, "--- a/single.txt") {
		t.Errorf("--check --diff: code %d, stdout %q", r.Code, r.Stdout)
	}
	r = fxRun(t, root, "", "fix", fxOnly, "--check", "in/clean.md")
	if r.Code != 0 || r.Stdout != "" {
		t.Errorf("--check on a clean file: code %d, stdout %q", r.Code, r.Stdout)
	}
	if fxSnapshot(t, root) != before {
		t.Error("--check wrote something")
	}
}

func TestFixUnreadableInputs(t *testing.T) {
	root := fxCorpus(t)
	locked := filepath.Join(root, "in", "locked.txt")
	fxWrite(t, locked, fxFixture(t, "dirty.txt"), 0o000)
	r := fxRun(t, root, "", "fix", fxOnly, "--out", "out", "in", "missing.txt")
	if r.Code != ExitError {
		t.Errorf("code %d, want %d", r.Code, ExitError)
	}
	if !strings.Contains(r.Stderr, "missing.txt") {
		t.Errorf("missing input not reported: %s", r.Stderr)
	}
	if os.Getuid() != 0 && !strings.Contains(r.Stderr, "locked.txt: ") {
		t.Errorf("unreadable input not reported: %s", r.Stderr)
	}
	// The readable inputs were still fixed.
	if got := fxRead(t, filepath.Join(root, "out", "a", "dirty.txt")); got != fxDirtyFixed {
		t.Errorf("readable input: %q", got)
	}
}

func TestFixLedgerAuditsAndReverses(t *testing.T) {
	root := fxCorpus(t)
	ledger := filepath.Join(root, "ledger.jsonl")
	r := fxRun(t, root, "", "fix", fxOnly, "--out", "out", "--ledger", ledger, "in", "single.txt")
	if r.Code != 0 {
		t.Fatalf("code %d, stderr %s", r.Code, r.Stderr)
	}
	byPath := map[string][]fixers.Applied{}
	removed := 0
	for i, line := range strings.Split(strings.TrimSuffix(fxRead(t, ledger), "\n"), "\n") {
		var rec ledgerRecord
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("line %d: %v: %s", i+1, err, line)
		}
		if rec.Rule == "" || rec.Safety != "safe" || rec.Round < 1 || rec.Record != "" {
			t.Errorf("line %d: %+v", i+1, rec)
		}
		orig := fxRead(t, filepath.Join(root, rec.Path))
		if rec.Round == 1 && orig[rec.Start:rec.End] != rec.Removed {
			t.Errorf("line %d: removed %q but the original holds %q", i+1, rec.Removed, orig[rec.Start:rec.End])
		}
		removed += len(rec.Removed)
		byPath[rec.Path] = append(byPath[rec.Path], fixers.Applied{
			Round: rec.Round, Rule: rec.Rule, RoundStart: rec.RoundStart, RoundEnd: rec.RoundEnd,
			Removed: rec.Removed, Inserted: rec.Inserted,
		})
	}
	if len(byPath) != 2 {
		t.Fatalf("ledger covers %d files, want 2", len(byPath))
	}
	for path, applied := range byPath {
		out := filepath.Join(root, "out", strings.TrimPrefix(strings.TrimPrefix(path, "in/"), "in"+string(filepath.Separator)))
		back, err := fixers.Reverse([]byte(fxRead(t, out)), applied)
		if err != nil || string(back) != fxRead(t, filepath.Join(root, path)) {
			t.Errorf("%s: the ledger does not reverse the fix: %v", path, err)
		}
	}
	if !strings.Contains(r.Stderr, fmt.Sprintf("%d bytes removed", removed)) {
		t.Errorf("summary does not match the ledger's %d bytes: %s", removed, r.Stderr)
	}

	// A ledger written into the corpus (a .jsonl file the walk finds) is
	// never read back as input, nor rewritten, on the next run.
	inLedger := filepath.Join(root, "in", "ledger.jsonl")
	for run := 0; run < 2; run++ {
		fxWrite(t, filepath.Join(root, "in", "a", "dirty.txt"), fxFixture(t, "dirty.txt"), 0o640)
		r = fxRun(t, root, "", "fix", fxOnly, "--in-place", "--ledger", inLedger, "in")
		if r.Code != 0 {
			t.Fatalf("run %d: code %d, stderr %s", run, r.Code, r.Stderr)
		}
		lines := strings.Split(strings.TrimSpace(fxRead(t, inLedger)), "\n")
		for _, l := range lines {
			var rec ledgerRecord
			if err := json.Unmarshal([]byte(l), &rec); err != nil || rec.Path != filepath.Join("in", "a", "dirty.txt") {
				t.Errorf("run %d: ledger line %q (%v)", run, l, err)
			}
		}
	}
}

func TestFixCRLFAndBOMKept(t *testing.T) {
	root := t.TempDir()
	in := "\ufeffTitle\r\n\r\nLogin\r\n\r\nText.\u00a0 More.\r\n"
	fxWrite(t, filepath.Join(root, "a.txt"), []byte(in), 0o644)
	r := fxRun(t, root, "", "fix", fxOnly, "a.txt")
	if want := "\ufeffTitle\r\n\r\nText. More.\r\n"; r.Code != 0 || r.Stdout != want {
		t.Errorf("code %d, got %q, want %q (%s)", r.Code, r.Stdout, want, r.Stderr)
	}
}

// TestFixSeed000GivesSeed001 is the golden test of EXPECTED.md ("Fixed
// copy"): fixing the dirty ingest 000 with unsafe fixes gives the article
// of the clean ingest 001, paragraph by paragraph. Lines 1-5 of 000 (date,
// title, byline) may stay; list markers may keep their own style.
func TestFixSeed000GivesSeed001(t *testing.T) {
	seeds := filepath.Join("..", "..", "testdata", "seeds")
	dirty, _ := filepath.Glob(filepath.Join(seeds, "000_*.txt"))
	clean, _ := filepath.Glob(filepath.Join(seeds, "001_*.txt"))
	if len(dirty) != 1 || len(clean) != 1 {
		t.Fatal("seeds 000 and 001 not found")
	}
	abs, _ := filepath.Abs(dirty[0])
	r := fxRun(t, t.TempDir(), "", "fix", "--unsafe", abs)
	if r.Code != 0 {
		t.Fatalf("code %d, stderr %s", r.Code, r.Stderr)
	}
	got := r.Stdout
	t.Logf("fix summary: %s", strings.TrimSpace(r.Stderr))

	header := map[string]bool{} // lines 1-5 of 000, which may stay
	for i, l := range strings.Split(fxRead(t, dirty[0]), "\n")[:5] {
		if i == 2 {
			l = strings.Replace(l, "Uk,", "UK,", 1)
		}
		header[fxPara(l)] = true
	}
	var want []string
	for _, l := range strings.Split(fxRead(t, clean[0]), "\n") {
		if p := fxPara(l); p != "" {
			want = append(want, p)
		}
	}
	var paras []string
	for _, l := range strings.Split(got, "\n") {
		if p := fxPara(l); p != "" {
			paras = append(paras, p)
		}
	}
	// Every paragraph of 001, word for word and in order; nothing else
	// but the header lines.
	next := 0
	for _, p := range paras {
		switch {
		case next < len(want) && p == want[next]:
			next++
		case header[p]:
		default:
			t.Errorf("paragraph not in the clean article: %.100q", p)
		}
	}
	if next < len(want) {
		t.Errorf("paragraph %d of 001 missing or changed: %.100q", next+1, want[next])
	}
	for _, gone := range []string{"Share the Post:", "Wilson Center", "Forced displacement", "\u00a0", "Uk,"} {
		if strings.Contains(got, gone) {
			t.Errorf("still holds %q", gone)
		}
	}
	if !strings.Contains(got, "UK, France and Ukraine") {
		t.Error(`"Uk" not made "UK" in the title`)
	}
}

var fxListMarker = regexp.MustCompile(`^(?:[-*+•]|\d+[.)])\s+`)

// fxPara is a line as a paragraph: trimmed, without its list marker.
func fxPara(line string) string {
	return fxListMarker.ReplaceAllString(strings.TrimSpace(line), "")
}

// TestFixSeedsAuditTrail runs every rule (unsafe too) over the seed
// articles: the ledger must rebuild each output from its input and undo
// it, and fixing the fixed corpus again must change nothing.
func TestFixSeedsAuditTrail(t *testing.T) {
	seeds, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "seeds"))
	root := t.TempDir()
	ledger := filepath.Join(root, "ledger.jsonl")
	r := fxRun(t, root, "", "fix", "--unsafe", "--out", "out", "--ledger", ledger, seeds)
	if r.Code != 0 {
		t.Fatalf("code %d, stderr %s", r.Code, r.Stderr)
	}
	byPath := map[string][]fixers.Applied{}
	for _, line := range strings.Split(strings.TrimSpace(fxRead(t, ledger)), "\n") {
		var rec ledgerRecord
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		byPath[rec.Path] = append(byPath[rec.Path], fixers.Applied{
			Round: rec.Round, Rule: rec.Rule, Start: rec.Start, End: rec.End,
			RoundStart: rec.RoundStart, RoundEnd: rec.RoundEnd, Removed: rec.Removed, Inserted: rec.Inserted,
		})
	}
	if len(byPath) == 0 {
		t.Fatal("no edits on the seeds")
	}
	for path, applied := range byPath {
		orig := fxRead(t, path)
		fixed := fxRead(t, filepath.Join(root, "out", filepath.Base(path)))
		back, err := fixers.Reverse([]byte(fixed), applied)
		if err != nil || string(back) != orig {
			t.Errorf("%s: the ledger does not undo the fix: %v", filepath.Base(path), err)
		}
		var rebuilt strings.Builder
		last := 0
		for _, a := range applied {
			if a.Round != 1 {
				continue
			}
			if orig[a.Start:a.End] != a.Removed {
				t.Errorf("%s: %s removed %q, the original holds %q", filepath.Base(path), a.Rule, a.Removed, orig[a.Start:a.End])
			}
			rebuilt.WriteString(orig[last:a.Start] + a.Inserted)
			last = a.End
		}
		rebuilt.WriteString(orig[last:])
		if applied[len(applied)-1].Round == 1 && rebuilt.String() != fixed {
			t.Errorf("%s: text outside the ledger's edits changed", filepath.Base(path))
		}
	}
	r = fxRun(t, root, "", "fix", "--unsafe", "--check", "out")
	if r.Code != 0 {
		t.Errorf("fixing the fixed seeds changes them: code %d, %s%s", r.Code, r.Stdout, r.Stderr)
	}
}
