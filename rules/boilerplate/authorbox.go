package boilerplate

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// An author box: the page's short biography of the writer after the
// article, a line with the person's name and, right below it (a role line
// like "Contributing Writer" may stand between), a paragraph that starts
// with that name, or the first or last part of it, and says who the
// person is ("Jane Doe is a freelance writer based in ...", "Jane has
// covered ... for ten years"). The paragraph reads like article text
// (long, dense in function words, a sentence), so the body finder keeps
// it; the name line above it, repeated as the paragraph's subject, is
// what tells it from a section heading and its paragraph: a heading's
// paragraph talks about the heading's topic, not about a person's work.

// Bounds of an author box's name line.
const (
	nameMinWords = 2
	nameMaxWords = 4
	nameMaxBytes = 48
	// bioLookahead is how many blocks after the name line's the
	// biography may stand (a role line between).
	bioLookahead = 2
	// bioMinWords: a biography is a sentence, not a caption.
	bioMinWords = 8
	// bioSubjectWords: the verb saying who the person is follows the
	// name within this many words ("Mary Henn, MA, MFA, is ...").
	bioSubjectWords = 4
	// authorBoxMaxPeople: a page with more name-and-biography pairs is a
	// list of people (speakers, experts, a team page): the article.
	authorBoxMaxPeople = 2
	// authorBoxTailShare: the good words after the biography are less
	// than this share of the document's; an author box closes the page.
	authorBoxTailShare = 0.3
)

// bioVerbs say who a person is or what they do, right after their name.
var bioVerbs = toSet([]string{
	"is", "was", "has", "had", "covers", "covered", "leads", "led", "writes", "wrote", "teaches", "taught",
	"works", "worked", "founded", "joined", "holds", "lives", "brings", "specializes", "specialises",
	"serves", "served", "heads", "first", "began", "started", "loves", "enjoys", "manages", "runs",
	"ist", "war", "est", "es",
})

// bioWords name a person's trade or career: a biography holds one.
var bioWords = toSet([]string{
	"writer", "writers", "editor", "author", "journalist", "reporter", "contributor", "columnist", "founder",
	"ceo", "expert", "specialist", "blogger", "photographer", "correspondent", "professor", "economist",
	"strategist", "marketer", "consultant", "freelance", "experience", "specializing", "specialising",
	"career", "degree", "graduate", "owner", "vp", "president", "chief", "enthusiast", "researcher", "analyst", "director", "manager",
	//nolint:misspell // German and Spanish words.
	"autor", "autorin", "redakteur", "redakteurin", "journaliste", "rédacteur", "rédactrice", "periodista", "redactor",
})

// nameParticles may stand lower case inside a name ("Ludwig von Mises").
var nameParticles = toSet([]string{"de", "da", "del", "der", "den", "van", "von", "la", "le", "di", "du", "bin", "al"})

// authorBox is one author box found: the name line's candidate and the
// blocks of the biography.
type authorBox struct {
	name                  string
	nameCand              int
	firstBlock, lastBlock int
}

// authorBoxes finds the document's author boxes (nil: none). Most
// documents have no name line followed by a paragraph starting with the
// name: the biography tests run for the few that do.
func (a *analysis) authorBoxes() []authorBox {
	var boxes []authorBox
	var names []string
	// A biography closes the page: only name lines at most bioLookahead
	// blocks before the tail can have one.
	from := a.tailFrom() - bioLookahead
	first, _ := slices.BinarySearchFunc(a.cands, from, func(c candidate, bi int) int { return c.block - bi })
	for ci := first; ci < len(a.cands); ci++ {
		c := &a.cands[ci]
		// The length test inline: most candidates fail it.
		if c.words < nameMinWords || c.words > nameMaxWords+1 || len(c.text) > nameMaxBytes {
			continue
		}
		name, ok := a.nameLine(ci)
		if !ok {
			continue
		}
		// The biography is the next block or, past a role line, the one
		// after it.
		for bi := c.block + 1; bi <= c.block+bioLookahead && bi < len(a.blocks); bi++ {
			if !a.biography(bi, name) {
				// Past this block only a role line lets the search go on,
				// and only to a block that may be a biography.
				if bi == c.block+bioLookahead || !a.mayBeBiography(bi+1) || !a.roleLine(bi) {
					break
				}
				continue
			}
			if !a.closesPage(bi) {
				break
			}
			box := authorBox{name: name, nameCand: ci, firstBlock: bi, lastBlock: a.bioContinues(bi, name)}
			boxes = append(boxes, box)
			if !slices.Contains(names, name) {
				names = append(names, name)
			}
			break
		}
	}
	if len(names) > authorBoxMaxPeople {
		return nil
	}
	return boxes
}

