package facts

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/knowledge"
	"github.com/dochygiene/hygiene/rules"
)

// TestMayHoldItemNumberCoversExpression holds the document test to the
// item expression: wherever the expression matches, the test says so, and
// it says so exactly where the item (any case) stands before spaces and a
// digit.
func TestMayHoldItemNumberCoversExpression(t *testing.T) {
	rng := rand.New(rand.NewPCG(48, 5))
	pieces := []string{"Article", "ARTICLE", "aRtIcLe", "article", "rticle", "Art", "icle", "art.", "Art.", " ", "  ", "\u00a0", "\xc2",
		"\xa0", "5", "42", "(7)", ".", "x", "particle", "\u212a", "\u017f", "Section", "SECTION", "\u00e9", "\n",
		"Article 5", "ARTICLE\u00a042", "art. 3", "Section 4", "\u017fection 2", "Kapitel 1", "\u212aapitel 7", " 7",
		"a.b 5", "A.B\u00a07", "a\x0eb 5", "a\x0eB 1", "b"}
	items := []string{"Article", "Art.", "Section", "Article", "c", "Kapitel", "a.b"}
	matched := 0
	for range 30000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := []byte(b.String())
		for _, item := range items {
			got := mayHoldItemNumber(text, item)
			if itemRE(item).Match(text) {
				matched++
				if !got {
					t.Fatalf("mayHoldItemNumber(%q, %q) = false, but the expression matches", text, item)
				}
			}
			if strings.ContainsAny(item, "kKsS") {
				if !got {
					t.Fatalf("mayHoldItemNumber(%q, %q) = false for an item with k or s", text, item)
				}
				continue
			}
			want := false
			for i := 0; i+len(item) <= len(text); i++ {
				if strings.EqualFold(string(text[i:i+len(item)]), item) && numberFollows(text, i+len(item)) {
					want = true
				}
			}
			if got != want {
				t.Fatalf("mayHoldItemNumber(%q, %q) = %v, want %v", text, item, got, want)
			}
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d matches", matched)
	}
}

// runKnownReference is runKnown before the document test: the sentences
// were split whenever the item word occurred.
func runKnownReference(pass *rules.Pass) {
	pack := knowledge.Active()
	doc := pass.Doc
	facts := factsIn(pack, doc.Src)
	if len(facts) == 0 {
		return
	}
	for _, s := range doc.Sentences() {
		sentence := doc.Src[s.Start:s.End]
		var lower string
		for _, fact := range facts {
			if !fact.inside(s.Start, s.End) || !hasDigit(sentence) {
				continue
			}
			if lower == "" {
				lower = strings.ToLower(string(sentence))
			}
			for _, loc := range itemRE(fact.Item).FindAllSubmatchIndex(sentence, -1) {
				value := string(sentence[loc[2]:loc[3]])
				before := strings.ToLower(string(sentence[:loc[0]]))
				after := strings.ToLower(string(sentence[loc[1]:]))
				if !aboutSubject(fact.Fact, before, after) || value == fact.Value {
					continue
				}
				if !wrongInContext(fact.Fact, value, lower) {
					continue
				}
				start, end := s.Start+loc[2], s.Start+loc[3]
				pass.Report(rules.Finding{
					Start: s.Start + loc[0], End: s.Start + loc[1],
					Message: fmt.Sprintf("%s %s: %s is %s %s", fact.Item, value, fact.Claim, fact.Item, fact.Value),
					Fix: &fixers.Fix{Message: fmt.Sprintf("write %s %s", fact.Item, fact.Value), Safety: fixers.Unsafe,
						Edits: []fixers.Edit{fixers.Replace(start, end, fact.Value)}},
				})
			}
		}
	}
}

func TestKnownDocumentTestChangesNoFinding(t *testing.T) {
	texts := outdatedTexts(t)
	texts = append(texts, Known.Bad, Known.Good)
	rng := rand.New(rand.NewPCG(48, 13))
	items := []string{"Article", "ARTICLE", "article", "aRticle", "Art.", "particle", "Article\u00a0"}
	subjects := []string{" of the North Atlantic Treaty", " of the Treaty on European Union", "", " of NATO's charter"}
	claims := []string{" commits allies to collective defence.", " covers consultations.", " is about an attack on one.", " says nothing.\n\n"}
	for range 1500 {
		var b strings.Builder
		for range 1 + rng.IntN(5) {
			b.WriteString(items[rng.IntN(len(items))] + " " + fmt.Sprint(rng.IntN(14)) + subjects[rng.IntN(len(subjects))] + claims[rng.IntN(len(claims))] + " ")
		}
		texts = append(texts, b.String())
	}
	noMeta := func(int) document.Meta { return document.Meta{} }
	assertSameFindings(t, Known, runKnown, runKnownReference, texts, noMeta, 100)
}

