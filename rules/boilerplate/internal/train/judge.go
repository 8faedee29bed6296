package main

// The judge (-judge): a steadier verdict on a change to the features, the
// structure evidence or the learner than one cross-validated run gives.
// One run's recall at a fixed precision moves by two or three points with
// the fold draw alone (see repeats), more than most changes move it. The
// judge keeps every draw's out-of-fold scores apart, and prints
//
//   - the residue recall at fixed residue precisions, pooled over the
//     draws, with the range over the draws (fold luck) and a 90% interval
//     from resampling the sites with replacement, each round on one
//     draw picked at random (site luck and fold luck together);
//   - at the pooled threshold of the first precision level, the false
//     alarms by site: article lines the other rules and the model flag
//     (residue and whole page) and clean truth texts with a warning, so a
//     change that moves its false alarms onto a few sites shows.
//
// With -judge-save FILE the judge also writes what it measured; a later
// run with -judge-compare FILE (same data, same -draws and -first-draw)
// prints the difference with the saved run, site by site paired: the
// same sites resampled for both, so what the two runs share cancels and
// only the change is left. The model file is not written in judge mode.

import (
	"encoding/gob"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"

	"github.com/dochygiene/hygiene/internal/eval"
	"github.com/dochygiene/hygiene/rules/boilerplate"
)

// judgeLevels are the residue precisions the judge reads recall at.
var judgeLevels = []float64{0.95, 0.96, 0.97}

// Judge settings: score bins, bootstrap rounds and the interval.
const (
	judgeBins   = 1000
	judgeRounds = 400
	judgeLow    = 0.05
	judgeHigh   = 0.95
	// judgeFrom is the lowest threshold swept (as thresholdsAt).
	judgeFrom = 300
)

// siteHist is what one site contributes in one view: the other rules'
// true and false lines, the furniture lines, and the model's warned true
// and false lines by score bin (at the gate) for each draw.
type siteHist struct {
	BaseTP, BaseFP, Positives int
	TP, FP                    [][]int32 // [draw][bin]
}

// judgeRecord is what a judge run measures; gob-encoded by -judge-save.
type judgeRecord struct {
	Draws, FirstDraw, Gate int
	Sites                  []string
	// View holds siteHist by view (residue, whole page), then site.
	View [2][]siteHist
	// TruthSite is each truth text's site; TruthBase whether the other
	// rules warn on it; TruthMax its highest gated score bin per draw
	// (-1: no gated line).
	TruthSite []int
	TruthBase []bool
	TruthMax  [][]int16
}

// judgeGate is the gate the judge holds fixed (-judge-gate): the
// shipped model's, so that the gate choice's own noise stays out.
var judgeGate = 2

var judgeSave, judgeCompare string

func scoreBin(p float64) int {
	return min(judgeBins-1, max(0, int(p*judgeBins)))
}

// record gathers the judge's histograms from the draws' out-of-fold
// scores. rows are in the same order in every draw; docSite is each
// truth text's site.
func record(rows []sample, oofs [][]float64, base [nkinds]*baseline, pageSite, docSite []string) *judgeRecord {
	rec := &judgeRecord{Draws: len(oofs), FirstDraw: firstDraw, Gate: judgeGate}
	index := map[string]int{}
	site := func(name string) int {
		i, ok := index[name]
		if !ok {
			i = len(rec.Sites)
			index[name] = i
			rec.Sites = append(rec.Sites, name)
		}
		return i
	}
	for _, name := range pageSite {
		site(name)
	}
	for _, name := range docSite {
		site(name)
	}
	sort.Strings(rec.Sites)
	for i, name := range rec.Sites {
		index[name] = i
	}
	for k := range rec.View {
		hs := make([]siteHist, len(rec.Sites))
		for s := range hs {
			hs[s].TP, hs[s].FP = make([][]int32, len(oofs)), make([][]int32, len(oofs))
			for d := range oofs {
				hs[s].TP[d], hs[s].FP[d] = make([]int32, judgeBins), make([]int32, judgeBins)
			}
		}
		for p, name := range pageSite {
			s := index[name]
			hs[s].BaseTP += base[k].pageTP[p]
			hs[s].BaseFP += base[k].pageFP[p]
			hs[s].Positives += base[k].pagePos[p]
		}
		rec.View[k] = hs
	}
	rec.TruthSite = make([]int, len(docSite))
	rec.TruthBase = make([]bool, len(docSite))
	for d, name := range docSite {
		rec.TruthSite[d] = index[name]
		rec.TruthBase[d] = base[truth].alarmed[d]
	}
	rec.TruthMax = make([][]int16, len(oofs))
	for d := range oofs {
		rec.TruthMax[d] = make([]int16, len(docSite))
		for i := range rec.TruthMax[d] {
			rec.TruthMax[d][i] = -1
		}
	}
	highs := make([][]int, len(oofs))
	for d, oof := range oofs {
		highs[d] = docHighs(rows, oof)
	}
	for i, r := range rows {
		proven := int(r.x[gateFeature])
		gated := func(d int) bool { return boilerplate.GatePasses(proven, highs[d][i], judgeGate) }
		switch r.kind {
		case truth:
			for d, oof := range oofs {
				if gated(d) {
					rec.TruthMax[d][r.doc] = max(rec.TruthMax[d][r.doc], int16(scoreBin(oof[i])))
				}
			}
		case residue, wholePage:
			h := &rec.View[r.kind][index[r.site]]
			for d, oof := range oofs {
				if !gated(d) {
					continue
				}
				if r.y > 0 {
					h.TP[d][scoreBin(oof[i])]++
				} else {
					h.FP[d][scoreBin(oof[i])]++
				}
			}
		}
	}
	return rec
}

