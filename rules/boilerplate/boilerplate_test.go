package boilerplate

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// familyRules is every per-document boilerplate rule.
func familyRules() []*rules.Rule {
	var out []*rules.Rule
	for _, r := range rules.All() {
		if r.Family() == "boilerplate" && !r.IsCorpus() {
			out = append(out, r)
		}
	}
	return out
}

// flagged runs every per-document rule on text and returns the 1-based
// lines flagged at warning or above, each with the rule IDs.
func flagged(t *testing.T, text string) map[int][]string {
	t.Helper()
	out := map[int][]string{}
	for _, r := range familyRules() {
		fs := ruletest.AtLeast(ruletest.Run(t, r, text, nil), rules.Warning)
		for i, ln := range ruletest.Lines(text, fs) {
			_ = i
			out[ln] = append(out[ln], r.ID)
		}
	}
	return out
}

func lines(m map[int][]string) []int {
	var out []int
	for ln := range m {
		out = append(out, ln)
	}
	sort.Ints(out)
	return out
}

// body is three real paragraphs, so the main body is found.
const body = `The ministers met in Paris on Thursday to discuss the security guarantees that the coalition would offer to Ukraine after a ceasefire, and they agreed on a plan.

Officials said that the plan had been prepared over several months by the chiefs of staff of the two countries, and that it would be presented to the allies.

The details of the response from Washington are not known, but it is understood that they were positive and that talks will continue in the coming weeks.`

func TestPhraseLinesFlagged(t *testing.T) {
	cases := []struct {
		name, line, rule string
		sev              rules.Severity
	}{
		{"share", "Share the Post:", "boilerplate/share-prompt", rules.Error},
		{"share bar", "Facebook Twitter LinkedIn Email", "boilerplate/share-prompt", rules.Error},
		{"login", "Login", "boilerplate/login-prompt", rules.Error},
		{"login de", "Anmelden", "boilerplate/login-prompt", rules.Error},
		{"reading time", "3 Reading time", "boilerplate/reading-time", rules.Error},
		{"min read", "5 min read", "boilerplate/reading-time", rules.Error},
		{"lesezeit", "Lesezeit: 4 Min.", "boilerplate/reading-time", rules.Error},
		{"reading time in a byline", "By Jane Doe · 4 min read", "boilerplate/reading-time", rules.Warning},
		{"related", "More on this topic: Talks in Geneva and Ceasefire plans.", "boilerplate/related-links", rules.Warning},
		{"related fr", "À lire aussi", "boilerplate/related-links", rules.Error},
		{"newsletter", "Subscribe to our newsletter", "boilerplate/newsletter-prompt", rules.Error},
		{"cookie", "We use cookies to improve your experience on our site.", "boilerplate/cookie-notice", rules.Warning},
		{"copyright", "© 2025 Example Media. All rights reserved.", "boilerplate/copyright", rules.Warning},
		{"image credit", "Photo: Jane Doe / Reuters", "boilerplate/image-credit", rules.Warning},
		{"follow", "Follow us on Instagram", "boilerplate/social-follow", rules.Warning},
		{"comments", "12 Comments", "boilerplate/comments", rules.Warning},
		{"print", "Print this page", "boilerplate/print-email", rules.Error},
		{"tags", "Tags: Ukraine, NATO, Security", "boilerplate/tags", rules.Warning},
		{"breadcrumbs", "Home > News > Europe", "boilerplate/breadcrumbs", rules.Warning},
		{"paywall", "Subscribe to continue reading", "boilerplate/paywall", rules.Error},
		{"paywall es", "Seguir leyendo", "boilerplate/paywall", rules.Error},
		{"markdown and tags", "**<u>Share this article</u>**", "boilerplate/share-prompt", rules.Error},
		{"call to action", "Book a demo", "boilerplate/call-to-action", rules.Error},
		{"call to action fr", "En savoir plus", "boilerplate/call-to-action", rules.Error},
		{"author box", "About the author", "boilerplate/byline-label", rules.Error},
		{"written by", "Written by Jane Doe", "boilerplate/byline-label", rules.Warning},
		{"feedback", "Was this page helpful?", "boilerplate/form-widget", rules.Error},
		{"price box", "$32 $29 at Amazon", "boilerplate/shopping-widget", rules.Info},
		{"buy button", "Buy on Amazon", "boilerplate/shopping-widget", rules.Info},
		{"dateline is a hint", "Updated August 14, 2025", "boilerplate/dateline-label", rules.Info},
		{"similar posts", "Similar Posts", "boilerplate/related-links", rules.Error},
		{"share with", "Share with your friends", "boilerplate/share-prompt", rules.Error},
		{"rating widget", "No votes so far! Be the first to rate this post.", "boilerplate/form-widget", rules.Warning},
		{"cite button", "Cite this article", "boilerplate/print-email", rules.Error},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, _ := rules.Lookup(c.rule)
			// Furniture comes in clusters: a neighbour of another family
			// keeps prefix matches at warning (alone they are info).
			neighbour := "Print this page"
			if c.rule == "boilerplate/print-email" {
				neighbour = "Share this article"
			}
			text := body + "\n\n" + c.line + "\n\n" + neighbour + "\n"
			fs := ruletest.Run(t, r, text, nil)
			if len(fs) != 1 {
				t.Fatalf("%s on %q: %d findings, want 1", c.rule, c.line, len(fs))
			}
			if fs[0].Severity != c.sev {
				t.Errorf("severity %v, want %v (%s)", fs[0].Severity, c.sev, fs[0].Message)
			}
			if ln := ruletest.Lines(text, fs)[0]; ln != 7 {
				t.Errorf("line %d, want 7", ln)
			}
			if !strings.Contains(fs[0].Message, "after the last body paragraph") {
				t.Errorf("message %q does not say where", fs[0].Message)
			}
		})
	}
}

