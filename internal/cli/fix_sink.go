package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/dochygiene/hygiene/internal/corpus"
	"github.com/dochygiene/hygiene/internal/lint"
)

// fixedFile is one input file with its fixed documents in input order: one
// for a plain file, one per record for a JSON Lines file.
type fixedFile struct {
	file corpus.File
	docs []*lint.Fixed
}

// continues reports whether fx is the next record of the same JSON Lines
// file (a plain file is always one document).
func (f *fixedFile) continues(fx *lint.Fixed) bool {
	return fx.Unit.Record != nil && len(f.docs) > 0 && f.docs[0].Unit.Record != nil &&
		fx.Unit.File.Path == f.file.Path && fx.Unit.Record.Line > f.docs[len(f.docs)-1].Unit.Record.Line
}

func (f *fixedFile) changed() bool {
	for _, d := range f.docs {
		if d.Result.Changed {
			return true
		}
	}
	return false
}

// fileCodec turns a fixed file back into bytes: Text gives the old and new
// text for a diff, Encode the bytes to write on disk. Whole files go
// through here; JSON Lines files never do: their records are streamed
// out one by one as they are fixed (fix_jsonl.go, from fixRun.add).
type fileCodec interface {
	Text(f *fixedFile) (old, new []byte, err error)
	Encode(f *fixedFile) ([]byte, error)
}

// codecFor picks the codec of a file: a new whole-file format (one that
// cannot be streamed record by record) plugs in here.
func codecFor(corpus.File) (fileCodec, error) { return plainCodec{}, nil }

type plainCodec struct{}

func (plainCodec) Text(f *fixedFile) ([]byte, []byte, error) {
	if len(f.docs) != 1 {
		return nil, nil, fmt.Errorf("a plain file gave %d documents", len(f.docs))
	}
	return f.docs[0].Unit.Text, f.docs[0].Result.Src, nil
}

func (c plainCodec) Encode(f *fixedFile) ([]byte, error) {
	_, out, err := c.Text(f)
	return out, err
}

// fixSink is where one mode puts each fixed file, in input order.
type fixSink interface {
	Put(f *fixedFile) error
	Close() error
}

func (ff *fixFlags) sink(e *env, args []string, color bool, staged *stagedWrites) (fixSink, error) {
	switch {
	case ff.out != "":
		return newDirSink(ff.out, args, staged)
	case ff.inPlace:
		return inPlaceSink{staged: staged}, nil
	case ff.diff:
		return &diffSink{w: e.stdout, color: color}, nil
	case ff.check:
		return &checkSink{w: e.stdout}, nil
	}
	return &stdoutSink{w: e.stdout}, nil
}

// stdoutSink writes the cleaned text of the one input.
type stdoutSink struct{ w io.Writer }

func (s *stdoutSink) Put(f *fixedFile) error {
	out, err := encodeFixed(f)
	if err != nil {
		return err
	}
	_, err = s.w.Write(out)
	return err
}

// encodeFixed renders a fixed file in its input's format (plain text or
// JSON Lines with every other field kept).
func encodeFixed(f *fixedFile) ([]byte, error) {
	c, err := codecFor(f.file)
	if err != nil {
		return nil, err
	}
	return c.Encode(f)
}

func (s *stdoutSink) Close() error { return nil }

// diffSink prints a unified diff per changed file.
type diffSink struct {
	w     io.Writer
	color bool
}

func (s *diffSink) Put(f *fixedFile) error {
	if !f.changed() {
		return nil
	}
	c, err := codecFor(f.file)
	if err != nil {
		return err
	}
	old, new, err := c.Text(f)
	if err != nil {
		return err
	}
	a, b := diffNames(f.file.Path)
	return writeUnifiedDiff(s.w, a, b, old, new, s.color)
}

func (s *diffSink) Close() error { return nil }

// diffNames are git-style names, so `git apply` or `patch -p1` take the
// diff from the directory fix ran in.
func diffNames(path string) (string, string) {
	if path == "-" {
		return "a/stdin", "b/stdin"
	}
	if filepath.IsAbs(path) {
		return path, path
	}
	p := filepath.ToSlash(filepath.Clean(path))
	return "a/" + p, "b/" + p
}

// checkSink lists the files that would change.
type checkSink struct{ w io.Writer }

func (s *checkSink) Put(f *fixedFile) error {
	if f.changed() {
		_, err := fmt.Fprintln(s.w, f.file.Path)
		return err
	}
	return nil
}

func (s *checkSink) Close() error { return nil }

// inPlaceSink rewrites each changed file atomically.
type inPlaceSink struct{ staged *stagedWrites }

