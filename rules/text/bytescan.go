package text

import (
	"encoding/binary"
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
	for ; i+8 <= len(b); i += 8 {
		if binary.LittleEndian.Uint64(b[i:])&highs != 0 {
			break
		}
	}
	for ; i < len(b); i++ {
		if b[i] >= utf8.RuneSelf {
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
func firstSuspect(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		// A byte below 0x20 turns its high bit on in w-0x2020..; a byte at
		// or above 0x7f has it on already or turns it on in w+0x0101..
		// Borrows and carries between bytes start only at such a byte,
		// so a clean word is never flagged; a flagged word (often only a
		// tab or the newline) is looked at byte by byte.
		if ((w-0x2020202020202020)|(w+lows)|w)&highs != 0 {
			if k := firstSuspectByte(b[i : i+8]); k < 8 {
				return i + k
			}
		}
	}
	return i + firstSuspectByte(b[i:])
}

func firstSuspectByte(b []byte) int {
	for k, c := range b {
		if c >= 0x7f || c < 0x20 && c != '\t' && c != '\n' {
			return k
		}
	}
	return len(b)
}
