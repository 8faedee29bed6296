package facts

import (
	"strings"
	"testing"
	"time"

	"github.com/dochygiene/hygiene/internal/document"
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

func runDated(t *testing.T, r *rules.Rule, text, date string) []rules.Finding {
	t.Helper()
	meta := document.Meta{}
	if date != "" {
		d, err := time.Parse("2006-01-02", date)
		if err != nil {
			t.Fatal(err)
		}
		meta.Date = d
	}
	return ruletest.RunCorpus(t, r, []ruletest.Doc{{Path: "t.txt", Text: text, Meta: meta}}, nil)[0]
}

func TestWeekday(t *testing.T) {
	cases := []struct {
		text, date string
		want       int
	}{
		{"They met on Friday, September 4, 2025 in Paris.", "", 1},
		{"They met on Thursday, September 4, 2025 in Paris.", "", 0},
		{"They met on Thu 4 Sep 2025.", "", 0},
		{"They met on Friday 4 September.", "2025-09-11", 1},
		{"They met on Thursday the 4th of September.", "2025-09-11", 0},
		// No year and no article date: nothing to check against.
		{"They met on Friday, September 4.", "", 0},
		{"September 4, 2025\n\nThey met on Friday, September 4.", "", 1},
		{"Filed on Monday, 2025-09-08 and again on Tuesday (09.09.2025).", "", 0},
		{"Deadline: Wednesday, October 15, 2026.", "", 1},
		// Ambiguous numeric dates are not read.
		{"On Monday 4/9/2025 it rained.", "", 0},
		// Weekday not next to the date.
		{"On Friday the leaders said September 4, 2025 was historic.", "", 0},
	}
	for _, c := range cases {
		fs := runDated(t, Weekday, c.text, c.date)
		if len(fs) != c.want {
			t.Errorf("%q (%s): want %d findings, got %s", c.text, c.date, c.want, messages(fs))
		}
	}
}

func TestKnown(t *testing.T) {
	flag := []string{
		"Article 7 of the North Atlantic Treaty and the Warsaw Pact were intended to guarantee the security of allies.",
		"Allies invoked NATO's Article 6 collective defence clause after the attack.",
		"Under Article 4 of the North Atlantic Treaty, an armed attack against one ally is an attack against all.",
	}
	for _, text := range flag {
		fs := ruletest.Run(t, Known, text, nil)
		if len(fs) != 1 || fs[0].Fix == nil || fs[0].Fix.Edits[0].Text != "5" {
			t.Errorf("%q: want one finding with fix 5, got %s", text, messages(fs))
		}
	}
	quiet := []string{
		"Article 5 of the North Atlantic Treaty commits allies to collective defence.",
		"Poland requested Article 4 consultations under the North Atlantic Treaty after the drone attack.",
		"Article 7 of the Treaty on European Union allows sanctions against Hungary for breaching EU values.",
		"Article 42.7 of the EU treaty is its own mutual defence clause.",
		"Finland joined under Article 10 of the North Atlantic Treaty, the open door for membership.",
		"Article 7 of the North Atlantic Treaty concerns the UN Charter.",
		"NATO's Article 5 guarantees protection to every member.",
	}
	for _, text := range quiet {
		if fs := ruletest.Run(t, Known, text, nil); len(fs) != 0 {
			t.Errorf("%q: want quiet, got %s", text, messages(fs))
		}
	}
}

func TestKnownSeeds(t *testing.T) {
	_, text := ruletest.Seed(t, "003")
	fs := ruletest.Run(t, Known, text, nil)
	if lines := ruletest.Lines(text, fs); len(lines) != 1 || lines[0] != 15 {
		t.Errorf("seed 003: want line 15, got %v %s", lines, messages(fs))
	}
	for _, seed := range []string{"000", "001", "002", "004"} {
		_, text := ruletest.Seed(t, seed)
		if fs := ruletest.Run(t, Known, text, nil); len(fs) != 0 {
			t.Errorf("seed %s: want quiet, got %s", seed, messages(fs))
		}
	}
}

func TestOutdatedTitle(t *testing.T) {
	cases := []struct {
		text, date string
		want       int
	}{
		{"German Chancellor Olaf Scholz met Emmanuel Macron.", "2025-09-04", 1},
		{"German Chancellor Friedrich Merz met Emmanuel Macron.", "2025-09-04", 0},
		{"German Chancellor Friedrich Merz met Emmanuel Macron.", "2024-01-10", 1},
		{"Chancellor Olaf Scholz spoke.", "2025-09-04", 1},
		{"Germany's chancellor, Olaf Scholz, spoke.", "2025-09-04", 1},
		{"NATO Secretary General Jens Stoltenberg spoke.", "2025-09-04", 1},
		{"NATO Secretary General Mark Rutte spoke.", "2025-09-04", 0},
		{"UK Prime Minister Rishi Sunak spoke.", "2025-09-04", 1},
		// Quiet contexts.
		{"Former German Chancellor Olaf Scholz spoke.", "2025-09-04", 0},
		{"Then-German Chancellor Olaf Scholz spoke.", "2025-09-04", 0},
		{"Rutte's predecessor Jens Stoltenberg warned in vain.", "2025-09-04", 0},
		{"In 2023, NATO Secretary General Jens Stoltenberg warned Russia.", "2025-09-04", 0},
		{"Incoming Chancellor Friedrich Merz spoke.", "2025-04-20", 0},
		{"Deputy Prime Minister Denys Shmyhal spoke.", "2025-09-04", 0},
		// A week's grace around a handover.
		{"German Chancellor Olaf Scholz spoke.", "2025-05-08", 0},
		// No date: no finding. After valid_as_of: cannot verify.
		{"German Chancellor Olaf Scholz met Emmanuel Macron.", "", 0},
		{"UK Prime Minister Rishi Sunak spoke.", "2031-01-01", 0},
		// A gap in the sources: nobody is certain.
		{"French Prime Minister Manuel Valls spoke.", "2018-06-01", 0},
		// Offices the person never held are not this rule's business.
		{"German Chancellor Emmanuel Macron spoke.", "2025-09-04", 0},
	}
	for _, c := range cases {
		fs := runDated(t, OutdatedTitle, c.text, c.date)
		if len(fs) != c.want {
			t.Errorf("%q (%s): want %d findings, got %s", c.text, c.date, c.want, messages(fs))
		}
	}
}

func TestOutdatedTitleDateline(t *testing.T) {
	text := "11 September 2025\n\n## Title\n\nGerman Chancellor Olaf Scholz met the coalition."
	if fs := ruletest.Run(t, OutdatedTitle, text, nil); len(fs) != 1 || !strings.Contains(fs[0].Message, "Friedrich Merz") {
		t.Errorf("want a finding naming Merz, got %s", messages(fs))
	}
	// A dated citation is judged at its own date.
	note := "September 4, 2025\n\nRutte said so.[1]\n\n[1] Remarks by NATO Secretary General Jens Stoltenberg. nato.int 07.09.2023.\n"
	if fs := ruletest.Run(t, OutdatedTitle, note, nil); len(fs) != 0 {
		t.Errorf("dated citation: want quiet, got %s", messages(fs))
	}
}

func TestFactsSeedsQuiet(t *testing.T) {
	for _, seed := range []string{"000", "001", "002", "003", "004"} {
		_, text := ruletest.Seed(t, seed)
		for _, r := range []*rules.Rule{OutdatedTitle, Weekday} {
			for _, date := range []string{"", "2025-09-05"} {
				if fs := runDated(t, r, text, date); len(fs) != 0 {
					t.Errorf("seed %s %s (date %q): want quiet, got %s", seed, r.ID, date, messages(fs))
				}
			}
		}
	}
}
