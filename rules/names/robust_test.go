package names

import (
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"testing"
	"weak"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// Odd input never panics: invalid UTF-8, CRLF, NUL bytes, quotes left
// open, a huge line, random mixes of names and marks.
func TestOddInputDoesNotPanic(t *testing.T) {
	inputs := []string{
		"",
		"\xef\xbb\xbfKeith Starmer\r\nMacrom\r\n",
		"“Anna Kowalczyk \xff Anna Kowalzcyk \x00 “ \"",
		strings.Repeat("Keir Stramer and Ursula von der Leyne ", 5000),
	}
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"Keir", "Keith", "Starmer", "Stramer", " ", "\n\n", "“", "”", "von der", "Leyen", "\xc3", "'s", "Xi", "Jingping", "[1] ", "İ", "-"}
	for i := 0; i < 300; i++ {
		var b strings.Builder
		for k := 0; k < 14; k++ {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		inputs = append(inputs, b.String())
	}
	for _, in := range inputs {
		for _, r := range []*rules.Rule{MisspelledPerson, Variant} {
			ruletest.RunCorpus(t, r, []ruletest.Doc{{Path: "x", Text: in}, {Path: "y", Text: in}}, nil)
		}
	}
}

// The rules share caches (the pack index, the runs of a document) between
// the workers of a run: concurrent runs must agree with a single one
// (go test -race checks the sharing).
func TestConcurrentRunsAgree(t *testing.T) {
	var texts []string
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		_, text := ruletest.Seed(t, n)
		texts = append(texts, text, text+"\n\nKeir Stramer spoke. Stramer left.")
	}
	want := make([]int, len(texts))
	for i, text := range texts {
		want[i] = len(ruletest.Run(t, MisspelledPerson, text, nil)) + len(ruletest.Run(t, Variant, text, nil))
	}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, text := range texts {
				if got := len(ruletest.Run(t, MisspelledPerson, text, nil)) + len(ruletest.Run(t, Variant, text, nil)); got != want[i] {
					t.Errorf("text %d: %d findings concurrently, %d alone", i, got, want[i])
				}
			}
		}()
	}
	wg.Wait()
}

// The runs cache must not keep documents alive: a corpus run streams
// millions of them.
func TestRunsCacheDropsDocuments(t *testing.T) {
	w := func() weak.Pointer[document.Document] {
		doc := document.New("x", []byte("Keir Starmer met Emmanuel Macron in Paris."), document.Meta{})
		if len(multiWordSpans(doc)) != 2 {
			t.Fatal("want two runs")
		}
		return weak.Make(doc)
	}()
	for range 5 {
		runtime.GC()
	}
	if w.Value() != nil {
		t.Error("the document is still reachable after the rules ran on it")
	}
}
