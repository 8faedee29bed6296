// Command train fits the boilerplate/line-model classifier on the tune
// half of the WCXB dev pages and writes rules/boilerplate/linemodel.txt:
//
//	go run ./rules/boilerplate/internal/train [-out rules/boilerplate/linemodel.txt]
//
// Only tune-half pages (eval.WCXBTune) and their truth texts are read, so
// the report half stays held out. Rows are the lines the model judges
// (boilerplate.LineFeatures) in the residue and whole-page views, labelled
// 1 for boilerplate and 0 for content and title (mixed and notext left
// out), plus every judged line of the tune half's clean truth texts as 0.
// The thresholds come from 4-fold cross-validation by site inside the tune
// half: out-of-fold scores are combined with the other boilerplate rules'
// findings, as the family reports them, and the warning threshold is the
// lowest at which the family's residue precision reaches -precision on
// the 5% bootstrap bound over pages (-bound). Training is deterministic.
//
// With -split tune-a the model, its lexicon and its thresholds are fitted
// on tune-a's sites only, and the family's totals on tune-b's unseen
// sites are printed (eval.WCXBSplit): the way to judge a change to the
// features or the learner without the report half.
//
// The judge (-judge, judge.go) is the steadier verdict on a change: it
// keeps several fold draws apart and prints the residue recall at fixed
// precisions pooled, with the range over draws and an interval over
// sites, and the false alarms by site (article lines and truth texts);
// it writes no model. Save the run before the change, compare after:
//
//	go run ./rules/boilerplate/internal/train -judge -draws 6 -judge-save /tmp/before.gob
//	(make the change)
//	go run ./rules/boilerplate/internal/train -judge -draws 6 -judge-compare /tmp/before.gob
//
// The comparison resamples the same sites for both runs, so what they
// share cancels; about five CPU minutes each on 2026-12-07's machine.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/eval"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/boilerplate"
)

// Row kinds: which view a row comes from.
const (
	residue = iota
	wholePage
	truth
	nkinds
)

// sample is one judged line.
type sample struct {
	x     []float32
	y     float64
	words []string
	text  string
	page  int // index into pages, the fold unit
	// site is the page's domain: its cross-validation fold.
	site string
	kind int
	doc  int // document index within its kind, for truth alarms
	line int // the document line, for -dump
}

// judgedDoc is every line the model judges in one training document, with
// its features.
type judgedDoc struct {
	lines []int
	x     [][]float32
	words [][]string
}

// docRef is one training document: a view of a tune page or a truth text,
// with the label of every document line the model may judge (absent: not
// scored, or already flagged by another rule).
type docRef struct {
	doc    *document.Document
	kind   int
	page   int
	site   string
	index  int
	labels map[int]float64
}

// baseline is what the other boilerplate rules already flag in one view:
// line counts by label, and for truth texts which documents are alarmed.
type baseline struct {
	tp, fp, positives int
	// pageTP and pageFP count tp and fp by page, for the bootstrap;
	// pagePos the positives by page, for the judge's sites.
	pageTP, pageFP, pagePos []int
	alarmed                 map[int]bool
	docs                    int
}

const folds = 4

// repeats is how many times the folds are drawn (-draws), and
// firstDraw the number of the first draw (-first-draw): other numbers
// draw other folds, to see how much of a difference between two runs
// the folds' luck alone makes. Measured on the tune half with the model
// of 2026-12-07: draws 0-1 (as shipped) choose gate 2, warning 0.905;
// draws 2-3 gate 3, 0.875 (gate 2 would take 0.945); draws 0-5 gate 2,
// 0.925; draws 6-11 gate 3, 0.880 (gate 2: 0.945). At gate 2 the recall
// on the bound at the chosen threshold was 0.491, 0.450, 0.473, 0.457,
// and the point recall at residue P 0.95 0.520, 0.500 (gate 3), 0.509,
// 0.496 (gate 3): two runs that differ by two or three points differ by
// the folds as much as by a change.
var repeats, firstDraw = 2, 0

var show *int

// judgeMode runs the judge (-judge) instead of training.
var judgeMode bool

// onBound makes the residue precision target apply to the bootstrap
// lower bound over pages instead of the point estimate (-bound, on by
// default): false alarms come in clusters of a page, and the point
// estimate's threshold (0.96 on it) gave 0.954 on tune-b and 0.936 on the
// report half; the bound asks for 0.95 on nineteen draws of the pages in
// twenty.
var onBound = true

// dropped are the features the trees may not split on (-drop): held at
// zero while fitting, so no tree reads them.
var dropped []int

func withoutDropped(x []float32) []float32 {
	if len(dropped) == 0 {
		return x
	}
	out := append([]float32(nil), x...)
	for _, f := range dropped {
		out[f] = 0
	}
	return out
}

