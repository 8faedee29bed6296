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

// TestDiagnoseTune is a tuning aid, not a test: with INSERTION_DIAG=1 it
// prints, on the TUNE half only, the untouched articles that come closest
// to a warning and, for each missed other-topic insertion of 150 words or
// more, the run inside the insertion that comes closest to passing and the
// check it fails. INSERTION_SEEDS (default 1,2,3) picks generator seeds.
//
//	INSERTION_DIAG=1 go test ./rules/insertion -run DiagnoseTune -v
func TestDiagnoseTune(t *testing.T) {
	if os.Getenv("INSERTION_DIAG") == "" {
		t.Skip("tuning aid: set INSERTION_DIAG=1")
	}
	dir, err := eval.DataDir()
	if err != nil {
		t.Skip(err)
	}
	arts, err := eval.LoadInsertionArticles(dir, "tune")
	if err != nil {
		t.Fatal(err)
	}
	var seeds []int64
	for _, s := range strings.Split(cmpOr(os.Getenv("INSERTION_SEEDS"), "1,2,3"), ",") {
		n, _ := strconv.ParseInt(s, 10, 64)
		seeds = append(seeds, n)
	}
	cases := eval.GenerateInsertionCasesSeeds(arts, seeds)
	type negRow struct {
		name string
		ri   insertion.RunInfo
	}
	var negs []negRow
	fails := map[string]int{}
	misses := 0
	for _, c := range cases {
		doc := document.New(c.Name, []byte(c.Text), document.Meta{})
		switch {
		case c.Kind == eval.InsertNone:
			top, _, _ := insertion.Diagnose(doc, 0, 0)
			if top.Thr > 0 {
				negs = append(negs, negRow{c.Name, top})
			}
		case c.Kind != eval.InsertSameTopic && c.Words >= 150:
			first := c.Paragraphs[0][0]
			last := c.Paragraphs[len(c.Paragraphs)-1][1]
			top, in, ok := insertion.Diagnose(doc, first, last)
			if top.Fail == "" && top.First <= last && top.Last >= first && coversHalf(c, top.First, top.Last) {
				continue
			}
			misses++
			fail := "none-inside"
			if ok {
				fail = in.Fail
			}
			if fail == "" {
				fail = "range(top elsewhere)"
			}
			fails[fail]++
			if os.Getenv("INSERTION_DIAG") == "2" {
				fmt.Printf("MISS %s %s %d-%d %dw sim %.3f | top %s | in %s\n", c.Name, c.Kind, first, last, c.Words, c.Similarity, fmtRun(top), fmtRun(in))
			}
		}
	}
	sort.Slice(negs, func(i, j int) bool { return negs[i].ri.Score < negs[j].ri.Score })
	for _, n := range negs[:min(30, len(negs))] {
		fmt.Printf("NEG %s %s\n", n.name, fmtRun(n.ri))
	}
	fmt.Printf("misses %d by failed check: %v\n", misses, fails)
}

