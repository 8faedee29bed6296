package gitdiff

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/testutil"
)

const sample = `diff --git a/a.txt b/a.txt
index 1111111..2222222 100644
--- a/a.txt
+++ b/a.txt
@@ -3 +3 @@ old
-two
+TWO
@@ -10,0 +11,3 @@ ctx
+x
+y
+z
@@ -20,2 +22,0 @@
-gone
-gone
diff --git a/new.md b/new.md
new file mode 100644
--- /dev/null
+++ b/new.md
@@ -0,0 +1,2 @@
+hello
+world
diff --git a/old.txt b/old.txt
deleted file mode 100644
--- a/old.txt
+++ /dev/null
@@ -1 +0,0 @@
-bye
diff --git "a/sp\303\251cial \"q\".txt" "b/sp\303\251cial \"q\".txt"
--- "a/sp\303\251cial \"q\".txt"
+++ "b/sp\303\251cial \"q\".txt"
@@ -1 +1 @@
-a
+b
`

func TestParse(t *testing.T) {
	a, err := Parse("/repo", []byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		path string
		line int
		want bool
	}{
		{"/repo/a.txt", 3, true},
		{"/repo/a.txt", 2, false},
		{"/repo/a.txt", 4, false},
		{"/repo/a.txt", 11, true},
		{"/repo/a.txt", 13, true},
		{"/repo/a.txt", 14, false},
		{"/repo/a.txt", 22, false}, // a pure deletion adds nothing
		{"/repo/new.md", 1, true},
		{"/repo/new.md", 2, true},
		{"/repo/new.md", 3, false},
		{"/repo/spécial \"q\".txt", 1, true},
	}
	for _, c := range cases {
		l := a.File(c.path)
		if got := l != nil && l.Contains(c.line); got != c.want {
			t.Errorf("%s:%d added = %v, want %v", c.path, c.line, got, c.want)
		}
	}
	if a.File("/repo/old.txt") != nil {
		t.Error("a deleted file has added lines")
	}
}

func TestParseRejectsMalformedHunk(t *testing.T) {
	_, err := Parse("/r", []byte("diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +z @@\n"))
	if err == nil || !strings.Contains(err.Error(), "malformed hunk") {
		t.Errorf("err = %v", err)
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Since on a real repository: edited lines of a tracked file, a staged new
// file, an untracked file, an ignored one.
func TestSinceOnARepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	testutil.Git(t, dir, "init", "-q", "-b", "main")
	write(t, filepath.Join(dir, "a.txt"), "one\ntwo\nthree\n")
	write(t, filepath.Join(dir, ".gitignore"), "ignored.txt\n")
	testutil.Git(t, dir, "add", ".")
	testutil.Git(t, dir, "commit", "-q", "-m", "base")
	write(t, filepath.Join(dir, "a.txt"), "zero\none\ntwo\nthree\nfour\n")
	write(t, filepath.Join(dir, "staged.txt"), "s1\ns2\n")
	testutil.Git(t, dir, "add", "staged.txt")
	write(t, filepath.Join(dir, "sub", "untracked.md"), "u\n")
	write(t, filepath.Join(dir, "ignored.txt"), "i\n")

	added, err := Since(dir, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	check := func(rel string, line int, want bool) {
		t.Helper()
		l := added.File(filepath.Join(dir, rel))
		if got := l != nil && l.Contains(line); got != want {
			t.Errorf("%s:%d added = %v, want %v", rel, line, got, want)
		}
	}
	check("a.txt", 1, true)
	check("a.txt", 2, false)
	check("a.txt", 4, false)
	check("a.txt", 5, true)
	check("staged.txt", 2, true)
	check("sub/untracked.md", 1, true)
	check("sub/untracked.md", 999, true)
	check("ignored.txt", 1, false)

	if _, err := Since(dir, "no-such-rev"); err == nil || !strings.Contains(err.Error(), "unknown revision") {
		t.Errorf("bad revision: err = %v", err)
	}
	if _, err := Since(dir, "--output=x"); err == nil {
		t.Error("a revision starting with - was accepted")
	}
	if _, err := Since(t.TempDir(), "HEAD"); err == nil || !strings.Contains(err.Error(), "git") {
		t.Errorf("outside a repository: err = %v", err)
	}
}
