package facts

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/internal/dates"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/knowledge"
	"github.com/dochygiene/hygiene/rules"
)

// OutdatedTitle flags "TITLE NAME" when the knowledge pack says NAME did
// not hold that office at the article's date.
var OutdatedTitle = &rules.Rule{
	ID:      "facts/outdated-title",
	Summary: "a title the person did not hold at the article's date",
	Doc: `"German Chancellor Olaf Scholz" in a September 2025 article: Friedrich Merz
took office on 6 May 2025. The office and its holders come from the
knowledge pack (heads of state and government from the CIA World Factbook,
curated international offices and ministers). A title counts when it stands
right before the name, with a qualifier ("German Chancellor", "NATO
Secretary General", "Britain's Prime Minister") or alone ("Chancellor Olaf
Scholz") when the person held only one office of that title.

The date is the article's: a date line near the top, record metadata or
--date. No date, no finding. A note or citation with its own date ("... by
NATO Secretary General Jens Stoltenberg. nato.int 07.09.2023.") is judged at
that date, and a sentence's own full date wins over the article's.

Quiet after "former", "then-", "ex-", "late", "predecessor", "incoming",
"outgoing", "deputy", "acting", "under" and the like; in a sentence that
mentions another year (or this year while the person still held the
office); within a week of a handover; when the pack cannot say who held the
office (a gap in its sources); and for articles dated after the pack's
valid_as_of date ("cannot verify").`,
	Bad:      "September 4, 2025\n\nGerman Chancellor Olaf Scholz met Emmanuel Macron.",
	Good:     "September 4, 2025\n\nGerman Chancellor Friedrich Merz met Emmanuel Macron; former Chancellor Olaf Scholz did not.",
	Severity: rules.Warning,
	Run:      runOutdated,
	Prepare:  func() { knowledge.Active() },
}

// grace is the doubt around a handover date: an article dated the day
// after may still have been written before it.
const grace = 7 * 24 * time.Hour

// quietWords before a title make the sentence speak of another time.
var quietWords = map[string]bool{
	"former": true, "ex": true, "then": true, "late": true, "predecessor": true, "predecessors": true,
	"incoming": true, "outgoing": true, "future": true, "previous": true, "erstwhile": true, "successor": true,
	"deputy": true, "vice": true, "acting": true, "interim": true, "caretaker": true, "designate": true,
	"elect": true, "onetime": true, "one-time": true, "under": true, "past": true, "later": true, "then-": true,
	"first": true, "second": true, "third": true, "would-be": true, "longtime": true, "once": true,
}

var yearRE = regexp.MustCompile(`\b(1[89]\d\d|20\d\d|21\d\d)s?\b`)

func runOutdated(pass *rules.Pass) {
	doc := pass.Doc
	pack := knowledge.Active()
	idx := titleIndexOf(pack)
	sc := &titledScan{pass: pass, pack: pack, lastWords: pack.LastWords(), ends: &idx.ends}
	// A finding needs the date its sentence speaks at (mentionDates.of):
	// the article's, unless the sentence (or a note) writes a full date
	// with a year, and a year is four digits. Most documents have no
	// article date that the pack can vouch for, nor a year where a date
	// line would stand (647 of the 736 WCXB truth texts, 642 of the
	// pages), and most of their blocks hold no year (a twelfth of the
	// words): only those blocks can then hold a finding.
	years := newYearDigits(doc.Src)
	if doc.Meta.Date.IsZero() && years.next(0) == len(doc.Src) {
		return // no date anywhere: not even a date line
	}
	sc.dated = newMentionDates(doc, pack)
	if sc.dated.articleMayCount(&years) {
		sc.scan(doc.Tokens())
		return
	}
	// From year to year: the blocks in between (most of them, many of a
	// page's are short headings and list items) are not looked at.
	blocks := doc.Blocks
	bi := 0
	for y := years.next(0); y < len(doc.Src); {
		for bi < len(blocks) && blocks[bi].End < y+4 {
			bi++
		}
		if bi == len(blocks) {
			return
		}
		b := blocks[bi]
		if y < b.Start {
			y = years.next(y + 1) // between blocks
			continue
		}
		sc.scan(doc.TokensIn(b.Start, b.End))
		y = years.next(b.End)
	}
}

