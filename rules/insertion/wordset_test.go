package insertion

import (
	"bytes"
	"fmt"
	"testing"
)

// A word too long for a slot's size field is not cached, and neither is
// one the arena has no room left for: their lookups miss (the vocabulary
// computes them again) and never return another word's ID.
func TestWordSetSkipsWhatDoesNotFit(t *testing.T) {
	var set wordSet
	set.reset()
	long := bytes.Repeat([]byte("abcdefgh"), maxSlotWord/8+1)
	set.add(hashWord(long), long, 7)
	if _, ok := set.get(hashWord(long), long); ok {
		t.Fatalf("a word of %d bytes was cached", len(long))
	}
	fits := long[:maxSlotWord]
	set.add(hashWord(fits), fits, 8)
	if id, ok := set.get(hashWord(fits), fits); !ok || id != 8 {
		t.Fatalf("a word of %d bytes: %d, %v", len(fits), id, ok)
	}
	// Fill the arena to its end: the next word does not go in.
	set.arena = append(set.arena, make([]byte, 1<<slotOffBits-3-len(set.arena))...)
	set.add(hashWord([]byte("last")), []byte("last"), 9)
	if _, ok := set.get(hashWord([]byte("last")), []byte("last")); ok {
		t.Fatal("a word past the arena's bound was cached")
	}
	set.add(hashWord([]byte("abc")), []byte("abc"), 10)
	if id, ok := set.get(hashWord([]byte("abc")), []byte("abc")); !ok || id != 10 {
		t.Fatalf("the word that fills the arena: %d, %v", id, ok)
	}
	if id, ok := set.get(hashWord(fits), fits); !ok || id != 8 {
		t.Fatalf("earlier word lost: %d, %v", id, ok)
	}
}

// A sweep keeps the words a lookup found since they were added or since
// the last sweep, with their IDs, and drops the others; the words it keeps
// are dropped by the next sweep unless found again, and words added after
// a sweep are found as before.
func TestWordSetSweep(t *testing.T) {
	var set wordSet
	set.reset()
	word := func(round, i int) []byte {
		if i%3 == 0 { // some longer than eight bytes: their ends live in the arena
			return []byte(fmt.Sprintf("longword-%d-%d", round, i))
		}
		return []byte(fmt.Sprintf("w%d.%d", round, i))
	}
	const n = 6000
	for round := range 3 {
		for i := range n {
			w := word(round, i)
			set.add(hashWord(w), w, int32(round*n+i))
		}
		// Find every fifth word of this round, and every seventh of the
		// words the last sweep kept.
		for i := 0; i < n; i += 5 {
			w := word(round, i)
			if id, ok := set.get(hashWord(w), w); !ok || id != int32(round*n+i) {
				t.Fatalf("round %d: %s -> %d, %v", round, w, id, ok)
			}
		}
		if round > 0 {
			for i := 0; i < n; i += 5 {
				if i%7 == 0 {
					w := word(round-1, i)
					set.get(hashWord(w), w)
				}
			}
		}
		set.sweep()
		want := 0
		for r := 0; r <= round; r++ {
			for i := range n {
				w := word(r, i)
				found := r == round && i%5 == 0 || r == round-1 && i%5 == 0 && i%7 == 0
				id, ok := set.get(hashWord(w), w)
				if ok != found || ok && id != int32(r*n+i) {
					t.Fatalf("round %d after the sweep: %s -> %d, %v (want found %v)", round, w, id, ok, found)
				}
				if found {
					want++
				}
			}
		}
		if set.len() != want {
			t.Fatalf("round %d: %d words kept, want %d", round, set.len(), want)
		}
		// The lookups above found the kept words again: a sweep keeps
		// them all and leaves them unmarked, as the next round expects.
		set.sweep()
		if set.len() != want {
			t.Fatalf("round %d: %d words kept by the second sweep, want %d", round, set.len(), want)
		}
	}
}
