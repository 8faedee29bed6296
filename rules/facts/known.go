package facts

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/knowledge"
	"github.com/dochygiene/hygiene/rules"
)

// Known checks the knowledge pack's fact rules, such as the North Atlantic
// Treaty's collective defence clause being Article 5.
var Known = &rules.Rule{
	ID:      "facts/known",
	Summary: "a numbered clause that contradicts a known fact (NATO's collective defence is Article 5)",
	Doc: `The knowledge pack holds facts of the form "in a sentence about CLAIM, ITEM
of SUBJECT is VALUE": the collective defence clause of the North Atlantic
Treaty is Article 5. A sentence that names the subject ("Article 7 of the
North Atlantic Treaty", "NATO's Article 7") and speaks of the claim
(collective defence, an attack on one, protection, security guarantees) with
another number is flagged.

Legitimate other numbers stay quiet in their own context: Article 4
consultations, Article 10 enlargement, Article 13 withdrawal; they are
flagged only when the sentence is plainly about collective defence. Other
treaties are not this fact: the EU treaty's Article 7 (sanctions on member
states) or Article 42(7) (its mutual assistance clause) never match. The
fix (unsafe) writes the right number.`,
	Bad:       "Article 7 of the North Atlantic Treaty commits allies to collective defence.",
	Good:      "Poland asked for Article 4 consultations under the North Atlantic Treaty; Article 7 of the Treaty on European Union is another matter.",
	Severity:  rules.Warning,
	FixSafety: fixers.Unsafe,
	Run:       runKnown,
	Prepare:   func() { knowledge.Active() },
}

var (
	itemREMu sync.Mutex
	itemREs  = map[string]*regexp.Regexp{}
)

// itemRE matches "Article 7", "article 42.7", "Article 42(7)".
func itemRE(item string) *regexp.Regexp {
	itemREMu.Lock()
	defer itemREMu.Unlock()
	if re, ok := itemREs[item]; ok {
		return re
	}
	re := regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(item) + `[ \x{00a0}]+(\d+(?:\.\d+|\(\d+\))?)\b`)
	itemREs[item] = re
	return re
}

func runKnown(pass *rules.Pass) {
	pack := knowledge.Active()
	doc := pass.Doc
	if !anyItemNumber(pack, doc.Src) {
		// The usual case: no item word with a number after it, so no
		// match of any item expression, and the sentences need not be
		// split nor searched. Many pages say "article" (or
		// "particle"); one WCXB text in 736 writes "Article 5".
		return
	}
	facts := factsIn(pack, doc.Src)
	if len(facts) == 0 {
		return // the usual case: no item word ("article") in the document
	}
	for _, s := range doc.Sentences() {
		sentence := doc.Src[s.Start:s.End]
		var lower string
		for _, fact := range facts {
			if !fact.inside(s.Start, s.End) || !hasDigit(sentence) {
				continue // cheap tests before the expression, which needs a digit
			}
			if lower == "" {
				lower = strings.ToLower(string(sentence))
			}
			for _, loc := range itemRE(fact.Item).FindAllSubmatchIndex(sentence, -1) {
				value := string(sentence[loc[2]:loc[3]])
				// Lower-case each side on its own: lower-casing can change
				// byte lengths, so offsets into sentence do not fit lower.
				before := strings.ToLower(string(sentence[:loc[0]]))
				after := strings.ToLower(string(sentence[loc[1]:]))
				if !aboutSubject(fact.Fact, before, after) || value == fact.Value {
					continue
				}
				if !wrongInContext(fact.Fact, value, lower) {
					continue
				}
				start, end := s.Start+loc[2], s.Start+loc[3]
				pass.Report(rules.Finding{
					Start: s.Start + loc[0], End: s.Start + loc[1],
					Message: fmt.Sprintf("%s %s: %s is %s %s", fact.Item, value, fact.Claim, fact.Item, fact.Value),
					Fix: &fixers.Fix{Message: fmt.Sprintf("write %s %s", fact.Item, fact.Value), Safety: fixers.Unsafe,
						Edits: []fixers.Edit{fixers.Replace(start, end, fact.Value)}},
				})
			}
		}
	}
}

