package eval

import (
	"fmt"
	"strings"
	"testing"
)

func TestCrops(t *testing.T) {
	var paras []string
	for i := range 10 {
		paras = append(paras, fmt.Sprintf("Paragraph %d.", i))
	}
	text := strings.Join(paras, "\n\n") + "\n"
	got := map[string]string{}
	for _, c := range Crops("a", text, 4) {
		got[c.Name] = c.Text
	}
	if got["a"] != text {
		t.Errorf("whole text missing or changed: %q", got["a"])
	}
	if want := "Paragraph 0.\n\nParagraph 1.\n\nParagraph 2.\n\nParagraph 3.\n"; got["a#head40"] != want {
		t.Errorf("head40 = %q, want %q", got["a#head40"], want)
	}
	if want := "Paragraph 6.\n\nParagraph 7.\n\nParagraph 8.\n\nParagraph 9.\n"; got["a#tail40"] != want {
		t.Errorf("tail40 = %q, want %q", got["a#tail40"], want)
	}
	if want := "Paragraph 1.\n\nParagraph 2.\n\nParagraph 3.\n\nParagraph 4.\n\nParagraph 5.\n\nParagraph 6.\n\nParagraph 7.\n\nParagraph 8.\n"; got["a#mid70"] != want {
		t.Errorf("mid70 = %q, want %q", got["a#mid70"], want)
	}
	if len(got) != 10 { // whole, four heads, four tails, middle
		t.Errorf("%d crops, want 10: %v", len(got), got)
	}
	// Crops shorter than minParas are left out: 40% of 10 is 4 paragraphs.
	for _, c := range Crops("a", text, 5) {
		if strings.HasSuffix(c.Name, "40") {
			t.Errorf("crop %s has fewer than 5 paragraphs", c.Name)
		}
	}
	if n := len(Crops("short", "One.\n\nTwo.\n", 4)); n != 1 {
		t.Errorf("a two-paragraph text gave %d crops, want only itself", n)
	}
}
