// Package lexicon answers "is this an English word, and how common is it"
// from an embedded list derived from SCOWL (Spell Checker Oriented Word
// Lists, Kevin Atkinson; notice in COPYRIGHT beside this file, which must
// travel with the list).
//
// Levels follow SCOWL: 10 holds the most common words, 80 rare and
// technical ones; 35-50 is an everyday dictionary. Words above level 80 are
// not embedded. The list is loaded lazily on first use (about 270,000
// entries, a few tens of milliseconds).
//
// Regenerate words.txt.gz with:
//
//	go run ./internal/lexicon/gen -src ../shared/data/scowl/scowl-levels.tsv -out internal/lexicon/words.txt.gz
package lexicon

//go:generate go run ./gen -src ../../../shared/data/scowl/scowl-levels.tsv -out words.txt.gz

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strconv"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed words.txt.gz
var wordsGz []byte

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
	loadOnce sync.Once
	levels   map[string]uint8
)

func load() {
	zr, err := gzip.NewReader(bytes.NewReader(wordsGz))
	if err != nil {
		panic("lexicon: embedded word list is corrupt: " + err.Error())
	}
	levels = make(map[string]uint8, 280000)
	sc := bufio.NewScanner(zr)
	level := uint8(0)
	for sc.Scan() {
		line := sc.Text()
		if len(line) > 1 && line[0] == '#' {
			n, err := strconv.Atoi(line[1:])
			if err != nil {
				panic("lexicon: bad level line " + line)
			}
			level = uint8(n)
			continue
		}
		if _, dup := levels[line]; !dup {
			levels[line] = level
		}
	}
	if err := sc.Err(); err != nil {
		panic("lexicon: reading embedded word list: " + err.Error())
	}
}

// Load loads the list now rather than on first use (benchmarks and servers
// that want the cost up front).
func Load() { loadOnce.Do(load) }

// Level returns the SCOWL level of word (10 common ... 80 rare), or 0 when
// it is not in the list. The word is looked up as written, then, when it is
// capitalised or all capitals, in lower case ("The" -> "the"), so "Aaron"
// is found but "aaron" is not. A trailing possessive "'s" or "’s" is
// ignored.
func Level(word string) int {
	loadOnce.Do(load)
	word = trimPossessive(word)
	if l, ok := levels[word]; ok {
		return int(l)
	}
	if lower, changed := foldCapitalised(word); changed {
		if l, ok := levels[lower]; ok {
			return int(l)
		}
	}
	return 0
}

// LevelBytes is Level for a byte slice, without allocating for ASCII words
// that are already lower case.
func LevelBytes(word []byte) int {
	loadOnce.Do(load)
	if l, ok := levels[string(word)]; ok {
		return int(l)
	}
	return Level(string(word))
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
