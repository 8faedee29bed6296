package footnotes

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/internal/document"
)

// notesHeadings are the section titles under which a numbered list is a
// list of endnotes. Bibliography-like titles ("Further reading") are left
// out: their entries need not be cited.
var notesHeadings = map[string]bool{
	"notes": true, "note": true, "endnotes": true, "endnote": true, "end notes": true,
	"footnotes": true, "footnote": true, "references": true, "reference": true,
	"sources": true, "source": true, "citations": true,
	"notes and references": true, "references and notes": true,
	"notes and sources": true, "sources and notes": true,
	"anmerkungen": true, "fußnoten": true, "einzelnachweise": true, "quellen": true,
	"références": true, "sources et notes": true, "notas": true, "referencias": true,
}

// findDefs collects the definitions: note blocks ("[3] text", "[^3]:
// text", also as bullet items), paragraphs opening with a superscript
// number ("³ text"), and numbered entries under a notes heading. It also
// returns the notes headings.
func findDefs(doc *document.Document) ([]Def, []Span) {
	f := defFinder{doc: doc}
	for bi := range doc.Blocks {
		f.block(bi)
	}
	f.closeSection()
	for i := range f.defs {
		if f.defs[i].TextEnd == 0 {
			b := doc.Blocks[f.defs[i].Block]
			f.defs[i].TextEnd, f.defs[i].FirstLine, f.defs[i].LastLine = b.End, b.FirstLine, b.LastLine
		}
	}
	return f.defs, f.sections
}

// defFinder walks the blocks once, tracking the current notes section.
type defFinder struct {
	doc      *document.Document
	defs     []Def
	sections []Span
	inNotes  bool
	// list holds the indexes into defs of the current section's numbered
	// entries; lastDefLine is the last line of the section's last entry.
	list        []int
	lastDefLine int
}

func (f *defFinder) openSection(heading Span) {
	f.closeSection()
	f.inNotes = true
	f.sections = append(f.sections, heading)
}

// closeSection ends the notes section: at another heading, or at the
// first block after its entries that is not an entry itself (a numbered
// list further down the page is not a list of notes).
func (f *defFinder) closeSection() {
	markLazy(f.defs, f.list)
	f.list = f.list[:0]
	f.inNotes = false
}

func (f *defFinder) add(d Def, numbered bool) {
	if numbered {
		f.list = append(f.list, len(f.defs))
	}
	f.defs = append(f.defs, d)
	f.lastDefLine = f.doc.Blocks[d.Block].LastLine
}

func (f *defFinder) block(bi int) {
	doc := f.doc
	b := doc.Blocks[bi]
	before := len(f.defs)
	switch b.Kind {
	case document.Note:
		if d, ok := noteDef(doc, bi); ok {
			f.add(d, false)
		}
		return
	case document.ListItem:
		if d, ok := bulletNoteDef(doc, bi); ok {
			f.add(d, false)
		} else if d, ok := listDef(doc, bi); ok && f.inNotes {
			f.add(d, true)
		}
	case document.Heading:
		if defs := markedLineDefs(doc, bi); len(defs) > 0 {
			for _, d := range defs {
				f.add(d, false)
			}
			return
		}
		switch {
		case isNotesHeading(doc, b):
			f.openSection(Span{b.ContentStart, b.End})
		case b.Level == 0 && f.wraps(b):
			// A short unpunctuated second line of an entry looks like a
			// title to the block parser; it belongs to the entry.
		default:
			f.closeSection()
		}
		return
	case document.Paragraph:
		if b.FirstLine == b.LastLine && isNotesHeading(doc, b) {
			f.openSection(Span{b.ContentStart, b.End})
			return
		}
		if defs := markedLineDefs(doc, bi); len(defs) > 0 {
			for _, d := range defs {
				f.add(d, false)
			}
			return
		}
		from := b.FirstLine
		if !f.inNotes {
			// A page ingested one block per line can run a short
			// "References" line into the paragraph above it.
			if line, ok := notesHeadingLine(doc, b); ok {
				f.openSection(Span{doc.Lines[line].Start, doc.Lines[line].End})
				from = line + 1
			}
		}
		if f.inNotes {
			for _, d := range paragraphDefs(doc, bi, from) {
				f.add(d, true)
			}
		}
	}
	if len(f.defs) == before && !f.wraps(b) {
		f.closeSection()
	}
}

