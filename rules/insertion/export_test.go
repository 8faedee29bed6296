package insertion

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/dochygiene/hygiene/internal/document"
)

// Measure exposes cohesion measures for the exploration test.
type Measure struct {
	Cos, Mass, Exclusive, Baseline float64
	Words                          int
	From, To                       int
}

func ExploreRange(doc *document.Document, first, last int) Measure {
	c := analyse(doc, defaultIDF())
	defer c.release()
	i, j := -1, -1
	for k, u := range c.units {
		l := doc.Blocks[u.firstBlock].FirstLine + 1
		if l >= first && l <= last {
			if i < 0 {
				i = k
			}
			j = k
		}
	}
	if i < 0 {
		return Measure{}
	}
	r := c.measure(i, j)
	u := c.units
	fmt.Printf("    exact units %d-%d valid %v subst %v %v paras %d prose %d words %d host %d thr %.3f\n", i, j, c.valid(defaultParams, i, j, c.firstParagraph()),
		u[i].substantial, u[j].substantial, r.paras, r.proseWords, r.words, c.words[c.n]-r.words, defaultParams.threshold(r.mass, c.baseline()))
	return Measure{Cos: r.cos, Mass: r.mass, Exclusive: r.exclusive, Words: r.words, Baseline: c.baseline(), From: first, To: last}
}

func ExploreMin(doc *document.Document, relax float64) (Measure, float64) {
	c := analyse(doc, defaultIDF())
	defer c.release()
	cand, _ := c.search(doc, defaultParams, -1, -1)
	if cand.score > 1e9 {
		return Measure{Cos: 1, Baseline: c.baseline()}, cand.score
	}
	return Measure{Cos: cand.cos, Mass: cand.mass, Exclusive: cand.exclusive, Words: cand.words, Baseline: c.baseline(),
		From: doc.Blocks[c.units[cand.i].firstBlock].FirstLine + 1, To: doc.Blocks[c.units[cand.j].lastBlock].LastLine + 1}, cand.score
}

type Params struct{ MaxCos, RelCos, HalfMass, MinExcl float64 }

// ExploreFlag runs the search with the given parameters.
func ExploreFlag(doc *document.Document, pp Params) (bool, int, int) {
	c := analyse(doc, defaultIDF())
	defer c.release()
	p := defaultParams
	p.maxCos, p.relCos, p.halfMass, p.minExclusive = pp.MaxCos, pp.RelCos, pp.HalfMass, pp.MinExcl
	cand, ok := c.search(doc, p, -1, -1)
	if !ok {
		return false, 0, 0
	}
	return true, doc.Blocks[c.units[cand.i].firstBlock].FirstLine + 1, doc.Blocks[c.units[cand.j].lastBlock].LastLine + 1
}

// ExploreShared lists the terms that contribute most to block·host.
func ExploreShared(doc *document.Document, first, last int) []string {
	c := analyse(doc, defaultIDF())
	defer c.release()
	inB := make([]float64, len(c.termKeys))
	all := make([]float64, len(c.termKeys))
	for u := 0; u < c.n; u++ {
		l := doc.Blocks[c.units[u].firstBlock].FirstLine + 1
		for _, e := range c.entries[c.entryStart[u]:c.entryStart[u+1]] {
			all[e.term] += float64(e.count)
			if l >= first && l <= last {
				inB[e.term] += float64(e.count)
			}
		}
	}
	type tc struct {
		t string
		v float64
	}
	var out []tc
	for t := range inB {
		w := c.termWeight[t]
		if v := inB[t] * (all[t] - inB[t]) * w * w; v > 0 {
			out = append(out, tc{c.termKeys[t], v})
		}
	}
	slices.SortFunc(out, func(a, b tc) int { return cmp.Compare(b.v, a.v) })
	var s []string
	for i := 0; i < len(out) && i < 12; i++ {
		s = append(s, fmt.Sprintf("%s:%.0f", out[i].t, out[i].v))
	}
	return s
}

func SetSublinear(b bool) { sublinearTF = b }

func Genre(doc *document.Document) string { return genre(doc) }