func (s inPlaceSink) Put(f *fixedFile) error {
	if !f.changed() {
		return nil
	}
	out, err := encodeFixed(f)
	if err != nil {
		return err
	}
	// A file named through a symbolic link is rewritten where it lives,
	// and the link stays a link.
	target, err := filepath.EvalSymlinks(f.file.Path)
	if err != nil {
		return err
	}
	info, err := os.Stat(target)
	if err != nil {
		return err
	}
	return s.staged.write(target, out, info.Mode().Perm(), f.file.Path)
}

func (inPlaceSink) Close() error { return nil }

// dirSink writes a complete cleaned corpus under a directory.
type dirSink struct {
	root    string
	written map[string]string // output path -> input path
	staged  *stagedWrites
}

func newDirSink(root string, args []string, staged *stagedWrites) (*dirSink, error) {
	if info, err := os.Stat(root); err == nil && !info.IsDir() {
		return nil, fmt.Errorf("--out %s: not a directory", root)
	}
	outAbs, err := resolvedAbs(root)
	if err != nil {
		return nil, fmt.Errorf("--out %s: %v", root, err)
	}
	for _, a := range args {
		info, err := os.Stat(a)
		if err != nil || !info.IsDir() {
			continue
		}
		inAbs, err := resolvedAbs(a)
		if err != nil {
			continue
		}
		if outAbs == inAbs || strings.HasPrefix(outAbs, inAbs+string(filepath.Separator)) {
			return nil, fmt.Errorf("--out %s is inside the input directory %s: the copies would be read as inputs next time; choose a directory outside it", root, a)
		}
	}
	return &dirSink{root: root, written: map[string]string{}, staged: staged}, nil
}

// resolvedAbs is the absolute path with symbolic links resolved, for as
// much of it as exists.
func resolvedAbs(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for cur := abs; ; cur = filepath.Dir(cur) {
		if real, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if filepath.Dir(cur) == cur {
			return abs, nil
		}
		rest = append([]string{filepath.Base(cur)}, rest...)
	}
}

// dest mirrors an input under the root: a file argument by its name, a
// file found in a directory argument by its path inside it.
func (s *dirSink) dest(f corpus.File) string {
	if f.Root != "" {
		return filepath.Join(s.root, filepath.FromSlash(f.Rel))
	}
	return filepath.Join(s.root, filepath.Base(f.Path))
}

func (s *dirSink) Put(f *fixedFile) error {
	out, err := encodeFixed(f)
	if err != nil {
		return err
	}
	return s.write(f.file, out)
}

func (s *dirSink) copyUnchanged(f corpus.File) error {
	data, err := os.ReadFile(f.Path)
	if err != nil {
		return err
	}
	return s.write(f, data)
}

func (s *dirSink) write(f corpus.File, data []byte) error {
	dest, perm, err := s.claim(f)
	if err != nil {
		return err
	}
	return s.staged.write(dest, data, perm, f.Path)
}

// claim reserves the output path for input f: it refuses a second input
// with the same output name and a copy that would overwrite its own input,
// creates the directory, and returns the path with the input's permissions.
func (s *dirSink) claim(f corpus.File) (dest string, perm os.FileMode, err error) {
	dest = s.dest(f)
	if prev, dup := s.written[dest]; dup {
		return "", 0, fmt.Errorf("not written: %s already holds the copy of %s (two inputs with one name)", dest, prev)
	}
	inInfo, err := os.Stat(f.Path)
	if err != nil {
		return "", 0, err
	}
	if outInfo, err := os.Stat(dest); err == nil && os.SameFile(inInfo, outInfo) {
		return "", 0, fmt.Errorf("not written: the copy %s would overwrite the input itself", dest)
	}
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return "", 0, err
	}
	s.written[dest] = f.Path
	return dest, inInfo.Mode().Perm(), nil
}

func (s *dirSink) Close() error { return nil }

// renameFile is os.Rename; tests replace it to simulate a crash between
// writing the temporary file and renaming it.
var renameFile = os.Rename

// dirSyncs holds the directories that received renamed files. Each is
// synced once when the run ends rather than after every file (fsync was
// 90% of the system time of a fix run over many small files). Until then
// a crash may bring back a file's old content, never a mix of old and
// new.
type dirSyncs map[string]struct{}

func (s dirSyncs) add(dir string) { s[dir] = struct{}{} }

// flush makes the renames durable; where directories cannot be synced the
// renames are still atomic.
func (s dirSyncs) flush() {
	for dir := range s {
		syncDir(dir)
		delete(s, dir)
	}
}

// syncDir makes the renames into dir durable; tests replace it to count
// the syncs.
var syncDir = func(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
