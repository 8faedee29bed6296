package facts

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dochygiene/hygiene/internal/dates"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/knowledge"
	"github.com/dochygiene/hygiene/internal/shareddata"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// runOutdatedReference is runOutdated before it looked names up only
// after a word that may end a title: every word went through the surname
// filter. The title test must change no finding.
func runOutdatedReference(pass *rules.Pass) {
	doc := pass.Doc
	pack := knowledge.Active()
	lastWords := pack.LastWords()
	src := doc.Src
	sentences := doc.Sentences()
	si := 0
	var dated *mentionDates
	toks := doc.Tokens()
	for k := range toks {
		tk := &toks[k]
		if tk.Kind != document.Word {
			continue
		}
		start, end := tk.Start, tk.End
		if src[end-1] == 's' {
			end = possessiveEnd(src, *tk)
		}
		if !lastWords.MayHold(src[start:end]) {
			continue
		}
		t := *tk
		w := src[start:end]
		people := pack.PeopleByLastWordBytes(w)
		if len(people) == 0 {
			continue
		}
		for si < len(sentences) && sentences[si].End < t.End {
			si++
		}
		if si == len(sentences) || t.Start < sentences[si].Start {
			continue
		}
		if dated == nil {
			dated = newMentionDates(doc, pack)
		}
		s := sentences[si]
		checkMention(pass, pack, s, t, people, end, func() (time.Time, bool) { return dated.of(s) })
	}
}

// assertSameFindings runs rule's run and its reference ref over every
// text, each on a document of its own with the metadata meta gives the
// i-th text, fails on the first text where their findings differ, and
// fails when they agree on fewer than minFound findings in all: texts
// that never make the rule fire would prove nothing.
func assertSameFindings(t *testing.T, rule *rules.Rule, run, ref func(*rules.Pass), texts []string, meta func(i int) document.Meta, minFound int) {
	t.Helper()
	findings := func(run func(*rules.Pass), doc *document.Document) []rules.Finding {
		var out []rules.Finding
		run(rules.NewPass(rule, doc, nil, nil, rule.Severity, func(f rules.Finding) { out = append(out, f) }))
		return out
	}
	found := 0
	for i, text := range texts {
		want := findings(ref, document.New("t", []byte(text), meta(i)))
		got := findings(run, document.New("t", []byte(text), meta(i)))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("text %d (%.200q): findings %v, the reference gives %v", i, text, got, want)
		}
		found += len(want)
	}
	if found < minFound {
		t.Fatalf("only %d findings over %d texts: the texts do not exercise the rule", found, len(texts))
	}
	t.Logf("%d texts, %d findings agree", len(texts), found)
}

// outdatedTexts are the texts the title test is held to the reference on:
// the seeds, the rule's examples, generated sentences that name the pack's
// office holders with and without titles, and the WCXB development texts
// when ../shared is present.
func outdatedTexts(t *testing.T) []string {
	var texts []string
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		_, text := ruletest.Seed(t, n)
		texts = append(texts, text)
	}
	texts = append(texts, OutdatedTitle.Bad, OutdatedTitle.Good)
	texts = append(texts, generatedTitleTexts(1500)...)
	real, err := shareddata.WCXBTexts("truth", "pages")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range real {
		texts = append(texts, string(b))
	}
	return texts
}

// generatedTitleTexts writes documents of sentences that put the pack's
// titles, qualifiers and names together in odd ways: capitals, commas,
// possessives, hyphens, sentence breaks between title and name, words in
// between, non-ASCII capitals.
func generatedTitleTexts(n int) []string {
	pack := knowledge.Active()
	rng := rand.New(rand.NewPCG(48, 7))
	pick := func(list []string) string {
		if len(list) == 0 {
			return ""
		}
		return list[rng.IntN(len(list))]
	}
	glue := []string{" ", " ", " ", ", ", "\u00a0", ". ", "-", " the ", " and ", "\n", " former ", "'s ", " \u2019s ", ""}
	shapes := []func(string) string{
		func(s string) string { return s },
		strings.ToUpper,
		strings.ToLower,
		func(s string) string { return strings.ReplaceAll(s, "i", "\u0130") },
		func(s string) string { return strings.ReplaceAll(strings.ToUpper(s), "K", "\u212a") },
		func(s string) string { return "vice" + s },
		func(s string) string { return "Vice-" + s },
	}
	var texts []string
	for range n {
		var b strings.Builder
		b.WriteString(pick([]string{"September 4, 2025\n\n", "12 March 2019\n\n", "", "2021-06-30\n\n"}))
		for range 1 + rng.IntN(12) {
			o, person := randomOffice(rng, pack)
			if rng.IntN(4) == 0 {
				b.WriteString(pick(o.Qualifiers) + " ")
			}
			b.WriteString(shapes[rng.IntN(len(shapes))](pick(o.Titles())))
			b.WriteString(pick(glue))
			if rng.IntN(3) > 0 {
				b.WriteString(pick(person.GivenForms()) + pick(glue))
			}
			b.WriteString(shapes[rng.IntN(3)](person.Name))
			b.WriteString(pick([]string{" met the press.", "'s visit in 2019.", ", who spoke.", " said. ", "\n\n", " and "}))
		}
		texts = append(texts, b.String())
	}
	return texts
}

