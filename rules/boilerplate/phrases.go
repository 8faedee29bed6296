package boilerplate

import (
	"bytes"
	"math/bits"
	"strings"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/rules"
)

// A phraseFamily is one kind of page furniture recognised by its wording.
// Lists are written normalised (see normalise): lower case, digits as "#",
// punctuation as spaces, so they are used as they are.
//
// Evidence, strongest first:
//   - the whole line is one of Exact: certain (error, safe fix);
//   - every word of a short line is in Vocabulary ("Facebook Twitter
//     Email"): certain;
//   - the line starts with one of Prefixes and has at most MaxWords words,
//     or Match accepts it: likely (warning, unsafe fix).
type phraseFamily struct {
	Exact      []string
	Prefixes   []string
	Vocabulary []string
	// MaxWords bounds prefix matches; long lines are sentences.
	MaxWords int
	// MatchWords, when larger, lets Match judge lines up to that many
	// words (a breadcrumb trail ends in the page's whole title).
	MatchWords int
	// Match is an extra test on the normalised line and the raw trimmed
	// line, for shapes a list cannot hold ("© 2024 ...", "4 min read").
	Match func(norm, raw string) bool
	// Whole, when set, recognises whole-line shapes as certain as an
	// exact phrase ("3 min read", "12 comments").
	Whole func(norm string) bool
	// What names the furniture in messages: "share prompt".
	What string

	// PrefixSeparator: a prefix match needs a separator (":", "|", "»",
	// a dash) right after the prefix, unless the line is short and no
	// sentence: "More on this topic: A and B." is a widget, "More on this
	// topic will follow next week, the minister said." is not.
	PrefixSeparator bool
	// Starts lists the first words with which Match can fire; Anywhere
	// says it can fire whatever the first word is. Prefixes add their own
	// first words. Lines that start otherwise skip the family's prefix and
	// shape tests, which keeps matching fast.
	Starts   []string
	Anywhere bool
	// Unambiguous families keep warning inside the body for single words
	// and prefix matches: their words are rarely an article's own.
	Unambiguous bool
	// UnambiguousWords: only the family's exact phrases keep warning
	// inside the body ("Advertisement" does, "This post may contain
	// affiliate links ..." is the author's disclosure).
	UnambiguousWords bool
	// BodyHint families are only a hint (info) inside the body: authors
	// put "Learn more" and "Get started" into their own text.
	BodyHint bool
	// Weak families are hints: reported as info, but proof of furniture
	// for the lines around them.
	Weak bool
	// Isolated families stand among article content (price boxes in a
	// review): their lines prove nothing about the lines around them.
	Isolated bool
	// EndMarker families close articles (related links, comments, ...):
	// the body ends before them when little text follows.
	EndMarker bool
	// NoColon: a line ending in a colon introduces what follows ("Learn
	// more:", "By:") and is not this furniture.
	NoColon bool
	// Hint, when set, is a cheap test the line must pass before Match's
	// regular expression runs.
	Hint func(norm string) bool

	exact, vocab, starts map[string]bool
	index                int
	// removeWhat is the fix's message, built once: "remove the share prompt line".
	removeWhat string
}

// maxExactWords is longer than any exact phrase or vocabulary line.
const maxExactWords = 12

// phraseMatch is how strongly a line matched.
type phraseMatch int

const (
	noMatch phraseMatch = iota
	likelyMatch
	certainMatch
)

// maxFamilyWords is the largest MaxWords of any family, set by init.
var maxFamilyWords = maxExactWords

func (f *phraseFamily) init() {
	f.removeWhat = "remove the " + f.What + " line"
	f.exact = toSet(f.Exact)
	f.vocab = toSet(f.Vocabulary)
	f.starts = toSet(f.Starts)
	for _, p := range f.Prefixes {
		first, _, _ := strings.Cut(p, " ")
		f.starts[first] = true
	}
	if f.MaxWords == 0 {
		f.MaxWords = 12
	}
	maxFamilyWords = max(maxFamilyWords, f.MaxWords, f.MatchWords)
}

func toSet(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, s := range list {
		m[s] = true
	}
	return m
}

