package text

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/knowledge"
	"github.com/dochygiene/hygiene/internal/shareddata"
	"github.com/dochygiene/hygiene/rules"
)

// referenceAcronymCase is runAcronymCase as it was before the scan from
// pair test: it tests every token's case first (noCapital, mixedHead)
// and the pair of capitals after. The test below holds the rule to it.
func referenceAcronymCase(pass *rules.Pass) {
	doc := pass.Doc
	style := pass.Options.String("house_style", "any")
	var pack *knowledge.Pack
	var openers map[[2]byte]bool
	src := doc.Src
	for _, t := range doc.Tokens() {
		if t.Kind != document.Word || t.End-t.Start > 8 || t.End-t.Start < 2 || referenceNoCapital(src, t) {
			continue
		}
		var upper [8]byte
		n, ascii := mixedHead(doc.Src[t.Start:t.End], &upper)
		if ascii && n == 0 {
			continue
		}
		if pack == nil {
			pack = knowledge.Active()
			openers = map[[2]byte]bool{}
			for _, in := range pack.Initialisms {
				if f := strings.ToUpper(in.Form); len(f) >= 2 {
					openers[[2]byte{f[0], f[1]}] = true
				}
			}
		}
		if ascii {
			if n >= 2 && !openers[[2]byte{upper[0], upper[1]}] {
				continue
			}
			if in := pack.InitialismKey(upper[:n]); in == nil || in.Word {
				continue
			}
		}
		end := t.Start + headLength(doc.Src[t.Start:t.End])
		if !mixedCase(string(doc.Src[t.Start:end])) {
			continue
		}
		w := doc.Text(t.Start, end)
		in := pack.Initialism(w)
		if in == nil || in.Word || w == in.Form || acceptedStyle(in, w, style) || inAddress(doc.Src, t.Start, end) {
			continue
		}
		pass.Report(rules.Finding{
			Start: t.Start, End: end,
			Message: fmt.Sprintf("%q: the initialism is written %q", w, in.Form),
			Fix: &fixers.Fix{Message: fmt.Sprintf("write %q", in.Form), Safety: fixers.Safe,
				Edits: []fixers.Edit{fixers.Replace(t.Start, end, in.Form)}},
		})
	}
}

func referenceNoCapital(src []byte, t document.Token) bool {
	if cap(src)-t.Start < 8 {
		return false
	}
	const letterBits, highBits = 0x4040404040404040, 0x8080808080808080
	x := binary.LittleEndian.Uint64(src[t.Start:t.Start+8]) & (^uint64(0) >> (64 - 8*uint(t.End-t.Start)))
	capitals := x & ^(x << 1) & letterBits
	return x&highBits == 0 && capitals == 0
}

// acronymTexts are the seeds, the WCXB development pages and truth texts
// (when ../shared is present) and random texts of initialisms in every
// case, joiners, digits, code fences, addresses and bytes above ASCII.
func acronymTexts(t *testing.T) [][]byte {
	pieces := []string{"Uk", "uK", "UK", "Imf", "IMF", "imf", "Nato", "Eu", "Us", "It", "Who", "Unesco", "Opec", "Un",
		"the", "The", "Paris", "Zz", "a", "Uk-based", "Uk's", "Imf\u2019s", "\u00c9t\u00e9", "\u00e9Uk", "Uk\u00e9",
		"x9", "9Uk", " ", "  ", "\n", "\n\n", "```\n", "www.bbc.co.", "/", "@", ".", ",", "-", "'", "\u2019", "\xff",
		"\xc3", "\u4e2d", "ABCDEFGHI", "Abcdefghij", "\t"}
	return randomTexts(realTexts(t), rand.New(rand.NewPCG(11, 12)), 20000, 30, pieces)
}

// realTexts are the seeds and, when ../shared is present, the WCXB
// development pages and truth texts (40 of each with -short).
func realTexts(t *testing.T) [][]byte {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	for _, kind := range []string{"pages", "truth"} {
		if more, err := shareddata.WCXBFiles(kind); err == nil {
			if testing.Short() {
				more = more[:min(len(more), 40)]
			}
			paths = append(paths, more...)
		}
	}
	var texts [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, b)
	}
	return texts
}

// randomTexts appends n texts to texts, each of one to maxPieces+1
// pieces drawn by r: the oracle tests' random inputs.
func randomTexts(texts [][]byte, r *rand.Rand, n, maxPieces int, pieces []string) [][]byte {
	for range n {
		var sb strings.Builder
		for k := r.IntN(maxPieces); k >= 0; k-- {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, []byte(sb.String()))
	}
	return texts
}

// TestAcronymCaseMatchesReference runs the rule and its reference over
// every text, in every house style, and wants the same findings.
func TestAcronymCaseMatchesReference(t *testing.T) {
	texts := acronymTexts(t)
	findings := 0
	for _, style := range []string{"any", "none", "bbc"} {
		opts := rules.Options{"house_style": style}
		for _, text := range texts {
			// A copy of exactly its own length: a token at the end
			// of the buffer is read without the room past it.
			src := append([]byte(nil), text...)
			doc := document.New("t.txt", src, document.Meta{})
			var got, want []rules.Finding
			AcronymCase.Run(rules.NewPass(AcronymCase, doc, opts, nil, AcronymCase.Severity, func(f rules.Finding) { got = append(got, f) }))
			referenceAcronymCase(rules.NewPass(AcronymCase, doc, opts, nil, AcronymCase.Severity, func(f rules.Finding) { want = append(want, f) }))
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("style %s, %.200q: got %v, want %v", style, text, got, want)
			}
			findings += len(want)
		}
	}
	if findings < 1000 {
		t.Fatalf("only %d findings: the texts do not exercise the rule", findings)
	}
}

// a byte loop at every start.
