package eval

// Injected text damage: a deterministic generator copies each clean truth
// text and damages it in three places, each with the kind of dirt one
// text/ rule exists for, remembering where. Scoring then asks, per rule,
// whether a finding covers each damaged span (recall) and whether each
// finding covers a damaged span or a finding the clean text already had
// (precision). Findings of one rule on another rule's damage count against
// it: cross-talk is a false alarm too.

import (
	"fmt"
	"hash/fnv"
	"io"
	"math/rand/v2"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/lexicon"
	"github.com/dochygiene/hygiene/rules"
)

// injectionsPerDoc is how many damages each copy receives.
const injectionsPerDoc = 3

// TextDamage is one injected damage: the rule that should find it, what
// kind it is, and its span in the damaged text.
type TextDamage struct {
	Rule, Kind string
	Start, End int
}

// textEdit is one change made to a text: [Start, Start+OldLen) became
// NewLen bytes.
type textEdit struct{ Start, OldLen, NewLen int }

// TextCase is one damaged copy of a clean text.
type TextCase struct {
	Name    string
	Clean   []byte
	Damaged []byte
	Damages []TextDamage
	edits   []textEdit
}

// mapOffset carries an offset of the clean text into the damaged one.
func (c *TextCase) mapOffset(off int) int {
	for _, e := range c.edits {
		switch {
		case off >= e.Start+e.OldLen:
			off += e.NewLen - e.OldLen
		case off > e.Start:
			off = e.Start
		}
	}
	return off
}

// injector damages text at a position chosen with rng; ok is false when the
// text has no place for this kind of damage.
type injector struct {
	rule, kind string
	apply      func(rng *rand.Rand, src []byte) (start, oldLen int, repl string, span [2]int, ok bool)
}

// GenerateTextCases damages every clean text deterministically.
func GenerateTextCases(names []string, texts [][]byte) []*TextCase {
	var out []*TextCase
	for i, t := range texts {
		h := fnv.New64a()
		h.Write([]byte(names[i]))
		rng := rand.New(rand.NewPCG(h.Sum64(), 7))
		c := &TextCase{Name: names[i], Clean: t, Damaged: append([]byte(nil), t...)}
		for tries := 0; len(c.Damages) < injectionsPerDoc && tries < 30; tries++ {
			inj := textInjectors[rng.IntN(len(textInjectors))]
			c.inject(rng, inj)
		}
		out = append(out, c)
	}
	return out
}

// inject applies one injector away from earlier damage.
func (c *TextCase) inject(rng *rand.Rand, inj injector) {
	start, oldLen, repl, span, ok := inj.apply(rng, c.Damaged)
	if !ok {
		return
	}
	for _, d := range c.Damages {
		if start < d.End+40 && start+oldLen > d.Start-40 {
			return
		}
	}
	delta := len(repl) - oldLen
	for k := range c.Damages {
		if c.Damages[k].Start >= start+oldLen {
			c.Damages[k].Start += delta
			c.Damages[k].End += delta
		}
	}
	c.Damaged = append(c.Damaged[:start:start], append([]byte(repl), c.Damaged[start+oldLen:]...)...)
	c.edits = append(c.edits, textEdit{Start: start, OldLen: oldLen, NewLen: len(repl)})
	c.Damages = append(c.Damages, TextDamage{Rule: inj.rule, Kind: inj.kind, Start: span[0], End: span[1]})
}

var textInjectors = []injector{
	{"text/joined-words", "function word + word", injectJoinLeading},
	{"text/joined-words", "word + function word", injectJoinTrailing},
	{"text/doubled-letter", "doubled capital", injectDoubledCapital},
	{"text/doubled-letter", "doubled word", injectDoubledWord},
	{"text/whitespace", "zero-width space", injectInsideWord("\u200b")},
	{"text/whitespace", "soft hyphen", injectInsideWord("\u00ad")},
	{"text/whitespace", "no-break space between sentences", injectSentenceGap(".\u00a0 ")},
	{"text/whitespace", "invisible-only line", injectInvisibleLine},
	{"text/whitespace", "trailing spaces", injectTrailingSpaces},
	{"text/hard-wrap", "one break", injectOneBreak},
	{"text/hard-wrap", "wrapped paragraph", injectWrappedParagraph},
	{"text/markup", "entity", injectEntity},
	{"text/markup", "inline tag", injectTag},
	{"text/markup", "br tag", injectSentenceGap(".<br>")},
	{"text/markup", "escaped separator", injectEscapedSeparator},
	{"text/mojibake", "windows-1252", injectMojibake(1)},
	{"text/mojibake", "double", injectMojibake(2)},
	{"text/encoding", "latin-1 byte", injectLatin1Byte},
	{"text/encoding", "control character", injectControl},
	{"text/encoding", "bom inside text", injectBOM},
	{"text/normalization", "nfd", injectNFD},
}

