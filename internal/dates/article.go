package dates

import (
	"iter"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/internal/document"
)

// How far down a date line may stand: ingests put the date above or below
// the title and byline, rarely further.
const (
	topLines = 8
	// MaxDateLineLen is the longest line (in bytes) DateLine reads.
	MaxDateLineLen = 120
	// maxOtherWords is how many words a date line may hold besides the date
	// ("By Jane Doe | Published", "Updated").
	maxOtherWords = 6
)

// Article returns the article's date: the metadata date when there is one
// (--date, a record's field), else a date line near the top of the text.
// It reports false when neither is found: rules that need a date then stay
// quiet rather than guess.
func Article(doc *document.Document) (time.Time, bool) {
	if !doc.Meta.Date.IsZero() {
		return doc.Meta.Date, true
	}
	t, _, ok := DateLine(doc)
	return t, ok
}

// DateLine finds a date line among the first non-blank lines: a short line
// holding a full date (with year) and few other words. It returns the date
// and the match.
func DateLine(doc *document.Document) (time.Time, Match, bool) {
	for l := range DateLineCandidates(doc) {
		for _, m := range Find(doc.Src, l.Start, l.End) {
			if !m.HasYear() {
				continue
			}
			other := countWords(doc.Src[l.Start:m.Start]) + countWords(doc.Src[m.End:l.End])
			if other <= maxOtherWords {
				return m.Time(0), m, true
			}
		}
	}
	return time.Time{}, Match{}, false
}

// DateLineCandidates yields, in text order, the lines DateLine reads: the
// first topLines non-blank lines, those of MaxDateLineLen bytes at most.
// A rule that needs to know whether a date line may exist (a year among
// them) asks it, without running the date expression.
func DateLineCandidates(doc *document.Document) iter.Seq[document.Line] {
	return func(yield func(document.Line) bool) {
		seen := 0
		for i := 0; i < len(doc.Lines) && seen < topLines; i++ {
			if doc.IsBlankLine(i) {
				continue
			}
			seen++
			if l := doc.Lines[i]; l.End-l.Start <= MaxDateLineLen && !yield(l) {
				return
			}
		}
	}
}

func countWords(b []byte) int {
	n, in := 0, false
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		letter := unicode.IsLetter(r) || unicode.IsDigit(r)
		if letter && !in {
			n++
		}
		in = letter
	}
	return n
}
