package facts

import (
	"encoding/binary"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/dochygiene/hygiene/internal/knowledge"
)

// officeTitles are an office's titles in the forms findTitle compares:
// lower-cased, alone and after each qualifier, computed once per pack
// rather than at every candidate name.
type officeTitles struct {
	// titles are the title and its variants, lower-cased.
	titles []string
	// qualified are "qualifier title" phrases, lower-cased, titles outer
	// and qualifiers inner (the order findTitle breaks ties in).
	qualified []qualifiedTitle
	// lastWords are the last words of titles: any title phrase ends
	// with one.
	lastWords []string
}

type qualifiedTitle struct {
	phrase    string // "german chancellor"
	qualifier string // "German", as written in the pack
}

type titleIndex struct {
	pack    *knowledge.Pack
	offices map[*knowledge.Office]*officeTitles
	// ends tells the tokens that may end a title of any office.
	ends titleEnds
}

var (
	titleMu      sync.Mutex
	currentTitle atomic.Pointer[titleIndex]
)

// titlesOf returns the office's titles, indexing the pack on first use.
func titlesOf(pack *knowledge.Pack, o *knowledge.Office) *officeTitles {
	return titleIndexOf(pack).offices[o]
}

// titleIndexOf returns the pack's title index, building it on first use.
func titleIndexOf(pack *knowledge.Pack) *titleIndex {
	idx := currentTitle.Load()
	if idx == nil || idx.pack != pack {
		idx = buildTitleIndex(pack)
	}
	return idx
}

func buildTitleIndex(pack *knowledge.Pack) *titleIndex {
	titleMu.Lock()
	defer titleMu.Unlock()
	if idx := currentTitle.Load(); idx != nil && idx.pack == pack {
		return idx
	}
	idx := &titleIndex{pack: pack, offices: make(map[*knowledge.Office]*officeTitles, len(pack.Offices))}
	var lastWords []string // of every office's titles
	for _, o := range pack.Offices {
		t := &officeTitles{}
		for _, title := range o.Titles() {
			title = strings.ToLower(title)
			t.titles = append(t.titles, title)
			t.lastWords = append(t.lastWords, title[strings.LastIndexByte(title, ' ')+1:])
			for _, q := range o.Qualifiers {
				t.qualified = append(t.qualified, qualifiedTitle{phrase: strings.ToLower(q) + " " + title, qualifier: q})
			}
		}
		idx.offices[o] = t
		lastWords = append(lastWords, t.lastWords...)
	}
	idx.ends = newTitleEnds(lastWords)
	currentTitle.Store(idx)
	return idx
}

// mayEndWithTitle reports whether text, the words before a name, can end
// with one of the offices' titles in findTitle's reading (lower-cased,
// trailing spaces and one comma dropped). It answers on the bytes when
// the end of the text is ASCII and lets everything else through: most
// candidate names ("it may", "the key") have no title before them.
func mayEndWithTitle(pack *knowledge.Pack, offices []*knowledge.Office, text []byte) bool {
	text = trimTitleEnd(text)
	for _, o := range offices {
		for _, w := range titlesOf(pack, o).lastWords {
			if len(text) < len(w) {
				continue
			}
			tail := text[len(text)-len(w):]
			if !asciiBytes(tail) || asciiEqualFold(tail, w) {
				return true
			}
		}
	}
	return false
}

// trimTitleEnd drops trailing spaces and no-break spaces, then one comma.
func trimTitleEnd(b []byte) []byte {
	for {
		switch {
		case len(b) > 0 && b[len(b)-1] == ' ':
			b = b[:len(b)-1]
			continue
		case len(b) > 1 && b[len(b)-2] == 0xc2 && b[len(b)-1] == 0xa0:
			b = b[:len(b)-2]
			continue
		}
		break
	}
	if len(b) > 0 && b[len(b)-1] == ',' {
		b = b[:len(b)-1]
	}
	return b
}

