// Package document is the one model of an article that every rule shares:
// the original bytes, a line index, blocks, sentences and word tokens, all
// addressed by byte offsets into the original bytes.
//
// The document is built once per article. Blocks are computed eagerly (every
// rule needs them); sentences and tokens lazily, once, on first use.
package document

import (
	"bytes"
	"encoding/binary"
	"sort"
	"sync"
	"time"
	"unicode/utf8"
)

// Meta is what the caller knows about a document beyond its bytes.
type Meta struct {
	// Source groups documents for corpus rules (templates recur per source):
	// the first directory level under a directory argument, or a record field.
	Source string
	// Record is the record id inside a JSON Lines file, empty for plain files.
	Record string
	// Date is the article date when known from metadata or --date; rules
	// that need a date may look for a dateline themselves.
	Date time.Time
}

// Line is one line of the document. End excludes the line terminator
// ("\n" or "\r\n"); Next is the offset where the following line starts.
type Line struct {
	Start, End, Next int
}

// Document is an article as the rules see it.
type Document struct {
	Path string
	Meta Meta
	// Src is the original bytes, never modified.
	Src []byte
	// BOM is true when Src starts with a UTF-8 byte order mark; the mark is
	// not part of line 1's text but offsets still count it.
	BOM bool

	Lines  []Line
	Blocks []Block
	// blank has bit i%64 of word i/64 set for each blank line i
	// (isBlank), read by IsBlankLine: parseBlocks classifies every line
	// anyway, and rules and fixes asked again per line (a page's
	// removed lines were tested 306,000 times on the WCXB pages).
	blank []uint64

	sentencesOnce sync.Once
	sentences     []Sentence
	tokensOnce    sync.Once
	tokens        []Token

	state docState // the families' memoised values (memo.go)
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// New builds the document model for src. It never fails: invalid UTF-8,
// NUL bytes and huge lines are all representable.
func New(path string, src []byte, meta Meta) *Document {
	d := &Document{Path: path, Meta: meta, Src: src}
	d.BOM = bytes.HasPrefix(src, utf8BOM)
	d.indexLines()
	d.Blocks = parseBlocks(d)
	return d
}

func (d *Document) indexLines() {
	start := 0
	if d.BOM {
		start = len(utf8BOM)
	}
	n := bytes.Count(d.Src, []byte{'\n'}) + 1
	d.Lines = lineBuffer(n)
	for {
		i := bytes.IndexByte(d.Src[start:], '\n')
		if i < 0 {
			end := len(d.Src)
			if start == end && len(d.Lines) > 0 {
				// A final newline does not open an empty last line.
				return
			}
			d.Lines = append(d.Lines, Line{Start: start, End: end, Next: end})
			return
		}
		end := start + i
		next := end + 1
		if end > start && d.Src[end-1] == '\r' {
			end--
		}
		d.Lines = append(d.Lines, Line{Start: start, End: end, Next: next})
		start = next
	}
}

// LineText returns the text of line i (0-based) without its terminator.
func (d *Document) LineText(i int) []byte {
	l := d.Lines[i]
	return d.Src[l.Start:l.End]
}

// Text returns the bytes [start, end) as a string.
func (d *Document) Text(start, end int) string { return string(d.Src[start:end]) }

// LineAt returns the 0-based index of the line holding offset. Offsets in a
// line terminator belong to that line; offsets past the end to the last line.
func (d *Document) LineAt(offset int) int {
	i := sort.Search(len(d.Lines), func(i int) bool { return d.Lines[i].Next > offset })
	if i >= len(d.Lines) {
		return len(d.Lines) - 1
	}
	return i
}

// Position converts a byte offset into a 1-based line and a 1-based column
// counted in Unicode code points (an invalid byte counts as one).
func (d *Document) Position(offset int) (line, col int) {
	if offset < 0 {
		offset = 0
	}
	if offset > len(d.Src) {
		offset = len(d.Src)
	}
	i := d.LineAt(offset)
	l := d.Lines[i]
	from := l.Start
	if offset < from { // inside the BOM
		return i + 1, 1
	}
	return i + 1, RuneCount(d.Src[from:offset]) + 1
}

// RuneCount is utf8.RuneCount, eight ASCII bytes at a time until the
// first byte that is not ASCII: the report places both ends of every
// finding, and counting a line's bytes one by one was most of it.
func RuneCount(p []byte) int {
	n := 0
	for len(p) >= 8 && binary.LittleEndian.Uint64(p)&0x8080808080808080 == 0 {
		p = p[8:]
		n += 8
	}
	return n + utf8.RuneCount(p)
}

// PositionAfter is Position(offset) for an offset at or after from, whose
// position (line, col) Position gave: when both lie on one line and from
// starts a character, it counts only the characters between them, without
// a second search of the lines or a second count from the line's start
// (the report places both ends of every finding).
func (d *Document) PositionAfter(from, line, col, offset int) (int, int) {
	if offset < from || from < 0 || line < 1 || line > len(d.Lines) {
		return d.Position(offset)
	}
	l := d.Lines[line-1]
	// A character never spans a byte that starts one, so the count up to
	// offset is the count up to from plus the count from there.
	if from < l.Start || offset >= l.Next || from < len(d.Src) && !utf8.RuneStart(d.Src[from]) {
		return d.Position(offset)
	}
	return line, col + RuneCount(d.Src[from:offset])
}

// Offset converts a 1-based line and column back into a byte offset; it is
// the inverse of Position for offsets on rune boundaries.
func (d *Document) Offset(line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(d.Lines) {
		return len(d.Src)
	}
	l := d.Lines[line-1]
	off := l.Start
	for c := 1; c < col && off < l.Next; c++ {
		_, size := utf8.DecodeRune(d.Src[off:])
		off += size
	}
	return off
}

// IsBlankLine reports whether line i holds only white space, including
// no-break and zero-width spaces (ingests leave lines of only "\u00a0").
func (d *Document) IsBlankLine(i int) bool {
	_ = d.Lines[i] // the same panic as LineText for a line out of range
	return d.blank[i>>6]>>(i&63)&1 != 0
}

func isBlank(b []byte) bool {
	for len(b) > 0 {
		if c := b[0]; c < utf8.RuneSelf {
			// ASCII, most lines' first byte: no decoding.
			if !isSpaceByte(c) {
				return false
			}
			b = b[1:]
			continue
		}
		r, size := utf8.DecodeRune(b)
		if !isSpaceRune(r) {
			return false
		}
		b = b[size:]
	}
	return true
}

// isSpaceByte is isSpaceRune for an ASCII byte.
func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
}

func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isSpaceByte(byte(r))
	}
	switch r {
	case ' ', '\t', '\r', '\v', '\f', '\u00a0', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u202f', '\u2007', '\u3000':
		return true
	}
	return r >= '\u2000' && r <= '\u200a'
}
