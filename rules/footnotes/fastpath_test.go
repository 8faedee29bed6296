package footnotes

import (
	"bytes"
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

// escapedMarker and leadingBlank take shortcuts (the opening mark before
// any search, a search bounded by the longest label, no cutset); they
// must agree with the former versions at every line start of the WCXB
// texts and on escaped markers around the bound.
func TestLineMarkerShortcutsMatchReference(t *testing.T) {
	var lines [][]byte
	for _, kind := range []string{"pages", "truth"} {
		paths, _ := shareddata.WCXBFiles(kind)
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			lines = append(lines, bytes.Split(b, []byte("\n"))...)
		}
	}
	for n := 0; n <= 46; n++ {
		label := strings.Repeat("7", n)
		for _, l := range []string{`\[` + label + `\] note`, `\[^` + label + `\]: note`, `\[^a` + label + `\]: note`, ` \t\[` + label + `\]x`} {
			lines = append(lines, []byte(l))
		}
	}
	for _, line := range lines {
		if got, want := leadingBlank(line), len(line)-len(bytes.TrimLeft(line, " \t")); got != want {
			t.Fatalf("leadingBlank(%q) = %d, want %d", line, got, want)
		}
		i := leadingBlank(line)
		gd, gok := escapedMarker(line, i)
		wd, wok := referenceEscapedMarker(line, i)
		if gok != wok || gd != wd {
			t.Fatalf("escapedMarker(%q): %+v %v, want %+v %v", line, gd, gok, wd, wok)
		}
	}
}

func referenceEscapedMarker(src []byte, i int) (Def, bool) {
	rest := src[i:]
	closing := bytes.Index(rest, []byte(`\]`))
	if !bytes.HasPrefix(rest, []byte(`\[`)) || closing < 3 || closing > 44 {
		return Def{}, false
	}
	d := Def{Start: i, End: i + closing + 2, InnerStart: i + 2, InnerEnd: i + closing, Style: Bracket}
	label := string(rest[2:closing])
	if strings.HasPrefix(label, "^") {
		d.Style, d.InnerStart, label = Caret, d.InnerStart+1, label[1:]
		if d.End < len(src) && src[d.End] == ':' {
			d.End++
		}
	}
	if !followedBySpace(src, d.End) {
		return Def{}, false
	}
	if n, ok := noteNumber(label); ok {
		d.Num = n
		return d, true
	}
	if d.Style == Caret && validName(label) {
		d.Name = label
		return d, true
	}
	return Def{}, false
}
