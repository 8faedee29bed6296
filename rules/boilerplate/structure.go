package boilerplate

import (
	"strings"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// Structure flags lines that the page's structure shows to be furniture,
// whatever their wording: the evidence generalises beyond any phrase list.
var Structure = &rules.Rule{
	ID:      "boilerplate/structure",
	Summary: "a line that the structure around the article's main body shows to be page furniture",
	Doc: `Finds the article's main body first (the run of real paragraphs, long,
dense in function words and ending a sentence, that holds the most words,
allowing short gaps for headings and lists), then judges the other lines,
with looser thresholds outside the body than inside it (the jusText idea,
on text alone). Evidence, as the message says:

  - a short line (at most 10 words, no sentence end) after the last body
    paragraph: warning (related links, footers, author boxes);
  - a longer unpunctuated line after the body, in a tail that also holds
    contact details or phrase-matched furniture: warning;
  - a run of three or more short lines before the first body paragraph
    (navigation): warning, except the line right before the body (the
    title usually stands there): info;
  - contact details (e-mail, web address, phone number) standing alone:
    warning anywhere;
  - a short line repeated within the document (a tagline, a recurring
    widget): warning;
  - headings that legitimately end articles ("Notes", "References",
    "Sources", ...) and lines before endnote definitions are never flagged.

Lines that a phrase rule (share-prompt, login-prompt, ...) matches are left
to that rule. The fix removes the line with its blank separator; it is
unsafe: structure is a guess.`,
	Bad:       "...the last paragraph of the article.\n\nMore from our site\n\nJane Doe\nSenior Editor\njane@example.com",
	Good:      "## Key Takeaways\n\n1. The coalition met in Paris.",
	Severity:  rules.Warning,
	FixSafety: fixers.Unsafe,
	Run:       runStructure,
}

// Structure thresholds, tuned on the WCXB tune split.
const (
	shortMaxWords = 10
	navRunMin     = 3
	repeatMinWord = 2
	repeatMaxWord = 12
	nearRadius    = 3
	nearMinProven = 2
	runMinShare   = 0.2
)

// legitTailHeadings end real articles and introduce notes or sources.
var legitTailHeadings = map[string]bool{
	"notes": true, "note": true, "references": true, "sources": true, "source": true, "footnotes": true,
	"endnotes": true, "bibliography": true, "further reading": true, "literature": true, "citations": true,
	"anmerkungen": true, "quellen": true, "einzelnachweise": true, "literatur": true, "fußnoten": true,
	"références": true, "sources et références": true, "bibliographie": true, "notas": true,
	"referencias": true, "fuentes": true, "bibliografía": true, "appendix": true, "acknowledgements": true,
	"acknowledgments": true, "methodology": true, "disclosure": true, "about the author": true,
}

func runStructure(pass *rules.Pass) {
	a := analyse(pass.Doc)
	if a.bodyFirst < 0 {
		return
	}
	proven := make([]bool, len(a.cands))
	for ci, c := range a.cands {
		proven[ci] = c.match != noMatch || hasContact([]byte(c.raw)) && wordCount(c.norm) <= 12
	}
	for ci, c := range a.cands {
		if a.blocks[c.block].good || a.inNotesZone(c.block) {
			continue
		}
		if c.match != noMatch {
			continue
		}
		sev, why := a.structureEvidence(ci, c, a.nearFurniture(ci, proven))
		if sev == 0 {
			continue
		}
		reportLines(pass, c.line, c.line, sev, fixers.Unsafe, "furniture line", why)
	}
}

// structureEvidence weighs the evidence for one candidate line and says
// which fired. Position alone is weak (clean articles end with lists and
// spec lines, and the body found may be too narrow); it becomes a warning
// only next to furniture that phrases or contact details prove.
func (a *analysis) structureEvidence(ci int, c candidate, near bool) (rules.Severity, string) {
	words := wordCount(c.norm)
	short := shortLine([]byte(c.raw), words, shortMaxWords)
	pos := a.position(c.block)
	after, before := c.block > a.bodyLast, c.block < a.bodyFirst
	sev := rules.Info
	nearly := ""
	if near && !a.inBody(c.block) {
		sev, nearly = rules.Warning, ", next to proven furniture"
	}
	switch {
	case hasContact([]byte(c.raw)) && words <= 12:
		sev, nearly = rules.Info, ""
		if a.contactBlock(ci) && !a.inBody(c.block) {
			sev, nearly = rules.Warning, ", with more contact details"
		}
		return sev, "contact details (e-mail, web address or phone) standing alone, " + pos + nearly
	case a.repeatedOutsideBody(c, words):
		if a.inBody(c.block) && (!near || !a.betweenGood(c.block)) {
			return rules.Info, "short line repeated within the document, " + pos
		}
		if near {
			sev, nearly = rules.Warning, ", a copy next to proven furniture"
		}
		return sev, "short line repeated within the document, " + pos + nearly
	case marked(a.doc.Blocks[c.block]):
		// A list item or Markdown heading is structure the extractor kept.
		return 0, ""
	case after && short:
		return sev, "short line " + pos + nearly
	case after && !endsSentence([]byte(c.raw)):
		return sev, "unpunctuated line " + pos + nearly
	case before && short && a.navRun(ci):
		if a.nextIsBody(ci) {
			return rules.Info, "short line right before the first body paragraph (may be the title)"
		}
		return sev, "run of short lines " + pos + " (navigation)" + nearly
	}
	return 0, ""
}

// nearFurniture reports whether at least two lines proven to be furniture
// (by phrases or contact details) stand within nearRadius candidate lines
// of ci with no body paragraph between; for a repeated line, any copy's
// neighbourhood counts.
func (a *analysis) nearFurniture(ci int, proven []bool) bool {
	if a.provenAround(ci, proven) >= nearMinProven || a.provenRun(ci, proven) {
		return true
	}
	c := a.cands[ci]
	if a.normCount[c.norm] < 2 {
		return false
	}
	for k, o := range a.cands {
		if k != ci && o.norm == c.norm && (a.provenAround(k, proven) >= nearMinProven || a.provenRun(k, proven)) {
			return true
		}
	}
	return false
}

func (a *analysis) provenAround(ci int, proven []bool) int {
	n := 0
	for k := ci - 1; k >= 0 && k >= ci-nearRadius && !a.goodBetween(k, ci); k-- {
		if proven[k] {
			n++
		}
	}
	for k := ci + 1; k < len(a.cands) && k <= ci+nearRadius && !a.goodBetween(ci, k); k++ {
		if proven[k] {
			n++
		}
	}
	return n
}

// provenRun reports whether the run of candidate lines around ci with no
// body paragraph between (a short footer or header box) holds at least
// nearMinProven proven furniture lines, making at least runMinShare of it.
func (a *analysis) provenRun(ci int, proven []bool) bool {
	first, last := ci, ci
	for first > 0 && !a.goodBetween(first-1, first) && !a.inBody(a.cands[first-1].block) {
		first--
	}
	for last+1 < len(a.cands) && !a.goodBetween(last, last+1) && !a.inBody(a.cands[last+1].block) {
		last++
	}
	n := 0
	for k := first; k <= last; k++ {
		if proven[k] {
			n++
		}
	}
	return n >= nearMinProven && float64(n) >= runMinShare*float64(last-first+1)
}

// goodBetween reports a good block between candidates k < l.
func (a *analysis) goodBetween(k, l int) bool {
	for b := a.cands[k].block + 1; b < a.cands[l].block; b++ {
		if a.blocks[b].good {
			return true
		}
	}
	return false
}

// repeatedOutsideBody reports a short line whose text occurs at least
// twice in the document with a copy outside the main body (a tagline
// dropped mid-article and again in the footer). Repeats inside the body
// alone are article structure ("Pros", "Key features" per product).
func (a *analysis) repeatedOutsideBody(c candidate, words int) bool {
	if words < repeatMinWord || words > repeatMaxWord || a.normCount[c.norm] < 2 || legitTailHeadings[c.norm] {
		return false
	}
	for _, o := range a.cands {
		if o.norm == c.norm && !a.inBody(o.block) {
			return true
		}
	}
	return false
}

// navRun reports whether candidate ci is part of a run of at least
// navRunMin consecutive short candidate lines with no good block between.
func (a *analysis) navRun(ci int) bool {
	isShort := func(k int) bool {
		c := a.cands[k]
		return !a.blocks[c.block].good && shortLine([]byte(c.raw), wordCount(c.norm), shortMaxWords)
	}
	adjacent := func(k, l int) bool { // no good block between candidates k < l
		for b := a.cands[k].block + 1; b < a.cands[l].block; b++ {
			if a.blocks[b].good {
				return false
			}
		}
		return true
	}
	n := 1
	for k := ci - 1; k >= 0 && isShort(k) && adjacent(k, k+1); k-- {
		n++
	}
	for k := ci + 1; k < len(a.cands) && isShort(k) && adjacent(k-1, k); k++ {
		n++
	}
	return n >= navRunMin
}

// nextIsBody reports whether the next candidate-or-block after ci is the
// first body block.
func (a *analysis) nextIsBody(ci int) bool {
	return ci+1 >= len(a.cands) || a.cands[ci+1].block >= a.bodyFirst
}

// inNotesZone reports whether block bi is, or introduces, endnotes: a
// legitimate closing heading, or a block followed by note definitions.
func (a *analysis) inNotesZone(bi int) bool {
	doc := a.doc
	b := doc.Blocks[bi]
	text := strings.TrimRight(normalise(doc.Src[b.ContentStart:b.End]), " ")
	if legitTailHeadings[text] {
		return true
	}
	for k := bi + 1; k < len(doc.Blocks) && k <= bi+2; k++ {
		if doc.Blocks[k].Kind == document.Note {
			return true
		}
	}
	return false
}

// marked reports a block that carries list or heading markup.
func marked(b document.Block) bool {
	return b.Kind == document.ListItem || b.Kind == document.Heading && b.Level > 0
}

// contactBlock reports a contact line with another contact line within
// two lines, one of them an e-mail address or phone number: bare web
// addresses alone are often an article's sources.
func (a *analysis) contactBlock(ci int) bool {
	personal := !urlOnly(a.cands[ci].raw)
	other := false
	for k := max(0, ci-2); k < len(a.cands) && k <= ci+2; k++ {
		if k != ci && hasContact([]byte(a.cands[k].raw)) && !a.goodBetween(min(k, ci), max(k, ci)) {
			other = true
			personal = personal || !urlOnly(a.cands[k].raw)
		}
	}
	return other && personal
}

// urlOnly reports contact details that are only a web address.
func urlOnly(raw string) bool {
	return !strings.Contains(raw, "@") && !phoneLike([]byte(raw))
}

// betweenGood reports a block whose neighbours on both sides are body
// paragraphs: a line dropped into the running text.
func (a *analysis) betweenGood(bi int) bool {
	return bi > 0 && bi+1 < len(a.blocks) && a.blocks[bi-1].good && a.blocks[bi+1].good
}
