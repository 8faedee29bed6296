package corpus

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/bits"
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
	// Before and After are the lines around the record that are no record
	// (blank or malformed), with their terminators: Before those at the
	// start of the file before the first record, After those up to the
	// next record or the end. A writer copies them through unchanged.
	Before, After [][]byte
}

// LineError is a malformed JSON Lines record: it is reported with its line
// number and skipped.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

// ParseRecord decodes one JSON Lines record: the line must be one valid
// JSON object and its text field a string. It validates and decodes the
// text in one pass (the text is most of the line's bytes) and checks the
// other values with encoding/json.
func ParseRecord(raw []byte, line int, o JSONLOptions) (Record, error) {
	return parseRecord(raw, line, o, nil)
}

// parseRecord is ParseRecord decoding the text into buf, a recycled
// buffer (nil: a new one).
func parseRecord(raw []byte, line int, o JSONLOptions, buf []byte) (Record, error) {
	rec := Record{Line: line, Raw: raw, TextStart: -1}
	i := skipSpace(raw, 0)
	if i == len(raw) || raw[i] != '{' {
		if i < len(raw) && json.Valid(raw) {
			return rec, &LineError{line, fmt.Errorf("want a JSON object, got %s", kindOf(raw[i]))}
		}
		return rec, &LineError{line, syntaxError(raw)}
	}
	textKey := o.textField()
	var badText error
	ok := eachField(raw, func(key []byte, start int) (int, bool) {
		if !keyIs(key, textKey) {
			end := scanValue(raw, start)
			if !json.Valid(raw[start:end]) {
				return end, false
			}
			rec.field(key, raw[start:end], o)
			return end, true
		}
		if raw[start] != '"' {
			end := scanValue(raw, start)
			if json.Valid(raw[start:end]) {
				badText = fmt.Errorf("field %q is %s, want a string", textKey, kindOf(raw[start]))
			}
			return end, badText != nil
		}
		text, end, err := unquoteInto(buf, raw, start)
		if err != nil {
			return end, false
		}
		rec.Text, rec.TextStart, rec.TextEnd = text, start, end
		return end, true
	})
	if ok && badText == nil {
		// The whole line is valid now: dotted names reach into objects.
		badText = rec.nested(o)
	}
	switch {
	case !ok && badText == nil:
		return rec, &LineError{line, syntaxError(raw)}
	case badText != nil:
		return rec, &LineError{line, badText}
	case rec.TextStart < 0:
		return rec, &LineError{line, fmt.Errorf("no %q field", textKey)}
	}
	if rec.ID == "" {
		rec.ID = strconv.Itoa(line)
	}
	return rec, nil
}

// field takes the id, source and date from top-level fields.
func (rec *Record) field(key, v []byte, o JSONLOptions) {
	switch {
	case keyIs(key, o.idField()):
		rec.ID = scalar(v)
	case o.SourceField != "" && keyIs(key, o.SourceField):
		rec.Source = scalar(v)
	case o.DateField != "" && keyIs(key, o.DateField):
		rec.Date, rec.BadDate = parseDate(scalar(v))
	}
}

// nested resolves the fields not found at the top level whose names have
// dots, as paths into nested objects: "metadata.date" is the "date" field
// of the "metadata" object (the layout of datatrove and dolma records).
func (rec *Record) nested(o JSONLOptions) error {
	raw := rec.Raw
	if rec.TextStart < 0 && strings.Contains(o.textField(), ".") {
		if start, end, ok := lookup(raw, skipSpace(raw, 0), o.textField()); ok {
			if raw[start] != '"' {
				return fmt.Errorf("field %q is %s, want a string", o.textField(), kindOf(raw[start]))
			}
			text, _, err := unquoteAt(raw, start)
			if err != nil {
				return fmt.Errorf("field %q: %v", o.textField(), err)
			}
			rec.Text, rec.TextStart, rec.TextEnd = text, start, end
		}
	}
	if v, ok := nestedValue(raw, o.idField()); ok {
		rec.ID = scalar(v)
	}
	if v, ok := nestedValue(raw, o.SourceField); ok {
		rec.Source = scalar(v)
	}
	if v, ok := nestedValue(raw, o.DateField); ok {
		rec.Date, rec.BadDate = parseDate(scalar(v))
	}
	return nil
}