// dropFeatures sets dropped from a comma-separated list of feature names.
func dropFeatures(list string) error {
	names := boilerplate.LineFeatureNames()
	for _, want := range strings.Split(list, ",") {
		if want == "" {
			continue
		}
		found := false
		for i, n := range names {
			if n == want {
				dropped, found = append(dropped, i), true
			}
		}
		if !found {
			return fmt.Errorf("-drop: no feature %q", want)
		}
	}
	return nil
}

// prefixes are the smaller tree counts judged from the same fits
// (-prefixes): boosting adds trees in order, so the first n trees of an
// ensemble are the ensemble n rounds would have fitted.
var prefixes []int

// parsePrefixes sets prefixes from a comma-separated list of counts
// below -trees.
func parsePrefixes(list string) error {
	for _, s := range strings.Split(list, ",") {
		if s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n >= defaultParams.trees {
			return fmt.Errorf("-prefixes: %q is not a tree count below -trees", s)
		}
		prefixes = append(prefixes, n)
	}
	return nil
}

// dumpPath is where -dump writes the out-of-fold rows for analysis.
var dumpPath string

// dump writes one TSV row per judged line: view, page, document line,
// label, the first draw's out-of-fold score, every draw's (comma-separated),
// the features by name and the line's text.
func dump(path string, rows []sample, oofs [][]float64, pages []*eval.WCXBPage) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	names := boilerplate.LineFeatureNames()
	fmt.Fprintf(w, "kind\tpage\tline\ty\toof\tdraws\t%s\ttext\n", strings.Join(names, "\t"))
	for i, r := range rows {
		draws := make([]string, len(oofs))
		for d, oof := range oofs {
			draws[d] = strconv.FormatFloat(oof[i], 'f', 4, 64)
		}
		fmt.Fprintf(w, "%d\t%s\t%d\t%g\t%.4f\t%s", r.kind, pages[r.page].ID, r.line, r.y, oofs[0][i], strings.Join(draws, ","))
		for _, v := range r.x {
			fmt.Fprintf(w, "\t%g", v)
		}
		fmt.Fprintf(w, "\t%s\n", strings.NewReplacer("\t", " ", "\n", " ").Replace(r.text))
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// showErrors prints residue-view article lines the out-of-fold model
// scores at warning or above: what the classifier still gets wrong.
func showErrors(rows []sample, oof []float64, pages []*eval.WCXBPage, th thresholds, n int) {
	shown := 0
	for i, r := range rows {
		if shown >= n {
			return
		}
		if r.kind == residue && r.y == 0 && oof[i] >= th.warning {
			fmt.Printf("  false alarm %.3f %s %.100q\n", oof[i], pages[r.page].ID, r.text)
			shown++
		}
	}
}

// defaultParams are the settings of the shipped model. 100 trees at rate
// 0.15 keep the residue recall of 200 trees at 0.1 at equal precision
// (cross-validated on the tune half 0.513/0.491/0.466/0.441 against
// 0.515/0.494/0.461/0.443 at 0.95/0.96/0.97/0.975; fitted on tune-a, on
// tune-b's unseen sites 0.560/0.548/0.532/0.520 against
// 0.559/0.546/0.523/0.509) at half the walk per line; 100 at 0.2 and 150
// at 0.1 lost up to two points cross-validated.
var defaultParams = params{trees: 100, depth: 5, rate: 0.15, lambda: 1, minHess: 2, posRatio: 1}

func main() {
	out := flag.String("out", "rules/boilerplate/linemodel.txt", "weights file to write")
	flag.IntVar(&defaultParams.trees, "trees", defaultParams.trees, "boosting rounds")
	flag.IntVar(&defaultParams.depth, "depth", defaultParams.depth, "tree depth")
	flag.Float64Var(&defaultParams.minHess, "min-hess", defaultParams.minHess, "smallest hessian sum of a leaf (larger: fewer leaves fitted to a handful of lines)")
	flag.Float64Var(&defaultParams.lambda, "lambda", defaultParams.lambda, "L2 penalty on leaf values")
	flag.Float64Var(&defaultParams.rate, "rate", defaultParams.rate, "learning rate")
	targetP := flag.Float64("precision", 0.95, "family precision at warning and above to reach (cross-validated by site; in the residue view on the bootstrap bound, see -bound)")
	maxAlarm := flag.Float64("truth-alarms", 0.008, "largest share of clean truth texts with a warning")
	split := flag.String("split", "tune", "pages to train on: tune (what ships), or tune-a to judge the model on tune-b's unseen sites (eval.WCXBSplit)")
	show = flag.Int("show", 0, "print this many out-of-fold false alarms at warning (tune half only)")
	flag.StringVar(&dumpPath, "dump", "", "write every row's out-of-fold score, label, features and text to this TSV file (tune half only)")
	flag.BoolVar(&onBound, "bound", onBound, "hold the residue precision target on the 5% bootstrap bound over pages, not on the point estimate")
	drop := flag.String("drop", "", "comma-separated features the trees may not use")
	prefix := flag.String("prefixes", "", "comma-separated smaller tree counts whose cross-validated thresholds (and, with -split tune-a, tune-b curve) are printed as well: the first n trees of the fitted ensembles")
	flag.IntVar(&repeats, "draws", repeats, "how many times the cross-validation folds are drawn")
	flag.IntVar(&firstDraw, "first-draw", firstDraw, "number of the first fold draw (0 as shipped; others draw other folds)")
	flag.IntVar(&siteCap, "site-cap", siteCap, "most training rows a site weighs as (0: no cap)")
	flag.BoolVar(&judgeMode, "judge", false, "judge instead of train: pool the -draws fold draws (6 or more advised), print residue recall at fixed precision with its spread and the false alarms by site; writes no model (see judge.go)")
	flag.IntVar(&judgeGate, "judge-gate", judgeGate, "the gate the judge holds fixed (the shipped model's)")
	flag.StringVar(&judgeSave, "judge-save", "", "with -judge: save what the judge measured to this file")
	flag.StringVar(&judgeCompare, "judge-compare", "", "with -judge: print the differences, site-paired, with a run saved by -judge-save")
	flag.Parse()
	if err := parsePrefixes(*prefix); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(2)
	}
	if err := dropFeatures(*drop); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(2)
	}
	if *split != "tune" && *split != "tune-a" {
		fmt.Fprintln(os.Stderr, "train: -split must be tune or tune-a (the report half and tune-b stay unseen)")
		os.Exit(2)
	}
	if err := run(*out, *split, *targetP, *maxAlarm, *show); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(out, split string, targetP, maxAlarm float64, showN int) error {
	dir, err := eval.WCXBDir()
	if err != nil {
		return fmt.Errorf("WCXB dev data: %w", err)
	}
	all, err := eval.LoadWCXB(dir)
	if err != nil {
		return err
	}
	pages, _ := eval.WCXBSplit(all, split)
	refs, base := collect(pages)
	plain := labelled(refs, judgeAll(refs, boilerplate.Lexicon{}))
	fmt.Printf("%d %s pages, %d judged lines (%d furniture)\n", len(pages), split, len(plain), countPos(plain))
	// Cross-validation by site: each fold's pages are scored by a model
	// (and lexicon) fitted without them. The folds are drawn repeats
	// times and the draws pooled (every line counted once per draw, each
	// time with a single model's score, as the rule scores it): false
	// alarms cluster on a few pages, and one draw's luck (which pages
	// share a fold) moves the precision by a point or two.
	var rows []sample
	oofs := make([][]float64, repeats)
	prefixOOFs := make([][][]float64, len(prefixes))
	for p := range prefixes {
		prefixOOFs[p] = make([][]float64, repeats)
	}
	for rep := 0; rep < repeats; rep++ {
		oofs[rep] = make([]float64, len(plain))
		oof := oofs[rep]
		for p := range prefixes {
			prefixOOFs[p][rep] = make([]float64, len(plain))
		}
		for k := 0; k < folds; k++ {
			inTrain := func(r sample) bool { return fold(r.site, rep) != k }
			lex := learnLexicon(plain, pages, inTrain)
			rows = labelled(refs, judgeAll(refs, lex))
			m := fitRows(rows, trainIndex(rows, inTrain))
			test := 0
			for i, r := range rows {
				if !inTrain(r) {
					oof[i] = m.predict(r.x)
					for p, n := range prefixes {
						prefixOOFs[p][rep][i] = m.firstTrees(n).predict(r.x)
					}
					test++
				}
			}
			fmt.Printf("draw %d fold %d: %d words in the lexicon, %d test rows\n", rep, k, len(lex), test)
		}
	}
	if judgeMode {
		return judge(rows, oofs, base, pages, refs)
	}
	prefixTh := make([]thresholds, len(prefixes))
	for p, n := range prefixes {
		fmt.Printf("first %d trees:\n", n)
		pr, po, pb := pool(rows, prefixOOFs[p], base)
		prefixTh[p] = chooseThresholds(pr, po, pb, targetP, maxAlarm)
		fmt.Print("cross-validated")
		printEqualPrecision(pr, po, pb, prefixTh[p].gate)
	}
	fmt.Printf("all %d trees:\n", defaultParams.trees)
	pooledRows, pooledOOF, pooledBase := pool(rows, oofs, base)
	th := chooseThresholds(pooledRows, pooledOOF, pooledBase, targetP, maxAlarm)
	fmt.Print("cross-validated")
	printEqualPrecision(pooledRows, pooledOOF, pooledBase, th.gate)
	showErrors(rows, oofs[0], pages, th, showN)
	if dumpPath != "" {
		if err := dump(dumpPath, rows, oofs, pages); err != nil {
			return err
		}
	}
	lex := learnLexicon(plain, pages, func(sample) bool { return true })
	rows = labelled(refs, judgeAll(refs, lex))
	final := fitRows(rows, trainIndex(rows, func(sample) bool { return true }))
	if split == "tune-a" {
		for p, n := range prefixes {
			fmt.Printf("first %d trees: ", n)
			judgeUnseen(all, final.firstTrees(n), lex, prefixTh[p])
		}
		fmt.Printf("all %d trees: ", defaultParams.trees)
		judgeUnseen(all, final, lex, th)
	}
	return write(out, final, lex, th)
}

