package corpus

import (
	"bufio"
	"sync"
)

// A JSON Lines record costs two buffers: its line (Record.Raw) and its
// decoded text (Record.Text), each about the size of the article. A run
// reads one record after another, each dead once its document is done,
// so with Options.ReuseRecords they are read into the buffers of records
// handed back (RecycleRecord) instead of new ones, as plain files are.

// lineBuffers hold the lines of records handed back.
var lineBuffers sync.Pool // of *[]byte

// RecycleRecord hands back a record read with Options.ReuseRecords: its
// line and its text go to later records. Call it only when nothing holds
// rec.Raw, rec.EOL or rec.Text (no document, no finding, no summary, no
// output waiting to be written); rec's other fields stay valid.
func RecycleRecord(rec *Record) {
	if rec == nil {
		return
	}
	if cap(rec.Raw) > 0 {
		raw := rec.Raw[:0]
		lineBuffers.Put(&raw)
	}
	RecycleText(rec.Text)
	rec.Raw, rec.EOL, rec.Text = nil, nil, nil
}

// recycledLine returns an empty buffer for a line, a handed-back one if
// any (it grows as the line needs).
func recycledLine() []byte {
	if p, ok := lineBuffers.Get().(*[]byte); ok {
		return (*p)[:0]
	}
	return nil
}

// recycledText returns an empty buffer for a record's text, a handed-back
// text if any (unquoteInto uses it when it is large enough).
func recycledText() []byte {
	if p, ok := textBuffers.Get().(*[]byte); ok {
		return (*p)[:0]
	}
	return nil
}

// textBuffer returns buf emptied when it holds n bytes, else a new buffer
// of n: never nil, as bytes.Clone's copies were not.
func textBuffer(buf []byte, n int) []byte {
	if cap(buf) >= n && buf != nil {
		return buf[:0]
	}
	return make([]byte, 0, n)
}

// readLineInto is bufio.Reader.ReadBytes('\n') appending to buf: the
// same bytes and errors, in a buffer that may be a recycled one.
func readLineInto(r *bufio.Reader, buf []byte) ([]byte, error) {
	for {
		frag, err := r.ReadSlice('\n')
		buf = append(buf, frag...)
		if err != bufio.ErrBufferFull {
			return buf, err
		}
	}
}
