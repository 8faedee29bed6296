// Package knowledge is hygiene's knowledge pack: public figures with their
// accepted spellings, offices with holders and dates, initialisms with house
// styles, and fact rules. The names/ and facts/ rules and text/acronym-case
// read it.
//
// The pack is built from source files compiled into the binary (data/*.yaml
// and the generated data/factbook_offices.tsv, see internal/factbookgen)
// plus any files the user adds (config `knowledge:` paths, --knowledge DIR).
// A user file uses the same format; an entry with the same key as an
// embedded one (person name, office id, initialism, fact id) replaces it.
//
// Office data is only trusted up to ValidAsOf: for an article dated after
// it, office rules answer "cannot verify" and stay quiet.
package knowledge

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// Pack is a loaded knowledge pack. It is read-only once built and safe to
// share between goroutines.
type Pack struct {
	// ValidAsOf is the last date the office data is known to be right.
	ValidAsOf   time.Time
	People      []*Person
	Offices     []*Office
	Initialisms []*Initialism
	Facts       []*Fact

	// CommonGiven and CommonSurnames are names shared by so many people
	// that a near miss proves nothing ("John Kelly" is not "John Kerry").
	CommonGiven    map[string]bool
	CommonSurnames map[string]bool

	bySurname   map[string][]*Person
	byLastWord  map[string][]*Person
	byName      map[string]*Person
	initialisms map[string]*Initialism
	officesOf   map[*Person][]*Office
	// lastWords filters words before a byLastWord lookup.
	lastWords WordFilter
}

// Person is a public figure.
type Person struct {
	// Name is the canonical spelling, given names first: "Keir Starmer",
	// "Xi Jinping" (FamilyFirst says the surname leads).
	Name        string
	Given       []string
	Surname     string
	FamilyFirst bool
	// SurnameVariants and GivenVariants are accepted spellings
	// (transliterations: Zelenskyy, Zelenskiy; Volodimir).
	SurnameVariants []string
	GivenVariants   []string
	// Relatives share the surname and are not misspellings of this person
	// (full names: "Eric Trump").
	Relatives []string
	// Also are other full names of the person in the sources.
	Also []string
	// Curated is true for people written by hand (people or office entries
	// in YAML); people known only from generated data are less prominent
	// and need more evidence before a near miss is called a misspelling.
	Curated bool
	Source  string

	// given holds the given forms folded, with their transliteration
	// keys, made on first use (MatchesGiven); nil for a Person built
	// outside a pack, which then folds them at every call.
	given *givenCache
}

// Surnames returns the canonical surname and its accepted variants.
func (p *Person) Surnames() []string { return append([]string{p.Surname}, p.SurnameVariants...) }

// FirstGiven returns the first given name ("" when the pack has none).
func (p *Person) FirstGiven() string {
	if len(p.Given) == 0 {
		return ""
	}
	return p.Given[0]
}

// GivenForms returns the given names and their accepted variants.
func (p *Person) GivenForms() []string {
	return append(append([]string{}, p.Given...), p.GivenVariants...)
}

// Office is a post with dated holders.
type Office struct {
	ID string
	// Title is the title as written before a name ("Prime Minister");
	// TitleVariants are other ways to write it ("Premier").
	Title         string
	TitleVariants []string
	// Qualifiers are words that tie the title to this office when written
	// before it: "British", "UK", "NATO".
	Qualifiers []string
	Terms      []Term
	Source     string
}

// Titles returns the title and its variants.
func (o *Office) Titles() []string { return append([]string{o.Title}, o.TitleVariants...) }

// Term is one holder's time in an office.
type Term struct {
	Holder *Person
	From   time.Time
	// To is the day the term ended (exclusive). For a term with no known
	// end, To is the last day it was known to continue and Current says
	// whether it still ran at the pack's ValidAsOf.
	To      time.Time
	Current bool
	// EndUnknown marks a term whose end the source does not give: To is
	// only the last day it was seen to continue.
	EndUnknown bool
	// EndBy, when set on a term with an unknown end, is the latest day it
	// can have ended: a successor's start.
	EndBy  time.Time
	Source string
}

// Covers reports whether the term certainly covers day, with grace days of
// doubt at either end.
func (t Term) Covers(day time.Time, validAsOf time.Time, grace time.Duration) bool {
	if day.Before(t.From.Add(grace)) {
		return false
	}
	if t.Current {
		return !day.After(validAsOf)
	}
	if t.EndUnknown {
		return !day.After(t.To)
	}
	return day.Before(t.To.Add(-grace))
}

