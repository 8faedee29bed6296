package boilerplate

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/eval"
	"github.com/dochygiene/hygiene/rules"
)

// TestRecallLossDiagnostic is a tuning aid, not a test: it accounts for
// the residue view's boilerplate lines the family does not report at
// warning or above, and for its false alarms, by where they are lost or
// made. The line model's scores are the trainer's out-of-fold ones (as
// the judge uses them), read from its -dump file, every draw counted and
// the counts averaged over the draws:
//
//	go run ./rules/boilerplate/internal/train -draws 6 -out /tmp/m.txt -dump /tmp/oof.tsv
//	BOILERPLATE_DIAG=tune BOILERPLATE_DIAG_OOF=/tmp/oof.tsv go test ./rules/boilerplate -run RecallLoss -v
//
// The buckets: (a) the gate (the line scores at warning, its document
// does not pass the gate: GatePasses in that draw), (b) the score (below
// warning, by position), (c) exclusions (real paragraphs inside the body,
// figure lines, the endnote zone, lines a phrase family matches, left to
// that rule at info), (d) other (not a candidate line at all).
// BOILERPLATE_DIAG_POS=1 splits every bucket by position and by the
// labelled article span; BOILERPLATE_DIAG_BUCKET=prefix counts the
// furniture lines of the buckets with that prefix by site (and with
// BOILERPLATE_DIAG_PAGES=1 prints them, once per draw).
func TestRecallLossDiagnostic(t *testing.T) {
	pages := diagPages(t)
	path := os.Getenv("BOILERPLATE_DIAG_OOF")
	if path == "" {
		t.Skip("set BOILERPLATE_DIAG_OOF to the trainer's -dump file")
	}
	oof, draws := readOOF(t, path)
	model := embeddedModel()
	var rs []*rules.Rule
	for _, r := range eval.FamilyRules("boilerplate/") {
		if r.ID != LineModel.ID {
			rs = append(rs, r)
		}
	}
	docs := make([]*document.Document, len(pages))
	maps := make([][]int, len(pages))
	for i, p := range pages {
		docs[i], maps[i] = p.Document(eval.ResidueView)
	}
	found := eval.RunRules(rs, docs)
	miss, alarms := map[string]float64{}, map[string]float64{}
	positives, negatives := 0, 0
	bySite := map[string]float64{}
	for i, p := range pages {
		doc, a := docs[i], analyse(docs[i])
		flaggedBy := map[int]string{}
		for _, f := range found[i] {
			if f.Severity < rules.Warning {
				continue
			}
			for l := doc.LineAt(f.Start); l <= doc.LineAt(max(f.Start, f.End-1)); l++ {
				flaggedBy[l] = strings.TrimPrefix(f.Rule.ID, "boilerplate/")
			}
		}
		candOf := map[int]int{}
		for ci, c := range a.cands {
			candOf[c.line] = ci
		}
		// The gate in each draw, as the rule applies it: the proven
		// lines, and the lines of the page the model scores sure
		// (real paragraphs inside the body are not scored).
		high := make([]int, draws)
		for _, c := range a.cands {
			if a.blocks[c.block].good && a.inBody(c.block) {
				continue
			}
			for d, s := range oof[oofKey{p.ID, c.line}] {
				if s >= SelfProofScore {
					high[d]++
				}
			}
		}
		gateOK := func(d int) bool { return GatePasses(a.furnitureLines(), high[d], model.gate) }
		for l, pl := range maps[i] {
			if pl < 0 {
				continue
			}
			label := p.Labels[pl]
			isPos := label == eval.LabelBoilerplate
			if !isPos && label != eval.LabelContent && label != eval.LabelTitle {
				continue
			}
			counts := alarms
			if isPos {
				counts = miss
				positives++
			} else {
				negatives++
			}
			add := func(k string, w float64) {
				counts[k] += w
				if want := os.Getenv("BOILERPLATE_DIAG_BUCKET"); want != "" && isPos && strings.HasPrefix(k, want) {
					bySite[eval.WCXBSite(p)] += w
					if os.Getenv("BOILERPLATE_DIAG_PAGES") != "" {
						fmt.Printf("%s %s %.2f %.90q\n", p.ID, k, w, p.Lines[pl])
					}
				}
			}
			if rule, ok := flaggedBy[l]; ok {
				add("reported: rule "+rule, 1)
				continue
			}
			ci, ok := candOf[l]
			if !ok {
				add("d: not a candidate line", 1)
				continue
			}
			c := &a.cands[ci]
			pos := []string{"no body", "before body", "after body", "inside body"}[a.positionIndex(c.block)]
			if os.Getenv("BOILERPLATE_DIAG_POS") != "" {
				// Every bucket by position, and inside or outside the
				// labelled article span (its first to last content line).
				span := "in span"
				if pl < p.First-1 || pl > p.Last-1 {
					span = "out of span"
				}
				plain := add
				add = func(k string, w float64) { plain(k+" / "+pos+" / "+span, w) }
			}
			switch {
			case c.match != noMatch:
				add("c: phrase match left at info", 1)
				continue
			case a.structure()[ci].sev >= rules.Warning:
				add("d: structure warning, not reported", 1)
				continue
			case a.inNotesZone(c.block):
				add("c: endnote zone", 1)
				continue
			case onlyFigures(c.norm) && !phoneLike(c.text):
				add("c: figure line", 1)
				continue
			case a.blocks[c.block].good && a.inBody(c.block):
				// The trainer's rows hold these lines (and the judge counts
				// them); the rule never reports them.
				for d, s := range oof[oofKey{p.ID, l}] {
					if s >= float64(model.warning) && gateOK(d) {
						counts["(c: of which scored at warning, gate passed)"] += 1 / float64(draws)
					}
				}
				add("c: real paragraph inside the body", 1)
				continue
			}
			scores, ok := oof[oofKey{p.ID, l}]
			if !ok {
				add("d: judged, no out-of-fold row", 1)
				continue
			}
			for d, s := range scores {
				w := 1 / float64(draws)
				switch {
				case s >= float64(model.warning) && gateOK(d):
					add("reported: line model", w)
				case s >= float64(model.warning):
					band := "score < 0.99"
					if s >= 0.99 {
						band = "score >= 0.99"
					}
					add(fmt.Sprintf("a: gate (doc furniture %d, %s)", min(a.furnitureLines(), 1), band), w)
				case s >= float64(model.info):
					add("b: score in info band, "+pos, w)
				default:
					add("b: score below info, "+pos, w)
				}
			}
		}
	}
	show := func(title string, m map[string]float64, total int) {
		fmt.Printf("%s (%d lines):\n", title, total)
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Printf("  %-55s %8.1f  %5.1f%%\n", k, m[k], 100*m[k]/float64(total))
		}
	}
	show("residue boilerplate lines", miss, positives)
	if len(bySite) > 0 {
		show("that bucket by site", bySite, positives)
	}
	show("residue content and title lines", alarms, negatives)
}

// oofKey names a residue-view line of a page.
type oofKey struct {
	page string
	line int
}

// readOOF reads the residue rows of the trainer's -dump file: each line's
// out-of-fold score in every draw.
func readOOF(t *testing.T, path string) (map[oofKey][]float64, int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	out := map[oofKey][]float64{}
	draws := 0
	first := true
	for sc.Scan() {
		if first {
			first = false
			continue
		}
		cols := strings.SplitN(sc.Text(), "\t", 7)
		if cols[0] != "0" {
			continue
		}
		line, _ := strconv.Atoi(cols[2])
		var scores []float64
		for _, s := range strings.Split(cols[5], ",") {
			v, _ := strconv.ParseFloat(s, 64)
			scores = append(scores, v)
		}
		draws = len(scores)
		out[oofKey{cols[1], line}] = scores
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out, draws
}
