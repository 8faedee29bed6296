package dates

import (
	"bytes"
	"math/bits"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/shareddata"
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

// namesWeekdayReference is namesWeekday without the eight-byte skip.
func namesWeekdayReference(w []byte) bool {
	for i := 0; i+3 < len(w); i++ {
		words := weekdayWords[w[i]]
		if len(words) == 0 || i > 0 && isWordByte(w[i-1]) {
			continue
		}
		for _, name := range words {
			if n := len(name); i+n < len(w) && string(w[i:i+n]) == name && endsWeekday(w[i+n]) {
				return true
			}
		}
	}
	return false
}

// findWeekdaysReference is FindWeekdays without the test of the whole
// range for a weekday name.
func findWeekdaysReference(src []byte, start, end int) []Match {
	var out []Match
	for _, w := range digitWindows(src, start, end) {
		text := src[w[0]:w[1]]
		if namesWeekday(text) && mayHoldDate(text) {
			for _, m := range appendMatches(nil, src, w[0], w[1]) {
				if m.HasWeekday {
					out = append(out, m)
				}
			}
		}
	}
	return out
}

// The capital skip and the range test change no answer: capitalLanes
// against the byte test (its first lane), namesWeekday against its plain
// loop, and FindWeekdays against finding the windows first, on random
// text made of weekday names, dates, capitals and their neighbours.
func TestWeekdayShortcutsAgree(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 17))
	for range 200000 {
		x := rng.Uint64()
		if rng.IntN(2) == 0 {
			x &= 0x7f7f7f7f7f7f7f7f
		}
		want, got := -1, -1
		for k := range 8 {
			if c := byte(x >> (8 * k)); c&0xe0 == 0x40 {
				want = k
				break
			}
		}
		if m := capitalLanes(x); m != 0 {
			got = bits.TrailingZeros64(m) / 8
		}
		if got != want {
			t.Fatalf("capitalLanes(%#x) finds byte %d first, want %d", x, got, want)
		}
	}
	for c, words := range weekdayWords {
		for _, w := range words {
			if !weekdayPrefix(byte(c), w[1], w[2]) {
				t.Fatalf("%q: no weekday prefix", w)
			}
		}
	}
	pieces := []string{"Monday", "Mon", "Tue", "Thursday", "Fri", "Sat", "Sunday", "Sunni", "Monetary", "M", "T", "S", "@", "[", "Z", "a", "x",
		" ", ", ", ".", "(", ")", "\t", "\u00a0", "é", "_", "4", "2025", "September", "Sept.", "04.09.2025", "14/09/2025", "Jan", "the "}
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	matched := 0
	for range 20000 {
		var b []byte
		for range rng.IntN(30) {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
			if rng.IntN(8) == 0 { // a weekday date among the pieces
				b = append(b, pick("", "On ", "x", "(")+pick("Monday", "Thu", "Friday", "Sat.", "Sunni")+pick(", ", " ", "\u00a0", ",")+
					pick("September 4, 2025", "4 September 2025", "Sept. 4", "2025-09-04", "14/09/2025", "Jan 3")+pick("", " (Thursday)", ".")...)
			}
		}
		if got, want := namesWeekday(b), namesWeekdayReference(b); got != want {
			t.Fatalf("namesWeekday(%q) = %v, the plain loop says %v", b, got, want)
		}
		start := rng.IntN(len(b) + 1)
		got, want := FindWeekdays(b, start, len(b)), findWeekdaysReference(b, start, len(b))
		if len(got) != len(want) {
			t.Fatalf("FindWeekdays(%q, %d): %v, want %v", b, start, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("FindWeekdays(%q, %d): %v, want %v", b, start, got, want)
			}
		}
		matched += len(got)
	}
	if matched < 500 {
		t.Fatalf("only %d weekday dates generated", matched)
	}
}

// TestWeekdayPiecesAgree holds FindWeekdays, which searches only the
// pieces of a window that may hold a weekday (mayHoldWeekday), to the
// search of every piece: on generated weekday dates with the weekday
// before the date, in brackets after it, or missing, next to the bytes
// that cut pieces, and on every WCXB development text, whole and in
// random ranges.
func TestWeekdayPiecesAgree(t *testing.T) {
	rng := rand.New(rand.NewPCG(71, 9))
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	var texts [][]byte
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(pick("", "x", "_", "é", "(", ")", "\n", ";", "\u00a0", "'", "5", "On ", "12", "\xc2", "\xff", "Sunni ", "Monetary 4") +
				pick("", "Monday", "Tue.", "Thursday, ", "Fri ", "Sunday the ", "Sat.,", "Wed\t", "xMon ", "(Tues ") + pick("", " ", "\t", "\u00a0", ":", "(", ";") +
				pick("September 4", "4 September", "Sept. 4, 2025", "2025-09-04", "04.09.2025", "14/09/2025", "4th of September 2025",
					"Sep 4", "June 31", "3 May, 1999", "x2025-01-02", "12.13.2020_") +
				pick("", " (Thursday)", "(Friday)", " (Sunday)x", "\t(Monday)", " ( Monday)", "; (Tuesday)", ",", ", 2024", "\u00a02024") + pick("", " x", ".", "\n", ")"))
		}
		texts = append(texts, []byte(b.String()))
	}
	real, err := shareddata.WCXBTexts("truth", "pages")
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, real...)
	found := 0
	for _, b := range texts {
		ranges := [][2]int{{0, len(b)}}
		for range 3 {
			a := rng.IntN(len(b) + 1)
			ranges = append(ranges, [2]int{a, a + rng.IntN(len(b)-a+1)})
		}
		for _, r := range ranges {
			got, want := FindWeekdays(b, r[0], r[1]), findWeekdaysReference(b, r[0], r[1])
			if !slices.Equal(got, want) {
				t.Fatalf("FindWeekdays(%.300q, %d, %d):\n got %+v\nwant %+v", b, r[0], r[1], got, want)
			}
			found += len(got)
		}
	}
	if found < 5000 {
		t.Fatalf("only %d weekday dates found", found)
	}
}
