package text

import (
	"testing"

	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

func TestMarkupTags(t *testing.T) {
	text := "Tracey Stewart\n<u>tracey.stewart@example.com</u>\n"
	fs := flagged(t, Markup, text, 2)
	if got := fixWith(t, text, false, Markup); got != "Tracey Stewart\ntracey.stewart@example.com\n" {
		t.Errorf("fixed: %q", got)
	}
	_ = fs
	if got := fixWith(t, "One line<br>two line</p><p>three.\n", false, Markup); got != "One line\ntwo line three.\n" {
		t.Errorf("block tags between words must leave a break or a space: %q", got)
	}
	flagged(t, Markup, `Read <a href="https://example.com">the report</a> now.`+"\n", 2)
}

func TestMarkupEntities(t *testing.T) {
	text := "Tom &amp; Jerry&#8217;s show&nbsp;is on AT&amp;T at 9&#x2009;pm.\n"
	flagged(t, Markup, text, 5)
	if got := fixWith(t, text, false, Markup); got != "Tom & Jerry’s show is on AT&T at 9\u2009pm.\n" {
		t.Errorf("fixed: %q", got)
	}
}

func TestMarkupEscapedMarkdown(t *testing.T) {
	text := "A judge at the court.\n\n\\*\\*\\*\\*\\*\\*\\*\\*\n\nThe process started.\n"
	f := flagged(t, Markup, text, 1)[0]
	if got := applyFix(t, text, f); got != "A judge at the court.\n\nThe process started.\n" {
		t.Errorf("a separator line should go whole: %q", got)
	}
	text = "This is \\*\\*important\\*\\* news.\n"
	flagged(t, Markup, text, 2)
	if got := fixWith(t, text, false, Markup); got != "This is important news.\n" {
		t.Errorf("fixed: %q", got)
	}
}

func TestMarkupStrayEmphasis(t *testing.T) {
	flagged(t, Markup, "**Note that the plan was adopted.\n\nNext paragraph.\n", 1)
	// A closing lone marker is a footnote sign: "(Miles)**".
	quiet(t, Markup, "Range Approximation (Miles)** and more. Read more here.**\n")
	text := "The plan ** was adopted.\n"
	f := flagged(t, Markup, text, 1)[0]
	if got := applyFix(t, text, f); got != "The plan was adopted.\n" {
		t.Errorf("fixed: %q", got)
	}
}

func TestMarkupTraps(t *testing.T) {
	quiet(t, Markup,
		"**Marc Perrin** is a former diplomat; *emphasis* is Markdown.\n",
		"I <3 Paris, and 3 < 5 > 2 holds. Mail <office@example.com> or <https://example.com>.\n",
		"AT&T; R&D; Q&A and fish & chips are not entities. Neither is &madeup;.\n",
		"See https://example.com/?a=1&amp;b=2 for the query.\n",
		"Use `<b>` and `&amp;` in your template.\n",
		"```\n<div class=\"x\">&nbsp;</div>\n```\n",
		"Call f(**kwargs) and compute a**2 for the square.\n",
		"A single escape \\* or \\_ is legitimate Markdown.\n",
		// An article about HTML shows tags as its subject: an <img> tag
		// holds no text and is left alone.
		"You can't run scripts from (<img src=\"/image.svg\">) on that site.\n",
	)
	// In a technical document, tags are reported at info only.
	tech := lines("func main() {", "    fmt.Println(\"x\")", "}", "", "Input: <table></table><li> crashed the parser.")
	for _, f := range ruletest.Run(t, Markup, tech, nil) {
		if f.Severity > rules.Info {
			t.Errorf("tag in a technical document reported as %v: %s", f.Severity, f.Message)
		}
	}
}
