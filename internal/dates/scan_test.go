package dates

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// The byte scans that keep Find fast must agree with the plain tests
// they replace, on any bytes.
func TestScansAgreeWithPlainTests(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	alphabet := []byte("0123456789/:.-MTWFSJADONonuehdriatbpglcvy \n\t\x80\xc2\xa0\xff")
	for range 5000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		for i := 0; i <= len(b); i++ {
			want := i
			for want < len(b) && !isDigit(b[want]) {
				want++
			}
			if got := nextDigit(b, i, len(b)); got != want {
				t.Fatalf("nextDigit(%q, %d) = %d, want %d", b, i, got, want)
			}
		}
		if got, want := namesMonth(b), containsAny(b, "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"); got != want {
			t.Fatalf("namesMonth(%q) = %v", b, got)
		}
	}
}

func containsAny(b []byte, words ...string) bool {
	for _, w := range words {
		if bytes.Contains(b, []byte(w)) {
			return true
		}
	}
	return false
}

// namesWeekday is a necessary condition: every window where the date
// expression finds a date with a weekday passes it.
func TestNamesWeekdayKeepsEveryWeekdayDate(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 13))
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	weekdays := []string{"Monday", "Mon", "Tues", "Tue", "Thursday", "Thurs", "Thur", "Thu", "Wed", "Wednesday", "Friday", "Fri", "Sat", "Saturday", "Sunday", "Sun", "Sunni", "Monetary", "x"}
	found := 0
	for range 20000 {
		w := []byte(pick("", "x", "_", "é", "(", "On ", "1") + pick(weekdays...) + pick("", ".", ",", ".,") + pick(" ", "\t", "\u00a0", "  ", "") +
			pick("", "the ") + pick("September 4", "4 September", "Sept. 4, 2025", "2025-09-04", "04.09.2025", "14/09/2025", "4th of September 2025", "Sep 4") +
			pick("", " (Thursday)", "(Friday)", " (Sunday)x", "\t(Monday)") + pick("", " x", "."))
		for _, m := range appendMatches(nil, w, 0, len(w)) {
			if m.HasWeekday {
				found++
				if !namesWeekday(w) {
					t.Fatalf("%q: a date with a weekday, but namesWeekday is false", w)
				}
			}
		}
	}
	if found < 4000 {
		t.Fatalf("only %d weekday dates generated", found)
	}
}