// scan looks for titled mentions among toks: a document's tokens, or all
// of the tokens of some of its blocks, in text order.
func (sc *titledScan) scan(toks []document.Token) {
	ends := sc.ends
	all := ends.all
	src := sc.pass.Doc.Src
	// titleEnd is the end of the last word token that may end a title
	// (titleEnds), -1 for none; blockEnd is the end of its block. A name
	// is looked up only after such a word and up to that block's end:
	// findTitle reads a title inside the name's sentence only, and a
	// sentence lies inside a block. Most sentences name no office, so
	// most words are settled by the title test alone, without the
	// surname filter. The loop keeps only these in hand; the rest is
	// titledScan's.
	titleEnd, blockEnd := -1, -1
	for k := 0; k < len(toks); k++ {
		if titleEnd < 0 && !all {
			// No title pending (most of the text): a word that fails
			// the title test does nothing, so pass over such tokens
			// with that test alone.
			for k < len(toks) && (toks[k].End-toks[k].Start < 4 ||
				!ends.quick(binary.LittleEndian.Uint32(src[toks[k].End-4:toks[k].End]))) {
				k++
			}
			if k == len(toks) {
				break
			}
		}
		tk := &toks[k]
		if tk.Kind != document.Word {
			continue
		}
		if titleEnd >= 0 {
			if tk.End > blockEnd {
				titleEnd = -1 // past the block: no title before this word
			} else {
				sc.checkAfterTitle(titleEnd, *tk)
			}
		}
		// Words of fewer than four bytes end no title (titleEnds); a
		// table that cannot tell (ends.all) lets every word through.
		if (all || tk.End-tk.Start >= 4 && ends.quick(binary.LittleEndian.Uint32(src[tk.End-4:tk.End]))) &&
			ends.mayEnd(src, tk.Start, tk.End) {
			titleEnd, blockEnd = tk.End, sc.blockEnd(tk.End)
		}
	}
}

// yearDigits finds the places a year of a date may stand: four ASCII
// digits from 1800 to 2199 (dates.Find keeps no other year). Prose has
// few digits, and bytes.IndexByte finds the 1s and the 2s fast.
type yearDigits struct {
	src []byte
	// at holds, for the leading digits 1 and 2, the first year found at
	// or after the offset from (from > at before the first search).
	from, at [2]int
}

func newYearDigits(src []byte) yearDigits {
	return yearDigits{src: src, from: [2]int{1, 1}}
}

// next returns the offset of the first year at i or after, or len(src).
func (y *yearDigits) next(i int) int {
	return min(y.nextLed(0, '1', i), y.nextLed(1, '2', i))
}

func (y *yearDigits) nextLed(k int, lead byte, i int) int {
	if y.from[k] <= i && i <= y.at[k] {
		return y.at[k] // the first year from an earlier offset is the first from i
	}
	y.from[k] = i
	for {
		j := bytes.IndexByte(y.src[i:], lead)
		if j < 0 {
			y.at[k] = len(y.src)
			return y.at[k]
		}
		p := i + j
		if isYear(y.src, p) {
			y.at[k] = p
			return p
		}
		i = p + 1
	}
}

