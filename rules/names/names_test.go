package names

import (
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/knowledge"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

func messages(fs []rules.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.Message + "\n")
	}
	return b.String()
}

func TestMisspelledPersonFlags(t *testing.T) {
	cases := map[string]string{
		"Emmanuel Macron and Keith Starmer visited the Oval Office.":        "Keir",
		"Prime Minister Kier Starmer spoke.":                                "Keir",
		"French President Emmanuel Macrom said so.":                         "Macron",
		"NATO chief Mark Rute spoke in Prague.":                             "",
		"Ukrainian President Volodymyr Zelenskky met Macron.":               "Zelensky",
		"Xi Jingping met Vladimir Putin.":                                   "Jinping",
		"Ursula von der Leyen spoke. Later Ursula von der Leyne spoke too.": "von der Leyen",
	}
	for text, want := range cases {
		fs := ruletest.Run(t, MisspelledPerson, text, nil)
		if want == "" {
			if len(fs) != 0 {
				t.Errorf("%q: want quiet (common given name, short surname), got %s", text, messages(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Fix == nil || fs[0].Fix.Edits[0].Text != want || fs[0].Fix.Safety != fixers.Unsafe {
			t.Errorf("%q: want one finding fixing to %q, got %s", text, want, messages(fs))
		}
	}
}

func TestMisspelledPersonSurnameAlone(t *testing.T) {
	text := "French President Emmanuel Macron arrived. Later Macrom said the coalition would hold."
	fs := ruletest.Run(t, MisspelledPerson, text, nil)
	if len(fs) != 1 || text[fs[0].Start:fs[0].End] != "Macrom" {
		t.Fatalf("want Macrom flagged, got %s", messages(fs))
	}
	// Every mention misspelt the same way: the full name and each surname.
	text = "Keir Stramer spoke first. Stramer then left. Stramer's aides stayed."
	fs = ruletest.Run(t, MisspelledPerson, text, nil)
	if len(fs) != 3 {
		t.Fatalf("want 3 findings, got %s", messages(fs))
	}
}

func TestMisspelledPersonTraps(t *testing.T) {
	quiet := []string{
		// Accepted transliterations.
		"Ukraine: Zelenskyy to allow over-60s enlist. Volodymyr Zelenskiy and Volodymyr Selenskyj agreed.",
		// Relatives sharing a surname.
		"Donald Trump and Eric Trump and Ivanka Trump and Melania Trump arrived.",
		// Common given names with near surnames are other people.
		"John Kelly and Mark Rutter met David Lammy.",
		// Titles and words before a known surname.
		"President Macron, Mr Macron and Brigitte Macron met Chancellor Merz.",
		// Middle names and initials.
		"Donald J. Trump and Joseph R. Biden debated; Dmitry Medvedev watched.",
		// Factbook-only people need the correct name in the document first.
		"Getty Images / Daniela Duncan",
		// URLs.
		"See https://example.com/keith-starmer and www.Macrom.fr for more.",
	}
	for _, text := range quiet {
		if fs := ruletest.Run(t, MisspelledPerson, text, nil); len(fs) != 0 {
			t.Errorf("%q: want quiet, got %s", text, messages(fs))
		}
	}
}

func TestMisspelledPersonSeeds(t *testing.T) {
	_, text := ruletest.Seed(t, "003")
	fs := ruletest.Run(t, MisspelledPerson, text, nil)
	lines := ruletest.Lines(text, fs)
	found17 := false
	for i, l := range lines {
		if l == 17 && strings.Contains(fs[i].Message, "Keir Starmer") {
			found17 = true
		}
	}
	if !found17 {
		t.Errorf("seed 003 line 17 Keith Starmer not flagged: %v %s", lines, messages(fs))
	}
	for _, seed := range []string{"000", "001", "002", "004"} {
		_, text := ruletest.Seed(t, seed)
		if fs := ruletest.Run(t, MisspelledPerson, text, nil); len(fs) != 0 {
			t.Errorf("seed %s: want quiet, got %s", seed, messages(fs))
		}
	}
}

func TestVariantWithinDocument(t *testing.T) {
	text := "Anna Kowalczyk spoke first. Anna Kowalczyk thanked the hosts. Later, Anna Kowalzcyk said the talks would go on."
	fs := ruletest.Run(t, Variant, text, nil)
	if len(fs) != 1 || !strings.Contains(text[fs[0].Start:fs[0].End], "Kowalzcyk") {
		t.Fatalf("want the rare spelling flagged, got %s", messages(fs))
	}
}

func TestVariantAcrossCorpus(t *testing.T) {
	docs := []ruletest.Doc{
		{Path: "a.txt", Text: "Minister Tobias Brenneisen spoke."},
		{Path: "b.txt", Text: "Tobias Brenneisen said no."},
		{Path: "c.txt", Text: "We met Tobias Brenneisen."},
		{Path: "d.txt", Text: "Tobias Breneisen was there."},
	}
	out := ruletest.RunCorpus(t, Variant, docs, nil)
	if len(out[3]) != 1 || len(out[0])+len(out[1])+len(out[2]) != 0 {
		t.Fatalf("want only d.txt flagged, got %v", out)
	}
	// Seen in two documents each: two real people, or both accepted.
	docs[2].Text = "Tobias Breneisen was here too."
	out = ruletest.RunCorpus(t, Variant, docs, nil)
	for i, fs := range out {
		if len(fs) != 0 {
			t.Errorf("doc %d: want quiet when both spellings are attested, got %s", i, messages(fs))
		}
	}
}

func TestVariantTraps(t *testing.T) {
	quiet := []string{
		// Relatives and different people sharing a surname.
		"Anna Kowalczyk met Jan Kowalczyk and Piotr Kowalczyk.",
		// Accepted transliterations and accents.
		"Oleksandr Syrskyi spoke; Oleksandr Syrskiy agreed. Sébastien Lecornu and Sebastien Lecornu.",
		// Quoted titles of cited works and notes.
		"Anna Kowalczyk spoke. Her book “Anna Kowalzcyk: A Life” sold well.\n\n[1] Anna Kowalsczyk, Memoirs, 2020.",
		// Product names and dictionary words.
		"The Sony WH-1000XM4 and Sony WH-1000XM5. The Foreign Minister and the Foreign Ministry.",
		// Known people are the other rule's business.
		"Keir Starmer and Keith Starmer.",
	}
	for _, text := range quiet {
		if fs := ruletest.Run(t, Variant, text, nil); len(fs) != 0 {
			t.Errorf("%q: want quiet, got %s", text, messages(fs))
		}
	}
	for _, seed := range []string{"000", "001", "002", "003", "004"} {
		_, text := ruletest.Seed(t, seed)
		if fs := ruletest.Run(t, Variant, text, nil); len(fs) != 0 {
			t.Errorf("seed %s: want quiet, got %s", seed, messages(fs))
		}
	}
}

func TestVariantShortNamesNeedOneEdit(t *testing.T) {
	text := "Santa Clara is north of Santa Clarita. Santa Clara again."
	if fs := ruletest.Run(t, Variant, text, nil); len(fs) != 0 {
		t.Errorf("two edits on a short name: want quiet, got %s", messages(fs))
	}
}

// The index's folded surnames are knowledge.Fold's, for every person of
// the pack and for a person outside it.
func TestFoldedSurnameIsFold(t *testing.T) {
	pack := knowledge.Active()
	idx := indexOf(pack)
	people := append([]*knowledge.Person{{Name: "Anna Kowalczyk", Surname: "Kowalczyk"}}, pack.People...)
	for _, p := range people {
		if got, want := idx.foldedSurname(p), knowledge.Fold(p.Surname); got != want {
			t.Fatalf("%s: folded surname %q, Fold says %q", p.Name, got, want)
		}
	}
}
