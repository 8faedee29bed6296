package facts

import (
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
