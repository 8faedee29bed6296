package cli

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// applyUnifiedDiff applies a diff made by writeUnifiedDiff to old: a
// strict reader, so a wrong line count or context fails the test.
func applyUnifiedDiff(t *testing.T, old []byte, diff string) []byte {
	t.Helper()
	a := splitLines(old)
	lines := strings.SplitAfter(diff, "\n")
	hunk := regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n$`)
	var out []string
	next := 0 // next line of a to copy
	i := 2    // after the --- and +++ lines
	for i < len(lines) && lines[i] != "" {
		m := hunk.FindStringSubmatch(lines[i])
		if m == nil {
			t.Fatalf("not a hunk header: %q\n%s", lines[i], diff)
		}
		start, _ := strconv.Atoi(m[1])
		count := 1
		if m[2] != "" {
			count, _ = strconv.Atoi(m[2])
		}
		if count > 0 {
			start--
		}
		out = append(out, a[next:start]...)
		next = start
		i++
		for i < len(lines) && lines[i] != "" && !strings.HasPrefix(lines[i], "@@") {
			l := lines[i]
			body := l[1:]
			if i+1 < len(lines) && lines[i+1] == "\\ No newline at end of file\n" {
				body = strings.TrimSuffix(body, "\n")
				i++
			}
			switch l[0] {
			case ' ', '-':
				if next >= len(a) || a[next] != body {
					t.Fatalf("context or removed line %q does not match old line %d %q", body, next+1, a[min(next, len(a)-1)])
				}
				if l[0] == ' ' {
					out = append(out, body)
				}
				next++
			case '+':
				out = append(out, body)
			default:
				t.Fatalf("bad diff line %q", l)
			}
			i++
		}
	}
	out = append(out, a[next:]...)
	return []byte(strings.Join(out, ""))
}

func TestUnifiedDiffRandom(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	vocab := []string{"a\n", "b\n", "c\n", "\n", "d\r\n", "e"}
	gen := func() []byte {
		var b bytes.Buffer
		for i := 0; i < rng.Intn(30); i++ {
			w := vocab[rng.Intn(len(vocab))]
			b.WriteString(w)
		}
		return b.Bytes()
	}
	for iter := 0; iter < 2000; iter++ {
		old, new := gen(), gen()
		var buf bytes.Buffer
		if err := writeUnifiedDiff(&buf, "a/x", "b/x", old, new, false); err != nil {
			t.Fatal(err)
		}
		if bytes.Equal(old, new) != (buf.Len() == 0) {
			t.Fatalf("empty diff iff equal: %q %q\n%s", old, new, buf.String())
		}
		if buf.Len() == 0 {
			continue
		}
		if got := applyUnifiedDiff(t, old, buf.String()); !bytes.Equal(got, new) {
			t.Fatalf("diff does not rebuild the new text\nold %q\nnew %q\ngot %q\n%s", old, new, got, buf.String())
		}
	}
}

func TestUnifiedDiffIsMinimal(t *testing.T) {
	old := []byte("one\ntwo\nthree\nfour\nfive\n")
	new := []byte("one\nthree\nfour\nFIVE\nsix\n")
	ops := diffLines(splitLines(old), splitLines(new))
	changes := 0
	for _, op := range ops {
		if op.kind != ' ' {
			changes++
		}
	}
	if changes != 4 { // -two, -five, +FIVE, +six
		t.Errorf("%d changes, want 4: %v", changes, ops)
	}
}

func TestUnifiedDiffFormat(t *testing.T) {
	var buf bytes.Buffer
	old := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n"
	new := strings.Replace(strings.Replace(old, "2\n", "", 1), "15\n", "15\nnew\n", 1)
	if err := writeUnifiedDiff(&buf, "a/f", "b/f", []byte(old), []byte(new), false); err != nil {
		t.Fatal(err)
	}
	want := "--- a/f\n+++ b/f\n@@ -1,5 +1,4 @@\n 1\n-2\n 3\n 4\n 5\n@@ -13,4 +12,5 @@\n 13\n 14\n 15\n+new\n 16\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
	buf.Reset()
	_ = writeUnifiedDiff(&buf, "a/f", "b/f", []byte("x\ny"), []byte("x\nz"), false)
	if want := "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+z\n\\ No newline at end of file\n"; buf.String() != want {
		t.Errorf("no newline at end:\n%s", buf.String())
	}
	buf.Reset()
	_ = writeUnifiedDiff(&buf, "a/f", "b/f", nil, []byte("x\n"), false)
	if want := "--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+x\n"; buf.String() != want {
		t.Errorf("from empty:\n%s", buf.String())
	}
}

// TestUnifiedDiffAgreesWithPatch feeds random diffs to patch(1) when it is
// installed: the tool users will apply them with.
func TestUnifiedDiffAgreesWithPatch(t *testing.T) {
	if _, err := exec.LookPath("patch"); err != nil {
		t.Skip("patch not installed")
	}
	rng := rand.New(rand.NewSource(4))
	dir := t.TempDir()
	for iter := 0; iter < 20; iter++ {
		var old, new strings.Builder
		for i := 0; i < 40; i++ {
			line := fmt.Sprintf("line %d\n", rng.Intn(12))
			if rng.Intn(3) > 0 {
				old.WriteString(line)
			}
			if rng.Intn(3) > 0 {
				new.WriteString(line)
			}
		}
		path := filepath.Join(dir, "f.txt")
		if err := os.WriteFile(path, []byte(old.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		_ = writeUnifiedDiff(&buf, "a/f.txt", "b/f.txt", []byte(old.String()), []byte(new.String()), false)
		if buf.Len() == 0 {
			continue
		}
		cmd := exec.Command("patch", "-p1", "-s", "-F0")
		cmd.Dir = dir
		cmd.Stdin = &buf
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("patch: %v\n%s", err, out)
		}
		got, _ := os.ReadFile(path)
		if string(got) != new.String() {
			t.Fatalf("patch gave\n%q\nwant\n%q", got, new.String())
		}
	}
}

func TestUnifiedDiffLargeFallsBack(t *testing.T) {
	// Past the Myers bound the diff is one hunk, still correct.
	var old, new strings.Builder
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&old, "old %d\n", i)
		fmt.Fprintf(&new, "new %d\n", i)
	}
	var buf bytes.Buffer
	if err := writeUnifiedDiff(&buf, "a/f", "b/f", []byte(old.String()), []byte(new.String()), false); err != nil {
		t.Fatal(err)
	}
	if got := applyUnifiedDiff(t, []byte(old.String()), buf.String()); string(got) != new.String() {
		t.Error("fallback diff does not rebuild the new text")
	}
}