// MayCover reports whether the holder may have held the office on day:
// inside the term, within grace of its ends, or after its last sighting
// when the end is unknown.
func (t Term) MayCover(day time.Time, grace time.Duration) bool {
	if day.Before(t.From.Add(-grace)) {
		return false
	}
	switch {
	case t.Current:
		return true
	case t.EndUnknown:
		return t.EndBy.IsZero() || day.Before(t.EndBy.Add(grace))
	}
	return day.Before(t.To.Add(grace))
}

// HolderAt returns the holder who certainly held the office on day, or nil
// when the pack cannot say (before its data, in a gap, after ValidAsOf).
func (o *Office) HolderAt(day, validAsOf time.Time, grace time.Duration) *Term {
	for i := range o.Terms {
		if o.Terms[i].Covers(day, validAsOf, grace) {
			return &o.Terms[i]
		}
	}
	return nil
}

// TermsOf returns the terms the person held in this office.
func (o *Office) TermsOf(p *Person) []Term {
	var out []Term
	for _, t := range o.Terms {
		if t.Holder == p {
			out = append(out, t)
		}
	}
	return out
}

// Initialism is an abbreviation written in capitals ("UK") with the other
// casings house styles accept ("Nato" is BBC style).
type Initialism struct {
	Form string
	// Styles are accepted alternative casings, by style name.
	Styles map[string]string
	// Word is true when a wrong casing is also an ordinary word or name
	// ("Us", "It", "Who"): such casings are never flagged.
	Word bool
	// Expansion is what it stands for (documentation only).
	Expansion string
}

// Fact is a checkable claim: in sentences that mention the subject with the
// context words, the numbered item must be Value.
type Fact struct {
	ID string
	// Claim says in words what the fact is ("collective defence clause of
	// the North Atlantic Treaty").
	Claim string
	// Item is the numbered thing ("Article").
	Item string
	// Subjects are phrases right after "Item N" ("of the North Atlantic
	// Treaty"); Owners are phrases right before it ("NATO's").
	Subjects []string
	Owners   []string
	Value    string
	// Context words make the sentence a claim about this fact; Strong ones
	// are needed when the number is a legitimate alternative.
	Context []string
	Strong  []string
	// Alternatives are other numbers that are right in their own context
	// (Article 4: consultations).
	Alternatives []Alternative
	Source       string
}

// Alternative is a legitimate other number with the words that show it.
type Alternative struct {
	Value   string
	Context []string
}

// PeopleBySurname returns the people whose surname or an accepted variant
// folds to the same key as s.
func (p *Pack) PeopleBySurname(s string) []*Person { return p.bySurname[Fold(s)] }

// PeopleByLastWord returns the people whose surname (or a variant) ends
// with the word w, or whose family-first name does: "Leyen" finds Ursula
// von der Leyen, "Jinping" Xi Jinping.
func (p *Pack) PeopleByLastWord(w string) []*Person { return p.byLastWord[Fold(w)] }

// PeopleBySurnameKey is PeopleBySurname for a key already folded (see
// AppendFold); it does not allocate.
func (p *Pack) PeopleBySurnameKey(key []byte) []*Person { return p.bySurname[string(key)] }

// LastWords filters words before PeopleByLastWordBytes: a word it does
// not hold is certainly no surname's last word.
func (p *Pack) LastWords() *WordFilter { return &p.lastWords }

// PeopleByLastWordBytes is PeopleByLastWord for a word as written in the
// text. Meant for every token of a document, it settles most words with a
// filter and allocates only for non-ASCII words.
func (p *Pack) PeopleByLastWordBytes(w []byte) []*Person {
	if !p.lastWords.MayHold(w) {
		return nil
	}
	var buf [64]byte
	return p.byLastWord[string(AppendFold(buf[:0], w))]
}

// OfficesOf returns the offices the person held at some time.
func (p *Pack) OfficesOf(person *Person) []*Office { return p.officesOf[person] }

// PersonNamed returns the person whose canonical name is name.
func (p *Pack) PersonNamed(name string) *Person { return p.byName[Fold(name)] }

