package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// JSONLOptions name the fields of a JSON Lines record.
type JSONLOptions struct {
	// TextField holds the article text ("text" when empty).
	TextField string
	// IDField holds the record id ("id" when empty); a record without it is
	// named by its line number.
	IDField string
	// SourceField, when set, holds the source that corpus rules group
	// documents by; otherwise the file's source is used.
	SourceField string
	// DateField, when set, holds the article date (YYYY-MM-DD, optionally
	// followed by a time as in RFC 3339).
	DateField string
}

func (o JSONLOptions) textField() string { return cmpOr(o.TextField, "text") }
func (o JSONLOptions) idField() string   { return cmpOr(o.IDField, "id") }

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// JSONLPatterns are the file names read as JSON Lines, one record per
// article.
var JSONLPatterns = []string{"*.jsonl", "*.jsonl.gz", "*.jsonl.zst"}

// IsJSONL reports whether a path names a JSON Lines file (plain, gzip or
// zstd), by its extension.
func IsJSONL(path string) bool {
	p := strings.ToLower(path)
	return strings.HasSuffix(p, ".jsonl") || strings.HasSuffix(p, ".jsonl.gz") || strings.HasSuffix(p, ".jsonl.zst")
}

// Compression is "gz", "zst" or "" for a path, by its extension.
func Compression(path string) string {
	p := strings.ToLower(path)
	switch {
	case strings.HasSuffix(p, ".gz"):
		return "gz"
	case strings.HasSuffix(p, ".zst"):
		return "zst"
	}
	return ""
}

// Record is one line of a JSON Lines file.
type Record struct {
	// Line is the 1-based line number in the (decompressed) file.
	Line int
	// Raw is the line as read, without its terminator; EOL is the
	// terminator ("\n", "\r\n", or "" on a last line without one).
	Raw, EOL []byte
	// ID is the id field's value (a string, or a number's literal), or the
	// line number when the record has none.
	ID string
	// Source is the source field's value, "" when not asked for or absent.
	Source string
	// Date is the date field's value, zero when absent; BadDate holds an
	// unparsable value so the caller can say so.
	Date    time.Time
	BadDate string
	// Text is the decoded text field: findings' offsets count its bytes.
	Text []byte
	// TextStart and TextEnd delimit the text field's JSON value in Raw, so
	// a fix can replace that value and keep every other byte.
	TextStart, TextEnd int
}

// LineError is a malformed JSON Lines record: it is reported with its line
// number and skipped.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

// ParseRecord decodes one JSON Lines record. It checks the whole line is
// one valid JSON object and that the text field is a string.
func ParseRecord(raw []byte, line int, o JSONLOptions) (Record, error) {
	rec := Record{Line: line, Raw: raw, TextStart: -1}
	if !json.Valid(raw) {
		return rec, &LineError{line, syntaxError(raw)}
	}
	i := skipSpace(raw, 0)
	if raw[i] != '{' {
		return rec, &LineError{line, fmt.Errorf("want a JSON object, got %s", kindOf(raw[i]))}
	}
	textKey, idKey := o.textField(), o.idField()
	err := eachField(raw, func(key []byte, start, end int) error {
		v := raw[start:end]
		switch {
		case keyIs(key, textKey):
			if v[0] != '"' {
				return fmt.Errorf("field %q is %s, want a string", textKey, kindOf(v[0]))
			}
			rec.TextStart, rec.TextEnd = start, end
		case keyIs(key, idKey):
			rec.ID = scalar(v)
		case o.SourceField != "" && keyIs(key, o.SourceField):
			rec.Source = scalar(v)
		case o.DateField != "" && keyIs(key, o.DateField):
			rec.Date, rec.BadDate = parseDate(scalar(v))
		}
		return nil
	})
	if err != nil {
		return rec, &LineError{line, err}
	}
	if rec.TextStart < 0 {
		return rec, &LineError{line, fmt.Errorf("no %q field", textKey)}
	}
	text, err := Unquote(raw[rec.TextStart:rec.TextEnd])
	if err != nil {
		return rec, &LineError{line, fmt.Errorf("field %q: %v", textKey, err)}
	}
	rec.Text = text
	if rec.ID == "" {
		rec.ID = strconv.Itoa(line)
	}
	return rec, nil
}

// syntaxError finds where a line stops being JSON, for the message.
func syntaxError(raw []byte) error {
	var v any
	err := json.Unmarshal(raw, &v)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("invalid JSON at byte %d: %v", se.Offset, se.Error())
	}
	if err == nil {
		return errors.New("invalid JSON")
	}
	return fmt.Errorf("invalid JSON: %v", err)
}

