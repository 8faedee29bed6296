package insertion

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// UnrelatedBlock flags a run of paragraphs whose vocabulary has almost
// nothing in common with the rest of the article.
var UnrelatedBlock = &rules.Rule{
	ID:      "insertion/unrelated-block",
	Summary: "a run of paragraphs unrelated to the rest of the article (glued-in neighbouring text)",
	Doc: `Scrapers glue neighbouring page content into an article: the next
article of a listing, a partner's essay, a sidebar feature. No phrase list
finds that; lexical cohesion does.

For every run of at least two paragraphs and 60 words (never starting in
the first two paragraphs, never spanning an endnote list, never running
from inside one section across the next section's title, mostly prose,
and no longer than one and a half times the article's own prose, or
four times it for a run that ends the document, which opens with its
article, or one that the article's parts before and after share words
around) the rule
compares the run's content words with the rest of the document, over
stop-listed, lightly stemmed words weighted by an embedded
document-frequency table built from CC-BY-4.0 article text (WCXB). Every
run is bounded in constant time from prefix sums; only runs that may pass
pay for the rest. The run's similarity is

    sqrt(cosine x capped cosine) + 0.25 x cosine with the 3 units before it

where the capped cosine caps the article's weight of each word (no single
word the article repeats, "food" or "app", carries the similarity) and
the last term asks for a cold start (an article introduces its own
digressions; a glued-in piece follows the article's last words on its own
subject). A run is reported when its similarity is below

    min(0.10, 0.5 x the document's median paragraph-to-rest cosine)
      x mass / (mass + 400) x 1.30 x (300 / mass)^(1/4)
      x words / 150 for runs under 150 words
      x sqrt(min(1, inner / 0.1))  (at least 0.5 after a marker line)
      x 0.7 for a run starting at a title of a sectioned document
      x evidence (1 to 2.5)       (mass: the run's IDF-weighted words)

and at least 3% of its weight sits on words it repeats and the article
never uses; inner is the cosine between the run's two halves. Small runs
thus need stronger evidence, a document whose paragraphs share little (a
digest) needs a lower similarity still, and so does a run whose parts
share nothing with each other either (an article's own list of unrelated
items, anecdotes or asides: a glued-in piece is one text), and a run that
starts at one of the document's titles, when two or more other titles
divide the document and no marker or name line introduces it (a guide's
or newsletter's sections each have their own subject). A
found run then takes in neighbouring paragraphs whose words are closer to
it than to the article.

A marker line before the run ("Related", "Share this:"), an organisation
line (a short capitalised name with an organisation word or acronym, such
as "Wilson Center"; title-case headings do not count), footnote markers
in the article but none in the run, or another typographic habit (the run
keeps to curly apostrophes, quotes or one kind of dash, the article to
another) raise the threshold by a bounded factor; they never flag a run
on their own. A Q&A answer, a roundup
section or a quote collection (judged on the article without the run),
and a run sharing a third of its names with the article, are reported as
info only. At most two runs are reported per document.

Measured on generated insertions into WCXB truth articles (go run
./cmd/hygiene-eval insertion -seeds 1,2,3; table and thresholds from the
tune half, figures from the other half): untouched articles flagged 1 of
348 (0.29%; on the tune half's clean pool of whole articles and crops,
0.06%); other-topic insertions of 150 words or more found with the right
range 95.5%, 93.2% without a marker line, 88.0% for donors close in
topic; under 150 words 71.4%; same-topic 3.5%.
It cannot find same-topic insertions, most asides under 150 words, or
pieces that share the article's subject words, glued-in text right
after the first paragraph, or a glued-in list of unrelated teasers with
no marker line before it; it holds a glued-in piece that brings its own
title into an article divided by titles, with no marker line, to a lower
bar, and still reports some of an article's own closing asides or
interview answers when nothing introduces them.

The message gives the lines, the similarity with its parts, threshold and
score, and the top terms of the run and of the article. The unsafe fix
removes the run with its marker and organisation lines and the blank lines
around them. Options: min-words (60), min-paragraphs (2).`,
	Bad: "...the coalition agreed on security guarantees for Ukraine.\n\nRelated\n\n" +
		"Sourdough needs a lively starter. Feed the starter flour and water...\n\nProof the dough overnight...",
	Good:      "...the coalition agreed on security guarantees for Ukraine.\n\nMoscow rejected any foreign troops in Ukraine...",
	Severity:  rules.Warning,
	FixSafety: fixers.Unsafe,
	Run:       runUnrelatedBlock,
	Prepare:   func() { defaultIDF() },
}

