package insertion

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
)

// The O(1) range cosines (block with its neighbours, neighbours before with
// neighbours after, halves of the block) must equal the ones computed from
// the term vectors, for every run of units.
func TestRangeCosinesMatchBruteForce(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "insertion", "middle.txt"))
	if err != nil {
		t.Fatal(err)
	}
	c := analyse(document.New("m", src, document.Meta{}), defaultIDF())
	defer c.release()
	for i := 0; i < c.n; i++ {
		for j := i; j < c.n; j++ {
			a, d := max(0, i-nearUnits), min(c.n-1, j+nearUnits)
			near := c.vectorOf(func(u int) bool { return u >= a && u <= d && (u < i || u > j) })
			block := c.vectorOf(func(u int) bool { return u >= i && u <= j })
			if got, want := c.cosNear(i, j), c.cosine(block, near); math.Abs(got-want) > 1e-9 {
				t.Fatalf("cosNear(%d, %d) = %.6f, brute force %.6f", i, j, got, want)
			}
			before := c.vectorOf(func(u int) bool { return u >= a && u < i })
			after := c.vectorOf(func(u int) bool { return u > j && u <= d })
			if got, want := c.cosRanges(a, i-1, j+1, d), c.cosine(before, after); math.Abs(got-want) > 1e-9 {
				t.Fatalf("cosRanges before/after %d-%d = %.6f, brute force %.6f", i, j, got, want)
			}
		}
	}
}

func (c *cohesion) vectorOf(in func(u int) bool) []float64 {
	v := make([]float64, len(c.termKeys))
	for u := 0; u < c.n; u++ {
		if in(u) {
			for _, e := range c.entries[c.entryStart[u]:c.entryStart[u+1]] {
				v[e.term] += e.tf * c.termWeight[e.term]
			}
		}
	}
	return v
}

func (c *cohesion) cosine(x, y []float64) float64 {
	dot, x2, y2 := 0.0, 0.0, 0.0
	for k := range x {
		dot, x2, y2 = dot+x[k]*y[k], x2+x[k]*x[k], y2+y[k]*y[k]
	}
	if x2 <= 0 || y2 <= 0 {
		return 0
	}
	return dot / math.Sqrt(x2*y2)
}

// The fitted weights must say what the method claims: a lower cosine with
// the article, with the paragraphs around the block, a marker line and a
// change of typography are evidence for an insertion, never against.
func TestWeightSigns(t *testing.T) {
	for k, sign := range map[int]float64{fCosHost: -1, fCosNear: -1, fMarker: 1, fOrg: 1, fExclusive: 1,
		fMass: 1, fSmall: 1, fQuotes: 1, fPerson: 1} {
		if scoreWeights[k]*sign <= 0 {
			t.Errorf("weight of %s is %.3f, want sign %+.0f", featureNames[k], scoreWeights[k], sign)
		}
	}
	// A marker line is supporting evidence: alone it never outweighs a
	// cosine typical of an article's own paragraphs (0.1 against 0.01).
	tenfold := scoreWeights[fCosHost] * (logCos(0.01) - logCos(0.1))
	if scoreWeights[fMarker]+scoreWeights[fOrg] >= tenfold {
		t.Errorf("marker and name lines weigh more than a tenfold cosine")
	}
}

func TestTypographyAndPerson(t *testing.T) {
	var cnt [nStyle]float64
	typography([]byte("It\u2019s \u201cfine\u201d \u2014 isn't it - \"no\"."), &cnt)
	if cnt[sCurly] != 3 || cnt[sStraight] != 3 || cnt[sLongDash] != 1 || cnt[sHyphenDash] != 1 {
		t.Errorf("typography counts: %v", cnt)
	}
	for w, want := range map[string]int{"I": 1, "our": 1, "You": 2, "yours": 2, "iron": 0, "mine": 1, "yourselves": 0} {
		if got := personOf([]byte(w)); got != want {
			t.Errorf("personOf(%q) = %d, want %d", w, got, want)
		}
	}
}

// A block in the article's own voice and typography shows no style gap; one
// in the first person with straight quotes inside a third-person article
// with curly quotes does.
func TestStyleGaps(t *testing.T) {
	host := strings.Repeat("The council\u2019s plan, officials said, will \u201creshape\u201d the harbour by next spring.\n\n", 6)
	same := strings.Repeat("The council\u2019s budget, officials said, will \u201cgrow\u201d the harbour by next spring.\n\n", 2)
	other := strings.Repeat("I think you'll love my \"secret\" recipe - it's the one I bake every week.\n\n", 2)
	for _, tc := range []struct {
		block string
		gap   bool
	}{{same, false}, {other, true}} {
		doc := document.New("s", []byte(host+tc.block+host), document.Meta{})
		c := analyse(doc, defaultIDF())
		var f features
		c.styleFeatures(6, 7, &f)
		c.release()
		gap := f[fPerson] > 1 && f[fQuotes] > 0.5
		if gap != tc.gap || !tc.gap && (f[fPerson] > 0.5 || f[fQuotes] > 0.01 || f[fSentenceLen] > 0.3) {
			t.Errorf("block %.30q: style features person %.2f quotes %.2f sentence length %.2f",
				tc.block, f[fPerson], f[fQuotes], f[fSentenceLen])
		}
	}
}

// Long documents are grouped, but list runs merge first, so paragraphs
// stay units of their own.
func TestLongListsMergeBeforeGrouping(t *testing.T) {
	var b strings.Builder
	b.WriteString("Title\n\n")
	for i := 0; i < 3; i++ {
		b.WriteString("A paragraph of running text with enough words to count as a real paragraph of the article here.\n\n")
		for k := 0; k < 80; k++ {
			b.WriteString("- item\n")
		}
		b.WriteString("\n")
	}
	doc := document.New("l", []byte(b.String()), document.Meta{})
	units := buildUnits(doc, nil)
	paras := 0
	for _, u := range units {
		if u.substantial {
			paras++
			if u.firstBlock != u.lastBlock {
				t.Errorf("a paragraph was grouped with its neighbours")
			}
		}
	}
	if len(units) > maxUnits || paras != 3 {
		t.Errorf("got %d units, %d paragraph units; want at most %d units and 3 paragraphs", len(units), paras, maxUnits)
	}
}

// The leave-one-out table scores a text of the sample as if the table had
// not seen it: every count one less, terms left in fewer than two texts
// dropped.
func TestParseDFShifted(t *testing.T) {
	tab := parseDFShifted([]byte("N 100\ncommon 90\npair 2\n"), 1)
	if math.Abs(tab.weight("common")-math.Log(100/89.5)) > 1e-9 {
		t.Errorf("common: %.4f", tab.weight("common"))
	}
	if tab.weight("pair") != tab.unseen || math.Abs(tab.unseen-math.Log(100/1.5)) > 1e-9 {
		t.Errorf("pair %.4f unseen %.4f", tab.weight("pair"), tab.unseen)
	}
}
