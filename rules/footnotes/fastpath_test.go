package footnotes

import (
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/shareddata"
)

// TestSkipPlainMatchesLoop holds skipPlain's eight-byte test to the byte
// loop over refOpener, on the WCXB texts and on random texts of the bytes
// it must stop at and their neighbours.
func TestSkipPlainMatchesLoop(t *testing.T) {
	var texts [][]byte
	for _, kind := range []string{"pages", "truth"} {
		paths, _ := shareddata.WCXBFiles(kind)
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, b)
		}
	}
	pieces := []string{"a", " ", "`", "[", "<", "\\", "]", ">", "_", "{", ";", "=", "\u00b9", "\u2019", "\xff", "\x00", "\x7f", "word "}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var b strings.Builder
		for k := rng.IntN(60); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, []byte(b.String()))
	}
	for _, src := range texts {
		for i := 0; i < len(src); i += 1 + i%61 {
			got := skipPlain(src, i, len(src))
			want := i
			for want < len(src) && want+8 <= len(src) && !refOpener[src[want]] {
				want++
			}
			// skipPlain stops at an opener or where fewer than eight
			// bytes remain; the caller's loop goes on from there.
			if got > len(src) || got < i || got < len(src)-7 && got != want || slices.ContainsFunc(src[i:got], func(c byte) bool { return refOpener[c] }) {
				t.Fatalf("skipPlain(%q, %d) = %d, want %d", src[i:min(len(src), i+40)], i, got, want)
			}
		}
	}
}
