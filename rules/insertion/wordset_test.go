package insertion

import (
	"bytes"
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
