package names

import (
	"fmt"
	"strings"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/knowledge"
	"github.com/dochygiene/hygiene/internal/lexicon"
	"github.com/dochygiene/hygiene/rules"
)

// MisspelledPerson flags a public figure's name spelt wrong, against the
// knowledge pack.
var MisspelledPerson = &rules.Rule{
	ID:      "names/misspelled-person",
	Summary: "a known public figure's name misspelt (from the knowledge pack)",
	Doc: `A name one or two letters away from a public figure in the knowledge pack
(same surname and a given name within Damerau-Levenshtein distance 2 and
Jaro-Winkler 0.84, or the other way round) that is not itself a known
person, relative or accepted transliteration: "Keith Starmer" for Keir
Starmer, "Emmanuel Macrom". A surname alone is flagged when the article
names the person correctly elsewhere ("Macrom said" next to "Emmanuel
Macron") or misspells the full name the same way.

The pack beats any corpus majority: "Kier Starmer" is wrong however many
documents write it. Quiet on relatives sharing a surname (Eric Trump),
accepted transliterations (Zelenskyy, Zelenskiy), very common given names
or surnames (a "John Kelly" is not a misspelt "John Kerry"), and words of
the dictionary. The fix (unsafe) writes the canonical spelling.`,
	Bad:       "Emmanuel Macron and Keith Starmer visited the Oval Office.",
	Good:      "Emmanuel Macron and Keir Starmer visited the Oval Office; Eric Trump was not there.",
	Severity:  rules.Error,
	FixSafety: fixers.Unsafe,
	Run:       runMisspelled,
	Prepare:   func() { knowledge.Active() },
}

// miss is one misspelt name part with the person it belongs to.
type miss struct {
	start, end int
	wrong      string
	right      string
	person     *knowledge.Person
}

func runMisspelled(pass *rules.Pass) {
	pack := knowledge.Active()
	doc := pass.Doc
	idx := indexOf(pack)
	present := map[*knowledge.Person]bool{}
	wrongSurnames := map[string]miss{}
	var found []miss
	for _, sp := range multiWordSpans(doc) {
		if !idx.mayNameKnownPerson(doc.Src, sp.tokens(doc)) {
			continue
		}
		if m, ok := checkSpan(doc, pack, sp, present); ok {
			found = append(found, m)
			if m.right == m.person.Surname {
				wrongSurnames[m.wrong] = m
			}
		}
	}
	reported := map[int]bool{}
	for _, m := range found {
		reported[m.start] = true
		report(pass, m)
	}
	// Surnames on their own ("Later Macrom said"): the last word of a run
	// that no full-name check claimed. They are judged only against the
	// people the document names or misspells.
	if len(present) == 0 && len(wrongSurnames) == 0 {
		return
	}
	spans := appendNameSpans(spanBuffers.Get(), doc, 1)
	defer spanBuffers.Put(spans) // read only in this loop
	for _, sp := range spans {
		toks := sp.tokens(doc)
		last := toks[len(toks)-1]
		if reported[last.Start] || len(toks) > 1 && reported[toks[len(toks)-2].Start] {
			continue
		}
		if m, ok := checkSurnameAlone(doc, pack, last, present, wrongSurnames); ok {
			reported[m.start] = true
			report(pass, m)
		}
	}
}

func report(pass *rules.Pass, m miss) {
	pass.Report(rules.Finding{
		Start: m.start, End: m.end,
		Message: fmt.Sprintf("%q looks like a misspelling of %s (write %q)", m.wrong, m.person.Name, m.right),
		Fix: &fixers.Fix{Message: fmt.Sprintf("write %q", m.right), Safety: fixers.Unsafe,
			Edits: []fixers.Edit{fixers.Replace(m.start, m.end, m.right)}},
	})
}