// matchWords judges one line given its normalised and raw (trimmed)
// forms, its first word and its word count.
// exact and start say whether norm is one of the family's exact phrases
// and whether first is one of its first words (matchAll looks both up
// for all families at once).
// text is the trimmed line; raw holds it as a string once a Match
// function needed it (most lines never get that far).
func (f *phraseFamily) matchWords(norm string, text []byte, raw *string, n int, exact, start bool) phraseMatch {
	if n == 0 || n > max(f.MaxWords, f.MatchWords) && n > maxExactWords || f.NoColon && bytes.HasSuffix(text, []byte(":")) {
		return noMatch
	}
	if n <= maxExactWords {
		if exact {
			return certainMatch
		}
		if len(f.vocab) > 0 && n >= 2 && n <= 10 && bytes.IndexByte(text, ',') < 0 && allIn(norm, f.vocab) {
			return certainMatch
		}
	}
	if !f.Anywhere && !start {
		return noMatch
	}
	// A question is a question, not a widget ("Comments?" as a heading).
	if bytes.HasSuffix(text, []byte("?")) {
		return noMatch
	}
	if n > f.MaxWords {
		return f.matchLong(norm, text, raw, n)
	}
	for _, p := range f.Prefixes {
		if strings.HasPrefix(norm, p) && (len(norm) == len(p) || norm[len(p)] == ' ') &&
			(!f.PrefixSeparator || separatedAfter(text, len(p)) || n <= 8 && !endsSentence(text)) {
			return likelyMatch
		}
	}
	if f.Whole == nil && f.Match == nil || f.Hint != nil && !f.Hint(norm) {
		return noMatch
	}
	if f.Whole != nil && f.Whole(norm) {
		return certainMatch
	}
	if f.Match != nil {
		if *raw == "" {
			*raw = string(text)
		}
		if f.Match(norm, *raw) {
			return likelyMatch
		}
	}
	return noMatch
}

// matchLong judges a line longer than MaxWords: only Match, and only up to
// MatchWords words.
func (f *phraseFamily) matchLong(norm string, text []byte, raw *string, n int) phraseMatch {
	if n > f.MatchWords || f.Match == nil || f.Hint != nil && !f.Hint(norm) {
		return noMatch
	}
	if *raw == "" {
		*raw = string(text)
	}
	if f.Match(norm, *raw) {
		return likelyMatch
	}
	return noMatch
}

// allIn reports whether every word of norm is in set (numbers and "&"
// aside) and at least two of them are real names, not "x" or "#".
func allIn(norm string, set map[string]bool) bool {
	named := 0
	// A normalised line's words are separated by single spaces.
	for len(norm) > 0 {
		w, rest, _ := strings.Cut(norm, " ")
		norm = rest
		switch {
		case w == "&" || w == "#":
		case !set[w]:
			return false
		case len(w) >= 3:
			named++
		}
	}
	return named >= 2
}

// newPhraseRule builds the rule for a family: it checks every standalone
// short line outside code, tables and endnotes.
func newPhraseRule(r *rules.Rule, fam *phraseFamily) *rules.Rule {
	r.Severity = rules.Error
	r.FixSafety = fixers.Safe
	if fam.Weak {
		r.Severity, r.FixSafety = rules.Info, fixers.Unsafe
	}
	r.Doc += "\n\n" + phraseSeverityDoc(fam)
	r.Run = func(pass *rules.Pass) { runPhraseFamily(pass, fam) }
	return r
}

func runPhraseFamily(pass *rules.Pass, fam *phraseFamily) {
	a := analyse(pass.Doc)
	for _, ci := range a.matchedCands {
		c := &a.cands[ci]
		m := c.matches.get(fam.index)
		if m == noMatch {
			continue
		}
		sev, safety, how := phraseSeverity(a, fam, c.block, m, c.norm, c.text)
		if m == likelyMatch && !a.inBody(c.block) && sev == rules.Warning && !a.hasProvenNeighbour(ci) {
			sev, how = rules.Info, how+", standing alone"
		}
		if sev >= rules.Warning && fam == formFamily && c.words == 1 && !a.hasProvenNeighbour(ci) {
			// "Company", "Message" or "Name" alone is a heading or a
			// table's label; a form's fields come in a list.
			sev, safety, how = rules.Info, fixers.Unsafe, how+", a lone field label"
		}
		if sev >= rules.Warning && loneMayLower(fam, m) && a.lone() {
			sev, safety, how = rules.Info, fixers.Unsafe, how+loneNote
		}
		reportLines(pass, c.line, c.line, sev, safety, fam.removeWhat,
			how+" ("+fam.What+"), "+a.position(c.block))
	}
}

// phraseSeverity weighs a phrase match by where it stands: outside the
// main body an exact match is certain and a prefix match likely; inside
// the body, between real paragraphs, the same words are more often article
// text ("More", "Privacy", "Keywords: ..." as the author's), so each step is
// one lower and a single word is only a hint, except for families whose
// words are rarely an article's own (share, print, image credit, ...).
func phraseSeverity(a *analysis, fam *phraseFamily, bi int, m phraseMatch, norm string, raw []byte) (rules.Severity, fixers.Safety, string) {
	how := "whole line is a furniture phrase"
	if m == likelyMatch {
		how = "short line starts like furniture"
	}
	switch {
	case fam.Weak:
		return rules.Info, fixers.Unsafe, how
	case !a.inBody(bi) && m == certainMatch:
		return rules.Error, fixers.Safe, how
	case !a.inBody(bi):
		return rules.Warning, fixers.Unsafe, how
	case fam.BodyHint:
		return rules.Info, fixers.Unsafe, how
	case fam == relatedFamily && bytes.HasSuffix(raw, []byte(":")):
		// "Also read:" inside the body introduces an inline link the
		// author placed: an editorial cross-reference, only a hint.
		return rules.Info, fixers.Unsafe, how
	case m == certainMatch && (wordCount(norm) > 1 || fam.UnambiguousWords), fam.Unambiguous:
		return rules.Warning, fixers.Unsafe, how
	}
	return rules.Info, fixers.Unsafe, how
}

