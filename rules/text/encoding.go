package text

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// Encoding flags bytes that are not text: invalid UTF-8, a byte order mark
// inside the text, control characters and replacement characters.
var Encoding = &rules.Rule{
	ID:      "text/encoding",
	Summary: "invalid UTF-8, byte order mark inside the text, control characters",
	Doc: `A corpus is UTF-8 text. Bytes that are not valid UTF-8 (a Latin-1 or
Windows-1252 file, a truncated character), a byte order mark (U+FEFF) in the
middle of the text (files concatenated with their marks), control
characters (NUL, escape, form feed, a lone carriage return, C1 controls) and
U+FFFD replacement characters (a character an earlier decoder lost) all
break tools downstream. A byte order mark at the very start of a file is
allowed. Invalid UTF-8 is an error; the rest are warnings.

Fixes: a byte order mark or control character inside the text is removed
(safe; a lone carriage return, form feed or vertical tab becomes a line
break). Invalid bytes are decoded as Windows-1252, the usual culprit
(unsafe: the file's real encoding is a guess). A replacement character has
no fix: the lost character is unknown.`,
	Bad:       "caf\xe9 au lait\x00, then \u00a0\ufeffmore",
	Good:      "café au lait, then more",
	Severity:  rules.Error,
	FixSafety: fixers.Safe,
	Run:       runEncoding,
}

// maxInvalidLines caps the findings for a file that is not UTF-8 at all:
// after that many lines, one more finding says how many were left out.
const maxInvalidLines = 50

func runEncoding(pass *rules.Pass) {
	doc := pass.Doc
	invalidLines := 0
	classes := lineClasses(doc)
	for i := range doc.Lines {
		line := doc.Lines[i]
		if classes[i]&lineSuspect == 0 {
			continue // printable ASCII, tabs and the newline: most lines
		}
		if lineHasInvalid(doc.Src[line.Start:line.End]) {
			invalidLines++
			if invalidLines <= maxInvalidLines {
				reportInvalidLine(pass, line)
			}
		}
		scanControls(pass, doc, line)
	}
	if invalidLines > maxInvalidLines {
		last := doc.Lines[len(doc.Lines)-1]
		pass.Report(rules.Finding{Start: last.Start, End: last.End,
			Message: fmt.Sprintf("%d more lines hold invalid UTF-8: is the file Latin-1 or Windows-1252?", invalidLines-maxInvalidLines)})
	}
}

func lineHasInvalid(b []byte) bool { return !utf8.Valid(b) }

// reportInvalidLine reports the invalid bytes of one line as one finding
// whose fix decodes each run of them as Windows-1252.
func reportInvalidLine(pass *rules.Pass, line document.Line) {
	src := pass.Doc.Src
	var edits []fixers.Edit
	first, last := -1, -1
	for i := line.Start; i < line.End; {
		r, size := utf8.DecodeRune(src[i:line.End])
		if r != utf8.RuneError || size != 1 {
			i += size
			continue
		}
		j := i
		for j < line.End {
			r, n := utf8.DecodeRune(src[j:line.End])
			if r != utf8.RuneError || n != 1 {
				break
			}
			j++
		}
		edits = append(edits, fixers.Replace(i, j, decodeWin1252(src[i:j])))
		if first < 0 {
			first = i
		}
		last = j
		i = j
	}
	pass.Report(rules.Finding{
		Start: first, End: last, Severity: rules.Error,
		Message: fmt.Sprintf("invalid UTF-8: %d byte run(s) starting with 0x%02X (the text may be Latin-1 or Windows-1252)", len(edits), src[first]),
		Fix:     &fixers.Fix{Message: "decode the invalid bytes as Windows-1252", Safety: fixers.Unsafe, Edits: edits},
	})
}

func decodeWin1252(b []byte) string {
	var sb strings.Builder
	for _, c := range b {
		r := charmap.Windows1252.DecodeByte(c)
		if r == utf8.RuneError {
			continue // undefined in Windows-1252: nothing to recover
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// scanControls reports control characters, lone carriage returns, byte
// order marks and replacement characters on one line.
func scanControls(pass *rules.Pass, doc *document.Document, line document.Line) {
	src := doc.Src
	var moji lineMojibake
	for i := line.Start; i < line.End; {
		c := src[i]
		if c >= 0x20 && c < 0x7f || c == '\t' {
			i += firstSuspect(src[i:line.End]) // a line holds no newline
			continue
		}
		r, size := utf8.DecodeRune(src[i:line.End])
		switch {
		case r == '\r' && i+1 < line.End:
			reportControl(pass, i, size, "carriage return inside a line (old Mac line ending)", "\n")
		case r == '\f' || r == '\v':
			reportControl(pass, i, size, fmt.Sprintf("control character %U (page or line break from a word processor)", r), "\n")
		case r < 0x20 || r == 0x7f:
			size = sameRuneRun(src, i, line.End, r)
			reportControl(pass, i, size, fmt.Sprintf("control character %U inside text", r), "")
		case r >= 0x80 && r <= 0x9f && !moji.covers(src, line, i):
			size = sameRuneRun(src, i, line.End, r)
			reportControl(pass, i, size, fmt.Sprintf("C1 control character %U inside text", r), "")
		case r == '\ufeff' && i > 0:
			size = sameRuneRun(src, i, line.End, r)
			reportControl(pass, i, size, "byte order mark (U+FEFF) inside the text", "")
		case r == utf8.RuneError && size == 3:
			pass.Report(rules.Finding{Start: i, End: i + size, Severity: rules.Warning,
				Message: "replacement character U+FFFD: a character was lost in an earlier decoding"})
		}
		i += size
	}
}

// sameRuneRun returns the byte length of the run of r starting at i: a row
// of the same control character is one finding.
func sameRuneRun(src []byte, i, end int, r rune) int {
	j := i
	for j < end {
		c, n := utf8.DecodeRune(src[j:end])
		if c != r {
			break
		}
		j += n
	}
	return j - i
}

func reportControl(pass *rules.Pass, at, size int, msg, replacement string) {
	fixMsg := "remove it"
	if replacement != "" {
		fixMsg = "make it a line break"
	}
	pass.Report(rules.Finding{
		Start: at, End: at + size, Severity: rules.Warning, Message: msg,
		Fix: &fixers.Fix{Message: fixMsg, Safety: fixers.Safe,
			Edits: []fixers.Edit{fixers.Replace(at, at+size, replacement)}},
	})
}

// lineMojibake holds the mojibake runs of one line, found on first need
// (once per line, so a line full of C1 bytes stays linear).
type lineMojibake struct {
	found bool
	runs  []mojiRun
}

// covers reports whether the C1 control at i is a byte of a mojibake run
// ("â€\u009d"): text/mojibake reports those.
func (m *lineMojibake) covers(src []byte, line document.Line, i int) bool {
	if !m.found {
		m.found = true
		findMojibake(src, line.Start, line.End, func(r mojiRun) { m.runs = append(m.runs, r) })
	}
	// The runs are in order and do not overlap.
	k := sort.Search(len(m.runs), func(k int) bool { return m.runs[k].End > i })
	return k < len(m.runs) && m.runs[k].Start <= i
}
