package text

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// referenceNormalization is runNormalization as it was before the quick
// check stopped at the first ASCII byte after a run of non-ASCII
// characters: it checked the whole rest of the block. The test below
// holds the rule to it.
func referenceNormalization(pass *rules.Pass) {
	doc := pass.Doc
	classes := lineClasses(doc)
	textBlocks(doc, func(b document.Block) {
		if !blockHasNonASCII(classes, b) {
			return
		}
		src := doc.Src[b.Start:b.End]
		for off := 0; off < len(src); {
			p := off + firstNonASCII(src[off:])
			if p == len(src) {
				return
			}
			off = max(off, p-1)
			n := norm.NFC.QuickSpan(src[off:])
			if off+n >= len(src) {
				return
			}
			segStart := off + n
			k := norm.NFC.NextBoundary(src[segStart:], true)
			if k <= 0 {
				k = len(src) - segStart
			}
			segEnd := segStart + k
			checkSegment(pass, b.Start+segStart, b.Start+segEnd)
			off = segEnd
		}
	})
}

// TestNormalizationMatchesReference runs the rule and its reference on
// the seeds, the WCXB texts and random texts of decomposed letters,
// combining marks (long runs of them too), singletons, Hangul jamo, CJK
// compatibility ideographs, invalid and cut UTF-8 between ASCII.
func TestNormalizationMatchesReference(t *testing.T) {
	pieces := []string{"e", "a", "cafe", " ", "\n", "\n\n", ".", "\u0301", "\u0308", "\u0327", "\u0323\u0307", "\u00e9", "\u00c5",
		"\u2126", "\u212b", "\u1100\u1161", "\u11a8", "\uf900", "\u2019", "\u201c", "\u00a0", "\xe2\x80", "\xff", "\xcc",
		strings.Repeat("\u0301", 35), "\u4e2d\u6587", "\U0001D15E", "```\n", "\u0344", "\u0f73"}
	texts := randomTexts(realTexts(t), rand.New(rand.NewPCG(61, 62)), 20000, 30, pieces)
	findings := 0
	for _, text := range texts {
		doc := document.New("t.txt", text, document.Meta{})
		var got, want []rules.Finding
		Normalization.Run(rules.NewPass(Normalization, doc, nil, nil, Normalization.Severity, func(f rules.Finding) { got = append(got, f) }))
		referenceNormalization(rules.NewPass(Normalization, doc, nil, nil, Normalization.Severity, func(f rules.Finding) { want = append(want, f) }))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%.200q: got %v, want %v", text, got, want)
		}
		findings += len(want)
	}
	if findings < 1000 {
		t.Fatalf("only %d findings: the texts do not exercise the rule", findings)
	}
}

func TestFirstASCIIMatchesLoop(t *testing.T) {
	r := rand.New(rand.NewPCG(63, 64))
	for range 20000 {
		b := randomBytes(r, r.IntN(40))
		for i := range b {
			if r.IntN(4) > 0 {
				b[i] |= 0x80
			}
		}
		want := len(b)
		for i, c := range b {
			if c < 0x80 {
				want = i
				break
			}
		}
		if got := firstASCII(b); got != want {
			t.Fatalf("firstASCII(%q) = %d, want %d", b, got, want)
		}
	}
}
