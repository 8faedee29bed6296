package report

import (
	"encoding/binary"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/rules"
)

// The JSON format is written by hand rather than by encoding/json with an
// indent: on finding-heavy input (a whole-page ingest gives one finding
// per furniture line) marshalling and then re-indenting took a fifth of
// lint's CPU. The bytes are encoding/json's, indent and escaping included
// (SetIndent("", "  "), SetEscapeHTML(false)); a test holds the two to it.

// appendJSONReport appends the report as encoding/json's Encoder writes
// jsonReport, final newline included.
func appendJSONReport(b []byte, r *Report) []byte {
	b = slices.Grow(b, jsonSize(r))
	b = append(b, "{\n  \"version\": 1,\n  \"documents\": "...)
	b = strconv.AppendInt(b, int64(r.Documents), 10)
	b = append(b, ",\n  \"findings\": ["...)
	if len(r.Items) > 0 {
		b = append(b, '\n')
		b = appendJSONFindings(b, r.Items)
		b = append(b, "\n  "...)
	}
	return append(b, "]\n}\n"...)
}

// AppendJSONFindings appends the items as WriteJSON writes them inside the
// findings array, less the line break before the first and the one (and
// the indentation) after the last: what a JSON report streamed document
// by document writes for each, joined by ",\n".
func AppendJSONFindings(b []byte, items []Item) []byte {
	if len(items) == 0 {
		return b
	}
	b = slices.Grow(b, jsonSize(&Report{Items: items}))
	return appendJSONFindings(b, items)
}

// appendJSONFindings appends the items joined by ",\n".
func appendJSONFindings(b []byte, items []Item) []byte {
	var w jsonWriter
	for i := range items {
		if i > 0 {
			b = append(b, ",\n"...)
		}
		b = w.appendFinding(b, &items[i])
	}
	return b
}

// jsonSize is about the size of the report's JSON (a little more unless
// strings need escapes), so that it is written into one allocation.
func jsonSize(r *Report) int {
	n := 64
	for i := range r.Items {
		it := &r.Items[i]
		n += 330 + len(it.Path) + len(it.Record) + len(it.Rule.ID) + len(it.Message)
		if it.Fix != nil {
			n += 90 + len(it.Fix.Message)
			for _, e := range it.Fix.Edits {
				n += 110 + len(e.Text)
			}
		}
	}
	return n
}

// jsonWriter writes findings into one buffer and keeps where the parts it
// wrote recently stand in it, to copy them when they come again: a
// page's findings share their path, take turns between two or three
// rules and severities, and most carry the same fix message. The parts
// are known equal by what they were made from (the same path, rule and
// severity make the same bytes, escapes and all), so nothing written is
// compared or scanned again. A jsonWriter lives on its caller's stack:
// the strings and rules it keeps cost no write barrier.
type jsonWriter struct {
	// path and record are those of the findings whose heads are kept.
	path, record string
	heads        [4]headSpan
	nextHead     int
	fixes        [2]fixSpan
	nextFix      int
	messages     recentStrings
}

// headSpan is where a finding's opening stands, from its brace to the
// message's key: its path, record, rule and severity.
type headSpan struct {
	rule       *rules.Rule
	severity   rules.Severity
	start, end int
}

// fixSpan is where a fix's opening stands, from its key to the edits'
// bracket: its message and safety.
type fixSpan struct {
	message    string
	safety     fixers.Safety
	start, end int
}

// recentStrings are the last few messages written: a page's furniture
// lines take turns between two or three rules, each repeating its few
// messages (on the WCXB dev pages 60% of the messages are one of the
// three before, 10% the one before).
type recentStrings struct {
	slots [4]stringSpan
	next  int // the slot the next new string takes
}

// stringSpan is where s stands quoted, [start, end).
type stringSpan struct {
	s          string
	start, end int
}

// append appends s quoted, copying the quoted form of a recent string
// equal to it.
func (c *recentStrings) append(b []byte, s string) []byte {
	for k := range c.slots {
		q := &c.slots[k]
		if q.end > 0 && q.s == s {
			return append(b, b[q.start:q.end]...)
		}
	}
	start := len(b)
	b = appendJSONString(b, s)
	c.slots[c.next] = stringSpan{s, start, len(b)}
	c.next = (c.next + 1) % len(c.slots)
	return b
}

