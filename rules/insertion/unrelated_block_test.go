package insertion_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/insertion"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

func fixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(ruletest.Testdata("insertion", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func warnings(t *testing.T, text string) []rules.Finding {
	t.Helper()
	return ruletest.AtLeast(ruletest.Run(t, insertion.UnrelatedBlock, text, nil), rules.Warning)
}

// lineRange returns the 1-based first and last line of a finding.
func lineRange(text string, f rules.Finding) (int, int) {
	d := document.New("t", []byte(text), document.Meta{})
	first, _ := d.Position(f.Start)
	last, _ := d.Position(f.End)
	return first, last
}

// applyFix applies a finding's edits to text.
func applyFix(text string, f rules.Finding) string {
	var edits []struct{ s, e int }
	for _, e := range f.Fix.Edits {
		edits = append(edits, struct{ s, e int }{e.Start, e.End})
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].s > edits[j].s })
	for _, e := range edits {
		text = text[:e.s] + text[e.e:]
	}
	return text
}

func TestSeed000EssayFlaggedAndFixed(t *testing.T) {
	_, text := ruletest.Seed(t, "000")
	ws := warnings(t, text)
	if len(ws) != 1 {
		t.Fatalf("want one warning on seed 000, got %d: %v", len(ws), ws)
	}
	first, last := lineRange(text, ws[0])
	// The essay is lines 31-42 (29 with the organisation line), give or
	// take a paragraph.
	if first < 27 || first > 33 || last < 40 || last > 42 {
		t.Errorf("flagged lines %d-%d, want about 29/31-42", first, last)
	}
	for _, want := range []string{"Share the Post:", "Wilson Center", "displac"} {
		if !strings.Contains(ws[0].Message, want) {
			t.Errorf("message lacks %q: %s", want, ws[0].Message)
		}
	}
	if ws[0].Fix == nil || ws[0].Fix.Safety.String() != "unsafe" {
		t.Fatalf("want an unsafe fix, got %+v", ws[0].Fix)
	}
	fixed := applyFix(text, ws[0])
	for _, gone := range []string{"Share the Post:", "Wilson Center", "Forced displacement", "forced displaced."} {
		if strings.Contains(fixed, gone) {
			t.Errorf("fixed text still holds %q", gone)
		}
	}
	lines := strings.Split(text, "\n")
	keep := strings.Join(lines[:26], "\n") // lines 1-26: the article up to the last takeaway
	if !strings.HasPrefix(fixed, keep) {
		t.Errorf("fix touched the article before line 27")
	}
	if strings.HasSuffix(fixed, "\n\n") || !strings.HasSuffix(fixed, "Velykomykhailivka.\n") && !strings.HasSuffix(fixed, "Velykomykhailivka.") {
		t.Errorf("fixed text should end with the last takeaway and no blank lines, ends %q", fixed[max(0, len(fixed)-40):])
	}
}

func TestSeedsQuiet(t *testing.T) {
	for _, n := range []string{"001", "002", "003", "004"} {
		_, text := ruletest.Seed(t, n)
		if ws := warnings(t, text); len(ws) > 0 {
			t.Errorf("seed %s: unexpected warning: %s", n, ws[0].Message)
		}
	}
}

func TestInsertionInTheMiddle(t *testing.T) {
	text := fixture(t, "middle.txt")
	ws := warnings(t, text)
	if len(ws) != 1 {
		t.Fatalf("want one warning, got %d", len(ws))
	}
	first, last := lineRange(text, ws[0])
	if first != 7 || last != 11 {
		t.Errorf("flagged lines %d-%d, want the bread paragraphs 7-11", first, last)
	}
	fixed := applyFix(text, ws[0])
	if strings.Contains(fixed, "ourdough") || strings.Contains(fixed, "\n\n\n") {
		t.Errorf("fix left bread text or a blank-line run:\n%s", fixed)
	}
	if !strings.Contains(fixed, "without adding vehicles.\n\nShop owners") {
		t.Errorf("fix did not join the article's paragraphs with one blank line")
	}
}

// Traps: texts the rule must not warn about.
func TestTrapsStayQuiet(t *testing.T) {
	for _, tc := range []struct{ file, why string }{
		{"gradual.txt", "an article that moves from coffee to rivers to a law, step by step"},
		{"lists.txt", "a list of unrelated tips is not an inserted article"},
		{"short.txt", "too short to judge: the host has fewer than 100 words"},
		{"endnotes.txt", "endnotes in another language are not a block"},
		{"roundup.txt", "a roundup of unrelated items"},
		{"qa.txt", "a Q&A whose answer changes subject"},
	} {
		if ws := warnings(t, fixture(t, tc.file)); len(ws) > 0 {
			t.Errorf("%s (%s): unexpected warning: %s", tc.file, tc.why, ws[0].Message)
		}
	}
}

