package boilerplate

import (
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// A clean article may keep a related-links heading over its own further
// reading, or an author-box label over its author's bio: the benchmark's
// clean texts do. Alone they are hints; next to other furniture they are
// reported.
func TestLoneRelatedAndBylineLabelsAreHints(t *testing.T) {
	for _, line := range []string{"Related articles", "About the author", "Written by"} {
		text := body + "\n\n" + line + "\n\nJane Doe has covered European diplomacy from Paris since 2015 and wrote two books about it.\n"
		if got := flagged(t, text); len(got) > 0 {
			t.Errorf("lone %q after a clean article: flagged %v", line, got)
		}
		text = body + "\n\n" + line + "\n\nShare this article\n"
		if got := flagged(t, text); len(got[7]) == 0 {
			t.Errorf("%q next to a share prompt: flagged %v, want line 7", line, got)
		}
	}
}

// "Company", "Message" or "Name" alone is a heading or a table's label;
// a form's fields come in a list and stay reported.
func TestLoneFormLabelIsHint(t *testing.T) {
	text := body + "\n\nCompany\n\nAcme Shipping Ltd\n"
	if got := flagged(t, text); len(got) > 0 {
		t.Errorf("a lone field-like heading: flagged %v", got)
	}
	text = body + "\n\nName\n\nCompany\n\nMessage\n\nSubmit\n"
	if got := flagged(t, text); len(got) != 4 {
		t.Errorf("a contact form after the article: flagged %v, want lines 7-13", got)
	}
}

// Code and data an article shows (JSON bodies with example e-mail
// addresses, HTTP headers) are no contact box and no menu.
func TestCodeListingQuiet(t *testing.T) {
	text := "POST /api/users HTTP/1.1\n\nContent-Type: application/json\n\n" +
		`{"name":"John Doe","email":"john@example.com"}` + "\n\nHTTP/1.1 201 Created\n\nContent-Type: application/json\n\nLocation: /api/users/12345\n\n" +
		`{"id":12345,"name":"John Doe","email":"john@example.com"}` + "\n\n" + body + "\n"
	if got := flagged(t, text); len(got) > 0 {
		t.Errorf("an HTTP exchange before the article: flagged %v", got)
	}
	for s, want := range map[string]bool{
		`{"name":"John Doe","email":"john@example.com"}`: true,
		`"@type": "AggregateRating",`:                    true,
		"<u>jane@example.com</u>":                        false,
		"jane@example.com":                               false,
		"Contact: jane@example.com":                      false,
		`She said: "We will go."`:                        false,
	} {
		if got := codeLike([]byte(s)); got != want {
			t.Errorf("codeLike(%q) = %v, want %v", s, got, want)
		}
	}
}

// An article's own masthead (headline, byline, date, reading time) is
// no menu, and proves no furniture for the lines around it: a clean
// article with one keeps its headline and byline unflagged, and its
// closing author box or further-reading heading stays a hint. Only the
// reading time is reported (seed 002 requires it even alone).
func TestMastheadProvesNoFurniture(t *testing.T) {
	heads := []string{
		"Why the coalition matters\n\nBy Jane Doe\n\nUpdated March 3, 2025\n\n5 min read\n\n",
		"Why the coalition matters\n\nJane Doe\n\nSenior Correspondent\n\nMarch 3, 2025 · 5 min read\n\n",
		"Europe\n\nWhy the coalition matters\n\nBy Jane Doe and John Smith\n\nPublished 3 March 2025\n\n6 min read\n\n",
	}
	tails := []string{
		"",
		"\n\nAbout the author\n\nJane Doe is a senior correspondent covering European diplomacy from Paris.\n",
		"\n\nRelated articles\n\nWhy the euro fell again\n\nTen cities to visit in autumn\n",
	}
	for _, h := range heads {
		for _, tail := range tails {
			text := h + body + tail
			for ln, ids := range flagged(t, text) {
				if len(ids) != 1 || ids[0] != "boilerplate/reading-time" {
					t.Errorf("masthead %q, tail %q: line %d flagged %v", h[:30], tail, ln, ids)
				}
			}
		}
	}
	// A menu above the masthead is still a menu.
	text := "Home\n\nNews\n\nWorld\n\nSport\n\nShare this article\n\n" + heads[0] + body + "\n"
	if got := flagged(t, text); len(got[1]) == 0 || len(got[3]) == 0 {
		t.Errorf("menu above a masthead: flagged %v, want lines 1 and 3", got)
	}
}

// A headline in a run of short lines before the body shares its words
// with the article, a menu does not: the headline is no navigation even
// next to proven furniture, the menu items stay flagged.
func TestHeadlineInShortRunIsNoMenu(t *testing.T) {
	text := "Share this article\n\nPrint this page\n\nWorld Cup\n\nMarkets\n\nCoalition security plan agreed\n\nJane Doe\n\n" + body + "\n"
	got := flagged(t, text)
	if len(got[9]) > 0 {
		t.Errorf("headline flagged: %v", got)
	}
	if len(got[5]) == 0 || len(got[7]) == 0 {
		t.Errorf("menu items not flagged: %v, want lines 5 and 7", got)
	}
}

// A price box's or table's cells of figures alone are no furniture by
// position, even next to a share prompt.
func TestFigureCellsAfterBodyQuiet(t *testing.T) {
	text := body + "\n\nShare this article\n\nPrint this page\n\n60%\n\n$160\n\n75%\n\n$199\n"
	got := flagged(t, text)
	for _, ln := range []int{11, 13, 15, 17} {
		if len(got[ln]) > 0 {
			t.Errorf("figure cell on line %d flagged: %v", ln, got)
		}
	}
	for s, want := range map[string]bool{"#": true, "# #": true, "# ma": false, "": false} {
		if onlyFigures(s) != want {
			t.Errorf("onlyFigures(%q) = %v, want %v", s, !want, want)
		}
	}
}

// "Learn more" inside the body is only a hint, even next to other
// buttons or furniture: an article's product list repeats its own
// buttons, and the benchmark's clean texts keep them.
func TestButtonInBodyIsHint(t *testing.T) {
	for _, text := range []string{
		body + "\n\nLearn more\n\n" + body + "\n",
		body + "\n\nLearn more\n\nShare this article\n\n" + body + "\n",
		body + "\n\nLearn more\n\nGet started\n\n" + body + "\n\nLearn more\n\n" + body + "\n",
	} {
		for ln, ids := range flagged(t, text) {
			for _, id := range ids {
				if id == "boilerplate/call-to-action" {
					t.Errorf("button inside the body flagged on line %d", ln)
				}
			}
		}
	}
}

// The line model leaves lines of figures alone (ratings, prices, list
// numbers, dates in a table) but still judges phone numbers.
func TestModelSkipsFigureCells(t *testing.T) {
	text := body + "\n\nShare this article\n\nPrint this page\n\n4.8\n\n$250\n\n2\n\n06.18.2025\n\n+1 646 547 1446\n"
	doc := document.New("t.txt", []byte(text), document.Meta{})
	a := analyse(doc)
	judged := map[string]bool{}
	for ci, c := range a.cands {
		judged[string(c.text)] = a.modelJudges(ci)
	}
	for _, s := range []string{"4.8", "$250", "2", "06.18.2025"} {
		if judged[s] {
			t.Errorf("model judges the figure cell %q", s)
		}
	}
	for _, s := range []string{"+1 646 547 1446"} {
		if !judged[s] {
			t.Errorf("model does not judge %q", s)
		}
	}
}

// A breadcrumb trail ends in the page's whole title, so it may run past
// the navigation family's eight words; a long line needs two separated
// steps and no sentence end, so a sentence that starts with "Home" and a
// dash or slash stays article text.
func TestLongBreadcrumbTrail(t *testing.T) {
	for _, line := range []string{
		"Home » Furniture » How To Refresh And Restore Antique Furniture Without Refinishing",
		"Home / Topics / Deep Dive / The Many Different Types of Wine (Infographic)",
		"Home > Guides > 18 Best Strategy Board Games in 2025: The Perfect Plan",
	} {
		// Next to other furniture (alone a breadcrumb is a hint).
		text := "Skip to content\n\n" + line + "\n\n" + body + "\n"
		if got := flagged(t, text); !contains(got[3], "boilerplate/breadcrumbs") {
			t.Errorf("%q: flagged %v, want a breadcrumb on line 3", line, got)
		}
	}
	for _, line := range []string{
		"Home - the place where we grew up, she said, is gone now and the town has changed.",
		"Home / away / neutral ground results were mixed this season for the club and its fans.",
		"Home / away form: the club won most of its games at home this season and lost away",
	} {
		text := "Skip to content\n\n" + line + "\n\n" + body + "\n"
		if got := flagged(t, text); len(got[3]) > 0 {
			t.Errorf("%q: flagged %v", line, got)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// An article's own list or short lines next to proven furniture stay
// quiet: the line model reads the furniture around them (its window
// features), but the lines are the article's.
func TestArticleLinesNextToFurnitureQuiet(t *testing.T) {
	furniture := "Share this article\n\nFollow us on Twitter\n\nSign up for our newsletter\n\n"
	cases := map[string]string{
		"list before the footer":           body + "\n\nThe plan has three parts:\n\n- a ceasefire line watched by monitors\n\n- a fund for rebuilding\n\n- talks on prisoners\n\n" + furniture,
		"heading after the masthead":       furniture + "Why the talks failed\n\n" + body + "\n\n" + body + "\n",
		"closing line before the footer":   body + "\n\n" + body + "\n\nThat is the story so far.\n\n" + furniture,
		"numbered steps between furniture": furniture + body + "\n\n1. Security guarantees\n\n2. Reconstruction\n\n3. Elections\n\n" + body + "\n\n" + furniture,
	}
	for name, text := range cases {
		for _, f := range ruletest.AtLeast(ruletest.Run(t, LineModel, text, nil), rules.Warning) {
			line, _ := document.New("t", []byte(text), document.Meta{}).Position(f.Start)
			t.Errorf("%s: line %d flagged: %s", name, line, f.Message)
		}
	}
}
