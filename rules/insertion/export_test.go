package insertion

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// Thresholds are the tunable parameters, exposed to the tuning grid in
// tune_test.go.
type Thresholds struct{ MaxCos, RelCos, HalfMass, MinExclusive float64 }

// FlagWith runs the block search with other thresholds and returns the
// 1-based lines of the best block, or ok=false.
func FlagWith(doc *document.Document, t Thresholds) (ok bool, first, last int) {
	c := analyse(doc, defaultIDF())
	defer c.release()
	p := defaultParams
	p.maxCos, p.relCos, p.halfMass, p.minExclusive = t.MaxCos, t.RelCos, t.HalfMass, t.MinExclusive
	cand, ok := c.search(doc, p, -1, -1)
	if !ok {
		return false, 0, 0
	}
	return true, doc.Blocks[c.units[cand.i].firstBlock].FirstLine + 1, doc.Blocks[c.units[cand.j].lastBlock].LastLine + 1
}

// RunInfo describes one candidate run for the tuning aids.
type RunInfo struct {
	First, Last                          int // 1-based lines
	Cos, Thr, Score, Excl, Mass, Base    float64
	Words, Paras                         int
	Marker, Org                          string
	Footnotes                            bool
	Fail                                 string // the first check the run fails, "" when it passes
	Units, HostParas, HostWords, DocUnit int
}

// why names the first check run i..j fails, "" when it passes.
func (c *cohesion) why(doc *document.Document, p params, i, j, firstPara int) string {
	u := c.units
	words := c.words[j+1] - c.words[i]
	paras := c.paras[j+1] - c.paras[i]
	hostWords := c.words[c.n] - words
	hostParas := c.paras[c.n] - paras
	prose := c.proseWords[j+1] - c.proseWords[i]
	hostProse := c.proseWords[c.n] - prose
	switch {
	case i <= firstPara:
		return "first"
	case !c.canStart(doc, i):
		return "start"
	case u[i].segment != u[j].segment:
		return "segment"
	case u[j].heading:
		return "heading-end"
	case paras < p.minParas:
		return "paras"
	case words < p.minWords:
		return "words"
	case hostWords < p.minHostWords || hostParas < 2:
		return "host-small"
	case outgrows(words, hostWords, hostProse) && (outgrowsLong(words, hostProse) || !c.longAllowed(i, j, c.baseline())):
		return "too-long"
	case float64(prose) < minProseShare*float64(words):
		return "prose"
	case c.exclusive(i, j) < p.minExclusive:
		return "exclusive"
	case c.splitsSections(i, j, c.leadLines(doc, i)):
		return "sections"
	}
	return ""
}

func (c *cohesion) info(doc *document.Document, p params, i, j, firstPara int, base float64) RunInfo {
	r := c.measure(i, j)
	e := c.leadLines(doc, i)
	e.footnotes = c.noteRefs[j+1]-c.noteRefs[i] == 0 && c.noteRefs[c.n] >= 2
	e.typography = c.otherTypography(i, j)
	thr := p.threshold(r.mass, base) * e.relax() * smallBlockFactor(r.words) * p.massFactor(r.mass) * c.innerFactor(i, j, e) *
		c.sectionFactor(i, j, e)
	sim := math.Sqrt(r.cos*max(c.cappedCos(i, j), minCapRatio*r.cos)) + p.leadWeight*c.leadCos(i, j)
	span := c.blockSpan(doc, i, j)
	ri := RunInfo{First: span.FirstLine + 1, Last: span.LastLine + 1, Cos: r.cos, Thr: thr, Excl: r.exclusive,
		Mass: r.mass, Base: base, Words: r.words, Paras: r.paras, Marker: e.marker, Org: e.org, Footnotes: e.footnotes,
		Units: j - i + 1, HostParas: c.paras[c.n] - r.paras, HostWords: c.words[c.n] - r.words, DocUnit: c.n}
	ri.Score = math.Inf(1)
	if thr > 0 {
		ri.Score = sim / thr
	}
	ri.Fail = c.why(doc, p, i, j, firstPara)
	if ri.Fail == "" && ri.Score >= 1 {
		ri.Fail = "cosine"
	}
	return ri
}

// Diagnose returns the search's top candidate (passing or not) and, when
// first > 0, the run inside lines first..last (1-based) that comes
// closest to passing: the fewest failed checks, then the lowest score.
func Diagnose(doc *document.Document, first, last int) (top RunInfo, inside RunInfo, found bool) {
	c := analyse(doc, defaultIDF())
	defer c.release()
	p := defaultParams
	firstPara := c.firstParagraph()
	base := c.baseline()
	cand, ok := c.search(doc, p, -1, -1)
	if cand.threshold > 0 {
		top = c.info(doc, p, cand.i, cand.j, firstPara, base)
		if ok && top.Fail == "cosine" {
			// A found run grown by neighbours may score up to growLimit:
			// it is still reported.
			top.Fail = ""
		}
	}
	if first <= 0 {
		return top, inside, false
	}
	rank := map[string]int{"": 0, "cosine": 1, "exclusive": 2}
	bestRank, bestScore := 99, 0.0
	for i := 0; i < c.n; i++ {
		for j := i; j < c.n; j++ {
			s := c.blockSpan(doc, i, j)
			if s.FirstLine+1 < first || s.LastLine+1 > last {
				continue
			}
			ri := c.info(doc, p, i, j, firstPara, base)
			rk, ok := rank[ri.Fail]
			if !ok {
				rk = 3
			}
			if !found || rk < bestRank || rk == bestRank && ri.Score < bestScore {
				inside, bestRank, bestScore, found = ri, rk, ri.Score, true
			}
		}
	}
	return top, inside, found
}