// roundupMaxBaseline: a roundup of unrelated items has paragraphs that
// share little with the rest (a median paragraph-to-rest cosine below it).
const roundupMaxBaseline = 0.2

// maxFindings bounds the blocks reported per document: a second insertion
// is possible (middle and end), more means the document is not an article.
const maxFindings = 2

func runUnrelatedBlock(pass *rules.Pass) {
	doc := pass.Doc
	if len(doc.Blocks) < 4 {
		return
	}
	p := defaultParams
	p.minWords = max(20, pass.Options.Int("min-words", p.minWords))
	p.minParas = max(1, pass.Options.Int("min-paragraphs", p.minParas))
	findBlocks(doc, p, defaultIDF(), pass.Report)
}

// findBlocks reports the unrelated blocks of doc weighted by idf (the
// tuning aids pass a leave-one-out table).
func findBlocks(doc *document.Document, p params, idf *idfTable, report func(rules.Finding)) {
	c := analyse(doc, idf)
	defer c.release()
	kind, kindKnown := "", false
	skipFrom, skipTo := -1, -1
	for k := 0; k < maxFindings; k++ {
		cand, ok := c.search(doc, p, skipFrom, skipTo)
		if !ok {
			return
		}
		if !kindKnown { // only documents with a finding need their genre
			span := c.blockSpan(doc, cand.i, cand.j)
			kind, kindKnown = genre(doc, span.Start, span.End), true
			if kind == genreRoundup && c.baseline() >= roundupMaxBaseline {
				// A listicle on one subject: its items share words, so a
				// block that shares none was not one of them.
				kind = ""
			}
		}
		report(c.finding(doc, cand, kind))
		skipFrom, skipTo = cand.i, cand.j
	}
}

// finding turns a candidate into a finding with its message and fix.
func (c *cohesion) finding(doc *document.Document, cand candidate, kind string) rules.Finding {
	span := c.blockSpan(doc, cand.i, cand.j)
	first := span.FirstLine
	if cand.leadFirst >= 0 {
		first = cand.leadFirst
	}
	blockNames, shared := nameCounts(doc, span.Start, span.End)
	sev := rules.Warning
	var why []string
	switch {
	case kind != "" && cand.leadFirst < 0 && c.partOfGenre(doc, kind, cand.i, cand.j):
		sev = rules.Info
		why = append(why, "reported as info: the document reads as a "+kind)
	case shared >= 3 && shared*3 >= blockNames:
		sev = rules.Info
		why = append(why, fmt.Sprintf("reported as info: it shares %d names with the article", shared))
	}
	msg := fmt.Sprintf("lines %d-%d (%d paragraphs, %d words) look unrelated to the rest of the article: "+
		"similarity %.3f (cosine %.3f, capped %.3f, with the lines before %.3f; threshold %.3f, score %.2f); "+
		"block terms: %s; article terms: %s",
		span.FirstLine+1, span.LastLine+1, cand.paras, cand.words, cand.sim, cand.cos, cand.capped, cand.lead,
		cand.threshold, cand.score,
		strings.Join(c.topTerms(cand.i, cand.j, true), ", "), strings.Join(c.topTerms(cand.i, cand.j, false), ", "))
	msg += supportText(cand.evidence, shared, blockNames)
	if len(why) > 0 {
		msg += " (" + strings.Join(why, "; ") + ")"
	}
	return rules.Finding{
		Start: span.Start, End: span.End, Severity: sev, Message: msg,
		Fix: &fixers.Fix{
			Message: fmt.Sprintf("remove lines %d-%d", first+1, span.LastLine+1),
			Safety:  fixers.Unsafe,
			Edits:   []fixers.Edit{fixers.RemoveLines(doc, first, span.LastLine)},
		},
	}
}

