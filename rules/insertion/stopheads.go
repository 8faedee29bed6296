package insertion

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// stopHeads holds the short stop words as a text spells them (lower case,
// capitalised, with a straight or curly apostrophe), so that countTerms
// drops them before it hashes them and looks them up in the document's
// surface table: they are a third of the word tokens, and every one of
// them is no term anyway. Only forms whose TermKey is "" enter the set, so
// dropping a token the set holds changes no count.
var stopHeads = newHeadSet(stopForms())

// stopForms lists the spellings of the stop words of three to eight bytes
// whose TermKey is "".
func stopForms() []string {
	var forms []string
	for w := range stopWords {
		for _, f := range []string{w, capitalise(w)} {
			for _, g := range []string{f, strings.ReplaceAll(f, "'", "\u2019")} {
				if len(g) >= 3 && len(g) <= 8 && TermKey(g) == "" && !strings.ContainsRune(g, 0) {
					forms = append(forms, g)
				}
			}
		}
	}
	return forms
}

// capitalise upper-cases a word's first letter.
func capitalise(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

// headSet is a set of words of up to eight bytes, none holding a NUL
// byte, each kept as its wordHead: an open-addressing table of heads that
// fits in the first-level cache.
type headSet struct {
	slots []uint64 // 0: empty
	shift uint
}

func newHeadSet(words []string) headSet {
	size := 64
	for size < 2*len(words) {
		size *= 2
	}
	s := headSet{slots: make([]uint64, size), shift: uint(64 - bits.TrailingZeros(uint(size)))}
	for _, w := range words {
		head := wordHead([]byte(w))
		i := s.slot(head)
		for s.slots[i] != 0 && s.slots[i] != head {
			i = (i + 1) & uint64(len(s.slots)-1)
		}
		s.slots[i] = head
	}
	return s
}

func (s *headSet) slot(head uint64) uint64 {
	return (head * 0x9E3779B97F4A7C15) >> s.shift
}

// holds reports whether src[start:start+n], n from 1 to 8, is in the set.
// A head equal to a word's matches a span of that word's length only: the
// set's words hold no NUL byte, so their last byte is the head's highest
// non-zero one, while a longer span with the same head would end in NUL
// bytes.
func (s *headSet) holds(src []byte, start, n int) bool {
	var head uint64
	if start+8 <= len(src) {
		head = binary.LittleEndian.Uint64(src[start:]) & (1<<(8*uint(n)) - 1)
	} else {
		head = wordHead(src[start : start+n])
	}
	return s.holdsHead(head, n)
}

// holdsHead is holds for a span of n bytes whose wordHead is head.
func (s *headSet) holdsHead(head uint64, n int) bool {
	mask := uint64(len(s.slots) - 1)
	for i := s.slot(head); s.slots[i] != 0; i = (i + 1) & mask {
		if s.slots[i] == head {
			return bits.Len64(head) > 8*(n-1)
		}
	}
	return false
}
