package text

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// referenceMarkup is runMarkup as it was before one finder and one
// search for "**" served the whole document: a finder per block, and
// checkStrayEmphasis on every block. The test below holds the rule to it.
func referenceMarkup(pass *rules.Pass) {
	m := &markupScan{pass: pass}
	textBlocks(pass.Doc, func(b document.Block) {
		referenceMarkupScan(m, b)
		checkStrayEmphasis(pass, b)
	})
}

func referenceMarkupScan(m *markupScan, b document.Block) {
	pass := m.pass
	src := pass.Doc.Src
	find := newMarkupFinder()
	for i := b.Start; i < b.End; {
		i = find.next(src[:b.End], i)
		if i < 0 {
			return
		}
		next := i + 1
		switch src[i] {
		case '<':
			if end, name := parseTag(src, i, b.End); end > 0 && !inInlineCode(src, i) {
				reportTag(pass, i, end, name, m.tagSeverity())
				next = end
			}
		case '&':
			if end, text := parseEntity(src, i, b.End); end > 0 && !inURL(src, i, end) && !inInlineCode(src, i) {
				reportEntity(pass, i, end, text, m.tagSeverity())
				next = end
			}
		case '\\':
			if end := escapeRunEnd(src, i, b.End); end > 0 && !inInlineCode(src, i) {
				reportEscapes(pass, i, end)
				next = end
			}
		}
		i = next
	}
}

// TestMarkupMatchesReference runs the rule and its reference on the
// seeds, the WCXB texts and random texts of tags, entities, escapes and
// emphasis markers across blocks and code.
func TestMarkupMatchesReference(t *testing.T) {
	pieces := []string{"<b>", "</b>", "<div>", "<p>", "&amp;", "&nbsp;", "&#8217;", "\\*", "\\_", "**", "***", "*", "a", "word",
		" ", " ", "\n", "\n\n", "```\n", "`", "https://x.org/?a=1&b=2", "- ", "# ", "> ", "|", "<", "&", "\\", "kwargs", "a**2"}
	texts := randomTexts(realTexts(t), rand.New(rand.NewPCG(51, 52)), 5000, 40, pieces)
	findings := 0
	for _, text := range texts {
		doc := document.New("t.md", text, document.Meta{})
		var got, want []rules.Finding
		Markup.Run(rules.NewPass(Markup, doc, nil, nil, Markup.Severity, func(f rules.Finding) { got = append(got, f) }))
		referenceMarkup(rules.NewPass(Markup, doc, nil, nil, Markup.Severity, func(f rules.Finding) { want = append(want, f) }))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%.200q: got %v, want %v", text, got, want)
		}
		findings += len(want)
	}
	if findings < 1000 {
		t.Fatalf("only %d findings: the texts do not exercise the rule", findings)
	}
}
