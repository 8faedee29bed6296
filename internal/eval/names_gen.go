package eval

// Generated cases for the names suite. Every case is a copy of a clean
// real article (WCXB truth text or a clean seed) with one change whose
// span is remembered, or with a change that must stay quiet (a trap), or
// unchanged (a control). Random choices use a PCG generator seeded per
// generator and case, so runs are reproducible.

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/internal/knowledge"
	"github.com/dochygiene/hygiene/internal/lexicon"
)

// nameCase is one generated document.
type nameCase struct {
	ID   string
	Base string // the clean article it was made from
	Kind string // generator/variant, e.g. "misspell/all"
	Text string
	Date time.Time
	// Positives are the spans the rule Rule must flag (empty for controls
	// and traps).
	Rule      string
	Positives [][2]int
	// Trap names what a quiet case tests.
	Trap string
}

// baseDoc is a clean article to build cases from.
type baseDoc struct {
	ID, Text string
	Date     time.Time // from the URL, when it has one
}

// insertSentence puts a paragraph holding s after a random paragraph of
// the text and returns the new text and where s starts.
func insertSentence(rng *rand.Rand, text, s string) (string, int) {
	var breaks []int
	for i := 0; i+1 < len(text); i++ {
		if text[i] == '\n' && text[i+1] == '\n' {
			breaks = append(breaks, i+1)
		}
	}
	at := len(text)
	if len(breaks) > 0 {
		at = breaks[rng.IntN(len(breaks))]
	}
	prefix := text[:at]
	if !strings.HasSuffix(prefix, "\n\n") {
		prefix = strings.TrimRight(prefix, "\n") + "\n\n"
	}
	out := prefix + s + "\n\n" + strings.TrimLeft(text[at:], "\n")
	return out, len(prefix)
}

// mutate misspells a name part the way typists and OCR do: a swapped,
// dropped, doubled or replaced inner letter. It returns "" when no
// mutation gives a string that is neither a word nor an accepted form.
func mutate(rng *rand.Rand, w string, accepted []string) string {
	r := []rune(w)
	if len(r) < 4 {
		return ""
	}
	letters := "aeiourtnslmkhdcbgpvz"
	for try := 0; try < 20; try++ {
		out := append([]rune{}, r...)
		i := 1 + rng.IntN(len(r)-1)
		switch rng.IntN(4) {
		case 0: // swap with the next letter
			if i+1 >= len(out) {
				continue
			}
			out[i], out[i+1] = out[i+1], out[i]
		case 1: // drop
			out = append(out[:i], out[i+1:]...)
		case 2: // double
			out = append(out[:i+1], out[i:]...)
		case 3: // replace
			out[i] = rune(letters[rng.IntN(len(letters))])
		}
		m := string(out)
		if m == w || !unicode.IsLetter(out[len(out)-1]) || lexicon.IsWord(strings.ToLower(m)) {
			continue
		}
		ok := true
		for _, a := range accepted {
			if knowledge.TransliterationKey(a) == knowledge.TransliterationKey(m) {
				ok = false
			}
		}
		if ok {
			return m
		}
	}
	return ""
}