// RunFeatures are the measures of one run for the feature dump.
type RunFeatures struct {
	RunInfo
	PrevCos, NextCos, EdgePrev, EdgeNext, Inner float64
	CosCap, Relax, Small                        float64
	AtEnd                                       bool
	// Overlap is the part of the run's distinct terms' IDF that the host
	// also uses; Shared counts shared terms of IDF 2 or more.
	Overlap float64
	Shared  int
}

// overlap measures the run's vocabulary found in the host, ignoring
// counts.
func (c *cohesion) overlap(i, j int) (float64, int) {
	in := map[int32]float64{}
	for _, e := range c.entries[c.entryStart[i]:c.entryStart[j+1]] {
		in[e.term] += float64(e.count)
	}
	tot, sh, n := 0.0, 0.0, 0
	for t, k := range in {
		w := c.termWeight[t]
		tot += w
		if float64(c.termCount[t]) > k {
			sh += w
			if w >= 2 {
				n++
			}
		}
	}
	if tot == 0 {
		return 0, 0
	}
	return sh / tot, n
}

// cosRuns is the cosine of runs a..b and c..d (units, inclusive), 0 when
// either is empty.
func (c *cohesion) cosRuns(a, b, cc, d int) float64 {
	if a > b || cc > d || a < 0 || cc < 0 || b >= c.n || d >= c.n {
		return 0
	}
	ab := c.gramRect(a, b, cc, d)
	aa := c.gramRect(a, b, a, b)
	dd := c.gramRect(cc, d, cc, d)
	if aa <= 0 || dd <= 0 {
		return 0
	}
	return ab / math.Sqrt(aa*dd)
}

// DumpRuns calls emit for every run that passes the structural checks
// and the exclusive share and scores below maxScore.
func DumpRuns(doc *document.Document, maxScore float64, idf *IDF, emit func(RunFeatures)) {
	if idf == nil {
		idf = &IDF{defaultIDF()}
	}
	c := analyse(doc, idf.t)
	defer c.release()
	p := defaultParams
	firstPara := c.firstParagraph()
	base := c.baseline()
	lastContent := c.n - 1
	for i := 0; i < c.n; i++ {
		for j := i; j < c.n; j++ {
			if c.why(doc, p, i, j, firstPara) != "" {
				continue
			}
			ri := c.info(doc, p, i, j, firstPara, base)
			if ri.Score >= maxScore {
				continue
			}
			f := RunFeatures{RunInfo: ri}
			f.PrevCos = c.cosRuns(max(0, i-3), i-1, i, j)
			f.NextCos = c.cosRuns(j+1, min(c.n-1, j+3), i, j)
			f.EdgePrev = c.cosRuns(i-1, i-1, i, j)
			f.EdgeNext = c.cosRuns(j+1, j+1, i, j)
			if j > i {
				m := (i + j) / 2
				f.Inner = c.cosRuns(i, m, m+1, j)
			}
			f.AtEnd = j == lastContent
			f.CosCap = c.cappedCos(i, j)
			e := c.leadLines(doc, i)
			e.footnotes, e.typography = ri.Footnotes, c.otherTypography(i, j)
			f.Relax, f.Small = e.relax(), smallBlockFactor(ri.Words)
			f.Overlap, f.Shared = c.overlap(i, j)
			emit(f)
		}
	}
}

// SharedTerms lists the terms that make most of the dot product between
// the lines first..last (1-based) and the rest of the document.
func SharedTerms(doc *document.Document, first, last int) []string {
	c := analyse(doc, defaultIDF())
	defer c.release()
	block := make([]float64, len(c.termKeys))
	host := make([]float64, len(c.termKeys))
	for u := 0; u < c.n; u++ {
		s := c.blockSpan(doc, u, u)
		in := s.FirstLine+1 >= first && s.LastLine+1 <= last
		for _, e := range c.entries[c.entryStart[u]:c.entryStart[u+1]] {
			if in {
				block[e.term] += e.tf
			} else {
				host[e.term] += e.tf
			}
		}
	}
	type tw struct {
		t string
		w float64
	}
	var ts []tw
	for t := range block {
		if d := block[t] * host[t] * c.termWeight[t] * c.termWeight[t]; d > 0 {
			ts = append(ts, tw{c.termKeys[t], d})
		}
	}
	slices.SortFunc(ts, func(a, b tw) int { return cmp.Compare(b.w, a.w) })
	var out []string
	for _, x := range ts[:min(12, len(ts))] {
		out = append(out, fmt.Sprintf("%s:%.1f(b%.0f,h%.0f,idf%.1f)", x.t, x.w, block[slices.Index(c.termKeys, x.t)], host[slices.Index(c.termKeys, x.t)], c.termWeight[slices.Index(c.termKeys, x.t)]))
	}
	return out
}

