package document

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// BlockKind says what a block is.
type BlockKind int

// The block kinds. Plain text is the common case: most ingested articles are
// paragraphs and title-like lines, with a little Markdown.
const (
	Paragraph BlockKind = iota
	// Heading is a Markdown ATX or setext heading (Level 1-6) or a short
	// title-like line standing alone (Level 0).
	Heading
	// ListItem is one item of a bulleted or numbered list with its
	// indented continuation lines.
	ListItem
	// Note is a footnote or endnote definition: "[3] text" or "[^3]: text".
	Note
	// Separator is a line of only punctuation: "***", "---", "\*\*\*".
	Separator
	Quote
	Code
	Table
)

var blockKindNames = [...]string{"paragraph", "heading", "list-item", "note", "separator", "quote", "code", "table"}

func (k BlockKind) String() string { return blockKindNames[k] }

// Block is a span of whole lines.
type Block struct {
	Kind BlockKind
	// Start and End are byte offsets: the start of the first line and the
	// end (before the terminator) of the last line.
	Start, End int
	// FirstLine and LastLine are 0-based line indexes, inclusive.
	FirstLine, LastLine int
	// Level is the heading level: 1-6 for Markdown, 0 for a title-like line.
	Level int
	// Marker is the list marker ("-", "1.") or the note label ("3", "^3").
	Marker string
	// ContentStart is where the text after any marker begins.
	ContentStart int
}

// IsProse reports whether the block holds running text that sentences and
// most rules look into.
func (b Block) IsProse() bool {
	switch b.Kind {
	case Paragraph, ListItem, Note, Quote, Heading:
		return true
	}
	return false
}

// BlockAt returns the index of the block holding offset, or -1.
func (d *Document) BlockAt(offset int) int {
	lo, hi := 0, len(d.Blocks)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Blocks[m].End < offset {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.Blocks) && d.Blocks[lo].Start <= offset {
		return lo
	}
	return -1
}

// lineClass is what one line looks like on its own.
type lineClass uint8

const (
	lcText lineClass = iota
	lcBlank
	lcFence
	lcATX
	lcSetextUnderline
	lcSeparator
	lcList
	lcNote
	lcQuote
	lcTable
)

func parseBlocks(d *Document) []Block {
	p := blockParser{d: d, classes: make([]lineClass, len(d.Lines))}
	d.blank = make([]uint64, (len(d.Lines)+63)/64)
	filled := 0
	for i := range d.Lines {
		p.classes[i] = classifyLine(d.LineText(i))
		if p.classes[i] != lcBlank {
			filled++
		} else {
			d.blank[i>>6] |= 1 << (i & 63)
		}
	}
	// A block takes at least one line that is not blank: room for as many
	// blocks spares the copies of a growing slice.
	p.blocks = blockBuffer(filled)
	for i := 0; i < len(d.Lines); {
		i = p.next(i)
	}
	return p.blocks
}

type blockParser struct {
	d       *Document
	classes []lineClass
	blocks  []Block
}

func (p *blockParser) add(kind BlockKind, first, last int) *Block {
	b := Block{
		Kind: kind, FirstLine: first, LastLine: last,
		Start: p.d.Lines[first].Start, End: p.d.Lines[last].End,
	}
	b.ContentStart = b.Start + leadingSpace(p.d.LineText(first))
	p.blocks = append(p.blocks, b)
	return &p.blocks[len(p.blocks)-1]
}

// next parses the block starting at line i and returns the line after it.
func (p *blockParser) next(i int) int {
	d := p.d
	switch p.classes[i] {
	case lcBlank:
		return i + 1
	case lcFence:
		return p.fence(i)
	case lcATX:
		b := p.add(Heading, i, i)
		line := d.LineText(i)
		lead := leadingSpace(line)
		b.Level = countPrefix(line[lead:], '#')
		b.ContentStart = b.Start + lead + b.Level + leadingSpace(line[lead+b.Level:])
		return i + 1
	case lcSeparator, lcSetextUnderline:
		p.add(Separator, i, i)
		return i + 1
	case lcList:
		return p.listItem(i)
	case lcNote:
		return p.note(i)
	case lcQuote, lcTable:
		return p.run(i)
	}
	return p.paragraph(i)
}

func (p *blockParser) fence(i int) int {
	marker := bytes.TrimSpace(p.d.LineText(i))[:3]
	j := i + 1
	for ; j < len(p.d.Lines); j++ {
		if bytes.HasPrefix(bytes.TrimSpace(p.d.LineText(j)), marker) {
			break
		}
	}
	if j >= len(p.d.Lines) {
		j = len(p.d.Lines) - 1
	}
	p.add(Code, i, j)
	return j + 1
}

