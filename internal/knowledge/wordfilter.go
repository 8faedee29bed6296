package knowledge

import "encoding/binary"

// WordFilter answers "certainly not one of these words" for a word as
// written, in any case, without folding it or allocating: rules that look
// up every token of a document (is this word a known surname?) ask it
// first and do the exact, folding lookup only for the few words it lets
// through. It is a bit set over a hash of the word's bytes with ASCII case
// ignored; words with non-ASCII bytes always pass (their folded form may
// differ), as do hash collisions.
type WordFilter struct {
	bits [filterWords]uint64
}

const filterWords = 1 << 10 // 64 Kbit, 8 KB: stays in cache

// Add puts a folded word (see Fold) in the filter. Non-ASCII words need
// no entry: MayHold lets every non-ASCII word through.
func (f *WordFilter) Add(folded string) {
	if h, ok := wordHash([]byte(folded)); ok {
		f.bits[h/64] |= 1 << (h % 64)
	}
}

// MayHold reports whether Fold(w) may be one of the added words. A false
// answer is certain. A word of up to 8 bytes inside a longer buffer (a
// token of a document) is read with one load.
func (f *WordFilter) MayHold(w []byte) bool {
	if len(w) > 8 || cap(w) < 8 {
		return f.mayHoldFolded(w)
	}
	x := binary.LittleEndian.Uint64(w[:8]) & lowBytes[len(w)]
	if x&highBits != 0 {
		return f.mayHoldFolded(w)
	}
	return f.has(shortHash(x, len(w)))
}

// mayHoldFolded is MayHold for any word: it reads a word of ASCII and
// curly apostrophes (which Fold straightens) as its folded form and lets
// other non-ASCII words through.
func (f *WordFilter) mayHoldFolded(w []byte) bool {
	if h, ok := wordHash(w); ok {
		return f.has(h)
	}
	var buf [64]byte
	folded, ok := appendApostrophes(buf[:0], w)
	if !ok {
		return true
	}
	h, _ := wordHash(folded)
	return f.has(h)
}

func (f *WordFilter) has(h uint32) bool { return f.bits[h/64]&(1<<(h%64)) != 0 }

const (
	highBits  = 0x8080808080808080
	caseBits  = 0x2020202020202020
	mixFirst  = 0x9e3779b97f4a7c15
	mixSecond = 0xc2b2ae3d27d4eb4f
)

// lowBytes[n] masks the n low bytes of a word.
var lowBytes = [9]uint64{0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff, 0xffffffffffff, 0xffffffffffffff, 0xffffffffffffffff}

// wordHash hashes a word with ASCII case ignored, as a 16-bit filter
// index, and reports false for a word with a non-ASCII byte. It sets bit
// 0x20 of every byte, which lower-cases ASCII letters and leaves digits,
// hyphens and apostrophes (the other bytes of a word token) as they are:
// "Merz" and "merz" hash alike. A word is read as one or two 64-bit words
// (its first and last 8 bytes), which keeps the cost per token at a few
// instructions.
func wordHash(w []byte) (uint32, bool) {
	n := len(w)
	if n <= 8 {
		var x uint64
		for i, c := range w {
			x |= uint64(c) << (8 * i)
		}
		if x&highBits != 0 {
			return 0, false
		}
		return shortHash(x, n), true
	}
	if n > 16 {
		for _, c := range w[8 : n-8] {
			if c >= 0x80 {
				return 0, false
			}
		}
	}
	a := binary.LittleEndian.Uint64(w)
	b := binary.LittleEndian.Uint64(w[n-8:])
	if (a|b)&highBits != 0 {
		return 0, false
	}
	h := ((a|caseBits)*mixFirst ^ (b | caseBits) ^ uint64(n)) * mixSecond
	return uint32(h >> 48), true
}

// shortHash hashes a word of n <= 8 ASCII bytes held in x.
func shortHash(x uint64, n int) uint32 {
	h := ((x | caseBits&lowBytes[n]) ^ uint64(n)<<59) * mixFirst
	return uint32((h ^ h>>29) * mixSecond >> 48)
}

// appendApostrophes appends w with each curly apostrophe (U+2019)
// straightened, and reports false when w holds any other non-ASCII byte.
func appendApostrophes(dst, w []byte) ([]byte, bool) {
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c < 0x80:
			dst = append(dst, c)
		case c == 0xe2 && i+2 < len(w) && w[i+1] == 0x80 && w[i+2] == 0x99:
			dst = append(dst, '\'')
			i += 2
		default:
			return dst, false
		}
	}
	return dst, true
}
