package insertion_test

import (
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/rules/insertion"
)

// A short article with a longer piece glued after it: the run that ends
// the document may be longer than one and a half times the article (up to
// four times its prose), since the document opens with its article.
func TestLongPieceAfterShortArticle(t *testing.T) {
	text := localFixture(t, "shortlead.txt")
	ws := warnings(t, text)
	if len(ws) != 1 {
		t.Fatalf("want one warning, got %d: %v", len(ws), ws)
	}
	first, last := lineRange(text, ws[0])
	lines := strings.Split(text, "\n")
	start := 0
	for i, l := range lines {
		if strings.HasPrefix(l, "A good sourdough") {
			start = i + 1
		}
	}
	if first != start || last < len(lines)-2 {
		t.Errorf("flagged lines %d-%d, want %d to the end (%d)", first, last, start, len(lines)-1)
	}
}

// A sponsor's note opening a letter, then the letter's long article: the
// article must not be reported as unrelated to the note.
func TestLongArticleAfterSponsorNote(t *testing.T) {
	if ws := warnings(t, localFixture(t, "sponsored.txt")); len(ws) != 0 {
		t.Fatalf("want no warning, got %v", ws)
	}
}

// A short article cut in two by a longer glued-in piece: a run in the
// middle may be longer than one and a half times the article when the
// article's parts before and after it share words.
func TestLongPieceInsideShortArticle(t *testing.T) {
	text := localFixture(t, "cutshort.txt")
	ws := warnings(t, text)
	if len(ws) != 1 {
		t.Fatalf("want one warning, got %d: %v", len(ws), ws)
	}
	first, last := lineRange(text, ws[0])
	lines := strings.Split(text, "\n")
	if !strings.HasPrefix(lines[first-1], "A good sourdough") || !strings.HasPrefix(lines[last-1], "Bake the loaf") {
		t.Errorf("flagged lines %d-%d, want the sourdough piece", first, last)
	}
}

// A sponsor's note, a long article and a mailing footer: the article is
// longer than one and a half times the rest, whose two parts share no
// words, so it is not judged (it would warn without that test).
func TestLongArticleBetweenNoteAndFooter(t *testing.T) {
	text := localFixture(t, "teaserfooter.txt")
	if ws := warnings(t, text); len(ws) != 0 {
		t.Fatalf("want no warning, got %v", ws)
	}
	restore := insertion.SetCheckLongHost(false)
	defer restore()
	if ws := warnings(t, text); len(ws) == 0 {
		t.Error("the fixture no longer needs the host test: make it harder")
	}
}
