package insertion_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/eval"
	"github.com/dochygiene/hygiene/rules/insertion"
)

// TestTuneGrid is the tool the thresholds were chosen with, not a test: it
// runs only with INSERTION_TUNE=1 and prints, on the TUNE half of the WCXB
// truth texts only, the false alarms on untouched articles and the recall
// on other-topic insertions of 150 words or more for a grid of thresholds
// (genre and severity handling left out). It was the first tool for the
// threshold shape; the current defaults were set with the feature dump in
// diag_test.go (see defaultParams).
//
//	INSERTION_TUNE=1 go test ./rules/insertion -run TuneGrid -v
func TestTuneGrid(t *testing.T) {
	if os.Getenv("INSERTION_TUNE") == "" {
		t.Skip("tuning aid: set INSERTION_TUNE=1")
	}
	dir, err := eval.DataDir()
	if err != nil {
		t.Skip(err)
	}
	arts, err := eval.LoadInsertionArticles(dir, "tune")
	if err != nil {
		t.Fatal(err)
	}
	cases := eval.GenerateInsertionCases(arts, 1)
	docs := make([]*document.Document, len(cases))
	for i, c := range cases {
		docs[i] = document.New(c.Name, []byte(c.Text), document.Meta{})
	}
	for _, maxCos := range []float64{0.07, 0.08, 0.09, 0.1} {
		for _, rel := range []float64{0.5, 0.7, 1.0} {
			for _, half := range []float64{200, 400, 600} {
				for _, ex := range []float64{0.03, 0.05, 0.08} {
					th := insertion.Thresholds{MaxCos: maxCos, RelCos: rel, HalfMass: half, MinExclusive: ex}
					fp, neg, tp, pos := 0, 0, 0, 0
					for i, c := range cases {
						ok, a, b := insertion.FlagWith(docs[i], th)
						switch {
						case c.Kind == eval.InsertNone:
							neg++
							if ok {
								fp++
							}
						case c.Kind != eval.InsertSameTopic && c.Words >= 150:
							pos++
							if ok && coversHalf(c, a, b) {
								tp++
							}
						}
					}
					fmt.Printf("maxCos %.2f rel %.2f half %3.0f excl %.2f  FP %d/%d  recall %.3f\n",
						maxCos, rel, half, ex, fp, neg, float64(tp)/float64(pos))
				}
			}
		}
	}
}

func coversHalf(c eval.InsertionCase, a, b int) bool {
	n := 0
	for _, p := range c.Paragraphs {
		if p[0] >= a && p[1] <= b {
			n++
		}
	}
	return 2*n >= len(c.Paragraphs)
}