// isYear reports whether src[p:p+4] are digits from 1800 to 2199.
func isYear(src []byte, p int) bool {
	if p+4 > len(src) {
		return false
	}
	a, b := src[p], src[p+1]
	return (a == '1' && (b == '8' || b == '9') || a == '2' && (b == '0' || b == '1')) &&
		isDigit(src[p+2]) && isDigit(src[p+3])
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// titledScan is runOutdated's state for the words after a possible title.
type titledScan struct {
	pass      *rules.Pass
	pack      *knowledge.Pack
	lastWords *knowledge.WordFilter
	ends      *titleEnds
	bi        int // the block of the last possible title; blocks are in text order
	// sentences are split only once a name the pack knows follows a
	// possible title in its block: no other rule of the default set
	// needs them for most documents.
	sentences []document.Sentence
	split     bool
	si        int // the sentence of the current token; both are in text order
	dated     *mentionDates
}

// blockEnd returns the end of the block that holds the token ending at
// end (the end of the text when none does).
func (sc *titledScan) blockEnd(end int) int {
	blocks := sc.pass.Doc.Blocks
	for sc.bi < len(blocks) && blocks[sc.bi].End < end {
		sc.bi++
	}
	if sc.bi == len(blocks) {
		return len(sc.pass.Doc.Src)
	}
	return blocks[sc.bi].End
}

// checkAfterTitle looks up the word t, which follows a word that may end a
// title (at titleEnd), as the last word of a surname and checks the
// mention.
func (sc *titledScan) checkAfterTitle(titleEnd int, t document.Token) {
	doc := sc.pass.Doc
	src := doc.Src
	end := t.End
	if src[end-1] == 's' {
		end = possessiveEnd(src, t)
	}
	if !sc.lastWords.MayHold(src[t.Start:end]) {
		return
	}
	people := sc.pack.PeopleByLastWordBytes(src[t.Start:end])
	if len(people) == 0 {
		return
	}
	// Only words inside a sentence count (as doc.TokensIn gives them
	// per sentence).
	if !sc.split {
		sc.sentences, sc.split = doc.Sentences(), true
	}
	sentences := sc.sentences
	for sc.si < len(sentences) && sentences[sc.si].End < t.End {
		sc.si++
	}
	if sc.si == len(sentences) || t.Start < sentences[sc.si].Start {
		return
	}
	s := sentences[sc.si]
	if titleEnd <= s.Start {
		return // the title lies before the sentence
	}
	d := sc.dated
	checkMention(sc.pass, sc.pack, s, t, people, end, func() (time.Time, bool) { return d.of(s) })
}

// mentionDates finds the date a sentence speaks at, once per block: it is
// needed only for sentences that name an office holder with a title, and
// dates cost most.
type mentionDates struct {
	doc        *document.Document
	pack       *knowledge.Pack
	article    time.Time
	hasArticle bool
	// looked is whether the article's date was looked for (once, when
	// first needed).
	looked bool
	// blocks holds the dates of the blocks looked into, made on first
	// use: most documents have no titled mention.
	blocks map[int][]dates.Match
}

func newMentionDates(doc *document.Document, pack *knowledge.Pack) *mentionDates {
	return &mentionDates{doc: doc, pack: pack}
}

// articleMayCount reports whether a sentence without a date of its own
// may speak at a date the pack can judge: the article's date, unless it
// is after the pack's data. A metadata date settles it. Otherwise the
// date would come from a date line, which holds a year (yearAtTop): with
// one, the answer waits until a titled mention needs a date, as the date
// line search runs the date expression, which costs more than the scan
// of a whole document.
func (d *mentionDates) articleMayCount(years *yearDigits) bool {
	if !d.doc.Meta.Date.IsZero() {
		d.lookUpArticle() // the metadata date
		return !d.article.After(d.pack.ValidAsOf)
	}
	if !yearAtTop(d.doc, years) {
		d.looked = true // no date line: Article would find none
		return false
	}
	return true
}

// yearAtTop reports whether a year stands in a line dates.DateLine reads:
// a date line holds a date with a year.
func yearAtTop(doc *document.Document, years *yearDigits) bool {
	for l := range dates.DateLineCandidates(doc) {
		if years.next(l.Start)+4 <= l.End {
			return true
		}
	}
	return false
}

func (d *mentionDates) lookUpArticle() {
	if !d.looked {
		d.article, d.hasArticle = dates.Article(d.doc)
		d.looked = true
	}
}

// of returns the sentence's date, or false when there is none or it is
// after the pack's data (cannot verify).
func (d *mentionDates) of(s document.Sentence) (time.Time, bool) {
	d.lookUpArticle()
	found, ok := d.blocks[s.Block]
	if !ok {
		b := d.doc.Blocks[s.Block]
		found = dates.Find(d.doc.Src, b.ContentStart, b.End)
		if d.blocks == nil {
			d.blocks = map[int][]dates.Match{}
		}
		d.blocks[s.Block] = found
	}
	day, ok := sentenceDate(d.doc, found, s, d.article, d.hasArticle)
	if !ok || day.After(d.pack.ValidAsOf) {
		return time.Time{}, false
	}
	return day, true
}

// possessiveEnd is where the token ends without a trailing "'s" or "’s".
func possessiveEnd(src []byte, t document.Token) int {
	if src[t.End-1] != 's' {
		return t.End // most words: settled on one byte
	}
	w := src[t.Start:t.End]
	switch {
	case len(w) > 2 && w[len(w)-2] == '\'':
		return t.End - 2
	case len(w) > 4 && string(w[len(w)-4:]) == "\u2019s":
		return t.End - 4
	}
	return t.End
}

// sentenceDate is the date a sentence speaks at: a citation's own date in
// a note, a full date written in the sentence, or the article's date.
func sentenceDate(doc *document.Document, blockDates []dates.Match, s document.Sentence, article time.Time, hasArticle bool) (time.Time, bool) {
	if doc.Blocks[s.Block].Kind == document.Note {
		for i := len(blockDates) - 1; i >= 0; i-- {
			if blockDates[i].HasYear() {
				return blockDates[i].Time(0), true
			}
		}
	}
	for _, m := range blockDates {
		if m.HasYear() && m.Start >= s.Start && m.End <= s.End {
			return m.Time(0), true
		}
	}
	return article, hasArticle
}

// mention is a person's name with its title in the text.
type mention struct {
	person     *knowledge.Person
	office     *knowledge.Office
	title      string // as written
	start, end int    // title start, name end
}

// checkMention judges the word t, whose text up to end is the last word
// of the people's surnames.
func checkMention(pass *rules.Pass, pack *knowledge.Pack, s document.Sentence, t document.Token, people []*knowledge.Person, end int, dateOf func() (time.Time, bool)) {
	doc := pass.Doc
	if continuesName(doc, t.End, s.End) {
		return // "Prime Minister Anthony Albanese": Anthony is not the surname
	}
	for _, p := range people {
		m, ok := findTitle(doc, pack, p, s, t.Start, end)
		if !ok || quietBefore(doc, s.Start, m.start) {
			continue
		}
		day, ok := dateOf()
		if !ok || yearExcuses(doc, s, p, m.office, day) {
			continue
		}
		judge(pass, pack, m, day)
		return
	}
}

// findTitle checks that the words before the surname token are the rest
// of the person's surname, then their given names (or none), then one of
// the titles of an office they held.
func findTitle(doc *document.Document, pack *knowledge.Pack, p *knowledge.Person, s document.Sentence, lastStart, end int) (mention, bool) {
	var start int
	if p.FamilyFirst {
		// The whole name as the pack writes it: "Ban Ki-moon".
		var ok bool
		if start, ok = wordsBefore(doc, strings.Fields(knowledge.Fold(p.Name)), s.Start, lastStart); !ok {
			return mention{}, false
		}
	} else {
		var ok bool
		if start, ok = surnameStart(doc, p, s.Start, lastStart); !ok {
			return mention{}, false
		}
		// Given names, middle names and initials, walking back.
		for {
			w, ws := wordBefore(doc, s.Start, start)
			if w == "" || !p.MatchesGiven(w) {
				break
			}
			start = ws
		}
	}
	lo := max(s.Start, start-100)
	offices := pack.OfficesOf(p)
	if !mayEndWithTitle(pack, offices, doc.Src[lo:start]) {
		return mention{}, false
	}
	before := strings.ToLower(doc.Text(lo, start))
	before = strings.TrimSuffix(strings.TrimRight(before, " \u00a0"), ",")
	titleAt := func(n int) int { return min(start, lo+len(before)-n) }
	var best mention
	longest := 0
	for _, o := range offices {
		for _, q := range titlesOf(pack, o).qualified {
			if n := phraseAtEnd(before, q.phrase); n > longest {
				longest = n
				best = mention{person: p, office: o, title: q.qualifier + " " + o.Title, start: titleAt(n), end: end}
			}
		}
	}
	if best.office == nil {
		for _, o := range offices {
			for _, title := range titlesOf(pack, o).titles {
				if n := phraseAtEnd(before, title); n > 0 && onlyOfficeWithTitle(pack, offices, title) {
					best = mention{person: p, office: o, title: o.Title, start: titleAt(n), end: end}
				}
			}
		}
	}
	if best.office == nil {
		return mention{}, false
	}
	return best, true
}

// surnameStart walks back over the words of a multi-word surname ("von der
// Leyen") and returns where it starts.
func surnameStart(doc *document.Document, p *knowledge.Person, sentStart, lastStart int) (int, bool) {
	for _, sur := range p.Surnames() {
		if start, ok := wordsBefore(doc, strings.Fields(knowledge.Fold(sur)), sentStart, lastStart); ok {
			return start, true
		}
	}
	return 0, false
}

// wordsBefore checks that the words before the last one (which starts at
// lastStart) are words[:len-1], and returns where the first starts.
func wordsBefore(doc *document.Document, words []string, sentStart, lastStart int) (int, bool) {
	start := lastStart
	for i := len(words) - 2; i >= 0; i-- {
		w, ws := wordBefore(doc, sentStart, start)
		if knowledge.Fold(w) != words[i] {
			return 0, false
		}
		start = ws
	}
	return start, true
}

// wordBefore returns the word right before offset (one space between) and
// its start.
func wordBefore(doc *document.Document, limit, offset int) (string, int) {
	i := offset
	r, size := utf8.DecodeLastRune(doc.Src[:i])
	if r != ' ' && r != '\u00a0' {
		return "", offset
	}
	i -= size
	j := i
	for j > limit {
		r, size := utf8.DecodeLastRune(doc.Src[:j])
		if !unicode.IsLetter(r) && r != '.' && r != '-' && r != '\'' {
			break
		}
		j -= size
	}
	return doc.Text(j, i), j
}

// phraseAtEnd returns the phrase's length when text ends with it at a word
// boundary, else 0.
func phraseAtEnd(text, phrase string) int {
	if !strings.HasSuffix(text, phrase) {
		return 0
	}
	rest := text[:len(text)-len(phrase)]
	if rest != "" {
		r, _ := utf8.DecodeLastRuneInString(rest)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return 0
		}
	}
	return len(phrase)
}

