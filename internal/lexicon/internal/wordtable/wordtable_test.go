package wordtable

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"
)

// referenceHash is Hash as it was before the tail was read as one load:
// the tables were built with it, so Hash must stay equal to it.
func referenceHash(b []byte) uint64 {
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

// TestHashMatchesReference hashes words of every length up to 40 inside
// buffers with and without room past their end (random bytes there, which
// must not count), and at the end of a buffer of exactly their size.
func TestHashMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		buf := make([]byte, 48)
		for i := range buf {
			buf[i] = byte(r.Uint32())
		}
		n, at := r.IntN(41), r.IntN(8)
		word := buf[at : at+n]
		exact := append([]byte(nil), word...)[:n:n]
		want := referenceHash(exact)
		for _, w := range [][]byte{word, word[:n:n], exact, word[:n:min(n+r.IntN(8), 48-at)]} {
			if got := Hash(w); got != want {
				t.Fatalf("%q (cap %d): Hash %x, want %x", w, cap(w), got, want)
			}
		}
	}
}
