package text

import (
	"bytes"
	"fmt"
	"html"
	"strings"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// Markup flags HTML and Markdown debris in text: tags, entities, escaped
// Markdown runs and stray emphasis markers.
var Markup = &rules.Rule{
	ID:      "text/markup",
	Summary: "HTML tags and entities, escaped Markdown runs, stray emphasis markers",
	Doc: `Careless HTML-to-text conversion leaves tags ("<u>", "<br>", "</p>"),
entities ("&nbsp;", "&amp;", "&#8217;"), Markdown escaped twice
("\*\*\*\*" as a separator, "\*\*bold\*\*") and emphasis markers with no
partner ("** Note").

Only real HTML element names are tags ("<3" and "<tracey@example.com>" are
not); only entities HTML defines are decoded ("AT&T;" is not one). Code
blocks, inline code and URLs stay quiet; in a document that shows code
(a fenced block or three code-like lines), tags and entities are its
subject and are reported as info. Matched emphasis ("**Marc Perrin**") is
Markdown, and a closing lone "**" ("(Miles)**") is a footnote sign.

Fixes (safe): inline tags are removed, block tags become a space or a line
break where they separated words; entities are decoded ("&nbsp;" becomes a
plain space); an escaped run is removed (a line holding only one goes
whole); a stray marker is removed.`,
	Bad:       "Contact: <u>office@example.com</u> &amp; \\*\\*\\*\\*",
	Good:      "**Marc Perrin** wrote: 3 < 5 and AT&T; mail <office@example.com>.",
	Severity:  rules.Warning,
	FixSafety: fixers.Safe,
	Run:       runMarkup,
}

// blockTags separate text; removing one between two words must leave a
// space. The rest of htmlTags are inline.
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true, "tr": true, "td": true, "th": true,
	"table": true, "tbody": true, "thead": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "hr": true, "dd": true, "dt": true, "dl": true, "section": true, "article": true, "header": true,
	"footer": true, "nav": true, "aside": true, "figure": true, "figcaption": true, "blockquote": true, "pre": true,
}

var inlineTags = map[string]bool{
	"a": true, "abbr": true, "b": true, "big": true, "center": true, "cite": true, "code": true, "del": true,
	"em": true, "font": true, "i": true, "ins": true, "kbd": true, "mark": true, "q": true,
	"s": true, "small": true, "span": true, "strike": true, "strong": true, "sub": true, "sup": true,
	"tt": true, "u": true, "wbr": true,
}

// Elements that hold no text of their own ("<img>", "<script>", "<input>")
// are left out: converters drop them, so one in the text is an article
// showing HTML, not debris.

func runMarkup(pass *rules.Pass) {
	// One finder and one search for "**" serve the whole document: a
	// block holds none of the characters most often, and a search per
	// block and character cost a page of short blocks more than its
	// reading (the rule with its searches: WCXB pages 82M -> 27M
	// instructions, truth texts 28M -> 9M).
	m := &markupScan{pass: pass, find: newMarkupFinder()}
	src := pass.Doc.Src
	stars := -1 // the first "**" at or after the block, len(src) for none
	textBlocks(pass.Doc, func(b document.Block) {
		m.scan(b)
		if stars < b.Start {
			stars = len(src)
			if j := bytes.Index(src[b.Start:], []byte("**")); j >= 0 {
				stars = b.Start + j
			}
		}
		if stars < b.End {
			checkStrayEmphasis(pass, b)
		}
	})
}

type markupScan struct {
	pass *rules.Pass
	// find searches the whole document, for blocks in order.
	find markupFinder
	// technical is 0 until a tag is found, then 1 for a document that
	// shows code (an article about HTML shows tags as its subject) or 2.
	technical int
}

// tagSeverity is warning, or info in a technical document, for tags and
// entities alike: an article about HTML shows both as its subject.
func (m *markupScan) tagSeverity() rules.Severity {
	if m.technical == 0 {
		m.technical = 2
		if technicalDocument(m.pass.Doc) {
			m.technical = 1
		}
	}
	if m.technical == 1 {
		return rules.Info
	}
	return rules.Warning
}

func (m *markupScan) scan(b document.Block) {
	pass := m.pass
	src := pass.Doc.Src
	for i := b.Start; i < b.End; {
		i = m.find.next(src, i)
		if i < 0 || i >= b.End {
			return
		}
		next := i + 1
		switch src[i] {
		case '<':
			if end, name := parseTag(src, i, b.End); end > 0 && !inInlineCode(src, i) {
				reportTag(pass, i, end, name, m.tagSeverity())
				next = end
			}
		case '&':
			if end, text := parseEntity(src, i, b.End); end > 0 && !inURL(src, i, end) && !inInlineCode(src, i) {
				reportEntity(pass, i, end, text, m.tagSeverity())
				next = end
			}
		case '\\':
			if end := escapeRunEnd(src, i, b.End); end > 0 && !inInlineCode(src, i) {
				reportEscapes(pass, i, end)
				next = end
			}
		}
		i = next
	}
}

