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

// TestRecycleReusesWithoutMixingDocuments builds documents one after the
// other from recycled ones, longer and shorter by turns, and checks that
// each gets the lines, blocks and tokens of a fresh build.
func TestRecycleReusesWithoutMixingDocuments(t *testing.T) {
	texts := []string{
		"# A heading\n\nA paragraph with words. And a second sentence.\n\n- one\n- two\n\n[1] A note.\n",
		"Short.\n",
		"",
		"Title Line\n\n> quoted text here\n\n```\ncode\n```\n\n| a | b |\n|---|---|\n\n***\n\nLast paragraph, longer than the others were, with 3 numbers: 1, 2 and 3.\n",
		"\n\n\n",
		"One more.\r\nWith CRLF lines.\r\n",
	}
	for round := range 2 {
		for _, text := range texts {
			d := New("recycled", []byte(text), Meta{}) // takes the recycled slices
			fresh := New("fresh", []byte(text), Meta{})
			if !slices.Equal(d.Lines, fresh.Lines) {
				t.Errorf("round %d %q: lines %v, want %v", round, text, d.Lines, fresh.Lines)
			}
			if !slices.Equal(d.Blocks, fresh.Blocks) {
				t.Errorf("round %d %q: blocks %+v, want %+v", round, text, d.Blocks, fresh.Blocks)
			}
			if !slices.Equal(d.Tokens(), fresh.Tokens()) || !slices.Equal(d.Sentences(), fresh.Sentences()) {
				t.Errorf("round %d %q: tokens or sentences differ from a fresh build", round, text)
			}
			d.Recycle()
		}
	}
}