// --- word and position helpers ---

type wordAt struct{ start, end int }

// proseWords returns the ASCII-letter words of the text that sit in plain
// prose: on lines that are not list items, headings, tables or code.
func proseWords(src []byte) []wordAt {
	var out []wordAt
	doc := document.New("", src, document.Meta{})
	for _, b := range doc.Blocks {
		if b.Kind != document.Paragraph {
			continue
		}
		for _, t := range doc.TokensIn(b.ContentStart, b.End) {
			if t.Kind == document.Word && asciiLetters(src[t.Start:t.End]) {
				out = append(out, wordAt{t.Start, t.End})
			}
		}
	}
	return out
}

func asciiLetters(b []byte) bool {
	for _, c := range b {
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return len(b) > 0
}

func lowerWord(b []byte) bool {
	for _, c := range b {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return len(b) > 0
}

// pick returns a random element index satisfying ok, or -1.
func pick(rng *rand.Rand, n int, ok func(int) bool) int {
	start := rng.IntN(max(n, 1))
	for k := 0; k < n; k++ {
		i := (start + k) % n
		if ok(i) {
			return i
		}
	}
	return -1
}

var noInjection = [2]int{}

// --- injectors ---

// injectJoinLeading removes the space after a function word: "of
// international" -> "ofinternational", when the result is not a word.
func injectJoinLeading(rng *rand.Rand, src []byte) (int, int, string, [2]int, bool) {
	ws := proseWords(src)
	i := pick(rng, len(ws)-1, func(i int) bool {
		a, b := ws[i], ws[i+1]
		return b.start == a.end+1 && src[a.end] == ' ' && lexicon.IsFunctionWord(string(src[a.start:a.end])) &&
			lowerWord(src[b.start:b.end]) && b.end-b.start >= 3 && lexicon.IsCommon(string(src[b.start:b.end])) &&
			!lexicon.IsWord(string(src[a.start:a.end])+string(src[b.start:b.end]))
	})
	if i < 0 {
		return 0, 0, "", noInjection, false
	}
	a, b := ws[i], ws[i+1]
	return a.end, 1, "", [2]int{a.start, b.end - 1}, true
}

// injectJoinTrailing removes the space before "the", "of", "and"...:
// "security and" -> "securityand".
func injectJoinTrailing(rng *rand.Rand, src []byte) (int, int, string, [2]int, bool) {
	ws := proseWords(src)
	trailing := map[string]bool{"the": true, "of": true, "and": true, "to": true, "in": true, "for": true, "with": true, "from": true, "that": true, "is": true, "was": true}
	i := pick(rng, len(ws)-1, func(i int) bool {
		a, b := ws[i], ws[i+1]
		return b.start == a.end+1 && src[a.end] == ' ' && trailing[string(src[b.start:b.end])] &&
			lowerWord(src[a.start:a.end]) && a.end-a.start >= 4 && lexicon.IsCommon(string(src[a.start:a.end])) &&
			!lexicon.IsFunctionWord(string(src[a.start:a.end])) &&
			!lexicon.IsWord(string(src[a.start:a.end])+string(src[b.start:b.end]))
	})
	if i < 0 {
		return 0, 0, "", noInjection, false
	}
	a, b := ws[i], ws[i+1]
	return a.end, 1, "", [2]int{a.start, b.end - 1}, true
}

// injectDoubledCapital doubles the first letter of a capitalised word that
// opens a sentence: "The" -> "Tthe".
func injectDoubledCapital(rng *rand.Rand, src []byte) (int, int, string, [2]int, bool) {
	ws := proseWords(src)
	i := pick(rng, len(ws), func(i int) bool {
		w := src[ws[i].start:ws[i].end]
		if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' || !lowerWord(w[1:]) || ws[i].start < 2 {
			return false
		}
		s := ws[i].start
		opens := src[s-1] == '\n' || src[s-1] == ' ' && (src[s-2] == '.' || src[s-2] == '?' || src[s-2] == '!')
		doubled := string(w[:1]) + strings.ToLower(string(w[:1])) + string(w[1:])
		return opens && !lexicon.IsWord(doubled)
	})
	if i < 0 {
		return 0, 0, "", noInjection, false
	}
	s := ws[i].start
	first := src[s]
	return s + 1, 0, string(first + 'a' - 'A'), [2]int{s, ws[i].end + 1}, true
}

// injectDoubledWord repeats an article or conjunction: "the" -> "the the".
func injectDoubledWord(rng *rand.Rand, src []byte) (int, int, string, [2]int, bool) {
	ws := proseWords(src)
	i := pick(rng, len(ws), func(i int) bool {
		switch string(src[ws[i].start:ws[i].end]) {
		case "the", "a", "an", "and", "of":
			return true
		}
		return false
	})
	if i < 0 {
		return 0, 0, "", noInjection, false
	}
	w := ws[i]
	word := string(src[w.start:w.end])
	return w.end, 0, " " + word, [2]int{w.start, w.end + 1 + len(word)}, true
}

// injectInsideWord puts an invisible character between two letters.
func injectInsideWord(char string) func(*rand.Rand, []byte) (int, int, string, [2]int, bool) {
	return func(rng *rand.Rand, src []byte) (int, int, string, [2]int, bool) {
		ws := proseWords(src)
		i := pick(rng, len(ws), func(i int) bool { return ws[i].end-ws[i].start >= 4 })
		if i < 0 {
			return 0, 0, "", noInjection, false
		}
		at := ws[i].start + 1 + rng.IntN(ws[i].end-ws[i].start-2)
		return at, 0, char, [2]int{at, at + len(char)}, true
	}
}

// injectSentenceGap replaces the ". " between two sentences with sep.
func injectSentenceGap(sep string) func(*rand.Rand, []byte) (int, int, string, [2]int, bool) {
	return func(rng *rand.Rand, src []byte) (int, int, string, [2]int, bool) {
		ws := proseWords(src)
		i := pick(rng, len(ws)-1, func(i int) bool {
			a, b := ws[i], ws[i+1]
			return b.start == a.end+2 && src[a.end] == '.' && src[a.end+1] == ' ' && lowerWord(src[a.start:a.end]) &&
				src[b.start] >= 'A' && src[b.start] <= 'Z' && a.end-a.start >= 3
		})
		if i < 0 {
			return 0, 0, "", noInjection, false
		}
		at := ws[i].end
		return at, 2, sep, [2]int{at, at + len(sep)}, true
	}
}

// paragraphBreaks returns the offsets of "\n\n" between two prose lines.
func paragraphBreaks(src []byte) []int {
	var out []int
	for i := 1; i+2 < len(src); i++ {
		if src[i] == '\n' && src[i+1] == '\n' && src[i-1] != '\n' && src[i+2] != '\n' {
			out = append(out, i)
		}
	}
	return out
}

func injectInvisibleLine(rng *rand.Rand, src []byte) (int, int, string, [2]int, bool) {
	bs := paragraphBreaks(src)
	if len(bs) == 0 {
		return 0, 0, "", noInjection, false
	}
	at := bs[rng.IntN(len(bs))] + 1
	line := "\u00a0\n\n"
	return at, 0, line, [2]int{at + 1, at + 2}, true
}

func injectEscapedSeparator(rng *rand.Rand, src []byte) (int, int, string, [2]int, bool) {
	bs := paragraphBreaks(src)
	if len(bs) == 0 {
		return 0, 0, "", noInjection, false
	}
	at := bs[rng.IntN(len(bs))] + 2
	sep := strings.Repeat(`\*`, 3+rng.IntN(6)) + "\n\n"
	return at, 0, sep, [2]int{at, at + len(sep) - 2}, true
}

// injectTrailingSpaces adds spaces at the end of a prose line.
func injectTrailingSpaces(rng *rand.Rand, src []byte) (int, int, string, [2]int, bool) {
	var ends []int
	for i := 1; i < len(src); i++ {
		if src[i] == '\n' && src[i-1] != '\n' && src[i-1] != ' ' {
			ends = append(ends, i)
		}
	}
	if len(ends) == 0 {
		return 0, 0, "", noInjection, false
	}
	at := ends[rng.IntN(len(ends))]
	sp := strings.Repeat(" ", 1+rng.IntN(3))
	return at, 0, sp, [2]int{at, at + len(sp)}, true
}

// longLines returns the prose lines of at least n bytes that stand alone
// as a paragraph (blank line or text edge around them).
func longLines(src []byte, n int) [][2]int {
	var out [][2]int
	doc := document.New("", src, document.Meta{})
	for _, b := range doc.Blocks {
		if b.Kind == document.Paragraph && b.FirstLine == b.LastLine && b.End-b.Start >= n {
			out = append(out, [2]int{b.Start, b.End})
		}
	}
	return out
}

// injectOneBreak breaks a long line at a space before a lower-case word.
func injectOneBreak(rng *rand.Rand, src []byte) (int, int, string, [2]int, bool) {
	ls := longLines(src, 160)
	if len(ls) == 0 {
		return 0, 0, "", noInjection, false
	}
	l := ls[rng.IntN(len(ls))]
	var cands []int
	for i := l[0] + 60; i < l[1]-30; i++ {
		if src[i] == ' ' && src[i-1] >= 'a' && src[i-1] <= 'z' && src[i+1] >= 'a' && src[i+1] <= 'z' {
			cands = append(cands, i)
		}
	}
	if len(cands) == 0 {
		return 0, 0, "", noInjection, false
	}
	at := cands[rng.IntN(len(cands))]
	return at, 1, "\n", [2]int{at - 1, at + 1}, true
}

// injectWrappedParagraph wraps a long line at 72 columns, as a mailer
// would.
func injectWrappedParagraph(rng *rand.Rand, src []byte) (int, int, string, [2]int, bool) {
	ls := longLines(src, 300)
	if len(ls) == 0 {
		return 0, 0, "", noInjection, false
	}
	l := ls[rng.IntN(len(ls))]
	words := strings.Fields(string(src[l[0]:l[1]]))
	var sb strings.Builder
	col := 0
	for k, w := range words {
		n := utf8.RuneCountInString(w)
		switch {
		case k == 0:
		case col+1+n > 72:
			sb.WriteByte('\n')
			col = 0
		default:
			sb.WriteByte(' ')
			col++
		}
		sb.WriteString(w)
		col += n
	}
	out := sb.String()
	if !strings.Contains(out, "\n") {
		return 0, 0, "", noInjection, false
	}
	return l[0], l[1] - l[0], out, [2]int{l[0], l[0] + len(out)}, true
}

// injectEntity writes a character as an HTML entity.
func injectEntity(rng *rand.Rand, src []byte) (int, int, string, [2]int, bool) {
	ws := proseWords(src)
	i := pick(rng, len(ws)-1, func(i int) bool { return ws[i+1].start == ws[i].end+1 && src[ws[i].end] == ' ' })
	if i < 0 {
		return 0, 0, "", noInjection, false
	}
	at := ws[i].end
	ent := []string{"&nbsp;", " &amp; ", " &#8217; ", " &mdash; ", " &quot;", "&#160;"}[rng.IntN(6)]
	core := strings.TrimSpace(ent)
	off := strings.Index(ent, core)
	return at, 1, ent, [2]int{at + off, at + off + len(core)}, true
}

// injectTag wraps a word in an inline tag.
func injectTag(rng *rand.Rand, src []byte) (int, int, string, [2]int, bool) {
	ws := proseWords(src)
	if len(ws) == 0 {
		return 0, 0, "", noInjection, false
	}
	w := ws[rng.IntN(len(ws))]
	tag := []string{"b", "u", "em", "strong", "i", "span"}[rng.IntN(6)]
	open := "<" + tag + ">"
	if tag == "span" {
		open = `<span class="highlight">`
	}
	repl := open + string(src[w.start:w.end]) + "</" + tag + ">"
	return w.start, w.end - w.start, repl, [2]int{w.start, w.start + len(repl)}, true
}

// mojibakeOf encodes s as UTF-8 and decodes the bytes as Windows-1252,
// rounds times; bytes Windows-1252 leaves undefined become C1 controls, as
// Latin-1 reads them.
func mojibakeOf(s string, rounds int) string {
	for r := 0; r < rounds; r++ {
		var sb strings.Builder
		for _, c := range []byte(s) {
			if c < 0x80 {
				sb.WriteByte(c)
				continue
			}
			d := charmap.Windows1252.DecodeByte(c)
			if d == utf8.RuneError {
				d = rune(c)
			}
			sb.WriteRune(d)
		}
		s = sb.String()
	}
	return s
}

// injectMojibake garbles a non-ASCII character, or an apostrophe written
// as ’, or adds a pound sign before a number.
func injectMojibake(rounds int) func(*rand.Rand, []byte) (int, int, string, [2]int, bool) {
	return func(rng *rand.Rand, src []byte) (int, int, string, [2]int, bool) {
		var cands [][2]int
		for i := 0; i < len(src); {
			r, size := utf8.DecodeRune(src[i:])
			if r >= 0xa0 && r != 0xad && r != utf8.RuneError && r <= 0xffff || r == '\'' && i > 0 && i+1 < len(src) && isLetterByte(src[i-1]) && isLetterByte(src[i+1]) {
				cands = append(cands, [2]int{i, i + size})
			}
			i += size
		}
		if len(cands) == 0 {
			return 0, 0, "", noInjection, false
		}
		c := cands[rng.IntN(len(cands))]
		orig := string(src[c[0]:c[1]])
		if orig == "'" {
			orig = "\u2019"
		}
		m := mojibakeOf(orig, rounds)
		return c[0], c[1] - c[0], m, [2]int{c[0], c[0] + len(m)}, true
	}
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// injectLatin1Byte writes an accented letter or a curly quote as its
// Windows-1252 byte, or drops a stray 0xFF into a word.
func injectLatin1Byte(rng *rand.Rand, src []byte) (int, int, string, [2]int, bool) {
	enc := charmap.Windows1252.NewEncoder()
	var cands [][2]int
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r >= 0xa0 && r <= 0x2122 {
			if _, err := enc.String(string(r)); err == nil {
				cands = append(cands, [2]int{i, i + size})
			}
		}
		i += size
	}
	if len(cands) == 0 {
		ws := proseWords(src)
		if len(ws) == 0 {
			return 0, 0, "", noInjection, false
		}
		at := ws[rng.IntN(len(ws))].end
		return at, 0, "\xff", [2]int{at, at + 1}, true
	}
	c := cands[rng.IntN(len(cands))]
	b, _ := enc.String(string(src[c[0]:c[1]]))
	return c[0], c[1] - c[0], b, [2]int{c[0], c[0] + len(b)}, true
}

func injectControl(rng *rand.Rand, src []byte) (int, int, string, [2]int, bool) {
	ws := proseWords(src)
	if len(ws) == 0 {
		return 0, 0, "", noInjection, false
	}
	at := ws[rng.IntN(len(ws))].end
	c := []string{"\x00", "\x1b", "\x07", "\x08", "\u0085", "\x0c"}[rng.IntN(6)]
	return at, 0, c, [2]int{at, at + len(c)}, true
}

// injectBOM puts a byte order mark at the start of a later paragraph, as
// concatenating files with marks does.
func injectBOM(rng *rand.Rand, src []byte) (int, int, string, [2]int, bool) {
	bs := paragraphBreaks(src)
	if len(bs) == 0 {
		return 0, 0, "", noInjection, false
	}
	at := bs[rng.IntN(len(bs))] + 2
	return at, 0, "\ufeff", [2]int{at, at + 3}, true
}

// injectNFD decomposes an accented word, or inserts a decomposed one.
func injectNFD(rng *rand.Rand, src []byte) (int, int, string, [2]int, bool) {
	var cands [][2]int
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if s := string(r); r >= 0xc0 && r <= 0x17f && norm.NFD.String(s) != s {
			cands = append(cands, [2]int{i, i + size})
		}
		i += size
	}
	if len(cands) > 0 {
		c := cands[rng.IntN(len(cands))]
		d := norm.NFD.String(string(src[c[0]:c[1]]))
		return c[0], c[1] - c[0], d, [2]int{c[0], c[0] + len(d)}, true
	}
	ws := proseWords(src)
	if len(ws) == 0 {
		return 0, 0, "", noInjection, false
	}
	at := ws[rng.IntN(len(ws))].start
	word := norm.NFD.String([]string{"café ", "naïve ", "Zürich ", "résumé ", "São "}[rng.IntN(5)])
	return at, 0, word, [2]int{at, at + len(word) - 1}, true
}