// The off-topic answer of the interview is found, but reported as info
// only: in a Q&A, answers may change subject.
func TestQAReportedAsInfo(t *testing.T) {
	text := fixture(t, "qa.txt")
	fs := ruletest.Run(t, insertion.UnrelatedBlock, text, nil)
	if len(fs) != 1 {
		t.Fatalf("want one info finding on the football answer, got %d", len(fs))
	}
	if fs[0].Severity != rules.Info || !strings.Contains(fs[0].Message, "Q&A") {
		t.Errorf("want info naming the Q&A, got %s: %s", fs[0].Severity, fs[0].Message)
	}
	if !strings.Contains(fs[0].Message, "football") {
		t.Errorf("message should list the block's terms: %s", fs[0].Message)
	}
}

// The same glued-in block inside a Q&A but not shaped like an answer (no
// question before it) is still a warning.
func TestQAGenreNeedsAnswerShape(t *testing.T) {
	text := fixture(t, "qa.txt") + "\n" + fixture(t, "block_glaciers.txt")
	if ws := warnings(t, text); len(ws) != 1 || !strings.Contains(ws[0].Message, "glacier") {
		t.Errorf("want a warning on the appended glacier paragraphs, got %v", ws)
	}
}

// A block never starts at the first paragraph: the article is what comes
// first, so unrelated text at the top is left to other rules.
func TestNeverStartsAtFirstParagraph(t *testing.T) {
	parts := strings.Split(fixture(t, "middle.txt"), "\n\n")
	// title, bread x3, then the bus article without its two opening paragraphs.
	text := strings.Join(append([]string{parts[0]}, append(parts[3:6], parts[6:]...)...), "\n\n")
	for _, f := range ruletest.Run(t, insertion.UnrelatedBlock, text, nil) {
		if first, _ := lineRange(text, f); first <= 3 {
			t.Errorf("block starts at the first paragraph (line %d): %s", first, f.Message)
		}
	}
}

// A block never spans an endnote list, even when unrelated paragraphs
// follow the notes.
func TestNeverSpansEndnotes(t *testing.T) {
	text := fixture(t, "endnotes.txt") + "\n" + fixture(t, "block_glaciers.txt")
	d := document.New("t", []byte(text), document.Meta{})
	for _, f := range ruletest.Run(t, insertion.UnrelatedBlock, text, nil) {
		for _, b := range d.Blocks {
			if b.Kind == document.Note && b.Start >= f.Start && b.Start < f.End {
				t.Errorf("finding spans the endnote at line %d: %s", b.FirstLine+1, f.Message)
			}
		}
	}
}

// Inputs that must not panic or report anything.
func TestDegenerateInputs(t *testing.T) {
	for _, text := range []string{"", "\n\n\n", "one line", "\xff\xfe\x00binary\x00\n\nmore\x00",
		strings.Repeat("word ", 20000), strings.Repeat("Short para.\n\n", 3000),
		"\ufeffTitle\r\n\r\nA paragraph here.\r\n\r\nAnother one.\r\n"} {
		if fs := ruletest.Run(t, insertion.UnrelatedBlock, text, nil); len(fs) > 0 {
			t.Errorf("unexpected finding on degenerate input %.30q: %s", text, fs[0].Message)
		}
	}
}

// Very long documents are grouped into at most a fixed number of units and
// still find a glued-in block.
func TestLongDocumentCapped(t *testing.T) {
	parts := strings.Split(strings.TrimSpace(fixture(t, "middle.txt")), "\n\n")
	bus := append([]string{parts[0]}, append(parts[1:3], parts[6:]...)...)
	var b strings.Builder
	for i := 0; i < 60; i++ { // about 360 paragraphs of the bus article
		b.WriteString(strings.Join(bus[1:], "\n\n") + "\n\n")
	}
	// Six glacier paragraphs: grouped units of two or three still hold
	// two whole glacier units, whatever the alignment.
	glaciers := fixture(t, "block_glaciers.txt")
	text := bus[0] + "\n\n" + b.String() + glaciers + "\n" + glaciers
	ws := warnings(t, text)
	if len(ws) == 0 || !strings.Contains(ws[len(ws)-1].Message, "glacier") {
		t.Fatalf("want the glacier block at the end of a long document, got %v", ws)
	}
}

func TestOptionsRaiseTheBar(t *testing.T) {
	text := fixture(t, "middle.txt")
	if ws := ruletest.AtLeast(ruletest.Run(t, insertion.UnrelatedBlock, text, rules.Options{"min-words": 400}), rules.Warning); len(ws) > 0 {
		t.Errorf("min-words 400 should drop the 149-word block: %s", ws[0].Message)
	}
}

func localFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// An article's own digression, introduced by the paragraph before it (an
// engineer's coffee analogy in a water-works article), is no insertion.
func TestIntroducedDigressionQuiet(t *testing.T) {
	text := localFixture(t, "introduced.txt")
	if ws := warnings(t, text); len(ws) > 0 {
		t.Errorf("unexpected warning on an introduced digression: %s", ws[0].Message)
	}
}

// The genre is the host's: a glued-in piece full of first-person
// questions does not make a news article an interview (the block was
// reported as info when its own questions counted).
func TestGlueInQuestionsStillWarns(t *testing.T) {
	parts := strings.Split(strings.TrimSpace(fixture(t, "middle.txt")), "\n\n")
	host := append([]string{parts[0]}, append(parts[1:3], parts[6:]...)...)
	host = append(host, "Will the new network win back the riders the old routes lost?")
	block := []string{
		"I knit every evening after dinner, and my grandmother taught me when I was seven. Why do I still knit socks by hand when shops sell them so cheaply?",
		"I love the rhythm of the needles and the wool running through my fingers. Have you ever tried to turn a heel with four double-pointed needles?",
		"My favourite yarn is a soft merino dyed with onion skins, and I wind every skein into a ball myself. What pattern should I cast on for my niece's birthday?",
		"I keep a basket of scraps for striped scarves and mittens, and I join a knitting circle at the café on Thursdays. Who else remembers their first dropped stitch?",
	}
	text := strings.Join(append(host, block...), "\n\n") + "\n"
	ws := warnings(t, text)
	if len(ws) != 1 || !strings.Contains(ws[0].Message, "knit") {
		t.Fatalf("want a warning on the knitting paragraphs, got %v", ruletest.Run(t, insertion.UnrelatedBlock, text, nil))
	}
}

// An article's own run of mutually unrelated items (here the reporter's
// closing portraits: a beekeeper, a violin maker, a lighthouse keeper)
// shares no words with the article, but none with each other either: it
// is the article's variety, not one glued-in text. Without the inner
// cohesion factor it warns.
func TestOwnUnrelatedItemsQuiet(t *testing.T) {
	text := localFixture(t, "anecdotes.txt")
	if ws := warnings(t, text); len(ws) > 0 {
		t.Errorf("unexpected warning on the article's own portraits: %s", ws[0].Message)
	}
	restore := insertion.SetChecks(false, true)
	defer restore()
	if ws := warnings(t, text); len(ws) == 0 {
		t.Errorf("fixture no longer exercises the inner-cohesion factor: quiet without it")
	}
}

// A district newsletter's regatta news runs from the end of one section
// across the next section's title: the close of one of the article's
// sections and the start of another, not a glued-in piece (which starts
// at its own beginning). Without the section-split guard it warns.
func TestRunAcrossSectionTitleQuiet(t *testing.T) {
	text := localFixture(t, "sections.txt")
	if ws := warnings(t, text); len(ws) > 0 {
		t.Errorf("unexpected warning across a section title: %s", ws[0].Message)
	}
	restore := insertion.SetChecks(true, false)
	defer restore()
	if ws := warnings(t, text); len(ws) == 0 {
		t.Errorf("fixture no longer exercises the section-split guard: quiet without it")
	}
}

// An allotment diary whose second and third paragraphs recall the winter's
// soups before the diary turns to compost and the greenhouse: the
// opening's own aside, not a glued-in piece (a block never starts within
// the first two paragraphs of running text). Allowed to start after the
// first paragraph, it warns.
func TestAsideInOpeningQuiet(t *testing.T) {
	text := localFixture(t, "opening.txt")
	if ws := warnings(t, text); len(ws) > 0 {
		t.Errorf("unexpected warning on the opening's aside: %s", ws[0].Message)
	}
	old := insertion.SetOpeningParas(1)
	defer insertion.SetOpeningParas(old)
	if ws := warnings(t, text); len(ws) == 0 {
		t.Errorf("fixture no longer exercises the opening guard: quiet with a one-paragraph opening")
	}
}

// A town article quotes a resident's letter on the old crossings, pasted
// with curly quotes and apostrophes into an article set with straight
// ones: other typography is evidence for a glued-in piece, but only
// evidence, and the letter shares the article's river and footings. With
// the typography evidence weighted far more, it warns.
func TestQuotedLetterInOtherTypographyQuiet(t *testing.T) {
	text := localFixture(t, "typography.txt")
	if ws := warnings(t, text); len(ws) > 0 {
		t.Errorf("unexpected warning on the quoted letter: %s", ws[0].Message)
	}
	old := insertion.SetTypographyRelax(4)
	defer insertion.SetTypographyRelax(old)
	if ws := warnings(t, text); len(ws) == 0 || !strings.Contains(ws[0].Message, "apostrophes, quotes or dashes") {
		t.Errorf("fixture no longer exercises the typography evidence: quiet with it weighted 4, %v", ws)
	}
}

