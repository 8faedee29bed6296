// Package lexicon answers "is this an English word, and how common is it"
// from an embedded list derived from SCOWL (Spell Checker Oriented Word
// Lists, Kevin Atkinson; notice in COPYRIGHT beside this file, which must
// travel with the list).
//
// Levels follow SCOWL: 10 holds the most common words, 80 rare and
// technical ones; 35-50 is an everyday dictionary. Words above level 80 are
// not embedded.
//
// The list (words.txt.gz, about 270,000 words, kept for reading and
// auditing) is not what the binary embeds: the generator turns it into two
// ready-made hash tables (words.tbl, frequent.tbl; see package wordtable), so a
// process starts with nothing to decompress or build, and a single-article
// run touches only the few pages its lookups land on.
//
// Regenerate the list and the tables with:
//
//	go run ./internal/lexicon/gen -src ../shared/data/scowl/scowl-levels.tsv -out internal/lexicon/words.txt.gz
//
// or the tables alone from the committed list (no SCOWL data needed):
//
//	go run ./internal/lexicon/gen -src "" -out internal/lexicon/words.txt.gz
package lexicon

//go:generate go run ./gen -src ../../../shared/data/scowl/scowl-levels.tsv -out words.txt.gz

import (
	_ "embed"
	"runtime"
	"unicode"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/internal/lexicon/internal/wordtable"
)

var (
	//go:embed words.tbl
	wordsTable string
	//go:embed frequent.tbl
	frequentTable string
)

// Levels used by callers.
const (
	// Common is the top of an everyday dictionary.
	Common = 50
	// Large is the top of a large dictionary.
	Large = 70
	// Rare is the highest level embedded.
	Rare = 80
)

var (
	// words holds every embedded word.
	words = mustTable(wordsTable)
	// frequent holds the everyday words (levels up to 35) again in a table
	// small enough to stay in a core's cache (512 KB): most tokens of
	// running text are found there.
	frequent = mustTable(frequentTable)
)

func mustTable(slots string) wordtable.Table {
	t, ok := wordtable.Of(slots)
	if !ok {
		panic("lexicon: an embedded word table has a bad size; regenerate it (see the package doc)")
	}
	return t
}

// pageSize is the step at which Load touches the tables.
const pageSize = 4096

// Load touches every page of the tables now rather than on first lookup
// (benchmarks and servers that want the cost, well under a millisecond, up
// front). Lookups never need it.
func Load() {
	var sum byte
	for _, t := range []string{wordsTable, frequentTable} {
		for i := 0; i < len(t); i += pageSize {
			sum += t[i]
		}
	}
	runtime.KeepAlive(sum) // the reads are the point
}

// Level returns the SCOWL level of word (10 common ... 80 rare), or 0 when
// it is not in the list. The word is looked up as written, then, when it is
// capitalised or all capitals, in lower case ("The" -> "the"), so "Aaron"
// is found but "aaron" is not. A trailing possessive "'s" or "’s" is
// ignored.
func Level(word string) int {
	word = trimPossessive(word)
	if l := words.Level([]byte(word)); l > 0 {
		return l
	}
	if lower, changed := foldCapitalised(word); changed {
		return words.Level([]byte(lower))
	}
	return 0
}

// LevelBytes is Level for a byte slice. It does not allocate for ASCII
// words (the common case in running text), which makes it the one to call
// per token.
func LevelBytes(word []byte) int {
	h := wordtable.Hash(word)
	if l := frequent.LevelOf(h); l > 0 {
		return l
	}
	if l := words.LevelOf(h); l > 0 {
		return l
	}
	var buf [64]byte
	if len(word) > len(buf) {
		return Level(string(word))
	}
	// One pass over the bytes tells an ASCII word, copies it into buf
	// in lower case and notes the case of the letters between the first
	// and a possessive ending (a capitalised word, "These", misses both
	// tables as written: three loops over it were most of its cost).
	w := trimPossessiveBytes(word)
	upper, lower := false, false
	for i, c := range word {
		switch {
		case c >= utf8.RuneSelf:
			return Level(string(word))
		case c >= 'A' && c <= 'Z':
			upper = upper || i > 0 && i < len(w)
			c += 'a' - 'A'
		case c >= 'a' && c <= 'z':
			lower = lower || i > 0 && i < len(w)
		}
		buf[i] = c
	}
	if len(w) != len(word) {
		if l := words.Level(w); l > 0 {
			return l
		}
	}
	if len(w) == 0 || w[0] < 'A' || w[0] > 'Z' || upper && lower {
		return 0
	}
	return words.Level(buf[:len(w)])
}

func trimPossessiveBytes(w []byte) []byte {
	if len(w) > 2 && w[len(w)-2] == '\'' && w[len(w)-1] == 's' {
		return w[:len(w)-2]
	}
	return w
}

// IsFrequent reports whether word, exactly as written, is an everyday
// word (level 35 or below). It is the cheapest lookup: a small table that
// stays in cache.
func IsFrequent(word []byte) bool {
	return frequent.Level(word) > 0
}

// IsWord reports whether word is in the list at any embedded level.
func IsWord(word string) bool { return Level(word) > 0 }

// IsCommon reports whether word is an everyday word (level <= Common).
func IsCommon(word string) bool {
	l := Level(word)
	return l > 0 && l <= Common
}

// IsWordAt reports whether word is in the list at level maxLevel or below.
func IsWordAt(word string, maxLevel int) bool {
	l := Level(word)
	return l > 0 && l <= maxLevel
}

func trimPossessive(w string) string {
	switch {
	case len(w) > 2 && w[len(w)-2:] == "'s":
		return w[:len(w)-2]
	case len(w) > 4 && w[len(w)-4:] == "\u2019s":
		return w[:len(w)-4]
	}
	return w
}

// foldCapitalised lower-cases a capitalised ("The") or all-capitals ("THE")
// word. Mixed case ("McDonald", "iPhone") is left alone: it is a name.
func foldCapitalised(w string) (string, bool) {
	first, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(first) {
		return w, false
	}
	rest := w[size:]
	allUpper, allLower := true, true
	for _, r := range rest {
		if unicode.IsLetter(r) {
			allUpper = allUpper && unicode.IsUpper(r)
			allLower = allLower && unicode.IsLower(r)
		}
	}
	if !allUpper && !allLower {
		return w, false
	}
	return string(unicode.ToLower(first)) + lowerString(rest), true
}

func lowerString(s string) string {
	b := make([]rune, 0, len(s))
	for _, r := range s {
		b = append(b, unicode.ToLower(r))
	}
	return string(b)
}
