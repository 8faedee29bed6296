package footnotes

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/shareddata"
)

// refTexts are the texts the reference scan is held to its former
// version on: the WCXB texts and random texts of the bytes it must stop
// at and their neighbours.
func refTexts(t *testing.T) [][]byte {
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
	pieces := []string{"a", " ", "`", "``", "[", "<", "\\", "]", ">", "_", "{", ";", "=", "\u00b9", "\u00b2", "\u2075", "\u207b",
		"\u2019", "\u00a0", "\xff", "\xe2", "\xc2", "\xe2\x81", "\u2041", "\x81", "\u00c1", "\u00b4", "\u00a9", "\x00", "\x7f", "word ", "[1]", "[^2]", "<sup>3</sup>", ".", "4", "\n", "\n\n"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var b strings.Builder
		for k := rng.IntN(60); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, []byte(b.String()))
	}
	return texts
}

// isStop reports whether src[i] is a stop: a stop byte followed, where
// stopSeconds asks, by one of its bytes.
func isStop(src []byte, i int) bool {
	k := bytes.IndexByte(stopBytes[:], src[i])
	if k < 0 {
		return false
	}
	return stopSeconds[k] == "" || i+1 < len(src) && strings.IndexByte(stopSeconds[k], src[i+1]) >= 0
}

// TestStopFinderMatchesLoop holds the stop finder to a byte loop over
// the stops, asked in text order and, now and then, back.
func TestStopFinderMatchesLoop(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, src := range refTexts(t) {
		f := newStopFinder(src)
		for i := 0; i < len(src); i += 1 + rng.IntN(1+i%61) {
			q := i
			if rng.IntN(20) == 0 {
				q = rng.IntN(i + 1) // an offset already passed
			}
			end := min(len(src), q+rng.IntN(400)) // a block's length, mostly
			if rng.IntN(50) == 0 {
				end = len(src)
			}
			want := q
			for want < end && !isStop(src, want) {
				want++
			}
			if got := f.next(q, end); got != want {
				t.Fatalf("next(%q, %d, %d) = %d, want %d", src[q:min(len(src), q+40)], q, end, got, want)
			}
		}
	}
}

// scanBlockReference is scanBlock before the stop finder: an eight-byte
// test and a byte loop stopped at every byte above ASCII.
func scanBlockReference(src []byte, blockStart, from, end int, refs []Ref) []Ref {
	s := scanner{src: src[:end], blockStart: blockStart, lastRefEnd: -1}
	for i := from; i < end; {
		for i < end && !refOpener[src[i]] {
			i++
		}
		if i >= end {
			break
		}
		c := src[i]
		switch {
		case c == '`':
			i = skipInlineCode(src[:end], i)
			continue
		case c == '[':
			if r, ok := s.bracket(i); ok {
				refs = append(refs, r)
				s.lastRefEnd = r.End
				i = r.End
				continue
			}
		case c == '<':
			if r, ok := s.supTag(i); ok {
				refs = append(refs, r)
				s.lastRefEnd = r.End
				i = r.End
				continue
			}
		case c >= utf8.RuneSelf:
			if r, ok := s.superscript(i); ok {
				refs = append(refs, r)
				s.lastRefEnd = r.End
				i = r.End
				continue
			}
			_, size := utf8.DecodeRune(src[i:end])
			i += size
			continue
		}
		i++
	}
	return refs
}

// refOpener marks the bytes the reference scan stopped at.
var refOpener = func() (t [256]bool) {
	t['`'], t['['], t['<'] = true, true, true
	for c := utf8.RuneSelf; c < len(t); c++ {
		t[c] = true
	}
	return t
}()

