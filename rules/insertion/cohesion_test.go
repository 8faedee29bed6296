package insertion

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
)

// The O(1) prefix-sum measure must equal the cosine and exclusive mass
// computed the slow way, from the block's and host's term vectors, for
// every run of units.
func TestMeasureMatchesBruteForce(t *testing.T) {
	for _, f := range []string{
		filepath.Join("..", "..", "testdata", "insertion", "middle.txt"),
		filepath.Join("..", "..", "testdata", "seeds", "000_086b3e82c5205ac9.txt"),
		filepath.Join("..", "..", "testdata", "seeds", "002_37ff407aa1546011.txt"),
	} {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := document.New("m", src, document.Meta{})
		c := analyse(doc, defaultIDF())
		if c.n < 6 {
			t.Fatalf("%s: want several units, got %d", f, c.n)
		}
		for i := 0; i < c.n; i++ {
			for j := i; j < c.n; j++ {
				got := c.measure(i, j)
				cos, excl := c.bruteForce(i, j)
				if math.Abs(got.cos-cos) > 1e-9 || math.Abs(got.exclusive-excl) > 1e-9 {
					t.Fatalf("%s units %d-%d: prefix sums give cos %.6f excl %.6f, brute force %.6f %.6f",
						f, i, j, got.cos, got.exclusive, cos, excl)
				}
			}
		}
		c.release()
	}
}

func (c *cohesion) bruteForce(i, j int) (cos, excl float64) {
	block := make([]float64, len(c.termKeys))
	host := make([]float64, len(c.termKeys))
	for u := 0; u < c.n; u++ {
		for _, e := range c.entries[c.entryStart[u]:c.entryStart[u+1]] {
			if u >= i && u <= j {
				block[e.term] += e.tf
			} else {
				host[e.term] += e.tf
			}
		}
	}
	dot, b2, h2, mass, ex := 0.0, 0.0, 0.0, 0.0, 0.0
	for t, w := range c.termWeight {
		dot += block[t] * host[t] * w * w
		b2 += block[t] * block[t] * w * w
		h2 += host[t] * host[t] * w * w
		mass += block[t] * w
		if host[t] == 0 && c.termCount[t] >= 2 {
			ex += block[t] * w
		}
	}
	if b2 > 0 && h2 > 0 {
		cos = dot / math.Sqrt(b2*h2)
	}
	if mass > 0 {
		excl = ex / mass
	}
	return cos, excl
}

func TestTermKey(t *testing.T) {
	for word, want := range map[string]string{
		"Guarantees": "guarantee", "guaranteed": "guarantee", "refugees": "refugee",
		"displaced": "displac", "displace": "displac", "Trump’s": "trump", "the": "", "of": "",
		"2025": "", "UK": "", "policies": "policy", "running": "run", "stopped": "stop",
		"string": "string", "Ukraine": "ukrain", "Ukrainian": "ukrainian", "Zürich": "zürich",
	} {
		if got := TermKey(word); got != want {
			t.Errorf("TermKey(%q) = %q, want %q", word, got, want)
		}
	}
}

func TestMarkerAndNameLines(t *testing.T) {
	for line, want := range map[string]bool{
		"Share the Post:": true, "Related": true, "**Read more**": true, "You may also like": true,
		"More from our partners": true, "Related to this, the minister said the talks would go on.": false,
		"Sharing economy": false, "Latest": true,
	} {
		if got := isMarkerLine([]byte(line)); got != want {
			t.Errorf("isMarkerLine(%q) = %v", line, got)
		}
	}
	for line, want := range map[string]bool{
		"Wilson Center": true, "Council on Foreign Relations": true, "Refugees": false,
		"The talks went on.": false, "Top 10 Tips": false, "Key Takeaways and many more words here too": false,
		// Title-case headings are no organisation lines (they made an
		// article's own sections look inserted).
		"Next Steps": false, "History and Evolution": false, "Protect Against Risk": false,
		"RAND Corporation": true, "NCCIH Clearinghouse": true, "The Brookings Institution": true,
	} {
		if got := isOrgLine([]byte(line)); got != want {
			t.Errorf("isOrgLine(%q) = %v", line, got)
		}
	}
}

func TestGenre(t *testing.T) {
	qa := "Title\n\nWhat did you do first?\n\nI started in a small kitchen and my mother taught me.\n\n" +
		"Why bread?\n\nI love it and we bake every day.\n\nWhat next?\n\nI will open a school, my own one.\n"
	quotes := "Title\n\n\u201cA quote here,\u201d she said.\n\n\u201cAnother one,\u201d he said.\n\n" +
		"\u201cA third,\u201d they said.\n\nA plain paragraph of text here.\n\n\u201cA fourth.\u201d\n"
	roundup := "News in brief\n\nHarbour\n\nThe ferry terminal opened.\n\nSchools\n\nThree schools merge.\n\n" +
		"Weather\n\nStorms hit the hills.\n\nSport\n\nThe team won.\n\nArts\n\nA new museum opens.\n\nTraffic\n\nRoads closed.\n"
	article := "Title\n\nThe council met on Tuesday.\n\nIt approved the budget.\n\nWhat happens next? The mayor will sign it.\n"
	for text, want := range map[string]string{qa: genreQA, quotes: genreQuotes, roundup: genreRoundup, article: ""} {
		if got := genre(document.New("g", []byte(text), document.Meta{}), 0, 0); got != want {
			t.Errorf("genre of %.30q = %q, want %q", text, got, want)
		}
	}
}

func TestParseDF(t *testing.T) {
	tab := parseDF([]byte("# comment\nN 99\ncommon 99\nrare 2\nbad line\n"))
	if tab.weight("common") > 0.05 || tab.weight("rare") < 3 || tab.weight("unseen") <= tab.weight("rare") {
		t.Errorf("weights: common %.3f rare %.3f unseen %.3f", tab.weight("common"), tab.weight("rare"), tab.weight("unseen"))
	}
	if defaultIDF().len() < 1000 {
		t.Errorf("embedded table has only %d terms", defaultIDF().len())
	}
	if !strings.Contains(dfTable, "CC-BY-4.0") {
		t.Error("embedded table lost its source and licence header")
	}
}

// leadCos: a digression the article introduces shares words with the
// paragraphs before it; a glued-in block starts cold.
func TestLeadCos(t *testing.T) {
	lead := func(file, firstWords string) float64 {
		t.Helper()
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc := document.New("t", src, document.Meta{})
		c := analyse(doc, defaultIDF())
		defer c.release()
		for i := range c.units {
			b := doc.Blocks[c.units[i].firstBlock]
			if strings.HasPrefix(string(doc.Src[b.ContentStart:b.End]), firstWords) {
				return c.leadCos(i, min(i+2, c.n-1))
			}
		}
		t.Fatalf("%s: no unit starts with %q", file, firstWords)
		return 0
	}
	cold := lead(filepath.Join("..", "..", "testdata", "insertion", "middle.txt"), "Sourdough bread")
	introduced := lead(filepath.Join("testdata", "introduced.txt"), "A Douro watermill")
	if cold > 0.01 || introduced < 0.03 {
		t.Errorf("leadCos: glued-in block %.3f (want about 0), introduced digression %.3f (want > 0.03)", cold, introduced)
	}
}
