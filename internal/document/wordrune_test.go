package document

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestIsWordRuneMatchesUnicodeClasses holds isWordRune, with its shortcut
// for the General Punctuation block, to the classes it stands for, over
// every rune: a later Unicode version that put a letter in that block
// would fail here.
func TestIsWordRuneMatchesUnicodeClasses(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		want := r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
		if got := isWordRune(r); got != want {
			t.Fatalf("isWordRune(%U) = %v, want %v", r, got, want)
		}
	}
	for _, r := range []rune{'\u2019', '\u201c', '\u2014', '\u2026', '\u00a0'} {
		if isWordRune(r) {
			t.Errorf("isWordRune(%U) = true for punctuation or space", r)
		}
	}
	for _, r := range []rune{'é', 'ß', 'Ж', '٣', '\u0301'} {
		if !isWordRune(r) {
			t.Errorf("isWordRune(%U) = false for a letter, digit or mark", r)
		}
	}
}
