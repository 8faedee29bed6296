package boilerplate

import (
	"bytes"
	"math/rand"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/internal/shareddata"
)

// packLanes counts as asciiShape classes byte by byte: every ASCII byte
// at every place of a pack among random others, and random packs; and
// laneSum adds up lanes as full as a line under 255 packs makes them.
func TestPackLanesMatchTable(t *testing.T) {
	check := func(pack [8]byte) {
		t.Helper()
		var want [shapeClasses]int
		var x uint64
		for i := 7; i >= 0; i-- {
			want[asciiShape[pack[i]]]++
			x = x<<8 | uint64(pack[i])
		}
		var l packLanes
		l.add(x)
		letters, digits, seps, punct := laneSum(l.letters), laneSum(l.digits), laneSum(l.seps), laneSum(l.punct)
		if letters != want[shapeLetter] || digits != want[shapeDigit] || seps != want[shapeSep] || punct != want[shapePunct] {
			t.Fatalf("pack %q: %d letters, %d digits, %d separators, %d punctuation; want %v", pack[:], letters, digits, seps, punct, want)
		}
	}
	rng := rand.New(rand.NewSource(14))
	for b := range 128 {
		for at := range 8 {
			var pack [8]byte
			for i := range pack {
				pack[i] = byte(rng.Intn(128))
			}
			pack[at] = byte(b)
			check(pack)
		}
	}
	for range 100000 {
		var pack [8]byte
		for i := range pack {
			pack[i] = byte(rng.Intn(128))
		}
		check(pack)
	}
	var l packLanes
	for range 254 {
		l.add(0x6161616161616161) // "aaaaaaaa"
	}
	if got := laneSum(l.letters); got != 254*8 {
		t.Fatalf("254 packs of letters: %d letters", got)
	}
}

// measureCharsBytewise is measureChars as it was before eight ASCII
// bytes were classed at once: a table lookup per ASCII byte.
func measureCharsBytewise(c candidate, s *lineShape) {
	var ascii [shapeClasses]int
	for i := 0; i < len(c.text); {
		if b := c.text[i]; b < utf8.RuneSelf {
			ascii[asciiShape[b]]++
			i++
			continue
		}
		r, size := utf8.DecodeRune(c.text[i:])
		i += size
		switch {
		case unicode.IsLetter(r):
			s.letters++
		case unicode.IsDigit(r):
			s.digits++
		case r == '|' || r == '·' || r == '•' || r == '»' || r == '›' || r == '/' || r == '>':
			s.seps++
			s.punct++
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			s.punct++
		}
	}
	s.letters += ascii[shapeLetter]
	s.digits += ascii[shapeDigit]
	s.seps += ascii[shapeSep]
	s.punct += ascii[shapeSep] + ascii[shapePunct]
	raw := c.text
	s.colon = bytes.HasSuffix(raw, []byte(":"))
	s.question = endsQuestion(raw)
	first, _ := utf8.DecodeRune(raw)
	s.lower = unicode.IsLower(first)
	s.bullet = first == '-' || first == '*' || first == '•' || first == '#' || unicode.IsDigit(first)
}

// measureChars gives the bytewise shape on every line of the WCXB pages
// and texts, and on random lines of ASCII and other runes and invalid
// bytes at every place of a pack.
func TestMeasureCharsMatchesBytewise(t *testing.T) {
	var a analysis
	check := func(line []byte) {
		t.Helper()
		var got, want lineShape
		a.measureChars(candidate{text: line}, &got)
		measureCharsBytewise(candidate{text: line}, &want)
		if got != want {
			t.Fatalf("measureChars(%q) = %+v, want %+v", line, got, want)
		}
	}
	lines, err := shareddata.WCXBLines("pages", "truth")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lines {
		check([]byte(l))
	}
	pieces := []string{"a", "Z", "7", " ", "|", "/", ">", ",", "~", "\x7f", "\t", "·", "•", "é", "€", "»", "\xff", "\xe2\x80"}
	rng := rand.New(rand.NewSource(15))
	for range 50000 {
		var b []byte
		for range rng.Intn(24) {
			b = append(b, pieces[rng.Intn(len(pieces))]...)
		}
		check(b)
	}
}