// --- scoring ---

// TextInjectedResult is precision and recall per rule on injected damage.
type TextInjectedResult struct {
	Cases int
	// ByRule scores findings at any severity; FoundAtWarning counts, per
	// rule, the damages found by a finding at warning or above.
	ByRule         map[string]*Score
	FoundAtWarning map[string]int
	ByKind         map[string]*Score
	Misses         []string
	Alarms         []string
}

// TextInjected generates the damaged copies and scores the rules on them.
func TextInjected(names []string, texts [][]byte, rs []*rules.Rule) TextInjectedResult {
	cases := GenerateTextCases(names, texts)
	clean := make([]*document.Document, len(cases))
	damaged := make([]*document.Document, len(cases))
	for i, c := range cases {
		clean[i] = document.New(c.Name, c.Clean, document.Meta{})
		damaged[i] = document.New(c.Name, c.Damaged, document.Meta{})
	}
	before := RunRules(rs, clean)
	after := RunRules(rs, damaged)
	res := TextInjectedResult{ByRule: map[string]*Score{}, ByKind: map[string]*Score{}, FoundAtWarning: map[string]int{}}
	for _, r := range rs {
		res.ByRule[r.ID] = &Score{}
	}
	for i, c := range cases {
		res.Cases += len(c.Damages)
		res.scoreCase(c, damaged[i], before[i], after[i])
	}
	return res
}

