package boilerplate

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/shareddata"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// stopWordMapReference is isStopWord on the word list itself: the word
// with its first letter lower-cased when it is a capital, in stopWords.
func stopWordMapReference(w []byte) bool {
	if len(w) == 0 {
		return false
	}
	lw := []byte(string(w))
	if lw[0] >= 'A' && lw[0] <= 'Z' {
		lw[0] += 'a' - 'A'
	}
	return stopWords[string(lw)]
}

// The table of stop words (keys with the length in the top byte, found
// inline by measureBlock) answers like the word list for every word of
// the seeds and of the WCXB pages and truth texts when ../shared is
// here, read in place (past a word's end the text goes on) and as a copy
// of its own, and for random short words of the list's letters.
func TestStopWordTableMatchesList(t *testing.T) {
	words := 0
	check := func(name string, src []byte) {
		t.Helper()
		doc := document.New(name, src, document.Meta{})
		for _, tok := range doc.Tokens() {
			w := doc.Src[tok.Start:tok.End]
			want := stopWordMapReference(w)
			inPlace := len(w) <= maxStopWord && stopTable.has(stopKey(w))
			if isStopWord(w) != want || inPlace != want || isStopWord([]byte(string(w))) != want {
				t.Fatalf("%s: %q: isStopWord %v, in place %v, the list %v", name, w, isStopWord(w), inPlace, want)
			}
			words++
		}
	}
	seeds, _ := filepath.Glob(ruletest.Testdata("seeds", "*"))
	texts, err := shareddata.WCXBTexts("pages", "truth")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range seeds {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, src)
	}
	for i, src := range texts {
		check(fmt.Sprint("text ", i), src)
	}
	r := rand.New(rand.NewPCG(9, 69))
	const letters = "aehilnorstuTADEIwy\u00e9 \x00"
	for range 200000 {
		var b strings.Builder
		for range r.IntN(10) {
			b.WriteByte(letters[r.IntN(len(letters))])
		}
		w := []byte(b.String())
		if got, want := isStopWord(w), stopWordMapReference(w); got != want {
			t.Fatalf("random %q: isStopWord %v, the list %v", w, got, want)
		}
	}
	t.Logf("%d words checked", words)
}
