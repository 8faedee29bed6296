package report

import (
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// LocateInOrder sets items[k] to what LocatePosition (with more,
// Locate) gives for fs[order[k]], where order lists the findings by
// position (OrderFindings). Each finding's line is searched for from the
// line of the finding before, a step or two on: a page has a finding per
// furniture line, and a binary search of its thousands of lines for each
// was a third of the locating.
func LocateInOrder(doc *document.Document, fs []rules.Finding, order []int32, items []Item, positionsOnly bool) {
	var c lineCursor
	for k, i := range order {
		it := &items[k]
		c.locate(doc, fs[i], it)
		if !positionsOnly {
			locateMore(doc, it)
		}
	}
}

// lineCursor is the line of the last offset placed; offsets placed after
// it lie on it or further on, most often.
type lineCursor struct {
	line int
}

// maxCursorSteps is how many lines a cursor walks before it searches.
const maxCursorSteps = 16

// lineAt is doc.LineAt(offset): the first line whose next line starts
// after offset, or the last line.
func (c *lineCursor) lineAt(doc *document.Document, offset int) int {
	lines := doc.Lines
	i := c.line
	// Every line before i must end before offset for the walk to find
	// the first one that does not.
	if i >= len(lines) || i > 0 && lines[i-1].Next > offset {
		c.line = doc.LineAt(offset)
		return c.line
	}
	for steps := 0; i < len(lines)-1 && lines[i].Next <= offset; steps++ {
		if steps == maxCursorSteps {
			c.line = doc.LineAt(offset)
			return c.line
		}
		i++
	}
	c.line = i
	return i
}

// position is doc.Position(offset).
func (c *lineCursor) position(doc *document.Document, offset int) (line, col int) {
	offset = min(max(offset, 0), len(doc.Src))
	i := c.lineAt(doc, offset)
	from := doc.Lines[i].Start
	if offset <= from { // a line's start, or inside the BOM
		return i + 1, 1
	}
	return i + 1, document.RuneCount(doc.Src[from:offset]) + 1
}

// locate sets *it to LocatePosition(doc, f).
func (c *lineCursor) locate(doc *document.Document, f rules.Finding, it *Item) {
	// Field by field: a composite literal was built aside and then copied,
	// 200 bytes with pointers, a third of the locating.
	it.Path, it.Record, it.Rule, it.Finding = doc.Path, doc.Meta.Record, f.Rule, f
	it.Excerpt, it.Bytes, it.EditBytes, it.Fingerprint = "", ByteRange{}, nil, ""
	it.Line, it.Column = c.position(doc, f.Start)
	end := f.End
	if end > f.Start {
		// As LocatePosition: an end at the start of a line belongs to the
		// line before it. The end's line is on from the start's.
		if li := it.Line - 1; f.Start < doc.Lines[li].Start || end >= doc.Lines[li].Next {
			ends := lineCursor{line: li}
			if li := ends.lineAt(doc, end); doc.Lines[li].Start == end && li > 0 {
				end = doc.Lines[li-1].End
			}
		}
	}
	it.EndLine, it.EndColumn = doc.PositionAfter(f.Start, it.Line, it.Column, end)
	if it.EndLine < it.Line || it.EndLine == it.Line && it.EndColumn < it.Column {
		it.EndLine, it.EndColumn = it.Line, it.Column
	}
}