// markupFinder finds the next '<', '&' or '\\' with one vectorised
// IndexByte per character, remembering where each one is next, so that
// prose with none of them is read three times at memory speed rather
// than once a byte at a time.
type markupFinder struct {
	// at holds each character's next offset, len(src) when none is
	// left, or -1 before the first search.
	at [3]int
	// first is the least of at after a search: asked from an offset up
	// to it (the next blocks before the next character, most blocks of
	// a page), no character needs a search and first is the answer.
	first int
}

var markupStarts = [3]byte{'<', '&', '\\'}

func newMarkupFinder() markupFinder { return markupFinder{at: [3]int{-1, -1, -1}, first: -1} }

// next returns the offset of the first of the three characters at or
// after i in src, or -1. Successive calls must not go backwards.
func (f *markupFinder) next(src []byte, i int) int {
	if i > f.first {
		f.first = len(src)
		for k, c := range markupStarts {
			if f.at[k] < i { // never searched, or passed: search on from i
				f.at[k] = len(src)
				if j := bytes.IndexByte(src[i:], c); j >= 0 {
					f.at[k] = i + j
				}
			}
			f.first = min(f.first, f.at[k])
		}
	}
	if f.first == len(src) {
		return -1
	}
	return f.first
}

// parseTag recognises an HTML start, end or empty tag of a known element at
// i and returns its end and lower-case name.
func parseTag(src []byte, i, limit int) (int, string) {
	j := i + 1
	if j < limit && src[j] == '/' {
		j++
	}
	nameStart := j
	for j < limit && (isAlnum(src[j])) {
		j++
	}
	if j == nameStart || j-nameStart > 10 || !isUpperASCII(src[nameStart]) && !isLowerASCII(src[nameStart]) {
		return 0, ""
	}
	name := strings.ToLower(string(src[nameStart:j]))
	if !blockTags[name] && !inlineTags[name] {
		return 0, ""
	}
	switch {
	case j < limit && src[j] == '>':
		return j + 1, name
	case j+1 < limit && src[j] == '/' && src[j+1] == '>':
		return j + 2, name
	case j < limit && (src[j] == ' ' || src[j] == '\t'):
		// Attributes: up to the closing '>' on the same line.
		for k := j; k < limit && k-j < 400; k++ {
			switch src[k] {
			case '>':
				return k + 1, name
			case '<', '\n':
				return 0, ""
			}
		}
	}
	return 0, ""
}

func reportTag(pass *rules.Pass, start, end int, name string, sev rules.Severity) {
	src := pass.Doc.Src
	replacement := ""
	// A block tag between two words leaves a space; in a run of tags
	// ("</p><p>") only the first one does.
	if blockTags[name] && visibleAt(src, start-1) && src[start-1] != '>' && visibleAt(src, afterTags(src, end)) {
		replacement = " "
		if name == "br" {
			replacement = "\n"
		}
	}
	pass.Report(rules.Finding{
		Start: start, End: end, Severity: sev,
		Message: fmt.Sprintf("HTML tag %s left in the text", src[start:end]),
		Fix: &fixers.Fix{Message: "remove the tag", Safety: fixers.Safe,
			Edits: []fixers.Edit{fixers.Replace(start, end, replacement)}},
	})
}

// afterTags skips the tags that follow end directly.
func afterTags(src []byte, end int) int {
	for end < len(src) && src[end] == '<' {
		next, _ := parseTag(src, end, len(src))
		if next == 0 {
			break
		}
		end = next
	}
	return end
}

// visibleAt reports whether the byte at i is a visible character of the
// same line (not white space, not out of range).
func visibleAt(src []byte, i int) bool {
	if i < 0 || i >= len(src) {
		return false
	}
	switch src[i] {
	case ' ', '\t', '\n', '\r':
		return false
	}
	return true
}

// parseEntity recognises a character reference at i ("&amp;", "&#8217;",
// "&#x2019;") that HTML defines, and returns its end and decoded text.
func parseEntity(src []byte, i, limit int) (int, string) {
	j := i + 1
	if j < limit && src[j] == '#' {
		j++
		if j < limit && (src[j] == 'x' || src[j] == 'X') {
			j++
		}
	}
	bodyStart := j
	for j < limit && j-bodyStart <= 32 && isAlnum(src[j]) {
		j++
	}
	if j == bodyStart || j >= limit || src[j] != ';' {
		return 0, ""
	}
	ref := string(src[i : j+1])
	text := html.UnescapeString(ref)
	if text == ref || strings.ContainsRune(text, utf8.RuneError) || text == "" {
		return 0, ""
	}
	if text == "\u00a0" {
		text = " " // the page's layout space, not typography worth keeping
	}
	return j + 1, text
}