func overlaps(aStart, aEnd, bStart, bEnd int) bool {
	return aStart < max(bEnd, bStart+1) && bStart < max(aEnd, aStart+1)
}

func (res *TextInjectedResult) scoreCase(c *TextCase, doc *document.Document, before, after []rules.Finding) {
	for _, d := range c.Damages {
		kind := d.Rule + " " + d.Kind
		if res.ByKind[kind] == nil {
			res.ByKind[kind] = &Score{}
		}
		found, warned := false, false
		for _, f := range after {
			if f.Rule.ID == d.Rule && overlaps(f.Start, f.End, d.Start, d.End) {
				found = true
				warned = warned || f.Severity >= rules.Warning
			}
		}
		if warned {
			res.FoundAtWarning[d.Rule]++
		}
		if found {
			res.ByRule[d.Rule].TP++
			res.ByKind[kind].TP++
			continue
		}
		res.ByRule[d.Rule].FN++
		res.ByKind[kind].FN++
		line, _ := doc.Position(d.Start)
		res.Misses = append(res.Misses, fmt.Sprintf("%s (%s) %s:%d %q", d.Rule, d.Kind, c.Name, line, snippet(doc.Src, d.Start, d.End)))
	}
	for _, f := range after {
		if res.explained(c, f, before) {
			continue
		}
		res.ByRule[f.Rule.ID].FP++
		line, _ := doc.Position(f.Start)
		res.Alarms = append(res.Alarms, fmt.Sprintf("%s %s:%d %s: %q", f.Rule.ID, c.Name, line, f.Message, snippet(doc.Src, f.Start, f.End)))
	}
}

