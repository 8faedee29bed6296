package boilerplate

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/shareddata"
)

// The reading-time and copyright hints were one byte-by-byte scan for a
// list of words each (kept here as the reference): the cheaper hints must
// leave every family's match as it was, and pass every line the copyright
// expression matches.

var (
	readingTimeHintReference = containsAny("min", "read", "lesezeit", "lesedauer", "lecture", "lectura")
	copyrightHintReference   = containsAny("©", "copyright", "c #", "rights", "rechte", "droits", "derechos")
)

// matchAllWithReferenceHints is matchAll with the reference hints.
func matchAllWithReferenceHints(norm string, raw []byte) (phraseMatch, familyMatches) {
	rt, cr := readingTimeFamily.Hint, copyrightFamily.Hint
	readingTimeFamily.Hint, copyrightFamily.Hint = readingTimeHintReference, copyrightHintReference
	defer func() { readingTimeFamily.Hint, copyrightFamily.Hint = rt, cr }()
	return matchAll(norm, raw)
}

func TestCheapHintsKeepMatches(t *testing.T) {
	crafted := []string{"© 2024 Example Media", "(c) 2023 Foo", "(C)2021 Bar Inc", "Copyright 2019 Baz", "COPYRİGHT 2020 x",
		"copyright © 2020", "All rights reserved.", "ALL RIGHTS RESERVED", "Alle Rechte vorbehalten.", "Tous droits réservés",
		"TOUS DROITS RÉSERVÉS", "Todos los derechos reservados", "©2025", "Copyright: Foo, 2019 edition", "**© 2024**",
		"5 min read", "Reading time: 5 min", "3 Minuten Lesezeit", "Temps de lecture 3 min", "12 min", "read", "Lesedauer 4 Minuten"}
	var lines [][]byte
	for _, l := range crafted {
		lines = append(lines, []byte(l))
	}
	lines = append(lines, sampleLines(t)...)
	for _, kind := range []string{"pages", "truth"} {
		paths, err := shareddata.WCXBFiles(kind)
		if err != nil {
			continue
		}
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			for l := range bytes.Lines(src) {
				if len(l) <= maxPhraseLine {
					lines = append(lines, l)
				}
			}
		}
	}
	shapes, matched := 0, 0
	for _, l := range lines {
		raw := bytes.TrimSpace(l)
		norm := normalise(raw)
		if norm == "" {
			continue
		}
		if copyrightShape.MatchString(strings.ToLower(string(raw))) {
			shapes++
			if !copyrightHint(norm) {
				t.Errorf("copyright %q (%q): the hint rejects a match", raw, norm)
			}
		}
		gb, ge := matchAll(norm, raw)
		wb, we := matchAllWithReferenceHints(norm, raw)
		if gb != wb || ge != we {
			t.Fatalf("matchAll(%q) = %v %v, with the reference hints %v %v", raw, gb, ge, wb, we)
		}
		if ge.get(copyrightFamily.index) != noMatch || ge.get(readingTimeFamily.index) != noMatch {
			matched++
		}
	}
	if shapes < 10 || matched < 15 {
		t.Errorf("only %d copyright shapes and %d copyright or reading-time matches: the comparison proves little", shapes, matched)
	}
	t.Logf("%d lines, %d copyright shapes, %d copyright or reading-time matches", len(lines), shapes, matched)
}

func TestReadingTimeEndIsHasAnySuffix(t *testing.T) {
	lines := []string{"", "a", "read", "bread", "# min read", "5 min", "x lesedauer", "lesedauer", "esedauer", "minutos",
		"n", "s", "ad", "time x", "minute", "the minutes", "\x00\x00\x00", "é read", "readé"}
	for _, e := range readingTimeEnds {
		lines = append(lines, e, "x"+e, e[1:], e[:len(e)-1], "# "+e, e+"s")
	}
	for _, l := range sampleLines(t) {
		lines = append(lines, string(l), normalise(l))
	}
	for _, l := range lines {
		if got, want := readingTimeEnd(l), hasAnySuffix(l, readingTimeEnds); got != want {
			t.Errorf("readingTimeEnd(%q) = %v, want %v", l, got, want)
		}
	}
}