// familyMatches holds one phraseMatch per family in two bit sets, so a
// line's matches cost no allocation.
type familyMatches struct{ likely, certain uint32 }

func (m familyMatches) get(i int) phraseMatch {
	switch {
	case m.certain&(1<<i) != 0:
		return certainMatch
	case m.likely&(1<<i) != 0:
		return likelyMatch
	}
	return noMatch
}

// matchAll matches a line against every family once; the analysis keeps
// the result for all rules.
func matchAll(norm string, text []byte) (best phraseMatch, each familyMatches) {
	n := wordCount(norm)
	if n > maxFamilyWords {
		return noMatch, each
	}
	var raw string
	first, _, _ := strings.Cut(norm, " ")
	var exact uint32
	if n <= maxExactWords {
		exact = exactFamilies[norm]
	}
	byFirst := firstWordFamilies[first]
	starts, vocabulary := byFirst.starts, byFirst.vocabulary
	if first == "&" || first == "#" {
		vocabulary = vocabularyFamilies // allIn passes over these
	}
	// A family matches only through an exact phrase, its vocabulary
	// (which then holds the first word), or a first word it lists unless
	// it may match anywhere (matchWords): the others are not asked.
	for asked := exact | starts | anywhereFamilies | vocabulary; asked != 0; asked &= asked - 1 {
		i := bits.TrailingZeros32(asked)
		f, bit := allFamilies[i], uint32(1)<<i
		switch m := f.matchWords(norm, text, &raw, n, exact&bit != 0, starts&bit != 0); m {
		case certainMatch:
			each.certain |= 1 << i
		case likelyMatch:
			each.likely |= 1 << i
		}
	}
	switch {
	case each.certain != 0:
		best = certainMatch
	case each.likely != 0:
		best = likelyMatch
	}
	return best, each
}

// exactFamilies maps an exact phrase to the bits of the families that
// list it, firstWordFamilies a first word to those that list it as a
// start and those whose vocabulary holds it (one lookup per line instead
// of one per family).
var exactFamilies = map[string]uint32{}

var firstWordFamilies = map[string]struct{ starts, vocabulary uint32 }{}

// anywhereFamilies and vocabularyFamilies are the bits of the families
// that may match whatever a line's first word and of those with a
// vocabulary.
var anywhereFamilies, vocabularyFamilies uint32

func indexFamilyWords() {
	for _, f := range allFamilies {
		if f.Anywhere {
			anywhereFamilies |= 1 << f.index
		}
		if len(f.vocab) > 0 {
			vocabularyFamilies |= 1 << f.index
		}
		for p := range f.exact {
			exactFamilies[p] |= 1 << f.index
		}
		for w := range f.starts {
			e := firstWordFamilies[w]
			e.starts |= 1 << f.index
			firstWordFamilies[w] = e
		}
		for w := range f.vocab {
			e := firstWordFamilies[w]
			e.vocabulary |= 1 << f.index
			firstWordFamilies[w] = e
		}
	}
}

// furniturePhrases maps every exact phrase of every family (up to
// maxCompoundPhrase words) to its family's description, for compound
// lines such as "Sign in Start free trial".
var furniturePhrases = map[string]string{}

// furnitureFirstWords holds the first word of every furniture phrase: a
// compound line starts with one of them.
var furnitureFirstWords = map[string]bool{}

const maxCompoundPhrase = 5

func indexCompoundPhrases() {
	for _, f := range allFamilies {
		for p := range f.exact {
			if n := wordCount(p); n <= maxCompoundPhrase && len(p) > 2 {
				furniturePhrases[p] = f.What
				first, _, _ := strings.Cut(p, " ")
				furnitureFirstWords[first] = true
			}
		}
	}
}

// compound reports whether a normalised line is two or more furniture
// phrases in a row and nothing else ("log in sign up free", "join now
// upgrade donate"), and returns what they are.
func compound(norm string) (bool, []string) {
	n := wordCount(norm)
	if n < 3 || n > 16 {
		return false, nil
	}
	if first, _, _ := strings.Cut(norm, " "); !furnitureFirstWords[first] {
		return false, nil // no phrase covers the first word
	}
	return compoundCover(norm, n)
}