// nameLine reports a line that reads as a person's name: two to four
// capitalised words (name particles aside) of letters alone, no sentence,
// perhaps after "By"; name is its normalised form without "by".
func (a *analysis) nameLine(ci int) (name string, ok bool) {
	c := &a.cands[ci]
	if c.words < nameMinWords || c.words > nameMaxWords+1 || len(c.text) > nameMaxBytes {
		return "", false
	}
	// The words first: most short lines have a lower-case word early.
	words, by := 0, false
	for _, t := range c.tokens {
		w := a.doc.Src[t.Start:t.End]
		switch t.Kind {
		case document.Word:
			if words == 0 && !by && bylineWord(w) {
				by = true
				continue
			}
			if r, _ := utf8.DecodeRune(w); !unicode.IsUpper(r) && !nameParticles[string(w)] {
				return "", false
			}
			words++
		case document.Number:
			return "", false
		}
	}
	if words < nameMinWords || words > nameMaxWords || endsSentence(c.text) ||
		strings.IndexByte(c.norm, '#') >= 0 || bytes.IndexByte(c.text, ':') >= 0 {
		return "", false
	}
	name = c.norm
	if by {
		_, name, _ = strings.Cut(name, " ")
	}
	return name, true
}

// roleMaxWords bounds a role line between the name and the biography.
const roleMaxWords = 6

// roleLine reports a block that may stand between a name line and its
// biography: one short line without figures or a colon ("Contributing
// Writer", "Co-founder"), not a rating or a company's facts ("Our Score:
// 4.7 / 5.0" between a reviewed company's name and its description).
func (a *analysis) roleLine(bi int) bool {
	b := a.doc.Blocks[bi]
	if b.FirstLine != b.LastLine || a.blocks[bi].words > roleMaxWords {
		return false
	}
	text := a.doc.Src[b.ContentStart:b.End]
	return bytes.IndexByte(text, ':') < 0 && !bytes.ContainsAny(text, "0123456789")
}

// bylineWord reports a word that may stand before an author's name: "By",
// "von", "par", "por".
func bylineWord(w []byte) bool {
	switch string(w) {
	case "By", "by", "BY", "Von", "von", "Par", "par", "Por", "por":
		return true
	}
	return false
}

// bioPrefixBytes is how much of a block the biography tests read.
const bioPrefixBytes = 600

// blockNorm returns the normalised start of block bi, in buf.
func (a *analysis) blockNorm(bi int, buf []byte) string {
	b := a.doc.Blocks[bi]
	text := a.doc.Src[b.ContentStart:b.End]
	if len(text) > bioPrefixBytes {
		text = text[:bioPrefixBytes]
	}
	return string(appendNormal(buf[:0], text))
}

// biography reports a paragraph that starts with the name and says who
// the person is: a verb of being or working right after the name (within
// a few words after two or more of its words: "Mary Henn, MA, MFA, is"),
// and a word of a trade or career. The name's words must stand
// capitalised in the paragraph as in a name ("Data Analytics" above "Data
// analytics is a career ..." is a heading and its topic). A first
// person's "I'm" stands for the name.
func (a *analysis) biography(bi int, name string) bool {
	if !a.mayBeBiography(bi) || !a.startsWithName(bi, name) {
		return false
	}
	var buf [bioPrefixBytes + 8]byte
	norm := a.blockNorm(bi, buf[:])
	rest, used := afterName(norm, name)
	if used == 0 || !a.capitalised(bi, used) {
		return false
	}
	reach := 1
	if used >= 2 {
		reach = bioSubjectWords
	}
	verb := false
	for i := 0; i < reach && rest != ""; i++ {
		var w string
		w, rest, _ = strings.Cut(rest, " ")
		if bioVerbs[w] {
			verb = true
			break
		}
	}
	if !verb {
		return false
	}
	for w := range strings.SplitSeq(rest, " ") {
		if bioWords[w] {
			return true
		}
	}
	return false
}

// afterName returns norm after the name it starts with, and how many of
// the name's words it used: the name's longest leading part, or its last
// word alone; a first person's "I'm" uses one (0: norm does not start
// with the name).
func afterName(norm, name string) (rest string, used int) {
	words := strings.Fields(name)
	for n := len(words); n >= 1; n-- {
		if r, ok := strings.CutPrefix(norm, strings.Join(words[:n], " ")+" "); ok {
			return r, n
		}
	}
	if r, ok := strings.CutPrefix(norm, words[len(words)-1]+" "); ok {
		return r, 1
	}
	for _, self := range []string{"i m ", "i'm ", "i am "} {
		if r, ok := strings.CutPrefix(norm, self); ok {
			return "is " + r, -1
		}
	}
	return "", 0
}

// mayBeBiography is biography's cheapest test: block bi is a paragraph
// of a sentence's length that no phrase rule matched.
func (a *analysis) mayBeBiography(bi int) bool {
	return bi < len(a.blocks) && a.doc.Blocks[bi].Kind == document.Paragraph && a.blocks[bi].words >= bioMinWords && !a.matched[bi]
}

