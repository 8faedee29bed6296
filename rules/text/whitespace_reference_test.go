package text

import (
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// referenceCheckTrailing is checkTrailing as it was before the test of
// the line's last byte: it decoded the last character of every line.
func referenceCheckTrailing(pass *rules.Pass, doc *document.Document, line document.Line) {
	src := doc.Src
	end := line.End
	start := end
	for start > line.Start {
		r, size := utf8.DecodeLastRune(src[line.Start:start])
		if r != ' ' && r != '\t' && r != '\u00a0' {
			break
		}
		start -= size
	}
	if start == end || afterMojibakeLead(src, start) {
		return
	}
	reportDelete(pass, start, end, "trailing white space", "remove the trailing white space", rules.Info)
}

// TestCheckTrailingMatchesReference compares checkTrailing with its
// reference on every line of the seeds, the WCXB texts and random texts
// (acronymTexts' and randomBytes' lines, with no-break spaces, stray
// 0xA0 and 0xC2 bytes, tabs and spaces at their ends).
func TestCheckTrailingMatchesReference(t *testing.T) {
	texts := acronymTexts(t)
	for _, end := range []string{" ", "\t", "\u00a0", "\xa0", "\xc2", "\u00c3\u00a0", "x", ""} {
		for _, body := range []string{"", "a", "word ", "\u00a0", "caf\u00e9"} {
			texts = append(texts, []byte(body+end+"\n"+body+end))
		}
	}
	reported := 0
	for _, text := range texts {
		doc := document.New("t.txt", text, document.Meta{})
		for _, line := range doc.Lines {
			var got, want []rules.Finding
			checkTrailing(rules.NewPass(Whitespace, doc, nil, nil, Whitespace.Severity, func(f rules.Finding) { got = append(got, f) }), doc, line)
			referenceCheckTrailing(rules.NewPass(Whitespace, doc, nil, nil, Whitespace.Severity, func(f rules.Finding) { want = append(want, f) }), doc, line)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: got %v, want %v", text[line.Start:line.End], got, want)
			}
			reported += len(want)
		}
	}
	if reported < 100 {
		t.Fatalf("only %d findings: the texts do not exercise the rule", reported)
	}
}
