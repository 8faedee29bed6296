package boilerplate

import (
	"bytes"
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
allowing short gaps for headings and lists, and keeping an introduction of
two or more paragraphs that only the article's own long list or table
separates from the rest, or of one paragraph when nothing in between
matches a furniture phrase), then judges the other lines,
with looser thresholds outside the body than inside it (the jusText idea,
on text alone). Evidence, as the message says:

  - a short line (at most 10 words, no sentence end) after the last body
    paragraph: warning (related links, footers, author boxes);
  - a longer unpunctuated line after the body, in a tail that also holds
    contact details or phrase-matched furniture: warning;
  - a run of three or more short lines before the first body paragraph
    (navigation): warning, except the line right before the body (the
    title usually stands there) and a line of two or more words whose
    content words the body mostly uses (a headline or section label
    shares its words with its article, a menu item does not): info;
  - contact details (e-mail, web address, phone number) outside the
    body, with more contact details within two lines: warning, except in
    a directory (five or more e-mail or phone lines: a list of
    organisations with their addresses is the article); a phone number
    is a run of 9 to 15 digits in phone-like groups, so rows of figures,
    prices and version ranges are no contact details;
  - a short line repeated within the document (a tagline, a recurring
    widget): warning;
  - a table of contents before the first body paragraph: four or more
    short lines whose texts recur in the same order as section headings
    below, each section holding a body paragraph: warning in a document
    with other proven furniture, info otherwise (a clean article's
    summary list of what it then reviews looks the same);
  - headings that legitimately end articles ("Notes", "References",
    "Sources", ...) and lines before endnote definitions are never flagged,
    nor are lines of figures alone (a table's or price box's cells) and
    lines of code or data (JSON, quoted keys), whose e-mail addresses are
    examples, not contact details.

The article's own masthead before its body (lines matching only the
reading-time, dateline or author-label phrases) proves no furniture
around it: a headline, byline, date and reading time are no menu.

