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

Candidates are runs of at least two paragraphs and 60 words, never starting
at the first paragraph, never spanning an endnote list, mostly prose, no
longer than three times the article's own prose, and with at least 3% of
their weight on words they repeat and the article never uses. Each is
scored in constant time from prefix sums: a logistic evidence score
combines
  - the TF-IDF cosine of the run with the rest of the document (stop-listed,
    lightly stemmed words; document frequencies embedded from CC-BY-4.0
    WCXB article text) and the document's median paragraph-to-rest cosine;
  - the run's cosine with the paragraphs just around it, and of those
    before with those after (an insertion is a valley with both sides alike);
  - the cohesion of the run's two halves, its IDF mass and size (short runs
    need more evidence), and whether it ends the document;
  - style gaps between run and article: words per sentence, first- and
    second-person pronoun rates, curly against straight quotes, dashes;
  - a marker line before it ("Related", "Share this:"), a short
    organisation name line, notes cited in the article but not in the run:
    bounded support, never a trigger on its own.
Weights and threshold were fitted on the tune half of the WCXB truth texts
only (rules/insertion/fit_test.go).

A Q&A answer, a roundup section or a quote collection (the genre judged
without the runs found), and a run sharing a third of its names with the
article, are reported as info only. At most two runs per document.

Measured (go run ./cmd/hygiene-eval insertion, held-out half, seeds 1-3):
untouched articles warned 1.44%; other-topic insertions of 150 words or
more found 94.6-95.2% (end 95-96%, middle 93-95%, 96-97% after a marker
line, 92-93% without); under 150 words 77-83%; same-topic 3-5%. It misses
near-topic insertions and short asides, and warns on real off-topic
passages of articles (promotions, notices, personal asides).

The message gives the lines, the cosines, the evidence over the threshold
and the top terms of the run and of the article. The unsafe fix removes the
run with its marker and organisation lines and the blank lines around them.
Options: min-words (60), min-paragraphs (2).`,
	Bad: "...the coalition agreed on security guarantees for Ukraine.\n\nRelated\n\n" +
		"Sourdough needs a lively starter. Feed the starter flour and water...\n\nProof the dough overnight...",
	Good:      "...the coalition agreed on security guarantees for Ukraine.\n\nMoscow rejected any foreign troops in Ukraine...",
	Severity:  rules.Warning,
	FixSafety: fixers.Unsafe,
	Run:       runUnrelatedBlock,
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
	c := analyse(doc, defaultIDF())
	defer c.release()
	var found []candidate
	skipFrom, skipTo := -1, -1
	for len(found) < maxFindings {
		cand, ok := c.search(doc, p, skipFrom, skipTo)
		if !ok {
			break
		}
		found = append(found, cand)
		skipFrom, skipTo = cand.i, cand.j
	}
	if len(found) == 0 {
		return
	}
	// The genre is judged without the blocks found: they are not the
	// document's own, and would hide a Q&A's shape.
	var spans [][2]int
	for _, cand := range found {
		span := c.blockSpan(doc, cand.i, cand.j)
		spans = append(spans, [2]int{span.Start, span.End})
	}
	kind := genre(doc, spans...)
	if kind == genreRoundup && c.baseline() >= roundupMaxBaseline {
		// A listicle on one subject: its items share words, so a block
		// that shares none was not one of them.
		kind = ""
	}
	for _, cand := range found {
		pass.Report(c.finding(doc, cand, kind))
	}
}

// finding turns a candidate into a finding with its message and fix.
func (c *cohesion) finding(doc *document.Document, cand candidate, kind string) rules.Finding {
	span := c.blockSpan(doc, cand.i, cand.j)
	first := span.FirstLine
	if cand.leadFirst >= 0 {
		first = cand.leadFirst
	}
	hostNames, blockNames := c.hostAndBlockNames(doc, span)
	shared := 0
	for n := range blockNames {
		if hostNames[n] {
			shared++
		}
	}
	sev := rules.Warning
	var why []string
	switch {
	case kind != "" && cand.leadFirst < 0 && c.partOfGenre(doc, kind, cand.i, cand.j):
		sev = rules.Info
		why = append(why, "reported as info: the document reads as a "+kind)
	case shared >= 3 && shared*3 >= len(blockNames):
		sev = rules.Info
		why = append(why, fmt.Sprintf("reported as info: it shares %d names with the article", shared))
	}
	msg := fmt.Sprintf("lines %d-%d (%d paragraphs, %d words) look unrelated to the rest of the article: "+
		"cosine %.3f with it, %.3f with the paragraphs around it (evidence %+.2f over the threshold); "+
		"block terms: %s; article terms: %s",
		span.FirstLine+1, span.LastLine+1, cand.paras, cand.words, cand.cos, cand.near, cand.z,
		strings.Join(c.topTerms(cand.i, cand.j, true), ", "), strings.Join(c.topTerms(cand.i, cand.j, false), ", "))
	msg += supportText(cand.evidence, shared, len(blockNames))
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
	if shared == 0 && blockNames > 0 {
		s = append(s, "no names shared with the article")
	}
	if len(s) == 0 {
		return ""
	}
	return "; " + strings.Join(s, "; ")
}

func (c *cohesion) hostAndBlockNames(doc *document.Document, span document.Block) (host, block map[string]bool) {
	block = names(doc, span.Start, span.End)
	host = names(doc, 0, span.Start)
	for n := range names(doc, span.End, len(doc.Src)) {
		host[n] = true
	}
	return host, block
}

// topTerms lists the heaviest terms (TF-IDF) of the block i..j, or of the
// host when block is false.
func (c *cohesion) topTerms(i, j int, block bool) []string {
	weight := map[int32]float64{}
	for u := 0; u < c.n; u++ {
		if (u >= i && u <= j) != block {
			continue
		}
		for _, e := range c.entries[c.entryStart[u]:c.entryStart[u+1]] {
			weight[e.term] += e.tf * c.termWeight[e.term]
		}
	}
	terms := make([]int32, 0, len(weight))
	for t := range weight {
		terms = append(terms, t)
	}
	slices.SortFunc(terms, func(a, b int32) int {
		if d := cmp.Compare(weight[b], weight[a]); d != 0 {
			return d
		}
		return cmp.Compare(c.termKeys[a], c.termKeys[b])
	})
	out := make([]string, 0, 5)
	for _, t := range terms[:min(5, len(terms))] {
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
		firstText := bytes.TrimSpace(doc.Src[first.ContentStart:first.End])
		return bytes.HasSuffix(bytes.TrimSpace(doc.Src[prev.ContentStart:prev.End]), []byte("?")) ||
			first.Kind == document.Heading && bytes.HasSuffix(firstText, []byte("?")) ||
			speakerLabel(firstText)
	case genreRoundup:
		before := c.units[i].title || i > 0 && c.units[i-1].title
		after := j+1 >= c.n || c.units[j+1].title || c.units[j+1].segment != c.units[j].segment
		return before && after
	}
	return true
}
