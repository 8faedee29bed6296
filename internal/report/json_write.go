package report

import (
	"encoding/binary"
	"slices"
	"strconv"
	"unicode/utf8"
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
	for i := range r.Items {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONFinding(b, &r.Items[i])
	}
	if len(r.Items) > 0 {
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
	first := len(b)
	for i := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONFinding(b, &items[i])
	}
	// Every finding opens with its line break; the first goes.
	copy(b[first:], b[first+1:])
	return b[:len(b)-1]
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

// appendJSONFinding appends one finding at the findings array's depth,
// starting with its line break.
func appendJSONFinding(b []byte, it *Item) []byte {
	const in = "\n      " // the finding's fields
	b = append(b, "\n    {"...)
	b = appendJSONField(b, in, "path", it.Path)
	if it.Record != "" {
		b = appendJSONField(b, ","+in, "record", it.Record)
	}
	b = appendJSONField(b, ","+in, "rule", it.Rule.ID)
	b = appendJSONField(b, ","+in, "severity", it.Severity.String())
	b = appendJSONField(b, ","+in, "message", it.Message)
	for _, f := range []struct {
		key string
		n   int
	}{
		{"line", it.Line}, {"column", it.Column}, {"end_line", it.EndLine}, {"end_column", it.EndColumn},
		{"offset", it.Start}, {"end_offset", it.End},
	} {
		b = append(b, ","+in+"\""...)
		b = append(b, f.key...)
		b = append(b, "\": "...)
		b = strconv.AppendInt(b, int64(f.n), 10)
	}
	if it.Fix != nil {
		b = appendJSONFix(b, it)
	}
	return append(b, "\n    }"...)
}

func appendJSONFix(b []byte, it *Item) []byte {
	const in = "\n        " // the fix's fields
	b = append(b, ",\n      \"fix\": {"...)
	b = appendJSONField(b, in, "message", it.Fix.Message)
	b = appendJSONField(b, ","+in, "safety", fixSafety(it).String())
	b = append(b, ","+in+"\"edits\": ["...)
	for i, e := range it.Fix.Edits {
		if i > 0 {
			b = append(b, ',')
		}
		const ein = "\n            " // an edit's fields
		b = append(b, "\n          {"+ein+"\"offset\": "...)
		b = strconv.AppendInt(b, int64(e.Start), 10)
		b = append(b, ","+ein+"\"end_offset\": "...)
		b = strconv.AppendInt(b, int64(e.End), 10)
		b = appendJSONField(b, ","+ein, "text", e.Text)
		b = append(b, "\n          }"...)
	}
	if len(it.Fix.Edits) > 0 {
		b = append(b, "\n        "...)
	}
	return append(b, "]\n      }"...)
}

// appendJSONField appends sep, then "key": "value".
func appendJSONField(b []byte, sep, key, value string) []byte {
	b = append(b, sep...)
	b = append(b, '"')
	b = append(b, key...)
	b = append(b, "\": "...)
	return appendJSONString(b, value)
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