// appendFinding appends one finding at the findings array's depth, from
// its indentation to its closing brace.
func (w *jsonWriter) appendFinding(b []byte, it *Item) []byte {
	b = w.appendHead(b, it)
	b = w.messages.append(b, it.Message)
	b = appendInt(appendConst(b, ",\n      \"line\": "), it.Line)
	b = appendInt(appendConst(b, ",\n      \"column\": "), it.Column)
	b = appendInt(appendConst(b, ",\n      \"end_line\": "), it.EndLine)
	b = appendInt(appendConst(b, ",\n      \"end_column\": "), it.EndColumn)
	b = appendInt(appendConst(b, ",\n      \"offset\": "), it.Start)
	b = appendInt(appendConst(b, ",\n      \"end_offset\": "), it.End)
	if it.Fix == nil {
		return append(b, "\n    }"...)
	}
	return w.appendFix(b, it.Fix)
}

// appendHead appends the finding's opening up to the message's value,
// copying a recent finding's when path, record, rule and severity are
// the same.
func (w *jsonWriter) appendHead(b []byte, it *Item) []byte {
	if it.Path != w.path || it.Record != w.record {
		w.path, w.record = it.Path, it.Record
		w.heads = [4]headSpan{}
	}
	for k := range w.heads {
		h := &w.heads[k]
		if h.rule == it.Rule && h.severity == it.Severity && h.end > 0 {
			return append(b, b[h.start:h.end]...)
		}
	}
	start := len(b)
	b = append(b, "    {\n      \"path\": "...)
	b = appendJSONString(b, it.Path)
	if it.Record != "" {
		b = append(b, ",\n      \"record\": "...)
		b = appendJSONString(b, it.Record)
	}
	b = append(b, ",\n      \"rule\": "...)
	b = appendJSONString(b, it.Rule.ID)
	b = append(b, ",\n      \"severity\": \""...)
	b = append(b, it.Severity.String()...) // a plain word
	b = append(b, "\",\n      \"message\": "...)
	w.heads[w.nextHead] = headSpan{it.Rule, it.Severity, start, len(b)}
	w.nextHead = (w.nextHead + 1) % len(w.heads)
	return b
}

// appendConst appends s, a constant, in pieces of at most 16 bytes: the
// compiler copies a constant piece that short in place, where a longer
// one costs a call to memmove (ten a finding, an eighth of the JSON
// output's instructions on a whole-page run). Inlined, the pieces of a
// constant are constants.
func appendConst(b []byte, s string) []byte {
	// No loop: a loop's variable would not be a constant.
	if len(s) > 16 {
		b = append(b, s[:16]...)
		s = s[16:]
	}
	if len(s) > 16 {
		b = append(b, s[:16]...)
		s = s[16:]
	}
	return append(b, s...)
}

// appendInt appends n in decimal, as strconv.AppendInt(b, n, 10) does.
// A finding has eight numbers, and strconv's general path (a buffer of
// its own, then a copy) was a tenth of the JSON output's instructions on
// a whole-page run; here numbers below 10^8 (every line, column and
// offset of a document under 100 MB) are written straight from pairs of
// digits, in groups of at most four.
func appendInt(b []byte, n int) []byte {
	u := uint(n)
	if u < 10000 {
		return appendSmall(b, u)
	}
	if u < 100000000 {
		return appendFour(appendSmall(b, u/10000), u%10000)
	}
	return appendIntLong(b, n)
}

// appendSmall appends u < 10000 without leading zeros.
func appendSmall(b []byte, u uint) []byte {
	switch {
	case u < 10:
		return append(b, byte('0'+u))
	case u < 100:
		return append(b, digitPairs[2*u], digitPairs[2*u+1])
	case u < 1000:
		hi, lo := u/100, 2*(u%100)
		return append(b, byte('0'+hi), digitPairs[lo], digitPairs[lo+1])
	}
	return appendFour(b, u)
}

// appendFour appends u < 10000 as four digits, leading zeros included.
func appendFour(b []byte, u uint) []byte {
	hi, lo := 2*(u/100), 2*(u%100)
	return append(b, digitPairs[hi], digitPairs[hi+1], digitPairs[lo], digitPairs[lo+1])
}