func kindOf(c byte) string {
	switch c {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// eachField calls fn for every top-level key of a valid JSON object with
// the byte span of its value.
func eachField(raw []byte, fn func(key []byte, start, end int) error) error {
	i := skipSpace(raw, 0) + 1 // past '{'
	for {
		i = skipSpace(raw, i)
		if raw[i] == '}' {
			return nil
		}
		keyEnd := scanString(raw, i)
		key := raw[i:keyEnd]
		i = skipSpace(raw, keyEnd) + 1 // past ':'
		i = skipSpace(raw, i)
		end := scanValue(raw, i)
		if err := fn(key, i, end); err != nil {
			return err
		}
		i = skipSpace(raw, end)
		if raw[i] == ',' {
			i++
		}
	}
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

// scanString returns the offset just past the string starting at b[i].
func scanString(b []byte, i int) int {
	i++
	for {
		j := bytes.IndexAny(b[i:], `"\`)
		i += j
		if b[i] == '"' {
			return i + 1
		}
		i += 2
	}
}

// scanValue returns the offset just past the value starting at b[i].
func scanValue(b []byte, i int) int {
	switch b[i] {
	case '"':
		return scanString(b, i)
	case '{', '[':
		depth := 0
		for {
			switch b[i] {
			case '"':
				i = scanString(b, i)
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
			i++
		}
	}
	for i < len(b) && !bytes.ContainsRune([]byte(",}] \t\r\n"), rune(b[i])) {
		i++
	}
	return i
}

// keyIs compares a raw JSON key (with quotes) to a field name.
func keyIs(raw []byte, name string) bool {
	if len(raw) == len(name)+2 && string(raw[1:len(raw)-1]) == name {
		return true
	}
	if bytes.IndexByte(raw, '\\') < 0 {
		return false
	}
	s, err := Unquote(raw)
	return err == nil && string(s) == name
}

// scalar renders a string's content or a number's or boolean's literal; ""
// for null, objects and arrays.
func scalar(v []byte) string {
	switch v[0] {
	case '"':
		s, _ := Unquote(v)
		return string(s)
	case '{', '[', 'n':
		return ""
	}
	return string(v)
}

func parseDate(s string) (time.Time, string) {
	if s == "" {
		return time.Time{}, ""
	}
	if len(s) >= 10 {
		if d, err := time.Parse("2006-01-02", s[:10]); err == nil && (len(s) == 10 || s[10] == 'T' || s[10] == ' ') {
			return d, ""
		}
	}
	return time.Time{}, s
}

// Unquote decodes a JSON string literal (quotes included). Invalid UTF-8
// inside it is kept byte for byte, so no text changes behind the user's
// back; a lone surrogate escape becomes U+FFFD, as in encoding/json.
func Unquote(v []byte) ([]byte, error) {
	if len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' {
		return nil, errors.New("not a JSON string")
	}
	v = v[1 : len(v)-1]
	first := bytes.IndexByte(v, '\\')
	if first < 0 {
		return bytes.Clone(v), nil
	}
	out := make([]byte, 0, len(v))
	for len(v) > 0 {
		i := bytes.IndexByte(v, '\\')
		if i < 0 {
			out = append(out, v...)
			break
		}
		out = append(out, v[:i]...)
		v = v[i:]
		if len(v) < 2 {
			return nil, errors.New("truncated escape")
		}
		switch c := v[1]; c {
		case '"', '\\', '/':
			out = append(out, c)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, n, err := unicodeEscape(v)
			if err != nil {
				return nil, err
			}
			out = utf8.AppendRune(out, r)
			v = v[n:]
			continue
		default:
			return nil, fmt.Errorf("invalid escape \\%c", c)
		}
		v = v[2:]
	}
	return out, nil
}

// unicodeEscape decodes \uXXXX, joining a surrogate pair; it returns the
// rune and the bytes consumed.
func unicodeEscape(v []byte) (rune, int, error) {
	r, ok := hex4(v)
	if !ok {
		return 0, 0, errors.New(`invalid \u escape`)
	}
	if r < 0xD800 || r > 0xDFFF {
		return r, 6, nil
	}
	if r < 0xDC00 && len(v) >= 12 && v[6] == '\\' && v[7] == 'u' {
		if lo, ok := hex4(v[6:]); ok && lo >= 0xDC00 && lo <= 0xDFFF {
			return (r-0xD800)<<10 | (lo - 0xDC00) + 0x10000, 12, nil
		}
	}
	return utf8.RuneError, 6, nil
}

func hex4(v []byte) (rune, bool) {
	if len(v) < 6 {
		return 0, false
	}
	n, err := strconv.ParseUint(string(v[2:6]), 16, 32)
	return rune(n), err == nil
}

// AppendQuote appends s as a JSON string literal. It escapes only what
// JSON requires (quote, backslash, control characters) plus U+2028 and
// U+2029, and keeps invalid UTF-8 bytes as they are, so a record whose
// text no fix touched is written back unchanged in content.
func AppendQuote(dst, s []byte) []byte {
	const hexDigits = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c != 0xE2 {
			i++
			continue
		}
		if c == 0xE2 {
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) {
				dst = append(dst, s[start:i]...)
				dst = append(dst, `\u202`...)
				dst = append(dst, hexDigits[s[i+2]&0xF])
				i += 3
				start = i
				continue
			}
			i++
			continue
		}
		dst = append(dst, s[start:i]...)
		switch c {
		case '"', '\\':
			dst = append(dst, '\\', c)
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		default:
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
		}
		i++
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// LineReader reads the lines of a JSON Lines file of any size, through its
// decompressor, counting the bytes read from disk for progress.
type LineReader struct {
	r       *bufio.Reader
	closers []io.Closer
	counter *countingReader
	line    int
	err     error
}

// OpenLines opens a JSON Lines file (path "-" reads stdin), decompressing
// by its extension.
func OpenLines(f File, stdin io.Reader) (*LineReader, error) {
	lr := &LineReader{}
	var src io.Reader
	if f.Path == "-" {
		src = stdinOr(stdin)
	} else {
		file, err := os.Open(f.Path)
		if err != nil {
			return nil, cleanErr(err)
		}
		lr.closers = append(lr.closers, file)
		src = file
	}
	lr.counter = &countingReader{r: src}
	src = lr.counter
	switch Compression(f.Path) {
	case "gz":
		zr, err := gzip.NewReader(bufio.NewReaderSize(src, 64<<10))
		if err != nil {
			lr.Close()
			return nil, fmt.Errorf("gzip: %v", err)
		}
		lr.closers = append(lr.closers, zr)
		src = zr
	case "zst":
		zr, err := zstd.NewReader(src, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(1<<30))
		if err != nil {
			lr.Close()
			return nil, fmt.Errorf("zstd: %v", err)
		}
		lr.closers = append(lr.closers, closerFunc(func() error { zr.Close(); return nil }))
		src = zr
	}
	lr.r = bufio.NewReaderSize(src, 256<<10)
	return lr, nil
}

type closerFunc func() error

func (f closerFunc) Close() error { return f() }

func stdinOr(r io.Reader) io.Reader {
	if r == nil {
		return os.Stdin
	}
	return r
}

// Next returns the next line, its terminator and its 1-based number; io.EOF
// after the last. A line of any length is returned whole (bufio.Reader
// grows; a Scanner would stop at its buffer size).
func (lr *LineReader) Next() (line, eol []byte, n int, err error) {
	if lr.err != nil {
		return nil, nil, lr.line, lr.err
	}
	b, err := lr.r.ReadBytes('\n')
	if err != nil && err != io.EOF {
		lr.err = err
		return nil, nil, lr.line + 1, err
	}
	if err == io.EOF && len(b) == 0 {
		lr.err = io.EOF
		return nil, nil, lr.line, io.EOF
	}
	lr.line++
	if lr.line == 1 {
		b = bytes.TrimPrefix(b, utf8BOM)
	}
	line = b
	switch {
	case bytes.HasSuffix(b, []byte("\r\n")):
		line, eol = b[:len(b)-2], b[len(b)-2:]
	case bytes.HasSuffix(b, []byte("\n")):
		line, eol = b[:len(b)-1], b[len(b)-1:]
	}
	return line, eol, lr.line, nil
}

// Consumed is the number of bytes read from the file so far (compressed
// bytes for a compressed file).
func (lr *LineReader) Consumed() int64 { return lr.counter.n }

// Close closes the decompressor and the file.
func (lr *LineReader) Close() error {
	var first error
	for i := len(lr.closers) - 1; i >= 0; i-- {
		if err := lr.closers[i].Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// IsBlank reports whether a line holds only white space: JSON Lines files
// often end with an empty line, which is not a record.
func IsBlank(line []byte) bool { return len(bytes.TrimSpace(line)) == 0 }
