package boilerplate

import (
	"fmt"
	"math/bits"
	"slices"
	"sync"

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
punctuation dropped) and hashed to 64 bits; a document's summary is its
sorted distinct fingerprints and its source (doc.Meta.Source: the first
directory level under a directory argument, or a record field). Memory:
8 bytes per distinct short line per document (a 100-line page: under
1 KB), and after merging one fingerprint and counter per distinct line
per source; never the text.

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
// how many documents hold each line fingerprint. A single document's
// summary keeps only its sorted fingerprints (8 bytes per distinct short
// line); merging folds them into per-source counts.
type templateFacts struct {
	docs  map[string]int
	lines map[string]*lineCounts

	// For one document, before any merge:
	source string
	single []uint64

	// frequent caches, per source and min-docs, the lines of at least
	// min-docs documents with their counts (frequentLines).
	mu       sync.Mutex
	frequent map[frequentKey]map[uint64]int
}

type frequentKey struct {
	source  string
	minDocs int
}

// frequentLines returns src's lines that occur in at least minDocs
// documents, with their counts, computed once per source and minDocs:
// every candidate line of every document is looked up, and a map of the
// few template lines stays in the processor's cache where the source's
// map of all its lines does not.
func (t *templateFacts) frequentLines(src string, minDocs int) map[uint64]int {
	t.mu.Lock()
	defer t.mu.Unlock()
	key := frequentKey{src, minDocs}
	if m, ok := t.frequent[key]; ok {
		return m
	}
	m := map[uint64]int{}
	t.lines[src].each(func(fp uint64, n int) {
		if n >= minDocs {
			m[fp] = n
		}
	})
	if t.frequent == nil {
		t.frequent = map[frequentKey]map[uint64]int{}
	}
	t.frequent[key] = m
	return m
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

// maxLegitRepeat is the length of the longest of legitRepeats.
var maxLegitRepeat = func() int {
	n := 0
	for h := range legitRepeats {
		n = max(n, len(h))
	}
	return n
}()

// fingerprint is a 64-bit hash of a normalised line: FNV-1a's steps
// over eight bytes at a time (lines run to hundreds of bytes), the
// length, and a final mix so that every input bit reaches every output
// bit.
func fingerprint[T string | []byte](norm T) uint64 {
	h := uint64(fnvOffset)
	i := 0
	for ; i+8 <= len(norm); i += 8 {
		h = (h ^ le64(norm[i:i+8])) * fnvPrime
	}
	for ; i < len(norm); i++ {
		h = (h ^ uint64(norm[i])) * fnvPrime
	}
	h = (h ^ uint64(len(norm))) * fnvPrime
	h ^= h >> 32
	h *= 0x9E3779B97F4A7C15
	return h ^ h>>29
}

func le64[T string | []byte](s T) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// collectTemplates hashes the candidate lines without the rest of the
// shared analysis: the corpus pass builds its own document, so nothing
// computed here would be reused by the rules.
func collectTemplates(doc *document.Document, _ rules.Options) rules.Summary {
	var fps []uint64
	eachCandidateLine(doc, func(_, _, _ int, _, norm []byte) {
		// Lines longer than any legitimate repeat (most) are not looked up.
		if len(norm) > maxLegitRepeat || !legitRepeats[string(norm)] {
			fps = append(fps, fingerprint(norm))
		}
	})
	slices.Sort(fps)
	return &templateFacts{source: doc.Meta.Source, single: slices.Compact(fps)}
}

// counted turns a single document's summary into counts.
func (t *templateFacts) counted() *templateFacts {
	if t.docs != nil {
		return t
	}
	m := &lineCounts{}
	for _, fp := range t.single {
		m.add(fp, 1)
	}
	return &templateFacts{docs: map[string]int{t.source: 1}, lines: map[string]*lineCounts{t.source: m}}
}

// mergeTemplates folds y into x; x may be reused (summaries are merged
// into a running total and never read again).
func mergeTemplates(x, y rules.Summary) rules.Summary {
	a := x.(*templateFacts).counted()
	b := y.(*templateFacts)
	if b.docs == nil {
		a.docs[b.source]++
		m := a.lines[b.source]
		if m == nil {
			m = &lineCounts{}
			a.lines[b.source] = m
		}
		for _, fp := range b.single {
			m.add(fp, 1)
		}
		return a
	}
	for src, n := range b.docs {
		a.docs[src] += n
		m := a.lines[src]
		if m == nil {
			a.lines[src] = b.lines[src]
			continue
		}
		b.lines[src].each(m.add)
	}
	return a
}

// lineCounts counts, per line fingerprint, the documents of a source that
// hold the line: an open-addressing table with linear probing, at most
// three quarters full. The corpus pass adds every short line of every
// document to it, and a map's hashing and groups cost more than slots
// picked by the fingerprint's own top bits (a fingerprint is a mixed
// 64-bit hash already); it is smaller too (WCXB truth texts: the corpus
// state 8.1 -> 5.6 KB per document). Fingerprint 0 marks an empty slot,
// so its count is kept apart.
type lineCounts struct {
	slots []lineCount
	used  int
	zero  int32 // the count of fingerprint 0
}

type lineCount struct {
	fp    uint64
	count int32
}

// add adds n to fp's count.
func (c *lineCounts) add(fp uint64, n int) {
	if fp == 0 {
		c.zero += int32(n)
		return
	}
	if 4*(c.used+1) > 3*len(c.slots) {
		c.grow()
	}
	mask := uint64(len(c.slots) - 1)
	for i := c.slot(fp); ; i = (i + 1) & mask {
		s := &c.slots[i]
		if s.fp == fp {
			s.count += int32(n)
			return
		}
		if s.fp == 0 {
			s.fp, s.count = fp, int32(n)
			c.used++
			return
		}
	}
}

// count returns fp's count; a nil table counts nothing.
func (c *lineCounts) count(fp uint64) int {
	if c == nil {
		return 0
	}
	if fp == 0 {
		return int(c.zero)
	}
	if len(c.slots) == 0 {
		return 0
	}
	mask := uint64(len(c.slots) - 1)
	for i := c.slot(fp); ; i = (i + 1) & mask {
		switch c.slots[i].fp {
		case fp:
			return int(c.slots[i].count)
		case 0:
			return 0
		}
	}
}

// each calls fn with every fingerprint counted and its count; a nil table
// has none.
func (c *lineCounts) each(fn func(fp uint64, n int)) {
	if c == nil {
		return
	}
	if c.zero > 0 {
		fn(0, int(c.zero))
	}
	for _, s := range c.slots {
		if s.fp != 0 {
			fn(s.fp, int(s.count))
		}
	}
}

// slot is where fp's probe starts: its top bits.
func (c *lineCounts) slot(fp uint64) uint64 {
	return fp >> (64 - bits.TrailingZeros(uint(len(c.slots))))
}

// grow doubles the table (to 1024 slots at first) and re-files the
// fingerprints.
func (c *lineCounts) grow() {
	old := c.slots
	c.slots = make([]lineCount, max(1024, 2*len(old)))
	c.used = 0
	zero := c.zero
	for _, s := range old {
		if s.fp != 0 {
			c.add(s.fp, int(s.count))
		}
	}
	c.zero = zero
}

func runTemplates(pass *rules.Pass) {
	f, ok := pass.Corpus.(*templateFacts)
	if !ok || f == nil {
		return
	}
	facts := f.counted()
	src := pass.Doc.Meta.Source
	total := facts.docs[src]
	minDocs := pass.Options.Int("min-docs", 5)
	minShare := pass.Options.Float("min-share", 0.3)
	if total < minDocs {
		return
	}
	a := analyse(pass.Doc)
	counts := facts.frequentLines(src, minDocs)
	for _, c := range a.cands {
		// Few lines recur: the count is looked up first.
		n := counts[fingerprint(c.norm)]
		if n < minDocs || float64(n) < minShare*float64(total) || len(c.norm) <= maxLegitRepeat && legitRepeats[c.norm] {
			continue
		}
		sev := rules.Warning
		if a.inBody(c.block) {
			if c.words < 2 {
				continue
			}
			sev = rules.Info
		}
		reportLines(pass, c.line, c.line, sev, fixers.Unsafe, "template line",
			fmt.Sprintf("line recurs in %d of %d documents of source %q (a site template), %s", n, total, src, a.position(c.block)))
	}
}
