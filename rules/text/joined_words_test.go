package text

import (
	"testing"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

func TestJoinedWordsFindsAndFixes(t *testing.T) {
	text := "Their work underscores the urgency ofinternational cooperation.\n"
	f := flagged(t, JoinedWords, text, 1)[0]
	if got := text[f.Start:f.End]; got != "ofinternational" {
		t.Errorf("span %q", got)
	}
	if f.Fix.Safety != fixers.Safe {
		t.Errorf("one plausible split should be a safe fix, got %v", f.Fix.Safety)
	}
	if got := applyFix(t, text, f); got != "Their work underscores the urgency of international cooperation.\n" {
		t.Errorf("fixed: %q", got)
	}
	// A noun glued to the word after it.
	f = flagged(t, JoinedWords, "The top rated health insurance companiesin the state.\n", 1)[0]
	if f.Fix.Edits[0].Start != f.Start+len("companies") {
		t.Errorf("space inserted at the wrong place: %+v", f.Fix.Edits)
	}
	// Short joins of two function words, and "a" + noun.
	flagged(t, JoinedWords, "It is one ofthe best.\n", 1)
	flagged(t, JoinedWords, "It takes abit of focus.\n", 1)
}

func TestJoinedWordsAmbiguousSplitIsUnsafe(t *testing.T) {
	// "in today" or "into day": two readings, so the fix needs a human.
	f := flagged(t, JoinedWords, "The report appears intoday and again tomorrow.\n", 1)[0]
	if f.Fix.Safety != fixers.Unsafe {
		t.Errorf("two plausible splits must give an unsafe fix, got %v (%s)", f.Fix.Safety, f.Message)
	}
}

func TestJoinedWordsTraps(t *testing.T) {
	quiet(t, JoinedWords,
		// Real words, also ones that split into function word + word.
		"Mississippi is within reach; the onboarding went without incident, instead of atonement.\n",
		"The llama and the aardvark are not joined words. Nor is together or nevertheless.\n",
		// URLs, e-mail addresses, paths, handles, code and identifiers.
		"See https://example.com/ofinternational and www.ofinternational.org today.\n",
		"Write to ofinternational@example.org or @ofinternational on the site.\n",
		"Run `ofinternational --help` in the folder /usr/share/ofinternational now.\n",
		"The variable of_international and the file ofinternational.txt are code.\n",
		"Call ofInternational() and covid19tracker from the library.\n",
		"Build it with go build -asan or --ofinternational for leak detection.\n",
		// Names are capitalised; a capitalised token is never split.
		"Ofinternational Ltd and Atlanta are names in this text about the company.\n",
		// Spoken forms with an elided letter.
		"That's all, I'm just sayin' and we get to slurpin' the noodles.\n",
		// Inflected compounds of listed words.
		"We gradually onboarded new models and avoided overbookings this year.\n",
		// Foreign-language text.
		"Die Bundesregierung hat andere Pläne, sagte der Sprecher am Donnerstag in Berlin.\n",
		"Definitely voor herhaling vatbaar, zeiden de deelnemers aan het einde van de dag.\n",
	)
	// Fenced code is not prose.
	quiet(t, JoinedWords, "Text before.\n\n```\nifthe ofinternational\n```\n")
}

func TestJoinedWordsLearnsCorpusVocabulary(t *testing.T) {
	once := "Blocks are recorded exactly as they occur onchain in the ledger.\n"
	if len(warnings(t, JoinedWords, once)) != 1 {
		t.Fatal("a one-off \"onchain\" should be flagged when nothing else is known")
	}
	docs := []ruletest.Doc{
		{Path: "a.txt", Text: once},
		{Path: "b.txt", Text: "Settlement happens onchain, not off it.\n"},
		{Path: "c.txt", Text: "Most onchain activity is automated by bots.\n"},
	}
	for i, fs := range ruletest.RunCorpus(t, JoinedWords, docs, nil) {
		if len(ruletest.AtLeast(fs, rules.Warning)) != 0 {
			t.Errorf("doc %d: a token the corpus uses three times is vocabulary, not a join", i)
		}
	}
	// Twice in one document is a term of that document.
	quiet(t, JoinedWords, "We stream instream ads. Instream ads pay; instream video too.\n")
	// Two function words glued are never vocabulary, however often seen.
	docs = []ruletest.Doc{
		{Path: "a.txt", Text: "One ofthe best.\n"}, {Path: "b.txt", Text: "Two ofthe best.\n"}, {Path: "c.txt", Text: "All ofthe rest.\n"},
	}
	for i, fs := range ruletest.RunCorpus(t, JoinedWords, docs, nil) {
		if len(ruletest.AtLeast(fs, rules.Warning)) != 1 {
			t.Errorf("doc %d: \"ofthe\" must be flagged even when it recurs", i)
		}
	}
}
