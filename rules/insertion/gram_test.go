package insertion

import (
	"slices"
	"testing"
)

// gramReference is buildGram's table built as before the mirrored adds:
// the products of the upper triangle, the lower one copied from it, then
// the 2-D prefix sums.
func gramReference(c *cohesion) []float64 {
	n := c.n
	stride := n + 1
	g := make([]float64, stride*stride)
	for t, w := range c.termWeight {
		units := c.postUnit[c.postStart[t]:c.postStart[t+1]]
		tfs := c.postTF[c.postStart[t]:c.postStart[t+1]]
		for k, a := range units {
			waa := w * w * tfs[k]
			row := g[(int(a)+1)*stride+1 : (int(a)+2)*stride]
			for m := k; m < len(units); m++ {
				row[units[m]] += waa * tfs[m]
			}
		}
	}
	for a := 1; a <= n; a++ {
		for b := a + 1; b <= n; b++ {
			g[b*stride+a] = g[a*stride+b]
		}
	}
	for i := 1; i <= n; i++ {
		row, up := g[i*stride:(i+1)*stride], g[(i-1)*stride:i*stride]
		sum := 0.0
		for j := 1; j <= n; j++ {
			sum += row[j]
			row[j] = up[j] + sum
		}
	}
	return g
}

// TestGramMatchesReference checks the Gram prefix table bit for bit
// against the reference on the seeds and, when present, the WCXB dev
// truth texts and pages (long documents with grouped units among them).
func TestGramMatchesReference(t *testing.T) {
	docs := seedDocs(t, "000", "001", "002", "003", "004")
	if !testing.Short() {
		docs = append(docs, wcxbDocs(t, "truth", "pages")...)
	}
	idf := defaultIDF()
	for _, doc := range docs {
		c := analyse(doc, idf)
		if want := gramReference(c); !slices.Equal(c.gram, want) {
			t.Fatalf("%s: Gram table differs from the reference", doc.Path)
		}
		c.release()
	}
}

// exclusiveReference is buildExclusive's table as it was built before its
// clear skipped the cells below the diagonal: the whole table zeroed,
// then the same scatter and sums.
func exclusiveReference(c *cohesion) []float64 {
	n := c.n
	x := make([]float64, n*n)
	for t := range c.termKeys {
		from, to := c.postStart[t], c.postStart[t+1]
		if from < to && c.termCount[t] >= 2 {
			x[int(c.postUnit[from])*n+int(c.postUnit[to-1])] += c.termTF[t] * c.termWeight[t]
		}
	}
	for i := n - 1; i >= 0; i-- {
		sum := 0.0
		for j := i; j < n; j++ {
			sum += x[i*n+j]
			if i+1 < n {
				x[i*n+j] = sum + x[(i+1)*n+j]
			} else {
				x[i*n+j] = sum
			}
		}
	}
	return x
}

// TestExclusiveMatchesReference checks every cell on and above the
// diagonal of the exclusive table bit for bit against the reference, on
// the seeds and the WCXB dev texts in turn, so that each table is built
// over the last document's (its cells below the diagonal are not
// cleared).
func TestExclusiveMatchesReference(t *testing.T) {
	docs := seedDocs(t, "004", "000", "003", "001", "002")
	if !testing.Short() {
		docs = append(docs, wcxbDocs(t, "truth", "pages")...)
	}
	idf := defaultIDF()
	for _, doc := range docs {
		c := analyse(doc, idf)
		want := exclusiveReference(c)
		for i := 0; i < c.n; i++ {
			for j := i; j < c.n; j++ {
				if got := c.exclTable()[i*c.n+j]; got != want[i*c.n+j] {
					t.Fatalf("%s: excl[%d][%d] %v, reference %v", doc.Path, i, j, got, want[i*c.n+j])
				}
			}
		}
		c.release()
	}
}

// TestExclusiveRowsMatchReference checks the exclusive table built a few
// rows at a time, as exclAt builds it, bit for bit against the
// reference: after each call, every cell on and above the diagonal of the
// rows built so far, on the seeds and the WCXB dev texts in turn (each
// table built over the last document's).
func TestExclusiveRowsMatchReference(t *testing.T) {
	docs := seedDocs(t, "004", "000", "003", "001", "002")
	if !testing.Short() {
		docs = append(docs, wcxbDocs(t, "truth", "pages")...)
	}
	idf := defaultIDF()
	for _, doc := range docs {
		c := analyse(doc, idf)
		if c.n == 0 {
			c.release()
			continue
		}
		want := exclusiveReference(c)
		for _, from := range []int{c.n - 1, 2 * c.n / 3, c.n / 3, c.n / 3, c.n / 4, 0} {
			c.exclAt(from, c.n-1)
			if c.exclFrom != from {
				t.Fatalf("%s: rows from %d built, want %d", doc.Path, c.exclFrom, from)
			}
			for i := from; i < c.n; i++ {
				for j := i; j < c.n; j++ {
					if got := c.excl[i*c.n+j]; got != want[i*c.n+j] {
						t.Fatalf("%s: from %d: excl[%d][%d] %v, reference %v", doc.Path, from, i, j, got, want[i*c.n+j])
					}
				}
			}
		}
		c.release()
	}
}