// TestScanBlockMatchesReference holds scanBlock with the stop finder to
// the former scan: the same references, on whole texts and on the blocks
// of their documents.
func TestScanBlockMatchesReference(t *testing.T) {
	texts := refTexts(t)
	for _, name := range []string{"000", "001", "002", "003", "004"} {
		matches, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", name+"_*.txt"))
		for _, m := range matches {
			b, err := os.ReadFile(m)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, b)
		}
	}
	fixtures, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "footnotes", "*"))
	for _, p := range fixtures {
		if b, err := os.ReadFile(p); err == nil {
			texts = append(texts, b)
		}
	}
	found := 0
	for _, src := range texts {
		stops := newStopFinder(src)
		got := scanBlock(src, 0, 0, len(src), &stops, nil)
		want := scanBlockReference(src, 0, 0, len(src), nil)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("scanBlock(%.200q) = %v, the reference gives %v", src, got, want)
		}
		doc := document.New("t", src, document.Meta{})
		defs, _ := findDefs(doc)
		got = findRefs(doc, defs)
		want = findRefsReference(doc, defs)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("findRefs(%.200q) = %v, the reference gives %v", src, got, want)
		}
		found += len(want)
	}
	if found < 1000 {
		t.Fatalf("only %d references over %d texts", found, len(texts))
	}
	t.Logf("%d texts, %d references agree", len(texts), found)
}

// findRefsReference is findRefs over scanBlockReference.
func findRefsReference(doc *document.Document, defs []Def) []Ref {
	skipTo := map[int]int{}
	for _, d := range defs {
		skipTo[d.Block] = max(skipTo[d.Block], d.End)
	}
	var refs []Ref
	for bi, b := range doc.Blocks {
		if b.Kind == document.Code || b.Kind == document.Separator {
			continue
		}
		refs = scanBlockReference(doc.Src, b.Start, max(b.ContentStart, skipTo[bi]), b.End, refs)
	}
	return refs
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

// markedLineDefsReference is markedLineDefs before its first-line test.
func markedLineDefsReference(doc *document.Document, bi int) []Def {
	b := doc.Blocks[bi]
	var defs []Def
	for line := b.FirstLine; line <= b.LastLine; line++ {
		l := doc.Lines[line]
		start := l.Start
		if line == b.FirstLine {
			start = b.ContentStart
		}
		start += leadingBlank(doc.Src[start:l.End])
		if d, ok := lineMarkerDef(doc.Src[:l.End], start); ok {
			d.Block, d.TextEnd, d.FirstLine, d.LastLine = bi, l.End, line, line
			defs = append(defs, d)
			continue
		}
		if len(defs) == 0 {
			return nil
		}
		defs[len(defs)-1].TextEnd, defs[len(defs)-1].LastLine = l.End, line
	}
	return defs
}

// TestMarkedLineDefsMatchesReference holds markedLineDefs with its
// first-line test to the former loop on every block of the texts.
func TestMarkedLineDefsMatchesReference(t *testing.T) {
	texts := refTexts(t)
	fixtures, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "footnotes", "*"))
	for _, p := range fixtures {
		if b, err := os.ReadFile(p); err == nil {
			texts = append(texts, b)
		}
	}
	// Lines that open with markers, after blanks or not, among others.
	rng := rand.New(rand.NewPCG(48, 17))
	openers := []string{"\u00b9 ", "\u00b2\u00b3 ", "\u2074 ", "<sup>5</sup> ", "<SUP>6</SUP>\t", "\\[7\\] ", "\\[^8\\]: ", "\\[^note\\] ",
		"  \u00b9 ", "\t<sup>2</sup> ", "\u00e9 ", "< ", "\\ ", "Text ", "", "\u00b9", "<sup>x</sup> "}
	for range 2000 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(openers[rng.IntN(len(openers))] + "a note line")
			b.WriteString([]string{"\n", "\n", "\n\n", "\n# Notes\n"}[rng.IntN(4)])
		}
		texts = append(texts, []byte(b.String()))
	}
	found := 0
	for _, src := range texts {
		doc := document.New("t", src, document.Meta{})
		for bi := range doc.Blocks {
			got, want := markedLineDefs(doc, bi), markedLineDefsReference(doc, bi)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("markedLineDefs(%q) = %v, the reference gives %v", doc.Src[doc.Blocks[bi].Start:doc.Blocks[bi].End], got, want)
			}
			found += len(want)
		}
	}
	if found < 100 {
		t.Fatalf("only %d definitions", found)
	}
	t.Logf("%d texts, %d definitions agree", len(texts), found)
}