// wraps reports whether b is the unindented second line of the notes
// section's last entry.
func (f *defFinder) wraps(b document.Block) bool {
	return f.inNotes && len(f.list) > 0 && b.FirstLine == f.lastDefLine+1
}

// markedLineDefs reads notes that the block parser cannot see as note
// blocks, because consecutive lines without a blank between them form one
// paragraph: lines opening with a superscript number ("³ Ibid."), with
// "<sup>3</sup> ", or with escaped brackets ("\[3\] text", "\[^3\]:
// text"). The block's first line must open so; each later line that opens
// so starts the next note, any other line continues the current one.
func markedLineDefs(doc *document.Document, bi int) []Def {
	b := &doc.Blocks[bi]
	if !mayOpenMarker(doc.Src[:doc.Lines[b.FirstLine].End], b.ContentStart) {
		return nil // the first line holds no marker: most blocks
	}
	var defs []Def
	for line := b.FirstLine; line <= b.LastLine; line++ {
		l := doc.Lines[line]
		start := l.Start
		if line == b.FirstLine {
			start = b.ContentStart
		}
		start += leadingBlank(doc.Src[start:l.End])
		if d, ok := lineMarkerDef(doc.Src[:l.End], start); ok {
			d.Block, d.TextEnd, d.FirstLine, d.LastLine = bi, l.End, line, line
			defs = append(defs, d)
			continue
		}
		if len(defs) == 0 {
			return nil
		}
		defs[len(defs)-1].TextEnd, defs[len(defs)-1].LastLine = l.End, line
	}
	return defs
}

// mayOpenMarker is lineMarkerDef's first test, on the line that ends
// src, from i: after blanks, a byte that may open a marker ("<", a
// backslash or a byte above ASCII). Without one the line opens no marker.
func mayOpenMarker(src []byte, i int) bool {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return i < len(src) && (src[i] == '<' || src[i] == '\\' || src[i] >= utf8.RuneSelf)
}

func leadingBlank(b []byte) int {
	n := 0
	for n < len(b) && (b[n] == ' ' || b[n] == '\t') {
		n++
	}
	return n
}

// lineMarkerDef reads a note marker at i, followed by white space.
func lineMarkerDef(src []byte, i int) (Def, bool) {
	// A marker opens with "<", a backslash or a superscript digit (above ASCII):
	// most lines are settled on their first byte.
	if i >= len(src) || src[i] != '<' && src[i] != '\\' && src[i] < utf8.RuneSelf {
		return Def{}, false
	}
	if m, ok := scanSupTag(src, i); ok && len(m.nums) == 1 && followedBySpace(src, m.end) {
		return Def{Start: i, End: m.end, InnerStart: m.innerStart, InnerEnd: m.innerEnd, Style: Sup, Num: m.nums[0]}, true
	}
	if d, ok := escapedMarker(src, i); ok {
		return d, true
	}
	j := i
	for j < len(src) {
		r, size := utf8.DecodeRune(src[j:])
		if superscriptDigit(r) < 0 {
			break
		}
		j += size
	}
	if j == i || !followedBySpace(src, j) {
		return Def{}, false
	}
	n, ok := superscriptNumber(src[i:j])
	if !ok {
		return Def{}, false
	}
	return Def{Start: i, End: j, InnerStart: i, InnerEnd: j, Style: Superscript, Num: n}, true
}

// escapedMarker reads "\[3\]" or "\[^3\]:" at i, followed by white space.
func escapedMarker(src []byte, i int) (Def, bool) {
	rest := src[i:]
	if !bytes.HasPrefix(rest, []byte(`\[`)) {
		return Def{}, false // most lines: settled without a search
	}
	// The closing mark counts only within 44 bytes: it is searched for
	// there, not in the rest of the line.
	closing := bytes.Index(rest[:min(len(rest), 46)], []byte(`\]`))
	if closing < 3 || closing > 44 {
		return Def{}, false
	}
	d := Def{Start: i, End: i + closing + 2, InnerStart: i + 2, InnerEnd: i + closing, Style: Bracket}
	label := string(rest[2:closing])
	if strings.HasPrefix(label, "^") {
		d.Style, d.InnerStart, label = Caret, d.InnerStart+1, label[1:]
		if d.End < len(src) && src[d.End] == ':' {
			d.End++
		}
	}
	if !followedBySpace(src, d.End) {
		return Def{}, false
	}
	if n, ok := noteNumber(label); ok {
		d.Num = n
		return d, true
	}
	if d.Style == Caret && validName(label) {
		d.Name = label
		return d, true
	}
	return Def{}, false
}

