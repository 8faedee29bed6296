package text

import (
	"unicode"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// Whitespace flags invisible and irregular white space that ingestion leaves:
// no-break spaces next to ordinary spaces, lines of only invisible
// characters, and zero-width characters inside words.
var Whitespace = &rules.Rule{
	ID:      "text/whitespace",
	Summary: "no-break-space runs, invisible-only lines and zero-width characters",
	Doc: `HTML-to-text conversion turns "&nbsp;" into U+00A0 NO-BREAK SPACE. Next to
an ordinary space ("peace.\u00a0 The") it is a leftover of the page's layout;
a line holding only no-break or zero-width spaces is an empty paragraph of
the page. Zero-width spaces and joiners inside words break search and
tokenisation.

A single no-break space between words ("10\u00a0km", "M.\u00a0Macron") is
deliberate typography and stays quiet.

Fixes (safe): a run of white space holding a no-break space becomes one
ordinary space; an invisible-only line becomes empty; zero-width characters
are removed.`,
	Bad:       "a just and lasting peace.\u00a0 The heads of state met.",
	Good:      "a just and lasting peace. The heads of state met 10\u00a0km away.",
	Severity:  rules.Warning,
	FixSafety: fixers.Safe,
	Run:       runWhitespace,
}

func runWhitespace(pass *rules.Pass) {
	doc := pass.Doc
	for i := range doc.Lines {
		line := doc.Lines[i]
		if line.Start == line.End {
			continue
		}
		if doc.IsBlankLine(i) {
			reportInvisibleLine(pass, line)
			continue
		}
		scanLine(pass, doc, line)
	}
}

func reportInvisibleLine(pass *rules.Pass, line document.Line) {
	src := pass.Doc.Src[line.Start:line.End]
	for _, c := range src {
		if c >= utf8.RuneSelf {
			pass.Report(rules.Finding{
				Start: line.Start, End: line.End,
				Message: "line holds only invisible characters (no-break or zero-width spaces)",
				Fix: &fixers.Fix{Message: "empty the line", Safety: fixers.Safe,
					Edits: []fixers.Edit{fixers.Delete(line.Start, line.End)}},
			})
			return
		}
	}
	// Plain spaces and tabs on an empty line are harmless.
}

// scanLine reports runs of spaces that hold a no-break space beside another
// space, and zero-width characters.
func scanLine(pass *rules.Pass, doc *document.Document, line document.Line) {
	src := doc.Src
	for i := line.Start; i < line.End; {
		if src[i] < utf8.RuneSelf && src[i] != ' ' {
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:line.End])
		switch {
		case r == ' ' || r == '\u00a0':
			i = spaceRun(pass, src, i, line.End)
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff' && i != 0:
			pass.Report(rules.Finding{
				Start: i, End: i + size,
				Message: "zero-width character inside text",
				Fix: &fixers.Fix{Message: "remove the zero-width character", Safety: fixers.Safe,
					Edits: []fixers.Edit{fixers.Delete(i, i+size)}},
			})
			i += size
		default:
			i += size
		}
	}
}

// spaceRun looks at the run of spaces starting at i and reports it when it
// mixes a no-break space with other spaces. It returns the end of the run.
func spaceRun(pass *rules.Pass, src []byte, i, end int) int {
	start, nbsp, count := i, 0, 0
	for i < end {
		r, size := utf8.DecodeRune(src[i:end])
		if r != ' ' && r != '\u00a0' {
			break
		}
		if r == '\u00a0' {
			nbsp++
		}
		count++
		i += size
	}
	atLineStart := start == pass.Doc.Lines[pass.Doc.LineAt(start)].Start
	if nbsp == 0 || atLineStart || i >= end {
		return i
	}
	msg := ""
	switch {
	case count > 1:
		msg = "no-break space next to another space (layout leftover)"
	case betweenSentences(src, start, i):
		msg = "no-break space between sentences (layout leftover)"
	}
	if msg != "" {
		pass.Report(rules.Finding{
			Start: start, End: i,
			Message: msg,
			Fix: &fixers.Fix{Message: "replace the run with one space", Safety: fixers.Safe,
				Edits: []fixers.Edit{fixers.Replace(start, i, " ")}},
		})
	}
	return i
}

// betweenSentences reports whether the space run [start, end) follows the
// end of a sentence ("peace.[1]", "format.”") and precedes a capital: a
// separator the page's layout put there, unlike "10\u00a0km".
func betweenSentences(src []byte, start, end int) bool {
	before, _ := utf8.DecodeLastRune(src[:start])
	after, _ := utf8.DecodeRune(src[end:])
	switch before {
	case '.', '!', '?', ']', '\u201d', '"', ')':
		return unicode.IsUpper(after)
	}
	return false
}
