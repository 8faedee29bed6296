package insertion

import (
	"fmt"
	"sort"

	"github.com/dochygiene/hygiene/internal/document"
)

// FlagWith runs the block search with the decision threshold minLogit
// and returns the 1-based lines of the best block, or ok=false.
func FlagWith(doc *document.Document, minLogit float64) (ok bool, first, last int) {
	c := analyse(doc, fitIDF())
	defer c.release()
	p := defaultParams
	p.minLogit = minLogit
	cand, ok := c.search(doc, p, -1, -1)
	if !ok {
		return false, 0, 0
	}
	return true, doc.Blocks[c.units[cand.i].firstBlock].FirstLine + 1, doc.Blocks[c.units[cand.j].lastBlock].LastLine + 1
}

// DefaultMinLogit is the rule's decision threshold.
const DefaultMinLogit = defaultMinLogit

// Explain describes how the rule sees the block of units covering the
// 1-based lines first..last: validity, cosine, threshold, exclusivity.
func Explain(doc *document.Document, first, last int) string {
	c := analyse(doc, defaultIDF())
	defer c.release()
	i, j := -1, -1
	for u := range c.units {
		fl := doc.Blocks[c.units[u].firstBlock].FirstLine + 1
		ll := doc.Blocks[c.units[u].lastBlock].LastLine + 1
		if fl >= first && ll <= last {
			if i < 0 {
				i = u
			}
			j = u
		}
	}
	if i < 0 {
		return "no units"
	}
	p := defaultParams
	fp := c.firstParagraph()
	r := c.measure(i, j)
	base := c.baseline()
	ev := c.leadLines(doc, i)
	f := c.featuresOf(r, base, ev)
	z := scoreWeights.logit(&f) - p.minLogit
	words := c.words[j+1] - c.words[i]
	prose := c.proseWords[j+1] - c.proseWords[i]
	hostProse := c.proseWords[c.n] - prose
	hostWords := c.words[c.n] - words
	bv, hv := map[int32]float64{}, map[int32]float64{}
	for u := 0; u < c.n; u++ {
		for _, e := range c.entries[c.entryStart[u]:c.entryStart[u+1]] {
			if u >= i && u <= j {
				bv[e.term] += e.tf
			} else {
				hv[e.term] += e.tf
			}
		}
	}
	type tc struct {
		t string
		v float64
	}
	var shared []tc
	for t, x := range bv {
		if y := hv[t]; y > 0 {
			shared = append(shared, tc{c.termKeys[t], x * y * c.termWeight[t] * c.termWeight[t]})
		}
	}
	sort.Slice(shared, func(a, b int) bool { return shared[a].v > shared[b].v })
	top := ""
	for _, x := range shared[:min(8, len(shared))] {
		top += fmt.Sprintf(" %s:%.0f", x.t, x.v)
	}
	return fmt.Sprintf("shared[%s ] units %d-%d/%d firstPara %d valid %v canStart %v words %d prose %d hostWords %d hostProse %d paras %d | cos %.3f base %.3f mass %.0f excl %.3f z %.2f f %.2f",
		top, i, j, c.n, fp, c.valid(p, i, j, fp), c.canStart(doc, i),
		words, prose, hostWords, hostProse, r.paras, r.cos, base, r.mass, r.exclusive, z, f)
}

// Candidate is one valid block with its features, for the fitting tool.
type Candidate struct {
	First, Last int // 1-based lines
	F           []float64
}

// FeatureNames labels Candidate.F.
func FeatureNames() []string { return featureNames[:] }

// leaveOneOut is the DF table without the text being scored (see
// parseDFShifted); useLeaveOneOut switches Candidates and FlagWith to it.
var (
	leaveOneOut    = parseDFShifted(dfTable, 1)
	useLeaveOneOut = false
)

// UseLeaveOneOut makes Candidates and FlagWith score texts of the DF
// table's own sample as if the table had not seen them.
func UseLeaveOneOut(on bool) { useLeaveOneOut = on }

func fitIDF() *idfTable {
	if useLeaveOneOut {
		return leaveOneOut
	}
	return defaultIDF()
}

// Candidates lists every block the search would weigh in doc.
func Candidates(doc *document.Document) []Candidate {
	c := analyse(doc, fitIDF())
	defer c.release()
	p := defaultParams
	fp := c.firstParagraph()
	base := c.baseline()
	var out []Candidate
	for i := 0; i < c.n; i++ {
		if i <= fp || !c.canStart(doc, i) {
			continue
		}
		ev := c.leadLines(doc, i)
		for j := i; j < c.n; j++ {
			if !c.valid(p, i, j, fp) {
				continue
			}
			r := c.measure(i, j)
			if r.exclusive < p.minExclusive {
				continue
			}
			e := ev
			e.footnotes = c.noteRefs[j+1]-c.noteRefs[i] == 0 && c.noteRefs[c.n] >= 2
			f := c.featuresOf(r, base, e)
			out = append(out, Candidate{
				First: doc.Blocks[c.units[i].firstBlock].FirstLine + 1,
				Last:  doc.Blocks[c.units[j].lastBlock].LastLine + 1,
				F:     append([]float64(nil), f[:]...),
			})
		}
	}
	return out
}

// SetWeights replaces the logistic weights (for the fitting tool); it
// returns the previous ones.
func SetWeights(w []float64) []float64 {
	old := append([]float64(nil), scoreWeights[:]...)
	copy(scoreWeights[:], w)
	return old
}
