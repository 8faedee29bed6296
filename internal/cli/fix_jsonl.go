package cli

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"

	"github.com/dochygiene/hygiene/internal/corpus"
	"github.com/dochygiene/hygiene/internal/lint"
)

// JSON Lines files are fixed as a stream: each record is written out as
// soon as it is fixed, so a file of any size takes the memory of the
// records in flight, not of the file. A record keeps every byte of its line
// except the text field's value, which is replaced only when a fix changed
// the text; blank and malformed lines are copied through; the output has
// the input's compression. --out and --in-place write to a temporary file
// renamed into place when the file is complete (atomic, as for plain files).

// jsonlOut is the JSON Lines file being fixed.
type jsonlOut struct {
	file     corpus.File
	lastLine int
	changed  bool
	failed   bool // a write failed: the rest of the file is not written

	w    *bufio.Writer  // the encoded records go here; nil for --check and --diff
	comp io.WriteCloser // the compressor under w, if any
	tmp  *os.File       // the temporary file for --out and --in-place
	// staged removes tmp if the run is interrupted (abandonOnInterrupt).
	staged *stagedWrites
	dest   string // where tmp is renamed to
	perm   fs.FileMode
	line   []byte // scratch for one output line
}

// addRecord takes one fixed JSON Lines record (fixRun.add hands them
// here): it finishes the previous file when this record starts another,
// then writes the record.
func (r *fixRun) addRecord(fx *lint.Fixed) error {
	if r.current != nil {
		if err := r.flush(); err != nil {
			return err
		}
	}
	rec := fx.Unit.Record
	if out := r.jsonl; out != nil && (out.file.Path != fx.Unit.File.Path || rec.Line <= out.lastLine) {
		r.finishJSONL()
	}
	if r.jsonl == nil {
		r.jsonl = r.openJSONL(fx.Unit.File)
	}
	out := r.jsonl
	out.lastLine = rec.Line
	r.notes(fx)
	if r.ledger != nil {
		if err := r.ledger.write(fx); err != nil {
			return fmt.Errorf("%s: writing the ledger: %v", r.ff.ledger, err)
		}
	}
	r.stats.addRecord(fx)
	if fx.Result.Changed {
		out.changed = true
		if r.ff.diff {
			r.diffRecord(fx)
		}
	}
	out.put(r, fx)
	return nil
}

// openJSONL starts the output of one JSON Lines file for the run's mode.
// A failure is reported and the file's records are then only counted.
func (r *fixRun) openJSONL(f corpus.File) *jsonlOut {
	out := &jsonlOut{file: f, staged: r.staged}
	var err error
	switch {
	case r.ff.diff || r.ff.check:
		return out
	case r.ff.out != "":
		err = out.openDir(r.sink.(*dirSink))
	case r.ff.inPlace:
		err = out.openInPlace()
	default:
		out.startEncoding(r.e.stdout)
	}
	if err != nil {
		r.fail("%s: %v", f.Path, err)
		out.abort()
	}
	return out
}

func (o *jsonlOut) openDir(ds *dirSink) error {
	dest, perm, err := ds.claim(o.file)
	if err != nil {
		return err
	}
	return o.openTemp(dest, perm)
}

func (o *jsonlOut) openInPlace() error {
	// A file named through a symbolic link is rewritten where it lives.
	target, err := filepath.EvalSymlinks(o.file.Path)
	if err != nil {
		return err
	}
	info, err := os.Stat(target)
	if err != nil {
		return err
	}
	return o.openTemp(target, info.Mode().Perm())
}

func (o *jsonlOut) openTemp(dest string, perm fs.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".hygiene-*")
	if err != nil {
		return err
	}
	o.tmp, o.dest, o.perm = tmp, dest, perm
	o.staged.track(tmp)
	o.startEncoding(tmp)
	return nil
}

// startEncoding puts the compressor the input's name asks for in front
// of w.
func (o *jsonlOut) startEncoding(w io.Writer) {
	o.w = bufio.NewWriterSize(w, 256<<10)
	switch corpus.Compression(o.file.Path) {
	case "gz":
		o.comp = gzip.NewWriter(o.w)
	case "zst":
		// Errors only come from invalid options.
		zw, _ := zstd.NewWriter(o.w, zstd.WithEncoderConcurrency(1))
		o.comp = zw
	}
}

