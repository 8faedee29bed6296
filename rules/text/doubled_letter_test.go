package text

import (
	"testing"

	"github.com/dochygiene/hygiene/rules/ruletest"
)

func TestDoubledCapital(t *testing.T) {
	text := "[5] Ssee also: Rüstungsknotenpunkt Ukraine (II).\n"
	f := flagged(t, DoubledLetter, text, 1)[0]
	if got := applyFix(t, text, f); got != "[5] See also: Rüstungsknotenpunkt Ukraine (II).\n" {
		t.Errorf("fixed: %q", got)
	}
	f = flagged(t, DoubledLetter, "It rained. Tthe report came late.\n", 1)[0]
	if got := applyFix(t, "It rained. Tthe report came late.\n", f); got != "It rained. The report came late.\n" {
		t.Errorf("fixed: %q", got)
	}
	// At a line start and after an opening quote.
	flagged(t, DoubledLetter, "Date TBA\nLlocation: Helsinki\n", 1)
	flagged(t, DoubledLetter, "He said \"Iit sure would be nice\" and left.\n", 1)
}

func TestDoubledCapitalTraps(t *testing.T) {
	quiet(t, DoubledLetter,
		"Llamas graze in the Andes. Llama wool is warm.\n",
		"Aaron met Lloyd in Mississippi. Eerie silence followed. Oops, said Ooms.\n",
		"Aalto University is in Finland.\n",
		// A rarer remainder before a capitalised word is a name.
		"Aamir Khan starred in the film.\n",
		// An acronym is not a doubled capital.
		"AAA batteries. TTL logic.\n",
	)
	// A doubled-capital name that the corpus uses mid-sentence is a name
	// at a sentence start too.
	docs := []ruletest.Doc{
		{Path: "a.txt", Text: "Nniculescu spoke first.\n"},
		{Path: "b.txt", Text: "The panel heard from Nniculescu on Monday.\n"},
	}
	for i, fs := range ruletest.RunCorpus(t, DoubledLetter, docs, nil) {
		if len(fs) != 0 {
			t.Errorf("doc %d: a name used mid-sentence must stay quiet: %s", i, fs[0].Message)
		}
	}
}

func TestDoubledWords(t *testing.T) {
	text := "We read the the report and and left.\n"
	fs := flagged(t, DoubledLetter, text, 2)
	if got := applyFix(t, text, fs[0]); got != "We read the report and and left.\n" {
		t.Errorf("fixed: %q", got)
	}
	flagged(t, DoubledLetter, "The the report was late.\n", 1)
	flagged(t, DoubledLetter, "It was one of\nof the best.\n", 1)
}

func TestDoubledWordsTraps(t *testing.T) {
	quiet(t, DoubledLetter,
		"He had had enough. She said that that was fine.\n",
		"What it is is a start. What it was was a mistake.\n",
		"What it stood for for decades is gone. Who they believed in in their youth.\n",
		"The The played Walla Walla. Bora Bora is far. Sirhan Sirhan was tried.\n",
		"It was the\n\nthe start of a new paragraph.\n",
		"Numbers 10 10 and code `the the` are not words to fix.\n",
	)
}
