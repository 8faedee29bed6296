package boilerplate

import (
	"slices"
	"testing"
)

// TestTokenCursorOnWCXB holds tokenCursor to doc.TokensIn for
// the spans the analysis asks in order (every block's content, every
// line, every block whole), for spans out of order, and for spans that
// start inside or at the end of the last one, on the seeds and the WCXB
// dev pages and truth texts (TestTokenCursorMatchesTokensIn: random spans
// of the seeds).
func TestTokenCursorOnWCXB(t *testing.T) {
	spans := 0
	for _, d := range overlapTestDocs(t) {
		check := func(c *tokenCursor, start, end int) {
			t.Helper()
			spans++
			if got, want := c.in(start, end), d.TokensIn(start, end); !slices.Equal(got, want) {
				t.Fatalf("%s [%d, %d): %d tokens, want %d", d.Path, start, end, len(got), len(want))
			}
		}
		blocks, lines, whole, odd := newTokenCursor(d), newTokenCursor(d), newTokenCursor(d), newTokenCursor(d)
		for bi, b := range d.Blocks {
			check(blocks, b.ContentStart, b.End)
			check(whole, b.Start, b.End)
			for i := b.FirstLine; i <= b.LastLine; i++ {
				l := d.Lines[i]
				check(lines, l.Start, l.End)
			}
			// A span from the middle of the block to its end, then one
			// back at its start (out of order), then its end alone.
			mid := (b.Start + b.End) / 2
			check(odd, mid, b.End)
			if bi%2 == 0 {
				check(odd, b.Start, mid)
			}
			check(odd, b.End, b.End+1)
		}
	}
	if spans == 0 {
		t.Fatal("no span checked")
	}
}

// TestTokenWalkOnWCXB holds tokenWalk to doc.TokensIn and wordTokens for
// the same spans as TestTokenCursorOnWCXB: every block's content (the
// analysis' walk), every block whole, every line, and spans out of order
// or starting inside the last one, on the seeds and the WCXB dev pages and
// truth texts.
func TestTokenWalkOnWCXB(t *testing.T) {
	spans := 0
	for _, d := range overlapTestDocs(t) {
		check := func(w *tokenWalk, start, end int) {
			t.Helper()
			spans++
			got, words := w.in(start, end)
			want := d.TokensIn(start, end)
			if !slices.Equal(got, want) || words != wordTokens(want) {
				t.Fatalf("%s [%d, %d): %d tokens, %d words, want %d, %d", d.Path, start, end, len(got), words, len(want), wordTokens(want))
			}
		}
		walk := func() *tokenWalk { return &tokenWalk{doc: d, toks: d.Tokens()} }
		blocks, lines, whole, odd := walk(), walk(), walk(), walk()
		for bi, b := range d.Blocks {
			check(blocks, b.ContentStart, b.End)
			check(whole, b.Start, b.End)
			for i := b.FirstLine; i <= b.LastLine; i++ {
				l := d.Lines[i]
				check(lines, l.Start, l.End)
			}
			mid := (b.Start + b.End) / 2
			check(odd, mid, b.End)
			if bi%2 == 0 {
				check(odd, b.Start, mid)
			}
			check(odd, b.End, b.End+1)
		}
	}
	if spans == 0 {
		t.Fatal("no span checked")
	}
}
