// Package gitdiff finds the lines a working tree added since a revision,
// from `git diff -U0`: the CI gate on new sources reports only findings on
// those lines. Untracked files count as wholly new.
package gitdiff

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// Added maps an absolute, cleaned file path to the lines added in it.
type Added struct {
	files map[string]*Lines
}

// Lines are the 1-based line numbers added in one file; All marks a file
// that is new as a whole (untracked, or added since the revision).
type Lines struct {
	All    bool
	ranges [][2]int // inclusive
}

// Contains reports whether line n was added.
func (l *Lines) Contains(n int) bool {
	if l.All {
		return true
	}
	for _, r := range l.ranges {
		if n >= r[0] && n <= r[1] {
			return true
		}
	}
	return false
}

// Any reports whether the file has any added line.
func (l *Lines) Any() bool { return l.All || len(l.ranges) > 0 }

// File returns the added lines of path (relative to the working directory
// or absolute), nil when it has none.
func (a *Added) File(path string) *Lines {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil
	}
	if l := a.files[abs]; l != nil {
		return l
	}
	// Git names the top level by its real path; the working directory
	// may be reached through a symbolic link.
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return a.files[real]
	}
	return nil
}

// Since runs git in dir (the working directory when "") and returns the
// lines added in the working tree, staged or not, since rev, plus every
// line of untracked files that .gitignore does not exclude.
func Since(dir, rev string) (*Added, error) {
	if strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("revision %q must not start with '-'", rev)
	}
	top, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, err
	}
	root := strings.TrimSpace(string(top))
	if _, err := git(dir, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("unknown revision %q (in a shallow CI clone, fetch it first: git fetch --depth=1 origin %s)", rev, rev)
	}
	diff, err := git(dir, "-c", "core.quotePath=false", "diff", "-U0", "--no-color", "--no-ext-diff", "--src-prefix=a/", "--dst-prefix=b/", rev, "--")
	if err != nil {
		return nil, err
	}
	added, err := Parse(root, diff)
	if err != nil {
		return nil, err
	}
	untracked, err := git(dir, "ls-files", "-z", "--others", "--exclude-standard", "--full-name")
	if err != nil {
		return nil, err
	}
	for _, name := range strings.Split(string(untracked), "\x00") {
		if name != "" {
			added.files[filepath.Join(root, filepath.FromSlash(name))] = &Lines{All: true}
		}
	}
	return added, nil
}

func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			msg := strings.TrimSpace(stderr.String())
			if msg == "" {
				msg = err.Error()
			}
			return nil, fmt.Errorf("git %s: %s", args[0], msg)
		}
		return nil, fmt.Errorf("running git: %v", err)
	}
	return out, nil
}

// Parse reads a unified diff with zero context (git diff -U0) whose paths
// are relative to root, and returns the added lines of each file.
func Parse(root string, diff []byte) (*Added, error) {
	a := &Added{files: map[string]*Lines{}}
	var cur *Lines
	sc := bufio.NewScanner(bytes.NewReader(diff))
	sc.Buffer(make([]byte, 64*1024), 64*1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "diff --git "):
			cur = nil
		case strings.HasPrefix(line, "+++ "):
			name, err := diffPath(strings.TrimPrefix(line, "+++ "))
			if err != nil {
				return nil, fmt.Errorf("git diff line %d: %v", n, err)
			}
			if name == "" { // deleted file
				cur = nil
				continue
			}
			cur = &Lines{}
			a.files[filepath.Join(root, filepath.FromSlash(name))] = cur
		case strings.HasPrefix(line, "@@ ") && cur != nil:
			start, count, err := hunkNew(line)
			if err != nil {
				return nil, fmt.Errorf("git diff line %d: %v", n, err)
			}
			if count > 0 {
				cur.ranges = append(cur.ranges, [2]int{start, start + count - 1})
			}
		}
	}
	return a, sc.Err()
}

// diffPath returns the path of a "+++ b/path" header, "" for /dev/null.
// Git quotes names holding unusual bytes C-style.
func diffPath(s string) (string, error) {
	s = strings.TrimSuffix(s, "\t")
	if s == "/dev/null" {
		return "", nil
	}
	if strings.HasPrefix(s, `"`) {
		u, err := strconv.Unquote(s)
		if err != nil {
			return "", fmt.Errorf("cannot read quoted path %s", s)
		}
		s = u
	}
	name, ok := strings.CutPrefix(s, "b/")
	if !ok {
		return "", fmt.Errorf("unexpected path %q in +++ header", s)
	}
	return name, nil
}

// hunkNew reads the new-file range of "@@ -a,b +c,d @@ ...": start c and
// count d (1 when omitted).
func hunkNew(line string) (start, count int, err error) {
	fields := strings.Fields(line)
	if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
		return 0, 0, fmt.Errorf("malformed hunk header %q", line)
	}
	spec := strings.TrimPrefix(fields[2], "+")
	startStr, countStr, hasCount := strings.Cut(spec, ",")
	if start, err = strconv.Atoi(startStr); err != nil {
		return 0, 0, fmt.Errorf("malformed hunk header %q", line)
	}
	count = 1
	if hasCount {
		if count, err = strconv.Atoi(countStr); err != nil {
			return 0, 0, fmt.Errorf("malformed hunk header %q", line)
		}
	}
	return start, count, nil
}
