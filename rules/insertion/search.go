package insertion

import (
	"math"

	"github.com/dochygiene/hygiene/internal/document"
)

// params are the thresholds of the search. The defaults were set on the
// tune half of the WCXB truth texts (see internal/eval/insertion.go).
type params struct {
	// A candidate block holds at least minParas paragraphs and minWords
	// words; the host keeps at least minHostWords words and 2 paragraphs.
	minParas     int
	minWords     int
	minHostWords int
	// The block is unrelated when its cosine with the host is below
	//
	//	threshold = min(maxCos, relCos * baseline) * mass / (mass + halfMass)
	//
	// baseline is the document's median paragraph-to-rest cosine (a
	// roundup of unrelated items has a low one), and the mass factor asks
	// small blocks, whose sparse vectors share little with anything, for a
	// lower cosine.
	maxCos   float64
	relCos   float64
	halfMass float64
	// minExclusive is the part of the block's IDF mass that must sit on
	// terms repeated inside the block and absent from the host.
	minExclusive float64
}

// minProseShare is the part of a block's words that must sit in
// substantial paragraphs: a glued-in article is prose, not a list.
const minProseShare = 0.6

var defaultParams = params{
	minParas:     2,
	minWords:     60,
	minHostWords: 100,
	maxCos:       0.10,
	relCos:       0.5,
	halfMass:     400,
	minExclusive: 0.03,
}

func (p params) threshold(mass, baseline float64) float64 {
	return min(p.maxCos, p.relCos*baseline) * mass / (mass + p.halfMass)
}

// smallBlockWords: below it, the bar rises in proportion to the words.
// Two short paragraphs on a side subject (a bio, a personal aside) are
// common in real articles; a glued-in piece is usually longer.
const smallBlockWords = 150

func smallBlockFactor(words int) float64 {
	return min(1, float64(words)/smallBlockWords)
}

// candidate is a block that passed the thresholds, with its score: the
// cosine as a fraction of the threshold (lower is more unrelated).
type candidate struct {
	run
	score, threshold, baseline float64
	evidence
}

// valid reports whether units i..j may form a block at all.
func (c *cohesion) valid(p params, i, j, firstPara int) bool {
	u := c.units
	if i <= firstPara || u[i].segment != u[j].segment || u[j].heading {
		return false
	}
	words := c.words[j+1] - c.words[i]
	paras := c.paras[j+1] - c.paras[i]
	hostWords := c.words[c.n] - words
	hostParas := c.paras[c.n] - paras
	prose := c.proseWords[j+1] - c.proseWords[i]
	// The article is most of the document's prose: a block much longer than
	// the running text around it could as well be the article, and the rest
	// the insertion or page furniture (menus and link lists are no article).
	hostProse := c.proseWords[c.n] - prose
	return paras >= p.minParas && words >= p.minWords && hostWords >= p.minHostWords && hostParas >= 2 &&
		2*words <= 3*max(hostProse, hostWords/2) &&
		float64(prose) >= minProseShare*float64(words)
}

// search finds the most unrelated valid block outside the units
// skipFrom..skipTo (pass -1, -1 to skip none); ok is false when no block
// passes. Every valid run is scored in constant time.
// pastLongest reports that no run from unit i to unit j or beyond is
// valid: the parts of valid that only get worse as j grows (the run
// crosses a note list, leaves the host too few words or paragraphs, or
// outgrows the host's prose) already fail.
func (c *cohesion) pastLongest(p params, i, j int) bool {
	u := c.units
	words := c.words[j+1] - c.words[i]
	hostWords := c.words[c.n] - words
	hostParas := c.paras[c.n] - (c.paras[j+1] - c.paras[i])
	hostProse := c.proseWords[c.n] - (c.proseWords[j+1] - c.proseWords[i])
	return u[i].segment != u[j].segment || hostWords < p.minHostWords || hostParas < 2 ||
		2*words > 3*max(hostProse, hostWords/2)
}

func (c *cohesion) search(doc *document.Document, p params, skipFrom, skipTo int) (candidate, bool) {
	firstPara := c.firstParagraph()
	base := c.baseline()
	var top candidate
	top.score = math.Inf(1)
	topKey := math.Inf(-1)
	for i := 0; i < c.n; i++ {
		if i >= skipFrom && i <= skipTo || i <= firstPara || !c.canStart(doc, i) {
			continue
		}
		var ev evidence
		evDone := false
		for j := i; j < c.n; j++ {
			if skipFrom >= 0 && i < skipFrom && j >= skipFrom || c.pastLongest(p, i, j) {
				break
			}
			if !c.valid(p, i, j, firstPara) {
				continue
			}
			// The exclusive share first: most runs fail it, and it needs
			// neither the Gram sums nor a square root.
			if c.exclusive(i, j) < p.minExclusive {
				continue
			}
			r := c.measure(i, j)
			if !evDone {
				ev, evDone = c.leadLines(doc, i), true
			}
			e := ev
			e.footnotes = c.noteRefs[j+1]-c.noteRefs[i] == 0 && c.noteRefs[c.n] >= 2
			thr := p.threshold(r.mass, base) * e.relax() * smallBlockFactor(r.words)
			s := r.cos / thr
			if k := preference(s, r.mass); k > topKey {
				top = candidate{run: r, score: s, threshold: thr, baseline: base, evidence: e}
				topKey = k
			}
		}
	}
	return top, top.score < 1
}

// preference orders candidates. Among blocks that pass, a sub-block of an
// insertion scores about as well as the whole (both share nothing with
// the article), so the margin is weighted by the block's mass to prefer the
// whole; blocks that fail order by score alone, below every passing one.
func preference(score, mass float64) float64 {
	if score >= 1 {
		return -score
	}
	return (1 - score) * math.Pow(mass, preferMassExp)
}

var preferMassExp = 0.5

// canStart reports whether a block may start at unit i: a paragraph, or a
// short line such as the inserted piece's own title, but not a marker or
// name line, which is evidence before the block rather than part of it.
func (c *cohesion) canStart(doc *document.Document, i int) bool {
	u := c.units[i]
	if u.substantial || u.firstBlock != u.lastBlock {
		return true
	}
	return !c.markerLine(doc, i) && !c.orgLine(doc, i)
}

// firstParagraph is the index of the first unit of running text: a block
// never starts there (the host is what comes first).
func (c *cohesion) firstParagraph() int {
	for i, u := range c.units {
		if u.paragraph {
			return i
		}
	}
	return c.n
}

// blockSpan returns the byte span and lines of units i..j.
func (c *cohesion) blockSpan(doc *document.Document, i, j int) document.Block {
	first, last := doc.Blocks[c.units[i].firstBlock], doc.Blocks[c.units[j].lastBlock]
	return document.Block{Start: first.Start, End: last.End, FirstLine: first.FirstLine, LastLine: last.LastLine}
}
