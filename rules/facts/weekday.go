package facts

import (
	"time"

	"github.com/dochygiene/hygiene/internal/dates"
	"github.com/dochygiene/hygiene/rules"
)

// Weekday flags a weekday written next to a date it does not fall on.
var Weekday = &rules.Rule{
	ID:      "facts/weekday",
	Summary: "a weekday next to a date that falls on another day",
	Doc: `"Friday, September 4, 2025": 4 September 2025 was a Thursday. Every common
English date format is read (September 4, 2025; 4 September 2025; Sept. 4;
the 4th of September; 04.09.2025; 2025-09-04), with the weekday before the
date or in brackets after it. A date written without a year takes the year
that puts it closest to the article's date (a date line at the top, record
metadata or --date); with no article date such dates are left alone.
Ambiguous numeric dates (4/9/2025) are never read.

There is no automatic fix: either the weekday or the date may be the
mistake.`,
	Bad:      "September 4, 2025\n\nThe leaders met on Friday, September 4 in Paris.",
	Good:     "September 4, 2025\n\nThe leaders met on Thursday, September 4 in Paris.",
	Severity: rules.Warning,
	Run:      runWeekday,
}

func runWeekday(pass *rules.Pass) {
	doc := pass.Doc
	// The article's date is looked for only when a weekday's date has no
	// year: most documents have no weekday next to a date at all.
	var article time.Time
	hasArticle, looked := false, false
	// Only blocks holding a weekday's offset can hold a date with a
	// weekday; most documents have none.
	weekdays := dates.WeekdayOffsets(doc.Src)
	next := 0 // the first offset not before the current block
	for _, b := range doc.Blocks {
		if !b.IsProse() {
			continue
		}
		for next < len(weekdays) && weekdays[next] < b.ContentStart {
			next++
		}
		if next == len(weekdays) {
			break // no weekday in this block or after it
		}
		if weekdays[next] >= b.End {
			continue
		}
		for _, m := range dates.FindWeekdays(doc.Src, b.ContentStart, b.End) {
			year, inferred := m.Year, false
			if year == 0 {
				if !looked {
					article, hasArticle = dates.Article(doc)
					looked = true
				}
				if !hasArticle {
					continue
				}
				year, inferred = dates.InferYear(m, article), true
			}
			if year == 0 || !m.Valid(year) {
				continue
			}
			actual := m.Time(year).Weekday()
			if actual == m.Weekday {
				continue
			}
			note := ""
			if inferred {
				note = " (year taken from the article date)"
			}
			pass.Reportf(m.WeekdayStart, m.WeekdayEnd, "%s was a %s, not a %s%s",
				m.Time(year).Format("2 January 2006"), actual, m.Weekday, note)
		}
	}
}