// anyItemNumber reports whether text may hold a match of the item
// expression of one of the pack's facts (mayHoldItemNumber).
func anyItemNumber(pack *knowledge.Pack, text []byte) bool {
	for _, fact := range pack.Facts {
		if mayHoldItemNumber(text, fact.Item) {
			return true
		}
	}
	return false
}

// mayHoldItemNumber reports whether text may hold a match of itemRE(item):
// the item word in any case, then spaces or no-break spaces, then a digit.
// A false answer is certain. The expression folds case as Unicode does,
// which also matches "K" and "ſ" (U+212A, U+017F) for k and s: an item
// with either, or with a byte above ASCII, may always match.
//
// It looks for the digits, not for the item's letters: prose has few
// (one byte in 120 of the WCXB truth texts, where the rarest letter of
// "article", its c, is one in 34), and they are found sixteen bytes at a
// time. The first digit of a number that follows spaces ends a match
// when the item ends where the spaces begin: they are read back to the
// first byte that is not one, which is the item's last (an ASCII byte
// that is no space).
func mayHoldItemNumber(text []byte, item string) bool {
	if item == "" || strings.ContainsAny(item, "kKsS") || !isASCII(item) || item[len(item)-1] == ' ' {
		return true
	}
	for i := nextDigit(text, 0); i < len(text); i = nextDigit(text, i) {
		if end := spacesBefore(text, i); end < i && end >= len(item) && equalFoldASCII(text[end-len(item):end], item) {
			return true
		}
		for i < len(text) && text[i]-'0' < 10 {
			i++ // the number's other digits follow a digit, not a space
		}
	}
	return false
}

// spacesBefore returns where the spaces and no-break spaces right before
// offset i begin (i when there are none).
func spacesBefore(text []byte, i int) int {
	for {
		switch {
		case i > 0 && text[i-1] == ' ':
			i--
		case i > 1 && text[i-2] == 0xc2 && text[i-1] == 0xa0:
			i -= 2
		default:
			return i
		}
	}
}

// nextDigit returns the offset of the first ASCII digit in text[i:], or
// len(text). Thirty-two bytes with no digit are passed over at once: XOR
// with '0' turns digits into bytes below 10, which the classic "has a
// byte less than n" test finds (bytes with the high bit set are never
// counted). The loop walks a shrinking slice of at least 32 bytes, so
// its four loads need no bounds checks and one branch serves 32 bytes.
func nextDigit(text []byte, i int) int {
	const ones, highs, zeros = 0x0101010101010101, 0x8080808080808080, 0x3030303030303030
	rest := text[i:]
	for len(rest) >= 32 {
		a := binary.LittleEndian.Uint64(rest[0:8]) ^ zeros
		b := binary.LittleEndian.Uint64(rest[8:16]) ^ zeros
		c := binary.LittleEndian.Uint64(rest[16:24]) ^ zeros
		d := binary.LittleEndian.Uint64(rest[24:32]) ^ zeros
		if ((a-10*ones)&^a|(b-10*ones)&^b|(c-10*ones)&^c|(d-10*ones)&^d)&highs != 0 {
			break
		}
		rest = rest[32:]
	}
	for i = len(text) - len(rest); i < len(text); i++ {
		if text[i]-'0' < 10 {
			return i
		}
	}
	return len(text)
}

// numberFollows reports whether text[i:] opens with spaces or no-break
// spaces (one at least) and then an ASCII digit.
func numberFollows(text []byte, i int) bool {
	j := i
	for {
		switch {
		case j < len(text) && text[j] == ' ':
			j++
			continue
		case j+1 < len(text) && text[j] == 0xc2 && text[j+1] == 0xa0:
			j += 2
			continue
		}
		break
	}
	return j > i && j < len(text) && '0' <= text[j] && text[j] <= '9'
}