// judgeUnseen prints what the model fitted on tune-a does on tune-b's
// sites, which neither the model nor its thresholds saw: the family's
// totals at the chosen thresholds and along the score, so that a change
// to the features or the learner is judged on sites it was not fitted
// to (totals only: no tune-b line is printed).
func judgeUnseen(all []*eval.WCXBPage, e *ensemble, lex boilerplate.Lexicon, th thresholds) {
	pages, _ := eval.WCXBSplit(all, "tune-b")
	refs, base := collect(pages)
	rows := labelled(refs, judgeAll(refs, lex))
	scores := make([]float64, len(rows))
	for i, r := range rows {
		scores[i] = e.predict(r.x)
	}
	fmt.Printf("tune-b (%d unseen pages), gate %d, along the score:\n", len(pages), th.gate)
	thresholdsAt(rows, scores, base, 2, 1, th.gate)
	fmt.Printf("tune-b at the chosen warning %.3f: ", th.warning)
	printAt(rows, scores, base, th.warning, th.gate)
	fmt.Print("tune-b")
	printEqualPrecision(rows, scores, base, th.gate)
}

// equalPrecision are the residue precisions at which printEqualPrecision
// compares models: the recall a model keeps at a precision does not
// depend on where its scores happen to fall.
var equalPrecision = []float64{0.95, 0.96, 0.97, 0.975, 0.98}

