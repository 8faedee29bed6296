package eval

import (
	"errors"
	"testing"
)

// TestFootnoteGenerator checks that the generator is deterministic and that
// a small sample of its cases scores at the suite's targets. It skips when
// the shared data is absent.
func TestFootnoteGenerator(t *testing.T) {
	ids, texts, err := loadTruthTexts(60)
	if errors.Is(err, ErrNoData) {
		t.Skip("shared data not found")
	}
	if err != nil {
		t.Fatal(err)
	}
	ids, texts = cleanBases(ids, texts)
	cases := GenerateFootnoteCases(5, ids, texts)
	again := GenerateFootnoteCases(5, ids, texts)
	if len(cases) != len(again) {
		t.Fatalf("two runs gave %d and %d cases", len(cases), len(again))
	}
	for i := range cases {
		if cases[i] != again[i] {
			t.Fatalf("case %d differs between two runs with one seed", i)
		}
	}
	kinds := map[string]int{}
	for _, c := range cases {
		kinds[c.Break]++
	}
	for _, k := range append([]string{""}, FootnoteBreaks...) {
		if kinds[k] < 20 {
			t.Errorf("only %d cases of break %q", kinds[k], k)
		}
	}
	res := ScoreFootnotes(cases)
	for _, k := range FootnoteBreaks {
		if s := res.PerKind[k]; s.Precision() < 0.97 || s.Recall() < 0.97 {
			t.Errorf("%s: %s, want precision and recall >= 0.97", k, s)
		}
	}
	if res.Alarms*50 > res.Controls {
		t.Errorf("%d false alarms on %d controls", res.Alarms, res.Controls)
	}
}

func TestMarkerNumbers(t *testing.T) {
	for marker, want := range map[string][]int{
		"[3]": {3}, "[^12]:": {12}, "7.": {7}, "¹²": {12}, "<sup>4</sup>": {4}, "[2-4]": {2, 3, 4}, "[5, 6]": {5, 6},
	} {
		got := markerNumbers(marker)
		if len(got) != len(want) {
			t.Errorf("%q: got %v, want %v", marker, got, want)
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%q: got %v, want %v", marker, got, want)
			}
		}
	}
}
