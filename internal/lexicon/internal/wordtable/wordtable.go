// Package wordtable is the lexicon's word set: a hash table of 32-bit
// fingerprints that the generator builds from the word list and package
// lexicon embeds ready-made. It lives apart from lexicon so that the
// generator can build the tables without compiling the tables it is about
// to replace.
//
// A slot holds 25 bits of the word's hash (bits the slot index does not
// use) and, in the low seven bits, the level (10 ... 80, never 0, so 0
// marks an empty slot): 2 MB for the whole list, a fifth of a map of
// strings, and one cache line per lookup, which matters when every token
// of a corpus is looked up. The embedded form is the slots as
// little-endian bytes, read in place: a process pays nothing to load it;
// the pages its lookups touch are mapped in on first touch.
//
// A word that is not in the list matches a fingerprint on its probe path
// with probability about 2^-24 per lookup: the lexicon then calls a
// non-word a word. Rules mostly use that answer to stay quiet ("a word,
// leave it alone"); where it could start a finding, one lookup in sixteen
// million is far below the list's own gaps.
package wordtable

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"strconv"
)

const levelBits = 0x7f

// Table sizes in slots (powers of two): the load stays near one half, so
// probe paths are short.
const (
	AllSlots      = 1 << 19
	FrequentSlots = 1 << 17
)

// FrequentLevel is the highest level kept in the frequent table.
const FrequentLevel = 35

// Table is a built table read in place.
type Table struct {
	slots string // little-endian uint32 slots
	mask  uint64
}

// Of wraps an embedded table without reading its bytes. It reports false
// when the size is not a power of two slots.
func Of(slots string) (Table, bool) {
	n := len(slots) / 4
	if n == 0 || n&(n-1) != 0 || len(slots)%4 != 0 {
		return Table{}, false
	}
	return Table{slots: slots, mask: uint64(n - 1)}, true
}

// Hash mixes the bytes of a word into 64 bits: eight bytes at a time, then
// a final avalanche (the splitmix64 finaliser), so that both the low bits
// (the slot) and the high bits (the fingerprint) are well spread.
//
// The last one to seven bytes are read as one eight-byte load when the
// slice has the room (a token inside its document, a string's bytes in a
// conversion buffer), the bytes past its end masked off: most words are
// shorter than eight bytes, and the byte loop was half the cost of a
// hash.
func Hash(b []byte) uint64 {
	h := uint64(len(b)) * 0x9e3779b97f4a7c15
	for len(b) >= 8 {
		h = (h ^ binary.LittleEndian.Uint64(b)) * 0xbf58476d1ce4e5b9
		h ^= h >> 31
		b = b[8:]
	}
	var tail uint64
	if cap(b) >= 8 {
		tail = binary.LittleEndian.Uint64(b[:8]) & (1<<(8*uint(len(b))) - 1)
	} else {
		for i, c := range b {
			tail |= uint64(c) << (8 * i)
		}
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

// slot reads slot i.
func (t Table) slot(i uint64) uint32 {
	s := t.slots[4*i : 4*i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// Level returns the word's level, or 0.
func (t Table) Level(word []byte) int { return t.LevelOf(Hash(word)) }

// LevelOf is Level for a word already hashed with Hash.
func (t Table) LevelOf(h uint64) int {
	if t.mask == 0 {
		return 0
	}
	key := fingerprint(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		v := t.slot(i)
		if v == 0 {
			return 0
		}
		if v&^levelBits == key {
			return int(v & levelBits)
		}
	}
}

// Builder fills a table's slots.
type Builder struct {
	slots []uint32
	mask  uint64
	n     int
}

// NewBuilder returns an empty table of size slots (a power of two).
func NewBuilder(size int) *Builder {
	return &Builder{slots: make([]uint32, size), mask: uint64(size - 1)}
}

// Add inserts word at level unless it is already there (the first, most
// common, level wins). It fails when the table would have no empty slot
// left, which lookups need to stop.
func (t *Builder) Add(word []byte, level uint8) error {
	if level == 0 || level > levelBits {
		return fmt.Errorf("level %d out of range", level)
	}
	h := Hash(word)
	key := fingerprint(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		v := t.slots[i]
		if v == 0 {
			if t.n+1 >= len(t.slots) {
				return fmt.Errorf("table of %d slots is full", len(t.slots))
			}
			t.slots[i] = key | uint32(level)
			t.n++
			return nil
		}
		if v&^levelBits == key {
			return nil
		}
	}
}

// Bytes returns the embedded form.
func (t *Builder) Bytes() []byte {
	out := make([]byte, 4*len(t.slots))
	for i, v := range t.slots {
		binary.LittleEndian.PutUint32(out[4*i:], v)
	}
	return out
}

// Build reads the gzip'd word list (words.txt.gz: a "#LEVEL" line opens
// each level, then its words one a line, most common level first) and
// returns the two tables package lexicon embeds: every word, and the
// everyday words (level <= FrequentLevel) again.
func Build(listGz io.Reader) (all, frequent []byte, err error) {
	zr, err := gzip.NewReader(listGz)
	if err != nil {
		return nil, nil, err
	}
	a, f := NewBuilder(AllSlots), NewBuilder(FrequentSlots)
	sc := bufio.NewScanner(zr)
	level := uint8(0)
	for line := 1; sc.Scan(); line++ {
		text := sc.Bytes()
		if len(text) > 1 && text[0] == '#' {
			n, err := strconv.Atoi(string(text[1:]))
			if err != nil || n <= 0 || n > levelBits {
				return nil, nil, fmt.Errorf("line %d: bad level line %q", line, text)
			}
			level = uint8(n)
			continue
		}
		if level == 0 {
			return nil, nil, fmt.Errorf("line %d: word %q before the first level line", line, text)
		}
		if err := a.Add(text, level); err != nil {
			return nil, nil, fmt.Errorf("line %d: %w", line, err)
		}
		if level <= FrequentLevel {
			if err := f.Add(text, level); err != nil {
				return nil, nil, fmt.Errorf("line %d: %w", line, err)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	return a.Bytes(), f.Bytes(), nil
}
