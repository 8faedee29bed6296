package boilerplate

import (
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// asciiLowerString is the word as foldHash reads it: ASCII capitals
// lower-cased, every other byte as it is.
func asciiLowerString(w []byte) string {
	b := []byte(string(w))
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// bodyOverlapsReference is bodyOverlaps with the words compared as
// strings: no hashes, no first-byte filter.
func bodyOverlapsReference(a *analysis, want []bool) []float32 {
	out := make([]float32, len(a.cands))
	if a.bodyFirst < 0 {
		for ci := range out {
			out[ci] = -1
		}
		return out
	}
	inBody := map[string]bool{}
	cursor := newTokenCursor(a.doc)
	for bi := a.bodyFirst; bi <= a.bodyLast; bi++ {
		if !a.blocks[bi].good {
			continue
		}
		b := a.doc.Blocks[bi]
		for _, t := range cursor.in(b.Start, b.End) {
			if t.Kind == document.Word && t.End-t.Start >= overlapMinBytes {
				inBody[asciiLowerString(a.doc.Src[t.Start:t.End])] = true
			}
		}
	}
	for ci, c := range a.cands {
		if !want[ci] {
			continue
		}
		words, found := 0, 0
		for _, t := range c.tokens {
			if w := a.doc.Src[t.Start:t.End]; contentWord(t, w) {
				words++
				if inBody[asciiLowerString(w)] {
					found++
				}
			}
		}
		out[ci] = -1
		if words > 0 {
			out[ci] = float32(found) / float32(words)
		}
	}
	return out
}

// TestBodyOverlapsMatchReference holds bodyOverlaps to the string
// comparison on the seeds and (when present) the WCXB dev pages, for the
// lines the line model scores, and checks that foldHash gives the words of
// the pages (as lower-cased) no shared hash.
func TestBodyOverlapsMatchReference(t *testing.T) {
	var docs []*document.Document
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		_, text := ruletest.Seed(t, n)
		docs = append(docs, document.New(n+".txt", []byte(text), document.Meta{}))
	}
	if !testing.Short() {
		pages, _ := ruletest.WCXBDocs(t, "pages", document.Meta{})
		docs = append(docs, pages...)
	}
	seen := map[uint64]string{}
	for _, d := range docs {
		a := newAnalysis(d)
		want := make([]bool, len(a.cands))
		for ci := range a.cands {
			want[ci] = a.scoredByRule(ci)
		}
		got, ref := a.bodyOverlaps(want), bodyOverlapsReference(a, want)
		for ci := range got {
			if got[ci] != ref[ci] {
				t.Fatalf("%s line %d (%q): overlap %v, want %v", d.Path, a.cands[ci].line, a.cands[ci].text, got[ci], ref[ci])
			}
		}
		for _, tok := range d.Tokens() {
			if tok.Kind != document.Word {
				continue
			}
			w := d.Src[tok.Start:tok.End]
			h, s := foldHash(w), asciiLowerString(w)
			if other, ok := seen[h]; ok && other != s {
				t.Fatalf("foldHash(%q) = foldHash(%q)", s, other)
			}
			seen[h] = s
		}
	}
}

// TestFoldHashCases checks that foldHash lower-cases ASCII capitals only,
// at every position of words of every length to 20 bytes, sees every
// byte, and reads the same with bytes after the word (one load for the
// last pack) or none.
func TestFoldHashCases(t *testing.T) {
	for n := 1; n <= 20; n++ {
		for i := range n {
			for c := range 256 {
				w := make([]byte, n, n+8)
				for k := range w {
					w[k] = 'q'
				}
				w[i] = byte(c)
				after := w[:n+8]
				for k := n; k < n+8; k++ {
					after[k] = byte(k * 37) // text after the word
				}
				tight := append([]byte(nil), w...)[:n:n]
				lower := []byte(asciiLowerString(w))
				if foldHash(w) != foldHash(lower) || foldHash(w) != foldHash(tight) {
					t.Fatalf("foldHash(%q) differs from its lower case or its tight copy", w)
				}
				// A byte that is not an ASCII capital keeps its case bit.
				if isUpperASCII := c >= 'A' && c <= 'Z'; !isUpperASCII && c|0x20 != c {
					other := append([]byte(nil), w...)
					other[i] = byte(c | 0x20)
					if foldHash(w) == foldHash(other) {
						t.Fatalf("foldHash folds byte %#x of %q", c, w)
					}
				}
				plain := append([]byte(nil), lower...)
				plain[i] = 'q'
				if c != 'q' && c != 'Q' && foldHash(lower) == foldHash(plain) {
					t.Fatalf("foldHash misses byte %d (%#x) of %q", i, c, lower)
				}
			}
		}
	}
}
