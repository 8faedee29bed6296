package boilerplate

import (
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
)

// sections builds an article of titled sections, each with a real
// paragraph, for the table-of-contents tests.
func sections(titles ...string) string {
	var b strings.Builder
	for i, title := range titles {
		b.WriteString(title + "\n\n")
		b.WriteString("The ministers met in Paris on Thursday to discuss the plan for the region, and they said that part ")
		b.WriteString(strings.Repeat("one ", i+1))
		b.WriteString("of it would be put to the allies in the coming weeks.\n\n")
	}
	return b.String()
}

var tocTitles = []string{"Why the talks matter", "What the plan says", "Who pays for it", "What happens next", "Our verdict"}

// A page's jump links before the article, next to other furniture, are
// reported; the section headings they repeat are not.
func TestTableOfContentsBeforeBody(t *testing.T) {
	text := "Share this article\n\nTable of contents\n\n" + strings.Join(tocTitles, "\n\n") + "\n\n" + sections(tocTitles...)
	got := flagged(t, text)
	for i := range tocTitles {
		ln := 5 + 2*i
		if len(got[ln]) == 0 {
			t.Errorf("entry %q (line %d) not flagged: %v", tocTitles[i], ln, got)
		}
	}
	for ln := 5 + 2*len(tocTitles); ln < strings.Count(text, "\n")+1; ln++ {
		if len(got[ln]) > 0 {
			t.Errorf("line %d of the article flagged: %v", ln, got[ln])
		}
	}
}

// Traps: a run of three, a summary table whose names recur in a later
// table with no paragraph between them, and a list of names each
// followed by its own figures are no table of contents; nor is a summary
// list in a clean article (its products, then reviewed one by one), which
// has no other furniture.
func TestTableOfContentsTraps(t *testing.T) {
	cases := map[string]string{
		"run of three": "Share this article\n\n" + strings.Join(tocTitles[:3], "\n\n") + "\n\n" + sections(tocTitles[:3]...),
		"names again in a table": "Share this article\n\n" + strings.Join(tocTitles, "\n\n") + "\n\n" + body + "\n\n" +
			strings.Join(tocTitles, "\n\nYes\n\n$20\n\n") + "\n\n" + body,
		"rows of a table": "Share this article\n\n" + strings.Join(tocTitles, "\n\nYes\n\n") + "\n\n" + sections(tocTitles...),
	}
	for name, text := range cases {
		a := analyse(document.New("t.txt", []byte(text), document.Meta{}))
		a.structure()
		for ci, n := range a.ctx.toc {
			if n > 0 {
				t.Errorf("%s: %q read as a table of contents", name, a.cands[ci].text)
			}
		}
	}
	clean := "These are the best choices:\n\n" + strings.Join(tocTitles, "\n\n") + "\n\n" + sections(tocTitles...)
	if got := flagged(t, clean); len(got) > 0 {
		t.Errorf("a clean article's summary list: flagged %v", got)
	}
}