// printEqualPrecision prints the family's best residue recall at each
// residue precision of equalPrecision (point estimate, and the 5%
// bootstrap bound), the model's warning threshold swept finely at gate.
func printEqualPrecision(rows []sample, scores []float64, base [nkinds]*baseline, gate int) {
	point := make([]float64, len(equalPrecision))
	bound := make([]float64, len(equalPrecision))
	for t := 0.30; t < 0.9995; t += 0.001 {
		c := countAt(rows, scores, base, t, gate)
		b := base[residue]
		T, F := float64(b.tp+c.tp[residue]), float64(b.fp+c.fp[residue])
		p, r := T/(T+F), T/float64(b.positives)
		low := bootstrapPrecision(b, c.pageTP, c.pageFP)
		for i, want := range equalPrecision {
			if p >= want {
				point[i] = max(point[i], r)
			}
			if low >= want {
				bound[i] = max(bound[i], r)
			}
		}
	}
	fmt.Printf(" residue recall at equal precision (gate %d):", gate)
	for i, want := range equalPrecision {
		fmt.Printf("  P %.3f: R %.3f (on the bound %.3f)", want, point[i], bound[i])
	}
	fmt.Println()
}

// printAt prints the family's residue and whole-page precision and recall
// and the truth alarms with the model's lines at warning t and gate.
func printAt(rows []sample, scores []float64, base [nkinds]*baseline, t float64, gate int) {
	c := countAt(rows, scores, base, t, gate)
	tp, fp, alarmed := c.tp, c.fp, c.alarmed
	for _, k := range []int{residue, wholePage} {
		b := base[k]
		T, F := float64(b.tp+tp[k]), float64(b.fp+fp[k])
		fmt.Printf("%s P %.3f R %.3f (model lines P %.3f, %d)  ", []string{"residue", "whole page"}[k], T/(T+F), T/float64(b.positives),
			float64(tp[k])/float64(max(1, tp[k]+fp[k])), tp[k]+fp[k])
	}
	fmt.Printf("truth alarms %d of %d\n", len(alarmed), base[truth].docs)
}

// counts are the model's warned lines at one threshold: true and false
// ones per view, per residue page, and the truth texts alarmed (the
// baseline's alarms included).
type counts struct {
	tp, fp         [nkinds]int
	pageTP, pageFP []int
	alarmed        map[int]bool
}

