package boilerplate

import (
	"fmt"
	"hash/fnv"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// CorpusTemplate flags lines that recur across many documents of one
// source: the site's template, whatever its wording (CCNet-style).
var CorpusTemplate = &rules.Rule{
	ID:      "boilerplate/corpus-template",
	Summary: "a line that recurs across many documents of the same source (a site template)",
	Doc: `Collect phase: every short standalone line (at most 600 bytes, outside
code, tables and endnotes) is normalised (lower case, digits as "#",
punctuation dropped) and hashed to 64 bits; a document keeps one fingerprint
per distinct line, keyed by its source (doc.Meta.Source: the first directory
level under a directory argument, or a record field). Memory: 8 bytes per
distinct short line per document plus a count per fingerprint and source;
never the text.

Run phase: a line whose fingerprint occurs in at least min-docs documents
(option, default 5) and in at least min-share of the source's documents
(option, default 0.3) is a template line: warning outside the main body,
info inside it. Headings that legitimately repeat ("Key Takeaways",
"Conclusion", "Notes", "References", ...) and one-word lines inside the
body are never flagged. Documents without a source are grouped under "".
The fix (unsafe) removes the line with its blank separator.`,
	Bad:       "(in 40 of 50 files of one site) Sign up for the Example Daily briefing",
	Good:      "(in 40 of 50 files of one site) Key Takeaways",
	Severity:  rules.Warning,
	FixSafety: fixers.Unsafe,
	Collect:   collectTemplates,
	Merge:     mergeTemplates,
	Run:       runTemplates,
}

// templateFacts is the corpus summary: per source, how many documents and
// how many documents hold each line fingerprint.
type templateFacts struct {
	docs  map[string]int
	lines map[string]map[uint64]int
}

// legitRepeats are headings many clean articles of one source share.
var legitRepeats = map[string]bool{
	"key takeaways": true, "conclusion": true, "conclusions": true, "summary": true, "introduction": true,
	"background": true, "overview": true, "analysis": true, "notes": true, "references": true, "sources": true,
	"footnotes": true, "endnotes": true, "methodology": true, "faq": true, "faqs": true, "toplines": true,
	"key points": true, "takeaways": true, "what happened": true, "why it matters": true, "next steps": true,
	"recommendations": true, "bibliography": true, "further reading": true, "fazit": true, "einleitung": true,
	"anmerkungen": true, "quellen": true, "résumé": true, "conclusión": true, "introducción": true,
}

func fingerprint(norm string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(norm))
	return h.Sum64()
}

func collectTemplates(doc *document.Document, _ rules.Options) rules.Summary {
	a := analyse(doc)
	seen := map[uint64]int{}
	for _, c := range a.cands {
		if !legitRepeats[c.norm] {
			seen[fingerprint(c.norm)] = 1
		}
	}
	src := doc.Meta.Source
	return &templateFacts{docs: map[string]int{src: 1}, lines: map[string]map[uint64]int{src: seen}}
}

// mergeTemplates folds b into a (a is owned by the merge chain).
func mergeTemplates(x, y rules.Summary) rules.Summary {
	a, b := x.(*templateFacts), y.(*templateFacts)
	for src, n := range b.docs {
		a.docs[src] += n
		m := a.lines[src]
		if m == nil {
			a.lines[src] = b.lines[src]
			continue
		}
		for fp, k := range b.lines[src] {
			m[fp] += k
		}
	}
	return a
}

func runTemplates(pass *rules.Pass) {
	facts, ok := pass.Corpus.(*templateFacts)
	if !ok {
		return
	}
	src := pass.Doc.Meta.Source
	total := facts.docs[src]
	minDocs := pass.Options.Int("min-docs", 5)
	minShare := pass.Options.Float("min-share", 0.3)
	if total < minDocs {
		return
	}
	a := analyse(pass.Doc)
	counts := facts.lines[src]
	for _, c := range a.cands {
		if legitRepeats[c.norm] {
			continue
		}
		n := counts[fingerprint(c.norm)]
		if n < minDocs || float64(n) < minShare*float64(total) {
			continue
		}
		sev := rules.Warning
		if a.inBody(c.block) {
			if wordCount(c.norm) < 2 {
				continue
			}
			sev = rules.Info
		}
		reportLines(pass, c.line, c.line, sev, fixers.Unsafe, "template line",
			fmt.Sprintf("line recurs in %d of %d documents of source %q (a site template), %s", n, total, src, a.position(c.block)))
	}
}
