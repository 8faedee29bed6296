package boilerplate

import (
	"bytes"
	"math/rand"
	"testing"
)

// TestTrimBlanksMatchBytes checks the byte-wise trims against the bytes
// package on lines built from blanks, marks, the bytes of a no-break
// space apart and together, other runes and invalid bytes.
func TestTrimBlanksMatchBytes(t *testing.T) {
	pieces := []string{" ", "\t", "\u00a0", "*", "_", "a", ".", "\xc2", "\xa0", "\xe2\x80\xa0", "\u2019", "é", "\xff", "\xc2\xc2", "\n"}
	rng := rand.New(rand.NewSource(4))
	for range 50000 {
		var b []byte
		for range rng.Intn(9) {
			b = append(b, pieces[rng.Intn(len(pieces))]...)
		}
		if got, want := trimRightBlanks(b, false), bytes.TrimRight(b, " \t\u00a0"); !bytes.Equal(got, want) {
			t.Fatalf("trimRightBlanks(%q) = %q, want %q", b, got, want)
		}
		if got, want := trimRightBlanks(b, true), bytes.TrimRight(b, " \t\u00a0*_"); !bytes.Equal(got, want) {
			t.Fatalf("trimRightBlanks(%q, marks) = %q, want %q", b, got, want)
		}
		if got, want := trimLeftBlanks(b), bytes.TrimLeft(b, " \t\u00a0"); !bytes.Equal(got, want) {
			t.Fatalf("trimLeftBlanks(%q) = %q, want %q", b, got, want)
		}
	}
}
