package text

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/internal/document"
)

// referenceBreakAfter is breakAfter as it was before the characters at
// the break were tested first: the whole-line tests ran on every break.
// The test below holds breakAfter to it.
func referenceBreakAfter(doc *document.Document, i int) lineBreak {
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
	if utf8.RuneCount(prev) < minWrappedLine || looksLikeCode(prev) || looksLikeCode(nextText) || labelLine(nextText) {
		return br
	}
	last, _ := utf8.DecodeLastRune(prev)
	firstNext, _ := utf8.DecodeRune(src[nextStart:next.End])
	br.midSentence = (unicode.IsLetter(last) || last == ',') && unicode.IsLower(firstNext) &&
		!codeLike(src, nextStart, nextStart+1)
	return br
}

// TestBreakAfterMatchesReference compares breakAfter with its reference
// at every line break of the seeds, the WCXB texts and random texts of
// long and short lines, code, labels and characters above ASCII at the
// break.
func TestBreakAfterMatchesReference(t *testing.T) {
	pieces := []string{"compliance remains", " inconsistent", "the report said", ",", ".", " ", "\t", "\n", "\n", "    ",
		"rows: ", "x := 1;", "{", "`code`", "snake_case", "\u00e9t\u00e9", "\u00c9", "Word", "word", "https://x.org/a",
		strings.Repeat("long line of words ", 3), "-", "$ ", "\u2019"}
	r := rand.New(rand.NewPCG(41, 42))
	texts := randomTexts(realTexts(t), r, 5000, 40, pieces)
	// Paragraphs of lines of words, long and short, ending with or
	// without punctuation, the next opening in either case, now and then
	// with code in them: breaks inside sentences without the WCXB texts
	// too.
	words := []string{"the", "report", "said", "Council", "compliance", "remains", "inconsistent", "and", "of",
		"caf\u00e9", "\u00c9t\u00e9", "rows:", "more", "words", "here"}
	code := []string{"x := 1;", "`code`", "www.example.org", "snake_case", "{", "$ ls"}
	for range 3000 {
		var sb strings.Builder
		for range 2 + r.IntN(4) {
			var line strings.Builder
			for target := 20 + r.IntN(80); line.Len() < target; {
				if r.IntN(30) == 0 {
					line.WriteString(code[r.IntN(len(code))])
				} else {
					line.WriteString(words[r.IntN(len(words))])
				}
				line.WriteByte(' ')
			}
			sb.WriteString(strings.TrimRight(line.String(), " "))
			sb.WriteString([]string{"", "", ".", ",", "  ", "\t"}[r.IntN(6)])
			sb.WriteByte('\n')
		}
		texts = append(texts, []byte(sb.String()))
	}
	mid := 0
	for _, text := range texts {
		doc := document.New("t.txt", text, document.Meta{})
		for i := 0; i+1 < len(doc.Lines); i++ {
			got, want := breakAfter(doc, i), referenceBreakAfter(doc, i)
			if got != want {
				t.Fatalf("line %d of %.200q: got %+v, want %+v", i, text, got, want)
			}
			if want.midSentence {
				mid++
			}
		}
	}
	if mid < 100 {
		t.Fatalf("only %d breaks inside sentences: the texts do not exercise the test", mid)
	}
}
