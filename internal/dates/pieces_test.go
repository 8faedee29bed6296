package dates

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/shareddata"
)

// referenceAppendMatches is appendMatches as it was before it cut windows
// into pieces: the date expression over the whole window.
func referenceAppendMatches(out []Match, src []byte, start, end int) []Match {
	text := src[start:end]
	for _, span := range dateRE().FindAllIndex(text, -1) {
		if span[0] > 0 && isDigit(text[span[0]-1]) {
			continue
		}
		loc := dateRE().FindSubmatchIndex(text[:span[1]][span[0]:])
		if loc == nil {
			continue
		}
		for k := range loc {
			if loc[k] >= 0 {
				loc[k] += span[0]
			}
		}
		m, ok := build(text, loc)
		if !ok {
			continue
		}
		if !m.HasWeekday {
			if tw := trailingWeekdayRE().FindSubmatchIndex(text[loc[1]:]); tw != nil {
				m.HasWeekday = true
				m.Weekday = weekdays[strings.ToLower(string(text[loc[1]+tw[2]:loc[1]+tw[2]+3]))]
				m.WeekdayStart, m.WeekdayEnd = loc[1]+tw[2], loc[1]+tw[3]
				m.End = loc[1] + tw[1]
			}
		}
		shift(&m, start)
		out = append(out, m)
	}
	return out
}

func checkPieces(t *testing.T, src []byte, start, end int) {
	t.Helper()
	if got, want := appendMatches(nil, src, start, end), referenceAppendMatches(nil, src, start, end); !reflect.DeepEqual(got, want) {
		t.Fatalf("%q [%d:%d]:\n got %+v\nwant %+v", src, start, end, got, want)
	}
}

// TestPiecesMatchWholeWindow holds appendMatches, which searches the
// pieces of a window between bytes no date holds, to the search over the
// whole window: on generated dates packed with cut bytes, word characters
// and non-ASCII text around them, and on every WCXB development file.
func TestPiecesMatchWholeWindow(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	for range 3000 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(pick("", "x", "_", "é", "(", ")", "\n", ";", "\u00a0", "\u2014", "'", "\"", "5", "On ", "12", "§", "à", "†", "\xc2", "\xa0", "\xe2\xc2\xa0", "\xff") +
				pick("", "Monday", "Tue.", "Thursday, ", "Fri ", "Sunday the ") + pick("", " ", "\t", "\u00a0", ":") +
				pick("September 4", "4 September", "Sept. 4, 2025", "2025-09-04", "04.09.2025", "14/09/2025", "4/9/2025", "4th of September 2025",
					"Sep 4", "June 31", "May", "3 May, 1999", "x2025-01-02", "1_2/13/2020", "12.13.2020_") +
				pick("", " (Thursday)", "(Friday)", " (Sunday)x", "\t(Monday)", "_", ",", ", 2024", "\u00a02024") + pick("", " x", ".", "\n", ")"))
		}
		src := []byte(b.String())
		checkPieces(t, src, 0, len(src))
		if len(src) > 2 {
			checkPieces(t, src, 1, len(src)-1)
		}
	}
	if testing.Short() {
		return
	}
	for _, kind := range []string{"truth", "pages"} {
		lines, err := shareddata.WCXBLines(kind) // none without ../shared
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range lines {
			if src := []byte(line); hasDigit(src) && mayHoldDate(src) {
				checkPieces(t, src, 0, len(src))
			}
		}
	}
}

func FuzzPieces(f *testing.F) {
	f.Add("Monday, September 4 (Tuesday) 2025-09-04;12/13/2020")
	f.Add("x(4 May_2020)\u00a0Sun. 3 June, 1999")
	f.Add("à4 May\xc2\xa0\xe2\x80\xa0 2020§Sun.\xa03 June,\xc2\xa01999")
	f.Fuzz(func(t *testing.T, s string) {
		checkPieces(t, []byte(s), 0, len(s))
	})
}