// Initialism returns the entry whose capital form is form (case-insensitive).
func (p *Pack) Initialism(form string) *Initialism { return p.initialisms[strings.ToUpper(form)] }

// InitialismKey is Initialism for a form already in capitals; it does not
// allocate.
func (p *Pack) InitialismKey(upper []byte) *Initialism { return p.initialisms[string(upper)] }

// index builds the lookup maps after loading.
func (p *Pack) index() {
	// Sized up front: the pack is loaded in every process that lints a
	// name, and growing the maps was a fifth of the load.
	p.bySurname = make(map[string][]*Person, len(p.People))
	p.byLastWord = make(map[string][]*Person, len(p.People))
	p.byName = make(map[string]*Person, len(p.People))
	var seen []string // a person's surname keys so far (a few)
	addSurname := func(person *Person, s string) {
		k := Fold(s)
		if !slices.Contains(seen, k) {
			seen = append(seen, k)
			p.bySurname[k] = append(p.bySurname[k], person)
			if last, _ := lastWord(k); last != "" {
				p.byLastWord[last] = append(p.byLastWord[last], person)
			}
		}
	}
	for _, person := range p.People {
		p.byName[Fold(person.Name)] = person
		for _, a := range person.Also {
			p.byName[Fold(a)] = person
		}
		seen = seen[:0]
		addSurname(person, person.Surname)
		for _, s := range person.SurnameVariants {
			addSurname(person, s)
		}
	}
	for _, person := range p.People {
		// Family-first names end with a given name: "Xi Jinping", "Ban
		// Ki-moon" are found from their last word too.
		if !person.FamilyFirst {
			continue
		}
		if last, words := lastWord(Fold(person.Name)); words > 1 {
			p.byLastWord[last] = append(p.byLastWord[last], person)
		}
	}
	for w := range p.byLastWord {
		p.lastWords.Add(w)
	}
	p.initialisms = map[string]*Initialism{}
	for _, in := range p.Initialisms {
		p.initialisms[strings.ToUpper(in.Form)] = in
	}
	p.officesOf = make(map[*Person][]*Office, len(p.People))
	for _, o := range p.Offices {
		sort.Sort(termsByStart(o.Terms))
		for _, t := range o.Terms {
			held := p.officesOf[t.Holder]
			if len(held) == 0 || held[len(held)-1] != o {
				p.officesOf[t.Holder] = append(held, o)
			}
		}
	}
}

// termsByStart sorts terms by their first day. (sort.Sort runs the same
// algorithm as sort.Slice, so terms that start on one day keep the order
// they always had, without sort.Slice's reflection per office.)
type termsByStart []Term

func (t termsByStart) Len() int           { return len(t) }
func (t termsByStart) Less(i, j int) bool { return t[i].From.Before(t[j].From) }
func (t termsByStart) Swap(i, j int)      { t[i], t[j] = t[j], t[i] }

// lastWord returns the last of the words strings.Fields finds in s and
// how many there are (up to two: one or "more than one"), without
// splitting s when it is ASCII.
func lastWord(s string) (last string, words int) {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			f := strings.Fields(s)
			if len(f) == 0 {
				return "", 0
			}
			return f[len(f)-1], min(len(f), 2)
		}
	}
	end := len(s)
	for end > 0 && asciiSpace(s[end-1]) {
		end--
	}
	start := end
	for start > 0 && !asciiSpace(s[start-1]) {
		start--
	}
	if start == end {
		return "", 0
	}
	words = 1
	for i := 0; i < start; i++ {
		if !asciiSpace(s[i]) {
			words = 2
			break
		}
	}
	return s[start:end], words
}

// asciiSpace is strings.Fields' test for an ASCII byte.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// IsRelative reports whether fullName is a listed relative of any person
// sharing its surname.
func (p *Pack) IsRelative(given, surname string) bool {
	full := Fold(given + " " + surname)
	for _, person := range p.PeopleBySurname(surname) {
		for _, r := range person.Relatives {
			if Fold(r) == full {
				return true
			}
		}
	}
	return false
}

// String summarises the pack (for debugging and `hygiene` notes).
func (p *Pack) String() string {
	return fmt.Sprintf("knowledge pack: %d people, %d offices, %d initialisms, %d facts, valid as of %s",
		len(p.People), len(p.Offices), len(p.Initialisms), len(p.Facts), p.ValidAsOf.Format("2006-01-02"))
}
