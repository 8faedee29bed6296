package text

import (
	"math/rand/v2"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
)

// The shared line classes must say what the scans they replace said:
// hasSuspectByte over a line with its terminator (text/encoding), a byte
// above ASCII inside the line (text/whitespace's scanLine), and for a
// block, a byte above ASCII between its start and end (text/normalization).
func TestLineClassesMatchScans(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 8))
	texts := []string{"", "\n", "a\r\nb\r\n", "caf\u00e9\n\n\u00a0\nx\ty\n", "# T\n\n- \u201cq\u201d\n- b\x00\n\n```\n\u00e9\n```\n"}
	for range 3000 {
		texts = append(texts, string(randomBytes(r, r.IntN(200))))
	}
	// Mostly clean texts, whose suspect bytes lie far apart.
	for range 3000 {
		b := randomBytes(r, r.IntN(400))
		for i := range b {
			if r.IntN(20) > 0 {
				b[i] = "ab .\n"[r.IntN(5)]
			}
		}
		texts = append(texts, string(b))
	}
	for _, b := range acronymTexts(t)[:5] {
		texts = append(texts, string(b)) // the seeds
	}
	if !testing.Short() {
		for _, b := range acronymTexts(t) {
			texts = append(texts, string(b)) // and the WCXB texts
		}
	}
	for _, text := range texts {
		doc := document.New("t.md", []byte(text), document.Meta{})
		classes := classifyLines(doc)
		for i, l := range doc.Lines {
			if got, want := classes[i]&lineSuspect != 0, hasSuspectByte(doc.Src[l.Start:l.Next]); got != want {
				t.Fatalf("%q line %d: suspect %v, the scan says %v", text, i, got, want)
			}
			if got, want := classes[i]&lineNonASCII != 0, firstNonASCII(doc.Src[l.Start:l.End]) < l.End-l.Start; got != want {
				t.Fatalf("%q line %d: non-ASCII %v, the scan says %v", text, i, got, want)
			}
		}
		for _, b := range doc.Blocks {
			src := doc.Src[b.Start:b.End]
			if got, want := blockHasNonASCII(classes, b), firstNonASCII(src) < len(src); got != want {
				t.Fatalf("%q block %+v: non-ASCII %v, the scan says %v", text, b, got, want)
			}
		}
		if got := lineClasses(doc); len(got) != len(classes) || len(got) > 0 && &lineClasses(doc)[0] != &got[0] {
			t.Fatalf("%q: the cache gave another answer", text)
		}
	}
}
