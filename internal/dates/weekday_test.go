package dates

import (
	"math/rand/v2"
	"os"
	"testing"

	"github.com/dochygiene/hygiene/internal/shareddata"
)

// TestMayNameWeekdayCoversEveryRange holds the per-document test to the
// per-range one it lets runs skip: whenever namesWeekday finds a weekday in
// some range of a text, MayNameWeekday finds one in the text, and it finds
// one exactly when a weekday name followed by a byte endsWeekday accepts
// starts anywhere in it.
func TestMayNameWeekdayCoversEveryRange(t *testing.T) {
	rng := rand.New(rand.NewPCG(48, 3))
	pieces := []string{"Monday", "Mon", "Tues", "Tue", "Thurs", "Thur", "Thu", "Wed", "Fri", "Sat", "Sun", "day", "Sunni",
		"Monetary", "T", "S", "M", "W", "F", "x", "_", "1", " ", ",", ".", ")", "\t", "\u00a0", "\xc2", "é", "\n", "4 September 2025"}
	var texts [][]byte
	for range 20000 {
		var b []byte
		for range rng.IntN(12) {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		texts = append(texts, b)
	}
	for _, kind := range []string{"truth", "pages"} {
		paths, err := shareddata.WCXBFiles(kind)
		if err != nil {
			continue
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, b)
		}
	}
	named := 0
	for _, b := range texts {
		got := MayNameWeekday(b)
		want := false
		for i := range b {
			if weekdayAt(b, i) {
				want = true
				break
			}
		}
		if got != want {
			t.Fatalf("MayNameWeekday(%.200q) = %v, want %v", b, got, want)
		}
		if got {
			named++
			continue
		}
		// No weekday in the text: none in any range either.
		for range 20 {
			lo := rng.IntN(len(b) + 1)
			hi := lo + rng.IntN(len(b)-lo+1)
			if namesWeekday(b[lo:hi]) || len(FindWeekdays(b, lo, hi)) > 0 {
				t.Fatalf("namesWeekday(%q) finds a weekday MayNameWeekday(%.200q) missed", b[lo:hi], b)
			}
		}
	}
	if named < 100 {
		t.Fatalf("only %d of %d texts name a weekday", named, len(texts))
	}
}
