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

// TestNormaliseProseMatchesReference checks appendNormal's eight-byte
// path against the reference on prose-like lines: words of letters in
// both cases and single spaces, with now and then two spaces, digits,
// punctuation, a tag, a multi-byte letter or an invalid byte at every
// place of a pack, and on every line of the feature test pages.
func TestNormaliseProseMatchesReference(t *testing.T) {
	words := []string{"the", "Quick", "BROWN", "fox", "jumps", "over", "a", "lazyDog", "Zebra", "xylophones", "mz", "AZ", "az"}
	odd := []string{"  ", "7", "42", ",", ".", "'", "&", "@", "<b>", "<", "é", "É", "\xff", "\u2019", "\t", "-", "`", "{", "[", "^"}
	rng := rand.New(rand.NewSource(8))
	var lines [][]byte
	for range 20000 {
		var b []byte
		for range rng.Intn(12) {
			if rng.Intn(6) == 0 {
				b = append(b, odd[rng.Intn(len(odd))]...)
			} else {
				b = append(b, words[rng.Intn(len(words))]...)
			}
			if rng.Intn(4) != 0 {
				b = append(b, ' ')
			}
		}
		lines = append(lines, b)
	}
	for _, doc := range featureTestDocs(t) {
		for _, l := range doc.Lines {
			lines = append(lines, bytes.TrimSpace(doc.Src[l.Start:l.End]))
		}
	}
	buf := make([]byte, 0, 16)
	for _, l := range lines {
		want := normaliseReference(l)
		if got := appendNormal(buf[:0], l); string(got) != want {
			t.Fatalf("appendNormal(%q) = %q, want %q", l, got, want)
		}
		if got := appendNormal([]byte("x "), l); string(got) != "x "+want {
			t.Fatalf("appendNormal(%q) after a prefix = %q, want %q", l, got, "x "+want)
		}
	}
}