// referenceMayHoldItemNumber is mayHoldItemNumber before it looked for the
// digits: it looked for the item's rarest letter in both cases with
// bytes.IndexByte and compared around each.
func referenceMayHoldItemNumber(text []byte, item string) bool {
	if item == "" || strings.ContainsAny(item, "kKsS") || !isASCII(item) {
		return true
	}
	upper := func(c byte) byte {
		if 'a' <= c && c <= 'z' {
			return c - ('a' - 'A')
		}
		return c
	}
	at := rarestByte(item)
	rares := []byte{lowerASCII(item[at]), upper(item[at])}
	if rares[0] == rares[1] {
		rares = rares[:1]
	}
	near := at + 1
	if near == len(item) {
		near = at - 1
	}
	for _, rare := range rares {
		for i := at; i < len(text); {
			k := bytes.IndexByte(text[i:], rare)
			if k < 0 {
				break
			}
			start := i + k - at
			i += k + 1
			if near >= 0 && (start+near >= len(text) || lowerASCII(text[start+near]) != lowerASCII(item[near])) {
				continue
			}
			if end := start + len(item); end <= len(text) && equalFoldASCII(text[start:end], item) && numberFollows(text, end) {
				return true
			}
		}
	}
	return false
}

// TestMayHoldItemNumberMatchesReference holds mayHoldItemNumber, which
// looks for the digits, to its reference on the seeds, the WCXB texts
// (whole, and cut every 997 bytes so that texts end inside numbers and
// spaces) and generated texts, for items of one letter, with a trailing
// dot, with a trailing space (which may always match now), and in
// capitals.
func TestMayHoldItemNumberMatchesReference(t *testing.T) {
	var texts [][]byte
	for _, text := range outdatedTexts(t) {
		texts = append(texts, []byte(text))
		for cut := 997; cut < len(text); cut += 997 {
			texts = append(texts, []byte(text[:cut]), []byte(text[cut:]))
		}
	}
	rng := rand.New(rand.NewPCG(64, 17))
	pieces := []string{"Article", "ARTICLE", "aRtIcLe", "art.", "Art", "c", "C", " ", "  ", "\u00a0", "\xc2", "\xa0", "\xc2\xa0\xa0",
		"5", "42", "(7)", "x", "particle", "Articles 4", "Chapter", "1.", " 2 ", "\t3", "\n4", "\u00e9", "0123456789abcdef"}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(14) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, []byte(b.String()))
	}
	items := []string{"Article", "ARTICLE", "Art.", "c", "Chapter", "Article ", "Annex", "Part", "1", "a.b"}
	agree := 0
	for _, text := range texts {
		for _, item := range items {
			got, want := mayHoldItemNumber(text, item), referenceMayHoldItemNumber(text, item)
			if got != want && (!strings.HasSuffix(item, " ") || !got) {
				t.Fatalf("mayHoldItemNumber(%.200q, %q) = %v, the reference says %v", text, item, got, want)
			}
			if want {
				agree++
			}
		}
	}
	if agree < 1000 {
		t.Fatalf("only %d positive answers", agree)
	}
	t.Logf("%d texts, %d positive answers agree", len(texts), agree)
}

// TestNextDigit holds nextDigit to a byte-by-byte search on every start
// of texts that put a digit, or none, at every offset of a 32-byte block,
// among bytes on both sides of the digits ('/' and ':') and above ASCII.
func TestNextDigit(t *testing.T) {
	fill := []byte("ab/:\xb0\xb9\xff x")
	for n := 0; n <= 72; n++ {
		for at := -1; at < n; at++ {
			text := make([]byte, n)
			for k := range text {
				text[k] = fill[(k*7+n)%len(fill)]
			}
			if at >= 0 {
				text[at] = '0' + byte(at%10)
			}
			for i := 0; i <= n; i++ {
				want := len(text)
				for k := i; k < len(text); k++ {
					if '0' <= text[k] && text[k] <= '9' {
						want = k
						break
					}
				}
				if got := nextDigit(text, i); got != want {
					t.Fatalf("nextDigit(%q, %d) = %d, want %d", text, i, got, want)
				}
			}
		}
	}
}