A warning in a document whose only furniture evidence is that one line
is lowered to info: clean articles keep the odd look-alike, pages with
furniture left in hold clusters of it. Lines that a phrase rule
(share-prompt, login-prompt, ...) matches are left to that rule. The fix removes the line with its blank separator; it is
unsafe: structure is a guess.`,
	Bad:       "The ministers agreed on the plan after a long night of talks, and they said that it would be put to the allies next week.\n\nTo arrange an interview please contact:\n\nJane Doe\nSenior Editor\njane@example.com\n+44 20 7946 0000",
	Good:      "## Key Takeaways\n\n1. The coalition met in Paris.",
	Severity:  rules.Warning,
	FixSafety: fixers.Unsafe,
	Run:       runStructure,
}

// Structure thresholds, tuned on the WCXB tune split.
const (
	shortMaxWords = 10
	navRunMin     = 3
	// A menu: navLongRun or more short lines in a row, the judged one of
	// at most navMaxWords words, in a header that holds at least one line
	// of proven furniture.
	navLongRun  = 4
	navMaxWords = 3
	// navMinDistinct is the share of different lines a menu run has.
	navMinDistinct = 0.8
	repeatMinWord  = 2
	repeatMaxWord  = 12
	nearRadius     = 3
	// titleMinWords: a line this long before the body may be the headline.
	titleMinWords = 5
	nearMinProven = 2
	runMinShare   = 0.2
)

// directoryMinContacts is how many e-mail or phone lines make a document
// a directory (a footer's contact box has one to three).
const directoryMinContacts = 5

// maxHeading is longer than any legitimate closing heading, in bytes.
const maxHeading = 40

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
	for ci, e := range a.structure() {
		if e.sev >= rules.Warning && !a.cands[ci].compound && a.lone() {
			e.sev, e.why = rules.Info, e.why+loneNote
		}
		if e.sev != 0 {
			reportLines(pass, a.cands[ci].line, a.cands[ci].line, e.sev, fixers.Unsafe, removeFurniture, e.why)
		}
	}
}

// structureVerdict is the structure rule's judgement of one candidate.
type structureVerdict struct {
	sev rules.Severity
	why string
}

// structure judges every candidate once per document (the line model
// reads the verdicts as evidence); the zero verdict means no finding.
func (a *analysis) structure() []structureVerdict {
	a.structOnce.Do(func() {
		a.verdicts = make([]structureVerdict, len(a.cands))
		a.ctx = a.newContext()
		if a.bodyFirst < 0 {
			return
		}
		var nav []bool
		for ci := range a.cands {
			c := &a.cands[ci]
			if a.blocks[c.block].good || a.inNotesZone(c.block) || c.match != noMatch || codeLike(c.text) || onlyFigures(c.norm) {
				continue
			}
			sev, why := a.structureEvidence(ci, c, a.ctx)
			a.verdicts[ci] = structureVerdict{sev, why}
			if sev >= rules.Warning && c.block < a.bodyFirst && strings.HasPrefix(why, navWhy) {
				if nav == nil {
					nav = make([]bool, len(a.cands))
				}
				nav[ci] = true
			}
		}
		a.headlinesNotMenus(nav)
	})
	return a.verdicts
}

// headlineOverlap is the share of a short line's content words that the
// body uses from which a line in a run before the body reads as the
// article's headline or a section label, not a menu item: a headline
// shares its words with its article, a menu links elsewhere. 0.8 rather
// than 0.5: with the line model retrained on each, site-fold CV on the
// tune half gives the family more precision at the same recall (0.953 vs
// 0.948 at recall 0.50); the model takes over the lines in between.
const headlineOverlap = 0.8

// headlinesNotMenus lowers the navigation warnings of the candidates in
// nav (nil: none) whose words the body uses to info. The overlap is
// computed only for them: most documents have none.
func (a *analysis) headlinesNotMenus(nav []bool) {
	if nav == nil {
		return
	}
	for ci, o := range a.bodyOverlaps(nav) {
		if nav[ci] && o >= headlineOverlap && a.cands[ci].words >= headlineMinWords {
			a.verdicts[ci] = structureVerdict{rules.Info, "short line before the first body paragraph (may be the title: the body uses its words)"}
		}
	}
}

// headlineMinWords: a one-word line in a run is a menu item even when
// the article uses the word ("Nutrition" in a menu above a diet article).
const headlineMinWords = 2

// navWhy starts the navigation evidence's messages.
const navWhy = "run of short lines"

// loneFurnitureMax is the most furniture lines (strong phrase matches,
// structure warnings) a document may hold for its furniture to count as
// lone: clean articles keep the odd reading time, breadcrumb or "Learn
// more" button the benchmark's own clean texts hold, while a page with
// furniture left in has clusters of it.
const loneFurnitureMax = 1

// lone reports a document whose only furniture evidence is a single line:
// its warnings are lowered to info.
func (a *analysis) lone() bool {
	a.structure()
	a.loneOnce.Do(func() { a.isLone = a.anyFurnitureLines() <= loneFurnitureMax })
	return a.isLone
}

// anyFurnitureLines counts the lines with a phrase match of a family that
// proves furniture around it (all but the Isolated ones, hints included)
// or a structure warning.
func (a *analysis) anyFurnitureLines() int {
	n := 0
	for ci := range a.cands {
		if c := &a.cands[ci]; !a.mastheadLine(c) && (provesNeighbours(c) || c.compound || a.verdicts[ci].sev >= rules.Warning) {
			n++
		}
	}
	return n
}

// loneNote is added to a lowered finding's message.
const loneNote = ", the only furniture-like line in the document"

// The notes a structure message may end with, indexes into noteTexts.
const (
	noNote      = iota
	nearNote    // next to proven furniture
	contactNote // with more contact details
	copyNote    // a copy next to proven furniture
)

var noteTexts = [...]string{"", ", next to proven furniture", ", with more contact details", ", a copy next to proven furniture"}

// positioned is one structure message for every position and note,
// head+position+tail+note, built once: concatenating the message for each
// line cost more than judging it (a page has a finding per furniture line).
type positioned [len(positions)][len(noteTexts)]string

func positionedMessage(head, tail string) *positioned {
	var m positioned
	for p, pos := range positions {
		for n, note := range noteTexts {
			m[p][n] = head + pos + tail + note
		}
	}
	return &m
}

var (
	contactAloneWhy = positionedMessage("contact details (e-mail, web address or phone) standing alone, ", "")
	tocWhy          = positionedMessage("table of contents ", " (its lines recur in order as the section headings below)")
	tocUnprovenWhy  = positionedMessage("table of contents ", " (its lines recur in order as the section headings below), no other furniture proven")
	repeatedWhy     = positionedMessage("short line repeated within the document, ", "")
	shortAfterWhy   = positionedMessage("short line ", "")
	unpunctuatedWhy = positionedMessage("unpunctuated line ", "")
	menuWhy         = positionedMessage("long run of very short lines ", " (a menu)")
	navigationWhy   = positionedMessage(navWhy+" ", " (navigation)")
)

const (
	titleNotMenuWhy   = "short line before the first body paragraph (may be the title)"
	compoundWhyPrefix = "line made only of furniture phrases ("
)

// structureEvidence weighs the evidence for one candidate line and says
// which fired. Position alone is weak (clean articles end with lists and
// spec lines, and the body found may be too narrow); it becomes a warning
// only next to furniture that phrases or contact details prove.
func (a *analysis) structureEvidence(ci int, c *candidate, ctx *context) (rules.Severity, string) {
	near := ctx.near(ci)
	words := c.words
	short := words <= shortMaxWords && !c.sentence
	pos := a.positionIndex(c.block)
	after, before := c.block > a.bodyLast, c.block < a.bodyFirst
	sev := rules.Info
	note := noNote
	if near && !a.inBody(c.block) {
		sev, note = rules.Warning, nearNote
	}
	if c.compound {
		_, kinds := compound(c.norm)
		return rules.Warning, compoundWhyPrefix + strings.Join(kinds, ", ") + "), " + positions[pos]
	}
	switch {
	case ctx.details[ci]: // words <= detailsMaxWords && hasContact(c.text)
		sev, note = rules.Info, noNote
		if a.contactBlock(ci) && !a.inBody(c.block) && !ctx.directory {
			sev, note = rules.Warning, contactNote
		}
		return sev, contactAloneWhy[pos][note]
	case before && ctx.toc[ci] > 0:
		// Inside the body a run of recurring headings is as often the
		// article's own summary list: left to the line model. A clean
		// article's summary list of the products it then reviews looks
		// the same when the body found starts after it; pages with a
		// table of contents left in hold other proven furniture (all of
		// the tune half's did).
		if !ctx.anyProven {
			return rules.Info, tocUnprovenWhy[pos][noNote]
		}
		return rules.Warning, tocWhy[pos][noNote]
	case ctx.repeatedOutsideBody(ci, words) && !before:
		// Before the body a repeat is as often the headline (again in a
		// breadcrumb) as a menu item: left to the navigation evidence.
		if a.inBody(c.block) && (!near || !a.betweenGood(c.block)) {
			return rules.Info, repeatedWhy[pos][noNote]
		}
		if near {
			sev, note = rules.Warning, copyNote
		}
		return sev, repeatedWhy[pos][note]
	case marked(a.doc.Blocks[c.block]):
		// A list item or Markdown heading is structure the extractor kept.
		return 0, ""
	case after && bytes.HasSuffix(c.text, []byte(":")) && !ctx.contactFollows(ci):
		// "Project resources:" introduces a list: article structure;
		// "Please contact:" before an e-mail address does not.
		return 0, ""
	case after && short:
		return sev, shortAfterWhy[pos][note]
	case after && !c.sentence:
		return sev, unpunctuatedWhy[pos][note]
	case before && short && ctx.navRun[ci] >= navRunMin:
		if a.nextIsBody(ci) || words >= titleMinWords {
			return rules.Info, titleNotMenuWhy
		}
		if sev == rules.Info && ctx.menu(ci, words) {
			return rules.Warning, menuWhy[pos][noNote]
		}
		return sev, navigationWhy[pos][note]
	}
	return 0, ""
}

// menu reports a very short line in a long run of distinct short lines
// before any headline-length line, in a header that holds proven
// furniture, and not introducing anything (no colon).
func (ctx *context) menu(ci, words int) bool {
	c := ctx.a.cands[ci]
	return words <= navMaxWords && ctx.navRun[ci] >= navLongRun && ci < ctx.firstProse &&
		ctx.navDistinct[ci] && ctx.runProven[ctx.run[ci]] > 0 && !bytes.HasSuffix(c.text, []byte(":"))
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

// nextIsBody reports whether the next candidate-or-block after ci is the
// first body block.
func (a *analysis) nextIsBody(ci int) bool {
	return ci+1 >= len(a.cands) || a.cands[ci+1].block >= a.bodyFirst
}

// inNotesZone reports whether block bi is, or introduces, endnotes: a
// legitimate closing heading, or a block followed by note definitions.
func (a *analysis) inNotesZone(bi int) bool { return a.notes[bi] }

// notesZone computes inNotesZone for block bi.
func notesZone(doc *document.Document, bi int) bool {
	b := doc.Blocks[bi]
	if b.End-b.ContentStart <= maxHeading {
		var buf [2 * maxHeading]byte
		if legitTailHeadings[string(appendNormal(buf[:0], doc.Src[b.ContentStart:b.End]))] {
			return true
		}
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
	personal := !urlOnly(a.cands[ci].text)
	other := false
	for k := max(0, ci-2); k < len(a.cands) && k <= ci+2; k++ {
		if k != ci && hasContact(a.cands[k].text) && !a.goodBetween(min(k, ci), max(k, ci)) {
			other = true
			personal = personal || !urlOnly(a.cands[k].text)
		}
	}
	return other && personal
}

// urlOnly reports contact details that are only a web address.
func urlOnly(raw []byte) bool {
	return bytes.IndexByte(raw, '@') < 0 && !phoneLike(raw)
}

// betweenGood reports a block whose neighbours on both sides are body
// paragraphs: a line dropped into the running text.
func (a *analysis) betweenGood(bi int) bool {
	return bi > 0 && bi+1 < len(a.blocks) && a.blocks[bi-1].good && a.blocks[bi+1].good
}

// context is what the structure rule precomputes once per document so
// that judging every line stays linear: runs of candidate lines with no
// body paragraph between, the proven furniture in each, and which
// repeated texts have a copy outside the body near furniture.
type context struct {
	a      *analysis
	proven []bool
	// run is the index of each candidate's run; runProven and runLen
	// count proven lines and lines per run.
	run               []int
	runProven, runLen []int
	// runFirst is each run's first candidate (a run is a stretch of
	// consecutive candidates) and provenBefore[k] counts the proven
	// lines before candidate k: localNear counts from them.
	runFirst     []int
	provenBefore []int
	// navRun is the length of the run of short lines a candidate is in;
	// navDistinct says whether the run's lines are mostly different (a
	// table column repeats "Yes", a menu does not).
	navRun      []int
	navDistinct []bool
	// firstProse is the first candidate of titleMinWords words or more (a
	// headline or a sentence): after it the article has begun, so a list
	// there is not a menu.
	firstProse int
	// directory marks a document with directoryMinContacts or more
	// e-mail or phone lines: a list of organisations or people with their
	// addresses is the article itself, not a contact box.
	directory bool
	// outside and nearCopy say, per normalised text (analysis.textOf),
	// whether a copy stands after the body, and whether some copy stands
	// near furniture.
	outside, nearCopy []bool
	// details marks the lines of at most detailsMaxWords words with
	// contact details (hasContact), computed once for newContext and
	// structureEvidence.
	details []bool
	// phone is phoneLike of the text of the candidates of at most
	// detailsMaxWords words, asked once for details and the line model's
	// features (isPhone).
	phone []bool
	// toc is the length of the table of contents each candidate is an
	// entry of, 0 for most (tocRuns).
	toc []int
	// anyProven: some line of the document is proven furniture.
	anyProven bool
}

// detailsMaxWords is the most words a line of contact details has.
const detailsMaxWords = 12

// isPhone is phoneLike of candidate ci's text, kept for the short lines
// (most clean articles' lines are long, and only pages with furniture
// have their features computed).
func (ctx *context) isPhone(ci int) bool {
	if c := &ctx.a.cands[ci]; c.words > detailsMaxWords {
		return phoneLike(c.text)
	}
	return ctx.phone[ci]
}

func (a *analysis) newContext() *context {
	n := len(a.cands)
	ctx := &context{a: a, proven: make([]bool, n), run: make([]int, n), navRun: make([]int, n), navDistinct: make([]bool, n),
		outside: make([]bool, n), nearCopy: make([]bool, n), details: make([]bool, n), phone: make([]bool, n)}
	// contact marks short lines with contact details.
	contact := make([]bool, n)
	personal := 0
	for ci := range a.cands {
		c := &a.cands[ci]
		if c.words <= detailsMaxWords {
			ctx.phone[ci] = phoneLike(c.text)
			ctx.details[ci] = hasAddress(c.text) || ctx.phone[ci]
		}
		if contact[ci] = ctx.details[ci] && !codeLike(c.text); contact[ci] && !urlOnly(c.text) {
			personal++
		}
	}
	ctx.directory = personal >= directoryMinContacts
	for ci := range a.cands {
		c := &a.cands[ci]
		// A bare web address proves nothing (reference lists are full of
		// them); an e-mail address or phone number does, unless the
		// document is a directory.
		ctx.proven[ci] = provesNeighbours(c) && !a.mastheadLine(c) || c.compound ||
			!ctx.directory && contact[ci] && (!urlOnly(c.text) || a.contactBlock(ci))
		if ci == 0 || a.goodBetween(ci-1, ci) || a.inBody(c.block) != a.inBody(a.cands[ci-1].block) {
			ctx.runProven = append(ctx.runProven, 0)
			ctx.runLen = append(ctx.runLen, 0)
			ctx.runFirst = append(ctx.runFirst, ci)
		}
		r := len(ctx.runLen) - 1
		ctx.run[ci] = r
		ctx.runLen[r]++
		if ctx.proven[ci] {
			ctx.runProven[r]++
			ctx.anyProven = true
		}
	}
	ctx.provenBefore = make([]int, n+1)
	for ci, p := range ctx.proven {
		ctx.provenBefore[ci+1] = ctx.provenBefore[ci] + oneIf(p)
	}
	ctx.countNavRuns()
	ctx.toc = a.tocRuns()
	ctx.firstProse = n
	for ci, c := range a.cands {
		if c.words >= titleMinWords {
			ctx.firstProse = ci
			break
		}
	}
	for ci := range a.cands {
		c := &a.cands[ci]
		if a.copies[ci] < 2 {
			continue
		}
		if c.block > a.bodyLast {
			ctx.outside[a.textOf[ci]] = true
		}
		if ctx.localNear(ci) {
			ctx.nearCopy[a.textOf[ci]] = true
		}
	}
	return ctx
}

// countNavRuns sets navRun for every candidate: the length of the run of
// consecutive short non-good lines it belongs to.
func (ctx *context) countNavRuns() {
	a := ctx.a
	isShort := func(k int) bool {
		c := &a.cands[k]
		return !a.blocks[c.block].good && c.words <= shortMaxWords && !c.sentence
	}
	// The run's distinct lines are counted by their text numbers
	// (textOf: equal norms, equal numbers): seenIn[t] is 1 + the start of
	// the last run in which text t was seen, so no set is made per run.
	var seenIn []int32
	for start := 0; start < len(a.cands); {
		if !isShort(start) {
			start++
			continue
		}
		end := start
		for end+1 < len(a.cands) && isShort(end+1) && !a.goodBetween(end, end+1) {
			end++
		}
		if seenIn == nil {
			seenIn = make([]int32, len(a.cands))
		}
		seen := 0
		for k := start; k <= end; k++ {
			if t := a.textOf[k]; seenIn[t] != int32(start+1) {
				seenIn[t] = int32(start + 1)
				seen++
			}
		}
		distinct := float64(seen) >= navMinDistinct*float64(end-start+1)
		for k := start; k <= end; k++ {
			ctx.navRun[k] = end - start + 1
			ctx.navDistinct[k] = distinct
		}
		start = end + 1
	}
}

// localNear reports at least nearMinProven proven furniture lines within
// nearRadius candidate lines of ci, or a run around ci (a short header or
// footer box) in which proven lines are at least runMinShare.
func (ctx *context) localNear(ci int) bool {
	r := ctx.run[ci]
	if ctx.runProven[r] >= nearMinProven && float64(ctx.runProven[r]) >= runMinShare*float64(ctx.runLen[r]) {
		return true
	}
	// The window within nearRadius of ci, cut to ci's run.
	lo := max(ci-nearRadius, ctx.runFirst[r])
	hi := min(ci+nearRadius, ctx.runFirst[r]+ctx.runLen[r]-1)
	n := ctx.provenBefore[hi+1] - ctx.provenBefore[lo] - oneIf(ctx.proven[ci])
	return n >= nearMinProven
}

// near reports furniture near ci, or near a copy of ci's text.
func (ctx *context) near(ci int) bool {
	return ctx.localNear(ci) || ctx.nearCopy[ctx.a.textOf[ci]]
}

// repeatedOutsideBody reports a short line whose text occurs at least
// twice in the document with a copy after the main body (a tagline
// dropped mid-article and again in the footer). Repeats inside the body
// alone are article structure ("Pros", "Key features" per product).
func (ctx *context) repeatedOutsideBody(ci, words int) bool {
	c := ctx.a.cands[ci]
	return words >= repeatMinWord && words <= repeatMaxWord && ctx.a.copies[ci] >= 2 &&
		!legitTailHeadings[c.norm] && ctx.outside[ctx.a.textOf[ci]]
}

// contactFollows reports personal contact details (e-mail or phone) in the
// few lines after ci, with no body paragraph between.
func (ctx *context) contactFollows(ci int) bool {
	a := ctx.a
	for k := ci + 1; k < len(a.cands) && k <= ci+nearRadius+1 && ctx.run[k] == ctx.run[ci]; k++ {
		if hasContact(a.cands[k].text) && !urlOnly(a.cands[k].text) {
			return true
		}
	}
	return false
}

// mastheadFamilies describe the article itself: its reading time, date
// and author.
var mastheadFamilies uint32

// masthead reports a line whose only phrase matches are masthead
// families. Before the body such a line is the article's own header
// (headline, byline, date, reading time): it proves no menu around it.
func masthead(c *candidate) bool {
	m := c.matches.likely | c.matches.certain
	return m != 0 && m&^mastheadFamilies == 0
}

// mastheadLine reports a masthead line before the article's body.
func (a *analysis) mastheadLine(c *candidate) bool {
	return c.block < a.bodyFirst && masthead(c)
}

// provesNeighbours reports a phrase match that counts as proven furniture
// for the lines around it.
func provesNeighbours(c *candidate) bool {
	return (c.matches.likely|c.matches.certain)&provingFamilies != 0
}

// codeLike reports a line of code or data an article shows (JSON, a
// structured-data listing): a brace or a quoted key before a colon. Its
// e-mail addresses are examples and its short lines a listing, not
// contact boxes or menus. (HTML tags left around a line, "<u>...</u>",
// are no code: the extractor kept the page's markup.)
func codeLike(text []byte) bool {
	t := bytes.TrimSpace(text)
	// Both longer marks hold `":`: most lines have none, and are not
	// searched for them.
	keyMark := bytes.Contains(t, []byte(`":`))
	return len(t) > 0 && (t[0] == '{' || t[0] == '}' || t[0] == '"' && keyMark) ||
		keyMark && (bytes.Contains(t, []byte(`":"`)) || bytes.Contains(t, []byte(`": "`)))
}

// onlyFigures reports a normalised line of numbers alone ("60%", "$160",
// "2019 2020"): a table's or a price box's cell, which its position
// alone does not make furniture.
func onlyFigures(norm string) bool {
	for i := 0; i < len(norm); i++ {
		if norm[i] != '#' && norm[i] != ' ' {
			return false // mostly at the first byte
		}
	}
	return norm != ""
}
