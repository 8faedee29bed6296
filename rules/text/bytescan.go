package text

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
)

// This file holds the byte scans several text rules start with: most lines
// of a corpus are plain printable ASCII and hold nothing for the rules
// about encodings, invisible characters and normalisation, so those rules
// skip them eight bytes at a time.

const (
	lows  = 0x0101010101010101
	highs = 0x8080808080808080
)

// firstNonASCII returns the index of the first byte of b at or above 0x80,
// or len(b).
func firstNonASCII(b []byte) int {
	i := 0
	for ; i+32 <= len(b); i += 32 {
		c := (*[32]byte)(b[i : i+32]) // one bounds check for the four loads
		w := binary.LittleEndian.Uint64(c[0:]) | binary.LittleEndian.Uint64(c[8:]) |
			binary.LittleEndian.Uint64(c[16:]) | binary.LittleEndian.Uint64(c[24:])
		if w&highs != 0 {
			break // the eight-byte steps below find where
		}
	}
	for ; i+8 <= len(b); i += 8 {
		if m := binary.LittleEndian.Uint64(b[i:]) & highs; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(b); i++ {
		if b[i] >= utf8.RuneSelf {
			return i
		}
	}
	return i
}

// firstASCII returns the index of the first byte of b below 0x80, or
// len(b).
func firstASCII(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if m := ^binary.LittleEndian.Uint64(b[i:]) & highs; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(b); i++ {
		if b[i] < utf8.RuneSelf {
			return i
		}
	}
	return i
}

// hasSuspectByte reports whether b holds a byte other than printable
// ASCII, tab and newline: a control character, DEL or any byte of a
// non-ASCII character.
func hasSuspectByte(b []byte) bool { return firstSuspect(b) < len(b) }

// firstSuspect returns the index of the first byte of b that is not
// printable ASCII, tab or newline, or len(b).
//
// Thirty-two bytes are tested at once with a test that flags every
// suspect byte and also tabs and newlines (and may flag a byte after
// one): a clean run, most of a text, costs a few steps per 32 bytes. A
// flagged step is tested again eight bytes at a time, exactly (the
// newline that ends every line would otherwise send a step in five to a
// byte-by-byte look).
func firstSuspect(b []byte) int {
	i := 0
	for ; i+32 <= len(b); i += 32 {
		c := (*[32]byte)(b[i : i+32]) // one bounds check for the four loads
		w0 := binary.LittleEndian.Uint64(c[0:])
		w1 := binary.LittleEndian.Uint64(c[8:])
		w2 := binary.LittleEndian.Uint64(c[16:])
		w3 := binary.LittleEndian.Uint64(c[24:])
		q0, q1, q2, q3 := maySuspect(w0)&highs, maySuspect(w1)&highs, maySuspect(w2)&highs, maySuspect(w3)&highs
		if q0|q1|q2|q3 == 0 {
			continue
		}
		// Most flagged steps hold a newline and no suspect byte: only
		// the eight bytes the quick test flagged are tested exactly.
		if q0 != 0 {
			if m := suspectLanes(w0); m != 0 {
				return i + bits.TrailingZeros64(m)/8
			}
		}
		if q1 != 0 {
			if m := suspectLanes(w1); m != 0 {
				return i + 8 + bits.TrailingZeros64(m)/8
			}
		}
		if q2 != 0 {
			if m := suspectLanes(w2); m != 0 {
				return i + 16 + bits.TrailingZeros64(m)/8
			}
		}
		if q3 != 0 {
			if m := suspectLanes(w3); m != 0 {
				return i + 24 + bits.TrailingZeros64(m)/8
			}
		}
	}
	for ; i+8 <= len(b); i += 8 {
		if m := suspectLanes(binary.LittleEndian.Uint64(b[i:])); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	return i + firstSuspectByte(b[i:])
}

// maySuspect sets the high bit of the lanes of w whose byte is below 0x20
// or at or above 0x7f, and may set it in lanes after such a byte (a
// borrow or carry runs on): the other bits are noise for the caller to
// mask. A byte below 0x20 turns its high bit on in w-0x2020..; one at or
// above 0x7f has it on already or turns it on in w+0x0101...
func maySuspect(w uint64) uint64 { return (w - 0x2020202020202020) | (w + lows) | w }

// suspectLanes returns the high bits of exactly the lanes of w holding a
// suspect byte. Each test adds to the low seven bits of a lane at most
// what keeps them below the lane's high bit, so nothing carries into the
// next lane.
func suspectLanes(w uint64) uint64 {
	const sevens = 0x7f7f7f7f7f7f7f7f
	low := w & sevens
	control := ^(low + 0x6060606060606060) // below 0x20 in the low seven bits
	del := low + lows                      // 0x7f in the low seven bits
	tab := low ^ 0x0909090909090909
	newline := low ^ 0x0a0a0a0a0a0a0a0a
	notTab := tab + sevens // a lane differing from a tab
	notNewline := newline + sevens
	return (w | control&notTab&notNewline | del) & highs
}

func firstSuspectByte(b []byte) int {
	for k, c := range b {
		if c >= 0x7f || c < 0x20 && c != '\t' && c != '\n' {
			return k
		}
	}
	return len(b)
}
