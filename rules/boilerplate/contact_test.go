package boilerplate

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
)

// Phone numbers are contact evidence; rows of figures, prices, dates and
// version ranges with as many digits are article text (false alarms on
// clean WCXB truth texts: tables of statistics and prices).
func TestPhoneLike(t *testing.T) {
	phones := []string{
		"+1 646 547 1446",
		"(415) 742-4306",
		"Tel: +44 20 7946 0000",
		"+33 1 23 45 67 89",
		"555.123.4567",
		"(415) 673-5700 (office)",
		"Call 0800 123 4567",
	}
	for _, s := range phones {
		if !phoneLike([]byte(s)) {
			t.Errorf("phoneLike(%q) = false, want true", s)
		}
	}
	figures := []string{
		"Art | 91 | 61.49% | 1,449 | 45.57%",
		"$10.00 | $1.00 | $1.50 | $2.00",
		"1/1/2013\t+13.1%",
		"1,250 $18,750–$75,000",
		"Pull Requests 6.4.102...6.4.103",
		"Peas\t283g\t565g\t1130g",
		"2019 2020 2021 2022",
		"978-3-16-148410-0",
		"- From $5,000 to $50,000",
	}
	for _, s := range figures {
		if phoneLike([]byte(s)) {
			t.Errorf("phoneLike(%q) = true, want false", s)
		}
	}
}

// A clean article may keep one furniture-like line (a reading time, a
// "Learn more" button): the benchmark's clean truth texts do. Alone it is
// a hint; with a second furniture line in the document it is reported.
// An exact reading time or share prompt is furniture even alone (seeds
// 000 and 002).
func TestLoneFurnitureIsHint(t *testing.T) {
	for _, line := range []string{"5 min read", "Share this article"} {
		if got := flagged(t, line+"\n\n"+body+"\n"); len(got[1]) == 0 {
			t.Errorf("lone %q before an article: not flagged", line)
		}
	}
	for _, line := range []string{"Home > News > Europe", "Learn More"} {
		text := line + "\n\n" + body + "\n"
		if got := flagged(t, text); len(got) > 0 {
			t.Errorf("lone %q before a clean article: flagged %v", line, got)
		}
		text = body + "\n\n" + line + "\n"
		if got := flagged(t, text); len(got) > 0 {
			t.Errorf("lone %q after a clean article: flagged %v", line, got)
		}
		text = line + "\n\nShare this article\n\n" + body + "\n"
		if got := flagged(t, text); len(got[1]) == 0 || len(got[3]) == 0 {
			t.Errorf("%q next to a share prompt: flagged %v, want lines 1 and 3", line, got)
		}
	}
}

// An article that lists organisations with their addresses and phone
// numbers is a directory, not a footer's contact box.
func TestContactDirectoryQuiet(t *testing.T) {
	var b strings.Builder
	b.WriteString(body + "\n\n")
	for i, name := range []string{"Harbour Counselling Centre", "Northside Family Clinic", "Riverside Health Service", "Eastgate Support Group", "Westfield Therapy Rooms", "Hilltop Community Care"} {
		fmt.Fprintf(&b, "%s\n\nSliding scale fees\n\n(415) 555-01%02d\n\ninfo%d@example.org\n\n", name, i, i)
	}
	if got := flagged(t, b.String()); len(got) > 0 {
		t.Errorf("a directory of providers after the article: flagged %v", got)
	}
}

// Rows of figures have as many digits as a phone number but are no
// contact details.
func TestFigureRowsAreNoContact(t *testing.T) {
	text := body + "\n\nArt | 91 | 61.49% | 1,449 | 45.57%\n\nMusic | 84 | 58.20% | 1,311 | 41.02%\n\nDance | 77 | 49.93% | 1,208 | 39.75%\n"
	if got := flagged(t, text); len(got) > 0 {
		t.Errorf("table rows after the article: flagged %v", got)
	}
}

func TestBodyOverlap(t *testing.T) {
	text := "Plan for Ukraine agreed in Paris\n\nCheap flights to Lisbon\n\n" + body + "\n"
	doc := document.New("t.txt", []byte(text), document.Meta{})
	a := analyse(doc)
	if got := a.bodyOverlap(0); got < 0.5 {
		t.Errorf("headline overlap %.2f, want at least 0.5", got)
	}
	if got := a.bodyOverlap(2); got != 0 {
		t.Errorf("unrelated teaser overlap %.2f, want 0", got)
	}
}

func TestFigureLine(t *testing.T) {
	for norm, want := range map[string]bool{
		"# boston ma": true, "# #": true, "# # #": true, "population # #": true,
		"top midsize cities": false, "read more": false, "": false, "boston # ma tx": false,
	} {
		if got := figureLine(norm); got != want {
			t.Errorf("figureLine(%q) = %v, want %v", norm, got, want)
		}
	}
}