func fmtRun(r insertion.RunInfo) string {
	return fmt.Sprintf("%d-%d u%d/%d p%d w%d cos %.3f thr %.3f sc %.2f ex %.3f m %.0f base %.3f hostp %d hostw %d mk %q org %q fn %v fail %q",
		r.First, r.Last, r.Units, r.DocUnit, r.Paras, r.Words, r.Cos, r.Thr, r.Score, r.Excl, r.Mass, r.Base, r.HostParas, r.HostWords, r.Marker, r.Org, r.Footnotes, r.Fail)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// TestDumpRuns is a tuning aid: with INSERTION_DUMP=file it writes every
// candidate run (score below 3) of the TUNE half's cases as tab-separated
// features, labelled neg (untouched article), ok (covers the insertion) or
// bad (a run of an insertion case that does not cover it).
func TestDumpRuns(t *testing.T) {
	out := os.Getenv("INSERTION_DUMP")
	if out == "" {
		t.Skip("tuning aid: set INSERTION_DUMP=file")
	}
	dir, err := eval.DataDir()
	if err != nil {
		t.Skip(err)
	}
	arts, err := eval.LoadInsertionArticles(dir, "tune")
	if err != nil {
		t.Fatal(err)
	}
	var seeds []int64
	for _, s := range strings.Split(cmpOr(os.Getenv("INSERTION_SEEDS"), "1,2,3"), ",") {
		n, _ := strconv.ParseInt(s, 10, 64)
		seeds = append(seeds, n)
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fmt.Fprintln(f, "case\tkind\tcwords\tlabel\tfirst\tlast\tunits\tdocunits\tparas\twords\tcos\tthr\tscore\texcl\tmass\tbase\thostp\thostw\tmarker\torg\tfn\tprev\tnext\tedgep\tedgen\tinner\tatend\tcapped\trelax\tsmall")
	all := cases(arts, seeds)
	if os.Getenv("INSERTION_AUGMENT") != "" {
		all = append(all, untouchedParts(all)...)
	}
	for k, c := range all {
		if c.Kind == eval.InsertSameTopic || c.Kind != eval.InsertNone && c.Words < 150 {
			continue
		}
		doc := document.New(c.Name, []byte(c.Text), document.Meta{})
		var idf *insertion.IDF
		if os.Getenv("INSERTION_LOO") != "" {
			var srcs [][]byte
			for _, id := range strings.Split(strings.SplitN(c.Name, "#", 2)[0], "+") {
				src, err := os.ReadFile(filepath.Join(dir, "wcxb-dev", "truth", id+".txt"))
				if err != nil {
					t.Fatal(err)
				}
				srcs = append(srcs, src)
			}
			idf = insertion.LeaveOut(srcs...)
		}
		insertion.DumpRuns(doc, 3.5, idf, func(r insertion.RunFeatures) {
			label := "neg"
			if c.Kind != eval.InsertNone {
				label = "bad"
				if coversHalf(c, r.First, r.Last) {
					label = "ok"
				}
			}
			b2i := func(b bool) int {
				if b {
					return 1
				}
				return 0
			}
			fmt.Fprintf(f, "%d:%s\t%s\t%d\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%.5f\t%.5f\t%.4f\t%.4f\t%.1f\t%.4f\t%d\t%d\t%d\t%d\t%d\t%.5f\t%.5f\t%.5f\t%.5f\t%.5f\t%d\t%.5f\t%.4f\t%.4f\n",
				k, c.Name, c.Kind, c.Words, label, r.First, r.Last, r.Units, r.DocUnit, r.Paras, r.Words, r.Cos, r.Thr, r.Score, r.Excl, r.Mass, r.Base,
				r.HostParas, r.HostWords, b2i(r.Marker != ""), b2i(r.Org != ""), b2i(r.Footnotes), r.PrevCos, r.NextCos, r.EdgePrev, r.EdgeNext, r.Inner, b2i(r.AtEnd), r.CosCap, r.Relax, r.Small)
		})
	}
}

func cases(arts []*eval.InsertionArticle, seeds []int64) []eval.InsertionCase {
	return eval.GenerateInsertionCasesSeeds(arts, seeds)
}

// TestSharedTerms prints, with INSERTION_SHARED=case name (tune half),
// the terms an insertion shares with its host.
func TestSharedTerms(t *testing.T) {
	want := os.Getenv("INSERTION_SHARED")
	if want == "" {
		t.Skip("tuning aid")
	}
	dir, err := eval.DataDir()
	if err != nil {
		t.Skip(err)
	}
	arts, _ := eval.LoadInsertionArticles(dir, "tune")
	for _, c := range cases(arts, []int64{1, 2, 3}) {
		if !strings.Contains(","+want+",", ","+c.Name+",") || c.Kind == eval.InsertNone {
			continue
		}
		doc := document.New(c.Name, []byte(c.Text), document.Meta{})
		fmt.Println(c.Name, c.Kind, insertion.SharedTerms(doc, c.Paragraphs[0][0], c.Paragraphs[len(c.Paragraphs)-1][1]))
	}
}

// untouchedParts makes more negatives from the untouched articles: the
// first and the last 70% of each (cut at a blank line), named
// "<id>#head" and "<id>#tail". They are still clean articles, with other
// paragraphs around each run, for a closer look at how near a clean
// article comes to a warning.
func untouchedParts(cs []eval.InsertionCase) []eval.InsertionCase {
	var out []eval.InsertionCase
	for _, c := range cs {
		if c.Kind != eval.InsertNone {
			continue
		}
		paras := strings.Split(strings.TrimSpace(c.Text), "\n\n")
		if len(paras) < 8 {
			continue
		}
		k := len(paras) * 7 / 10
		out = append(out,
			eval.InsertionCase{Name: c.Name + "#head", Kind: eval.InsertNone, Text: strings.Join(paras[:k], "\n\n") + "\n"},
			eval.InsertionCase{Name: c.Name + "#tail", Kind: eval.InsertNone, Text: strings.Join(paras[len(paras)-k:], "\n\n") + "\n"})
	}
	return out
}