func countAt(rows []sample, scores []float64, base [nkinds]*baseline, t float64, gate int) counts {
	pages := len(base[residue].pageTP)
	c := counts{pageTP: make([]int, pages), pageFP: make([]int, pages), alarmed: map[int]bool{}}
	for d := range base[truth].alarmed {
		c.alarmed[d] = true
	}
	high := docHighs(rows, scores)
	for i, r := range rows {
		if !warns(r, scores[i], t, gate, high[i]) {
			continue
		}
		switch {
		case r.kind == truth:
			c.alarmed[r.doc] = true
		case r.y > 0:
			c.tp[r.kind]++
			if r.kind == residue {
				c.pageTP[r.page]++
			}
		default:
			c.fp[r.kind]++
			if r.kind == residue {
				c.pageFP[r.page]++
			}
		}
	}
	return c
}

// warns reports whether the rule warns on a row the model scores p at
// warning threshold t and gate, as runLineModel decides: the score
// reaches t and the document passes the gate with its proven furniture
// and the high lines the model scores at boilerplate.SelfProofScore.
func warns(r sample, p, t float64, gate, high int) bool {
	return p >= t && boilerplate.GatePasses(int(r.x[gateFeature]), high, gate)
}

// docHighs returns, for every row, how many rows of its document the
// model scores at boilerplate.SelfProofScore or above. A document's rows
// stand together (rows are collected document by document, and pool
// repeats them whole), so a document is a run of rows of one kind and
// index. Real paragraphs inside the body are not counted: the rule does
// not score them. Lines without a label (mixed, no text) are no rows, so
// a page's count can fall short of the rule's, never exceed it.
func docHighs(rows []sample, scores []float64) []int {
	out := make([]int, len(rows))
	for from := 0; from < len(rows); {
		to, n := from, 0
		for ; to < len(rows) && rows[to].kind == rows[from].kind && rows[to].doc == rows[from].doc; to++ {
			if scores[to] >= boilerplate.SelfProofScore && !inBodyParagraph(rows[to]) {
				n++
			}
		}
		for i := from; i < to; i++ {
			out[i] = n
		}
		from = to
	}
	return out
}

// inBodyParagraph reports a row of a real paragraph inside the body (the
// rule's scoredByRule leaves them out).
func inBodyParagraph(r sample) bool {
	return r.x[goodBlockFeature] > 0 && r.x[positionFeature] == 0
}

// gateFeature is the position of the gate's feature; goodBlockFeature
// and positionFeature tell a real paragraph inside the body.
var (
	gateFeature      = featureIndex("doc_furniture")
	goodBlockFeature = featureIndex("good_block")
	positionFeature  = featureIndex("position")
)

// featureIndex is the position of the feature named name.
func featureIndex(name string) int {
	for i, n := range boilerplate.LineFeatureNames() {
		if n == name {
			return i
		}
	}
	panic("no " + name + " feature")
}

// pool returns the rows once per draw with that draw's scores, and the
// other rules' counts scaled to match (truth alarms are the union over
// draws: a text alarmed in one draw counts).
func pool(rows []sample, oofs [][]float64, base [nkinds]*baseline) ([]sample, []float64, [nkinds]*baseline) {
	var pr []sample
	var po []float64
	for _, oof := range oofs {
		pr = append(pr, rows...)
		po = append(po, oof...)
	}
	n := len(oofs)
	var pb [nkinds]*baseline
	for k, b := range base {
		c := *b
		c.tp, c.fp, c.positives = n*b.tp, n*b.fp, n*b.positives
		if b.pageTP != nil {
			c.pageTP, c.pageFP = make([]int, len(b.pageTP)), make([]int, len(b.pageFP))
			for i := range b.pageTP {
				c.pageTP[i], c.pageFP[i] = n*b.pageTP[i], n*b.pageFP[i]
			}
		}
		pb[k] = &c
	}
	return pr, po, pb
}

func trainIndex(rows []sample, keep func(sample) bool) []int {
	var idx []int
	for i, r := range rows {
		if keep(r) {
			idx = append(idx, i)
		}
	}
	return idx
}

func fitRows(rows []sample, idx []int) *ensemble {
	x := make([][]float32, len(rows))
	y := make([]float64, len(rows))
	for i, r := range rows {
		x[i], y[i] = withoutDropped(r.x), r.y
	}
	bn := newBinner(x, len(rows[0].x))
	return fit(defaultParams, bn, bn.binned(x), x, y, siteWeights(rows, idx), idx)
}

// siteCap is the most training rows a site weighs as (-site-cap; 0: no
// cap): a site's rows beyond it are weighed down together, so that one
// listing page of a thousand lines does not teach the trees its template.
// Not shipped: at 600 (15% of the sites are larger) the judge (-draws 6,
// paired with the shipped settings) gave residue recall +0.007 at P 0.95
// (draws -0.034 to +0.027, interval -0.037 to +0.051), +0.019 at P 0.97,
// and fitted on tune-a the threshold rule moved to gate 3 and tune-b's
// residue precision at the chosen warning fell from 0.975 to 0.967 (R
// 0.521 -> 0.531). (-min-hess 8 likewise: judge +0.000 at P 0.95, tune-b
// P 0.978 R 0.488 at the chosen warning, its equal-precision recall no
// better.)
var siteCap = 0

