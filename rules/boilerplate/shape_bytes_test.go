package boilerplate

import (
	"bytes"
	"testing"

	"github.com/dochygiene/hygiene/internal/shareddata"
)

// TestQuestionAndPhoneOnWCXB holds endsQuestion to the TrimRight it
// replaced and phoneLike (which rejects a text too short for nine digits
// first) to its reference, on crafted edges and every line of the WCXB
// dev pages and truth texts, whole, cut to 12 bytes and trimmed.
func TestQuestionAndPhoneOnWCXB(t *testing.T) {
	lines := []string{"", "?", " ?", "? ", "a?\u201d", "a?\u201d) '\"", "a\u201d", "\u201d", "\xe2\x80?", "\x80\x9d",
		"?\xe2\x80\x9d", "?\xf0\xe2\x80\x9d", "?\xe2\x9d", "why?)\u201d \u201d", "Is it? \u2019", "12345678", "123456789",
		" 12345678 ", "+33 1 23 45 67 89", "(555) 123-4567"}
	more, _ := shareddata.WCXBLines("pages", "truth") // none without ../shared
	lines = append(lines, more...)
	for _, l := range lines {
		b := []byte(l)
		for _, text := range [][]byte{b, b[:min(len(b), 12)], bytes.TrimSpace(b)} {
			if got, want := endsQuestion(text), bytes.HasSuffix(bytes.TrimRight(text, " \"'\u201d)"), []byte("?")); got != want {
				t.Fatalf("endsQuestion(%q) = %v, want %v", text, got, want)
			}
			if got, want := phoneLike(text), phoneLikeReference(text); got != want {
				t.Fatalf("phoneLike(%q) = %v, want %v", text, got, want)
			}
		}
	}
}