// put writes one record with the lines that travel with it.
func (o *jsonlOut) put(r *fixRun, fx *lint.Fixed) {
	if o.w == nil || o.failed {
		return
	}
	o.line = appendRecord(o.line[:0], fx.Unit.Record, fx.Result.Src, fx.Result.Changed)
	var err error
	if o.comp != nil {
		_, err = o.comp.Write(o.line)
	} else {
		_, err = o.w.Write(o.line)
	}
	if err != nil {
		r.fail("%s: %v", o.file.Path, err)
		o.abort()
	}
}

// appendRecord is the output line of a record: its line byte for byte, with
// the text field's value replaced when the text changed, and the blank or
// malformed lines around it.
func appendRecord(dst []byte, rec *corpus.Record, text []byte, changed bool) []byte {
	for _, l := range rec.Before {
		dst = append(dst, l...)
	}
	if changed {
		dst = append(dst, rec.Raw[:rec.TextStart]...)
		dst = corpus.AppendQuote(dst, text)
		dst = append(dst, rec.Raw[rec.TextEnd:]...)
	} else {
		dst = append(dst, rec.Raw...)
	}
	dst = append(dst, rec.EOL...)
	for _, l := range rec.After {
		dst = append(dst, l...)
	}
	return dst
}

// finishJSONL completes the current JSON Lines file: flushes the
// compressor, and renames the temporary file into place (for --in-place,
// only when a record changed).
func (r *fixRun) finishJSONL() {
	o := r.jsonl
	if o == nil {
		return
	}
	r.jsonl = nil
	r.stats.files++
	if o.changed {
		r.stats.filesChanged++
		if r.ff.check && !r.ff.diff {
			fmt.Fprintln(r.e.stdout, o.file.Path)
		}
	}
	if o.w == nil || o.failed {
		return
	}
	if err := o.close(r.ff.inPlace && !o.changed, r.syncs); err != nil {
		r.fail("%s: %v", o.file.Path, err)
		o.abort()
	}
}

func (o *jsonlOut) close(discard bool, syncs dirSyncs) error {
	if o.comp != nil {
		if err := o.comp.Close(); err != nil {
			return err
		}
	}
	if err := o.w.Flush(); err != nil {
		return err
	}
	if o.tmp == nil {
		return nil
	}
	if discard {
		o.abort()
		return nil
	}
	if err := o.tmp.Chmod(o.perm); err != nil {
		return err
	}
	if err := o.tmp.Sync(); err != nil {
		return err
	}
	if err := o.tmp.Close(); err != nil {
		return err
	}
	if err := renameFile(o.tmp.Name(), o.dest); err != nil {
		return err
	}
	syncs.add(filepath.Dir(o.dest))
	o.staged.untrack(o.tmp)
	o.tmp = nil
	return nil
}

// abort stops writing the file and removes its temporary file, so a failed
// run leaves the old file or nothing, never a partial copy.
func (o *jsonlOut) abort() {
	o.failed = true
	if o.tmp != nil {
		o.staged.untrack(o.tmp)
		discardTemp(o.tmp)
		o.tmp = nil
	}
}

// diffRecord prints a changed record's text as a unified diff named
// path#id: the JSON line itself would be one unreadable line.
func (r *fixRun) diffRecord(fx *lint.Fixed) {
	color := false
	if ds, ok := r.sink.(*diffSink); ok {
		color = ds.color
	}
	a, b := diffNames(fx.Unit.File.Path)
	id := "#" + fx.Unit.Record.ID
	if err := writeUnifiedDiff(r.e.stdout, a+id, b+id, fx.Unit.Text, fx.Result.Src, color); err != nil {
		r.fail("%s: %v", fx.Unit.File.Path, err)
	}
}

// addRecord counts one record's edits; finishJSONL counts the file.
func (s *fixStats) addRecord(fx *lint.Fixed) {
	for _, a := range fx.Result.Applied {
		s.edits++
		s.byRule[a.Rule]++
		s.removed += len(a.Removed)
		s.inserted += len(a.Inserted)
	}
}