// A greenhouse guide in titled sections, one of which reports the village
// show: the guide's own section on a side subject, starting at its title,
// not a glued-in piece. Without the lower bar for such runs it warns.
func TestOwnTitledSectionQuiet(t *testing.T) {
	text := localFixture(t, "guide.txt")
	if ws := warnings(t, text); len(ws) > 0 {
		t.Errorf("unexpected warning on the guide's own section: %s", ws[0].Message)
	}
	old := insertion.SetOwnSectionFactor(1)
	defer insertion.SetOwnSectionFactor(old)
	if ws := warnings(t, text); len(ws) == 0 {
		t.Errorf("fixture no longer exercises the own-section factor: quiet without it")
	}
}

// Two teasers of different pieces after a "You may also like" line share
// no word with each other, so the run's inner cohesion alone would hold
// it to a zero threshold (as it does an article's own unrelated items);
// after a marker line the factor has a floor, and they are found.
func TestTeasersAfterMarkerWarn(t *testing.T) {
	parts := strings.Split(strings.TrimSpace(fixture(t, "middle.txt")), "\n\n")
	host := append([]string{parts[0]}, append(parts[1:3], parts[6:]...)...)
	glacier := strings.Split(strings.TrimSpace(fixture(t, "block_glaciers.txt")), "\n\n")[0]
	knitting := "Knitting circles meet every Thursday evening in the café by the station. Members bring their own needles and yarn, swap patterns for socks, mittens and scarves, and teach beginners to cast on and turn a heel."
	text := strings.Join(append(host, "You may also like", glacier, knitting), "\n\n") + "\n"
	if ws := warnings(t, text); len(ws) != 1 || !strings.Contains(ws[0].Message, "You may also like") {
		t.Fatalf("want one warning on the teasers after the marker line, got %v", ruletest.Run(t, insertion.UnrelatedBlock, text, nil))
	}
	old := insertion.SetMarkedInnerFloor(0)
	defer insertion.SetMarkedInnerFloor(old)
	if ws := warnings(t, text); len(ws) > 0 {
		t.Errorf("test no longer exercises the floor: warns without it: %s", ws[0].Message)
	}
}

// In a long document, runs of short lines are merged into one unit
// (captions, list items); a marker and a name line at the end of such a
// run are still found before the glued-in block (they were lost when the
// merged unit was taken for a paragraph).
func TestMarkerInMergedShortLines(t *testing.T) {
	parts := strings.Split(strings.TrimSpace(fixture(t, "middle.txt")), "\n\n")
	bus := append(append([]string{}, parts[1:3]...), parts[6:]...)
	var b strings.Builder
	b.WriteString(parts[0] + "\n\n")
	for i := 0; i < 15; i++ {
		for _, p := range bus {
			b.WriteString(p + "\n\nPhoto: the harbour front\n\nPhoto credit: city archive\n\n")
		}
	}
	b.WriteString("Related\n\nAlpine Research Institute\n\n" + fixture(t, "block_glaciers.txt"))
	text := b.String()
	ws := warnings(t, text)
	if len(ws) == 0 {
		t.Fatal("want a warning on the glacier block")
	}
	last := ws[len(ws)-1]
	if !strings.Contains(last.Message, `after the marker line "Related"`) || !strings.Contains(last.Message, "glacier") {
		t.Errorf("want the glacier block after the marker line, got %s", last.Message)
	}
	if fixed := applyFix(text, last); strings.Contains(fixed, "\nRelated\n") || strings.Contains(fixed, "Alpine Research Institute") {
		t.Errorf("the fix left the marker or name line")
	}
}

// A roundup's items are alike in size: three glacier paragraphs under
// their own title after items of two or three paragraphs raise no warning
// (they could be an item), but a glued-in piece longer than any item is a
// warning, under its own title or not.
func TestRoundupItemSize(t *testing.T) {
	roundup := strings.TrimSpace(fixture(t, "roundup.txt"))
	glaciers := strings.TrimSpace(fixture(t, "block_glaciers.txt"))
	item := roundup + "\n\nGlaciers\n\n" + glaciers + "\n"
	if ws := warnings(t, item); len(ws) > 0 {
		t.Errorf("want an item-sized block no more than info in a roundup, got %s", ws[0].Message)
	}
	more := "The glaciers' retreat also changes the rivers below them. In late summer the meltwater that once kept the rivers high now runs out early, and the glacier-fed streams warm and shrink."
	long := roundup + "\n\nGlaciers\n\n" + glaciers + "\n\n" + more + "\n\n" + glaciers + "\n"
	if ws := warnings(t, long); len(ws) != 1 || !strings.Contains(ws[0].Message, "glacier") {
		t.Errorf("want a warning on a block longer than any item, got %v", ruletest.Run(t, insertion.UnrelatedBlock, long, nil))
	}
}
