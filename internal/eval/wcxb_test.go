package eval

import (
	"fmt"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/dochygiene/hygiene/rules"
)

func fixtureDir(t *testing.T) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "wcxb")
}

// lineRule is a fake rule that flags whole lines by their text, at the
// severity given, so the scoring can be checked line by line.
func lineRule(id string, flags map[string]rules.Severity) *rules.Rule {
	return &rules.Rule{ID: id, Summary: "test", Severity: rules.Error, Run: func(p *rules.Pass) {
		for i := range p.Doc.Lines {
			if sev, ok := flags[string(p.Doc.LineText(i))]; ok {
				l := p.Doc.Lines[i]
				p.Report(rules.Finding{Start: l.Start, End: l.End, Severity: sev, Message: "flagged, for a test"})
			}
		}
	}}
}

func TestWCXBScoring(t *testing.T) {
	pages, err := LoadWCXB(fixtureDir(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 1 || len(pages[0].Lines) != 30 || pages[0].Labels[12] != LabelTitle || pages[0].Truth == "" {
		t.Fatalf("fixture loaded wrong: %+v", pages)
	}
	r := lineRule("boilerplate/test", map[string]rules.Severity{
		"Login":                       rules.Warning, // lines 3, 15, 23: boilerplate
		"Menu":                        rules.Info,    // below warning: not counted
		"Harbour reopens after storm": rules.Error,   // the title: counts as content
		"€ 12":                        rules.Error,   // notext: ignored
		"Share this: Facebook and our weekly quiz about the harbour": rules.Error, // mixed: ignored
	})
	rs := []*rules.Rule{r}

	from, to := pages[0].Range(ResidueView)
	if from != 2 || to != 26 {
		t.Errorf("residue range %d..%d, want 2..26 (lines 3-26)", from, to)
	}
	res := ScoreLines(pages, ResidueView, rs, rules.Warning)
	if want := (Score{TP: 3, FP: 1, FN: 16, TN: 2}); res.Score != want {
		t.Errorf("residue score %+v, want %+v", res.Score, want)
	}
	if s := res.ByRule["boilerplate/test"]; s == nil || s.TP != 3 || s.FP != 1 {
		t.Errorf("per-rule split %+v", s)
	}
	if len(res.FalseAlarms) != 1 || res.FalseAlarms[0].Line != 13 {
		t.Errorf("false alarms %+v, want the title at line 13", res.FalseAlarms)
	}
	page := ScoreLines(pages, PageView, rs, rules.Warning)
	if want := (Score{TP: 3, FP: 1, FN: 22, TN: 2}); page.Score != want {
		t.Errorf("whole-page score %+v, want %+v", page.Score, want)
	}
	// Counting info findings too: "Menu" (line 4) becomes a hit.
	if got := ScoreLines(pages, ResidueView, rs, rules.Info).TP; got != 4 {
		t.Errorf("at info: TP %d, want 4", got)
	}

	alarmed, total, byRule, _ := TruthAlarms(pages, rs, rules.Warning, false)
	// The truth holds the title and a "Login" line: two findings, one text.
	if alarmed != 1 || total != 1 || byRule["boilerplate/test"] != 2 {
		t.Errorf("truth alarms %d of %d (%v), want 1 of 1", alarmed, total, byRule)
	}
	quiet := lineRule("boilerplate/quiet", map[string]rules.Severity{"Login": rules.Info})
	if alarmed, _, _, _ := TruthAlarms(pages, []*rules.Rule{quiet}, rules.Warning, false); alarmed != 0 {
		t.Errorf("info findings counted as truth alarms")
	}
}

func TestWCXBDocumentMapsLines(t *testing.T) {
	p := &WCXBPage{ID: "x", Lines: []string{"a", "b", "c"}, Labels: make([]string, 3), First: 2, Last: 2}
	doc, pageLine := p.Document(PageView)
	if string(doc.Src) != "a\n\nb\n\nc\n" {
		t.Errorf("document %q", doc.Src)
	}
	if want := []int{0, -1, 1, -1, 2}; len(pageLine) != len(want) || pageLine[2] != 1 || pageLine[1] != -1 || pageLine[4] != 2 {
		t.Errorf("line map %v, want %v", pageLine, want)
	}
}

func TestWCXBSplitDeterministic(t *testing.T) {
	tune := 0
	for i := 0; i < 1000; i++ {
		id := fmt.Sprintf("dev-%04d", i)
		first := WCXBTune(id)
		if again := WCXBTune(fmt.Sprint("dev-", fmt.Sprintf("%04d", i))); again != first {
			t.Fatal("split not deterministic")
		}
		if first {
			tune++
		}
	}
	if tune < 400 || tune > 600 {
		t.Errorf("tune part %d of 1000, want about half", tune)
	}
}

func TestLoadWCXBErrors(t *testing.T) {
	if _, err := LoadWCXB(t.TempDir()); err == nil {
		t.Error("missing manifest: no error")
	}
}

// TestWCXBTuneSubSplit checks that tune-a and tune-b split the tune half
// by site, deterministically: every page of a site falls on one side
// (the line model's folds group by the same site), none is lost, and no
// report page gets in.
func TestWCXBTuneSubSplit(t *testing.T) {
	var pages []*WCXBPage
	for i := 0; i < 2000; i++ {
		// Three pages per site, and some pages without a domain.
		domain := fmt.Sprintf("site%d.example", i/3)
		if i%50 == 0 {
			domain = ""
		}
		pages = append(pages, &WCXBPage{ID: fmt.Sprintf("dev-%04d", i), Domain: domain})
	}
	tune, _ := WCXBSplit(pages, "tune")
	a, okA := WCXBSplit(pages, "tune-a")
	b, okB := WCXBSplit(pages, "tune-b")
	report, _ := WCXBSplit(pages, "report")
	if !okA || !okB {
		t.Fatal("tune-a or tune-b unknown")
	}
	if len(a)+len(b) != len(tune) || len(tune)+len(report) != len(pages) {
		t.Fatalf("tune %d = a %d + b %d? report %d, all %d", len(tune), len(a), len(b), len(report), len(pages))
	}
	if len(a) < len(tune)*2/5 || len(b) < len(tune)*2/5 {
		t.Errorf("tune-a %d, tune-b %d of %d: want about half each", len(a), len(b), len(tune))
	}
	side := map[string]bool{}
	for _, p := range a {
		if !WCXBTune(p.ID) {
			t.Fatalf("report page %s in tune-a", p.ID)
		}
		side[WCXBSite(p)] = true
	}
	for _, p := range b {
		if !WCXBTune(p.ID) {
			t.Fatalf("report page %s in tune-b", p.ID)
		}
		if side[WCXBSite(p)] {
			t.Fatalf("site %s on both sides", WCXBSite(p))
		}
	}
	if WCXBSite(&WCXBPage{ID: "dev-0001"}) != "dev-0001" {
		t.Error("a page without a domain is not its own site")
	}
	again, _ := WCXBSplit(pages, "tune-a")
	for i := range again {
		if again[i] != a[i] {
			t.Fatal("sub-split not deterministic")
		}
	}
	if _, ok := WCXBSplit(pages, "tune-c"); ok {
		t.Error("unknown split accepted")
	}
}