// The traps: article text that shares words with furniture.
func TestTrapsStayQuiet(t *testing.T) {
	traps := []string{
		"Shares in BP rose 3% on Monday after the results.",
		"Shares in BP rose",
		"The hackers said the login page was hacked twice.",
		"the login page was hacked",
		"Key Takeaways",
		"Conclusion",
		"Notes",
		"What are the terms of this commitment by the 26 countries?",
		"How is it perceived by both Kyiv and Moscow?",
		"Comments?",
		"By Jane Doe, who covered the talks in Paris for ten years, the outcome was no surprise.",
		"YouTube, TikTok, X",
		"1. Facebook",
		"Read the full report for the numbers.",
		"The newsletter, founded in 1998, has 40,000 readers.",
		"Print circulation fell by a third.",
		"Source: Bureau of Labor Statistics",
		"Learn more:",
		"By:",
		"Also read:",
		"Learn more about the treaty in the annex.",
		"The kettle sells for $29 at Amazon.",
		"Updated figures were published on Monday.",
		"This post may contain affiliate links, see our disclosure policy.",
		"Photo Credit:",
	}
	for _, trap := range traps {
		text := body + "\n\n" + trap + "\n\n" + body + "\n"
		if got := flagged(t, text); len(got) > 0 {
			t.Errorf("%q inside an article: flagged %v", trap, got)
		}
	}
}

func TestStructureContactBlockAfterBody(t *testing.T) {
	text := body + "\n\nOur partnership can help you with insights for business and government\n\nTo discuss how we can help please contact:\n\nJane Doe\nPartnership Secretary\n<u>jane.doe@example.org</u>\n<u>www.example.org</u>\n"
	got := flagged(t, text)
	for _, ln := range []int{7, 9, 11, 12, 13, 14} {
		if len(got[ln]) == 0 {
			t.Errorf("line %d not flagged; flagged %v", ln, got)
		}
	}
	for ln := 1; ln <= 5; ln++ {
		if len(got[ln]) > 0 {
			t.Errorf("body line %d flagged", ln)
		}
	}
}

func TestStructureRepeatedTagline(t *testing.T) {
	tagline := "Access. Insight. Progress."
	text := body + "\n\n" + tagline + "\n\n" + body + "\n\n## " + tagline + "\n\nContact us\n\nhello@example.org\n+44 20 7946 0000\n"
	got := flagged(t, text)
	if len(got[7]) == 0 {
		t.Errorf("tagline dropped into the body not flagged: %v", got)
	}
	if len(got[15]) == 0 {
		t.Errorf("tagline repeated in the footer not flagged: %v", got)
	}
}

func TestHeadingsBeforeNotesQuiet(t *testing.T) {
	text := body + "\n\nReferences\n\n[1] A source. example.org 2025.\n\n[2] Another source. example.org 2025.\n"
	if got := flagged(t, text); len(got) > 0 {
		t.Errorf("references heading flagged: %v", got)
	}
}

