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
//
// Lines follow each other without gaps (one's Next is the next one's
// Start) and the newline is no suspect byte, so the document is searched
// as a whole from one suspect byte to the next, and only the lines they
// fall in are looked at: most lines are passed over inside one long scan,
// without a call, a byte-by-byte tail and a look at the terminator each
// (with firstSuspect's 32-byte steps, classifyLines and firstSuspect
// together: the WCXB truth texts 47M -> 36M instructions, pages 75M ->
// 58M; firstSuspect also serves text/encoding's scan of suspect lines).
func classifyLines(doc *document.Document) []lineClass {
	return classifyLinesInto(nil, doc)
}

// classifyLinesInto is classifyLines in buf's room when it is enough.
func classifyLinesInto(buf []lineClass, doc *document.Document) []lineClass {
	src, lines := doc.Src, doc.Lines
	var classes []lineClass
	if cap(buf) >= len(lines) {
		classes = buf[:len(lines)]
		clear(classes)
	} else {
		classes = make([]lineClass, len(lines))
	}
	if len(lines) == 0 {
		return classes
	}
	i := 0
	for at := lines[0].Start; at < len(src); {
		p := at + firstSuspect(src[at:])
		for i < len(lines) && lines[i].Next <= p {
			i++
		}
		if i == len(lines) {
			break // no suspect byte left (or past the last line)
		}
		// A non-ASCII byte is suspect, so the first one lies at or
		// after the line's first suspect byte p (which may be in the
		// terminator: a carriage return).
		l := lines[i]
		c := lineSuspect
		if p < l.End && p+firstNonASCII(src[p:l.End]) < l.End {
			c |= lineNonASCII
		}
		classes[i] = c
		at = l.Next
		i++
	}
	return classes
}

// lineClasses returns classifyLines(doc), computed once per document: the
// text rules run one after the other on the same worker (a byte a line).
func lineClasses(doc *document.Document) []lineClass {
	return lineClassMemo.Get(doc, classifyPooled)
}

func classifyPooled(doc *document.Document) []lineClass {
	return classifyLinesInto(classBuffers.Get(), doc)
}

// lineClassMemo hands a dropped document's classes to the next document:
// the rules read them only inside their Run, and the runner drops a
// document's state once every rule has returned.
var lineClassMemo = document.Memo[[]lineClass]{Recycle: classBuffers.Put}

// classBuffers keeps the class slices of dropped documents (a few hundred
// kilobytes at most).
var classBuffers document.FreeSlices[lineClass]

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
