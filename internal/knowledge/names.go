package knowledge

import (
	"strings"
	"sync"
	"unicode"

	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns the comparison key of a name: lower case, accents removed,
// curly apostrophes straightened ("Sébastien" and "Sebastien" agree).
func Fold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	return foldUnicode(s)
}

// foldUnicode is Fold for text with non-ASCII letters: decompose, drop the
// combining marks, recompose. It calls the normalisers directly rather
// than through a transform chain, which allocates kilobytes of buffers
// per call.
func foldUnicode(s string) string {
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	s = b.String()
	if !isASCII(s) {
		s = norm.NFC.String(s)
		s = strings.ReplaceAll(s, "\u2019", "'")
	}
	return strings.ToLower(s)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// appendFoldString appends Fold(s) to dst, without allocating when s is
// ASCII.
func appendFoldString(dst []byte, s string) []byte {
	if !isASCII(s) {
		return append(dst, Fold(s)...)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// AppendFold appends Fold(w) to dst. An ASCII word is lower-cased in
// place without allocating (callers pass a stack buffer and look the
// result up as map[string(key)], which does not allocate either); other
// words go through Fold.
func AppendFold(dst, w []byte) []byte {
	for _, c := range w {
		if c >= utf8.RuneSelf {
			return appendFoldUnicode(dst, w)
		}
	}
	for _, c := range w {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// appendFoldUnicode is AppendFold for a word with non-ASCII bytes. Words
// whose only non-ASCII letters are curly apostrophes ("don’t", common in
// news text) are folded without Fold's normalisation.
func appendFoldUnicode(dst, w []byte) []byte {
	n := len(dst)
	if out, ok := appendApostrophes(dst, w); ok {
		for i := n; i < len(out); i++ {
			if c := out[i]; 'A' <= c && c <= 'Z' {
				out[i] = c + 'a' - 'A'
			}
		}
		return out
	}
	return append(dst[:n], Fold(string(w))...)
}

// Distance is the Damerau-Levenshtein distance (optimal string alignment)
// between a and b, counted in runes.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// JaroWinkler is the Jaro-Winkler similarity of a and b (1 = equal).
func JaroWinkler(a, b string) float64 {
	ra, rb := []rune(a), []rune(b)
	if len(ra) == 0 || len(rb) == 0 {
		if len(ra) == len(rb) {
			return 1
		}
		return 0
	}
	window := max(len(ra), len(rb))/2 - 1
	window = max(window, 0)
	ma, mb := make([]bool, len(ra)), make([]bool, len(rb))
	matches := 0
	for i := range ra {
		lo, hi := max(0, i-window), min(len(rb), i+window+1)
		for j := lo; j < hi; j++ {
			if !mb[j] && ra[i] == rb[j] {
				ma[i], mb[j] = true, true
				matches++
				break
			}
		}
	}
	if matches == 0 {
		return 0
	}
	transpositions, k := 0, 0
	for i := range ra {
		if !ma[i] {
			continue
		}
		for !mb[k] {
			k++
		}
		if ra[i] != rb[k] {
			transpositions++
		}
		k++
	}
	m := float64(matches)
	jaro := (m/float64(len(ra)) + m/float64(len(rb)) + (m-float64(transpositions)/2)/m) / 3
	prefix := 0
	for prefix < min(4, len(ra), len(rb)) && ra[prefix] == rb[prefix] {
		prefix++
	}
	return jaro + float64(prefix)*0.1*(1-jaro)
}

// Near reports whether two folded name parts look like one misspelt as
// the other: same first letter, Damerau-Levenshtein distance at most 2
// (at most 1 for short parts) and Jaro-Winkler at least 0.84.
func Near(a, b string) bool {
	if a == b || a == "" || b == "" {
		return false
	}
	if a[0] != b[0] {
		return false // the first byte differs, so the first letter does
	}
	ra, rb := []rune(a), []rune(b)
	limit := 2
	if min(len(ra), len(rb)) < 4 {
		limit = 1
	}
	if len(ra)-len(rb) > limit || len(rb)-len(ra) > limit {
		return false
	}
	return Distance(a, b) <= limit && JaroWinkler(a, b) >= 0.84
}

// TransliterationKey reduces a folded name part to a key that accepted
// transliterations share: Zelensky, Zelenskyy, Zelenskiy and Zelenskyi all
// become "zelensky"; doubled vowels and kh/h, ph/f, ou/u differences
// disappear.
func TransliterationKey(s string) string {
	s = Fold(s)
	for _, r := range [][2]string{{"kh", "h"}, {"ph", "f"}, {"ou", "u"}, {"iy", "y"}, {"yi", "y"}, {"ij", "y"}, {"yj", "y"}, {"j", "y"}, {"w", "v"}} {
		s = strings.ReplaceAll(s, r[0], r[1])
	}
	// Doubled vowels and y are transliteration choices (Zelenskyy); doubled
	// consonants are not.
	var b strings.Builder
	var last rune
	for _, r := range s {
		if r == last && strings.ContainsRune("aeiouy", r) {
			continue
		}
		b.WriteRune(r)
		last = r
	}
	s = b.String()
	if strings.HasSuffix(s, "i") && len(s) > 4 {
		s = s[:len(s)-1] + "y"
	}
	return s
}

// MatchesGiven reports whether g is one of the person's given names, an
// accepted variant, a transliteration of one, or an initial ("J.").
func (p *Person) MatchesGiven(g string) bool {
	fg := Fold(strings.TrimSuffix(g, "."))
	if fg == "" {
		return false
	}
	var kg string // TransliterationKey(fg), made when a form needs it
	for _, f := range p.givenForms() {
		if f.folded == fg {
			return true
		}
		if kg == "" {
			kg = TransliterationKey(fg)
		}
		if f.key == kg || len(fg) == 1 && strings.HasPrefix(f.folded, fg) {
			return true
		}
	}
	return false
}

// givenForm is a given name or variant folded (without a trailing full
// stop) and its transliteration key: MatchesGiven compares a word with
// them, and folding them at every call was most of its cost.
type givenForm struct{ folded, key string }

// givenCache holds a pack person's given forms, made once.
type givenCache struct {
	once  sync.Once
	forms []givenForm
}

// givenForms returns the person's given forms folded, made on first use.
func (p *Person) givenForms() []givenForm {
	if p.given == nil {
		return foldGivenForms(p)
	}
	p.given.once.Do(func() { p.given.forms = foldGivenForms(p) })
	return p.given.forms
}

func foldGivenForms(p *Person) []givenForm {
	forms := p.GivenForms()
	out := make([]givenForm, len(forms))
	for i, form := range forms {
		ff := Fold(strings.TrimSuffix(form, "."))
		out[i] = givenForm{folded: ff, key: TransliterationKey(ff)}
	}
	return out
}
