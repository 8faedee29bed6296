package lexicon

import "testing"

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
	Load()
	for w := range levels {
		for _, r := range w {
			if r == 'Ã' || r == 'Â' {
				t.Fatalf("entry %q still carries Latin-1 damage", w)
			}
		}
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
