package lexicon

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/lexicon/internal/wordtable"
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
	zr := openWordList(t)
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

// TestEmbeddedTablesMatchList rebuilds the tables from the committed word
// list: the embedded bytes must be exactly what the generator writes, so
// the list stays the one to read and audit.
func TestEmbeddedTablesMatchList(t *testing.T) {
	list, err := os.ReadFile("words.txt.gz")
	if err != nil {
		t.Fatal(err)
	}
	all, freq, err := wordtable.Build(bytes.NewReader(list))
	if err != nil {
		t.Fatal(err)
	}
	if string(all) != wordsTable || string(freq) != frequentTable {
		t.Fatal("embedded tables differ from words.txt.gz: go run ./internal/lexicon/gen -src \"\" -out internal/lexicon/words.txt.gz")
	}
}

// TestEveryListedWordIsFound looks every word of the list up through the
// public API at its own level (the first, most common, level when a word
// is listed twice).
func TestEveryListedWordIsFound(t *testing.T) {
	zr := openWordList(t)
	sc := bufio.NewScanner(zr)
	level, seen, n := 0, map[string]bool{}, 0
	for sc.Scan() {
		w := sc.Text()
		if strings.HasPrefix(w, "#") && len(w) > 1 {
			level = 0
			for _, c := range w[1:] {
				level = level*10 + int(c-'0')
			}
			continue
		}
		if seen[w] {
			continue
		}
		seen[w] = true
		n++
		if got := LevelBytes([]byte(w)); got != level {
			t.Fatalf("LevelBytes(%q) = %d, want %d", w, got, level)
		}
		if got := Level(w); got != level {
			t.Fatalf("Level(%q) = %d, want %d", w, got, level)
		}
		if got := IsFrequent([]byte(w)); got != (level <= wordtable.FrequentLevel) {
			t.Fatalf("IsFrequent(%q) = %v at level %d", w, got, level)
		}
	}
	if n < 250000 {
		t.Errorf("only %d words checked", n)
	}
}

func TestTableHoldsEveryLevel(t *testing.T) {
	b := wordtable.NewBuilder(8)
	for _, e := range []struct {
		w string
		l uint8
	}{{"alpha", 10}, {"beta", 50}, {"alpha", 70}} { // the first level wins
		if err := b.Add([]byte(e.w), e.l); err != nil {
			t.Fatal(err)
		}
	}
	tb, ok := wordtable.Of(string(b.Bytes()))
	if !ok {
		t.Fatal("built table rejected")
	}
	if tb.Level([]byte("alpha")) != 10 || tb.Level([]byte("beta")) != 50 || tb.Level([]byte("gamma")) != 0 {
		t.Error("word table lookups")
	}
	if _, ok := wordtable.Of("abc"); ok {
		t.Error("a table of 3 bytes is accepted")
	}
}

func TestBuilderRefusesAFullTable(t *testing.T) {
	b := wordtable.NewBuilder(4)
	var err error
	for _, w := range []string{"a", "b", "c", "d", "e"} {
		if err = b.Add([]byte(w), 10); err != nil {
			break
		}
	}
	if err == nil {
		t.Error("a table with no empty slot left was built: lookups of absent words would never stop")
	}
}

func TestBuildRejectsMalformedList(t *testing.T) {
	for name, text := range map[string]string{
		"word before level": "alpha\n#10\nbeta\n",
		"bad level":         "#ten\nalpha\n",
		"level too high":    "#200\nalpha\n",
		"not gzip":          "",
	} {
		var buf bytes.Buffer
		if name == "not gzip" {
			buf.WriteString("plain text")
		} else {
			zw := gzip.NewWriter(&buf)
			if _, err := zw.Write([]byte(text)); err != nil || zw.Close() != nil {
				t.Fatal("gzip")
			}
		}
		if _, _, err := wordtable.Build(&buf); err == nil {
			t.Errorf("%s: no error", name)
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

// referenceLevelBytes is LevelBytes as it was before its one pass over
// the bytes (three loops: the ASCII test, the case test, the copy).
func referenceLevelBytes(word []byte) int {
	h := wordtable.Hash(word)
	if l := frequent.LevelOf(h); l > 0 {
		return l
	}
	if l := words.LevelOf(h); l > 0 {
		return l
	}
	var buf [64]byte
	if len(word) > len(buf) || !referenceASCII(word) {
		return Level(string(word))
	}
	w := trimPossessiveBytes(word)
	if len(w) != len(word) {
		if l := words.Level(w); l > 0 {
			return l
		}
	}
	upper, lower := false, false
	for _, c := range w[min(1, len(w)):] {
		upper = upper || c >= 'A' && c <= 'Z'
		lower = lower || c >= 'a' && c <= 'z'
	}
	if len(w) == 0 || w[0] < 'A' || w[0] > 'Z' || upper && lower {
		return 0
	}
	n := copy(buf[:], w)
	for i := range n {
		if c := buf[i]; c >= 'A' && c <= 'Z' {
			buf[i] = c + 'a' - 'A'
		}
	}
	return words.Level(buf[:n])
}

func referenceASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// TestLevelBytesMatchesReference looks up every listed word as written,
// capitalised, in capitals, with a possessive in both apostrophes, and
// random words of letters, digits, apostrophes and non-ASCII bytes, with
// the new and the old LevelBytes.
func TestLevelBytesMatchesReference(t *testing.T) {
	zr := openWordList(t)
	check := func(w string) {
		if got, want := LevelBytes([]byte(w)), referenceLevelBytes([]byte(w)); got != want {
			t.Fatalf("LevelBytes(%q) = %d, want %d", w, got, want)
		}
	}
	sc := bufio.NewScanner(zr)
	for n := 0; sc.Scan(); n++ {
		w := sc.Text()
		if strings.HasPrefix(w, "#") || n%7 != 0 {
			continue // a seventh of the list keeps the test short
		}
		check(w)
		check(strings.ToUpper(w[:1]) + w[1:])
		check(strings.ToUpper(w))
		check(w + "'s")
		check(strings.ToUpper(w) + "'s")
		check(strings.ToUpper(w[:1]) + w[1:] + "\u2019s")
		check("Mc" + w)
	}
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", "e", "t", "h", "s", "T", "H", "E", "A", "'", "\u2019", "3", "-", "\u00e9", "\u00c9", "\xff"}
	for range 200000 {
		var sb strings.Builder
		for range r.IntN(9) {
			sb.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		check(sb.String())
	}
	check(strings.Repeat("A", 64))
	check(strings.Repeat("A", 65))
}

// openWordList opens the gzipped word list the tables are built from.
func openWordList(t *testing.T) *gzip.Reader {
	t.Helper()
	list, err := os.ReadFile("words.txt.gz")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(list))
	if err != nil {
		t.Fatal(err)
	}
	return zr
}