// explained reports whether a finding on a damaged copy covers damage of
// its own rule or a finding the clean text already had.
func (res *TextInjectedResult) explained(c *TextCase, f rules.Finding, before []rules.Finding) bool {
	for _, d := range c.Damages {
		if d.Rule == f.Rule.ID && overlaps(f.Start, f.End, d.Start, d.End) {
			return true
		}
	}
	for _, b := range before {
		if b.Rule.ID == f.Rule.ID && overlaps(f.Start, f.End, c.mapOffset(b.Start), c.mapOffset(b.End)) {
			return true
		}
	}
	return false
}

func (res TextInjectedResult) write(w io.Writer, verbose bool, only string) {
	fmt.Fprintf(w, "injected damage: %d cases (%d per document, deterministic)\n", res.Cases, injectionsPerDoc)
	ids := make([]string, 0, len(res.ByRule))
	for id := range res.ByRule {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	fmt.Fprintln(w, "  (findings at any severity; the last column is recall counting warning+ findings only)")
	for _, id := range ids {
		s := res.ByRule[id]
		atWarn := 1.0
		if s.TP+s.FN > 0 {
			atWarn = float64(res.FoundAtWarning[id]) / float64(s.TP+s.FN)
		}
		fmt.Fprintf(w, "  %-24s %s  R(warning+) %.3f\n", id, s, atWarn)
	}
	kinds := make([]string, 0, len(res.ByKind))
	for k := range res.ByKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	fmt.Fprintln(w, "  recall by kind:")
	for _, k := range kinds {
		s := res.ByKind[k]
		fmt.Fprintf(w, "    %-52s %.3f  (%d/%d)\n", k, s.Recall(), s.TP, s.TP+s.FN)
	}
	if !verbose {
		return
	}
	for _, group := range [][]string{res.Misses, res.Alarms} {
		for _, e := range group {
			if only == "" || strings.HasPrefix(e, only+" ") {
				fmt.Fprintln(w, "    ", e)
			}
		}
	}
}
