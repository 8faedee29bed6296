package dates

import (
	"testing"
	"time"

	"github.com/dochygiene/hygiene/internal/document"
)

func TestFindFormats(t *testing.T) {
	cases := []struct {
		text      string
		y         int
		mo        time.Month
		d         int
		weekday   string
		noMatches bool
	}{
		{text: "on Thursday, September 4, 2025 the", y: 2025, mo: 9, d: 4, weekday: "Thursday"},
		{text: "Sept. 4, 2025", y: 2025, mo: 9, d: 4},
		{text: "Thu 4 Sep 2025", y: 2025, mo: 9, d: 4, weekday: "Thu"},
		{text: "Friday the 4th of September", mo: 9, d: 4, weekday: "Friday"},
		{text: "met on 4 September with", mo: 9, d: 4},
		{text: "lemonde.fr 04.09.2025.", y: 2025, mo: 9, d: 4},
		{text: "2025-09-04", y: 2025, mo: 9, d: 4},
		{text: "25/12/2024", y: 2024, mo: 12, d: 25},
		{text: "4/9/2025", noMatches: true},
		{text: "February 30, 2025", noMatches: true},
		{text: "26 states agreed", noMatches: true},
		{text: "September 4, 2025 (Thursday)", y: 2025, mo: 9, d: 4, weekday: "Thursday"},
	}
	for _, c := range cases {
		ms := Find([]byte(c.text), 0, len(c.text))
		if c.noMatches {
			if len(ms) != 0 {
				t.Errorf("%q: want no date, got %+v", c.text, ms)
			}
			continue
		}
		if len(ms) != 1 {
			t.Errorf("%q: want one date, got %d", c.text, len(ms))
			continue
		}
		m := ms[0]
		if m.Year != c.y || m.Month != c.mo || m.Day != c.d {
			t.Errorf("%q: got %d-%d-%d", c.text, m.Year, m.Month, m.Day)
		}
		if got := ""; m.HasWeekday {
			got = c.text[m.WeekdayStart:m.WeekdayEnd]
			if got != c.weekday {
				t.Errorf("%q: weekday span %q, want %q", c.text, got, c.weekday)
			}
		} else if c.weekday != "" {
			t.Errorf("%q: weekday not found", c.text)
		}
	}
}

func TestInferYear(t *testing.T) {
	m := Find([]byte("Monday, December 30"), 0, 19)[0]
	if y := InferYear(m, time.Date(2025, 1, 5, 0, 0, 0, 0, time.UTC)); y != 2024 {
		t.Errorf("InferYear = %d, want 2024", y)
	}
}

func TestArticleDate(t *testing.T) {
	cases := map[string]string{
		"September 4, 2025\n\nTitle here\n\nBody.":                                                             "2025-09-04",
		"\n\n11 September 2025\n\n## Title\n":                                                                  "2025-09-11",
		"Title\n\nBy Jane Doe | Published 3 March 2024\n\nBody text.":                                          "2024-03-03",
		"Title\n\nThe summit of 4 September 2025 was held in Paris by many leaders of countries far and near.": "",
	}
	for text, want := range cases {
		got, ok := Article(document.New("t", []byte(text), document.Meta{}))
		if want == "" {
			if ok {
				t.Errorf("%q: want no date, got %v", text, got)
			}
			continue
		}
		if !ok || got.Format("2006-01-02") != want {
			t.Errorf("%q: got %v %v, want %s", text, got, ok, want)
		}
	}
	meta := time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)
	if got, _ := Article(document.New("t", []byte("September 4, 2025\n"), document.Meta{Date: meta})); !got.Equal(meta) {
		t.Errorf("metadata date must win, got %v", got)
	}
}
