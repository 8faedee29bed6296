package names

import (
	"sort"
	"strings"
	"sync"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/knowledge"
	"github.com/dochygiene/hygiene/internal/lexicon"
	"github.com/dochygiene/hygiene/rules"
)

// Variant flags one person's name spelt two ways: inside one document, or
// a rare spelling against a well-attested one across the corpus. It covers
// the names the knowledge pack does not know.
var Variant = &rules.Rule{
	ID:      "names/variant",
	Summary: "one person's name spelt two ways (in a document or across the corpus)",
	Doc: `People the knowledge pack does not know are checked against each other.
Inside one document, "Anna Kowalczyk" and later "Anna Kowalzcyk" (same given
name, surnames within two edits; or same surname, given names within one)
warn on the rarer spelling. Across the corpus, a spelling seen in one
document warns when a close spelling is seen in at least min_documents
(default 3).

Quiet on names the pack knows (names/misspelled-person judges those),
relatives sharing a surname (different given names), accepted
transliterations (Zelensky/Zelenskyy, accents), spellings that are both
well attested (two real people), dictionary words ("Foreign Ministry"),
and names inside quotation marks or notes, where a cited work's title may
spell a name its own way.`,
	Bad:      "Anna Kowalczyk spoke first. Later, Anna Kowalzcyk said the talks would go on.",
	Good:     "Donald Trump spoke first. Later, Eric Trump said the talks would go on.",
	Severity: rules.Warning,
	Run:      runVariant,
	Prepare:  func() { knowledge.Active() },
	Collect:  collectVariant,
	Merge:    mergeVariant,
}

// variantSummary counts, per full name, the documents that use it.
type variantSummary struct {
	Docs map[string]int

	once    sync.Once
	byGiven map[string][]string
	bySur   map[string][]string
}

// fullNameBuffers keeps fullNames' slices for the next document: a
// document's names were a slice grown by appending in each of the two
// passes (2.3 MB over the WCXB pages). A name is 96 bytes: slices of up to
// 4,096 names are kept (400 KB).
var fullNameBuffers = document.FreeSlices[fullName]{MaxCap: 1 << 12}

// fullName is one "Given Surname" occurrence.
type fullName struct {
	// name is "Given Surname", the key of the counts and the corpus
	// summary; given and surname are its two parts (substrings of it:
	// one string per name, made once, where key() joined the parts at
	// every count, comparison and report).
	name           string
	given, surname string
	start, end     int
	// foldedGiven and foldedSurname are the comparison keys.
	foldedGiven, foldedSurname string
}

// newFullName makes the name "Given Surname" with its comparison keys.
func newFullName(name string, start, end int) fullName {
	given, surname := splitKey(name)
	return fullName{name: name, given: given, surname: surname, start: start, end: end,
		foldedGiven: knowledge.Fold(given), foldedSurname: knowledge.Fold(surname)}
}

func (f fullName) key() string { return f.name }

// fullNames returns the two-word person names of a document that the
// variant rule considers: not quoted, not in notes, not dictionary words,
// not known to the pack.
//
// The slice comes from fullNameBuffers: a caller that is done with it
// gives it back.
func fullNames(doc *document.Document, pack *knowledge.Pack) []fullName {
	out := fullNameBuffers.Get()
	src := doc.Src
	quotes := newQuoteScan()
	for _, sp := range multiWordSpans(doc) {
		toks := sp.tokens(doc)
		n := len(toks)
		// The tests run cheapest first: lengths on the bytes, then
		// whether the given name is a common word (which settles four
		// runs in five: "Foreign Ministry", "The Guardian"), then letter
		// cases, then the pack, then the quotes.
		gt, st := toks[n-2], toks[n-1]
		end := possessiveEnd(src, st)
		if !hasRunes(src[gt.Start:gt.End], 3) || !hasRunes(src[st.Start:end], 4) {
			continue
		}
		gb, sb := src[gt.Start:gt.End], src[st.Start:end]
		if isWord(string(gb), lexicon.Common) || !looksLikeName(string(gb)) || !looksLikeName(string(sb)) || isWord(string(sb), lexicon.Rare) {
			continue
		}
		name := string(gb) + " " + string(sb)
		g, s := name[:len(gb)], name[len(gb)+1:]
		if len(pack.PeopleBySurname(s)) > 0 || nearKnownPerson(pack, g, s) || quotes.quoted(doc, sp) {
			continue
		}
		// The comparison keys wait for runVariant: the corpus phase needs
		// the spelling only.
		out = append(out, fullName{name: name, given: g, surname: s, start: gt.Start, end: end})
	}
	return out
}