func TestOutdatedTitleTestChangesNoFinding(t *testing.T) {
	texts := outdatedTexts(t)
	dates := []time.Time{{}, time.Date(2025, 9, 4, 0, 0, 0, 0, time.UTC), time.Date(2016, 3, 1, 0, 0, 0, 0, time.UTC)}
	meta := func(i int) document.Meta { return document.Meta{Date: dates[i%len(dates)]} }
	assertSameFindings(t, OutdatedTitle, runOutdated, runOutdatedReference, texts, meta, 50)
}

// TestTitleEndsFindsEveryTitleWord holds the table to its words: every
// title's last word, in any ASCII case and after a prefix, passes.
func TestTitleEndsFindsEveryTitleWord(t *testing.T) {
	pack := knowledge.Active()
	ends := &titleIndexOf(pack).ends
	if ends.all {
		t.Fatal("the pack's titles do not fit the table")
	}
	for _, o := range pack.Offices {
		for _, w := range titlesOf(pack, o).lastWords {
			for _, form := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:], "vice-" + w, "x" + w} {
				src := []byte(" " + form + " ")
				if !ends.mayEnd(src, 1, len(src)-1) {
					t.Errorf("mayEnd(%q) = false", form)
				}
			}
			src := []byte(" " + w + "x ")
			if ends.mayEnd(src, 1, len(src)-1) {
				t.Errorf("mayEnd(%q) = true", w+"x")
			}
		}
	}
}

