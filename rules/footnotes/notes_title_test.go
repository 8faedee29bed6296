package footnotes

import (
	"math/rand"
	"strings"
	"testing"
)

// isNotesTitleLong is isNotesTitle without the first-byte filter.
func isNotesTitleLong(text []byte) bool {
	t := strings.ToLower(string(text))
	t = strings.Trim(t, " \t\u00a0#*_:")
	return notesHeadings[strings.Join(strings.Fields(t), " ")]
}

// The first-byte filter never turns a notes title away: every heading in
// any case, with the trimmed marks and odd white space around it, and
// random short texts built from the same pieces, get the long way's answer.
func TestNotesTitleFilterKeepsAnswers(t *testing.T) {
	pieces := []string{" ", "\t", "\u00a0", "#", "*", "_", ":", "\v", "\r", "\u2003", "1", "[", "K", "\u212a",
		"İ", "É", "é", "N", "n", "notes", "NOTES", "Notes", "and", "references", "Sources", "ß", "x", "-",
		"s", "S", "r", "R", "o", "O", "ré", "Ré", "ources", "eferences", "otes", "éférences", "\n", "\f", "  "}
	var texts []string
	for h := range notesHeadings {
		for _, v := range []string{h, strings.ToUpper(h), strings.Title(h)} { //nolint:staticcheck // ASCII titles only
			texts = append(texts, v, "## "+v, "**"+v+":**", "\u00a0"+v, "\v"+v, " \r"+v+" ", "_"+v+"_")
		}
	}
	rng := rand.New(rand.NewSource(5))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.Intn(5) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		if got, want := isNotesTitle([]byte(s)), isNotesTitleLong([]byte(s)); got != want {
			t.Errorf("isNotesTitle(%q) = %v, want %v", s, got, want)
		}
	}
}
