package eval

// The footnotes generator turns a clean real article (a WCXB truth text)
// into a footnoted one: reference markers after real sentences and a block
// of notes at the end, in one of five styles. It then breaks the notes in
// each way the footnote rules look for. Everything is drawn from a seeded
// RNG, so a run is reproducible.

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"

	"github.com/dochygiene/hygiene/internal/document"
)

// FootnoteStyles are the ways the generator writes notes.
var FootnoteStyles = []string{"bracket", "bracket-list", "caret", "superscript", "sup", "escaped"}

// FootnoteBreaks are the ways the generator breaks notes; each name is the
// footnotes/ rule that must catch it.
var FootnoteBreaks = []string{"missing-definitions", "undefined-reference", "unused-definition", "gap", "duplicate", "order", "definition-order"}

// fnOcc is one reference marker inserted at pos of the base text.
type fnOcc struct {
	pos    int
	before bool // " [3]" before the full stop instead of "[3]" after it
	nbsp   bool // with a no-break space: "claimed\u00a0[3]."
	nums   []int
	ranged bool
}

type fnDef struct {
	num  int
	text string
}

// FootnoteCase is one generated document with what it must produce.
type FootnoteCase struct {
	ID    string
	Style string
	// Break is the rule name that must fire, "" for a correct control.
	Break string
	// Num is the note number the finding must concern (0: any).
	Num  int
	Text string
}

// fnSpec is a footnoted article before rendering.
type fnSpec struct {
	style   string
	base    string
	occs    []fnOcc
	defs    []fnDef
	heading string
	blank   bool // blank lines between note definitions
	wrap    bool // long numbered notes wrapped onto an unindented line
}

func (s fnSpec) clone() fnSpec {
	c := s
	c.occs = make([]fnOcc, len(s.occs))
	for i, o := range s.occs {
		o.nums = slices.Clone(o.nums)
		c.occs[i] = o
	}
	c.defs = slices.Clone(s.defs)
	return c
}

// render writes the article with its markers and notes.
func (s fnSpec) render() string {
	var b strings.Builder
	last := 0
	for _, o := range s.occs {
		b.WriteString(s.base[last:o.pos])
		b.WriteString(s.marker(o))
		last = o.pos
	}
	b.WriteString(s.base[last:])
	if len(s.defs) == 0 && s.heading == "" {
		return b.String()
	}
	out := strings.TrimRight(b.String(), "\n") + "\n\n"
	if s.heading != "" {
		out += s.heading + "\n\n"
	}
	sep := "\n"
	if s.blank {
		sep = "\n\n"
	}
	for _, d := range s.defs {
		switch s.style {
		case "caret":
			out += fmt.Sprintf("[^%d]: %s", d.num, d.text)
		case "bracket-list", "superscript":
			text := d.text
			if cut := strings.Index(text[len(text)/2:], " "); s.wrap && cut >= 0 {
				cut += len(text) / 2
				text = text[:cut] + "\n" + text[cut+1:]
			}
			out += fmt.Sprintf("%d. %s", d.num, text)
		case "escaped":
			out += fmt.Sprintf("\\[%d\\] %s", d.num, d.text)
		default:
			out += fmt.Sprintf("[%d] %s", d.num, d.text)
		}
		out += sep
	}
	return out
}

func (s fnSpec) marker(o fnOcc) string {
	parts := make([]string, len(o.nums))
	for i, n := range o.nums {
		parts[i] = fmt.Sprint(n)
	}
	inner := strings.Join(parts, ", ")
	if o.ranged {
		inner = fmt.Sprintf("%d-%d", o.nums[0], o.nums[len(o.nums)-1])
	}
	space := ""
	switch {
	case o.before && o.nbsp:
		space = "\u00a0"
	case o.before:
		space = " "
	}
	switch s.style {
	case "caret":
		return "[^" + inner + "]"
	case "superscript":
		return superscriptDigits(inner)
	case "sup":
		return "<sup>" + inner + "</sup>"
	case "escaped":
		return `\[` + inner + `\]`
	}
	return space + "[" + inner + "]"
}

