package names

import (
	"bytes"
	"github.com/dochygiene/hygiene/internal/lexicon"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/internal/document"
)

// span is a run of capitalised words that may be a person's name:
// "French President Emmanuel Macron", "Ursula von der Leyen".
type span struct {
	toks []document.Token
	// quoted is true inside quotation marks or a note (a cited work's
	// title may spell a name its own way).
	quoted bool
}

// particles may stand lower-case inside a name.
var particles = map[string]bool{"von": true, "der": true, "van": true, "de": true, "den": true, "da": true, "di": true, "du": true, "le": true, "la": true, "bin": true, "al": true}

// nameSpans returns the runs of capitalised word tokens in prose blocks
// that are separated only by single spaces, with lower-case particles
// allowed inside. Words inside URLs and e-mail addresses are skipped.
func nameSpans(doc *document.Document) []span {
	var out []span
	for _, b := range doc.Blocks {
		if !b.IsProse() {
			continue
		}
		toks := doc.TokensIn(b.ContentStart, b.End)
		var quotes []bool // nil: the block has no quotation marks
		if bytes.ContainsAny(doc.Src[b.ContentStart:b.End], "\"\u201c\u201d\u00ab\u00bb\u201e") {
			quotes = quoteMask(doc.Src, b.ContentStart, b.End)
		}
		note := b.Kind == document.Note
		var cur []document.Token
		flush := func() {
			// Trailing particles are not part of the name.
			for len(cur) > 0 && !isCapital(doc.Src, cur[len(cur)-1]) {
				cur = cur[:len(cur)-1]
			}
			if len(cur) > 0 {
				q := note || quotes != nil && quotes[cur[0].Start-b.ContentStart]
				out = append(out, span{toks: cur, quoted: q})
			}
			cur = nil
		}
		for i, t := range toks {
			word := t.Kind == document.Word
			capital := word && isCapital(doc.Src, t)
			particle := word && !capital && len(cur) > 0 && particles[string(doc.Src[t.Start:t.End])]
			if (!capital && !particle) || inURL(doc.Src, t) {
				flush()
				continue
			}
			if len(cur) > 0 && !singleSpace(doc.Src, toks[i-1].End, t.Start) {
				flush()
			}
			cur = append(cur, t)
		}
		flush()
	}
	return out
}

func isCapital(src []byte, t document.Token) bool {
	r, _ := utf8.DecodeRune(src[t.Start:t.End])
	return unicode.IsUpper(r)
}

// singleSpace reports whether src[a:b] is one space (ASCII or no-break).
func singleSpace(src []byte, a, b int) bool {
	s := string(src[a:b])
	return s == " " || s == "\u00a0"
}

// inURL reports whether the token sits in a URL, domain or e-mail address.
func inURL(src []byte, t document.Token) bool {
	i := t.Start
	for i > 0 && src[i-1] != ' ' && src[i-1] != '\n' && src[i-1] != '\t' && t.Start-i < 200 {
		i--
	}
	j := t.End
	for j < len(src) && src[j] != ' ' && src[j] != '\n' && src[j] != '\r' && src[j] != '\t' && j-t.End < 200 {
		j++
	}
	chunk := string(src[i:j])
	for k := 0; k+1 < len(chunk); k++ {
		c := chunk[k]
		if c == '@' || c == '/' && chunk[k+1] == '/' || c == '.' && isLetterByte(chunk[k+1]) && k > 0 && isLetterByte(chunk[k-1]) {
			return true
		}
	}
	return false
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// quoteMask marks the bytes of src[start:end) that lie between opening and
// closing quotation marks (curly or straight double quotes).
func quoteMask(src []byte, start, end int) []bool {
	mask := make([]bool, end-start+1)
	in := false
	for i := start; i < end; {
		r, size := utf8.DecodeRune(src[i:end])
		switch r {
		case '\u201c', '\u00ab', '\u201e':
			in = true
		case '\u201d', '\u00bb':
			in = false
		case '"':
			in = !in
		}
		for k := 0; k < size; k++ {
			mask[i-start+k] = in
		}
		i += size
	}
	return mask
}

func text(doc *document.Document, t document.Token) string { return string(doc.Src[t.Start:t.End]) }

// trimPossessive drops a trailing "'s" or "’s" from a name token's text
// and returns the new end offset.
func trimPossessive(doc *document.Document, t document.Token) (string, int) {
	s := text(doc, t)
	switch {
	case len(s) > 2 && s[len(s)-2:] == "'s":
		return s[:len(s)-2], t.End - 2
	case len(s) > 4 && s[len(s)-4:] == "\u2019s":
		return s[:len(s)-4], t.End - 4
	}
	return s, t.End
}

// looksLikeName reports whether a word is written like a name: letters
// only, a capital first and lower case after it, except after a hyphen or
// apostrophe ("Jean-Claude", "O'Neill") or a Mc/Mac prefix. Product names
// ("WH-1000XM4", "WorkFit") and shouted words are not names.
func looksLikeName(w string) bool {
	prev := rune(0)
	for i, r := range w {
		switch {
		case r == '-' || r == '\'' || r == '\u2019':
		case !unicode.IsLetter(r):
			return false
		case i == 0:
			if !unicode.IsUpper(r) {
				return false
			}
		case unicode.IsUpper(r):
			if prev != '-' && prev != '\'' && prev != '\u2019' && !hasMacPrefix(w[:i]) {
				return false
			}
		}
		prev = r
	}
	for _, part := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' }) {
		if utf8.RuneCountInString(part) < 2 {
			return false // "Workfit-T": a model letter, not a name part
		}
	}
	return prev != 0
}

func hasMacPrefix(s string) bool { return s == "Mc" || s == "Mac" }

// isWord reports whether a capitalised name part is also an ordinary word
// (its lower-case form in the dictionary at maxLevel or below): "Foreign",
// "Ministry". Capitalised dictionary entries ("Anna", "Kelly") are names
// and do not count.
func isWord(w string, maxLevel int) bool {
	return lexicon.IsWordAt(strings.ToLower(w), maxLevel)
}
