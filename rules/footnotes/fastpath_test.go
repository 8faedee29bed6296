package footnotes

import (
	"bytes"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

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
		for _, at := range []int{i, len(line)} {
			gd, gok = lineMarkerDef(line, at)
			wd, wok = referenceLineMarkerDef(line, at)
			if gok != wok || gd != wd {
				t.Fatalf("lineMarkerDef(%q, %d): %+v %v, want %+v %v", line, at, gd, gok, wd, wok)
			}
		}
	}
}

// TestLineMarkerDefFirstByte holds lineMarkerDef, which settles a line on
// its first byte, to the version that tried every marker, on lines that
// open with each marker, with its first byte alone, and with every ASCII
// byte.
func TestLineMarkerDefFirstByte(t *testing.T) {
	lines := []string{"<sup>3</sup> note", "<SUP>12</SUP>\tnote", "<sub>3</sub> x", `\[3\] note`, `\[^4\]: note`, "\u00b9 note", "\u00b2\u00b3 note", "\u2074\u2075 note", "\u2070 x", "\u00e9 x", "<", `\`, "\u00b9"}
	for c := 0; c < 0x80; c++ {
		lines = append(lines, string(rune(c))+" note", string(rune(c))+"3 note")
	}
	for _, line := range lines {
		for at := 0; at <= len(line); at++ {
			gd, gok := lineMarkerDef([]byte(line), at)
			wd, wok := referenceLineMarkerDef([]byte(line), at)
			if gok != wok || gd != wd {
				t.Fatalf("lineMarkerDef(%q, %d): %+v %v, want %+v %v", line, at, gd, gok, wd, wok)
			}
		}
	}
}

// referenceLineMarkerDef is lineMarkerDef as it was: every marker tried.
func referenceLineMarkerDef(src []byte, i int) (Def, bool) {
	if m, ok := scanSupTag(src, i); ok && len(m.nums) == 1 && followedBySpace(src, m.end) {
		return Def{Start: i, End: m.end, InnerStart: m.innerStart, InnerEnd: m.innerEnd, Style: Sup, Num: m.nums[0]}, true
	}
	if d, ok := escapedMarker(src, i); ok {
		return d, true
	}
	j := i
	for j < len(src) {
		r, size := utf8.DecodeRune(src[j:])
		if superscriptDigit(r) < 0 {
			break
		}
		j += size
	}
	if j == i || !followedBySpace(src, j) {
		return Def{}, false
	}
	n, ok := superscriptNumber(src[i:j])
	if !ok {
		return Def{}, false
	}
	return Def{Start: i, End: j, InnerStart: i, InnerEnd: j, Style: Superscript, Num: n}, true
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
