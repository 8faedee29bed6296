package text

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// Whitespace flags invisible and irregular white space that ingestion leaves:
// no-break spaces next to ordinary spaces, lines of only invisible
// characters, zero-width characters and soft hyphens inside text, tabs
// inside prose and trailing spaces.
var Whitespace = &rules.Rule{
	ID:      "text/whitespace",
	Summary: "no-break-space runs, invisible-only lines, zero-width characters, soft hyphens, stray tabs, trailing spaces",
	Doc: `HTML-to-text conversion turns "&nbsp;" into U+00A0 NO-BREAK SPACE. Next to
an ordinary space ("peace.\u00a0 The") or alone between two sentences it is a
leftover of the page's layout; a line holding only no-break or zero-width
spaces is an empty paragraph of the page. Zero-width spaces, joiners and
soft hyphens (U+00AD) inside words break search and tokenisation. A tab
inside a line of prose and spaces at the end of a line are layout residue
(reported as info).

A single no-break space between words ("10\u00a0km", "M.\u00a0Macron") is
deliberate typography and stays quiet; so do zero-width joiners and
non-joiners next to scripts that need them (Arabic, Indic, Thai, emoji
sequences), tab-separated tables and fenced code.

Fixes (safe): a run of white space holding a no-break space becomes one
ordinary space; an invisible-only line becomes empty; zero-width characters
and soft hyphens are removed; a tab becomes a space; trailing spaces go.`,
	Bad:       "a just and lasting peace.\u00a0 The heads of state met.",
	Good:      "a just and lasting peace. The heads of state met 10\u00a0km away.",
	Severity:  rules.Warning,
	FixSafety: fixers.Safe,
	Run:       runWhitespace,
}

func runWhitespace(pass *rules.Pass) {
	doc := pass.Doc
	code := codeLines(doc)
	// Most documents hold no tab at all: one search settles checkTabs for
	// every line (it found no inner tab line by line).
	tabs := bytes.IndexByte(doc.Src, '\t') >= 0
	classes := lineClasses(doc)
	for i := range doc.Lines {
		line := doc.Lines[i]
		if line.Start == line.End || code[i] {
			continue
		}
		if doc.IsBlankLine(i) {
			reportInvisibleLine(pass, line)
			continue
		}
		if classes[i]&lineNonASCII != 0 {
			scanLine(pass, doc, line) // it looks at non-ASCII characters only
		}
		if tabs {
			checkTabs(pass, doc, i)
		}
		checkTrailing(pass, doc, line)
	}
}

// codeLines marks the lines of fenced code blocks.
func codeLines(doc *document.Document) []bool {
	code := make([]bool, len(doc.Lines))
	for _, b := range doc.Blocks {
		if b.Kind == document.Code {
			for i := b.FirstLine; i <= b.LastLine; i++ {
				code[i] = true
			}
		}
	}
	return code
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
// space or between sentences, zero-width characters and soft hyphens.
func scanLine(pass *rules.Pass, doc *document.Document, line document.Line) {
	src := doc.Src
	for i := line.Start; i < line.End; {
		if src[i] < utf8.RuneSelf {
			// ASCII, including plain spaces: a run with a no-break space
			// is found at its no-break space.
			i += firstNonASCII(src[i:line.End])
			continue
		}
		r, size := utf8.DecodeRune(src[i:line.End])
		switch {
		case r == '\u00a0':
			start := i
			for start > line.Start && src[start-1] == ' ' {
				start--
			}
			i = spaceRun(pass, src, start, line)
			continue
		case isZeroWidth(r):
			end := zeroWidthRunEnd(src, i, line.End)
			if strayZeroWidth(src, i, end) {
				reportDelete(pass, i, end, "zero-width character inside text", "remove the zero-width character", rules.Warning)
			}
			i = end
			continue
		case r == '\u00ad' && !afterMojibakeLead(src, i):
			reportDelete(pass, i, i+size, "soft hyphen (U+00AD) inside text", "remove the soft hyphen", rules.Warning)
		}
		i += size
	}
}

func reportDelete(pass *rules.Pass, start, end int, msg, fix string, sev rules.Severity) {
	pass.Report(rules.Finding{
		Start: start, End: end, Message: msg, Severity: sev,
		Fix: &fixers.Fix{Message: fix, Safety: fixers.Safe, Edits: []fixers.Edit{fixers.Delete(start, end)}},
	})
}

// isZeroWidth: zero-width space, non-joiner, joiner and word joiner. A
// byte order mark inside the text is text/encoding's.
func isZeroWidth(r rune) bool {
	return r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060'
}

// zeroWidthRunEnd returns the end of the run of zero-width characters at i.
func zeroWidthRunEnd(src []byte, i, end int) int {
	for i < end {
		r, size := utf8.DecodeRune(src[i:end])
		if !isZeroWidth(r) {
			break
		}
		i += size
	}
	return i
}

// strayZeroWidth reports whether the zero-width character at [start, end)
// is debris rather than a character some script or emoji sequence needs.
func strayZeroWidth(src []byte, start, end int) bool {
	before, _ := utf8.DecodeLastRune(src[:start])
	after, _ := utf8.DecodeRune(src[end:])
	return !needsZeroWidth(before) && !needsZeroWidth(after)
}

// needsZeroWidth: letters of scripts that use zero-width (non-)joiners or
// zero-width spaces as part of their spelling (Arabic, Persian, Indic,
// Thai, Khmer, CJK ...), and emoji and marks that joiners glue into
// sequences.
func needsZeroWidth(r rune) bool {
	if r < 0x0370 || r >= 0x2000 && r <= 0x206f {
		return false
	}
	if unicode.IsLetter(r) {
		return !unicode.In(r, unicode.Greek, unicode.Cyrillic, unicode.Latin)
	}
	return unicode.Is(unicode.So, r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Sk, r)
}

// spaceRun looks at the run of spaces starting at i and reports it when it
// mixes a no-break space with other spaces. It returns the end of the run.
func spaceRun(pass *rules.Pass, src []byte, i int, line document.Line) int {
	end := line.End
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
	atLineStart := start == line.Start
	if nbsp == 0 || atLineStart || i >= end || afterMojibakeLead(src, start) {
		return i
	}
	// Between sentences, the no-break space is the page's sentence
	// spacing, left by "&nbsp;"; inside a sentence next to another space
	// it is harmless residue (info): it renders as one more space.
	msg, sev := "", rules.Warning
	switch {
	case betweenSentences(src, start, i):
		msg = "no-break space between sentences (layout leftover)"
	case count > 1:
		msg, sev = "no-break space next to another space (layout leftover)", rules.Info
	}
	if msg != "" {
		pass.Report(rules.Finding{
			Start: start, End: i, Severity: sev,
			Message: msg,
			Fix: &fixers.Fix{Message: "replace the run with one space", Safety: fixers.Safe,
				Edits: []fixers.Edit{fixers.Replace(start, i, " ")}},
		})
	}
	return i
}

// afterMojibakeLead: "Â\u00a0" is a no-break space read in the wrong
// encoding ("Â\u00ad" a soft hyphen); text/mojibake reports it.
func afterMojibakeLead(src []byte, start int) bool {
	r, _ := utf8.DecodeLastRune(src[:start])
	return r == 'Â'
}

// betweenSentences reports whether the space run [start, end) follows the
// end of a sentence ("peace.[1]", "format.”") and precedes a capital: a
// separator the page's layout put there, unlike "10\u00a0km".
func betweenSentences(src []byte, start, end int) bool {
	before, _ := utf8.DecodeLastRune(src[:start])
	after, _ := utf8.DecodeRune(src[end:])
	switch before {
	case '.':
		return unicode.IsUpper(after) && !abbreviationBefore(src, start-1)
	case '!', '?', ']', '\u201d', '"', ')':
		return unicode.IsUpper(after)
	}
	return false
}

// titles are abbreviations that a no-break space binds to the name after
// them: "Mr.\u00a0Smith", "Dr.\u00a0Who".
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "gen": true, "sen": true,
	"rep": true, "gov": true, "no": true, "nr": true, "fig": true, "vol": true, "p": true, "pp": true,
	"art": true, "ch": true, "sec": true, "col": true, "lt": true, "capt": true, "rev": true, "hon": true,
}