func supportText(e evidence, shared, blockNames int) string {
	var s []string
	if e.marker != "" {
		s = append(s, fmt.Sprintf("after the marker line %q", e.marker))
	}
	if e.org != "" {
		s = append(s, fmt.Sprintf("after the name line %q", e.org))
	}
	if e.footnotes {
		s = append(s, "the article cites notes, the block none")
	}
	if e.typography {
		s = append(s, "the block sets its apostrophes, quotes or dashes otherwise than the article")
	}
	if shared == 0 && blockNames > 0 {
		s = append(s, "no names shared with the article")
	}
	if len(s) == 0 {
		return ""
	}
	return "; " + strings.Join(s, "; ")
}

// topTerms lists the heaviest terms (TF-IDF) of the block i..j, or of the
// host when block is false, heaviest first, ties in key order.
//
// The weights are summed in a slice indexed by term and the five heaviest
// kept by insertion: a map of the weights, sorted whole, cost a twentieth
// of the rule on whole pages (the host holds thousands of terms, and the
// sort looked each one up in the map at every comparison).
func (c *cohesion) topTerms(i, j int, block bool) []string {
	weight := make([]float64, len(c.termKeys))
	seen := make([]bool, len(c.termKeys))
	for u := 0; u < c.n; u++ {
		if (u >= i && u <= j) != block {
			continue
		}
		for _, e := range c.entries[c.entryStart[u]:c.entryStart[u+1]] {
			weight[e.term] += e.tf * c.termWeight[e.term]
			seen[e.term] = true
		}
	}
	heavier := func(a, b int32) bool {
		if d := cmp.Compare(weight[b], weight[a]); d != 0 {
			return d < 0
		}
		return c.termKeys[a] < c.termKeys[b]
	}
	const top = 5
	best := make([]int32, 0, top+1)
	for t := range weight {
		if !seen[t] {
			continue
		}
		k := len(best)
		for k > 0 && heavier(int32(t), best[k-1]) {
			k--
		}
		if k < top {
			best = slices.Insert(best, k, int32(t))[:min(len(best)+1, top)]
		}
	}
	out := make([]string, 0, len(best))
	for _, t := range best {
		out = append(out, c.termKeys[t])
	}
	return out
}

// partOfGenre reports whether the block is one of the parts that make the
// document a Q&A, roundup or quote collection: an answer (a question or a
// speaker label just before or at its start), a section under its own
// heading, or quotes. A block glued into such a document without that
// shape, or after a marker line, is still a warning.
func (c *cohesion) partOfGenre(doc *document.Document, kind string, i, j int) bool {
	switch kind {
	case genreQA:
		if i == 0 {
			return false
		}
		prev := doc.Blocks[c.units[i-1].lastBlock]
		first := doc.Blocks[c.units[i].firstBlock]
		return bytes.HasSuffix(bytes.TrimSpace(doc.Src[prev.ContentStart:prev.End]), []byte("?")) ||
			speakerLabel(bytes.TrimSpace(doc.Src[first.ContentStart:first.End]))
	case genreRoundup:
		before := c.units[i].title || i > 0 && c.units[i-1].title
		after := j+1 >= c.n || c.units[j+1].title || c.units[j+1].segment != c.units[j].segment
		return before && after && c.itemSized(i, j)
	}
	return true
}

// itemSized reports whether run i..j is no longer, in paragraphs, than
// the longest of the document's other sections (split at its titles), or
// holds at most two paragraphs: a roundup's items are alike in size, and
// a glued-in article of six paragraphs after items of one is none of them.
func (c *cohesion) itemSized(i, j int) bool {
	paras := c.paras[j+1] - c.paras[i]
	if paras <= 2 {
		return true
	}
	longest, cur := 0, 0
	for u := 0; u < c.n; u++ {
		if u >= i && u <= j {
			continue
		}
		if c.units[u].title {
			cur = 0
		}
		cur += c.units[u].paras
		longest = max(longest, cur)
	}
	return paras <= longest
}