// curve is a view's totals along the threshold bins for one choice of
// sites (weights) and draws.
type curve struct {
	baseTP, baseFP, positives float64
	tp, fp                    [judgeBins]float64
}

// curveOf sums the sites with weight w (nil: all once) over draws.
func (rec *judgeRecord) curveOf(view int, w []int, draws []int) *curve {
	c := &curve{}
	for s, h := range rec.View[view] {
		n := 1
		if w != nil {
			n = w[s]
		}
		if n == 0 {
			continue
		}
		f, nd := float64(n), float64(len(draws))
		c.baseTP += f * nd * float64(h.BaseTP)
		c.baseFP += f * nd * float64(h.BaseFP)
		c.positives += f * nd * float64(h.Positives)
		for _, d := range draws {
			tp, fp := h.TP[d], h.FP[d]
			for b := judgeFrom; b < judgeBins; b++ {
				c.tp[b] += f * float64(tp[b])
				c.fp[b] += f * float64(fp[b])
			}
		}
	}
	return c
}

// recallAt returns, for each precision level, the best recall at which
// the precision reaches it and the highest bin giving that recall (-1:
// the level is not reached), so that no false alarm adding no recall is
// counted at it.
func (c *curve) recallAt(levels []float64) (recall []float64, bin []int) {
	recall, bin = make([]float64, len(levels)), make([]int, len(levels))
	for i := range bin {
		bin[i] = -1
	}
	T, F := c.baseTP, c.baseFP
	for b := judgeBins - 1; b >= judgeFrom; b-- {
		T += c.tp[b]
		F += c.fp[b]
		if T+F == 0 || c.positives == 0 {
			continue
		}
		p, r := T/(T+F), T/c.positives
		for i, want := range levels {
			if p >= want && r > recall[i] {
				recall[i], bin[i] = r, b
			}
		}
	}
	return recall, bin
}