// appendIntLong is appendInt for the other numbers: two digits at a
// time, in place.
func appendIntLong(b []byte, n int) []byte {
	if n < 0 {
		return strconv.AppendInt(b, int64(n), 10)
	}
	u := uint64(n)
	width := decimalWidth(u)
	b = slices.Grow(b, width)
	end := len(b) + width
	b = b[:end]
	i := end
	for u >= 100 {
		d := u % 100 * 2
		u /= 100
		i -= 2
		b[i], b[i+1] = digitPairs[d], digitPairs[d+1]
	}
	if u >= 10 {
		b[i-2], b[i-1] = digitPairs[u*2], digitPairs[u*2+1]
	} else {
		b[i-1] = byte('0' + u)
	}
	return b
}

// digitPairs holds "00" to "99".
const digitPairs = "00010203040506070809" +
	"10111213141516171819" +
	"20212223242526272829" +
	"30313233343536373839" +
	"40414243444546474849" +
	"50515253545556575859" +
	"60616263646566676869" +
	"70717273747576777879" +
	"80818283848586878889" +
	"90919293949596979899"

// decimalWidth is the number of decimal digits of u.
func decimalWidth(u uint64) int {
	w := 1
	for u >= 10000 {
		u /= 10000
		w += 4
	}
	switch {
	case u >= 1000:
		return w + 3
	case u >= 100:
		return w + 2
	case u >= 10:
		return w + 1
	}
	return w
}

// appendFix appends the finding's fix and the finding's closing brace,
// copying a recent fix's opening when message and safety are the same.
func (w *jsonWriter) appendFix(b []byte, fix *fixers.Fix) []byte {
	b = w.appendFixHead(b, fix)
	for i, e := range fix.Edits {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendConst(b, "\n          {\n            \"offset\": ")
		b = appendInt(b, e.Start)
		b = appendConst(b, ",\n            \"end_offset\": ")
		b = appendInt(b, e.End)
		if e.Text == "" { // a deletion, most edits
			b = appendConst(b, ",\n            \"text\": \"\"\n          }")
			continue
		}
		b = append(b, ",\n            \"text\": "...)
		b = appendJSONString(b, e.Text)
		b = append(b, "\n          }"...)
	}
	if len(fix.Edits) > 0 {
		return appendConst(b, "\n        ]\n      }\n    }")
	}
	return append(b, "]\n      }\n    }"...)
}

// appendFixHead appends the fix's opening up to the edits' bracket.
func (w *jsonWriter) appendFixHead(b []byte, fix *fixers.Fix) []byte {
	for k := range w.fixes {
		f := &w.fixes[k]
		if f.end > 0 && f.safety == fix.Safety && f.message == fix.Message {
			return append(b, b[f.start:f.end]...)
		}
	}
	start := len(b)
	b = append(b, ",\n      \"fix\": {\n        \"message\": "...)
	b = appendJSONString(b, fix.Message)
	b = append(b, ",\n        \"safety\": \""...)
	b = append(b, fix.Safety.String()...) // a plain word
	b = append(b, "\",\n        \"edits\": ["...)
	w.fixes[w.nextFix] = fixSpan{fix.Message, fix.Safety, start, len(b)}
	w.nextFix = (w.nextFix + 1) % len(w.fixes)
	return b
}

const hexDigits = "0123456789abcdef"

// jsonPlain marks the ASCII bytes encoding/json writes as they are when it
// does not escape HTML: printable characters but the quote and backslash.
var jsonPlain = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// plainRun reports whether the eight bytes of x are all jsonPlain: ASCII,
// none below 0x20, no quote, no backslash. Each lane is tested on its own
// (a lane's seven bits minus a constant, with its high bit set, never
// borrows from the next lane).
func plainRun(x uint64) bool {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	y := x | high
	control := ^(y - 0x20*ones)                         // below 0x20
	quote := (y - '"'*ones) &^ (y - ('"'+1)*ones)       // == '"'
	backslash := (y - '\\'*ones) &^ (y - ('\\'+1)*ones) // == '\\'
	return (control|quote|backslash|x)&high == 0
}

// appendJSONString appends s quoted as encoding/json quotes it with HTML
// escaping off: short escapes for \b \f \n \r \t, \u00XX for the other
// control bytes, U+FFFD for invalid UTF-8, and U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		// Eight plain bytes at once (most of a message or a path).
		if i+8 <= len(s) && plainRun(binary.LittleEndian.Uint64([]byte(s[i:i+8]))) {
			i += 8
			continue
		}
		if c := s[i]; c < utf8.RuneSelf {
			if jsonPlain[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, "\\ufffd"...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