// run groups consecutive quote lines or table rows.
func (p *blockParser) run(i int) int {
	c := p.classes[i]
	j := i
	for j+1 < len(p.d.Lines) && p.classes[j+1] == c {
		j++
	}
	kind := Quote
	if c == lcTable {
		kind = Table
	}
	p.add(kind, i, j)
	return j + 1
}

func (p *blockParser) listItem(i int) int {
	line := p.d.LineText(i)
	lead := leadingSpace(line)
	marker, _ := listMarker(line[lead:])
	j := p.continuation(i, lead)
	b := p.add(ListItem, i, j)
	b.Marker = string(marker)
	b.ContentStart = b.Start + lead + len(marker) + leadingSpace(line[lead+len(marker):])
	return j + 1
}

func (p *blockParser) note(i int) int {
	line := p.d.LineText(i)
	lead := leadingSpace(line)
	label, width := noteLabel(line[lead:])
	j := p.continuation(i, lead)
	b := p.add(Note, i, j)
	b.Marker = label
	b.ContentStart = b.Start + lead + width + leadingSpace(line[lead+width:])
	return j + 1
}

// continuation extends a list item or note over following lines indented
// deeper than its marker.
func (p *blockParser) continuation(i, lead int) int {
	j := i
	for j+1 < len(p.d.Lines) && p.classes[j+1] == lcText && leadingSpace(p.d.LineText(j+1)) > lead {
		j++
	}
	return j
}

// paragraph groups text lines. A blank line ends a paragraph; so does a
// structural line, and, because many ingests put one paragraph per line
// with no blank line between, a line that ends a sentence and is too long
// to be a hard-wrapped line, or a short unpunctuated line (a title, a
// name) followed by a capitalised line.
func (p *blockParser) paragraph(i int) int {
	d := p.d
	if i+1 < len(d.Lines) && p.classes[i+1] == lcSetextUnderline && !isBlank(d.LineText(i)) {
		b := p.add(Heading, i, i+1)
		b.Level = 1
		if bytes.HasPrefix(bytes.TrimSpace(d.LineText(i+1)), []byte("-")) {
			b.Level = 2
		}
		b.End = d.Lines[i].End
		b.LastLine = i
		p.blocks = append(p.blocks, Block{Kind: Separator, FirstLine: i + 1, LastLine: i + 1,
			Start: d.Lines[i+1].Start, End: d.Lines[i+1].End, ContentStart: d.Lines[i+1].Start})
		return i + 2
	}
	j := i
	for j+1 < len(d.Lines) && p.classes[j+1] == lcText && !paragraphBreak(d.LineText(j), d.LineText(j+1)) {
		j++
	}
	b := p.add(Paragraph, i, j)
	if i == j && titleLike(d.LineText(i)) {
		b.Kind = Heading
	}
	return j + 1
}

// hardWrapWidth is the longest line a hard-wrapping ingester or editor
// produces; a longer line that ends a sentence ends its paragraph.
const hardWrapWidth = 100

func paragraphBreak(prev, next []byte) bool {
	prev = trimRightBlank(prev)
	if len(prev) == 0 {
		return true
	}
	if endsSentence(prev) {
		return len(prev) > hardWrapWidth || startsUpper(next) && len(next) > hardWrapWidth
	}
	// A short unpunctuated line followed by a capitalised one is a title,
	// a name or a label, not the middle of a wrapped sentence. (A line of
	// fewer than 60 bytes has fewer than 60 characters: no count.)
	return startsUpper(next) && (len(prev) < 60 || utf8.RuneCount(prev) < 60)
}

// trimRightBlank is bytes.TrimRight(b, " \t\u00a0") without decoding
// runes: a final 0xC2 0xA0 is always a whole no-break space.
func trimRightBlank(b []byte) []byte {
	for n := len(b); n > 0; n = len(b) {
		switch {
		case b[n-1] == ' ' || b[n-1] == '\t':
			b = b[:n-1]
		case n >= 2 && b[n-1] == 0xa0 && b[n-2] == 0xc2:
			b = b[:n-2]
		default:
			return b
		}
	}
	return b
}

func endsSentence(b []byte) bool {
	r, _ := utf8.DecodeLastRune(b)
	switch r {
	case '.', '!', '?', '"', '\u201d', '\u2019', ')', ']', ':', ';', '\u2026':
		return true
	}
	return false
}

func startsUpper(b []byte) bool {
	b = b[leadingSpace(b):]
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			return true
		case unicode.IsLetter(r):
			return false
		}
		b = b[size:]
	}
	return false
}