// equalFoldASCII compares ASCII text with an ASCII word, letter case
// ignored.
func equalFoldASCII(b []byte, word string) bool {
	for i, c := range b {
		if lowerASCII(c) != lowerASCII(word[i]) {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// hasDigit reports whether b holds an ASCII digit (the expressions' \d).
func hasDigit(b []byte) bool {
	for _, c := range b {
		if '0' <= c && c <= '9' {
			return true
		}
	}
	return false
}

// itemFact is a fact with the places its item word occurs in a document.
type itemFact struct {
	*knowledge.Fact
	// spans are where the item word after its first letter, in small
	// letters or capitals ("rticle", "RTICLE"), occurs, in text order:
	// the item expression cannot match a sentence holding none. Nil when
	// the item is one letter (no test).
	spans [][2]int
}

// inside reports whether one of the spans lies inside [start, end).
func (f itemFact) inside(start, end int) bool {
	if len(f.Item) <= 1 {
		return true
	}
	i := sort.Search(len(f.spans), func(i int) bool { return f.spans[i][0] >= start })
	for ; i < len(f.spans) && f.spans[i][0] < end; i++ {
		if f.spans[i][1] <= end {
			return true
		}
	}
	return false
}

// factsIn returns the pack's facts whose item word occurs in text, in
// pack order, with where it occurs.
func factsIn(pack *knowledge.Pack, text []byte) []itemFact {
	var out []itemFact
	for _, fact := range pack.Facts {
		f := itemFact{Fact: fact}
		if len(fact.Item) > 1 {
			f.spans = appendOccurrences(f.spans, text, strings.ToLower(fact.Item[1:]))
			f.spans = appendOccurrences(f.spans, text, strings.ToUpper(fact.Item[1:]))
			if len(f.spans) == 0 {
				continue
			}
			sort.Slice(f.spans, func(i, j int) bool { return f.spans[i][0] < f.spans[j][0] })
		}
		out = append(out, f)
	}
	return out
}

// appendOccurrences appends the spans of every occurrence of word in
// text, in text order. It looks for the word's rarest letter with
// bytes.IndexByte and compares the word around each one: searching for
// the word itself stops at every occurrence of its first letter ("r" of
// "rticle"), a byte in every dozen of English text.
func appendOccurrences(out [][2]int, text []byte, word string) [][2]int {
	at := rarestByte(word)
	rare := word[at]
	for i := at; i < len(text); {
		k := bytes.IndexByte(text[i:], rare)
		if k < 0 {
			break
		}
		start := i + k - at
		if start+len(word) <= len(text) && string(text[start:start+len(word)]) == word {
			out = append(out, [2]int{start, start + len(word)})
		}
		i += k + 1
	}
	return out
}

// letterRank orders the letters from the most to the least common in
// English text.
const letterRank = "etaoinshrdlcumwfgypbvkjxqz"

// rarestByte returns the index of word's least common letter (its first
// byte when it has no letter).
func rarestByte(word string) int {
	best, bestRank := 0, -1
	for i := 0; i < len(word); i++ {
		if r := strings.IndexByte(letterRank, word[i]|0x20); r > bestRank {
			best, bestRank = i, r
		}
	}
	return best
}

// aboutSubject reports whether the item is tied to the fact's subject: a
// subject phrase right after it or an owner right before it.
func aboutSubject(fact *knowledge.Fact, before, after string) bool {
	after = collapseSpaces(after)
	for _, s := range fact.Subjects {
		if strings.HasPrefix(after, " "+strings.ToLower(s)) {
			return true
		}
	}
	before = strings.TrimRight(collapseSpaces(before), " ")
	for _, o := range fact.Owners {
		o = strings.ToLower(o)
		if strings.HasSuffix(before, o) {
			rest := before[:len(before)-len(o)]
			if rest == "" || strings.HasSuffix(rest, " ") || strings.HasSuffix(rest, "(") {
				return true
			}
		}
	}
	return false
}

// wrongInContext decides whether a sentence naming the subject with
// another value is a claim about this fact.
func wrongInContext(fact *knowledge.Fact, value, lower string) bool {
	strong := containsAny(lower, fact.Strong)
	for _, alt := range fact.Alternatives {
		if alt.Value == value {
			return strong && !containsAny(lower, alt.Context)
		}
	}
	return strong || containsAny(lower, fact.Context)
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, strings.ToLower(w)) {
			return true
		}
	}
	return false
}

// collapseSpaces turns every run of white space (no-break spaces and line
// breaks included) into one space.
func collapseSpaces(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\u00a0' || r == '\n' || r == '\t' || r == '\r' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
