package insertion_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/eval"
	"github.com/dochygiene/hygiene/rules/insertion"
)

// TestCleanPool is a tuning aid, not a test: with INSERTION_POOL=1 it
// builds a pool of clean negatives from the untouched TUNE-half articles
// (the whole article and crops a scraper could plausibly produce: the
// first or last 40, 55, 70 or 85% of the paragraphs, and the middle 70%;
// never reordered) and runs the rule on each with leave-one-out document
// frequencies (the article weighted as one the table never saw). It prints
// the texts whose best run comes nearest to a warning and how many texts
// score below 1 (a warning at the current scale) and below 1.1 and 1.2
// (the margin).
//
//	INSERTION_POOL=1 go test ./rules/insertion -run CleanPool -v
func TestCleanPool(t *testing.T) {
	if os.Getenv("INSERTION_POOL") == "" {
		t.Skip("tuning aid: set INSERTION_POOL=1")
	}
	if v, err := strconv.ParseFloat(os.Getenv("INSERTION_INNER_REF"), 64); err == nil {
		insertion.SetInnerRef(v)
	}
	if v, err := strconv.ParseFloat(os.Getenv("INSERTION_SECTION"), 64); err == nil {
		insertion.SetOwnSectionFactor(v)
	}
	if v, err := strconv.ParseFloat(os.Getenv("INSERTION_TYPO"), 64); err == nil {
		insertion.SetTypographyRelax(v)
	}
	if v, err := strconv.ParseFloat(os.Getenv("INSERTION_LEAD_WEIGHT"), 64); err == nil {
		insertion.SetLeadWeight(v)
	}
	if v, err := strconv.Atoi(os.Getenv("INSERTION_OPENING")); err == nil {
		insertion.SetOpeningParas(v)
	}
	if v, err := strconv.ParseFloat(os.Getenv("INSERTION_HOST_CAP"), 64); err == nil {
		insertion.SetHostCap(v)
	}

	dir, err := eval.DataDir()
	if err != nil {
		t.Skip(err)
	}
	arts, err := eval.LoadInsertionArticles(dir, "tune")
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		name   string
		score  float64
		warned bool
		run    insertion.RunFeatures
		terms  string
		before int // words before the run
		nb, ns int // names in the run, shared with the rest
		tb, th [8]int
	}
	var rows []row
	for _, c := range eval.GenerateInsertionCasesSeeds(arts, []int64{1}) {
		if c.Kind != eval.InsertNone {
			continue
		}
		src, err := os.ReadFile(filepath.Join(dir, "wcxb-dev", "truth", c.Name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		idf := insertion.LeaveOut(src)
		for _, crop := range eval.Crops(c.Name, c.Text, 6) {
			doc := document.New(crop.Name, []byte(crop.Text), document.Meta{})
			r := row{name: crop.Name, score: 99}
			insertion.DumpRuns(doc, 3.5, idf, func(f insertion.RunFeatures) {
				if f.Score < r.score {
					r.score, r.run = f.Score, f
				}
			})
			r.warned = insertion.WarnsWith(doc, idf)
			if r.score < 99 {
				for _, tok := range doc.Tokens() {
					if tok.Start < doc.Lines[r.run.First-1].Start {
						r.before++
					}
				}
				r.terms = strings.Join(insertion.SharedTerms(doc, r.run.First, r.run.Last), " ")
				r.nb, r.ns = insertion.NameStats(doc, r.run.First, r.run.Last)
				r.tb, r.th = insertion.Typo(doc, r.run.First, r.run.Last)
			}
			rows = append(rows, r)
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].score < rows[j].score })
	below := func(x float64) int {
		n := 0
		for _, r := range rows {
			if r.score < x {
				n++
			}
		}
		return n
	}
	warned := 0
	for _, r := range rows {
		if r.warned {
			warned++
		}
	}
	if nf, err := os.Create(os.Getenv("INSERTION_POOL_NEG")); err == nil {
		for _, r := range rows {
			fmt.Fprintf(nf, "%s\t%.4f\t%d\t%d\t%d\t%.4f\t%v\t%v\n", r.name, r.score, r.nb, r.ns, r.run.Words, r.run.Inner, r.tb, r.th)
		}
		nf.Close()
	}
	for _, r := range rows[:min(25, len(rows))] {
		fmt.Printf("POOL %-22s sc %.3f inner %.3f sh %d warn %v before %d %s | shared %s\n", r.name, r.score, r.run.Inner, r.run.Shared, r.warned, r.before, fmtRun(r.run.RunInfo), r.terms)
	}
	posScores := positiveScores(t, dir, arts)
	for _, m := range []float64{0.6, 0.7, 0.75, 0.8, 0.85, 0.875, 0.9, 0.925, 0.95, 0.975, 1, 1.05, 1.1} {
		arts := map[string]bool{}
		full := 0
		for _, r := range rows {
			if r.score < m {
				arts[strings.SplitN(r.name, "#", 2)[0]] = true
				if !strings.Contains(r.name, "#") {
					full++
				}
			}
		}
		found := 0
		for _, s := range posScores {
			if s < m {
				found++
			}
		}
		fmt.Printf("score < %.2f (scale %.3f): pool %d texts of %d articles, %d whole articles; recall %.3f of %d\n",
			m, insertion.Scale()*m, below(m), len(arts), full, float64(found)/float64(len(posScores)), len(posScores))
	}
	fmt.Printf("pool %d texts: warned %d; best run below 1: %d, below 1.1: %d, below 1.2: %d, below 1.3: %d\n",
		len(rows), warned, below(1), below(1.1), below(1.2), below(1.3))
}

// positiveScores returns, for each other-topic insertion of 150 words or
// more (tune half, seeds 1-3), the lowest score of a run covering at
// least half of it, under leave-one-out frequencies (host and donor left
// out); 99 when no run does.
func positiveScores(t *testing.T, dir string, arts []*eval.InsertionArticle) []float64 {
	var out []float64
	pf, _ := os.Create(os.Getenv("INSERTION_POOL_POS"))
	defer pf.Close()
	for _, c := range eval.GenerateInsertionCasesSeeds(arts, []int64{1, 2, 3}) {
		if c.Kind == eval.InsertNone || c.Kind == eval.InsertSameTopic || c.Words < 150 {
			continue
		}
		var srcs [][]byte
		for _, id := range strings.Split(c.Name, "+") {
			src, err := os.ReadFile(filepath.Join(dir, "wcxb-dev", "truth", id+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			srcs = append(srcs, src)
		}
		doc := document.New(c.Name, []byte(c.Text), document.Meta{})
		best := 99.0
		var bf insertion.RunFeatures
		insertion.DumpRuns(doc, 3.5, insertion.LeaveOut(srcs...), func(f insertion.RunFeatures) {
			if f.Score < best && coversHalf(c, f.First, f.Last) {
				best, bf = f.Score, f
			}
		})
		if pf != nil {
			nb, ns := 0, 0
			var tb, th [8]int
			if best < 99 {
				nb, ns = insertion.NameStats(doc, bf.First, bf.Last)
				tb, th = insertion.Typo(doc, bf.First, bf.Last)
			}
			fmt.Fprintf(pf, "%s\t%s\t%.4f\t%.4f\t%d\t%d\t%d\t%.4f\t%d\t%d\t%d\t%v\t%v\n", c.Name, c.Kind, best, bf.Overlap, bf.Shared, bf.Words, c.Words, bf.Inner, bf.Units, nb, ns, tb, th)
		}
		out = append(out, best)
	}
	return out
}
