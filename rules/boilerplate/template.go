package boilerplate

import (
	"fmt"
	"math"
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
punctuation dropped) and keyed by a 64-bit fingerprint (its length and a
54-bit hash); a document's summary is its
distinct fingerprints and its source (doc.Meta.Source: the first
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
// summary keeps only its distinct fingerprints (8 bytes per distinct
// short line); merging folds them into per-source counts.
type templateFacts struct {
	docs  map[string]int
	lines map[string]map[uint64]int

	// For one document, before any merge:
	source string
	single []uint64

	// frequent caches, per source, min-docs and min-share, the lines of
	// at least min-docs documents and min-share of the source's
	// documents, with their counts (templateLines).
	mu       sync.Mutex
	frequent map[frequentKey]*templateSet
}

// templateSet is the lines of one source that pass the run phase's
// counts, with their counts, and the lengths of their normal forms
// (fingerprintLength): a line of another length is none of them, and is
// not hashed.
type templateSet struct {
	counts  map[uint64]int
	lengths [1 << fpLengthBits / 64]uint64 // a bit per length
}

// mayHold reports whether a line whose normal form is norm may be in
// the set: false when no line of the set has its length.
func (t *templateSet) mayHold(norm string) bool {
	n := normLength(norm)
	return t.lengths[n>>6]&(1<<(n&63)) != 0
}

// frequentKey holds min-share as its bits: a NaN share (never equal to
// itself) still finds its entry.
type frequentKey struct {
	source   string
	minDocs  int
	minShare uint64
}

// frequentLines returns src's lines that occur in at least minDocs
// documents, with their counts (templateLines without a share).
func (t *templateFacts) frequentLines(src string, minDocs int) map[uint64]int {
	return t.templateLines(src, minDocs, 0).counts
}

// templateLines returns src's lines that pass runTemplates' counts (in
// at least minDocs documents, and in no less than minShare of the
// source's documents), with their counts, computed once per source and
// thresholds: every candidate line of every document is looked up, and
// a map of the few template lines stays in the processor's cache where
// the source's map of all its lines does not. A source without a
// template line (most: the WCXB pages and texts have none) then costs
// its documents no lookup at all.
func (t *templateFacts) templateLines(src string, minDocs int, minShare float64) *templateSet {
	t.mu.Lock()
	defer t.mu.Unlock()
	key := frequentKey{src, minDocs, math.Float64bits(minShare)}
	if m, ok := t.frequent[key]; ok {
		return m
	}
	total := float64(t.docs[src])
	m := &templateSet{counts: map[uint64]int{}}
	for fp, n := range t.lines[src] {
		if n >= minDocs && !(float64(n) < minShare*total) {
			m.counts[fp] = n
			k := fingerprintLength(fp)
			m.lengths[k>>6] |= 1 << (k & 63)
		}
	}
	if t.frequent == nil {
		t.frequent = map[frequentKey]*templateSet{}
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

// fingerprint is a 64-bit key of a normalised line: its length in the
// top fpLengthBits bits, below them a hash of it, FNV-1a's steps over
// eight bytes at a time (lines run to hundreds of bytes), the length, and
// a final mix so that every input bit reaches every output bit.
func fingerprint[T string | []byte](norm T) uint64 {
	h := uint64(fnvOffset)
	// Two packs a step: the same steps, with a third fewer instructions
	// for the tests around them (the hash of every line of the corpus
	// pass: 14.7M -> 9.8M on the WCXB truth texts).
	rest := norm
	for len(rest) >= 16 {
		h = (h ^ le64(rest[:8])) * fnvPrime
		h = (h ^ le64(rest[8:16])) * fnvPrime
		rest = rest[16:]
	}
	if len(rest) >= 8 {
		h = (h ^ le64(rest[:8])) * fnvPrime
		rest = rest[8:]
	}
	for i := 0; i < len(rest); i++ {
		h = (h ^ uint64(rest[i])) * fnvPrime
	}
	h = (h ^ uint64(len(norm))) * fnvPrime
	h ^= h >> 32
	h *= 0x9E3779B97F4A7C15
	h ^= h >> 29
	return h>>fpLengthBits | uint64(normLength(norm))<<(64-fpLengthBits)
}

// fpLengthBits is how many of a fingerprint's bits hold the length of
// the normal form (normLength): a 54-bit hash is ample for the lines of
// one source, and the run phase tells lines of other lengths from the
// template lines without hashing them.
const fpLengthBits = 10

// normLength is the length of a normal form, capped to fit the
// fingerprint's length bits (normal forms of candidate lines have at most
// maxPhraseLine bytes).
func normLength[T string | []byte](norm T) int {
	return min(len(norm), 1<<fpLengthBits-1)
}

// fingerprintLength is the length of the normal form fingerprint fp
// was made of (normLength).
func fingerprintLength(fp uint64) int { return int(fp >> (64 - fpLengthBits)) }

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
//
// It walks the lines eachCandidateLine walks, but normalises each line as
// it stands: the normal form drops leading and trailing white space
// anyway, so the trimmed raw text eachCandidateLine also gives is not
// needed. A line already seen in the document is dropped by a pooled set
// instead of sorting all of them (a page has hundreds of short lines):
// the pass's instructions -3% on the WCXB pages and truth texts.
func collectTemplates(doc *document.Document, _ rules.Options) rules.Summary {
	seen := lineSets.Get().(*lineSet)
	defer lineSets.Put(seen)
	seen.reset(len(doc.Lines))
	var buf [maxPhraseLine]byte
	for _, b := range doc.Blocks {
		if !checkedBlock(b) {
			continue
		}
		for i := b.FirstLine; i <= b.LastLine; i++ {
			l := doc.Lines[i]
			if l.End-l.Start > maxPhraseLine || !standaloneLine(doc, b, i) {
				continue
			}
			norm := appendNormal(buf[:0], doc.Src[l.Start:l.End])
			// Lines longer than any legitimate repeat (most) are not
			// looked up.
			if len(norm) == 0 || len(norm) <= maxLegitRepeat && legitRepeats[string(norm)] {
				continue
			}
			seen.add(fingerprint(norm))
		}
	}
	return &templateFacts{source: doc.Meta.Source, single: slices.Clone(seen.order)}
}

// lineSet holds the distinct fingerprints of one document's lines in the
// order first met: an open-addressing table of the fingerprints
// themselves (they are hashes already), with 0 as the empty mark and a
// flag for the fingerprint 0. The table grows with the distinct lines,
// at most half full, so a document of a million short lines does not
// make every later document clear a table that size.
type lineSet struct {
	slots   []uint64
	mask    uint64
	hasZero bool
	order   []uint64
}

var lineSets = sync.Pool{New: func() any { return new(lineSet) }}

// maxPresetLines caps the lines reset sizes the table for: beyond, it
// grows as distinct lines come.
const maxPresetLines = 1024

// reset empties the set, with room for n fingerprints (at most
// maxPresetLines) before it grows.
func (s *lineSet) reset(n int) {
	s.resize(min(n, maxPresetLines))
	s.hasZero = false
	s.order = s.order[:0]
}

// resize makes an empty table of at least 16 slots and twice n.
func (s *lineSet) resize(n int) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	if cap(s.slots) >= size {
		s.slots = s.slots[:size]
		clear(s.slots)
	} else {
		s.slots = make([]uint64, size)
	}
	s.mask = uint64(size - 1)
}

// add puts fp in the set unless it is there.
func (s *lineSet) add(fp uint64) {
	if fp == 0 {
		if !s.hasZero {
			s.hasZero = true
			s.order = append(s.order, 0)
		}
		return
	}
	if !s.insert(fp) {
		return
	}
	s.order = append(s.order, fp)
	if 2*len(s.order) > len(s.slots) {
		s.resize(len(s.order) * 2)
		for _, x := range s.order {
			if x != 0 {
				s.insert(x)
			}
		}
	}
}

// insert files fp in the table and reports whether it was new.
func (s *lineSet) insert(fp uint64) bool {
	i := fp & s.mask
	for ; s.slots[i] != 0; i = (i + 1) & s.mask {
		if s.slots[i] == fp {
			return false
		}
	}
	s.slots[i] = fp
	return true
}

// counted turns a single document's summary into counts.
func (t *templateFacts) counted() *templateFacts {
	if t.docs != nil {
		return t
	}
	m := make(map[uint64]int, len(t.single))
	for _, fp := range t.single {
		m[fp] = 1
	}
	return &templateFacts{docs: map[string]int{t.source: 1}, lines: map[string]map[uint64]int{t.source: m}}
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
			m = map[uint64]int{}
			a.lines[b.source] = m
		}
		for _, fp := range b.single {
			m[fp]++
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
		for fp, k := range b.lines[src] {
			m[fp] += k
		}
	}
	return a
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
	set := facts.templateLines(src, minDocs, minShare)
	if len(set.counts) == 0 {
		return // no line of the source can be reported
	}
	a := analyse(pass.Doc)
	for ci := range a.cands {
		c := &a.cands[ci]
		// Few lines recur: a line of a length none of them has is not
		// hashed, and the count is looked up first.
		if !set.mayHold(c.norm) {
			continue
		}
		n := set.counts[fingerprint(c.norm)]
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
		reportLines(pass, c.line, c.line, sev, fixers.Unsafe, removeTemplate,
			fmt.Sprintf("line recurs in %d of %d documents of source %q (a site template), %s", n, total, src, a.position(c.block)))
	}
}
