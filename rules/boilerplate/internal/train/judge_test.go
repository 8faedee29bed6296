package main

import (
	"math"
	"testing"
)

// twoSites is a judge record of one draw: site a holds 10 furniture lines
// of which the other rules flag 4 and the model scores 4 at 0.9 and 2 at
// 0.5; site b holds no furniture, one false line of the other rules and
// two model false alarms at 0.8, and one truth text the model alarms at
// 0.95.
func twoSites() *judgeRecord {
	hist := func(at map[int]int32) []int32 {
		h := make([]int32, judgeBins)
		for b, n := range at {
			h[b] = n
		}
		return h
	}
	rec := &judgeRecord{Draws: 1, Gate: 2, Sites: []string{"a", "b"}}
	rec.View[residue] = []siteHist{
		{BaseTP: 4, Positives: 10, TP: [][]int32{hist(map[int]int32{900: 4, 500: 2})}, FP: [][]int32{hist(nil)}},
		{BaseFP: 1, TP: [][]int32{hist(nil)}, FP: [][]int32{hist(map[int]int32{800: 2})}},
	}
	rec.View[wholePage] = rec.View[residue]
	rec.TruthSite, rec.TruthBase = []int{1}, []bool{false}
	rec.TruthMax = [][]int16{{950}}
	return rec
}

func TestJudgeRecallAtFixedPrecision(t *testing.T) {
	rec := twoSites()
	recall, bins := rec.curveOf(residue, nil, []int{0}).recallAt([]float64{0.85, 0.7})
	// At 0.9: 8 true, 1 false (P 0.889, R 0.8); at 0.5: 10 true, 3 false
	// (P 0.769, R 1.0).
	if math.Abs(recall[0]-0.8) > 1e-9 || bins[0] != 900 {
		t.Errorf("P 0.85: recall %v at bin %d, want 0.8 at 900", recall[0], bins[0])
	}
	if math.Abs(recall[1]-1) > 1e-9 || bins[1] != 500 {
		t.Errorf("P 0.7: recall %v at bin %d, want 1 at 500", recall[1], bins[1])
	}
}

func TestJudgeWeightsResampleSites(t *testing.T) {
	rec := twoSites()
	// Site a twice, b never: no false alarm but the other rules' none.
	recall, _ := rec.curveOf(residue, []int{2, 0}, []int{0}).recallAt([]float64{0.99})
	if math.Abs(recall[0]-1) > 1e-9 {
		t.Errorf("recall %v, want 1 without site b", recall[0])
	}
}

func TestJudgeAlarmsBySite(t *testing.T) {
	rec := twoSites()
	alarms := byName(rec.alarmsAt(800))
	b := alarms["b"]
	if b.baseFP != 1 || b.modelFP != 2 || b.truthAny != 1 || b.truthTexts != 1 {
		t.Errorf("site b at 0.8: %+v", b)
	}
	if alarms["b"].truthAny != 1 || byName(rec.alarmsAt(960))["b"].truthAny != 0 {
		t.Error("truth text alarmed only at or below its highest score")
	}
}

func TestJudgeCompareSelfIsZero(t *testing.T) {
	rec := twoSites()
	if err := compareRecords(rec, rec); err != nil {
		t.Fatal(err)
	}
	other := twoSites()
	other.Draws = 2
	if compareRecords(rec, other) == nil {
		t.Error("records of other draws compared")
	}
}