func collectVariant(doc *document.Document, _ rules.Options) rules.Summary {
	s := &variantSummary{Docs: map[string]int{}}
	names := fullNames(doc, knowledge.Active())
	for _, f := range names {
		s.Docs[f.key()] = 1 // the string, not the slice, stays in the summary
	}
	fullNameBuffers.Put(names)
	return s
}

// mergeVariant folds the smaller summary into the larger and returns it:
// summaries are merged into a running total and never read again, and
// copying the total at every document would make the corpus phase
// quadratic.
func mergeVariant(a, b rules.Summary) rules.Summary {
	x, y := a.(*variantSummary), b.(*variantSummary)
	if len(x.Docs) < len(y.Docs) {
		x, y = y, x
	}
	for k, n := range y.Docs {
		x.Docs[k] += n
	}
	return x
}

// index groups the corpus names by folded given name and by folded
// surname, once (Run is called concurrently).
func (s *variantSummary) index() {
	s.once.Do(func() {
		s.byGiven, s.bySur = map[string][]string{}, map[string][]string{}
		keys := make([]string, 0, len(s.Docs))
		for k := range s.Docs {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			g, sur := splitKey(k)
			s.byGiven[knowledge.Fold(g)] = append(s.byGiven[knowledge.Fold(g)], k)
			s.bySur[knowledge.Fold(sur)] = append(s.bySur[knowledge.Fold(sur)], k)
		}
	})
}

func splitKey(k string) (string, string) {
	for i := 0; i < len(k); i++ {
		if k[i] == ' ' {
			return k[:i], k[i+1:]
		}
	}
	return k, ""
}

// sameName reports whether two spellings look like one name written two
// ways, and not two people or two accepted transliterations.
func sameName(a, b fullName) bool {
	ga, gb := a.foldedGiven, b.foldedGiven
	sa, sb := a.foldedSurname, b.foldedSurname
	if ga != gb && sa != sb {
		return false // one part may be misspelt, not both: most pairs end here
	}
	if ga == gb && sa == sb {
		return false // accents or case only
	}
	if knowledge.TransliterationKey(ga) == knowledge.TransliterationKey(gb) && knowledge.TransliterationKey(sa) == knowledge.TransliterationKey(sb) {
		return false
	}
	if inflected(sa, sb) || inflected(ga, gb) {
		return false // "Sauvignon Blancs", "Sri Lankan"
	}
	switch {
	case ga == gb:
		// Two edits on a short surname are often another name (Clara,
		// Clarita): allow them only on long ones.
		if min(len([]rune(sa)), len([]rune(sb))) < 7 && knowledge.Distance(sa, sb) > 1 {
			return false
		}
		return knowledge.Near(sa, sb)
	case sa == sb:
		return len([]rune(ga)) >= 4 && len([]rune(gb)) >= 4 && knowledge.Distance(ga, gb) == 1 && knowledge.Near(ga, gb)
	}
	return false
}

func runVariant(pass *rules.Pass) {
	pack := knowledge.Active()
	names := fullNames(pass.Doc, pack)
	defer fullNameBuffers.Put(names) // findings copy the names they quote
	for i, f := range names {
		names[i] = newFullName(f.name, f.start, f.end)
	}
	counts := map[string]int{}
	for _, f := range names {
		counts[f.key()]++
	}
	parts := indexParts(names)
	reported := map[string]bool{}
	for _, f := range names {
		if reported[f.key()] {
			continue
		}
		if other, ok := withinDocument(f, names, parts, counts); ok {
			reported[f.key()] = true
			pass.Reportf(f.start, f.end, "%q and %q in one document: one name spelt two ways", f.key(), other)
			continue
		}
		corpus, _ := pass.Corpus.(*variantSummary)
		if corpus == nil {
			continue
		}
		if other, n, ok := againstCorpus(f, corpus, pass.Options.Int("min_documents", 3)); ok {
			reported[f.key()] = true
			pass.Reportf(f.start, f.end, "%q appears in %d document(s) but %q in %d: probably a misspelling", f.key(), corpus.Docs[f.key()], other, n)
		}
	}
}