// siteWeights returns each training row's weight under siteCap (nil when
// there is no cap).
func siteWeights(rows []sample, idx []int) []float64 {
	if siteCap <= 0 {
		return nil
	}
	n := map[string]int{}
	for _, i := range idx {
		n[rows[i].site]++
	}
	w := make([]float64, len(rows))
	for _, i := range idx {
		w[i] = min(1, float64(siteCap)/float64(n[rows[i].site]))
	}
	return w
}

// Lexicon filters: a word must occur on enough lines and on enough sites
// to be learned, so no site's own strings get in.
const (
	lexMinLines   = 30
	lexMinDomains = 12
	lexMinWeight  = 0.4
	lexClip       = 4
)

// learnLexicon learns each word's furniture log-odds from the rows that
// keep says are training rows (each word counted once per line).
func learnLexicon(rows []sample, pages []*eval.WCXBPage, keep func(sample) bool) boilerplate.Lexicon {
	type count struct {
		furniture, article int
		domains            map[string]bool
	}
	counts := map[string]*count{}
	totF, totA := 0, 0
	for _, r := range rows {
		if !keep(r) {
			continue
		}
		if r.y > 0 {
			totF++
		} else {
			totA++
		}
		seen := map[string]bool{}
		for _, w := range r.words {
			if seen[w] {
				continue
			}
			seen[w] = true
			c := counts[w]
			if c == nil {
				c = &count{domains: map[string]bool{}}
				counts[w] = c
			}
			if r.y > 0 {
				c.furniture++
			} else {
				c.article++
			}
			c.domains[r.site] = true
		}
	}
	lex := boilerplate.Lexicon{}
	for w, c := range counts {
		if c.furniture+c.article < lexMinLines || len(c.domains) < lexMinDomains {
			continue
		}
		v := math.Log(float64(c.furniture+1)/float64(totF+2)) - math.Log(float64(c.article+1)/float64(totA+2))
		v = math.Max(-lexClip, math.Min(lexClip, v))
		if math.Abs(v) >= lexMinWeight {
			lex[w] = float32(v)
		}
	}
	return lex
}

func countPos(rows []sample) int {
	n := 0
	for _, r := range rows {
		if r.y > 0 {
			n++
		}
	}
	return n
}

// fold assigns a site to a cross-validation fold by a salted hash of its
// domain (independent of the tune/report split's hash). Folds by site, not
// page: pages of one site share templates, and a model scored on a site
// it was fitted on looks better than it will on a new one.
func fold(site string, draw int) int {
	h := fnv.New64a()
	h.Write([]byte("fold:" + strconv.Itoa(firstDraw+draw) + ":" + site))
	return int((h.Sum64() >> 40) % folds)
}

// otherRules is the boilerplate family without the line model.
func otherRules() []*rules.Rule {
	var rs []*rules.Rule
	for _, r := range eval.FamilyRules("boilerplate/") {
		if r.ID != boilerplate.LineModel.ID {
			rs = append(rs, r)
		}
	}
	return rs
}

// collect builds the documents of both views and the truth texts with
// their labels, and what the other rules flag there.
func collect(pages []*eval.WCXBPage) ([]docRef, [nkinds]*baseline) {
	var refs []docRef
	var base [nkinds]*baseline
	rs := otherRules()
	for _, v := range []eval.WCXBView{eval.ResidueView, eval.PageView} {
		kind := residue
		if v == eval.PageView {
			kind = wholePage
		}
		b := &baseline{pageTP: make([]int, len(pages)), pageFP: make([]int, len(pages)), pagePos: make([]int, len(pages))}
		base[kind] = b
		docs := make([]*document.Document, len(pages))
		maps := make([][]int, len(pages))
		for i, p := range pages {
			docs[i], maps[i] = p.Document(v)
		}
		found := eval.RunRules(rs, docs)
		for i, p := range pages {
			flagged := flaggedLines(docs[i], found[i])
			from, to := p.Range(v)
			ref := docRef{doc: docs[i], kind: kind, page: i, site: eval.WCXBSite(p), index: i, labels: map[int]float64{}}
			for ln := from; ln < to; ln++ {
				var y float64
				switch p.Labels[ln] {
				case eval.LabelBoilerplate:
					b.positives++
					b.pagePos[i]++
					y = 1
				case eval.LabelContent, eval.LabelTitle:
				default:
					continue
				}
				if flagged[ln-from] {
					if y > 0 {
						b.tp++
						b.pageTP[i]++
					} else {
						b.fp++
						b.pageFP[i]++
					}
					continue
				}
				ref.labels[2*(ln-from)] = y
			}
			refs = append(refs, ref)
		}
	}
	b := &baseline{alarmed: map[int]bool{}}
	base[truth] = b
	var docs []*document.Document
	var owner []int
	for i, p := range pages {
		if p.Truth != "" {
			docs = append(docs, document.New(p.ID+".truth.txt", []byte(p.Truth), document.Meta{Source: p.Domain}))
			owner = append(owner, i)
		}
	}
	b.docs = len(docs)
	for d, fs := range eval.RunRules(rs, docs) {
		for _, f := range fs {
			if f.Severity >= rules.Warning {
				b.alarmed[d] = true
			}
		}
		refs = append(refs, docRef{doc: docs[d], kind: truth, page: owner[d], site: eval.WCXBSite(pages[owner[d]]), index: d})
	}
	return refs, base
}