// famousPeople are the curated, western-order people of the pack with a
// one-word surname and a given name.
func famousPeople(pack *knowledge.Pack) []*knowledge.Person {
	var out []*knowledge.Person
	for _, p := range pack.People {
		if p.Curated && !p.FamilyFirst && p.FirstGiven() != "" && !strings.Contains(p.Surname, " ") && len(p.Surname) >= 4 {
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

var personSentences = []string{
	"%s told reporters that the talks would continue next week.",
	"In a statement, %s said the proposal deserved careful study.",
	"The plan was welcomed by %s, who called it a first step.",
	"Critics noted that %s had promised a decision before the summer.",
}

var surnameSentences = []string{
	"%s added that no date had been set.",
	"Asked about the costs, %s declined to comment.",
	"Aides to %s said the meeting had been constructive.",
}

// genMisspell builds cases for names/misspelled-person: a pack person is
// mentioned three times (full name, then surname twice) in a real article;
// controls keep every spelling, "all" misspells every mention the same way,
// "given" the given name of the full mention, "one" one surname mention.
func genMisspell(pack *knowledge.Pack, bases []baseDoc, seed uint64, n int) []nameCase {
	people := famousPeople(pack)
	var out []nameCase
	for i := 0; i < n; i++ {
		rng := rand.New(rand.NewPCG(seed, uint64(i)))
		base := bases[rng.IntN(len(bases))]
		p := people[rng.IntN(len(people))]
		given := p.FirstGiven()
		kind := []string{"control", "all", "given", "one"}[i%4]
		wrongSur := mutate(rng, p.Surname, p.Surnames())
		wrongGiven := mutate(rng, given, p.GivenForms())
		if wrongSur == "" || wrongGiven == "" || len(pack.PeopleBySurname(wrongSur)) > 0 {
			continue
		}
		names := []string{given + " " + p.Surname, p.Surname, p.Surname}
		var wrong []bool
		switch kind {
		case "all":
			names = []string{given + " " + wrongSur, wrongSur, wrongSur}
			wrong = []bool{true, true, true}
		case "given":
			names[0] = wrongGiven + " " + p.Surname
			wrong = []bool{true, false, false}
		case "one":
			names[1+rng.IntN(2)] = wrongSur
			wrong = []bool{false, names[1] == wrongSur, names[2] == wrongSur}
		}
		text := base.Text
		c := nameCase{ID: fmt.Sprintf("misspell-%03d-%s", i, base.ID), Base: base.ID, Kind: "misspell/" + kind, Rule: "names/misspelled-person"}
		// Insert from the last mention to the first so that earlier
		// insertions do not move later spans: insert each after the
		// previous one by always appending to the end instead.
		var spans [][2]int
		for k, name := range names {
			tmpl := personSentences[rng.IntN(len(personSentences))]
			if k > 0 {
				tmpl = surnameSentences[rng.IntN(len(surnameSentences))]
			}
			s := fmt.Sprintf(tmpl, name)
			text = strings.TrimRight(text, "\n") + "\n\n" + s + "\n"
			start := len(text) - 1 - len(s) + strings.Index(s, name)
			if wrong != nil && wrong[k] {
				span := [2]int{start, start + len(name)}
				if kind == "given" {
					span[1] = start + len(wrongGiven)
				}
				spans = append(spans, span)
			}
		}
		c.Text, c.Positives = text, spans
		if kind == "control" {
			c.Rule, c.Trap = "", "correct spellings of a known person"
		}
		out = append(out, c)
	}
	return out
}

// genSeedMisspell misspells the surname of pack people the clean seeds
// really mention: every mention in one copy, one mention in another.
func genSeedMisspell(pack *knowledge.Pack, seeds []baseDoc, seed uint64) []nameCase {
	var out []nameCase
	for si, s := range seeds {
		for pi, p := range famousPeople(pack) {
			re := regexp.MustCompile(`\b` + regexp.QuoteMeta(p.Surname) + `\b`)
			locs := re.FindAllStringIndex(s.Text, -1)
			if len(locs) < 2 {
				continue
			}
			rng := rand.New(rand.NewPCG(seed, uint64(si*1000+pi)))
			wrong := mutate(rng, p.Surname, p.Surnames())
			if wrong == "" || len(pack.PeopleBySurname(wrong)) > 0 {
				continue
			}
			// All mentions (rebuilt back to front so offsets hold).
			text, spans := s.Text, [][2]int{}
			shift := len(wrong) - len(p.Surname)
			for k, l := range locs {
				spans = append(spans, [2]int{l[0] + k*shift, l[0] + k*shift + len(wrong)})
			}
			for k := len(locs) - 1; k >= 0; k-- {
				text = text[:locs[k][0]] + wrong + text[locs[k][1]:]
			}
			out = append(out, nameCase{ID: fmt.Sprintf("seed-%s-%s-all", s.ID, p.Surname), Base: s.ID, Kind: "misspell/seed-all", Rule: "names/misspelled-person", Text: text, Positives: spans})
			k := rng.IntN(len(locs))
			one := s.Text[:locs[k][0]] + wrong + s.Text[locs[k][1]:]
			out = append(out, nameCase{ID: fmt.Sprintf("seed-%s-%s-one", s.ID, p.Surname), Base: s.ID, Kind: "misspell/seed-one", Rule: "names/misspelled-person", Text: one,
				Positives: [][2]int{{locs[k][0], locs[k][0] + len(wrong)}}})
		}
	}
	return out
}

var fullNameRE = regexp.MustCompile(`\b([A-Z][a-z]{2,}) ([A-Z][a-z]{3,})\b`)

// genVariant misspells one later mention of a two-word name that a real
// article repeats and the pack does not know (names/variant, within a
// document).
func genVariant(pack *knowledge.Pack, bases []baseDoc, seed uint64) []nameCase {
	var out []nameCase
	for bi, b := range bases {
		counts := map[string][][]int{}
		for _, m := range fullNameRE.FindAllStringSubmatchIndex(b.Text, -1) {
			if !isolated(b.Text, m[0], m[1]) {
				continue // part of a longer capitalised run: a product or an organisation
			}
			g, s := b.Text[m[2]:m[3]], b.Text[m[4]:m[5]]
			if lexicon.IsWord(strings.ToLower(g)) || lexicon.IsWord(strings.ToLower(s)) || len(pack.PeopleBySurname(s)) > 0 {
				continue
			}
			counts[g+" "+s] = append(counts[g+" "+s], m)
		}
		keys := make([]string, 0, len(counts))
		for k, ms := range counts {
			if len(ms) >= 2 {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for ki, k := range keys {
			rng := rand.New(rand.NewPCG(seed, uint64(bi*100+ki)))
			ms := counts[k]
			m := ms[1+rng.IntN(len(ms)-1)]
			sur := b.Text[m[4]:m[5]]
			wrong := mutate(rng, sur, []string{sur})
			if wrong == "" {
				continue
			}
			text := b.Text[:m[4]] + wrong + b.Text[m[5]:]
			out = append(out, nameCase{ID: fmt.Sprintf("variant-%s-%d", b.ID, ki), Base: b.ID, Kind: "variant/in-document", Rule: "names/variant",
				Text: text, Positives: [][2]int{{m[2], m[4] + len(wrong)}}})
		}
	}
	return out
}

// genVariantCorpus mentions one invented-for-the-test but realistic name
// (taken from a real article's byline-like pair) in four articles, and a
// misspelling of it in a fifth (names/variant across the corpus).
func genVariantCorpus(pack *knowledge.Pack, bases []baseDoc, seed uint64, n int) []nameCase {
	var pool []string
	seen := map[string]bool{}
	for _, b := range bases {
		for _, m := range fullNameRE.FindAllStringSubmatch(b.Text, -1) {
			if lexicon.IsWord(strings.ToLower(m[1])) || lexicon.IsWord(strings.ToLower(m[2])) || len(pack.PeopleBySurname(m[2])) > 0 || seen[m[0]] {
				continue
			}
			seen[m[0]] = true
			pool = append(pool, m[0])
		}
	}
	sort.Strings(pool)
	var out []nameCase
	for i := 0; i < n && len(pool) > 0; i++ {
		rng := rand.New(rand.NewPCG(seed, uint64(i)))
		name := pool[rng.IntN(len(pool))]
		g, s, _ := strings.Cut(name, " ")
		wrong := mutate(rng, s, []string{s})
		if wrong == "" {
			continue
		}
		for k := 0; k < 5; k++ {
			b := bases[rng.IntN(len(bases))]
			mention := name
			if k == 4 {
				mention = g + " " + wrong
			}
			sentence := fmt.Sprintf("The figures were compiled by %s for this report.", mention)
			text, at := insertSentence(rng, b.Text, sentence)
			c := nameCase{ID: fmt.Sprintf("variant-corpus-%03d-%d-%s", i, k, b.ID), Base: b.ID, Kind: "variant/corpus", Text: text,
				Trap: "a name attested in four documents"}
			if k == 4 {
				start := at + strings.Index(sentence, mention)
				c.Rule, c.Trap, c.Positives = "names/variant", "", [][2]int{{start, start + len(mention)}}
			}
			out = append(out, c)
		}
	}
	return out
}

// weekdayFormats are the ways articles write a weekday with a date: the
// weekday style ("full, ", "abbr, ", "after") and the date's layout.
var weekdayFormats = []struct{ style, layout string }{
	{"full, ", "January 2, 2006"},
	{"full ", "2 January 2006"},
	{"abbr, ", "2 Jan 2006"},
	{"full, ", "Jan. 2, 2006"},
	{"full, ", "2006-01-02"},
	{"full, ", "January 2"},
	{"full ", "2 January"},
	{"full the ", "ordinal"},
	{"after", "January 2, 2006"},
}

// weekdayPhrase writes day with the weekday wd (which may be wrong).
func weekdayPhrase(wd time.Weekday, day time.Time, style, layout string) string {
	date := day.Format(layout)
	if layout == "ordinal" {
		date = ordinal(day.Day()) + " of " + day.Month().String()
	}
	switch style {
	case "after":
		return date + " (" + wd.String() + ")"
	case "abbr, ":
		return wd.String()[:3] + ", " + date
	}
	return wd.String() + strings.TrimPrefix(style, "full") + date
}

// genWeekday puts a weekday and a date into a real article, right in
// controls and wrong in positives, in the common formats; yearless dates
// take their year from the article date set as metadata.
func genWeekday(bases []baseDoc, seed uint64, n int) []nameCase {
	var out []nameCase
	start := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		rng := rand.New(rand.NewPCG(seed, uint64(i)))
		b := bases[rng.IntN(len(bases))]
		day := start.AddDate(0, 0, rng.IntN(7*365))
		f := weekdayFormats[i%len(weekdayFormats)]
		wrong := (i/len(weekdayFormats))%2 == 1
		wd := day.Weekday()
		if wrong {
			wd = (wd + time.Weekday(1+rng.IntN(6))) % 7
		}
		phrase := weekdayPhrase(wd, day, f.style, f.layout)
		sentence := fmt.Sprintf("The next meeting is planned for %s at the ministry.", phrase)
		text, at := insertSentence(rng, b.Text, sentence)
		c := nameCase{ID: fmt.Sprintf("weekday-%03d-%s", i, b.ID), Base: b.ID, Kind: "weekday/" + map[bool]string{true: "wrong", false: "right"}[wrong],
			Text: text, Date: day.AddDate(0, 0, -rng.IntN(30)), Trap: "a weekday that matches its date (" + f.layout + ")"}
		if wrong {
			s := at + strings.Index(sentence, phrase)
			c.Rule, c.Trap, c.Positives = "facts/weekday", "", [][2]int{{s, s + len(phrase)}}
		}
		out = append(out, c)
	}
	return out
}

func ordinal(d int) string {
	suffix := "th"
	switch {
	case d%100 >= 11 && d%100 <= 13:
	case d%10 == 1:
		suffix = "st"
	case d%10 == 2:
		suffix = "nd"
	case d%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", d, suffix)
}

// titleOffice is an office with a qualifier usable in generated text.
type titleOffice struct {
	office *knowledge.Office
	qual   string
}

// genTitles writes "QUALIFIER TITLE NAME said ..." into a real article
// dated inside the holder's term (control), after it or before it while
// someone else certainly held the office (positive), or with a trap that
// makes the title right ("former", "then-", a past year).
func genTitles(pack *knowledge.Pack, bases []baseDoc, seed uint64, n int) []nameCase {
	var offices []titleOffice
	for _, o := range pack.Offices {
		if len(o.Terms) < 2 || len(o.Qualifiers) == 0 {
			continue
		}
		curated := strings.HasPrefix(o.ID, "nato/") || strings.HasPrefix(o.ID, "un/") || strings.HasPrefix(o.ID, "eu/") ||
			strings.HasPrefix(o.ID, "us/") || strings.HasPrefix(o.ID, "uk/") || strings.HasPrefix(o.ID, "de/") || strings.HasPrefix(o.ID, "fr/") ||
			regexp.MustCompile(`^factbook/(uk|us|gm|fr|it|ja|ca|up|rs|as|sp|pl)/`).MatchString(o.ID)
		if !curated {
			continue
		}
		for _, q := range o.Qualifiers {
			if !strings.Contains(q, ".") {
				offices = append(offices, titleOffice{o, q})
			}
		}
	}
	sort.Slice(offices, func(i, j int) bool {
		return offices[i].office.ID+offices[i].qual < offices[j].office.ID+offices[j].qual
	})
	traps := []string{"former %s", "then-%s", "In %d, %s"}
	var out []nameCase
	for i := 0; i < n; i++ {
		rng := rand.New(rand.NewPCG(seed, uint64(i)))
		to := offices[rng.IntN(len(offices))]
		o := to.office
		ti := rng.IntN(len(o.Terms))
		term := o.Terms[ti]
		if term.EndUnknown {
			continue
		}
		name := term.Holder.FirstGiven() + " " + term.Holder.Surname
		if term.Holder.FamilyFirst {
			name = term.Holder.Name
		}
		phrase := to.qual + " " + o.Title + " " + name
		kind := []string{"right", "wrong", "trap"}[i%3]
		var day time.Time
		var ok bool
		switch kind {
		case "right":
			day, ok = dayInTerm(rng, term, pack.ValidAsOf)
		default:
			day, ok = dayOutsideTerm(rng, o, ti, pack)
		}
		if !ok {
			continue
		}
		sentence := phrase + " said the government would respond within days."
		trap := ""
		if kind == "trap" {
			tmpl := traps[rng.IntN(len(traps))]
			if strings.HasPrefix(tmpl, "In") {
				// A year of the term other than the article's year.
				year := term.From.Year()
				if !term.Current {
					year = term.From.Year() + rng.IntN(max(1, term.To.Year()-term.From.Year()))
				}
				if year == day.Year() {
					continue
				}
				sentence = fmt.Sprintf(tmpl, year, phrase) + " said the government would respond within days."
				trap = "a past year in the sentence"
			} else {
				sentence = strings.ToUpper(tmpl[:1]) + fmt.Sprintf(tmpl, phrase)[1:] + " said the government would respond within days."
				trap = "\"" + strings.TrimSuffix(tmpl, " %s") + "\" before the title"
			}
		}
		b := bases[rng.IntN(len(bases))]
		text, at := insertSentence(rng, b.Text, sentence)
		c := nameCase{ID: fmt.Sprintf("title-%03d-%s", i, b.ID), Base: b.ID, Kind: "title/" + kind, Text: text, Date: day, Trap: trap}
		switch kind {
		case "right":
			c.Trap = "the holder at the article's date"
		case "wrong":
			s := at + strings.Index(sentence, phrase)
			c.Rule, c.Positives = "facts/outdated-title", [][2]int{{s, s + len(phrase)}}
		}
		out = append(out, c)
	}
	return out
}

const margin = 21 * 24 * time.Hour

func dayInTerm(rng *rand.Rand, t knowledge.Term, validAsOf time.Time) (time.Time, bool) {
	end := t.To
	if t.Current {
		end = validAsOf
	}
	lo, hi := t.From.Add(margin), end.Add(-margin)
	if !hi.After(lo) {
		return time.Time{}, false
	}
	return lo.Add(time.Duration(rng.Int64N(int64(hi.Sub(lo))))).Truncate(24 * time.Hour), true
}

// dayOutsideTerm picks a day inside another holder's term.
func dayOutsideTerm(rng *rand.Rand, o *knowledge.Office, ti int, pack *knowledge.Pack) (time.Time, bool) {
	holder := o.Terms[ti].Holder
	var others []knowledge.Term
	for _, t := range o.Terms {
		if t.Holder != holder && !t.EndUnknown {
			others = append(others, t)
		}
	}
	if len(others) == 0 {
		return time.Time{}, false
	}
	return dayInTerm(rng, others[rng.IntN(len(others))], pack.ValidAsOf)
}

// knownSentences are claims about the North Atlantic Treaty; %s is the
// article number.
var knownWrong = []string{
	"Article %s of the North Atlantic Treaty commits the allies to collective defence.",
	"Under NATO's Article %s, an armed attack against one member is an attack against all.",
	"The guarantee would mirror Article %s of the Washington Treaty and its promise of mutual defence.",
	"Kyiv wants protection equivalent to Article %s of the North Atlantic Treaty.",
}

var knownQuiet = []struct{ text, trap string }{
	{"Poland invoked Article 4 of the North Atlantic Treaty to hold consultations with its allies.", "Article 4 consultations"},
	{"Article 7 of the Treaty on European Union allows the suspension of a member state's voting rights.", "the EU treaty's Article 7"},
	{"Sweden joined under Article 10 of the North Atlantic Treaty, which keeps the door open to new members.", "Article 10 enlargement"},
	{"Article 42.7 of the EU treaty is the Union's own mutual defence clause.", "EU Article 42.7"},
}

// genKnown writes claims about NATO's collective defence clause into real
// articles: with a wrong article number (positive), with Article 5
// (control), or a legitimate other article (trap).
func genKnown(bases []baseDoc, seed uint64, n int) []nameCase {
	var out []nameCase
	for i := 0; i < n; i++ {
		rng := rand.New(rand.NewPCG(seed, uint64(i)))
		b := bases[rng.IntN(len(bases))]
		tmpl := knownWrong[rng.IntN(len(knownWrong))]
		var sentence, trap, number string
		switch i % 3 {
		case 0:
			// Articles with a legitimate use of their own (2, 3, 4, 6, 10,
			// 13) are only wrong with a strong collective-defence context:
			// the first two templates have one, the others do not.
			numbers := []string{"1", "7", "8", "9", "11", "12"}
			if strings.Contains(tmpl, "collective") || strings.Contains(tmpl, "armed attack") {
				numbers = append(numbers, "2", "3", "6")
			}
			number = numbers[rng.IntN(len(numbers))]
			sentence = fmt.Sprintf(tmpl, number)
		case 1:
			sentence, trap = fmt.Sprintf(tmpl, "5"), "Article 5"
		case 2:
			q := knownQuiet[rng.IntN(len(knownQuiet))]
			sentence, trap = q.text, q.trap
		}
		text, at := insertSentence(rng, b.Text, sentence)
		c := nameCase{ID: fmt.Sprintf("known-%03d-%s", i, b.ID), Base: b.ID, Kind: "known/" + map[bool]string{true: "wrong", false: "quiet"}[number != ""], Text: text, Trap: trap}
		if number != "" {
			s := at + strings.Index(sentence, "Article "+number)
			c.Rule, c.Positives = "facts/known", [][2]int{{s, s + len("Article "+number)}}
		}
		out = append(out, c)
	}
	return out
}

// genAcronym lower-cases the tail of one real initialism in an article
// ("UK" -> "Uk").
func genAcronym(pack *knowledge.Pack, bases []baseDoc, seed uint64) []nameCase {
	var out []nameCase
	for bi, b := range bases {
		var hits [][]int
		for _, in := range pack.Initialisms {
			if in.Word {
				continue
			}
			re := regexp.MustCompile(`\b` + in.Form + `\b`)
			hits = append(hits, re.FindAllStringIndex(b.Text, -1)...)
		}
		if len(hits) == 0 {
			continue
		}
		rng := rand.New(rand.NewPCG(seed, uint64(bi)))
		h := hits[rng.IntN(len(hits))]
		form := b.Text[h[0]:h[1]]
		r, size := utf8.DecodeRuneInString(form)
		wrong := string(r) + strings.ToLower(form[size:])
		if in := pack.Initialism(form); in != nil && acceptedAnyStyle(in, wrong) {
			continue
		}
		text := b.Text[:h[0]] + wrong + b.Text[h[1]:]
		out = append(out, nameCase{ID: "acronym-" + b.ID, Base: b.ID, Kind: "acronym/title-case", Rule: "text/acronym-case", Text: text, Positives: [][2]int{{h[0], h[1]}}})
	}
	return out
}

func acceptedAnyStyle(in *knowledge.Initialism, w string) bool {
	for _, s := range in.Styles {
		if s == w {
			return true
		}
	}
	return false
}

var urlDateRE = regexp.MustCompile(`/(20\d\d)/(\d\d)/(\d\d)/`)

// urlDate reads /YYYY/MM/DD/ from an article URL.
func urlDate(url string) time.Time {
	m := urlDateRE.FindStringSubmatch(url)
	if m == nil {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", m[1]+"-"+m[2]+"-"+m[3])
	if err != nil {
		return time.Time{}
	}
	return t
}

// isolated reports whether text[start:end) stands between words that are
// not capitalised: "said Anna Smith on", not "Berkshire Hathaway Primary".
func isolated(text string, start, end int) bool {
	before := strings.TrimRight(text[:start], " ")
	if i := strings.LastIndexAny(before, " \n\t"); len(before) > 0 && before[len(before)-1] != '\n' {
		w := before[i+1:]
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && w == strings.TrimRight(w, ".,;:") {
			return false
		}
	}
	after := strings.TrimLeft(text[end:], " ")
	if r, _ := utf8.DecodeRuneInString(after); unicode.IsUpper(r) || unicode.IsDigit(r) {
		return false
	}
	return true
}