// runWeekdayReference is runWeekday before the per-document weekday test:
// every prose block was searched.
func runWeekdayReference(pass *rules.Pass) {
	doc := pass.Doc
	var article time.Time
	hasArticle, looked := false, false
	for _, b := range doc.Blocks {
		if !b.IsProse() {
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

func TestWeekdayDocumentTestChangesNoFinding(t *testing.T) {
	texts := outdatedTexts(t)
	rng := rand.New(rand.NewPCG(48, 11))
	days := []string{"Monday", "Tuesday", "Wed.", "Thurs", "Fri", "Sat.", "Sunday", "(Thursday)"}
	dateForms := []string{"September 4, 2025", "4 September", "the 4th of September", "2025-09-04", "04.09.2025", "Sept. 5"}
	for range 500 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString("The meeting on " + days[rng.IntN(len(days))] + ", " + dateForms[rng.IntN(len(dateForms))] + " went well.\n\n")
		}
		texts = append(texts, b.String())
	}
	meta := func(i int) document.Meta {
		return document.Meta{Date: []time.Time{{}, time.Date(2025, 9, 4, 0, 0, 0, 0, time.UTC)}[i%2]}
	}
	assertSameFindings(t, Weekday, runWeekday, runWeekdayReference, texts, meta, 100)
}

// TestOutdatedYearScreenChangesNoFinding holds the year screen of
// runOutdated (with no article date the pack can judge, only blocks with
// a year are read) to the reference, on documents whose sentences, notes
// and neighbouring blocks write their own dates: no date line, one after
// the pack's data, or one it covers.
func TestOutdatedYearScreenChangesNoFinding(t *testing.T) {
	pack := knowledge.Active()
	late := pack.ValidAsOf.AddDate(1, 0, 0)
	texts := generatedDatedTexts(2000)
	metas := []time.Time{{}, late, {}, time.Date(2025, 9, 4, 0, 0, 0, 0, time.UTC)}
	meta := func(i int) document.Meta { return document.Meta{Date: metas[i%len(metas)]} }
	assertSameFindings(t, OutdatedTitle, runOutdated, runOutdatedReference, texts, meta, 200)
	undated := 0
	for i, text := range texts {
		if !meta(i).Date.IsZero() {
			continue
		}
		doc := document.New("t", []byte(text), meta(i))
		OutdatedTitle.Run(rules.NewPass(OutdatedTitle, doc, nil, nil, OutdatedTitle.Severity, func(rules.Finding) { undated++ }))
	}
	if undated < 50 {
		t.Fatalf("only %d findings in documents without a metadata date: the screen is not exercised", undated)
	}
}

// generatedDatedTexts writes documents of titled mentions of the pack's
// office holders whose dates stand in the sentence, in a note, in
// another block or in a date line, in the formats dates.Find reads, and
// numbers that look like years but are none.
func generatedDatedTexts(n int) []string {
	pack := knowledge.Active()
	rng := rand.New(rand.NewPCG(64, 9))
	late := pack.ValidAsOf.AddDate(1, 0, 0)
	lines := []string{"", "", "September 4, 2025\n\n", late.Format("January 2, 2006") + "\n\n", "Published 2 March 2016\n\n"}
	dateForms := []string{" on 4 March 2019", " on 2021-06-30", " (12.03.2019)", " on 13/03/2016", " on September 4, 2025",
		" in 2019", " at 1999 Main Street", " with 2000 troops", " on 4 March", " on 3 May 2012", " on 20 January 2017", ""}
	glue := []string{" ", " ", ", ", "\u00a0", ". ", " and "}
	var texts []string
	for range n {
		var b strings.Builder
		b.WriteString(lines[rng.IntN(len(lines))])
		for range 1 + rng.IntN(8) {
			o, person := randomOffice(rng, pack)
			switch rng.IntN(4) {
			case 0:
				b.WriteString("[1] ")
			case 1:
				b.WriteString("In 2019, ")
			}
			if rng.IntN(3) == 0 && len(o.Qualifiers) > 0 {
				b.WriteString(o.Qualifiers[rng.IntN(len(o.Qualifiers))] + " ")
			}
			titles := o.Titles()
			b.WriteString(titles[rng.IntN(len(titles))])
			b.WriteString(glue[rng.IntN(len(glue))])
			b.WriteString(person.Name)
			b.WriteString(" spoke" + dateForms[rng.IntN(len(dateForms))] + ".")
			b.WriteString([]string{"\n\n", " ", "\n\n", " It rained" + dateForms[rng.IntN(len(dateForms))] + ".\n\n"}[rng.IntN(4)])
		}
		texts = append(texts, b.String())
	}
	return texts
}

// TestDateLineReach holds yearAtTop to dates.DateLine: a document in
// which DateLine finds a date line has a year in its first
// eight non-blank lines. The date line stands lower and lower,
// under blank lines, long lines and lines with numbers.
func TestDateLineReach(t *testing.T) {
	var texts []string
	fillers := []string{"A headline about the talks", "", "By Jane Doe | 12 comments",
		strings.Repeat("A very long line of running text. ", 6), "Share on 3 networks", "   "}
	for k := range 16 {
		for _, f := range fillers {
			var b strings.Builder
			for i := range k {
				b.WriteString(f + "\n")
				if i%3 == 1 {
					b.WriteString("\n")
				}
			}
			b.WriteString("Published September 4, 2025\n\nThe talks went on in 2019 and 2024.\n")
			texts = append(texts, b.String())
			// A date line as long as DateLine reads, and a byte longer.
			for _, pad := range []int{dates.MaxDateLineLen - 28, dates.MaxDateLineLen - 27} {
				texts = append(texts, b.String()[:b.Len()-len("Published September 4, 2025\n\nThe talks went on in 2019 and 2024.\n")]+
					"Published September 4, 2025"+strings.Repeat(" ", pad)+".\n\nText.\n")
			}
		}
	}
	real, err := shareddata.WCXBTexts("truth", "pages")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range real {
		texts = append(texts, string(b))
	}
	found, missed := 0, 0
	for _, text := range texts {
		doc := document.New("t", []byte(text), document.Meta{})
		years := newYearDigits(doc.Src)
		_, _, ok := dates.DateLine(doc)
		top := yearAtTop(doc, &years)
		if ok && !top {
			t.Fatalf("DateLine finds a date line in %.300q, yearAtTop says there is none", text)
		}
		if ok {
			found++
		} else if !top {
			missed++
		}
	}
	if found < 50 || missed < 50 {
		t.Fatalf("%d texts with a date line, %d without a year at the top: too few to prove the screen", found, missed)
	}
	t.Logf("%d texts with a date line, %d without a year at the top", found, missed)
}

// randomOffice picks an office of pack and one of its holders (any
// person of the pack for an office without terms).
func randomOffice(rng *rand.Rand, pack *knowledge.Pack) (*knowledge.Office, *knowledge.Person) {
	o := pack.Offices[rng.IntN(len(pack.Offices))]
	if len(o.Terms) > 0 {
		return o, o.Terms[rng.IntN(len(o.Terms))].Holder
	}
	return o, pack.People[rng.IntN(len(pack.People))]
}
