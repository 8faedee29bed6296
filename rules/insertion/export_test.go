package insertion

import "github.com/dochygiene/hygiene/internal/document"

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