func TestFixRemovesLineAndSeparator(t *testing.T) {
	text := body + "\n\nShare the Post:\n\nMore from our site\n"
	fs := ruletest.Run(t, SharePrompt, text, nil)
	if len(fs) != 1 || fs[0].Fix == nil || fs[0].Fix.Safety != fixers.Safe {
		t.Fatalf("want one finding with a safe fix, got %+v", fs)
	}
	e := fs[0].Fix.Edits[0]
	got := text[:e.Start] + e.Text + text[e.End:]
	want := body + "\n\nMore from our site\n"
	if got != want {
		t.Errorf("fixed text:\n%q\nwant\n%q", got, want)
	}
}

func TestNormalise(t *testing.T) {
	for in, want := range map[string]string{
		"**3 MIN. READ**":         "# min read",
		"## Share the Post:":      "share the post",
		"<u>www.example.org</u>":  "www example org",
		"Log-in →":                "log in",
		"Don’t miss":              "don't miss",
		"© 2024 Example, Inc.":    "© # example inc",
		"  Lesezeit: 4 Min.  ":    "lesezeit # min",
		"a < b and c > d":         "a b and c d",
		"Compartir en Facebook  ": "compartir en facebook",
	} {
		if got := normalise([]byte(in)); got != want {
			t.Errorf("normalise(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBadInputNoPanic(t *testing.T) {
	inputs := []string{"", "\n\n\n", "\xff\xfe\x00bad", "\ufeffLogin\r\n", strings.Repeat("word ", 100000), "Share\r\n\r\n" + body}
	for _, in := range inputs {
		for _, r := range familyRules() {
			ruletest.Run(t, r, in, nil)
		}
	}
}

// Seeds: every boilerplate line of EXPECTED.md found; nothing flagged in
// 001, in 002's body or on 004's headings.
func TestSeeds(t *testing.T) {
	cases := []struct {
		seed  string
		must  []int
		quiet func(ln int) bool
	}{
		{"000", []int{27}, func(ln int) bool { return ln != 27 && ln != 29 }},
		{"001", nil, func(int) bool { return true }},
		{"002", []int{3}, func(ln int) bool { return ln > 3 }},
		{"003", []int{21, 35, 37, 39, 41, 42, 43, 44}, func(ln int) bool { return ln < 21 || ln > 21 && ln < 33 }},
		{"004", []int{29, 58}, func(ln int) bool { return ln != 29 && ln != 58 }},
	}
	for _, c := range cases {
		t.Run(c.seed, func(t *testing.T) {
			_, text := ruletest.Seed(t, c.seed)
			got := flagged(t, text)
			for _, ln := range c.must {
				if len(got[ln]) == 0 {
					t.Errorf("seed %s line %d not flagged (flagged: %v)", c.seed, ln, lines(got))
				}
			}
			for _, ln := range lines(got) {
				if c.quiet(ln) {
					t.Errorf("seed %s line %d flagged by %v", c.seed, ln, got[ln])
				}
			}
		})
	}
}

// furnitureText is about 1 MB of short paragraphs with a furniture line
// and a heading after every three: a worst case, every line is judged.
func furnitureText() []byte {
	var sb strings.Builder
	for i := 0; sb.Len() < 1<<20; i++ {
		fmt.Fprintf(&sb, "%s\n\nShare this article\n\nSection %d\n\n", body, i)
	}
	return []byte(sb.String())
}

// seedText is the five seed articles repeated to about 1 MB: real
// ingested articles, each judged as one document.
func seedText(b *testing.B) [][]byte {
	var docs [][]byte
	size := 0
	for size < 1<<20 {
		for _, n := range []string{"000", "001", "002", "003", "004"} {
			_, text := ruletest.Seed(b, n)
			docs = append(docs, []byte(text))
			size += len(text)
		}
	}
	return docs
}

func benchFamily(b *testing.B, docs [][]byte, model bool) {
	benchRules(b, docs, model, familyRules())
}

func benchRules(b *testing.B, docs [][]byte, model bool, rs []*rules.Rule) {
	size := 0
	for _, d := range docs {
		size += len(d)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, src := range docs {
			doc := document.New("bench.txt", src, document.Meta{})
			doc.Tokens()
			if model {
				continue
			}
			for _, r := range rs {
				r.Run(rules.NewPass(r, doc, nil, nil, r.Severity, func(rules.Finding) {}))
			}
		}
	}
}

// The Family benchmarks run every per-document boilerplate rule on fresh
// documents (the analysis cache does not carry over); the Model ones build
// the document model alone, the baseline to compare with on a busy machine.
func BenchmarkFamilySeeds(b *testing.B)     { benchFamily(b, seedText(b), false) }
func BenchmarkModelSeeds(b *testing.B)      { benchFamily(b, seedText(b), true) }
func BenchmarkFamilyFurniture(b *testing.B) { benchFamily(b, [][]byte{furnitureText()}, false) }
func BenchmarkModelFurniture(b *testing.B)  { benchFamily(b, [][]byte{furnitureText()}, true) }

// withoutLineModel is the family without the classifier: the pair of
// benchmarks shows what the line model costs.
func withoutLineModel() []*rules.Rule {
	var out []*rules.Rule
	for _, r := range familyRules() {
		if r != LineModel {
			out = append(out, r)
		}
	}
	return out
}

func BenchmarkFamilySeedsWithoutLineModel(b *testing.B) {
	benchRules(b, seedText(b), false, withoutLineModel())
}

func BenchmarkFamilyFurnitureWithoutLineModel(b *testing.B) {
	benchRules(b, [][]byte{furnitureText()}, false, withoutLineModel())
}

func TestCorpusTemplate(t *testing.T) {
	var docs []ruletest.Doc
	for i := 0; i < 6; i++ {
		text := fmt.Sprintf("Key Takeaways\n\n%s\n\nA section on %s\n\nGet the Example Daily briefing in your inbox\n", body, []string{"trade", "energy", "defence", "health", "farming", "schools"}[i])
		docs = append(docs, ruletest.Doc{Path: fmt.Sprintf("site/%d.txt", i), Text: text, Meta: document.Meta{Source: "site"}})
	}
	// Another source with the same line only once: not a template there.
	docs = append(docs, ruletest.Doc{Path: "other/1.txt", Text: body + "\n\nGet the Example Daily briefing in your inbox\n", Meta: document.Meta{Source: "other"}})
	out := ruletest.RunCorpus(t, CorpusTemplate, docs, nil)
	for i := 0; i < 6; i++ {
		got := ruletest.Lines(docs[i].Text, ruletest.AtLeast(out[i], rules.Warning))
		if len(got) != 1 || got[0] != 11 {
			t.Errorf("doc %d: template lines %v, want [11] (Key Takeaways and the varying line stay quiet)", i, got)
		}
	}
	if len(out[6]) != 0 {
		t.Errorf("other source flagged: %v", out[6])
	}
	// Below min-docs nothing is a template.
	few := ruletest.RunCorpus(t, CorpusTemplate, docs[:3], nil)
	for i, fs := range few {
		if len(fs) != 0 {
			t.Errorf("doc %d of 3 flagged: %v", i, fs)
		}
	}
}

func TestMenuBeforeBody(t *testing.T) {
	// The line right before the body is where the headline stands. (A
	// one-word line there after a menu is mostly a section label, which
	// the line model flags: the benchmark counts those as furniture.)
	menu := "Home\n\nNews\n\nWorld\n\nSports\n\nCulture\n\nMinisters agree on a plan\n\n"
	got := flagged(t, menu+body+"\n")
	for _, ln := range []int{1, 3, 5, 7} {
		if len(got[ln]) == 0 {
			t.Errorf("menu line %d not flagged: %v", ln, got)
		}
	}
	if len(got[11]) != 0 {
		t.Errorf("the line right before the body may be the title: flagged %v", got[11])
	}
	// The same words after a sentence has begun are a list in the
	// article, and a column of repeated cells is a table.
	list := "The ministers named four topics for the talks.\n\nTrade\n\nEnergy\n\nDefence\n\nHealth\n\n"
	if got := flagged(t, list+body+"\n"); len(got) > 0 {
		t.Errorf("list after a sentence flagged: %v", got)
	}
	table := "Yes\n\nNo\n\nYes\n\nYes\n\nNo\n\n"
	if got := flagged(t, table+body+"\n"); len(got) > 0 {
		t.Errorf("table column flagged: %v", got)
	}
}

func TestCompoundFurnitureLine(t *testing.T) {
	got := flagged(t, body+"\n\nLog in Sign up free\n")
	if len(got[7]) == 0 {
		t.Errorf("compound furniture line not flagged: %v", got)
	}
	if ok, _ := compound("the login page was hacked"); ok {
		t.Error("sentence taken for compound furniture")
	}
}

func TestBodyEndsBeforeRelatedLinks(t *testing.T) {
	teaser := "A teaser paragraph about another story that the site wants you to read next, with enough words to look real."
	// The share prompt at the end: a related-links heading that is the
	// only furniture in its document is a hint (TestLoneRelatedAndBylineLabelsAreHints).
	text := body + "\n\n" + body + "\n\nRelated articles\n\n" + teaser + "\n\nCeasefire talks stall\n\nShare this article\n"
	doc := document.New("t", []byte(text), document.Meta{})
	a := newAnalysis(doc)
	if last := doc.Blocks[a.bodyLast].FirstLine + 1; last != 11 {
		t.Errorf("body ends at line %d, want 11 (before \"Related articles\")", last)
	}
	if got := flagged(t, text); len(got[13]) == 0 || len(got[1]) > 0 {
		t.Errorf("flagged %v: want the related box heading (13), nothing in the body", got)
	}
}

func TestCorpusTemplateSingleDocument(t *testing.T) {
	// One document: its summary is never merged, and nothing recurs.
	out := ruletest.RunCorpus(t, CorpusTemplate, []ruletest.Doc{{Path: "a.txt", Text: body + "\n\nLogin\n"}}, nil)
	if len(out[0]) != 0 {
		t.Errorf("single document flagged: %v", out[0])
	}
	// Merging is order-free: a merged total folded into a single summary.
	docs := make([]*document.Document, 6)
	for i := range docs {
		docs[i] = document.New("d.txt", []byte(body+"\n\nSign up for the daily briefing\n"), document.Meta{Source: "s"})
	}
	total := CorpusTemplate.Collect(docs[0], nil)
	for _, d := range docs[1:5] {
		total = CorpusTemplate.Merge(total, CorpusTemplate.Collect(d, nil))
	}
	total = CorpusTemplate.Merge(CorpusTemplate.Collect(docs[5], nil), total)
	var got []rules.Finding
	CorpusTemplate.Run(rules.NewPass(CorpusTemplate, docs[0], nil, total, rules.Warning, func(f rules.Finding) { got = append(got, f) }))
	// The identical body paragraphs recur too, but inside the body they
	// are only hints.
	got = ruletest.AtLeast(got, rules.Warning)
	if len(got) != 1 || !strings.Contains(got[0].Message, "6 of 6 documents") {
		t.Errorf("want the briefing line in 6 of 6 documents, got %+v", got)
	}
}

// The analysis cache is shared by the runner's workers.
func TestConcurrentDocuments(t *testing.T) {
	texts := []string{body + "\n\nShare the Post:\n", "Home\n\nNews\n\nWorld\n\nSports\n\n" + body, body + "\n\nLogin\n"}
	want := make([]int, len(texts))
	for i, text := range texts {
		want[i] = len(flagged(t, text))
	}
	done := make(chan error)
	for w := 0; w < 8; w++ {
		go func() {
			for k := 0; k < 60; k++ {
				i := k % len(texts)
				doc := document.New("t", []byte(texts[i]), document.Meta{})
				lines := map[int]bool{}
				for _, r := range familyRules() {
					r.Run(rules.NewPass(r, doc, nil, nil, r.Severity, func(f rules.Finding) {
						if f.Severity >= rules.Warning {
							ln, _ := doc.Position(f.Start)
							lines[ln] = true
						}
					}))
				}
				if len(lines) != want[i] {
					done <- fmt.Errorf("text %d: %d lines flagged, want %d", i, len(lines), want[i])
					return
				}
			}
			done <- nil
		}()
	}
	for w := 0; w < 8; w++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

func TestAdvertisementMarkerInsideBody(t *testing.T) {
	got := flagged(t, body+"\n\nAdvertisement\n\n"+body+"\n")
	if len(got[7]) == 0 {
		t.Errorf("ad slot marker inside the body not flagged: %v", got)
	}
}

// Every rule's documented Bad example is flagged and its Good example is
// not (the corpus rule's examples describe a corpus and are skipped).
func TestDocExamples(t *testing.T) {
	for _, r := range all {
		if r.IsCorpus() {
			continue
		}
		if r.Bad == "" || r.Good == "" {
			t.Errorf("%s: missing Bad or Good example", r.ID)
			continue
		}
		if fs := ruletest.Run(t, r, r.Bad, nil); len(fs) == 0 {
			t.Errorf("%s: Bad example %q not flagged", r.ID, r.Bad)
		}
		if fs := ruletest.Run(t, r, r.Good, nil); len(fs) > 0 {
			t.Errorf("%s: Good example %q flagged: %s", r.ID, r.Good, fs[0].Message)
		}
	}
}

func TestLonePrefixMatchIsHint(t *testing.T) {
	text := body + "\n\nFollow us on Instagram\n"
	fs := ruletest.Run(t, SocialFollow, text, nil)
	if len(fs) != 1 || fs[0].Severity != rules.Info || !strings.Contains(fs[0].Message, "standing alone") {
		t.Errorf("a lone prefix match after the body: want one info finding, got %+v", fs)
	}
}
