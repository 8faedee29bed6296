package insertion

import (
	"math"

	"github.com/dochygiene/hygiene/internal/document"
)

// params are the limits of the search.
type params struct {
	// A candidate block holds at least minParas paragraphs and minWords
	// words; the host keeps at least minHostWords words and 2 paragraphs.
	minParas     int
	minWords     int
	minHostWords int
	// minExclusive is the part of the block's IDF mass that must sit on
	// terms repeated inside the block and absent from the host.
	minExclusive float64
	// minLogit is the decision threshold on the logistic evidence
	// (features.go), set on the tune half.
	minLogit float64
}

// maxBlockShare bounds a block's words by the article's prose words: a
// block much longer than the running text around it could as well be the
// article, and the rest the insertion. With 1.5, seven of the 33 inserted
// blocks missed on the tune half were longer (long essays glued after short
// articles); 3 keeps them, at no false alarm there.
const maxBlockShare = 3.0

// minProseShare is the part of a block's words that must sit in
// substantial paragraphs: a glued-in article is prose, not a list.
const minProseShare = 0.6

var defaultParams = params{
	minParas:     2,
	minWords:     60,
	minHostWords: 100,
	minExclusive: 0.03,
	minLogit:     defaultMinLogit,
}

// smallBlockWords: below it, a block needs more evidence (feature fSmall).
// Two short paragraphs on a side subject (a bio, a personal aside) are
// common in real articles; a glued-in piece is usually longer.
const smallBlockWords = 150

// candidate is a block that passed the thresholds, with its score: the
// cosine as a fraction of the threshold (lower is more unrelated).
type candidate struct {
	run
	// z is the logistic evidence minus the decision threshold (positive:
	// reported); near the cosine with the paragraphs around the block.
	z, near, baseline float64
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
		float64(words) <= maxBlockShare*float64(max(hostProse, hostWords/2)) &&
		float64(prose) >= minProseShare*float64(words)
}

// search finds the most unrelated valid block outside the units
// skipFrom..skipTo (pass -1, -1 to skip none); ok is false when no block
// passes. Every valid run is scored in constant time.
func (c *cohesion) search(doc *document.Document, p params, skipFrom, skipTo int) (candidate, bool) {
	firstPara := c.firstParagraph()
	base := c.baseline()
	var top candidate
	top.z = math.Inf(-1)
	topKey := math.Inf(-1)
	for i := 0; i < c.n; i++ {
		if i >= skipFrom && i <= skipTo || i <= firstPara || !c.canStart(doc, i) {
			continue
		}
		var ev evidence
		evDone := false
		for j := i; j < c.n; j++ {
			if skipFrom >= 0 && i < skipFrom && j >= skipFrom {
				break
			}
			if !c.valid(p, i, j, firstPara) {
				continue
			}
			r := c.measure(i, j)
			if r.exclusive < p.minExclusive {
				continue
			}
			if !evDone {
				ev, evDone = c.leadLines(doc, i), true
			}
			e := ev
			e.footnotes = c.noteRefs[j+1]-c.noteRefs[i] == 0 && c.noteRefs[c.n] >= 2
			f := c.featuresOf(r, base, e)
			z := scoreWeights.logit(&f) - p.minLogit
			if k := preference(z, r.mass); k > topKey {
				top = candidate{run: r, z: z, near: math.Exp(f[fCosNear]) - cosFloor, baseline: base, evidence: e}
				topKey = k
			}
		}
	}
	return top, top.z > 0
}

// preference orders candidates. Among blocks that pass, a sub-block of an
// insertion scores about as well as the whole (both share nothing with
// the article), so the margin is weighted by the block's mass to prefer the
// whole; blocks that fail order by their evidence alone, below every
// passing one.
func preference(z, mass float64) float64 {
	if z <= 0 {
		return z
	}
	return z * math.Pow(mass, preferMassExp)
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
	b := doc.Blocks[u.firstBlock]
	line := doc.LineText(b.FirstLine)
	return !isMarkerLine(line) && !isOrgLine(line)
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
