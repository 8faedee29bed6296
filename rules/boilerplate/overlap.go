package boilerplate

import (
	"github.com/dochygiene/hygiene/internal/document"
)

// Body overlap: how many of a line's content words the article's main
// body also uses. A headline, a subheading or a caption shares words with
// the article it stands in; a menu item, a teaser for another article or
// a sign-up prompt mostly does not. The evidence needs no word list, so it
// works in any language.

// overlapMinBytes is the shortest word counted (shorter ones are mostly
// function words, numbers or initials).
const overlapMinBytes = 4

// bodyVocabulary returns the hashes of the content words in the body's
// good blocks, computed once per document.
func (a *analysis) bodyVocabulary() *hashSet {
	a.vocabOnce.Do(func() {
		if a.bodyFirst < 0 {
			return
		}
		var hashes []uint64
		for bi := a.bodyFirst; bi <= a.bodyLast; bi++ {
			if !a.blocks[bi].good {
				continue
			}
			b := a.doc.Blocks[bi]
			// Function words may go in: a line's are never looked up.
			for _, t := range a.doc.TokensIn(b.Start, b.End) {
				if t.Kind == document.Word && t.End-t.Start >= overlapMinBytes {
					hashes = append(hashes, foldHash(a.doc.Src[t.Start:t.End]))
				}
			}
		}
		a.vocab = newHashSet(hashes)
	})
	return a.vocab
}

// bodyOverlap returns the share of the line's content words found in the
// body, and -1 for a line without content words or a document without a
// body.
func (a *analysis) bodyOverlap(line int) float32 {
	vocab := a.bodyVocabulary()
	if vocab == nil {
		return -1
	}
	l := a.doc.Lines[line]
	words, found := 0, 0
	for _, t := range a.doc.TokensIn(l.Start, l.End) {
		w := a.doc.Src[t.Start:t.End]
		if !contentWord(t, w) {
			continue
		}
		words++
		if vocab.has(foldHash(w)) {
			found++
		}
	}
	if words == 0 {
		return -1
	}
	return float32(found) / float32(words)
}

// hashSet is a set of non-zero 64-bit hashes in one open-addressing
// table: built once per document from a few thousand words, it costs far
// less than a map.
type hashSet struct {
	slots []uint64
	mask  uint64
}

func newHashSet(hashes []uint64) *hashSet {
	size := 16
	for size < 2*len(hashes) {
		size *= 2
	}
	s := &hashSet{slots: make([]uint64, size), mask: uint64(size - 1)}
	for _, h := range hashes {
		h |= 1 // 0 marks an empty slot
		i := h & s.mask
		for s.slots[i] != 0 && s.slots[i] != h {
			i = (i + 1) & s.mask
		}
		s.slots[i] = h
	}
	return s
}

func (s *hashSet) has(h uint64) bool {
	h |= 1
	for i := h & s.mask; s.slots[i] != 0; i = (i + 1) & s.mask {
		if s.slots[i] == h {
			return true
		}
	}
	return false
}

// contentWord reports a word token long enough to carry meaning and not a
// function word.
func contentWord(t document.Token, w []byte) bool {
	return t.Kind == document.Word && len(w) >= overlapMinBytes && !isStopWord(w)
}

// foldHash hashes a word with ASCII letters lower-cased (FNV-1a).
func foldHash(w []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range w {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}
