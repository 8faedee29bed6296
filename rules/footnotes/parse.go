package footnotes

import (
	"strconv"

	"github.com/dochygiene/hygiene/internal/document"
)

// Style is how a reference or a definition is written.
type Style int

const (
	// Bracket is "[3]", "[ 3 ]", "[1-3]", "[1, 2]" and, for definitions,
	// a note block "[3] text".
	Bracket Style = iota
	// Caret is Markdown: "[^3]" or "[^label]", defined by "[^3]: text".
	Caret
	// Superscript is Unicode superscript digits: "¹²".
	Superscript
	// Sup is an HTML leftover: "<sup>3</sup>".
	Sup
	// Numbered is a definition written as a list item "3. text" under a
	// heading such as Notes or References.
	Numbered
)

var styleNames = [...]string{"bracket", "caret", "superscript", "sup", "numbered"}

func (s Style) String() string { return styleNames[s] }

// Ref is one reference marker in the text. A marker may cite several
// numbers ("[1-3]", "[4, 5]"); a Markdown marker may carry a name instead.
type Ref struct {
	// Start and End span the whole marker, brackets or tags included.
	Start, End int
	// InnerStart and InnerEnd span the label text inside the marker: what a
	// renumbering rewrites.
	InnerStart, InnerEnd int
	Style                Style
	// Nums are the cited numbers in written order, ranges expanded.
	Nums []int
	// Name is the label of a non-numeric Markdown reference ("[^source]").
	Name string
	// Range is true when the marker is written as a range ("[1-3]").
	Range bool
	// SpaceBefore is true when white space separates the marker from the
	// preceding text ("reported [5]"); stripping the marker removes it too.
	SpaceBefore bool
}

// Def is one footnote or endnote definition.
type Def struct {
	// Start and End span the marker ("[3]", "[^3]:", "3.", "³").
	Start, End int
	// InnerStart and InnerEnd span the number or name inside the marker.
	InnerStart, InnerEnd int
	// Block is the index of the definition's block in Document.Blocks.
	// Usually the definition is the whole block; in a notes section
	// written without list spacing ("1.Xie Y, ..." on consecutive lines)
	// several definitions share one paragraph block, one per line.
	Block int
	// TextEnd is where the definition's text ends; FirstLine and LastLine
	// are its lines (0-based, inclusive).
	TextEnd             int
	FirstLine, LastLine int
	Style               Style
	// Num is the note number, 0 for a named Markdown note.
	Num  int
	Name string
	// Lazy marks a list item of a list numbered "1. 1. 1." (valid Markdown,
	// numbered by position): Num is its position, its marker is not a label.
	Lazy bool
}

// Label returns the note's label as the text shows it in messages.
func (d Def) Label() string {
	if d.Num > 0 {
		return itoa(d.Num)
	}
	return "^" + d.Name
}

// Notes is everything footnote-shaped in one document, in document order.
type Notes struct {
	Refs []Ref
	Defs []Def
	// Sections are the headings of notes sections ("Notes",
	// "References"), whether or not numbered definitions follow.
	Sections []Span
}

// Span is a byte range of the document.
type Span struct{ Start, End int }

// Parse finds the references and definitions of doc. It reads the shared
// document model (blocks and their byte spans) and never fails: malformed
// markers are simply not notes.
func Parse(doc *document.Document) *Notes {
	n := &Notes{}
	n.Defs, n.Sections = findDefs(doc)
	n.Refs = findRefs(doc, n.Defs)
	return n
}

// maxNote is the highest note number taken as a footnote: "[2005]" is a
// year and "[1000]" is not a note either.
const maxNote = 999

// maxRange is the widest range "[a-b]" read as a list of notes.
const maxRange = 50

func itoa(n int) string { return strconv.Itoa(n) }