func asciiBytes(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// asciiEqualFold compares ASCII bytes with a lower-case word.
func asciiEqualFold(b []byte, lower string) bool {
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// titleEnds tells whether a word token may end a title: findTitle reads a
// title only where its last word ends a token of the sentence (the title
// is followed by spaces, a comma or the name, none of which a token holds),
// so a sentence with no such token before a name holds no titled mention
// of it. Most sentences have none, and the test is a few instructions a
// token: the token's last four bytes, ASCII case folded, index a small
// table of the title words' last four bytes, and a hit is checked against
// the whole words. findTitle lower-cases with strings.ToLower, which also
// turns "İ" into "i" and the Kelvin sign into "k": a token holding one
// is checked the same way.
type titleEnds struct {
	// all is set when some title word is shorter than four bytes: the
	// table cannot hold it, and every token passes.
	all  bool
	mul  uint32
	keys [titleSlots]uint32   // folded last four bytes; 0 for an empty slot
	word [titleSlots][]string // the title words ending so
}

const titleSlots = 64

// foldCase sets bit 0x20 of every byte: ASCII capitals become lower case,
// lower-case letters and hyphens stay as they are.
const foldCase = 0x20202020

func newTitleEnds(words []string) titleEnds {
	var e titleEnds
	keys := map[uint32][]string{}
	for _, w := range words {
		if len(w) < 4 || !asciiBytes([]byte(w)) {
			// A non-ASCII title word may be written in capitals that
			// strings.ToLower folds but the table would not.
			e.all = true
			return e
		}
		k := binary.LittleEndian.Uint32([]byte(w[len(w)-4:])) | foldCase
		if !containsString(keys[k], w) {
			keys[k] = append(keys[k], w)
		}
	}
	// A multiplier that gives every key its own slot: a few tries for a
	// score of keys in 64 slots.
	mul := uint32(0x9e3779b1)
	for try := 0; ; try++ {
		var used [titleSlots]bool
		ok := true
		for k := range keys {
			slot := k * mul >> 26
			if used[slot] {
				ok = false
				break
			}
			used[slot] = true
		}
		if ok {
			e.mul = mul
			break
		}
		if try == 1000 {
			e.all = true // no such multiplier: let every token pass
			return e
		}
		mul += 0x3c6ef372
	}
	for k, ws := range keys {
		slot := k * e.mul >> 26
		e.keys[slot], e.word[slot] = k, ws
	}
	return e
}

// mayEnd reports whether the token src[start:end) may end a title: it
// ends with a title word once lower-cased as findTitle does. The loop
// over a document's words asks quick first, inline, and calls mayEnd for
// the few words that pass.
func (e *titleEnds) mayEnd(src []byte, start, end int) bool {
	if e.all {
		return true
	}
	if end-start < 4 {
		return false // every title word has four bytes or more
	}
	tok := src[start:end]
	k := binary.LittleEndian.Uint32(src[end-4 : end])
	if k&0x80808080 != 0 {
		// Lower-cased, the last four bytes stay above ASCII, unlike a
		// title word's, unless a capital folds to ASCII.
		return foldsToASCII(tok) && e.lowerEndsWithTitle(tok)
	}
	k |= foldCase
	slot := k * e.mul >> 26
	if e.keys[slot] != k {
		return false
	}
	for _, w := range e.word[slot] {
		if len(tok) >= len(w) && asciiEqualFold(tok[len(tok)-len(w):], w) {
			return true
		}
	}
	return foldsToASCII(tok) && e.lowerEndsWithTitle(tok)
}

// quick is mayEnd's first test, on a token's last four bytes: false when
// they are ASCII and, case folded, end no title word. It is meant to be
// inlined into the loop over a document's words (mayEnd is not).
func (e *titleEnds) quick(last4 uint32) bool {
	k := last4 | foldCase
	return last4&0x80808080 != 0 || e.keys[k*e.mul>>26] == k
}

// foldsToASCII reports whether b holds a character that strings.ToLower
// turns into an ASCII letter: U+0130 (to "i") or the Kelvin sign (to "k").
// Every other non-ASCII character stays non-ASCII.
func foldsToASCII(b []byte) bool {
	for i := 0; i+1 < len(b); i++ {
		switch {
		case b[i] == 0xc4 && b[i+1] == 0xb0:
			return true
		case b[i] == 0xe2 && i+2 < len(b) && b[i+1] == 0x84 && b[i+2] == 0xaa:
			return true
		}
	}
	return false
}

// lowerEndsWithTitle is mayEnd's exact test for the rare token with a
// capital that lower-cases to ASCII.
func (e *titleEnds) lowerEndsWithTitle(tok []byte) bool {
	lower := strings.ToLower(string(tok))
	for _, ws := range e.word {
		for _, w := range ws {
			if strings.HasSuffix(lower, w) {
				return true
			}
		}
	}
	return false
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
