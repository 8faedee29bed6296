package corpus

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// walkTree makes a directory whose names sort differently per directory
// than as whole paths: "a.txt" and "a-b" come before "a/..." as strings
// ('-' and '.' are below '/'), though a directory walk meets "a" first.
func walkTree(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for _, p := range []string{
		"a/z.txt", "a/b/c.txt", "a.txt", "a-b/x.md", "a b/y.txt", "a0.txt",
		"b.jsonl", "B.txt", "src1/n.txt", "src10/n.txt", "src1-x/n.txt",
		".hidden/h.txt", "skip/s.txt", "bin.dat", "deep/1/2/3/d.markdown",
	} {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte("text\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func collectWalk(t *testing.T, args []string, opts Options) ([]File, []Problem) {
	t.Helper()
	var files []File
	var problems []Problem
	err := Walk(args, opts, func(f File) error {
		files = append(files, f)
		return nil
	}, func(p Problem) { problems = append(problems, p) })
	if err != nil {
		t.Fatal(err)
	}
	return files, problems
}

// Walk streams the files the former Expand listed, in the same order, with the same
// fields and problems: Expand sorts the whole list, Walk must not need it.
func TestWalkMatchesExpand(t *testing.T) {
	root := walkTree(t)
	single := filepath.Join(root, "a", "z.txt")
	args := []string{root, single, filepath.Join(root, "missing"), "-"}
	opts := Options{Exclude: []string{"skip"}}
	want, wantProblems := expandSorted(args, opts)
	got, gotProblems := collectWalk(t, args, opts)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Walk:\n%v\nExpand:\n%v", got, want)
	}
	if !reflect.DeepEqual(gotProblems, wantProblems) {
		t.Errorf("problems: Walk %v, Expand %v", gotProblems, wantProblems)
	}
	if len(want) != 14 {
		t.Errorf("%d files, want 14 (the tree's 15 less .hidden, skip and bin.dat, plus the single file and stdin)", len(want))
	}
}

func TestWalkStopsEarly(t *testing.T) {
	root := walkTree(t)
	n := 0
	err := Walk([]string{root}, Options{}, func(File) error {
		n++
		if n == 2 {
			return ErrStopWalk
		}
		return nil
	}, func(Problem) {})
	if err != nil || n != 2 {
		t.Errorf("Walk returned %v after %d files, want nil after 2", err, n)
	}
	boom := errors.New("boom")
	err = Walk([]string{root}, Options{}, func(File) error { return boom }, func(Problem) {})
	if err != boom {
		t.Errorf("Walk returned %v, want the callback's error", err)
	}
}

// expandSorted is the former Expand, kept as the reference Walk is held
// to: it walked each directory whole (filepath.WalkDir) and sorted the
// list by relative path.
func expandSorted(args []string, opts Options) ([]File, []Problem) {
	include := opts.Include
	if len(include) == 0 {
		include = DefaultInclude
	}
	var files []File
	var problems []Problem
	for _, arg := range args {
		if arg == "-" {
			files = append(files, File{Path: "-", Source: "-"})
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			problems = append(problems, Problem{Path: arg, Err: cleanErr(err)})
			continue
		}
		if !info.IsDir() {
			if matchAny(opts.Exclude, filepath.Base(arg), filepath.ToSlash(arg)) {
				continue
			}
			files = append(files, File{Path: arg, Source: filepath.Base(filepath.Dir(arg))})
			continue
		}
		inc, exc := include, opts.Exclude
		if opts.DirPatterns != nil {
			ci, ce, err := opts.DirPatterns(arg)
			if err != nil {
				problems = append(problems, Problem{Path: arg, Err: err})
				continue
			}
			if len(opts.Include) == 0 && len(ci) > 0 {
				inc = ci
			}
			exc = append(append([]string{}, exc...), ce...)
		}
		found, probs := walkDirSorted(arg, inc, exc)
		files = append(files, found...)
		problems = append(problems, probs...)
	}
	return files, problems
}

func walkDirSorted(root string, include, exclude []string) ([]File, []Problem) {
	var files []File
	var problems []Problem
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			problems = append(problems, Problem{Path: p, Err: cleanErr(err)})
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if p != root && (strings.HasPrefix(d.Name(), ".") || matchAny(exclude, d.Name(), rel)) {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			// Symlinks and devices: a walk never follows a link out of the
			// directory the user named.
			return nil
		}
		if !matchAny(include, d.Name(), rel) || matchAny(exclude, d.Name(), rel) {
			return nil
		}
		source := "."
		if i := strings.IndexByte(rel, '/'); i >= 0 {
			source = rel[:i]
		}
		files = append(files, File{Path: filepath.Join(root, filepath.FromSlash(rel)), Source: source, Root: root, Rel: rel})
		return nil
	})
	if err != nil {
		problems = append(problems, Problem{Path: root, Err: cleanErr(err)})
	}
	sort.SliceStable(files, func(i, j int) bool { return files[i].Rel < files[j].Rel })
	return files, problems
}

// A directory named through a symbolic link is walked (the former walk
// met the link itself and skipped it, so the run linted nothing); a link
// inside the walked directory is still never followed.
func TestWalkFollowsOnlyTheNamedLink(t *testing.T) {
	root := walkTree(t)
	link := filepath.Join(t.TempDir(), "corpus")
	if err := os.Symlink(root, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink(filepath.Join(root, "a"), filepath.Join(root, "zz-link")); err != nil {
		t.Fatal(err)
	}
	viaLink, _ := collectWalk(t, []string{link}, Options{})
	direct, _ := collectWalk(t, []string{root}, Options{})
	if len(viaLink) == 0 || len(viaLink) != len(direct) {
		t.Fatalf("through the link %d files, directly %d", len(viaLink), len(direct))
	}
	for i := range direct {
		if viaLink[i].Rel != direct[i].Rel || viaLink[i].Path != filepath.Join(link, filepath.FromSlash(direct[i].Rel)) {
			t.Errorf("file %d: through the link %+v, directly %+v", i, viaLink[i], direct[i])
		}
		if strings.HasPrefix(direct[i].Rel, "zz-link/") {
			t.Errorf("the walk followed a link inside the directory: %s", direct[i].Rel)
		}
	}
}
