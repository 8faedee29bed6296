package cli

import (
	"os/exec"
	"strings"
	"testing"
)

// The gate flags through the command line: write a baseline (exit 0),
// lint against it (exit 0, then 1 when a new finding appears), and gate on
// a git revision.
func TestLintBaselineFlags(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	body := "The council approved next year's budget on Tuesday after a long debate.\n\n"
	pcWrite(t, "corpus/a.txt", body+"Login\n")

	out, errs, code := runMain("lint", "--write-baseline", "hb.json", "corpus")
	if code != 0 || out != "" || !strings.Contains(errs, "wrote 1 finding to baseline hb.json") {
		t.Fatalf("write: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	out, errs, code = runMain("lint", "--baseline", "hb.json", "corpus")
	if code != 0 || !strings.Contains(out, "0 findings") || !strings.Contains(errs, "1 finding in baseline hb.json not shown") {
		t.Errorf("clean against baseline: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	// The old prompt moves down; a second file brings a new one.
	pcWrite(t, "corpus/a.txt", "A new first paragraph, written later.\n\n"+body+"Login\n")
	pcWrite(t, "corpus/b.txt", body+"Login\n")
	out, _, code = runMain("lint", "--baseline", "hb.json", "-f", "json", "corpus")
	if code != 1 || !strings.Contains(out, `"path": "corpus/b.txt"`) || strings.Contains(out, `"path": "corpus/a.txt"`) {
		t.Errorf("new finding: exit %d, stdout %s", code, out)
	}
	if _, errs, code := runMain("lint", "--baseline", "missing.json", "corpus"); code != 2 || !strings.Contains(errs, "--write-baseline") {
		t.Errorf("missing baseline: exit %d, stderr %q", code, errs)
	}
	if _, err := exec.LookPath("git"); err != nil {
		return
	}
	env := pcEnv(t)
	pcGit(t, dir, env, "init", "-q", "-b", "main")
	pcGit(t, dir, env, "add", "corpus")
	pcGit(t, dir, env, "commit", "-q", "-m", "base")
	out, _, code = runMain("lint", "--new-from-rev", "HEAD", "corpus")
	if code != 0 || !strings.Contains(out, "0 findings") {
		t.Errorf("nothing new since HEAD: exit %d, stdout %q", code, out)
	}
	pcWrite(t, "corpus/new.txt", body+"Sign in\n")
	out, _, code = runMain("lint", "--new-from-rev", "HEAD", "corpus")
	if code != 1 || !strings.Contains(out, "corpus/new.txt:3:1") || strings.Contains(out, "corpus/a.txt") {
		t.Errorf("new file: exit %d, stdout %q", code, out)
	}
	if _, errs, code := runMain("lint", "--new-from-rev", "no-such-branch", "corpus"); code != 2 || !strings.Contains(errs, "unknown revision") {
		t.Errorf("bad revision: exit %d, stderr %q", code, errs)
	}
}
