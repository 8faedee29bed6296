package dates

import (
	"math/rand/v2"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/shareddata"
)

// listedDateExpr is dateExpr as it was written before, with the month and
// weekday names listed one by one.
const listedDateExpr = `(?:\b` + listedWeekdayRE + `)?(?:` +
	`\b` + listedMonthRE + sp + `(\d{1,2})` + ordinal + `\b(?:,?` + sp + `(\d{4})\b)?` +
	`|\b(\d{1,2})` + ordinal + sp + `(?:of` + sp + `)?` + listedMonthRE + `(?:,?` + sp + `(\d{4})\b)?` +
	`|\b(\d{4})-(\d{2})-(\d{2})\b` +
	`|\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b` +
	`|\b(\d{1,2})/(\d{1,2})/(\d{4})\b` +
	`)`

const (
	listedMonthRE   = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`
	listedWeekdayRE = `(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.?,?[ \t\x{00a0}]+(?:the[ \t]+)?`
)

// TestRewrittenExpressionAgrees holds dateRE to the expression listing
// every name, on every piece and line of generated dates (names cut
// short, run on, in every case) and of the WCXB texts: the same spans and
// groups from FindAllSubmatchIndex, and from FindSubmatchIndex on each
// span alone, as appendMatches reads them. It also checks that dateRE and
// anchoredDateRE are small enough for regexp's backtracker.
func TestRewrittenExpressionAgrees(t *testing.T) {
	for _, e := range []string{dateExpr, `^(?:` + dateExpr + `)`} {
		re, err := syntax.Parse(e, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		prog, err := syntax.Compile(re.Simplify())
		if err != nil {
			t.Fatal(err)
		}
		if len(prog.Inst) > 500 { // regexp's maxBacktrackProg
			t.Fatalf("%d instructions: regexp runs only its automaton for more than 500", len(prog.Inst))
		}
	}
	listed := regexp.MustCompile(listedDateExpr)
	rng := rand.New(rand.NewPCG(71, 13))
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	names := []string{"January", "Jan", "Janu", "Februar", "Feb.", "March", "Mar", "Marc", "April", "Apr", "May", "June", "Jun", "July", "Jul",
		"August", "Aug", "September", "Sept", "Sep", "Septe", "October", "Oct", "November", "Nov", "December", "Dec", "Decem",
		"Monday", "Mon", "Mond", "Tuesday", "Tues", "Tue", "Tuesd", "Wednesday", "Wed", "Thursday", "Thurs", "Thur", "Thu", "Thursd",
		"Friday", "Fri", "Saturday", "Sat", "Satur", "Sunday", "Sun", "Sunni", "the", "of", "MAY", "june"}
	var texts []string
	for range 40000 {
		var b strings.Builder
		for range 1 + rng.IntN(8) {
			b.WriteString(pick(names...) + pick("", ".", ",", ".,", "x") + pick("", " ", "  ", "\t", "\u00a0", " the ") +
				pick("", "4", "04", "31", "2025", "4th", "21st", "2025-09-04", "04.09.2025", "14/09/2025", "123") + pick("", ",", ", ", " ", "\u00a0", "_", "x") +
				pick("", "2025", "1999", "20255", "of "))
		}
		texts = append(texts, b.String())
	}
	for _, kind := range []string{"truth", "pages"} {
		if testing.Short() {
			break
		}
		lines, err := shareddata.WCXBLines(kind)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, lines...)
	}
	matched := 0
	for _, s := range texts {
		text := []byte(s)
		got, want := dateRE().FindAllSubmatchIndex(text, -1), listed.FindAllSubmatchIndex(text, -1)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("%q:\n got %v\nwant %v", s, got, want)
		}
		for _, span := range want {
			piece := text[span[0]:span[1]]
			if g, w := dateRE().FindSubmatchIndex(piece), listed.FindSubmatchIndex(piece); !slices.Equal(g, w) {
				t.Fatalf("%q alone: got %v, want %v", piece, g, w)
			}
			if g, w := anchoredDateRE().FindIndex(text[span[0]:]), listed.FindIndex(text[span[0]:]); !slices.Equal(g, w) {
				t.Fatalf("%q anchored: got %v, want %v", text[span[0]:], g, w)
			}
		}
		matched += len(want)
	}
	if matched < 5000 {
		t.Fatalf("only %d dates matched", matched)
	}
}
