package lexicon

import "encoding/binary"

// wordTable is a set of words with their levels, stored as 32-bit
// fingerprints in one open-addressing array: 2 MB for the whole list, a
// fifth of a map of strings, and one cache line per lookup, which matters
// when every token of a corpus is looked up. A slot holds 25 bits of the
// word's hash (bits the slot index does not use) and, in the low seven
// bits, the level (10 ... 80, never 0, so 0 marks an empty slot).
//
// A word that is not in the list matches a fingerprint on its probe path
// with probability about 2^-24 per lookup: the lexicon then calls a
// non-word a word. Rules mostly use that answer to stay quiet ("a word,
// leave it alone"); where it could start a finding, one lookup in sixteen
// million is far below the list's own gaps.
type wordTable struct {
	slots []uint32
	mask  uint64
}

const levelBits = 0x7f

func newWordTable(size int) *wordTable {
	return &wordTable{slots: make([]uint32, size), mask: uint64(size - 1)}
}

// hashWord mixes the bytes of a word into 64 bits: eight bytes at a time,
// then a final avalanche (the splitmix64 finaliser), so that both the low
// bits (the slot) and the high bits (the fingerprint) are well spread.
func hashWord(b []byte) uint64 {
	h := uint64(len(b)) * 0x9e3779b97f4a7c15
	for len(b) >= 8 {
		h = (h ^ binary.LittleEndian.Uint64(b)) * 0xbf58476d1ce4e5b9
		h ^= h >> 31
		b = b[8:]
	}
	var tail uint64
	for i, c := range b {
		tail |= uint64(c) << (8 * i)
	}
	h = (h ^ tail) * 0x94d049bb133111eb
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

func fingerprint(h uint64) uint32 { return uint32(h>>39) << 7 }

// add inserts word at level unless it is already there (the first, most
// common, level wins).
func (t *wordTable) add(word []byte, level uint8) {
	h := hashWord(word)
	key := fingerprint(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		v := t.slots[i]
		if v == 0 {
			t.slots[i] = key | uint32(level)
			return
		}
		if v&^levelBits == key {
			return
		}
	}
}

// level returns the word's level, or 0.
func (t *wordTable) level(word []byte) int { return t.levelOf(hashWord(word)) }

// levelOf is level for a word already hashed with hashWord.
func (t *wordTable) levelOf(h uint64) int {
	key := fingerprint(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		v := t.slots[i]
		if v == 0 {
			return 0
		}
		if v&^levelBits == key {
			return int(v & levelBits)
		}
	}
}
