package text

import (
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// corpusOf collects r over texts and merges the summaries in order.
func corpusOf(r *rules.Rule, texts ...string) rules.Summary {
	var corpus rules.Summary
	for _, text := range texts {
		corpus = r.Merge(corpus, r.Collect(document.New("t.txt", []byte(text), document.Meta{}), nil))
	}
	return corpus
}

// findingsWith runs r on text against corpus.
func findingsWith(r *rules.Rule, corpus rules.Summary, text string) []rules.Finding {
	var got []rules.Finding
	doc := document.New("t.txt", []byte(text), document.Meta{})
	r.Run(rules.NewPass(r, doc, nil, corpus, r.Severity, func(f rules.Finding) { got = append(got, f) }))
	return got
}

// TestCorpusRulesReadDocumentsTheyDidNotCollect: a document the first
// pass collected without anything to read is passed over, but the same
// text edited (a fix round's next version) is another document, read in
// full.
func TestCorpusRulesReadDocumentsTheyDidNotCollect(t *testing.T) {
	plain := "The report said the talks went on for a week.\n"
	for _, c := range []struct {
		rule  *rules.Rule
		holds string // a collected document holding the word the edit adds
		edit  string
	}{
		{JoinedWords, "The urgency ofinternational cooperation grew.\n", "They spoke ofinternational cooperation.\n"},
		{DoubledLetter, "The minister spoke.\n", "Tthe minister spoke.\n"},
	} {
		corpus := corpusOf(c.rule, c.holds, plain)
		if got := findingsWith(c.rule, corpus, plain); len(got) != 0 {
			t.Errorf("%s: %d findings on the plain document, want none", c.rule.ID, len(got))
		}
		if got := findingsWith(c.rule, corpus, plain+c.edit); len(got) != 1 {
			t.Errorf("%s: %d findings on the edited document, want 1", c.rule.ID, len(got))
		}
	}
}

// TestCorpusDocsPassOverOnlyCollectedDocumentsWithNothingToRead checks
// passesOver on a sorted set.
func TestCorpusDocsPassOverOnlyCollectedDocumentsWithNothingToRead(t *testing.T) {
	var c corpusDocs
	for k := docKey(1); k <= 100; k++ {
		o := corpusDocs{collected: []docKey{k * 7}}
		if k%10 == 0 {
			o.toRead = []docKey{k * 7}
		}
		c.merge(o)
	}
	c.sort()
	for k := docKey(0); k <= 800; k++ {
		want := k%7 == 0 && k >= 7 && k <= 700 && k/7%10 != 0
		if got := c.passesOver(k); got != want {
			t.Fatalf("key %d: passesOver %v, want %v", k, got, want)
		}
	}
}