// titleLike reports whether a line standing alone reads as a title: short,
// capitalised, not ending like a sentence.
func titleLike(line []byte) bool {
	line = bytes.TrimSpace(line)
	if len(line) == 0 || len(line) > 400 {
		return false
	}
	// The tests that read one character come before the counts over the
	// whole line: most lines standing alone are sentences, settled by
	// their last character.
	r, _ := utf8.DecodeLastRune(line)
	switch r {
	case '.', ',', ';', ':', '\u2026':
		return false
	}
	first, size := utf8.DecodeRune(line)
	if !unicode.IsUpper(first) {
		// Titles may open with a quotation mark: "'A phantom debate'".
		rest := line[size:]
		second, _ := utf8.DecodeRune(rest)
		if !unicode.IsPunct(first) || !unicode.IsUpper(second) {
			return false
		}
	}
	return (len(line) <= 100 || utf8.RuneCount(line) <= 100) && bytes.Count(line, []byte(" ")) < 14
}

func classifyLine(line []byte) lineClass {
	if isBlank(line) {
		return lcBlank
	}
	t := line[leadingSpace(line):]
	if c := t[0] | 0x20; 'a' <= c && c <= 'z' {
		// Most lines open with a letter, which no structural line does
		// (each needs a mark or a digit first).
		return lcText
	}
	switch {
	case bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~")):
		return lcFence
	case isATX(t):
		return lcATX
	case isSetextUnderline(t):
		return lcSetextUnderline
	case isSeparator(t):
		return lcSeparator
	case t[0] == '>':
		return lcQuote
	case t[0] == '|':
		return lcTable
	}
	if _, ok := listMarker(t); ok {
		return lcList
	}
	if _, w := noteLabel(t); w > 0 {
		return lcNote
	}
	return lcText
}

func isATX(t []byte) bool {
	n := countPrefix(t, '#')
	return n >= 1 && n <= 6 && (len(t) == n || t[n] == ' ' || t[n] == '\t')
}

func isSetextUnderline(t []byte) bool {
	if len(t) < 2 || (t[0] != '=' && t[0] != '-') {
		return false // settled before trimming: most lines open with a letter
	}
	t = bytes.TrimRight(t, " \t")
	return len(t) >= 2 && countPrefix(t, t[0]) == len(t)
}

// isSeparator reports a line of only punctuation marks with at least three of
// them, such as "***", "* * *", "___" or an escaped "\*\*\*".
func isSeparator(t []byte) bool {
	if len(t) > 0 && !isSeparatorByte(t[0]) && t[0] != ' ' && t[0] != '\t' {
		return false // settled before trimming: most lines open with a letter
	}
	marks := 0
	for _, c := range bytes.TrimRight(t, " \t") {
		switch {
		case isSeparatorByte(c):
			marks++
		case c == ' ' || c == '\t':
		default:
			return false
		}
	}
	return marks >= 3
}

func isSeparatorByte(c byte) bool {
	switch c {
	case '*', '-', '_', '=', '~', '#', '\\', '+', '.', '\u0060':
		return true
	}
	return false
}

// listMarker returns the marker of a list item line: "-", "*", "+", "•",
// or one to three digits followed by "." or ")", then white space.
func listMarker(t []byte) ([]byte, bool) {
	if len(t) >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && (t[1] == ' ' || t[1] == '\t') {
		return t[:1], true
	}
	if bytes.HasPrefix(t, []byte("•")) && len(t) > 3 && (t[3] == ' ' || t[3] == '\t') {
		return t[:3], true
	}
	n := 0
	for n < len(t) && n < 4 && t[n] >= '0' && t[n] <= '9' {
		n++
	}
	if n == 0 || n > 3 || n+1 >= len(t) {
		return nil, false
	}
	if (t[n] == '.' || t[n] == ')') && (t[n+1] == ' ' || t[n+1] == '\t') {
		return t[:n+1], true
	}
	return nil, false
}

// noteLabel recognises an endnote definition, "[12] text" or "[^12]: text"
// or "[^label]: text", and returns the label and the width of the marker.
func noteLabel(t []byte) (string, int) {
	if len(t) < 4 || t[0] != '[' {
		return "", 0
	}
	end := bytes.IndexByte(t, ']')
	if end < 2 || end > 40 {
		return "", 0
	}
	label := t[1:end]
	w := end + 1
	if label[0] == '^' {
		if w < len(t) && t[w] == ':' {
			w++
		}
	} else if !allDigits(label) {
		return "", 0
	}
	if w >= len(t) || (t[w] != ' ' && t[w] != '\t') {
		return "", 0
	}
	return string(label), w
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

func countPrefix(b []byte, c byte) int {
	n := 0
	for n < len(b) && b[n] == c {
		n++
	}
	return n
}

// leadingSpace counts the bytes of white space (including no-break spaces)
// at the start of b.
func leadingSpace(b []byte) int {
	n := 0
	for n < len(b) {
		if c := b[n]; c < utf8.RuneSelf {
			// ASCII, most lines' first byte: no decoding.
			if !isSpaceByte(c) {
				break
			}
			n++
			continue
		}
		r, size := utf8.DecodeRune(b[n:])
		if !isSpaceRune(r) {
			break
		}
		n += size
	}
	return n
}