// judgeAll computes every judged line's features with lexicon lex.
func judgeAll(refs []docRef, lex boilerplate.Lexicon) []judgedDoc {
	out := make([]judgedDoc, len(refs))
	for d, ref := range refs {
		lines, x, words := boilerplate.LineFeaturesLex(ref.doc, lex)
		out[d] = judgedDoc{lines, x, words}
	}
	return out
}

// labelled returns the judged lines that carry a label, as samples.
func labelled(refs []docRef, docs []judgedDoc) []sample {
	var rows []sample
	for d, ref := range refs {
		jd := docs[d]
		for j, l := range jd.lines {
			y, ok := ref.labels[l]
			if ref.kind == truth {
				y, ok = 0, true
			}
			if ok {
				rows = append(rows, sample{x: jd.x[j], y: y, words: jd.words[j], text: string(ref.doc.LineText(l)),
					page: ref.page, site: ref.site, kind: ref.kind, doc: ref.index, line: l})
			}
		}
	}
	return rows
}

// flaggedLines marks the page lines of a view document (index from the
// view's first line) that a finding at warning or above covers. The view
// joins page lines with blank lines, so document line 2k is view line k.
func flaggedLines(doc *document.Document, fs []rules.Finding) []bool {
	out := make([]bool, (len(doc.Lines)+2)/2)
	for _, f := range fs {
		if f.Severity < rules.Warning {
			continue
		}
		first, last := doc.LineAt(f.Start), doc.LineAt(max(f.Start, f.End-1))
		for l := first; l <= last; l++ {
			if l%2 == 0 && l/2 < len(out) {
				out[l/2] = true
			}
		}
	}
	return out
}

// thresholds are the operating points written into the weights file:
// a line needs gate furniture lines elsewhere in its document to be
// reported above info.
type thresholds struct {
	info, warning, error float64
	gate                 int
}

// chooseThresholds picks, from the out-of-fold scores, for every gate the
// lowest warning threshold at which the family's precision (other rules'
// findings plus the model's lines) reaches targetP in both views and the
// truth texts with a warning stay under maxAlarm, and keeps the gate with
// the best residue recall; error needs 0.99 precision of the model's own
// lines, info 0.8.
func chooseThresholds(rows []sample, oof []float64, base [nkinds]*baseline, targetP, maxAlarm float64) thresholds {
	type option struct {
		th            thresholds
		recall, alarm float64
	}
	var opts []option
	bestRecall := 0.0
	for _, gate := range []int{0, 1, 2, 3, 5, 8} {
		th, recall, alarm := thresholdsAt(rows, oof, base, targetP, maxAlarm, gate)
		fmt.Printf("gate %d: info %.3f warning %.3f error %.3f, residue recall %.3f, truth alarms at 0.5 %.2f%%\n", gate, th.info, th.warning, th.error, recall, 100*alarm)
		opts = append(opts, option{th, recall, alarm})
		bestRecall = max(bestRecall, recall)
	}
	// Among the gates within gateSlack of the best recall, keep the one
	// whose truth alarms stay lowest far below the threshold: a margin
	// for pages unlike the tune half's.
	const gateSlack = 0.02
	var best *option
	for i, o := range opts {
		if o.recall >= bestRecall-gateSlack && (best == nil || o.alarm < best.alarm) {
			best = &opts[i]
		}
	}
	fmt.Printf("chosen: gate %d, info %.3f warning %.3f error %.3f\n", best.th.gate, best.th.info, best.th.warning, best.th.error)
	return best.th
}

