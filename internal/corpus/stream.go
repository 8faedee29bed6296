package corpus

import (
	"errors"
	"fmt"
	"io"
)

// Unit is the input of one document: a whole plain file, or one record of
// a JSON Lines file.
type Unit struct {
	File File
	// Text is the article: the file's bytes or the record's text field.
	Text []byte
	// Record is the JSON Lines record, nil for a plain file.
	Record *Record
	// Size is the number of bytes this unit consumed from disk
	// (compressed bytes for a compressed file), for progress.
	Size int64
}

// Each reads the files in order and calls fn with every unit, one at a
// time, so memory holds one unit per caller in flight, never the corpus.
// An unreadable file or a malformed record goes to problem and is skipped;
// an error from fn stops the walk and is returned.
func Each(files []File, opts Options, fn func(Unit) error, problem func(Problem)) error {
	for _, f := range files {
		var err error
		if IsJSONL(f.Path) {
			err = eachRecord(f, opts, fn, problem)
		} else {
			err = eachFile(f, opts, fn, problem)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func eachFile(f File, opts Options, fn func(Unit) error, problem func(Problem)) error {
	in, err := read(f, opts.Stdin, opts.ReuseText)
	if err != nil {
		problem(Problem{Path: f.Path, Err: err, Skipped: err == ErrBinary})
		return nil
	}
	return fn(Unit{File: f, Text: in.Data, Size: int64(len(in.Data))})
}

// eachRecord hands on the records of a JSON Lines file. It reads one record
// ahead so that every line that is not a record (a blank line, a malformed
// line, reported as a problem) travels with a record as Before or After:
// a fix writing the file back loses no line.
func eachRecord(f File, opts Options, fn func(Unit) error, problem func(Problem)) error {
	lr, err := OpenLines(f, opts.Stdin)
	if err != nil {
		problem(Problem{Path: f.Path, Err: err})
		return nil
	}
	defer lr.Close()
	var dates badDates
	var bad badLines
	var pending *Unit    // the last record read, not yet handed on
	var skipped [][]byte // lines since it that are not records
	var consumed int64
	emit := func() error {
		if pending == nil {
			return nil
		}
		pending.Record.After = skipped
		skipped = nil
		u := *pending
		pending = nil
		return fn(u)
	}
	for {
		var line, eol []byte
		var n int
		var err error
		if opts.ReuseRecords {
			line, eol, n, err = lr.next(recycledLine())
		} else {
			line, eol, n, err = lr.Next()
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			// A broken compressed stream cannot be resynchronised: report
			// where it broke and go on with the next file.
			problem(Problem{Path: f.Path, Err: &LineError{Line: n, Err: err}})
			break
		}
		var textBuf []byte
		if opts.ReuseRecords && !IsBlank(line) {
			textBuf = recycledText()
		}
		rec, err := recordOf(line, eol, n, opts.JSONL, textBuf)
		if err != nil {
			bad.note(f, err, problem)
		}
		if rec == nil {
			skipped = append(skipped, append(line, eol...))
			continue
		}
		if pending == nil {
			rec.Before, skipped = skipped, nil
		} else if err := emit(); err != nil {
			return err
		}
		dates.note(rec)
		size := lr.Consumed() - consumed
		consumed += size
		pending = &Unit{File: f, Text: rec.Text, Record: rec, Size: size}
	}
	if err := emit(); err != nil {
		return err
	}
	bad.finish(f, problem)
	if p := dates.problem(f, opts.JSONL.DateField); p != nil {
		problem(*p)
	}
	return nil
}

// maxLineProblems is how many malformed lines of one file are reported
// one by one; the rest are counted in one message, so a file that is not
// JSON Lines at all does not flood the terminal.
const maxLineProblems = 10

type badLines struct {
	count     int
	firstMore int // the line of the first one not reported
}

func (b *badLines) note(f File, err error, problem func(Problem)) {
	b.count++
	if b.count <= maxLineProblems {
		problem(Problem{Path: f.Path, Err: err})
		return
	}
	if b.firstMore == 0 {
		var le *LineError
		if errors.As(err, &le) {
			b.firstMore = le.Line
		}
	}
}

func (b *badLines) finish(f File, problem func(Problem)) {
	if more := b.count - maxLineProblems; more > 0 {
		problem(Problem{Path: f.Path, Err: fmt.Errorf("%d more malformed lines skipped (the first on line %d)", more, b.firstMore)})
	}
}

// recordOf parses a line; a blank line is no record and no error.
func recordOf(line, eol []byte, n int, o JSONLOptions, textBuf []byte) (*Record, error) {
	if IsBlank(line) {
		return nil, nil
	}
	rec, err := parseRecord(line, n, o, textBuf)
	if err != nil {
		return nil, err
	}
	rec.EOL = eol
	return &rec, nil
}

// badDates counts records whose date field could not be read: one note per
// file, not one per record.
type badDates struct {
	count, firstLine int
	first            string
}

func (b *badDates) note(rec *Record) {
	if rec.BadDate == "" {
		return
	}
	if b.count == 0 {
		b.firstLine, b.first = rec.Line, rec.BadDate
	}
	b.count++
}

func (b *badDates) problem(f File, field string) *Problem {
	if b.count == 0 {
		return nil
	}
	return &Problem{Path: f.Path, Skipped: true, Err: fmt.Errorf(
		"%d record(s) with a %q field that is not a YYYY-MM-DD date (first on line %d: %q); their date is unknown",
		b.count, field, b.firstLine, b.first)}
}