func superscriptDigits(s string) string {
	sup := []rune("⁰¹²³⁴⁵⁶⁷⁸⁹")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(sup[r-'0'])
		case r == '-':
			b.WriteRune('⁻')
		case r == ',':
			b.WriteRune(',')
		}
	}
	return b.String()
}

// fnSurnames, fnOutlets and fnMonths build note texts that read like
// citations.
var (
	fnSurnames = []string{"Smith", "Müller", "Dubois", "García", "Kowalski", "Tanaka", "Okafor", "Rossi", "Novak", "Johansson", "Kim", "Silva"}
	fnOutlets  = []string{"lemonde.fr", "Reuters", "The Guardian", "Frankfurter Allgemeine Zeitung", "spiegel.de", "dw.com", "Journal of Applied Studies", "nato.int", "BBC News", "Associated Press"}
	fnMonths   = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

func fnNoteText(rng *rand.Rand, words []string) string {
	n := 3 + rng.IntN(4)
	title := make([]string, n)
	for i := range title {
		title[i] = words[rng.IntN(len(words))]
	}
	t := strings.Join(title, " ")
	t = strings.ToUpper(t[:1]) + t[1:]
	text := fmt.Sprintf("%s, %c.: %s. %s, %d %s %d.", fnSurnames[rng.IntN(len(fnSurnames))], 'A'+rune(rng.IntN(26)),
		t, fnOutlets[rng.IntN(len(fnOutlets))], 1+rng.IntN(28), fnMonths[rng.IntN(12)], 2015+rng.IntN(11))
	switch rng.IntN(6) {
	case 0:
		text += fmt.Sprintf(" https://example.org/%d", rng.IntN(100000))
	case 1:
		text += fmt.Sprintf(" [online] [Accessed %d %s %d]", 1+rng.IntN(28), fnMonths[rng.IntN(12)], 2020+rng.IntN(6))
	case 2:
		text += fmt.Sprintf(" Vol. %d, no. %d, pp. %d–%d.", 1+rng.IntN(40), 1+rng.IntN(12), 10+rng.IntN(50), 70+rng.IntN(50))
	case 3:
		text += " Ibid., p. 4 [sic]."
	}
	return text
}

// fnEditorial adds what must not be read as footnotes: editorial brackets
// ("categorical[ly]", "reject[s]", "[sic]", "[…]", "[the minister]"), a
// bracketed year and a Markdown link.
func fnEditorial(rng *rand.Rand, text string) string {
	doc := document.New("base", []byte(text), document.Meta{})
	type edit struct {
		start, end int
		repl       string
	}
	var edits []edit
	used := map[int]bool{}
	for _, tok := range doc.Tokens() {
		w := text[tok.Start:tok.End]
		if tok.Kind != document.Word || used[tok.Start] || rng.IntN(40) != 0 {
			continue
		}
		lower := strings.ToLower(w)
		switch {
		case strings.HasSuffix(w, "ly") && len(w) > 5:
			edits = append(edits, edit{tok.End - 2, tok.End, "[ly]"})
		case strings.HasSuffix(w, "s") && len(w) > 5 && w == lower:
			edits = append(edits, edit{tok.End - 1, tok.End, "[s]"})
		case lower == "he" || lower == "she" || lower == "they" || lower == "it":
			edits = append(edits, edit{tok.Start, tok.End, "[the minister]"})
		default:
			switch rng.IntN(5) {
			case 4:
				edits = append(edits, edit{tok.End, tok.End, fmt.Sprintf(" (`items[%d]`)", 1+rng.IntN(3))})
			case 0:
				edits = append(edits, edit{tok.End, tok.End, " [sic]"})
			case 1:
				edits = append(edits, edit{tok.End, tok.End, " […]"})
			case 2:
				edits = append(edits, edit{tok.End, tok.End, fmt.Sprintf(" [%d]", 1990+rng.IntN(35))})
			default:
				edits = append(edits, edit{tok.Start, tok.End, "[" + w + "](https://example.org/" + lower + ")"})
			}
		}
		used[tok.Start] = true
	}
	var b strings.Builder
	last := 0
	for _, e := range edits {
		if e.start < last {
			continue
		}
		b.WriteString(text[last:e.start])
		b.WriteString(e.repl)
		last = e.end
	}
	b.WriteString(text[last:])
	return b.String()
}

// fnSpot is a place that can carry a reference marker.
type fnSpot struct {
	pos int
	// stop is true for a marker after a full stop (it may move before it,
	// "claimed [3]."); false after a closing quote or a word before a comma.
	stop bool
}

// fnCitable returns the places that can carry a reference: after the full
// stop or closing quote of a long sentence in a paragraph, and after a word
// followed by a comma ("as reported[3], the").
func fnCitable(doc *document.Document) []fnSpot {
	var out []fnSpot
	src := doc.Src
	for _, s := range doc.Sentences() {
		b := doc.Blocks[s.Block]
		if b.Kind != document.Paragraph || s.End-s.Start < 40 {
			continue
		}
		for _, t := range doc.TokensIn(s.Start, s.End) {
			if t.Kind == document.Word && t.End < s.End-20 && src[t.End] == ',' && t.End-t.Start > 3 && t.Start > 0 && src[t.Start-1] == ' ' {
				out = append(out, fnSpot{pos: t.End})
				break // one per sentence
			}
		}
		last, prev := src[s.End-1], src[s.End-2]
		switch {
		case last == '.' && prev != '.' && prev != ']' && prev != ')':
			out = append(out, fnSpot{pos: s.End, stop: true})
		case (last == '"' || bytes.HasSuffix(src[:s.End], []byte("”"))) && (prev == '.' || src[s.End-4] == '.'):
			out = append(out, fnSpot{pos: s.End})
		}
	}
	return out
}

// fnHeadings are the notes headings the generator writes.
var fnHeadings = []string{"Notes", "## Notes", "**References**", "Notes:", "ENDNOTES", "Sources", "References", "Footnotes", "### Endnotes"}

// fnFootnote builds the correct footnoted spec of a base text, or false
// when the text has too few citable sentences.
func fnFootnote(rng *rand.Rand, base, style string) (fnSpec, bool) {
	base = fnEditorial(rng, base)
	if rng.IntN(3) == 0 {
		// A numbered list that is not a list of notes.
		base = "Key takeaways\n\n1. The first point.\n2. The second point.\n3. The third point.\n\n" + base
	}
	doc := document.New("base", []byte(base), document.Meta{})
	spots := fnCitable(doc)
	if len(spots) < 5 {
		return fnSpec{}, false
	}
	var words []string
	for _, t := range doc.Tokens() {
		if t.Kind == document.Word && t.End-t.Start > 3 {
			words = append(words, base[t.Start:t.End])
		}
	}
	if len(words) < 10 {
		return fnSpec{}, false
	}
	nOcc := min(len(spots), 5+rng.IntN(26))
	// Spread the markers over the article: keep a sorted random subset.
	picked := rng.Perm(len(spots))[:nOcc]
	sort.Ints(picked)
	s := fnSpec{style: style, base: base, blank: rng.IntN(2) == 0, wrap: rng.IntN(3) == 0}
	switch style {
	case "bracket", "caret":
		if rng.IntN(2) == 0 {
			s.heading = fnHeadings[rng.IntN(len(fnHeadings))]
		}
	case "bracket-list", "superscript":
		s.heading = fnHeadings[rng.IntN(len(fnHeadings))]
	}
	next := 1
	for _, p := range picked {
		o := fnOcc{pos: spots[p].pos}
		switch r := rng.IntN(10); {
		case r == 0 && next > 2:
			o.nums = []int{1 + rng.IntN(next-1)} // cite an earlier note again
		case r == 1 && style != "caret":
			k := 2 + rng.IntN(2)
			o.nums = fnSeq(next, next+k-1)
			o.ranged = k == 3 || rng.IntN(2) == 0
			next += k
		default:
			o.nums = []int{next}
			next++
		}
		if spots[p].stop && (style == "bracket" || style == "bracket-list") && rng.IntN(3) == 0 {
			o.before, o.nbsp = true, rng.IntN(4) == 0
			o.pos-- // before the full stop
		}
		s.occs = append(s.occs, o)
	}
	for n := 1; n < next; n++ {
		s.defs = append(s.defs, fnDef{num: n, text: fnNoteText(rng, words)})
	}
	return s, true
}

func fnSeq(lo, hi int) []int {
	var out []int
	for n := lo; n <= hi; n++ {
		out = append(out, n)
	}
	return out
}

// fnBreak returns a broken copy of s and the number the finding concerns,
// or false when this spec cannot be broken that way.
func fnBreak(rng *rand.Rand, s fnSpec, kind string) (fnSpec, int, bool) {
	b := s.clone()
	n := len(b.defs)
	singles := b.singlyCited()
	switch kind {
	case "missing-definitions":
		b.defs = nil
		if rng.IntN(2) == 0 {
			b.heading = "" // else the heading stays, with nothing under it
		}
		return b, 1, true
	case "undefined-reference":
		k := 1 + rng.IntN(n)
		b.defs = slices.DeleteFunc(b.defs, func(d fnDef) bool { return d.num == k })
		return b, k, true
	case "unused-definition", "gap":
		// A note cited by single markers only, not the last (a missing
		// last note leaves no gap).
		cands := slices.DeleteFunc(slices.Clone(singles), func(k int) bool { return k == n })
		if len(cands) == 0 {
			return b, 0, false
		}
		k := cands[rng.IntN(len(cands))]
		b.occs = slices.DeleteFunc(b.occs, func(o fnOcc) bool { return o.nums[0] == k })
		if kind == "gap" {
			b.defs = slices.DeleteFunc(b.defs, func(d fnDef) bool { return d.num == k })
			return b, k + 1, true
		}
		return b, k, true
	case "duplicate":
		k := 1 + rng.IntN(n)
		words := strings.Fields(b.defs[k-1].text)
		rng.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
		b.defs = slices.Insert(b.defs, k, fnDef{num: k, text: strings.Join(words, " ")})
		return b, k, true
	case "order":
		// Swap two consecutive notes that are each cited on their own.
		var cands []int
		for _, k := range singles {
			if slices.Contains(singles, k+1) {
				cands = append(cands, k)
			}
		}
		if len(cands) == 0 {
			return b, 0, false
		}
		k := cands[rng.IntN(len(cands))]
		for i := range b.occs {
			switch b.occs[i].nums[0] {
			case k:
				b.occs[i].nums[0] = k + 1
			case k + 1:
				b.occs[i].nums[0] = k
			}
		}
		return b, k, true
	case "definition-order":
		if n < 3 {
			return b, 0, false
		}
		k := 1 + rng.IntN(n-1)
		b.defs[k-1], b.defs[k] = b.defs[k], b.defs[k-1]
		return b, k, true
	}
	return b, 0, false
}

// singlyCited returns the notes that no multi-number marker cites.
func (s fnSpec) singlyCited() []int {
	multi := map[int]bool{}
	for _, o := range s.occs {
		if len(o.nums) > 1 {
			for _, n := range o.nums {
				multi[n] = true
			}
		}
	}
	var out []int
	for _, d := range s.defs {
		if !multi[d.num] {
			out = append(out, d.num)
		}
	}
	return out
}

// GenerateFootnoteCases builds, for each base text, a correct control and
// one broken copy per break, in a style that rotates over the texts.
func GenerateFootnoteCases(seed uint64, ids, bases []string) []FootnoteCase {
	var out []FootnoteCase
	for i, base := range bases {
		rng := rand.New(rand.NewPCG(seed, uint64(i)))
		style := FootnoteStyles[i%len(FootnoteStyles)]
		spec, ok := fnFootnote(rng, base, style)
		if !ok {
			continue
		}
		out = append(out, FootnoteCase{ID: ids[i], Style: style, Text: spec.render()})
		for _, kind := range FootnoteBreaks {
			broken, num, ok := fnBreak(rng, spec, kind)
			if !ok {
				continue
			}
			out = append(out, FootnoteCase{ID: ids[i], Style: style, Break: kind, Num: num, Text: broken.render()})
		}
	}
	return out
}