func thresholdsAt(rows []sample, oof []float64, base [nkinds]*baseline, targetP, maxAlarm float64, gate int) (th thresholds, recall, alarmAtHalf float64) {
	th = thresholds{info: 1, warning: 1, error: 1, gate: gate}
	for t := 0.30; t < 0.995; t += 0.005 {
		c := countAt(rows, oof, base, t, gate)
		tp, fp, alarmed, pageTP, pageFP := c.tp, c.fp, c.alarmed, c.pageTP, c.pageFP
		pr := func(k int) (float64, float64) {
			b := base[k]
			T, F := float64(b.tp+tp[k]), float64(b.fp+fp[k])
			return T / (T + F), T / float64(b.positives)
		}
		rp, rr := pr(residue)
		wp, wr := pr(wholePage)
		low := bootstrapPrecision(base[residue], pageTP, pageFP)
		own := float64(tp[residue]) / float64(max(1, tp[residue]+fp[residue]))
		alarm := float64(len(alarmed)) / float64(base[truth].docs)
		if int(t*1000+0.5)%50 == 0 {
			fmt.Printf("  %.3f  residue P %.3f (5%% bound %.3f) R %.3f  whole page P %.3f R %.3f  model lines P %.3f  truth alarms %.2f%%\n", t, rp, low, rr, wp, wr, own, 100*alarm)
		}
		if int(t*1000+0.5) == 500 {
			alarmAtHalf = alarm
		}
		residueP := rp
		if onBound {
			residueP = low
		}
		if th.warning == 1 && residueP >= targetP && wp >= targetP && alarm <= maxAlarm {
			th.warning, recall = t, rr
		}
		if th.info == 1 && own >= 0.8 {
			th.info = t
		}
		if th.error == 1 && own >= 0.99 && t >= th.warning {
			th.error = t
		}
	}
	th.info = min(th.info, th.warning)
	return th, recall, alarmAtHalf
}

// Bootstrap settings: the family's residue precision is also estimated on
// pages drawn with replacement and its lower bound printed, because false
// alarms come in clusters (one table or directory page can hold
// hundreds): the point estimate on a few hundred pages is uncertain by
// about that much. (Selecting on the 5% bound cost a fifth of the recall
// on the tune half, so the target stays on the point estimate.)
const (
	bootstrapRounds = 200
	bootstrapLower  = 0.05
)

// bootstrapPrecision returns the bootstrapLower quantile of the residue
// precision (other rules' lines plus the model's, by page) over resampled
// page sets; deterministic.
func bootstrapPrecision(b *baseline, modelTP, modelFP []int) float64 {
	n := len(modelTP)
	rng := rand.New(rand.NewPCG(1, 2))
	ps := make([]float64, bootstrapRounds)
	for k := range ps {
		T, F := 0, 0
		for range n {
			i := rng.IntN(n)
			T += b.pageTP[i] + modelTP[i]
			F += b.pageFP[i] + modelFP[i]
		}
		ps[k] = float64(T) / float64(max(1, T+F))
	}
	sort.Float64s(ps)
	return ps[int(bootstrapLower*float64(len(ps)))]
}

// write stores the model in the format boilerplate.parseModel reads.
func write(path string, e *ensemble, lex boilerplate.Lexicon, th thresholds) error {
	var b strings.Builder
	w := bufio.NewWriter(&b)
	fmt.Fprintln(w, "# boilerplate/line-model weights: gradient-boosted trees over the line features.")
	fmt.Fprintln(w, "# Generated by go run ./rules/boilerplate/internal/train on the WCXB dev pages' tune half")
	fmt.Fprintln(w, "# (CC-BY-4.0, Murrough Foley 2026). Do not edit by hand.")
	fmt.Fprintf(w, "features %s\n", strings.Join(boilerplate.LineFeatureNames(), " "))
	fmt.Fprintf(w, "thresholds %s %s %s\n", num(th.info), num(th.warning), num(th.error))
	fmt.Fprintf(w, "gate %d\n", th.gate)
	words := make([]string, 0, len(lex))
	for word := range lex {
		words = append(words, word)
	}
	sort.Strings(words)
	for _, word := range words {
		fmt.Fprintf(w, "lex %s %s\n", word, num(float64(lex[word])))
	}
	fmt.Fprintf(w, "base %s\n", num(e.base))
	writeTrees(w, e)
	w.Flush()
	if err := os.WriteFile(path+".tmp", []byte(b.String()), 0o644); err != nil {
		return err
	}
	return os.Rename(path+".tmp", path)
}

func writeTrees(w *bufio.Writer, e *ensemble) {
	for _, t := range e.trees {
		fmt.Fprintf(w, "tree %d\n", len(t))
		for _, n := range t {
			fmt.Fprintf(w, "%d %s %d %d %s\n", n.feature, num(float64(n.threshold)), n.left, n.right, num(n.value))
		}
	}
}

func num(v float64) string { return strconv.FormatFloat(float32ish(v), 'g', -1, 32) }

func float32ish(v float64) float64 { return float64(float32(v)) }