// abbreviationBefore reports whether the word ending at the period at dot
// is an abbreviation: an initial ("M."), a dotted one ("a.m.") or a title.
func abbreviationBefore(src []byte, dot int) bool {
	i := dot
	for i > 0 && (isAlnum(src[i-1]) || src[i-1] == '.') {
		i--
	}
	word := src[i:dot]
	if len(word) == 1 && isUpperASCII(word[0]) || bytes.IndexByte(word, '.') >= 0 {
		return true
	}
	w, ok := lowerASCII(word)
	return ok && titles[w]
}

// checkTabs reports a tab between words of a prose line. A line with two or
// more inner tabs, or next to another line with inner tabs, is a table.
func checkTabs(pass *rules.Pass, doc *document.Document, i int) {
	tabs := innerTabs(doc, i)
	if len(tabs) != 1 || i > 0 && len(innerTabs(doc, i-1)) > 0 || i+1 < len(doc.Lines) && len(innerTabs(doc, i+1)) > 0 {
		return
	}
	if bi := doc.BlockAt(doc.Lines[i].Start); bi < 0 || !doc.Blocks[bi].IsProse() {
		return
	}
	at := tabs[0]
	pass.Report(rules.Finding{
		Start: at, End: at + 1, Severity: rules.Info,
		Message: "tab inside a line of prose",
		Fix: &fixers.Fix{Message: "replace the tab with a space", Safety: fixers.Safe,
			Edits: []fixers.Edit{fixers.Replace(at, at+1, " ")}},
	})
}

// innerTabs returns the offsets of tabs between the first and the last
// visible character of line i (indentation and trailing tabs are not
// inner).
func innerTabs(doc *document.Document, i int) []int {
	line := doc.Lines[i]
	src := doc.Src
	first, last := line.Start, line.End
	for first < last && (src[first] == ' ' || src[first] == '\t') {
		first++
	}
	for last > first && (src[last-1] == ' ' || src[last-1] == '\t') {
		last--
	}
	var out []int
	for j := first; j < last; {
		k := bytes.IndexByte(src[j:last], '\t')
		if k < 0 {
			break
		}
		out = append(out, j+k)
		j += k + 1
	}
	return out
}

// checkTrailing reports spaces, tabs and no-break spaces at the end of a
// line that has text.
func checkTrailing(pass *rules.Pass, doc *document.Document, line document.Line) {
	src := doc.Src
	end := line.End
	// A line whose last byte is none of ' ', '\t' and the last byte of a
	// no-break space (0xC2 0xA0) ends in none of them: most lines, told
	// without decoding the last character (pages 9.5M -> 4.4M
	// instructions).
	if end > line.Start {
		if c := src[end-1]; c != ' ' && c != '\t' && c != 0xa0 {
			return
		}
	}
	start := end
	for start > line.Start {
		r, size := utf8.DecodeLastRune(src[line.Start:start])
		if r != ' ' && r != '\t' && r != '\u00a0' {
			break
		}
		start -= size
	}
	if start == end || afterMojibakeLead(src, start) {
		return
	}
	reportDelete(pass, start, end, "trailing white space", "remove the trailing white space", rules.Info)
}