// nestedValue finds a dotted field that has no top-level key of its own.
func nestedValue(raw []byte, name string) ([]byte, bool) {
	if !strings.Contains(name, ".") {
		return nil, false
	}
	obj := skipSpace(raw, 0)
	if _, _, top := member(raw, obj, name); top {
		return nil, false
	}
	start, end, ok := lookup(raw, obj, name)
	return raw[start:end], ok
}

// lookup follows a dotted path from the object at raw[obj] (valid JSON):
// at each level the rest of the path as one key wins over its first
// segment.
func lookup(raw []byte, obj int, path string) (int, int, bool) {
	if start, end, ok := member(raw, obj, path); ok {
		return start, end, true
	}
	head, rest, ok := strings.Cut(path, ".")
	if !ok {
		return 0, 0, false
	}
	start, _, ok := member(raw, obj, head)
	if !ok || raw[start] != '{' {
		return 0, 0, false
	}
	return lookup(raw, start, rest)
}

// member finds the value of key in the valid object at raw[obj]; the last
// of duplicate keys wins, as in encoding/json.
func member(raw []byte, obj int, key string) (start, end int, found bool) {
	i := skipSpace(raw, obj+1)
	for i < len(raw) && raw[i] == '"' {
		keyEnd := scanString(raw, i)
		k := raw[i:keyEnd]
		v := skipSpace(raw, skipSpace(raw, keyEnd)+1)
		e := scanValue(raw, v)
		if keyIs(k, key) {
			start, end, found = v, e, true
		}
		i = skipSpace(raw, e)
		if i < len(raw) && raw[i] == ',' {
			i = skipSpace(raw, i+1)
		}
	}
	return start, end, found
}

