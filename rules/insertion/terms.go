package insertion

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Term normalisation shared by the rule and by the generator of the
// document-frequency table (internal/gendf): both must map a word to the
// same key, or the table would not match what the rule looks up.

// stopWords are function words and the commonest verbs and adverbs of news
// and analysis prose. They carry no topic, and leaving them in would make
// every two blocks look alike.
var stopWords = makeSet(`a about above across after afterwards again against all almost alone along already also although
always am among amongst an and another any anyhow anyone anything anyway anywhere are around as at back be became because
become becomes becoming been before beforehand behind being below beside besides between beyond both but by can cannot
could did do does doing done down during each either else elsewhere enough etc even ever every everyone everything
everywhere except few first for former formerly from further get gets getting give given gives go goes going gone got had
has have having he hence her here hereafter hereby herein hers herself him himself his how however i if in indeed into is
it its itself just last latter least less let like made make makes many may me meanwhile might mine more moreover most
mostly much must my myself namely neither never nevertheless new next no nobody none nor not nothing now nowhere of off
often on once one only onto or other others otherwise our ours ourselves out over own per perhaps put rather re really
said same say says see seem seemed seeming seems several she should since so some somehow someone something sometime
sometimes somewhere still such than that the their theirs them themselves then thence there thereafter thereby therefore
therein thereupon these they thing things this those though through throughout thru thus to together too toward towards
under until up upon us use used using very via was way we well were what whatever when whence whenever where whereafter
whereas whereby wherein whereupon wherever whether which while whither who whoever whole whom whose why will with within
without would yet you your yours yourself yourselves also able according actually already around based best better big
can't couldn't didn't doesn't don't isn't it's i'm i've i'd i'll let's that's there's they're they've we're we've won't
wouldn't you're you've aren't wasn't weren't hasn't haven't hadn't shouldn't mr mrs ms two three four five six seven eight
nine ten year years time times day days way ways lot lots part take takes took want wants come comes came know known
think need needs needed including include includes many much good great high long important different large small
important right left top end ago today yesterday tomorrow week weeks month months year's people`)

// shortStopWords holds the stop words of up to eight bytes, as heads:
// isStopWord asks it for such a word instead of the map (the vocabulary
// asks twice per new surface form, and a map lookup hashed the word and
// compared it for a tenth of TermKey's cost).
var shortStopWords = newHeadSet(wordsUpTo(stopWords, 8))

// isStopWord reports whether stopWords holds w.
func isStopWord(w string) bool {
	if n := len(w); n >= 1 && n <= 8 {
		return shortStopWords.holdsHead(stringHead(w), n)
	}
	return stopWords[w]
}

// stringHead is wordHead of a string.
func stringHead(w string) uint64 {
	var h uint64
	for i := len(w) - 1; i >= 0; i-- {
		h = h<<8 | uint64(w[i])
	}
	return h
}

// wordsUpTo lists the words of set of one to n bytes.
func wordsUpTo(set map[string]bool, n int) []string {
	var out []string
	for w := range set {
		if len(w) >= 1 && len(w) <= n {
			out = append(out, w)
		}
	}
	return out
}

func makeSet(words string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}

// TermKey returns the key under which a word is counted: lower-cased,
// possessive and plural endings removed, light suffix stemming for ASCII
// words. It returns "" for a word that carries no topic (a stop word, a
// word shorter than three letters, a number). word is the raw token text.
func TermKey(word string) string {
	if !hasLetter(word) {
		return ""
	}
	return termKeyLower(lowerWord(word))
}

// termKeyBytes is TermKey(string(word)). An ASCII word, nearly every
// word, is lower-cased as it is copied into its string: one allocation
// and one pass, where the string conversion and strings.ToLower made two
// of each for a capitalised word (the vocabulary's misses run TermKey
// once per surface form a worker meets, a tenth of the rule on a single
// pass over new text).
func termKeyBytes(word []byte) string {
	var buf [32]byte
	if len(word) > len(buf) {
		return TermKey(string(word))
	}
	letter := false
	for i, c := range word {
		if c >= utf8.RuneSelf {
			return TermKey(string(word))
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		letter = letter || 'a' <= c && c <= 'z'
		buf[i] = c
	}
	if !letter {
		return ""
	}
	return termKeyLower(string(buf[:len(word)]))
}

// termKeyLower is TermKey of a word holding a letter, once lowerWord has
// lower-cased it.
func termKeyLower(w string) string {
	w = trimPossessive(w)
	if utf8.RuneCountInString(w) < 3 || isStopWord(w) {
		return ""
	}
	w = stem(w)
	if len(w) < 3 || isStopWord(w) {
		return ""
	}
	return w
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// lowerWord lower-cases without allocating when the word already is
// lower-case ASCII, the common case.
func lowerWord(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			s = strings.ToLower(s)
			break
		}
	}
	// Curly apostrophes become straight ones so "don’t" is "don't".
	if strings.Contains(s, "\u2019") {
		s = strings.ReplaceAll(s, "\u2019", "'")
	}
	return s
}

func trimPossessive(w string) string {
	if strings.HasSuffix(w, "'s") {
		return w[:len(w)-2]
	}
	if strings.HasSuffix(w, "s'") {
		return w[:len(w)-1]
	}
	return w
}

// stem removes plural and -ing/-ed endings from ASCII words: "guarantees"
// and "guaranteed" meet at "guarantee", "refugees" at "refugee". It is
// deliberately light: a wrong merge of two topics costs more than a missed
// merge of two forms of one word.
func stem(w string) string {
	if !isASCII(w) {
		if strings.HasSuffix(w, "s") && len(w) > 4 {
			return w[:len(w)-1]
		}
		return w
	}
	w = stemPlural(w)
	switch {
	case strings.HasSuffix(w, "ing") && len(w) > 5 && hasVowel(w[:len(w)-3]):
		w = undouble(w[:len(w)-3])
	case strings.HasSuffix(w, "ied") && len(w) > 5:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "eed"):
		if len(w) > 5 {
			w = w[:len(w)-1]
		}
	case strings.HasSuffix(w, "ed") && len(w) > 4 && hasVowel(w[:len(w)-2]):
		w = undouble(w[:len(w)-2])
	}
	// "make"/"making" and "displace"/"displaced" meet once a final silent
	// e is dropped.
	if strings.HasSuffix(w, "e") && len(w) >= 4 && !strings.HasSuffix(w, "ee") {
		w = w[:len(w)-1]
	}
	return w
}

func stemPlural(w string) string {
	switch {
	case len(w) <= 3:
		return w
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

// undouble turns "stopp" (from "stopped") into "stop".
func undouble(w string) string {
	n := len(w)
	if n >= 2 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouls", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}

func hasVowel(s string) bool { return strings.ContainsAny(s, "aeiouy") }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
