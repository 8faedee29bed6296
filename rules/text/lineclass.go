package text

import (
	"github.com/dochygiene/hygiene/internal/document"
)

// lineClass says what kinds of bytes a line holds. The rules about
// encodings, invisible characters and normalisation act only on lines with
// a non-ASCII or control byte (a tenth of the lines of the WCXB truth
// texts, a third of their bytes), and each used to find those lines with a
// scan of its own; the text family now scans a document once and shares
// the classes.
type lineClass uint8

const (
	// lineNonASCII: a byte at or above 0x80 in [Start, End).
	lineNonASCII lineClass = 1 << iota
	// lineSuspect: a byte other than printable ASCII, tab and newline in
	// [Start, Next), the terminator included (hasSuspectByte).
	lineSuspect
)

// classifyLines returns the class of every line of doc.
func classifyLines(doc *document.Document) []lineClass {
	src := doc.Src
	classes := make([]lineClass, len(doc.Lines))
	for i, l := range doc.Lines {
		// A non-ASCII byte is suspect, so a line with no suspect byte
		// has none, and the first one lies at or after the first
		// suspect byte.
		k := l.Start + firstSuspect(src[l.Start:l.End])
		var c lineClass
		if k < l.End {
			c = lineSuspect
			if k+firstNonASCII(src[k:l.End]) < l.End {
				c |= lineNonASCII
			}
		}
		if firstSuspectByte(src[l.End:l.Next]) < l.Next-l.End {
			c |= lineSuspect // a carriage return before the newline
		}
		classes[i] = c
	}
	return classes
}

// lineClasses returns classifyLines(doc), computed once per document: the
// text rules run one after the other on the same worker (a byte a line).
func lineClasses(doc *document.Document) []lineClass {
	return lineClassMemo.Get(doc, classifyLines)
}

var lineClassMemo document.Memo[[]lineClass]

// blockHasNonASCII reports whether a block's lines hold a non-ASCII byte
// (a block runs from its first line's start to its last line's end; the
// terminators between are ASCII).
func blockHasNonASCII(classes []lineClass, b document.Block) bool {
	for i := b.FirstLine; i <= b.LastLine; i++ {
		if classes[i]&lineNonASCII != 0 {
			return true
		}
	}
	return false
}
