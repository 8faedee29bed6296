// Package corpus turns the paths a user names into the documents of one
// corpus: files, directories walked recursively, and standard input.
package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"sync"
)

// DefaultInclude are the file patterns linted inside a directory.
// JSON Lines files hold one article per record.
var DefaultInclude = []string{"*.txt", "*.md", "*.markdown", "*.jsonl", "*.jsonl.gz", "*.jsonl.zst"}

// Options control which files a walk yields.
type Options struct {
	// Include and Exclude are globs matched against the base name and
	// against the slash-separated path inside the named directory.
	Include, Exclude []string
	// Stdin is read for the path "-".
	Stdin io.Reader
	// JSONL names the fields of JSON Lines records.
	JSONL JSONLOptions
	// DirPatterns, when set, returns the include and exclude globs that a
	// config file gives for a directory argument. Config globs add to the
	// command line's excludes; its includes apply when the command line
	// gives none.
	DirPatterns func(dir string) (include, exclude []string, err error)
	// ReuseText lets Each read a plain file into a buffer given back by
	// RecycleText. The caller then hands every plain file's Unit.Text
	// back once nothing holds it.
	ReuseText bool
	// ReuseRecords lets Each read a JSON Lines record's line and decode
	// its text into buffers given back by RecycleRecord. The caller then
	// hands every record back once nothing holds its Raw and Text.
	ReuseRecords bool
}

// File is one input file found by a walk.
type File struct {
	// Path is the path as the user named it, joined with the relative path
	// inside a named directory.
	Path string
	// Source is the first directory level under a directory argument
	// (corpus templates are counted per source); for a file argument, its
	// parent directory's name.
	Source string
	// Root is the directory argument the file was found under, "" for a file
	// argument; Rel is the path inside it.
	Root, Rel string
}

// Input is a file's content, ready to become a document.
type Input struct {
	File
	Data []byte
}

// Problem is a path that could not be read or was skipped; it is reported
// on stderr and does not stop the run.
type Problem struct {
	Path string
	Err  error
	// Skipped marks a deliberate skip (a binary file): a note, not an error.
	Skipped bool
}

func (p Problem) Error() string { return fmt.Sprintf("%s: %v", p.Path, p.Err) }

// ErrBinary marks a file skipped because it holds NUL bytes.
var ErrBinary = errors.New("binary file (holds NUL bytes), skipped")

// Expand lists the files under the named paths in a deterministic order:
// arguments in the order given, files inside a directory sorted by path.
// It is Walk collected into a list, for callers that need the list (a
// run over a corpus walks instead).
func Expand(args []string, opts Options) ([]File, []Problem) {
	var files []File
	var problems []Problem
	_ = Walk(args, opts, func(f File) error {
		files = append(files, f)
		return nil
	}, func(p Problem) { problems = append(problems, p) })
	return files, problems
}

// matchAny reports whether a glob matches the base name or the relative
// path. A pattern with a slash is matched against the path only; "**/" at
// its start matches any depth.
func matchAny(patterns []string, base, rel string) bool {
	for _, p := range patterns {
		if !strings.Contains(p, "/") {
			if ok, _ := path.Match(p, base); ok {
				return true
			}
			continue
		}
		if MatchPath(p, rel) {
			return true
		}
	}
	return false
}

// MatchPath matches a slash-separated glob against a slash-separated path;
// "**" matches any number of directories.
func MatchPath(pattern, p string) bool {
	if !strings.Contains(pattern, "**") {
		ok, _ := path.Match(pattern, p)
		return ok
	}
	prefix, rest, _ := strings.Cut(pattern, "**")
	if !strings.HasPrefix(p, prefix) {
		return false
	}
	rest = strings.TrimPrefix(rest, "/")
	tail := p[len(prefix):]
	for {
		if MatchPath(rest, tail) {
			return true
		}
		i := strings.IndexByte(tail, '/')
		if i < 0 {
			return rest == "" || MatchPath(rest, tail)
		}
		tail = tail[i+1:]
	}
}

// Read loads a file's bytes. A file with a NUL byte in its first 8 KiB is
// reported as binary (ErrBinary) and not returned.
func Read(f File, stdin io.Reader) (Input, error) {
	return read(f, stdin, false)
}

// read is Read, into a recycled buffer when reuse is set (not for
// standard input).
func read(f File, stdin io.Reader, reuse bool) (Input, error) {
	var data []byte
	var err error
	switch {
	case f.Path == "-":
		if stdin == nil {
			stdin = os.Stdin
		}
		data, err = io.ReadAll(stdin)
	case reuse:
		data, err = readReused(f.Path)
	default:
		data, err = os.ReadFile(f.Path)
	}
	if err != nil {
		return Input{}, cleanErr(err)
	}
	if bytes.IndexByte(data[:min(len(data), 8192)], 0) >= 0 {
		if reuse && f.Path != "-" {
			RecycleText(data)
		}
		return Input{}, ErrBinary
	}
	return Input{File: f, Data: data}, nil
}

// textBuffers hold the buffers of plain files whose text was handed back
// (RecycleText): a run reads one file after another, each dead once its
// document is done, and the files were a sixth of a corpus run's garbage.
var textBuffers sync.Pool // of *[]byte

// RecycleText hands back a plain file's Unit.Text, read with
// Options.ReuseText, for a later file. Call it only when nothing holds
// the bytes (no document, no finding, no summary).
func RecycleText(b []byte) {
	if cap(b) == 0 {
		return
	}
	b = b[:0]
	textBuffers.Put(&b)
}

// readReused is os.ReadFile into a recycled buffer when one is large
// enough.
func readReused(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := 0
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		size = int(info.Size())
	}
	size++ // one more byte, so the read at the end meets EOF without a grow
	var data []byte
	if p, ok := textBuffers.Get().(*[]byte); ok && cap(*p) >= size {
		data = (*p)[:0]
	} else {
		data = make([]byte, 0, max(size, 512))
	}
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // the file grew: more room
		}
	}
}

// cleanErr drops the path that os errors repeat, since callers print it.
func cleanErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