// inURL reports whether [start, end) sits in a URL or query string, where an
// "&amp;" may be what the link needs.
func inURL(src []byte, start, end int) bool {
	fs, fe := field(src, start, end)
	f := src[fs:fe]
	return bytes.Contains(f, []byte("://")) || bytes.Contains(f, []byte("www.")) || bytes.ContainsAny(f, "/=?")
}

func reportEntity(pass *rules.Pass, start, end int, text string, sev rules.Severity) {
	ref := pass.Doc.Src[start:end]
	pass.Report(rules.Finding{
		Start: start, End: end, Severity: sev,
		Message: fmt.Sprintf("HTML entity %s left in the text (%q)", ref, text),
		Fix: &fixers.Fix{Message: fmt.Sprintf("decode %s", ref), Safety: fixers.Safe,
			Edits: []fixers.Edit{fixers.Replace(start, end, text)}},
	})
}

// markdownPunct are the characters Markdown converters escape.
const markdownPunct = "*_#-+.!()[]{}<>`|~\\"

// escapeRunEnd returns the end of a run of two or more backslash escapes
// starting at i ("\*\*\*"), or 0.
func escapeRunEnd(src []byte, i, limit int) int {
	j, n := i, 0
	for j+1 < limit && src[j] == '\\' && strings.IndexByte(markdownPunct, src[j+1]) >= 0 && src[j+1] != '\\' {
		j += 2
		n++
	}
	if n < 2 {
		return 0
	}
	return j
}

func reportEscapes(pass *rules.Pass, start, end int) {
	doc := pass.Doc
	li := doc.LineAt(start)
	edit := fixers.Delete(start, end)
	msg := "escaped Markdown run left in the text"
	if onlyEscapesOnLine(doc, li) {
		edit = fixers.RemoveLines(doc, li, li)
		msg = "line of escaped Markdown (a separator converted twice)"
	}
	pass.Report(rules.Finding{
		Start: start, End: end, Message: msg,
		Fix: &fixers.Fix{Message: "remove the escaped run", Safety: fixers.Safe, Edits: []fixers.Edit{edit}},
	})
}

// onlyEscapesOnLine reports whether line li holds nothing but backslash
// escapes and spaces.
func onlyEscapesOnLine(doc *document.Document, li int) bool {
	t := bytes.TrimSpace(doc.LineText(li))
	for k := 0; k < len(t); {
		switch {
		case t[k] == ' ':
			k++
		case t[k] == '\\' && k+1 < len(t) && strings.IndexByte(markdownPunct, t[k+1]) >= 0:
			k += 2
		default:
			return false
		}
	}
	return len(t) > 0
}

// checkStrayEmphasis flags "**" markers that cannot open or close
// emphasis: white space on both sides, or an opening marker that is the
// only one of its block.
// ("__" is left alone: it is far more often part of an identifier.)
func checkStrayEmphasis(pass *rules.Pass, b document.Block) {
	src := pass.Doc.Src
	var markers []int
	for i := b.Start; i < b.End; {
		j := bytes.Index(src[i:b.End], []byte("**"))
		if j < 0 {
			break
		}
		at := i + j
		end := at + 2
		for end < b.End && src[end] == '*' {
			end++
		}
		if end-at == 2 && !inInlineCode(src, at) && !codeLikeMarker(src, at, end) {
			markers = append(markers, at)
		}
		i = end
	}
	for _, at := range markers {
		spaced := !visibleAt(src, at-1) && !visibleAt(src, at+2)
		// A lone marker that opens ("**Note that ...") and is never
		// closed is debris; one that closes a word ("(Miles)**",
		// "here.**") is a footnote sign.
		opens := !visibleAt(src, at-1) && visibleAt(src, at+2)
		if spaced || len(markers) == 1 && opens {
			reportStrayMarker(pass, at, spaced)
		}
	}
}

// codeLikeMarker: "a**2", "**kwargs" and markers inside URLs are code,
// not emphasis.
func codeLikeMarker(src []byte, at, end int) bool {
	return at > 0 && isAlnum(src[at-1]) && end < len(src) && isAlnum(src[end]) ||
		bytes.HasPrefix(src[end:], []byte("kwargs")) || inURL(src, at, end)
}

func reportStrayMarker(pass *rules.Pass, at int, spaced bool) {
	src := pass.Doc.Src
	start, end := at, at+2
	if spaced && end < len(src) && src[end] == ' ' {
		end++ // "word ** word" -> "word word"
	}
	pass.Report(rules.Finding{
		Start: at, End: at + 2,
		Message: fmt.Sprintf("stray emphasis marker %q", src[at:at+2]),
		Fix: &fixers.Fix{Message: "remove the marker", Safety: fixers.Safe,
			Edits: []fixers.Edit{fixers.Delete(start, end)}},
	})
}