// nameParts indexes a document's names by folded given name and by
// folded surname, each list in text order. Two spellings of one name share
// one of the two (sameName), so a name is compared with those only: a
// whole page of names (a staff list, a results table) compared every name
// with every other.
type nameParts struct {
	byGiven, bySurname map[string][]int
}

func indexParts(names []fullName) nameParts {
	p := nameParts{byGiven: map[string][]int{}, bySurname: map[string][]int{}}
	for i, f := range names {
		p.byGiven[f.foldedGiven] = append(p.byGiven[f.foldedGiven], i)
		p.bySurname[f.foldedSurname] = append(p.bySurname[f.foldedSurname], i)
	}
	return p
}

// withinDocument finds another spelling of f's name in the document; f is
// reported when it is the rarer spelling (or, on a tie, the later one).
// The names sharing f's given name or surname are read in text order, as
// a walk over all names finds them.
func withinDocument(f fullName, names []fullName, parts nameParts, counts map[string]int) (string, bool) {
	a, b := parts.byGiven[f.foldedGiven], parts.bySurname[f.foldedSurname]
	for len(a) > 0 || len(b) > 0 {
		var k int
		if len(b) == 0 || len(a) > 0 && a[0] <= b[0] {
			k, a = a[0], a[1:]
		} else {
			k, b = b[0], b[1:]
		}
		o := names[k]
		if !sameName(f, o) {
			continue
		}
		cf, co := counts[f.key()], counts[o.key()]
		if cf < co || cf == co && f.start > firstStart(names, o.key()) {
			return o.key(), true
		}
	}
	return "", false
}

func firstStart(names []fullName, key string) int {
	for _, n := range names {
		if n.key() == key {
			return n.start
		}
	}
	return -1
}

// againstCorpus finds a close spelling well attested in the corpus while
// f's own spelling is rare.
func againstCorpus(f fullName, s *variantSummary, minDocs int) (string, int, bool) {
	if s.Docs[f.key()] > 1 {
		return "", 0, false
	}
	s.index()
	// The names sharing f's given name, then those sharing its surname,
	// read where the index keeps them (a common given name has hundreds).
	for _, candidates := range [2][]string{s.byGiven[foldedOrFold(f.foldedGiven, f.given)], s.bySur[foldedOrFold(f.foldedSurname, f.surname)]} {
		for _, k := range candidates {
			if s.Docs[k] < minDocs {
				continue
			}
			if sameName(f, newFullName(k, 0, 0)) {
				return k, s.Docs[k], true
			}
		}
	}
	return "", 0, false
}

// foldedOrFold returns folded, the comparison key newFullName made, or
// knowledge.Fold(s) for a name made without it.
func foldedOrFold(folded, s string) string {
	if folded != "" || s == "" {
		return folded
	}
	return knowledge.Fold(s)
}

// inflected reports whether one word is the other with a plural,
// possessive or adjective ending: Blanc/Blancs, Lanka/Lankan.
func inflected(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	rest, ok := strings.CutPrefix(b, a)
	if !ok {
		return false
	}
	switch rest {
	case "s", "es", "n", "an", "ns", "ese", "i", "ian":
		return true
	}
	return false
}

// nearKnownPerson reports whether the name is a near miss of a person in
// the pack: names/misspelled-person judges those.
func nearKnownPerson(pack *knowledge.Pack, given, surname string) bool {
	idx := indexOf(pack)
	fs := knowledge.Fold(surname)
	for _, p := range idx.byGiven[knowledge.Fold(given)] {
		if knowledge.Near(fs, idx.foldedSurname(p)) {
			return true
		}
	}
	return false
}