// startsWithName is biography's cheap first test: block bi's first word
// is the name's first or last word, or "I" (pages hold many short
// capitalised lines, menus and headings, and most are followed by
// anything but their own words).
func (a *analysis) startsWithName(bi int, name string) bool {
	b := a.doc.Blocks[bi]
	for _, t := range a.doc.TokensIn(b.ContentStart, b.End) {
		if t.Kind != document.Word {
			continue
		}
		w := a.doc.Src[t.Start:t.End]
		first, _, _ := strings.Cut(name, " ")
		last := name[strings.LastIndexByte(name, ' ')+1:]
		return bytes.EqualFold(w, []byte(first)) || bytes.EqualFold(w, []byte(last)) ||
			string(w) == "I" || bytes.HasPrefix(w, []byte("I'")) || bytes.HasPrefix(w, []byte("I’"))
	}
	return false
}

// capitalised reports whether the first n words of block bi start upper
// case or are name particles (n < 0: "I'm", always).
func (a *analysis) capitalised(bi, n int) bool {
	b := a.doc.Blocks[bi]
	for _, t := range a.doc.TokensIn(b.ContentStart, b.End) {
		if n <= 0 {
			break
		}
		if t.Kind != document.Word {
			continue
		}
		w := a.doc.Src[t.Start:t.End]
		if r, _ := utf8.DecodeRune(w); !unicode.IsUpper(r) && !nameParticles[string(w)] {
			return false
		}
		n--
	}
	return true
}

// bioContinues returns the last block of the biography that starts at bi:
// following paragraphs that name the person's first name early on
// ("Jane holds a degree ...", "When she is not writing, Jane ...").
func (a *analysis) bioContinues(bi int, name string) int {
	first, _, _ := strings.Cut(name, " ")
	var buf [bioPrefixBytes + 8]byte
	for bi+1 < len(a.blocks) && a.doc.Blocks[bi+1].Kind == document.Paragraph && !a.matched[bi+1] {
		norm := a.blockNorm(bi+1, buf[:])
		words := strings.Fields(norm)
		if !slices.Contains(words[:min(len(words), bioSubjectWords*3)], first) {
			break
		}
		bi++
	}
	return bi
}

// closesPage reports whether little article text follows block bi: the
// good words after it are less than authorBoxTailShare of the
// document's, and some come before it.
func (a *analysis) closesPage(bi int) bool {
	before, after := 0, 0
	for k, info := range a.blocks {
		if !info.good {
			continue
		}
		switch {
		case k < bi:
			before += info.words
		case k > bi:
			after += info.words
		}
	}
	return before > 0 && float64(after) < authorBoxTailShare*float64(before+after)
}

// tailFrom is the first block that may close the page: the good words
// after it are less than authorBoxTailShare of the document's (closesPage
// asks that of a share of fewer words, the block's own left out, so it
// is false for every block before).
func (a *analysis) tailFrom() int {
	total := 0
	for _, info := range a.blocks {
		if info.good {
			total += info.words
		}
	}
	after := total
	for bi, info := range a.blocks {
		if info.good {
			after -= info.words
		}
		if float64(after) < authorBoxTailShare*float64(total) {
			return bi
		}
	}
	return len(a.blocks)
}

// authorBoxWhy is the author box evidence's message.
const authorBoxWhy = "author box (a name line and a paragraph about that person's work below it), "

// markAuthorBoxes sets the structure verdict of the author boxes'
// candidate lines that no phrase rule matched, and keeps the biography
// blocks for the rule to report whole (a biography is often too long to
// be a candidate, or wrapped over lines that are not).
func (a *analysis) markAuthorBoxes() {
	for _, box := range a.authorBoxes() {
		for ci := box.nameCand; ci < len(a.cands) && a.cands[ci].block <= box.lastBlock; ci++ {
			c := a.cands[ci]
			if c.match != noMatch || a.inNotesZone(c.block) || a.verdicts[ci].sev >= rules.Warning {
				continue
			}
			a.verdicts[ci] = structureVerdict{rules.Warning, authorBoxWhy + positions[a.positionIndex(c.block)]}
		}
		for bi := box.firstBlock; bi <= box.lastBlock; bi++ {
			if a.ctx.bioBlocks == nil {
				a.ctx.bioBlocks = map[int]bool{}
			}
			a.ctx.bioBlocks[bi] = true
		}
	}
}

// reportBiographies reports the author boxes' biography blocks, each as
// one finding.
func (a *analysis) reportBiographies(pass *rules.Pass) {
	for _, bi := range slices.Sorted(maps.Keys(a.ctx.bioBlocks)) {
		sev, why := rules.Warning, authorBoxWhy+positions[a.positionIndex(bi)]
		if a.lone() {
			sev, why = rules.Info, why+loneNote
		}
		b := a.doc.Blocks[bi]
		reportLines(pass, b.FirstLine, b.LastLine, sev, fixers.Unsafe, removeFurniture, why)
	}
}

// lonelyBiographies counts the biography blocks without a candidate line:
// furniture lines no verdict counts.
func (a *analysis) lonelyBiographies() int {
	n := 0
	for bi := range a.ctx.bioBlocks {
		if _, found := slices.BinarySearchFunc(a.cands, bi, func(c candidate, bi int) int { return c.block - bi }); !found {
			n++
		}
	}
	return n
}
