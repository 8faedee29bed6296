package document

import (
	"slices"
	"testing"
)

// TestReleaseReusesWithoutMixingDocuments builds documents one after the
// other, releasing each, and checks that every document gets the tokens
// and sentences of a fresh build, and that a released document computes
// its own again when asked.
func TestReleaseReusesWithoutMixingDocuments(t *testing.T) {
	texts := []string{
		"The first document. It has two sentences and eleven tokens or so.\n",
		"Short one.\n",
		"A third, longer document: with 3 numbers, 42 and 7, and co-chaired words.\n\nAnother paragraph here. And one more sentence!\n",
		"",
		"Last.\n",
	}
	var prev *Document
	for _, text := range texts {
		fresh := New("fresh", []byte(text), Meta{})
		wantToks := slices.Clone(fresh.Tokens())
		wantSents := slices.Clone(fresh.Sentences())

		d := New("reused", []byte(text), Meta{})
		if got := d.Tokens(); !slices.Equal(got, wantToks) {
			t.Errorf("%q: tokens %v, want %v", text, got, wantToks)
		}
		if got := d.Sentences(); !slices.Equal(got, wantSents) {
			t.Errorf("%q: sentences %v, want %v", text, got, wantSents)
		}
		if prev != nil {
			// The previous document was released; asked again, it
			// recomputes rather than reading another document's slices.
			again := New("again", prev.Src, Meta{})
			if got := prev.Tokens(); !slices.Equal(got, again.Tokens()) {
				t.Errorf("released %q: tokens %v, want %v", prev.Src, got, again.Tokens())
			}
			if got := prev.Sentences(); !slices.Equal(got, again.Sentences()) {
				t.Errorf("released %q: sentences %v, want %v", prev.Src, got, again.Sentences())
			}
			prev.Release()
		}
		d.Release()
		prev = d
	}
}
