package insertion_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/eval"
	"github.com/dochygiene/hygiene/rules/insertion"
)

// TestExplore prints measures on the tune half; it runs only with
// INSERTION_EXPLORE=1 (a tuning aid, not a test).
func TestExplore(t *testing.T) {
	if os.Getenv("INSERTION_EXPLORE") == "" {
		t.Skip("set INSERTION_EXPLORE=1")
	}
	dir, err := eval.DataDir()
	if err != nil {
		t.Skip(err)
	}
	arts, err := eval.LoadInsertionArticles(dir, "tune")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range eval.GenerateInsertionCases(arts, 1) {
		doc := document.New(c.Name, []byte(c.Text), document.Meta{})
		m, s := insertion.ExploreMin(doc, 100)
		e := insertion.Measure{}
		if c.Kind != eval.InsertNone {
			e = insertion.ExploreRange(doc, c.Paragraphs[0][0], c.Paragraphs[len(c.Paragraphs)-1][1])
		}
		fmt.Printf("%s\t%s\t%d\t%d\t%.4f\t%.1f\t%.3f\t%d\t%d\t%d\t%.3f\t%.4f\t%.1f\t%.3f\t%d\t%d\t%d\t%.4f\n", c.Kind, c.Name, c.Words, len(c.Paragraphs),
			m.Cos, m.Mass, m.Exclusive, m.Words, m.From, m.To, m.Baseline, e.Cos, e.Mass, e.Exclusive, e.Words, e.From, e.To, s)
	}
}

func TestExploreGrid(t *testing.T) {
	if os.Getenv("INSERTION_GRID") == "" {
		t.Skip("set INSERTION_GRID=1")
	}
	dir, err := eval.DataDir()
	if err != nil {
		t.Skip(err)
	}
	arts, _ := eval.LoadInsertionArticles(dir, "tune")
	cases := eval.GenerateInsertionCases(arts, 1)
	insertion.SetSublinear(os.Getenv("INSERTION_LINEAR") == "")
	var docs []*document.Document
	for _, c := range cases {
		docs = append(docs, document.New(c.Name, []byte(c.Text), document.Meta{}))
	}
	for _, maxCos := range []float64{0.07, 0.08, 0.09, 0.1} {
		for _, rel := range []float64{0.5, 0.7, 1.0} {
			for _, half := range []float64{200, 400, 600} {
				for _, ex := range []float64{0.03, 0.05, 0.08} {
					p := insertion.Params{MaxCos: maxCos, RelCos: rel, HalfMass: half, MinExcl: ex}
					fp, neg, tp, pos, stp, spos := 0, 0, 0, 0, 0, 0
					for i, c := range cases {
						ok, a, b := insertion.ExploreFlag(docs[i], p)
						switch {
						case c.Kind == eval.InsertNone:
							neg++
							if ok {
								fp++
							}
						case c.Kind == eval.InsertSameTopic:
							spos++
							if ok && covers(c, a, b) {
								stp++
							}
						case c.Words >= 150:
							pos++
							if ok && covers(c, a, b) {
								tp++
							}
						}
					}
					fmt.Printf("maxCos %.2f rel %.2f half %3.0f excl %.2f  FP %d/%d  recall %.3f (%d/%d)  same %.3f\n", maxCos, rel, half, ex, fp, neg, float64(tp)/float64(pos), tp, pos, float64(stp)/float64(spos))
				}
			}
		}
	}
}

func covers(c eval.InsertionCase, a, b int) bool {
	n := 0
	for _, p := range c.Paragraphs {
		if p[0] >= a && p[1] <= b {
			n++
		}
	}
	return 2*n >= len(c.Paragraphs)
}

func TestExploreShared(t *testing.T) {
	names := os.Getenv("INSERTION_SHARED")
	if names == "" {
		t.Skip("set INSERTION_SHARED=name,name")
	}
	dir, err := eval.DataDir()
	if err != nil {
		t.Skip(err)
	}
	arts, _ := eval.LoadInsertionArticles(dir, os.Getenv("INSERTION_HALF"))
	for _, c := range eval.GenerateInsertionCases(arts, 1) {
		if !strings.Contains(names, c.Name) || c.Kind == eval.InsertNone {
			continue
		}
		doc := document.New(c.Name, []byte(c.Text), document.Meta{})
		e := insertion.ExploreRange(doc, c.Paragraphs[0][0], c.Paragraphs[len(c.Paragraphs)-1][1])
		m, s := insertion.ExploreMin(doc, 1)
		fmt.Printf("%s exact cos %.3f mass %.0f excl %.2f base %.2f words %d | best %d-%d cos %.3f score %.2f\n", c.Name, e.Cos, e.Mass, e.Exclusive, e.Baseline, e.Words, m.From, m.To, m.Cos, s)
		fmt.Println("   ", insertion.ExploreShared(doc, c.Paragraphs[0][0], c.Paragraphs[len(c.Paragraphs)-1][1]))
	}
}

func TestExploreGenre(t *testing.T) {
	if os.Getenv("INSERTION_GENRE") == "" {
		t.Skip("set INSERTION_GENRE=1")
	}
	dir, err := eval.DataDir()
	if err != nil {
		t.Skip(err)
	}
	arts, _ := eval.LoadInsertionArticles(dir, "tune")
	count := map[string]int{}
	for _, c := range eval.GenerateInsertionCases(arts, 1) {
		if c.Kind == eval.InsertNone {
			count[insertion.Genre(document.New(c.Name, []byte(c.Text), document.Meta{}))]++
		}
	}
	fmt.Println(count)
}