// allDraws lists the draws 0..n-1.
func allDraws(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// bootstrapRecall returns judgeRounds draws of the recall at each level:
// each round resamples the sites with replacement and picks one draw.
func (rec *judgeRecord) bootstrapRecall() [][]float64 {
	rng := rand.New(rand.NewPCG(60, 7))
	out := make([][]float64, judgeRounds)
	w := make([]int, len(rec.Sites))
	for k := range out {
		clear(w)
		for range rec.Sites {
			w[rng.IntN(len(rec.Sites))]++
		}
		d := rng.IntN(rec.Draws)
		out[k], _ = rec.curveOf(residue, w, []int{d}).recallAt(judgeLevels)
	}
	return out
}

// quantiles returns the judgeLow and judgeHigh quantiles of column i.
func quantiles(rounds [][]float64, i int) (float64, float64) {
	v := make([]float64, len(rounds))
	for k, r := range rounds {
		v[k] = r[i]
	}
	sort.Float64s(v)
	return v[int(judgeLow*float64(len(v)))], v[min(len(v)-1, int(judgeHigh*float64(len(v))))]
}

// printJudge prints the judge's verdict on rec.
func printJudge(rec *judgeRecord) {
	pooled := rec.curveOf(residue, nil, allDraws(rec.Draws))
	recall, bins := pooled.recallAt(judgeLevels)
	perDraw := make([][]float64, rec.Draws)
	for d := range perDraw {
		perDraw[d], _ = rec.curveOf(residue, nil, []int{d}).recallAt(judgeLevels)
	}
	boot := rec.bootstrapRecall()
	fmt.Printf("judge: %d draws from %d, gate %d, %d sites; residue recall at fixed residue precision (pooled; range over draws; 90%% over sites and draws):\n",
		rec.Draws, rec.FirstDraw, rec.Gate, len(rec.Sites))
	for i, want := range judgeLevels {
		lo, hi := 1.0, 0.0
		for _, r := range perDraw {
			lo, hi = min(lo, r[i]), max(hi, r[i])
		}
		blo, bhi := quantiles(boot, i)
		fmt.Printf("  P %.3f: R %.3f  draws %.3f-%.3f  interval %.3f-%.3f  (threshold %.3f)\n", want, recall[i], lo, hi, blo, bhi, float64(bins[i])/judgeBins)
	}
	if bins[0] < 0 {
		fmt.Println("  precision level not reached: no false alarms by site")
		return
	}
	printSites(rec, bins[0])
}

// siteAlarms are one site's false alarms at a threshold, per draw.
type siteAlarms struct {
	name                   string
	baseFP, modelFP, page  float64
	truthAny, truthBase    int
	truthTexts, furnitures int
}

// alarmsAt returns every site's false alarms at bin b: the model's
// averaged over the draws, truth texts alarmed in any draw.
func (rec *judgeRecord) alarmsAt(b int) []siteAlarms {
	out := make([]siteAlarms, len(rec.Sites))
	nd := float64(rec.Draws)
	for s, name := range rec.Sites {
		a := &out[s]
		a.name = name
		res, page := rec.View[residue][s], rec.View[wholePage][s]
		a.baseFP = float64(res.BaseFP)
		a.furnitures = res.Positives
		for d := 0; d < rec.Draws; d++ {
			for k := b; k < judgeBins; k++ {
				a.modelFP += float64(res.FP[d][k]) / nd
				a.page += float64(page.FP[d][k]) / nd
			}
		}
		a.page += float64(page.BaseFP)
	}
	for t, s := range rec.TruthSite {
		out[s].truthTexts++
		alarmed := rec.TruthBase[t]
		if alarmed {
			out[s].truthBase++
		}
		for d := 0; d < rec.Draws; d++ {
			alarmed = alarmed || int(rec.TruthMax[d][t]) >= b
		}
		if alarmed {
			out[s].truthAny++
		}
	}
	return out
}

// judgeSitesShown is how many sites the breakdown lists.
const judgeSitesShown = 12

// printSites prints the false alarms by site at bin b, worst first, and
// how much of them the worst three sites hold.
func printSites(rec *judgeRecord, b int) {
	alarms := rec.alarmsAt(b)
	sort.SliceStable(alarms, func(i, j int) bool {
		x, y := alarms[i], alarms[j]
		if x.baseFP+x.modelFP != y.baseFP+y.modelFP {
			return x.baseFP+x.modelFP > y.baseFP+y.modelFP
		}
		return x.truthAny > y.truthAny
	})
	total, truthTotal, texts, pageTotal := 0.0, 0, 0, 0.0
	for _, a := range alarms {
		total += a.baseFP + a.modelFP
		pageTotal += a.page
		truthTotal += a.truthAny
		texts += a.truthTexts
	}
	top3 := 0.0
	for i := 0; i < min(3, len(alarms)); i++ {
		top3 += alarms[i].baseFP + alarms[i].modelFP
	}
	fmt.Printf("false alarms at %.3f (residue article lines per draw %.1f, worst 3 sites %.0f%%; whole page %.1f; truth texts alarmed in any draw %d of %d):\n",
		float64(b)/judgeBins, total, 100*top3/max(1, total), pageTotal, truthTotal, texts)
	fmt.Printf("  %-32s %8s %8s %8s %10s %6s\n", "site", "rules", "model", "page", "truth", "furn")
	for i, a := range alarms {
		if i >= judgeSitesShown || a.baseFP+a.modelFP == 0 {
			break
		}
		fmt.Printf("  %-32.32s %8.0f %8.1f %8.1f %4d/%d(%d) %6d\n", a.name, a.baseFP, a.modelFP, a.page, a.truthAny, a.truthTexts, a.truthBase, a.furnitures)
	}
	for _, a := range alarms {
		if a.truthAny > 0 && a.baseFP+a.modelFP == 0 {
			fmt.Printf("  %-32.32s truth texts alarmed %d of %d (by the other rules %d)\n", a.name, a.truthAny, a.truthTexts, a.truthBase)
		}
	}
}

func saveRecord(path string, rec *judgeRecord) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := gob.NewEncoder(f).Encode(rec); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func loadRecord(path string) (*judgeRecord, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rec judgeRecord
	err = gob.NewDecoder(f).Decode(&rec)
	return &rec, err
}

// compareRecords prints this run (now) against a saved one (was): the
// recall differences at each level pooled, per draw, and on paired site
// resamples (the same sites and draw for both in each round), and the
// sites whose false alarms moved. Sites only one run knows weigh zero in
// the other.
func compareRecords(was, now *judgeRecord) error {
	if was.Draws != now.Draws || was.FirstDraw != now.FirstDraw || was.Gate != now.Gate {
		return fmt.Errorf("-judge-compare: saved run has draws %d from %d gate %d, this one %d from %d gate %d",
			was.Draws, was.FirstDraw, was.Gate, now.Draws, now.FirstDraw, now.Gate)
	}
	names := map[string]bool{}
	for _, s := range was.Sites {
		names[s] = true
	}
	for _, s := range now.Sites {
		names[s] = true
	}
	var sites []string
	for s := range names {
		sites = append(sites, s)
	}
	sort.Strings(sites)
	wasIdx, nowIdx := siteIndex(was.Sites), siteIndex(now.Sites)
	weights := func(idx map[string]int, n int, w []int) []int {
		out := make([]int, n)
		for i, s := range sites {
			if j, ok := idx[s]; ok {
				out[j] = w[i]
			}
		}
		return out
	}
	all := allDraws(now.Draws)
	ones := make([]int, len(sites))
	for i := range ones {
		ones[i] = 1
	}
	rw, _ := was.curveOf(residue, weights(wasIdx, len(was.Sites), ones), all).recallAt(judgeLevels)
	rn, _ := now.curveOf(residue, weights(nowIdx, len(now.Sites), ones), all).recallAt(judgeLevels)
	rng := rand.New(rand.NewPCG(60, 8))
	diffs := make([][]float64, judgeRounds)
	w := make([]int, len(sites))
	for k := range diffs {
		clear(w)
		for range sites {
			w[rng.IntN(len(sites))]++
		}
		d := []int{rng.IntN(now.Draws)}
		a, _ := was.curveOf(residue, weights(wasIdx, len(was.Sites), w), d).recallAt(judgeLevels)
		b, _ := now.curveOf(residue, weights(nowIdx, len(now.Sites), w), d).recallAt(judgeLevels)
		diffs[k] = make([]float64, len(judgeLevels))
		for i := range a {
			diffs[k][i] = b[i] - a[i]
		}
	}
	fmt.Println("judge compare: residue recall, this run minus the saved one (pooled; per draw; 90% paired over sites and draws):")
	for i, want := range judgeLevels {
		fmt.Printf("  P %.3f: %+.3f (%.3f -> %.3f)  draws", want, rn[i]-rw[i], rw[i], rn[i])
		for d := 0; d < now.Draws; d++ {
			a, _ := was.curveOf(residue, nil, []int{d}).recallAt(judgeLevels)
			b, _ := now.curveOf(residue, nil, []int{d}).recallAt(judgeLevels)
			fmt.Printf(" %+.3f", b[i]-a[i])
		}
		lo, hi := quantiles(diffs, i)
		fmt.Printf("  interval %+.3f to %+.3f\n", lo, hi)
	}
	_, wb := was.curveOf(residue, nil, all).recallAt(judgeLevels)
	_, nb := now.curveOf(residue, nil, all).recallAt(judgeLevels)
	if wb[0] < 0 || nb[0] < 0 {
		return nil
	}
	before, after := byName(was.alarmsAt(wb[0])), byName(now.alarmsAt(nb[0]))
	fmt.Printf("sites whose false alarms moved (at P %.3f: residue article lines per draw, truth texts alarmed):\n", judgeLevels[0])
	for _, s := range sites {
		a, b := before[s], after[s]
		la, lb := a.baseFP+a.modelFP, b.baseFP+b.modelFP
		if abs(lb-la) >= 2 || a.truthAny != b.truthAny {
			fmt.Printf("  %-32.32s lines %6.1f -> %6.1f  truth %d -> %d\n", s, la, lb, a.truthAny, b.truthAny)
		}
	}
	return nil
}

func siteIndex(sites []string) map[string]int {
	m := make(map[string]int, len(sites))
	for i, s := range sites {
		m[s] = i
	}
	return m
}

func byName(alarms []siteAlarms) map[string]siteAlarms {
	m := make(map[string]siteAlarms, len(alarms))
	for _, a := range alarms {
		m[a.name] = a
	}
	return m
}

func abs(v float64) float64 { return max(v, -v) }

// judge prints (and saves or compares) the judge's verdict on the draws'
// out-of-fold scores.
func judge(rows []sample, oofs [][]float64, base [nkinds]*baseline, pages []*eval.WCXBPage, refs []docRef) error {
	pageSite := make([]string, len(pages))
	for i, p := range pages {
		pageSite[i] = eval.WCXBSite(p)
	}
	var docSite []string
	for _, ref := range refs {
		if ref.kind == truth {
			docSite = append(docSite, ref.site)
		}
	}
	rec := record(rows, oofs, base, pageSite, docSite)
	printJudge(rec)
	if judgeSave != "" {
		if err := saveRecord(judgeSave, rec); err != nil {
			return err
		}
	}
	if judgeCompare != "" {
		was, err := loadRecord(judgeCompare)
		if err != nil {
			return err
		}
		return compareRecords(was, rec)
	}
	return nil
}