// bulletNoteDef reads a bullet item holding a bracket note: "- [3] text".
func bulletNoteDef(doc *document.Document, bi int) (Def, bool) {
	b := doc.Blocks[bi]
	if b.Marker == "" || isDigit(b.Marker[0]) {
		return Def{}, false
	}
	rest := doc.Src[b.ContentStart:b.End]
	closing := bytes.IndexByte(rest, ']')
	if len(rest) < 4 || rest[0] != '[' || closing < 2 || closing+1 >= len(rest) || rest[closing+1] != ' ' {
		return Def{}, false
	}
	n, ok := noteNumber(string(rest[1:closing]))
	if !ok {
		return Def{}, false
	}
	start := b.ContentStart
	return Def{Start: start, End: start + closing + 1, InnerStart: start + 1, InnerEnd: start + closing,
		Block: bi, Style: Bracket, Num: n}, true
}

// paragraphDefs reads a paragraph of a notes section whose lines each
// open with a number glued to its text ("1.Xie Y, Wu Z ...", "2)Smith"),
// as an ingester that dropped the list spacing leaves them. Every line
// must open so, or the paragraph is prose.
func paragraphDefs(doc *document.Document, bi, from int) []Def {
	b := doc.Blocks[bi]
	var defs []Def
	for line := from; line <= b.LastLine; line++ {
		l := doc.Lines[line]
		text := doc.Src[l.Start:l.End]
		lead := len(text) - len(bytes.TrimLeft(text, " \t"))
		digits := 0
		for lead+digits < len(text) && isDigit(text[lead+digits]) {
			digits++
		}
		n, ok := noteNumber(string(text[lead : lead+digits]))
		end := lead + digits + 1
		if !ok || end >= len(text) || text[end-1] != '.' && text[end-1] != ')' || isDigit(text[end]) {
			return nil
		}
		defs = append(defs, Def{
			Start: l.Start + lead, End: l.Start + end,
			InnerStart: l.Start + lead, InnerEnd: l.Start + lead + digits,
			Block: bi, Style: Numbered, Num: n,
			TextEnd: l.End, FirstLine: line, LastLine: line,
		})
	}
	return defs
}

// notesHeadingLine finds a line of a paragraph block, after its first,
// that is a notes heading.
func notesHeadingLine(doc *document.Document, b document.Block) (int, bool) {
	for line := b.FirstLine + 1; line <= b.LastLine; line++ {
		l := doc.Lines[line]
		if l.End-l.Start <= 40 && isNotesTitle(doc.Src[l.Start:l.End]) {
			return line, true
		}
	}
	return 0, false
}

// isNotesHeading reports whether a block's text is a notes section title,
// ignoring Markdown marks, case and a trailing colon.
func isNotesHeading(doc *document.Document, b document.Block) bool {
	return b.End-b.ContentStart <= 40 && isNotesTitle(doc.Src[b.ContentStart:b.End])
}

func isNotesTitle(text []byte) bool {
	if !mayBeNotesTitle(text) {
		return false
	}
	var buf [64]byte
	if key, ok := asciiTitleKey(buf[:0], text); ok {
		return notesHeadings[string(key)]
	}
	t := strings.ToLower(string(text))
	t = strings.Trim(t, " \t\u00a0#*_:")
	return notesHeadings[strings.Join(strings.Fields(t), " ")]
}