// checkSpan looks at the last two words of a capitalised run as given
// name and surname (or surname and given name for family-first names),
// trying multi-word surnames ("von der Leyen") too.
func checkSpan(doc *document.Document, pack *knowledge.Pack, sp span, present map[*knowledge.Person]bool) (miss, bool) {
	toks := sp.tokens(doc)
	n := len(toks)
	if n < 2 {
		return miss{}, false
	}
	for k := min(3, n-1); k >= 1; k-- {
		surTok := toks[n-k:]
		surname := joinTokens(doc, surTok)
		surname, surEnd := trimSurname(doc, surTok, surname)
		given := toks[n-k-1]
		if people := pack.PeopleBySurname(surname); len(people) > 0 {
			return checkGiven(doc, pack, people, given, surname, present)
		}
		if m, ok := checkSurname(doc, pack, given, surTok[0].Start, surEnd, surname); ok {
			return m, true
		}
	}
	// Family-first names: "Xi Jinping".
	first := text(doc, toks[n-2])
	for _, p := range pack.PeopleBySurname(first) {
		if !p.FamilyFirst {
			continue
		}
		g, end := trimPossessive(doc, toks[n-1])
		if p.MatchesGiven(g) {
			present[p] = true
			continue
		}
		if p.FirstGiven() != "" && knowledge.Near(knowledge.Fold(g), knowledge.Fold(p.FirstGiven())) && !pack.CommonGiven[knowledge.Fold(g)] && !isWord(g, lexicon.Common) {
			return miss{start: toks[n-1].Start, end: end, wrong: g, right: p.FirstGiven(), person: p}, true
		}
	}
	return miss{}, false
}

func joinTokens(doc *document.Document, toks []document.Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = text(doc, t)
	}
	return strings.Join(parts, " ")
}

func trimSurname(doc *document.Document, toks []document.Token, joined string) (string, int) {
	last := toks[len(toks)-1]
	s, end := trimPossessive(doc, last)
	return strings.TrimSuffix(joined, text(doc, last)) + s, end
}

// checkGiven handles a known surname with a given name in front of it.
func checkGiven(doc *document.Document, pack *knowledge.Pack, people []*knowledge.Person, given document.Token, surname string, present map[*knowledge.Person]bool) (miss, bool) {
	g := text(doc, given)
	for _, p := range people {
		if p.FamilyFirst {
			continue
		}
		if p.MatchesGiven(g) {
			present[p] = true
			return miss{}, false
		}
	}
	fg := knowledge.Fold(g)
	if !looksLikeName(g) || pack.IsRelative(g, surname) || pack.CommonGiven[fg] || pack.CommonSurnames[knowledge.Fold(surname)] || isWord(g, lexicon.Common) {
		return miss{}, false
	}
	for _, p := range people {
		if p.FamilyFirst || p.FirstGiven() == "" || !p.Curated && !present[p] {
			continue
		}
		if knowledge.Near(fg, knowledge.Fold(p.FirstGiven())) {
			return miss{start: given.Start, end: given.End, wrong: g, right: p.FirstGiven(), person: p}, true
		}
	}
	return miss{}, false
}

// checkSurname handles an unknown surname after a given name: the given
// name is a known person's and the surname is a near miss of theirs.
func checkSurname(doc *document.Document, pack *knowledge.Pack, given document.Token, start, end int, surname string) (miss, bool) {
	g := text(doc, given)
	fs := knowledge.Fold(surname)
	words := strings.Fields(surname)
	last := words[len(words)-1]
	if len([]rune(fs)) < 4 || !looksLikeName(last) || !looksLikeName(g) || isWord(last, lexicon.Rare) || pack.CommonSurnames[fs] {
		return miss{}, false
	}
	idx := indexOf(pack)
	people := idx.byGiven[knowledge.Fold(g)]
	key := "" // TransliterationKey(surname), made when a person needs it
	for _, p := range people {
		if p.FamilyFirst {
			continue
		}
		if key == "" {
			key = knowledge.TransliterationKey(surname)
		}
		for _, s := range p.Surnames() {
			if knowledge.TransliterationKey(s) == key {
				return miss{}, false
			}
		}
	}
	for _, p := range people {
		if p.FamilyFirst || strings.Count(p.Surname, " ") != len(words)-1 || !p.Curated {
			continue
		}
		ps := idx.foldedSurname(p)
		if !knowledge.Near(fs, ps) {
			continue
		}
		// A common given name proves little: only a one-letter slip on a
		// long surname counts then.
		if pack.CommonGiven[knowledge.Fold(g)] && (knowledge.Distance(fs, ps) > 1 || len(ps) < 6) {
			continue
		}
		return miss{start: start, end: end, wrong: surname, right: p.Surname, person: p}, true
	}
	return miss{}, false
}

