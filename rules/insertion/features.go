package insertion

import "math"

// The evidence about one candidate block is combined by a logistic score:
// a weighted sum of features, each computed in constant time from the
// prefix sums of cohesion.go. The weights were fitted on the tune half of
// the WCXB truth texts only (see fit_test.go); the decision threshold was
// set there too.

// Feature indices.
const (
	fBias       = iota
	fCosHost    // log cosine of the block with the whole host
	fBaseline   // log median paragraph-to-rest cosine of the document
	fMass       // log IDF mass of the block
	fExclusive  // part of the block's mass on terms repeated only inside it
	fCosNear    // log cosine with the host paragraphs just around the block
	fCosAcross  // log cosine of the paragraphs just before with those just after
	fAtEnd      // the block ends the document (no "after")
	fSelf       // log cosine of the block's first half with its second half
	fSingleUnit // the block is one unit (no halves to compare)
	fMarker     // a marker line before the block
	fOrg        // an organisation name line before the block
	fFootnotes  // the host cites notes, the block none
	fSmall      // min(0, log(words/150)): short blocks need more evidence
	fShare      // log of the block's words over the host's
	// Style (style.go): how far the block's voice and typography are from
	// the host's.
	fSentenceLen // |log ratio| of words per sentence
	fPerson      // first- and second-person pronoun rate gaps
	fQuotes      // gap in the share of curly quotes
	fDashes      // gap in the share of long dashes
	nFeatures
)

// featureNames label the weights in the fitting tool's output.
var featureNames = [nFeatures]string{"bias", "cosHost", "baseline", "mass", "exclusive", "cosNear",
	"cosAcross", "atEnd", "self", "singleUnit", "marker", "org", "footnotes", "small", "share",
	"sentenceLen", "person", "quotes", "dashes"}

// nearUnits is how many units on each side make a block's neighbourhood.
const nearUnits = 2

// cosFloor keeps the logarithm of a zero cosine finite.
const cosFloor = 0.005

type features [nFeatures]float64

// rect is the sum of unit·unit dot products over units a..b × c..d.
func (c *cohesion) rect(a, b, cc, d int) float64 {
	if a > b || cc > d {
		return 0
	}
	s := c.n + 1
	g := c.gram
	return g[(b+1)*s+d+1] - g[a*s+d+1] - g[(b+1)*s+cc] + g[a*s+cc]
}

// cosRanges is the cosine of the vectors of units a..b and c..d (disjoint
// ranges or not), 0 when either is empty.
func (c *cohesion) cosRanges(a, b, cc, d int) float64 {
	x2, y2 := c.rect(a, b, a, b), c.rect(cc, d, cc, d)
	if x2 <= 0 || y2 <= 0 {
		return 0
	}
	return math.Max(0, c.rect(a, b, cc, d)) / math.Sqrt(x2*y2)
}

// cosNear is the cosine of units i..j with up to nearUnits units on each
// side of them (two disjoint ranges: dot products add, norms add).
func (c *cohesion) cosNear(i, j int) float64 {
	a, d := max(0, i-nearUnits), min(c.n-1, j+nearUnits)
	b2 := c.rect(i, j, i, j)
	left, right := c.rect(a, i-1, a, i-1), c.rect(j+1, d, j+1, d)
	n2 := left + right + 2*c.rect(a, i-1, j+1, d)
	if b2 <= 0 || n2 <= 0 {
		return 0
	}
	dot := c.rect(i, j, a, i-1) + c.rect(i, j, j+1, d)
	return math.Max(0, dot) / math.Sqrt(b2*n2)
}

func logCos(x float64) float64 { return math.Log(x + cosFloor) }

// featuresOf computes the features of the block r with its evidence e.
func (c *cohesion) featuresOf(r run, base float64, e evidence) features {
	i, j := r.i, r.j
	var f features
	f[fBias] = 1
	f[fCosHost] = logCos(r.cos)
	f[fBaseline] = math.Log(base + 0.01)
	f[fMass] = math.Log(r.mass + 1)
	f[fExclusive] = r.exclusive
	f[fCosNear] = logCos(c.cosNear(i, j))
	if j == c.n-1 {
		f[fAtEnd] = 1
	} else {
		f[fCosAcross] = logCos(c.cosRanges(max(0, i-nearUnits), i-1, j+1, min(c.n-1, j+nearUnits)))
	}
	if j > i {
		m := (i + j) / 2
		f[fSelf] = logCos(c.cosRanges(i, m, m+1, j))
	} else {
		f[fSingleUnit] = 1
	}
	f[fMarker] = b2f(e.marker != "")
	f[fOrg] = b2f(e.org != "")
	f[fFootnotes] = b2f(e.footnotes)
	f[fSmall] = math.Min(0, math.Log(float64(r.words)/smallBlockWords))
	f[fShare] = math.Log(float64(r.words) / float64(max(1, c.words[c.n]-r.words)))
	c.styleFeatures(i, j, &f)
	return f
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// logit is the weighted evidence that the block was glued in.
func (w *features) logit(f *features) float64 {
	z := 0.0
	for k := range f {
		z += w[k] * f[k]
	}
	return z
}

// scoreWeights are the logistic weights, in feature order; fitted on the
// tune half by fit_test.go.
var scoreWeights = features{
	-19.052, // bias
	-4.200,  // cosHost
	0.860,   // baseline
	0.815,   // mass
	0.325,   // exclusive
	-0.763,  // cosNear
	0.335,   // cosAcross
	0.647,   // atEnd
	0.279,   // self
	-0.010,  // singleUnit
	2.194,   // marker
	1.056,   // org
	0.149,   // footnotes
	0.712,   // small
	-0.037,  // share
	0.331,   // sentenceLen
	0.947,   // person
	1.459,   // quotes
	0.354,   // dashes
}

// defaultMinLogit is the decision threshold on the logit: the lowest one
// on the fitting tool's grid with no false alarm on the tune half.
const defaultMinLogit = 2.25
