package text

import (
	"bytes"
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// HardWrap flags a paragraph broken mid-sentence by a single newline.
var HardWrap = &rules.Rule{
	ID:      "text/hard-wrap",
	Summary: "paragraph broken mid-sentence by a single line break",
	Doc: `Text pasted from e-mail or PDF, or wrapped by an editor, breaks sentences
across lines: "compliance remains\ninconsistent." Search, sentence
splitting and language models then see two fragments.

A line break inside a paragraph is flagged when the line before it lacks
terminal punctuation and the line after it starts with a lower-case letter.
Lists, tables, quotes, code, and blocks of short lines (verse, addresses,
menus) stay quiet: their line breaks are meant.

Fix (safe): join the lines with one space. In a paragraph wrapped at an even
width, every break is joined, including those before capitals.`,
	Bad:       "Yet, despite clear legal frameworks, compliance remains\ninconsistent. This initiative emphasizes the importance of upholding them.",
	Good:      "Roses are red,\nviolets are blue.\n\n12 Rue de Rivoli\nparis 75001",
	Severity:  rules.Warning,
	FixSafety: fixers.Safe,
	Run:       runHardWrap,
}

const (
	// minWrappedLine is the shortest line (in runes) that a hard wrap
	// produces; shorter lines broken on purpose are verse or addresses.
	minWrappedLine = 40
	// maxWrappedLine is the longest width editors and mailers wrap at;
	// a longer line broken mid-sentence is still a broken sentence but
	// says nothing about the rest of the paragraph's breaks.
	maxWrappedLine = 100
)

// wrappedDocument is how many wrapped paragraphs make the whole document
// one finding: a mailing-list post or a text file wrapped at 72 columns is
// one problem, not one per paragraph.
const wrappedDocument = 3

func runHardWrap(pass *rules.Pass) {
	doc := pass.Doc
	var found []rules.Finding
	var scratch []lineBreak // the breaks of each paragraph in turn
	for _, b := range doc.Blocks {
		if b.Kind == document.Paragraph && b.LastLine > b.FirstLine {
			var f rules.Finding
			var ok bool
			if f, ok, scratch = checkParagraphWrap(doc, b, scratch[:0]); ok {
				found = append(found, f)
			}
		}
	}
	if len(found) < wrappedDocument {
		for _, f := range found {
			pass.Report(f)
		}
		return
	}
	whole := found[0]
	breaks := 0
	var edits []fixers.Edit
	for _, f := range found {
		edits = append(edits, f.Fix.Edits...)
		breaks += len(f.Fix.Edits)
	}
	whole.End = found[len(found)-1].End
	whole.Message = fmt.Sprintf("document hard-wrapped: %d paragraphs broken inside sentences (%d line breaks)", len(found), breaks)
	whole.Fix = &fixers.Fix{Message: "join the wrapped lines", Safety: fixers.Safe, Edits: edits}
	pass.Report(whole)
}

// lineBreak is the gap between line i and line i+1: the end of line i's
// text and the start of line i+1's text.
type lineBreak struct {
	textEnd, nextStart int
	midSentence        bool
}

// checkParagraphWrap judges the paragraph b, collecting its breaks in
// breaks (an empty scratch slice, returned for the next paragraph: a
// slice per paragraph was 7,600 allocations over the WCXB pages).
func checkParagraphWrap(doc *document.Document, b document.Block, breaks []lineBreak) (rules.Finding, bool, []lineBreak) {
	evidence := 0
	for i := b.FirstLine; i < b.LastLine; i++ {
		br := breakAfter(doc, i)
		if br.midSentence {
			evidence++
		}
		breaks = append(breaks, br)
	}
	if evidence == 0 || itemLines(doc, b) {
		return rules.Finding{}, false, breaks
	}
	even := evenlyWrapped(doc, b)
	var edits []fixers.Edit
	first := -1
	for _, br := range breaks {
		if !br.midSentence && !even {
			continue
		}
		if first < 0 {
			first = br.textEnd
		}
		edits = append(edits, fixers.Replace(br.textEnd, br.nextStart, " "))
	}
	msg := "sentence broken across two lines"
	if len(edits) > 1 {
		msg = fmt.Sprintf("paragraph hard-wrapped: %d line breaks inside sentences", len(edits))
	}
	start := lastWordStart(doc.Src, doc.Lines[doc.LineAt(first)].Start, first)
	return rules.Finding{
		Start: start, End: first, Message: msg,
		Fix: &fixers.Fix{Message: "join the lines", Safety: fixers.Safe, Edits: edits},
	}, true, breaks
}

// breakAfter describes the break after line i and whether it cuts a
// sentence: the line is long enough to be a wrapped line, ends without
// terminal punctuation, and the next line starts in lower case.
func breakAfter(doc *document.Document, i int) lineBreak {
	src := doc.Src
	line, next := doc.Lines[i], doc.Lines[i+1]
	textEnd := line.End
	for textEnd > line.Start && (src[textEnd-1] == ' ' || src[textEnd-1] == '\t') {
		textEnd--
	}
	nextStart := next.Start
	for nextStart < next.End && (src[nextStart] == ' ' || src[nextStart] == '\t') {
		nextStart++
	}
	br := lineBreak{textEnd: textEnd, nextStart: nextStart}
	prev := src[line.Start:textEnd]
	nextText := src[nextStart:next.End]
	// The two characters at the break settle most breaks (a line that
	// ends a sentence, or one before a capital) before the tests that
	// read both lines whole (breakAfter and looksLikeCode on the WCXB
	// pages: 57M -> 9M instructions).
	last, _ := utf8.DecodeLastRune(prev)
	firstNext, _ := utf8.DecodeRune(nextText)
	if !unicode.IsLetter(last) && last != ',' || !unicode.IsLower(firstNext) {
		return br
	}
	if utf8.RuneCount(prev) < minWrappedLine || looksLikeCode(prev) || looksLikeCode(nextText) || labelLine(nextText) {
		return br
	}
	br.midSentence = !codeLike(src, nextStart, nextStart+1)
	return br
}

// itemLines reports a block of three or more lines none of which ends a
// sentence: a list whose markers were stripped, or table rows flattened to
// text. A wrapped paragraph ends its last line with a full stop.
func itemLines(doc *document.Document, b document.Block) bool {
	if b.LastLine-b.FirstLine < 2 {
		return false
	}
	for i := b.FirstLine; i <= b.LastLine; i++ {
		line := bytes.TrimRight(doc.LineText(i), " \t")
		switch r, _ := utf8.DecodeLastRune(line); r {
		case '.', '!', '?', ':', ';', ')', '"', '\u201d', '\u2019', '\u2026':
			return false
		}
	}
	return true
}

// labelLine reports a line that opens with a short label and a colon
// ("rows: Number of rows processed"): a definition list, whose lines are
// meant to stand apart.
func labelLine(line []byte) bool {
	i := bytes.IndexByte(line, ':')
	if i <= 0 || i > 30 || i+1 < len(line) && line[i+1] != ' ' {
		return false
	}
	return bytes.Count(line[:i], []byte(" ")) <= 2
}

// evenlyWrapped reports a paragraph of three or more lines whose lines,
// all but the last, are of nearly one width no wider than an editor wraps
// at: a paragraph a tool wrapped, where every break is an artefact.
func evenlyWrapped(doc *document.Document, b document.Block) bool {
	if b.LastLine-b.FirstLine < 2 {
		return false
	}
	lo, hi := 1<<30, 0
	for i := b.FirstLine; i < b.LastLine; i++ {
		n := utf8.RuneCount(bytes.TrimRight(doc.LineText(i), " \t"))
		lo, hi = min(lo, n), max(hi, n)
	}
	return hi <= maxWrappedLine && lo >= minWrappedLine && lo*4 >= hi*3
}

// lastWordStart returns where the last word before end begins, for a
// finding span that shows the cut.
func lastWordStart(src []byte, lineStart, end int) int {
	i := bytes.LastIndexAny(src[lineStart:end], " \t")
	if i < 0 {
		return lineStart
	}
	return lineStart + i + 1
}
