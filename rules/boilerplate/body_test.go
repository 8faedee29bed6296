package boilerplate

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
)

// para is a real paragraph (a good block), distinct per n.
func para(n int) string {
	return fmt.Sprintf("The committee met on day %d to discuss the plan for the region, and its members said that the work would be put to the allies in the coming weeks.", n)
}

// longList is a list of short article lines, too long for a gap in the
// body (bodyMaxGap).
func longList(n int) string {
	var items []string
	for i := range n {
		items = append(items, fmt.Sprintf("Regional office number %d", i+1))
	}
	return strings.Join(items, "\n\n")
}

// mainRun is a long run of paragraphs, so that an edge run of two is a
// small share of the good words.
func mainRun(from int) string {
	var ps []string
	for i := range 16 {
		ps = append(ps, para(from+i))
	}
	return strings.Join(ps, "\n\n")
}

// bodyLines returns the first and last document lines (1-based) of the
// body found.
func bodyLines(text string) (first, last int) {
	doc := document.New("t.txt", []byte(text), document.Meta{})
	a := analyse(doc)
	if a.bodyFirst < 0 {
		return 0, 0
	}
	return doc.Blocks[a.bodyFirst].FirstLine + 1, doc.Blocks[a.bodyLast].LastLine + 1
}

// An article's introduction of two paragraphs, or of one, before its own
// long list belongs to the body; a single paragraph with one furniture
// line anywhere in the gap (a company's blurb above its menu, which has a
// blog or careers link), two across a share bar and menu, and two
// paragraphs after the body's end (teasers, an author box) do not.
func TestBodyKeepsIntroductionAcrossLongList(t *testing.T) {
	intro := para(100) + "\n\n" + para(101)
	for name, lead := range map[string]string{"two paragraphs": intro, "one paragraph": para(100)} {
		text := lead + "\n\n" + longList(14) + "\n\n" + mainRun(0) + "\n"
		if first, _ := bodyLines(text); first != 1 {
			t.Errorf("%s before a long list: body starts at line %d, want 1", name, first)
		}
	}
	text := mainRun(0) + "\n\n" + longList(14) + "\n\n" + intro + "\n"
	if _, last := bodyLines(text); last == strings.Count(text, "\n") {
		t.Errorf("two paragraphs after a long list after the body joined it")
	}
	traps := map[string]string{
		"one paragraph, a sign-in line":   para(100) + "\n\nSign in\n\n" + longList(14) + "\n\n" + mainRun(0) + "\n",
		"one paragraph, a copyright line": para(100) + "\n\n" + longList(14) + "\n\nCopyright © 2025 Example Media\n\n" + mainRun(0) + "\n",
		"a blurb above the site's menu": "We are a family-owned landscaping company that has served the valley since 1990, and our crews are proud of the gardens they have built.\n\n" +
			strings.Join([]string{"Services", "Gallery", "Projects", "Blog", "Careers", "Garden design", "Lawn care", "Tree work", "Irrigation", "Patios", "Fencing", "Lighting"}, "\n\n") +
			"\n\n" + mainRun(0) + "\n",
		"across a menu":  intro + "\n\nShare this article\n\nSign in\n\nSubscribe to our newsletter\n\n" + longList(12) + "\n\n" + mainRun(0) + "\n",
		"long list only": intro + "\n\n" + longList(14) + "\n\nFollow us on Twitter\n\n" + mainRun(0) + "\n",
	}
	for name, text := range traps {
		if first, _ := bodyLines(text); first == 1 {
			t.Errorf("%s: the stray run before it joined the body", name)
		}
	}
}
