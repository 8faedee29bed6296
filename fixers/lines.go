package fixers

import "github.com/dochygiene/hygiene/internal/document"

// RemoveLines returns the edit that removes lines first..last (0-based,
// inclusive) together with the blank lines that separated them from the
// text after them, so that removing a block never merges two paragraphs and
// never leaves a run of blank lines behind:
//
//   - after a blank line (or at the top): the lines and the blank lines that
//     follow them go;
//   - right under a text line: only the lines go, the blank line after them
//     still separates that text from what follows;
//   - at the end of the document: the blank lines before them go too.
func RemoveLines(doc *document.Document, first, last int) Edit {
	next := last + 1
	for next < len(doc.Lines) && doc.IsBlankLine(next) {
		next++
	}
	if next >= len(doc.Lines) {
		prev := first - 1
		for prev >= 0 && doc.IsBlankLine(prev) {
			prev--
		}
		if prev < 0 {
			return Delete(0, len(doc.Src))
		}
		return Delete(doc.Lines[prev].End, doc.Lines[last].End)
	}
	if first == 0 || doc.IsBlankLine(first-1) {
		return Delete(doc.Lines[first].Start, doc.Lines[next].Start)
	}
	return Delete(doc.Lines[first].Start, doc.Lines[last].Next)
}