// compoundCover is compound for a line of n words, without the test of
// its first word.
func compoundCover(norm string, n int) (bool, []string) {
	// starts[k] and ends[k] are the byte offsets of word k in norm.
	var startsBuf, endsBuf [16]int
	starts, ends := startsBuf[:0], endsBuf[:0]
	for i := 0; i < len(norm); {
		j := strings.IndexByte(norm[i:], ' ')
		if j < 0 {
			j = len(norm) - i
		}
		starts, ends = append(starts, i), append(ends, i+j)
		i += j + 1
	}
	phrase := func(j, i int) string { return norm[starts[j]:ends[i-1]] }
	// best[i] is the fewest phrases covering words [0, i), -1 when none.
	var bestBuf, fromBuf [17]int
	best, from := bestBuf[:n+1], fromBuf[:n+1]
	reached := 0 // the last position a cover reaches (0: the start)
	for i := 1; i <= n; i++ {
		if i-reached > maxCompoundPhrase {
			// No phrase spans from a covered position to i or past it:
			// nothing covers the line.
			return false, nil
		}
		best[i] = -1
		for j := max(0, i-maxCompoundPhrase); j < i; j++ {
			if j > 0 && best[j] < 0 {
				continue
			}
			if _, ok := furniturePhrases[phrase(j, i)]; ok && (best[i] < 0 || best[j]+1 < best[i]) {
				best[i], from[i] = best[j]+1, j
			}
		}
		if best[i] >= 0 {
			reached = i
		}
	}
	if best[n] < 2 {
		return false, nil
	}
	var kinds []string
	for i := n; i > 0; i = from[i] {
		kind := furniturePhrases[phrase(from[i], i)]
		if len(kinds) == 0 || kinds[len(kinds)-1] != kind {
			kinds = append(kinds, kind)
		}
	}
	return true, kinds
}

// separatedAfter reports a separator in raw right after about n bytes of
// prefix (the normalised prefix is about as long as the raw one).
func separatedAfter(raw []byte, n int) bool {
	end := min(len(raw), n+6)
	return bytes.ContainsAny(raw[min(n, end):end], ":|»›–—-")
}

// phraseSeverityDoc explains a family's severities in its rule's doc.
func phraseSeverityDoc(fam *phraseFamily) string {
	if fam.Weak {
		return "Severity: info wherever the line stands; the structure rule counts it as furniture evidence for the lines around it. The fix (unsafe) removes the line with its blank separator."
	}
	inside := "inside the article's main body an exact multi-word line is a warning, a single word or a prefix match only info"
	switch {
	case fam.Unambiguous:
		inside = "inside the article's main body every match stays a warning (these words are rarely an article's own)"
	case fam.BodyHint:
		inside = "inside the article's main body every match is only info (authors use these words in their own text)"
	case fam.UnambiguousWords:
		inside = "inside the article's main body an exact line is a warning, a prefix match only info"
	}
	return "Severity: an exact line outside the article's main body (before its first or after its last real paragraph) is an error with a safe fix; a prefix match there is a warning with an unsafe fix, or only info when no other furniture stands within three lines (furniture comes in clusters, a clean article's look-alike stands alone); " +
		inside + ". A prefix match, a breadcrumb, a call-to-action button, a related-links heading or an author-box label that is the only furniture in its document (the article's masthead before its body not counted) is only info (the benchmark's clean articles keep such lines), and so is a one-word form label (\"Company\", \"Message\") with no other furniture phrase within three lines; an exact share prompt, reading time or other phrase is reported even alone." +
		" The fix removes the line with the blank line that separated it, so paragraphs never merge."
}

// loneMayLower reports whether a match of fam is lowered to info when it
// is the only furniture in its document: prefix matches, and exact lines
// of the families whose words a clean article also holds (breadcrumb
// words, "Learn more" buttons, a "Related articles" heading over its own
// further reading, "About the author" over its bio). An exact share
// prompt or reading time is furniture even alone.
func loneMayLower(fam *phraseFamily, m phraseMatch) bool {
	return m == likelyMatch || fam == navigationFamily || fam.BodyHint || fam == relatedFamily || fam == bylineFamily
}

// hasProvenNeighbour reports another phrase-matched line within three
// candidate lines of ci with no good block between: furniture comes in
// clusters, a clean article's lone look-alike does not.
func (a *analysis) hasProvenNeighbour(ci int) bool {
	for k := max(0, ci-3); k < len(a.cands) && k <= ci+3; k++ {
		if k == ci || a.cands[k].match == noMatch {
			continue
		}
		if !a.goodBetween(min(k, ci), max(k, ci)) {
			return true
		}
	}
	return false
}
