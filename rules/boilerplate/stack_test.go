package boilerplate

import (
	"strconv"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/shareddata"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// The context features read the seeds around a line, the line's own
// first: neighbours (noNeighbour past an edge), the windows' maxima and
// means, the high seeds within ten, the distance to the nearest high seed
// on each side and the runs of seeds at runSeed or above.
func TestStackContext(t *testing.T) {
	seeds := []float32{0.9, 0.8, 0, 0.4, 0.2, 1, 0.6}
	got := NewStackContext(seeds).Append(nil, 3)
	if len(got) != len(stackFeatureNames) {
		t.Fatalf("%d features, want %d", len(got), len(stackFeatureNames))
	}
	want := map[string]float32{
		"score": 0.4, "score@-1": 0, "score@+1": 0.2, "score@-2": 0.8, "score@+2": 1,
		"max_before5": 0.9, "max_after5": 1, "high_within10": 4,
		"high_before": 2, "high_after": 2, "run_before": 0, "run_after": 0,
	}
	for i, name := range stackFeatureNames {
		if w, ok := want[name]; ok && got[i] != w {
			t.Errorf("%s = %v, want %v", name, got[i], w)
		}
	}
	edge := NewStackContext(seeds).Append(nil, 0)
	for i, name := range stackFeatureNames {
		switch name {
		case "score@-1", "score@-2", "max_before5", "mean_before5":
			if edge[i] != noNeighbour {
				t.Errorf("first line: %s = %v, want %v", name, edge[i], float32(noNeighbour))
			}
		case "high_before":
			if edge[i] != maxDistance {
				t.Errorf("first line: high_before = %v, want %v", edge[i], maxDistance)
			}
		case "run_after":
			if edge[i] != 1 {
				t.Errorf("first line: run_after = %v, want 1 (0.8, then 0 ends the run)", edge[i])
			}
		}
	}
	if run := NewStackContext(seeds).Append(nil, 6); run[len(run)-2] != 1 {
		t.Errorf("last line: run_before = %v, want 1 (0.2 < %v ends it)", run[len(run)-2], runSeed)
	}
}

// The second stage's records follow the first's after a line "second";
// its features are the first stage's and the context's, it has no
// lexicon, and a broken second stage fails the whole file.
func TestParseSecondStage(t *testing.T) {
	first := "features " + strings.Join(featureNames, " ") + "\nthresholds 0.5 0.8 0.9\nlex more 1.5\nbase -1\ntree 3\n0 2 1 2 0\n-1 0 0 0 -1\n-1 0 0 0 3\n"
	features2 := "features " + strings.Join(secondFeatureNames, " ") + "\n"
	// The second stage splits on the line's own score (the first
	// context feature).
	own := len(featureNames)
	second := features2 + "thresholds 0.4 0.7 0.95\ngate 1\nbase 0\ntree 3\n" + strconv.Itoa(own) + " 0.5 1 2 0\n-1 0 0 0 -2\n-1 0 0 0 2\n"
	m, err := parseModel(first + "second\n" + second)
	if err != nil {
		t.Fatal(err)
	}
	if m.second == nil || m.last() != m.second || m.second.warning != 0.7 || m.second.gate != 1 || m.warning != 0.8 {
		t.Fatalf("second stage not read: %+v", m.second)
	}
	x := make([]float32, len(secondFeatureNames))
	x[own] = 0.9
	if p := m.second.predict(x); p < 0.8 {
		t.Errorf("second stage on a high first score: %v, want about 0.88", p)
	}
	packed, err := PackLineModel(first + "second\n" + second)
	if err != nil {
		t.Fatal(err)
	}
	u, err := unpackModel(string(packed), first+"second\n"+second)
	if err != nil || u.second == nil || u.second.predict(x) != m.second.predict(x) {
		t.Errorf("unpacked second stage differs: %v", err)
	}
	bad := map[string]string{
		"first stage's features":  strings.Replace(second, features2, "features "+strings.Join(featureNames, " ")+"\n", 1),
		"lexicon":                 second + "lex more 1\n",
		"feature out of range":    strings.Replace(second, strconv.Itoa(own)+" 0.5", strconv.Itoa(len(secondFeatureNames))+" 0.5", 1),
		"no trees":                features2 + "base 0\n",
		"unknown record":          second + "bias 1\n",
		"second marker only once": second + "second\n" + second,
	}
	for name, s := range bad {
		if _, err := parseModel(first + "second\n" + s); err == nil {
			t.Errorf("%s: parsed without error", name)
		}
	}
}

// withSecondStage returns the embedded weights with a second stage made
// for the tests (none ships): the first stage's first thirty trees, which
// read own features only, and trees on the line's own score, the
// distance to the nearest high score and the run just before the line.
func withSecondStage(t *testing.T) string {
	t.Helper()
	var trees strings.Builder
	lines := strings.Split(lineModelText, "\n")
	for i, taken := 0, 0; i < len(lines) && taken < 30; i++ {
		f := strings.Fields(lines[i])
		if len(f) != 2 || f[0] != "tree" {
			continue
		}
		k, _ := strconv.Atoi(f[1])
		trees.WriteString(strings.Join(lines[i:i+1+k], "\n") + "\n")
		taken++
	}
	own := len(featureNames)
	split := func(feature int, threshold string) string {
		return "tree 3\n" + strconv.Itoa(feature) + " " + threshold + " 1 2 0\n-1 0 0 0 -1\n-1 0 0 0 1\n"
	}
	return lineModelText + "second\nfeatures " + strings.Join(secondFeatureNames, " ") + "\nthresholds 0.6 0.8 0.99\ngate 2\nbase -1\n" +
		trees.String() + split(own, "0.5") + split(own+11, "3") + split(own+13, "1")
}

// The rule's scores are the trainer's: the first stage on LineFeatures'
// rows, seeds from LineStack with those scores, then the second stage on
// each row and StackContext (the contract the trainer fits to), walked
// by the node trees of the parsed text (the rule walks the flat forests
// in batches). On a made-up page and, when present, on WCXB dev pages.
func TestStackScoresMatchTrainerPath(t *testing.T) {
	parsed := mustParseModel(withSecondStage(t))
	if parsed.second.flat.fixed() == nil {
		t.Fatal("the second stage is not walked in the fixed layout")
	}
	saved := embeddedModel
	embeddedModel = func() *lineModel { return parsed }
	defer func() { embeddedModel = saved }()
	text := LineModel.Bad + "\n\nSign up for our newsletter\n\nMost read\n\nThe best beaches of the north\n\nAbout us\n\nContact\n"
	docs := []*document.Document{document.New("t.txt", []byte(text), document.Meta{})}
	if !testing.Short() {
		if paths, _ := shareddata.WCXBFiles("pages"); len(paths) > 0 {
			pages, _ := ruletest.WCXBDocs(t, "pages", document.Meta{})
			docs = append(docs, pages[:min(60, len(pages))]...)
		}
	}
	n, changed := 0, 0
	for _, doc := range docs {
		a := newAnalysis(doc)
		got := a.modelScores()
		_, judged, scored, seeds := LineStack(doc)
		_, x := LineFeatures(doc)
		first := make(map[int]float32)
		for j, ci := range judged {
			if scored[ci] {
				seeds[ci] = walkTrees(parsed, x[j])
				first[ci] = seeds[ci]
			}
		}
		sc := NewStackContext(seeds)
		for j, ci := range judged {
			if !scored[ci] {
				continue
			}
			row := sc.Append(append([]float32(nil), x[j]...), ci)
			if want := walkTrees(parsed.second, row); got[ci] != want {
				t.Fatalf("%s line %d: rule scores %v, trainer's path %v", doc.Path, a.cands[ci].line, got[ci], want)
			}
			if got[ci] != first[ci] {
				changed++
			}
			n++
		}
	}
	if n == 0 || changed == 0 {
		t.Fatalf("%d lines scored, %d by the second stage differently from the first", n, changed)
	}
}

// With a second stage, the rule reports at its thresholds: a line the
// second stage scores between its warning and the first stage's is a
// warning.
func TestSecondStageThresholdsRule(t *testing.T) {
	m := mustParseModel(withSecondStage(t))
	if m.last() != m.second || m.last().warning != 0.8 || m.warning == 0.8 {
		t.Fatalf("thresholds: first %v, last %v", m.warning, m.last().warning)
	}
	if m.last().severity(0.85) != rules.Warning || m.severity(0.85) == rules.Warning {
		t.Error("0.85 is a warning only by the second stage's thresholds")
	}
}

// An article's own list or short lines next to proven furniture stay
// quiet: the second stage reads the furniture's high scores around them,
// but the lines are the article's.
func TestStackTrapsQuiet(t *testing.T) {
	furniture := "Share this article\n\nFollow us on Twitter\n\nSign up for our newsletter\n\n"
	cases := map[string]string{
		"list before the footer":           body + "\n\nThe plan has three parts:\n\n- a ceasefire line watched by monitors\n\n- a fund for rebuilding\n\n- talks on prisoners\n\n" + furniture,
		"heading after the masthead":       furniture + "Why the talks failed\n\n" + body + "\n\n" + body + "\n",
		"closing line before the footer":   body + "\n\n" + body + "\n\nThat is the story so far.\n\n" + furniture,
		"numbered steps between furniture": furniture + body + "\n\n1. Security guarantees\n\n2. Reconstruction\n\n3. Elections\n\n" + body + "\n\n" + furniture,
	}
	for name, text := range cases {
		for _, f := range ruletest.AtLeast(ruletest.Run(t, LineModel, text, nil), rules.Warning) {
			line, _ := document.New("t", []byte(text), document.Meta{}).Position(f.Start)
			t.Errorf("%s: line %d flagged: %s", name, line, f.Message)
		}
	}
}

// The running numbers give what scanning the windows gives (the means to
// rounding): seeds of every kind of run, at the edges too.
func TestStackContextMatchesScan(t *testing.T) {
	for n := 1; n < 120; n += 7 {
		seeds := make([]float32, n)
		for k := range seeds {
			seeds[k] = float32((k*7919+n*104729)%100) / 100
			if (k/9)%3 == 0 {
				seeds[k] = 0.9 // runs of high seeds
			}
		}
		sc := NewStackContext(seeds)
		for ci := range seeds {
			got, want := sc.Append(nil, ci), scanStackContext(seeds, ci)
			for i := range want {
				if d := got[i] - want[i]; d > 1e-5 || d < -1e-5 {
					t.Fatalf("n %d line %d: %s = %v, scan gives %v", n, ci, stackFeatureNames[i], got[i], want[i])
				}
			}
		}
	}
}

// scanStackContext computes the context features by scanning the windows.
func scanStackContext(s []float32, ci int) []float32 {
	n := len(s)
	at := func(k int) float32 {
		if k < 0 || k >= n {
			return noNeighbour
		}
		return s[k]
	}
	mean := func(lo, hi int, skip int) float32 {
		sum, m := float64(0), 0
		for k := max(0, lo); k <= min(n-1, hi); k++ {
			if k != skip {
				sum += float64(s[k])
				m++
			}
		}
		if m == 0 {
			return noNeighbour
		}
		return float32(sum / float64(m))
	}
	maxOf := func(lo, hi int) float32 {
		v := float32(noNeighbour)
		for k := max(0, lo); k <= min(n-1, hi); k++ {
			v = max(v, s[k])
		}
		return v
	}
	high := 0
	for k := max(0, ci-10); k <= min(n-1, ci+10); k++ {
		if k != ci && s[k] >= highSeed {
			high++
		}
	}
	before, after := maxDistance, maxDistance
	for k := ci - 1; k >= max(0, ci-maxDistance); k-- {
		if s[k] >= highSeed {
			before = ci - k
			break
		}
	}
	for k := ci + 1; k <= min(n-1, ci+maxDistance); k++ {
		if s[k] >= highSeed {
			after = k - ci
			break
		}
	}
	runB, runA := 0, 0
	for k := ci - 1; k >= 0 && s[k] >= runSeed; k-- {
		runB++
	}
	for k := ci + 1; k < n && s[k] >= runSeed; k++ {
		runA++
	}
	return []float32{s[ci], at(ci - 1), at(ci + 1), at(ci - 2), at(ci + 2),
		maxOf(ci-windowRadius, ci-1), maxOf(ci+1, ci+windowRadius),
		mean(ci-windowRadius, ci-1, -1), mean(ci+1, ci+windowRadius, -1), mean(ci-20, ci+20, ci),
		float32(high), float32(before), float32(after), float32(runB), float32(runA)}
}