// onlyOfficeWithTitle allows a bare title ("Chancellor Olaf Scholz") only
// when the person held one office of that title.
func onlyOfficeWithTitle(pack *knowledge.Pack, offices []*knowledge.Office, title string) bool {
	n := 0
	for _, o := range offices {
		for _, t := range titlesOf(pack, o).titles {
			if t == title {
				n++
				break
			}
		}
	}
	return n == 1
}

// quietBefore looks at the words just before the title for "former",
// "then-", "predecessor" and the like.
func quietBefore(doc *document.Document, sentStart, titleStart int) bool {
	window := strings.ToLower(doc.Text(max(sentStart, titleStart-40), titleStart))
	if strings.HasSuffix(window, "then-") || strings.HasSuffix(window, "ex-") {
		return true
	}
	words := strings.FieldsFunc(window, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	for i := len(words) - 1; i >= 0 && i >= len(words)-3; i-- {
		w := strings.TrimSuffix(strings.TrimSuffix(words[i], "'s"), "-")
		if quietWords[w] || quietWords[strings.TrimPrefix(w, "then-")] {
			return true
		}
	}
	return false
}

// yearExcuses reports whether the sentence mentions a year that makes the
// title right: another year, or this year while the person still held it.
func yearExcuses(doc *document.Document, s document.Sentence, p *knowledge.Person, o *knowledge.Office, day time.Time) bool {
	for _, loc := range yearRE.FindAllStringSubmatchIndex(doc.Text(s.Start, s.End), -1) {
		y, _ := strconv.Atoi(doc.Text(s.Start+loc[2], s.Start+loc[3]))
		if y != day.Year() {
			return true
		}
		jan1 := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		for _, t := range o.TermsOf(p) {
			if t.MayCover(jan1, 0) || t.From.Before(day) && !t.From.Before(jan1) {
				return true
			}
		}
	}
	return false
}

// judge reports the mention when the pack is sure someone else held the
// office that day and the person did not.
func judge(pass *rules.Pass, pack *knowledge.Pack, m mention, day time.Time) {
	terms := m.office.TermsOf(m.person)
	for _, t := range terms {
		if t.MayCover(day, grace) {
			return
		}
	}
	holder := m.office.HolderAt(day, pack.ValidAsOf, grace)
	if holder == nil || holder.Holder == m.person || len(terms) == 0 {
		return
	}
	when := day.Format("2 January 2006")
	var msg string
	if terms[0].From.After(day) {
		msg = fmt.Sprintf("%s was not yet %s on %s (from %s); %s held the office", m.person.Name, m.title, when,
			terms[0].From.Format("2 January 2006"), holder.Holder.Name)
	} else {
		msg = fmt.Sprintf("%s was no longer %s on %s: %s held the office from %s", m.person.Name, m.title, when,
			holder.Holder.Name, holder.From.Format("2 January 2006"))
	}
	pass.Reportf(m.start, m.end, "%s (source: %s)", msg, holder.Source)
}

// continuesName reports whether a capitalised word follows offset after
// one space: then the word before is not the end of the name.
func continuesName(doc *document.Document, offset, limit int) bool {
	r, size := utf8.DecodeRune(doc.Src[offset:limit])
	if r != ' ' && r != '\u00a0' {
		return false
	}
	next, _ := utf8.DecodeRune(doc.Src[offset+size : limit])
	return unicode.IsUpper(next)
}