// checkSurnameAlone handles a surname on its own: the same misspelling the
// document made in a full name, or a one-letter slip on the surname of a
// person the document names correctly.
func checkSurnameAlone(doc *document.Document, pack *knowledge.Pack, t document.Token, present map[*knowledge.Person]bool, wrong map[string]miss) (miss, bool) {
	end := possessiveEnd(doc.Src, t)
	w := doc.Src[t.Start:end]
	if m, ok := wrong[string(w)]; ok {
		m.start, m.end = t.Start, end
		return m, true
	}
	// Cheap tests first: most runs are short words or share no first
	// letter with the surnames in the document.
	if len(present) == 0 || len(w) < 5 && isASCII(string(w)) || !looksLikeName(string(w)) {
		return miss{}, false
	}
	s := string(w)
	fs := knowledge.Fold(s)
	if !sharesFirstByte(indexOf(pack), fs, present) || len([]rune(fs)) < 5 || len(pack.PeopleBySurname(s)) > 0 || isWord(s, lexicon.Rare) {
		return miss{}, false
	}
	// present is a map: when two people match, take the one whose surname
	// (then canonical name) sorts first, so the output never depends on
	// map order.
	var best *knowledge.Person
	for p := range present {
		ps := knowledge.Fold(p.Surname)
		if knowledge.Near(fs, ps) && knowledge.Distance(fs, ps) == 1 && knowledge.TransliterationKey(fs) != knowledge.TransliterationKey(ps) {
			if best == nil || p.Surname < best.Surname || p.Surname == best.Surname && p.Name < best.Name {
				best = p
			}
		}
	}
	if best == nil {
		return miss{}, false
	}
	return miss{start: t.Start, end: end, wrong: s, right: best.Surname, person: best}, true
}

// sharesFirstByte reports whether a present person's folded surname starts
// like fs: knowledge.Near needs the same first letter.
func sharesFirstByte(idx *packIndex, fs string, present map[*knowledge.Person]bool) bool {
	for p := range present {
		if ps := idx.surnameKey[p]; ps != "" && fs != "" && ps[0] == fs[0] {
			return true
		}
	}
	return false
}

// mayNameKnownPerson reports whether checkSpan can find anything in the
// run: its last word (without a possessive) ends a known surname, or a
// word that checkSpan reads as a given name is a known one, or the word
// before the last is a family-first surname. Most runs ("United States",
// "New York") are none of these and are settled with a few lookups that
// do not allocate.
func (idx *packIndex) mayNameKnownPerson(src []byte, toks []document.Token) bool {
	var buf [64]byte
	n := len(toks)
	last := toks[n-1]
	if w := src[last.Start:possessiveEnd(src, last)]; idx.words.MayHold(w) && idx.surnameLast[string(foldKey(buf[:], w))] {
		return true
	}
	// checkSpan reads toks[n-k-1] as the given name for k = 1..3.
	for j := n - 2; j >= max(0, n-4); j-- {
		w := src[toks[j].Start:toks[j].End]
		if !idx.words.MayHold(w) {
			continue
		}
		key := foldKey(buf[:], w)
		if len(idx.byGiven[string(key)]) > 0 || j == n-2 && idx.familyFirst[string(key)] {
			return true
		}
	}
	return false
}
