package boilerplate

import (
	"slices"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
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
		cursors := [4]*tokenCursor{newTokenCursor(d), newTokenCursor(d), newTokenCursor(d), newTokenCursor(d)}
		eachTestSpan(d, func(k, start, end int) { check(cursors[k], start, end) })
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
		walks := [4]*tokenWalk{}
		for k := range walks {
			walks[k] = &tokenWalk{doc: d, toks: d.Tokens()}
		}
		eachTestSpan(d, func(k, start, end int) { check(walks[k], start, end) })
	}
	if spans == 0 {
		t.Fatal("no span checked")
	}
}

// eachTestSpan calls visit with the spans the two tests above ask of four
// cursors, k naming the cursor: every block's content (0), every block
// whole (1), every line (2), and (3) from the middle of a block to its
// end, then back at its start (out of order), then its end alone.
func eachTestSpan(d *document.Document, visit func(k, start, end int)) {
	for bi, b := range d.Blocks {
		visit(0, b.ContentStart, b.End)
		visit(1, b.Start, b.End)
		for i := b.FirstLine; i <= b.LastLine; i++ {
			l := d.Lines[i]
			visit(2, l.Start, l.End)
		}
		mid := (b.Start + b.End) / 2
		visit(3, mid, b.End)
		if bi%2 == 0 {
			visit(3, b.Start, mid)
		}
		visit(3, b.End, b.End+1)
	}
}
