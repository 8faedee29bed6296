package insertion_test

import (
	"strings"
	"testing"
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