// asciiTitleKey appends what isNotesTitle looks up for an ASCII text,
// without allocating: the text lower-cased, the marks and blanks it trims
// taken off both ends, then its words joined by single spaces. It reports
// false for a text with a non-ASCII byte or too long for dst.
func asciiTitleKey(dst, text []byte) ([]byte, bool) {
	if len(text) > cap(dst) {
		return nil, false
	}
	isTrimmed := func(c byte) bool { return c == ' ' || c == '\t' || c == '#' || c == '*' || c == '_' || c == ':' }
	isBlank := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' }
	lo, hi := 0, len(text)
	for lo < hi && isTrimmed(text[lo]) {
		lo++
	}
	for hi > lo && isTrimmed(text[hi-1]) {
		hi--
	}
	space := false // a blank run waits to be written as one space
	for _, c := range text[lo:hi] {
		switch {
		case c >= utf8.RuneSelf:
			return nil, false
		case isBlank(c):
			space = len(dst) > 0
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		dst = append(dst, c)
	}
	return dst, true
}

// mayBeNotesTitle settles most short blocks (menu items, captions) on
// their first two letters, before isNotesTitle lower-cases, trims and
// splits them: past the ASCII bytes that isNotesTitle trims, two ASCII
// letters must open one of the notesHeadings, and any other ASCII byte
// but white space opens none ("Share" and "Search" stop at "sh" and "se";
// only "Sources" reads on). Non-ASCII and white space go the long way.
func mayBeNotesTitle(text []byte) bool {
	for i, c := range text {
		switch {
		case c == ' ' || c == '\t' || c == '#' || c == '*' || c == '_' || c == ':':
			continue
		case c >= utf8.RuneSelf || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return true
		case !isASCIILetter(c):
			return false
		case i+1 == len(text):
			return false // one letter: no heading is that short
		}
		d := text[i+1]
		switch {
		case d >= utf8.RuneSelf:
			return true // "ré", the long way
		case !isASCIILetter(d):
			return false
		}
		return notesOpenings[(c|0x20)-'a'][(d|0x20)-'a']
	}
	return false
}

// notesOpenings marks the pairs of ASCII letters that open a
// notesHeadings entry.
var notesOpenings = func() (set [26][26]bool) {
	for h := range notesHeadings {
		if isASCIILetter(h[0]) && isASCIILetter(h[1]) {
			set[h[0]-'a'][h[1]-'a'] = true
		} // other openings ("ré") are read the long way
	}
	return set
}()

// noteDef reads a note block's marker: "[12]" or "[^12]:" or "[^name]:".
func noteDef(doc *document.Document, bi int) (Def, bool) {
	b := doc.Blocks[bi]
	open := bytes.IndexByte(doc.Src[b.Start:b.ContentStart], '[')
	if open < 0 {
		return Def{}, false
	}
	start := b.Start + open
	closing := bytes.IndexByte(doc.Src[start:b.ContentStart], ']')
	if closing < 0 {
		return Def{}, false
	}
	end := start + closing + 1
	d := Def{Start: start, End: end, InnerStart: start + 1, InnerEnd: end - 1, Block: bi, Style: Bracket}
	label := b.Marker
	if strings.HasPrefix(label, "^") {
		d.Style = Caret
		d.InnerStart++
		label = label[1:]
		if end < len(doc.Src) && doc.Src[end] == ':' {
			d.End++
		}
	}
	if n, ok := noteNumber(label); ok {
		d.Num = n
		return d, true
	}
	if d.Style == Caret && validName(label) {
		d.Name = label
		return d, true
	}
	return Def{}, false
}

// listDef reads a numbered list item ("3." or "3)") as an endnote.
func listDef(doc *document.Document, bi int) (Def, bool) {
	b := doc.Blocks[bi]
	digits := strings.TrimRight(b.Marker, ".)")
	n, ok := noteNumber(digits)
	if !ok {
		return Def{}, false
	}
	start := b.Start + bytes.Index(doc.Src[b.Start:b.ContentStart], []byte(b.Marker))
	return Def{
		Start: start, End: start + len(b.Marker),
		InnerStart: start, InnerEnd: start + len(digits),
		Block: bi, Style: Numbered, Num: n,
	}, true
}

func followedBySpace(src []byte, i int) bool {
	if i >= len(src) {
		return false
	}
	r, _ := utf8.DecodeRune(src[i:])
	return unicode.IsSpace(r) || r == '\u00a0'
}

// markLazy numbers a list written "1. 1. 1." by position: Markdown allows
// it and renders it 1, 2, 3, so it is not a list of duplicates.
func markLazy(defs []Def, section []int) {
	if len(section) < 2 {
		return
	}
	for _, i := range section {
		if defs[i].Num != defs[section[0]].Num {
			return
		}
	}
	first := defs[section[0]].Num
	for k, i := range section {
		defs[i].Num = first + k
		defs[i].Lazy = true
	}
}

// noteNumber parses a plain note number: 1 to maxNote, no sign, no leading
// zero.
func noteNumber(s string) (int, bool) {
	if s == "" || len(s) > 3 || s[0] == '0' {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, n <= maxNote
}

// validName accepts a Markdown footnote name: letters, digits, "-", "_".
func validName(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '_' {
			return false
		}
	}
	return true
}
