package boilerplate

import (
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

func TestGatePasses(t *testing.T) {
	cases := []struct {
		proven, high, gate int
		want               bool
	}{
		{2, 0, 2, true},
		{1, 0, 2, false},
		{1, 1, 2, false},
		{1, 2, 2, true},
		// No proven furniture: silent whatever the model scores.
		{0, 9, 2, false},
		{0, 0, 0, true},
		{1, 2, 3, false},
		{1, 3, 3, true},
	}
	for _, c := range cases {
		if got := GatePasses(c.proven, c.high, c.gate); got != c.want {
			t.Errorf("GatePasses(%d, %d, %d) = %v, want %v", c.proven, c.high, c.gate, got, c.want)
		}
	}
}

// sectionMenu is a site's section links above an article's headline: the
// structure rule proves none of them, the model scores them as menus.
const sectionMenu = "Europe\n\nWorld\n\nBusiness\n\nSport\n\nCulture\n\nTravel\n\nCoalition agrees on security plan for Ukraine\n\n"

// A document with one line of proven furniture (a share prompt) passes
// the gate when the model itself scores two more of its lines as sure
// furniture: the section menu above the headline is reported, the
// headline is not.
func TestLineModelGateCountsSureLines(t *testing.T) {
	text := sectionMenu + body + "\n\nShare this article\n"
	if n := analyse(document.New("t.txt", []byte(text), document.Meta{})).furnitureLines(); n != 1 {
		t.Fatalf("%d proven furniture lines, the test wants one", n)
	}
	got := map[string]bool{}
	for _, f := range ruletest.AtLeast(ruletest.Run(t, LineModel, text, nil), rules.Warning) {
		got[strings.TrimSpace(text[f.Start:f.End])] = true
	}
	for _, want := range []string{"Europe", "World", "Business", "Sport"} {
		if !got[want] {
			t.Errorf("menu item %q not reported (reported: %v)", want, got)
		}
	}
	if got["Coalition agrees on security plan for Ukraine"] {
		t.Error("the headline is reported")
	}
}

// The model's own sure lines never open the gate alone: a clean article
// under a menu no rule proves, a clean article with a list of short
// items and one share prompt, stay quiet. (TestMastheadProvesNoFurniture
// holds the masthead's headline and byline with one closing heading.)
func TestLineModelGateTraps(t *testing.T) {
	cases := map[string]string{
		"menu, nothing proven": sectionMenu + body + "\n",
		"short list, one share prompt": body + "\n\nYou will need:\n\nFlour\n\nSugar\n\nEggs\n\nButter\n\n" + body +
			"\n\nShare this article\n",
		"headings, one share prompt": "## Why the talks failed\n\n" + body + "\n\n## What happens next\n\n" + body +
			"\n\nShare this article\n",
	}
	for name, text := range cases {
		for _, f := range ruletest.AtLeast(ruletest.Run(t, LineModel, text, nil), rules.Warning) {
			t.Errorf("%s: %q flagged: %s", name, strings.TrimSpace(text[f.Start:f.End]), f.Message)
		}
	}
}
