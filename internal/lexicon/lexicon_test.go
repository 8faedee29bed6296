package lexicon

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
)

func TestLevels(t *testing.T) {
	cases := []struct {
		word string
		want bool
	}{
		{"the", true}, {"The", true}, {"THE", true}, {"international", true},
		{"llama", true}, {"Llama", true}, {"Aaron", true}, {"Mississippi", true},
		{"café", true}, {"Düsseldorf", true}, {"government's", true}, {"government’s", true},
		{"ofinternational", false}, {"ssee", false}, {"Ssee", false}, {"aaron", false},
		{"McDONALD", false}, {"", false},
	}
	for _, c := range cases {
		if got := IsWord(c.word); got != c.want {
			t.Errorf("IsWord(%q) = %v, want %v", c.word, got, c.want)
		}
	}
	if l := Level("the"); l != 10 {
		t.Errorf("Level(the) = %d, want 10", l)
	}
	if !IsCommon("see") || IsCommon("febrifuge") {
		t.Error("IsCommon does not separate everyday from rare words")
	}
	if LevelBytes([]byte("international")) != Level("international") {
		t.Error("LevelBytes disagrees with Level")
	}
}

func TestNoMojibakeInList(t *testing.T) {
	zr, err := gzip.NewReader(bytes.NewReader(wordsGz))
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	n := 0
	for sc.Scan() {
		n++
		if strings.ContainsAny(sc.Text(), "ÃÂ") {
			t.Fatalf("entry %q still carries Latin-1 damage", sc.Text())
		}
	}
	if n < 250000 {
		t.Errorf("only %d lines in the embedded list", n)
	}
}

func TestTableHoldsEveryLevel(t *testing.T) {
	tb := newWordTable(8)
	tb.add([]byte("alpha"), 10)
	tb.add([]byte("beta"), 50)
	tb.add([]byte("alpha"), 70) // the first level wins
	if tb.level([]byte("alpha")) != 10 || tb.level([]byte("beta")) != 50 || tb.level([]byte("gamma")) != 0 {
		t.Error("word table lookups")
	}
}

func TestFunctionWords(t *testing.T) {
	if !IsFunctionWord("of") || IsFunctionWord("international") {
		t.Error("IsFunctionWord")
	}
	for w := range functionWords {
		if !IsCommon(w) {
			t.Errorf("function word %q is not a common word in the list", w)
		}
	}
}

func BenchmarkLevelBytes(b *testing.B) {
	Load()
	w := []byte("international")
	for b.Loop() {
		LevelBytes(w)
	}
}