// IDF is a document-frequency table for the tuning aids.
type IDF struct{ t *idfTable }

// LeaveOut returns the embedded table without the texts whose sources are
// given (their terms' counts lowered by one each; terms left in fewer
// than two texts get the unseen weight), so that a tune-half article is
// weighted as an article the table never saw.
func LeaveOut(srcs ...[]byte) *IDF {
	base := defaultIDF()
	drop := map[string]int{}
	for _, src := range srcs {
		seen := map[string]bool{}
		doc := document.New("", src, document.Meta{})
		for _, t := range doc.Tokens() {
			if key := TermKey(string(src[t.Start:t.End])); key != "" && !seen[key] {
				seen[key] = true
				drop[key]++
			}
		}
	}
	over := map[string]float64{}
	for term, k := range drop {
		c, ok := base.count(term)
		if !ok {
			continue
		}
		if c-k < 2 {
			over[term] = base.unseen
		} else {
			over[term] = math.Log((base.n + 1) / (float64(c-k) + 0.5))
		}
	}
	return &IDF{base.withOverride(over)}
}

// WarnsWith reports whether the rule, weighting terms by idf, gives doc a
// warning (info findings do not count).
func WarnsWith(doc *document.Document, idf *IDF) bool {
	warned := false
	findBlocks(doc, defaultParams, idf.t, func(f rules.Finding) {
		if f.Severity >= rules.Warning {
			warned = true
		}
	})
	return warned
}

// SetTypographyRelax sets typographyRelax for the tuning aids and tests
// and returns the previous value.
func SetTypographyRelax(v float64) float64 {
	old := typographyRelax
	typographyRelax = v
	return old
}

// SetOwnSectionFactor sets ownSectionFactor for the tuning aids and tests
// and returns the previous value.
func SetOwnSectionFactor(v float64) float64 {
	old := ownSectionFactor
	ownSectionFactor = v
	return old
}

// SetMarkedInnerFloor sets markedInnerFloor for tests and returns the
// previous value.
func SetMarkedInnerFloor(v float64) float64 {
	old := markedInnerFloor
	markedInnerFloor = v
	return old
}

// SetInnerRef sets innerRef for the tuning aids.
func SetInnerRef(v float64) { innerRef = v }

// SetChecks switches the inner-cohesion factor and the section-split
// guard for tests that show a fixture needs them; it returns a function
// restoring both.
func SetChecks(inner, sections bool) func() {
	oldRef, oldSec := innerRef, checkSections
	if !inner {
		innerRef = 1e-12
	}
	checkSections = sections
	return func() { innerRef, checkSections = oldRef, oldSec }
}

// SetLeadWeight sets leadWeight for the tuning aids.
func SetLeadWeight(v float64) { defaultParams.leadWeight = v }

// SetHostCap sets hostCap for the tuning aids.
func SetHostCap(v float64) { defaultParams.hostCap = v }

// Scale is the default threshold scale.
func Scale() float64 { return defaultParams.scale }

// SetOpeningParas sets openingParas for the tuning aids and tests and
// returns the previous value.
func SetOpeningParas(v int) int {
	old := openingParas
	openingParas = v
	return old
}

// NameStats counts the names (capitalised words inside sentences) of
// lines first..last (1-based) and how many of them the rest of the
// document also has.
func NameStats(doc *document.Document, first, last int) (block, shared int) {
	start, end := doc.Lines[first-1].Start, doc.Lines[last-1].End
	b := names(doc, start, end)
	h := names(doc, 0, start)
	for n := range names(doc, end, len(doc.Src)) {
		h[n] = true
	}
	for n := range b {
		if h[n] {
			shared++
		}
	}
	return len(b), shared
}

// Typo counts typographic habits in lines first..last (1-based) and in
// the rest: curly and straight apostrophes, curly and straight double
// quotes, em dashes, en dashes, spaced hyphens, ellipsis characters and
// three dots.
func Typo(doc *document.Document, first, last int) (block, host [8]int) {
	start, end := doc.Lines[first-1].Start, doc.Lines[last-1].End
	count := func(s string, into *[8]int) {
		pats := []string{"\u2019", "'", "\u201c", "\"", "\u2014", "\u2013", " - ", "\u2026"}
		for k, p := range pats {
			into[k] += strings.Count(s, p)
		}
		into[7] += 0
	}
	count(string(doc.Src[start:end]), &block)
	count(string(doc.Src[:start]), &host)
	count(string(doc.Src[end:]), &host)
	return block, host
}

// SetCheckLongHost switches longAllowed's test of the host's parts and
// returns a function that restores it.
func SetCheckLongHost(on bool) func() {
	old := checkLongHost
	checkLongHost = on
	return func() { checkLongHost = old }
}
