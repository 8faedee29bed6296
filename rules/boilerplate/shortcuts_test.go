package boilerplate

import (
	"slices"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// The analysis' shortcuts give what the plain computation gives, on the
// seeds and (when ../shared is present) the WCXB dev pages and truth texts.

func shortcutDocs(t *testing.T) []*document.Document {
	t.Helper()
	var docs []*document.Document
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		_, text := ruletest.Seed(t, n)
		docs = append(docs, document.New("seed.txt", []byte(text), document.Meta{}))
	}
	docs = append(docs, document.New("mixed.txt", []byte("1. A numbered paragraph of words.\n\n- item one\n- item two\n\n> quoted line\n\nPlain line\nsecond line of it\n"), document.Meta{}))
	if !testing.Short() {
		for _, kind := range []string{"pages", "truth"} {
			d, _ := ruletest.WCXBDocs(t, kind, document.Meta{})
			docs = append(docs, d...)
		}
	}
	return docs
}

// A candidate's tokens, taken from its block's when the block is the
// line, are its line's (TokensIn).
func TestCandidateTokensAreTheLines(t *testing.T) {
	reused := 0
	for _, d := range shortcutDocs(t) {
		a := newAnalysis(d)
		for _, c := range a.cands {
			l, b := d.Lines[c.line], d.Blocks[c.block]
			if want := d.TokensIn(l.Start, l.End); !slices.Equal(c.tokens, want) {
				t.Fatalf("%s line %d: tokens %v, want %v", d.Path, c.line, c.tokens, want)
			}
			if b.ContentStart == l.Start && b.End == l.End {
				reused++
			}
		}
	}
	if reused < 10 {
		t.Errorf("only %d candidates took their block's tokens", reused)
	}
}

// The block-token scratch holds no tokens once the analysis is done.
func TestBlockTokenScratchCleared(t *testing.T) {
	d := shortcutDocs(t)[0]
	newAnalysis(d)
	s := pendingLines.Get().(*pendingScratch)
	defer pendingLines.Put(s)
	for i, toks := range s.blockToks[:cap(s.blockToks)] {
		if toks != nil {
			t.Fatalf("block %d's tokens kept in the pooled scratch", i)
		}
	}
}
