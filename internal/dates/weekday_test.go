package dates

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/dochygiene/hygiene/internal/shareddata"
)

// TestWeekdayOffsetsCoverEveryRange holds the per-document offsets to the
// per-range test they let runs skip: they are exactly the offsets where
// weekdayAt holds, and a range holding none of them has no weekday for
// namesWeekday and no date for FindWeekdays.
func TestWeekdayOffsetsCoverEveryRange(t *testing.T) {
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
	real, err := shareddata.WCXBTexts("truth", "pages")
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, real...)
	named, checked := 0, 0
	for _, b := range texts {
		got := WeekdayOffsets(b)
		var want []int
		for i := range b {
			if weekdayAt(b, i) {
				want = append(want, i)
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("WeekdayOffsets(%.200q) = %v, want %v", b, got, want)
		}
		if len(got) > 0 {
			named++
		}
		// Ranges between the offsets (and around them) name no weekday.
		bounds := append(append([]int{0}, got...), len(b))
		for k := 0; k+1 < len(bounds); k++ {
			lo, hi := bounds[k], bounds[k+1]
			if k > 0 {
				lo++ // past the offset itself
			}
			for range 3 {
				a := lo + rng.IntN(hi-lo+1)
				e := a + rng.IntN(hi-a+1)
				if e-a > 2000 {
					e = a + 2000
				}
				checked++
				if namesWeekday(b[a:e]) || len(FindWeekdays(b, a, e)) > 0 {
					t.Fatalf("a weekday in %q, between the offsets %v of %.200q", b[a:e], got, b)
				}
			}
		}
	}
	if named < 100 || checked < 10000 {
		t.Fatalf("only %d of %d texts name a weekday, %d ranges checked", named, len(texts), checked)
	}
}