// syntaxError finds where a line stops being JSON, for the message.
func syntaxError(raw []byte) error {
	var v any
	err := json.Unmarshal(raw, &v)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("invalid JSON at column %d: %v", se.Offset, se.Error())
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

// eachField walks the members of the object starting at raw's first
// non-space byte, checking its structure; fn gets each key (quotes
// included) and the offset of its value, and returns where the value ends
// and whether it was valid. It reports false on any syntax error.
func eachField(raw []byte, fn func(key []byte, start int) (int, bool)) bool {
	i := skipSpace(raw, 0) + 1 // past '{'
	i = skipSpace(raw, i)
	if i < len(raw) && raw[i] == '}' {
		return skipSpace(raw, i+1) == len(raw)
	}
	for {
		if i >= len(raw) || raw[i] != '"' {
			return false
		}
		keyStart, keyEnd := i, scanString(raw, i)
		if keyEnd > len(raw) || !json.Valid(raw[i:keyEnd]) {
			return false
		}
		i = skipSpace(raw, keyEnd)
		if i >= len(raw) || raw[i] != ':' {
			return false
		}
		i = skipSpace(raw, i+1)
		if i >= len(raw) {
			return false
		}
		end, ok := fn(raw[keyStart:keyEnd], i)
		if !ok {
			return false
		}
		i = skipSpace(raw, end)
		if i >= len(raw) {
			return false
		}
		switch raw[i] {
		case ',':
			i = skipSpace(raw, i+1)
		case '}':
			return skipSpace(raw, i+1) == len(raw)
		default:
			return false
		}
	}
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

// scanString returns the offset just past the string starting at b[i], or
// len(b)+1 when it is not terminated.
func scanString(b []byte, i int) int {
	i++
	for i < len(b) {
		j := bytes.IndexAny(b[i:], `"\`)
		if j < 0 {
			break
		}
		i += j
		if b[i] == '"' {
			return i + 1
		}
		i += 2
	}
	return len(b) + 1
}

// scanValue returns the offset just past the value starting at b[i],
// without validating it; at most len(b).
func scanValue(b []byte, i int) int {
	switch b[i] {
	case '"':
		return min(scanString(b, i), len(b))
	case '{', '[':
		depth := 0
		for i < len(b) {
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
		return len(b)
	}
	for i < len(b) && !isDelim(b[i]) {
		i++
	}
	return i
}

func isDelim(c byte) bool {
	return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\r' || c == '\n'
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
	s, end, err := unquoteAt(v, 0)
	if err == nil && end != len(v) {
		err = errors.New("not a single JSON string")
	}
	return s, err
}

// unquoteAt validates and decodes the JSON string starting at b[i] in one
// pass and returns it with the offset just past its closing quote. A
// string without escapes is one scan and one copy; otherwise the
// one-letter escapes and the plain runs between them are decoded by
// unescapeRuns, and only \u escapes, the end and the errors come back
// here. No byte is scanned twice.
func unquoteAt(b []byte, i int) ([]byte, int, error) {
	return unquoteInto(nil, b, i)
}

// unquoteInto is unquoteAt decoding into buf when it is large enough (a
// recycled buffer; nil: a new one).
func unquoteInto(buf, b []byte, i int) ([]byte, int, error) {
	if i >= len(b) || b[i] != '"' {
		return nil, i, errors.New("not a JSON string")
	}
	i++
	j := i + plainLen(b[i:])
	if j < len(b) && b[j] == '"' {
		return append(textBuffer(buf, j-i), b[i:j]...), j + 1, nil
	}
	// The output never outgrows the input (every escape is longer than
	// what it stands for); as a copy of it, the first run is in place.
	out := append(textBuffer(buf, len(b)-i), b[i:]...)
	o := j - i
	for {
		written, read := unescapeRuns(out[o:], b[j:])
		o, j = o+written, j+read
		if j >= len(b) {
			break
		}
		switch c := b[j]; {
		case c == '"':
			return out[:o], j + 1, nil
		case c < 0x20:
			return nil, j, fmt.Errorf("control character %#02x in a string", c)
		}
		// A backslash, of no one-letter escape.
		if j+1 >= len(b) {
			break
		}
		if e := b[j+1]; e != 'u' {
			return nil, j, fmt.Errorf("invalid escape \\%c", e)
		}
		r, n, err := unicodeEscape(b[j:])
		if err != nil {
			return nil, j, err
		}
		o += utf8.EncodeRune(out[o:], r)
		j += n
	}
	return nil, len(b), errors.New("unterminated string")
}

// unescapeRuns decodes src into dst (at least as long): the plain run at
// its start and every one-letter escape and plain run after it. It
// returns the bytes written and read, stopping at a quote, a control
// byte, any other backslash or the end.
func unescapeRuns(dst, src []byte) (written, read int) {
	for {
		k := copyPlain(dst, src)
		if k+1 >= len(src) || src[k] != '\\' || unescaped[src[k+1]] == 0 {
			return written + k, read + k
		}
		dst[k] = unescaped[src[k+1]]
		dst, src = dst[k+1:], src[k+2:]
		written, read = written+k+1, read+k+2
	}
}

// copyPlain copies the plain run at the start of src to dst (at least as
// long) and returns its length. It moves sixteen bytes at a time while
// sixteen remain, storing them before testing them: bytes stored past
// the run's end are overwritten by what follows, as the caller counts
// only the run.
func copyPlain(dst, src []byte) int {
	dst = dst[:len(src)]
	k := 0
	for ; k <= len(src)-16; k += 16 {
		s := src[k : k+16 : k+16]
		*(*[16]byte)(dst[k : k+16 : k+16]) = [16]byte(s)
		x := binary.LittleEndian.Uint64(s)
		y := binary.LittleEndian.Uint64(s[8:])
		if mx, my := specialLanes(x), specialLanes(y); mx|my != 0 {
			if mx != 0 {
				return k + bits.TrailingZeros64(mx)/8
			}
			return k + 8 + bits.TrailingZeros64(my)/8
		}
	}
	for ; k < len(src) && !special[src[k]]; k++ {
		dst[k] = src[k]
	}
	return k
}

// plainLen is the length of the plain run at the start of b: the offset
// of its first special byte, or len(b).
func plainLen(b []byte) int {
	k := 0
	for ; k <= len(b)-8; k += 8 {
		if m := specialLanes(binary.LittleEndian.Uint64(b[k : k+8 : k+8])); m != 0 {
			return k + bits.TrailingZeros64(m)/8
		}
	}
	for k < len(b) && !special[b[k]] {
		k++
	}
	return k
}

// specialLanes marks, with the high bit of its byte, each of the eight
// bytes of x (little-endian) that ends a plain run of a JSON string: a
// control byte below 0x20, a quote or a backslash. x ^ 0x02.. moves the
// quote (0x22) to 0x20 and keeps the control bytes below 0x20, so one
// "below 0x21" test takes both; each test is the zero-byte test
// (v - 0x01..) &^ v & 0x80.., whose lowest mark is exact (a borrow can
// only mark a lane above a truly special one). Bytes above ASCII (high
// bit set) are never marked.
func specialLanes(x uint64) uint64 {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	quoteOrControl := (x ^ 0x02*ones) - 0x21*ones
	backslash := (x ^ '\\'*ones) - ones
	return (quoteOrControl | backslash) &^ x & high
}

// special marks the bytes that end a plain run of a JSON string: the
// quote, the backslash and the control characters JSON forbids raw.
var special = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

// unescaped is the byte a one-letter escape stands for, 0 for a letter
// that is no escape (u is decoded on its own).
var unescaped = [256]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

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

// hex4 reads the four hex digits of the escape \uXXXX at v[0].
func hex4(v []byte) (rune, bool) {
	if len(v) < 6 {
		return 0, false
	}
	var r rune
	for _, c := range v[2:6] {
		d := hexValue[c]
		if d < 0 {
			return 0, false
		}
		r = r<<4 | rune(d)
	}
	return r, true
}

// hexValue is a hex digit's value, -1 for any other byte.
var hexValue = func() (t [256]int8) {
	for c := range t {
		t[c] = -1
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = int8(c - '0')
	}
	for c := 'a'; c <= 'f'; c++ {
		t[c] = int8(c-'a') + 10
		t[c-'a'+'A'] = int8(c-'a') + 10
	}
	return t
}()

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
	if err := lr.checkContent(f.Path); err != nil {
		lr.Close()
		return nil, err
	}
	return lr, nil
}

// checkContent looks at the first bytes: a compressed stream under a plain
// .jsonl name, or binary data, would otherwise give one "invalid JSON" per
// line. Either is one clear error for the file.
func (lr *LineReader) checkContent(path string) error {
	head, err := lr.r.Peek(8192)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return fmt.Errorf("%s: %v", cmpOr(Compression(path), "reading"), err)
	}
	switch {
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}):
		return errors.New("gzip-compressed data under a name without .gz: rename it *.jsonl.gz")
	case bytes.HasPrefix(head, []byte{0x28, 0xb5, 0x2f, 0xfd}):
		return errors.New("zstd-compressed data under a name without .zst: rename it *.jsonl.zst")
	case bytes.IndexByte(head, 0) >= 0:
		return ErrBinary
	}
	return nil
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
	return lr.next(nil)
}

// next is Next reading into buf when it is not nil (a recycled line).
func (lr *LineReader) next(buf []byte) (line, eol []byte, n int, err error) {
	if lr.err != nil {
		return nil, nil, lr.line, lr.err
	}
	var b []byte
	if buf != nil {
		b, err = readLineInto(lr.r, buf)
	} else {
		b, err = lr.r.ReadBytes('\n')
	}
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
