package footnotes

import (
	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/rules"
)

// MissingDefinitionsRule flags a document whose footnote references have
// no definitions at all: the endnotes were lost in ingestion.
var MissingDefinitionsRule = &rules.Rule{
	ID:      "footnotes/missing-definitions",
	Summary: "footnote references with no definitions anywhere in the document",
	Doc: `Scrapers often keep the body of an article with its reference markers
([1], [2], ¹, [^1]) but drop the endnotes at the bottom of the page. The
markers then point nowhere.

One finding for the whole document, at the first reference, names every
number cited. Plain numbers count as a note series only when at least two
different numbers are cited and the lowest is 1; Markdown references
([^1]) count on their own. Editorial brackets ("categorical[ly]",
"[sic]", "[…]"), years ("[2005]"), code ("args[1]") and link text
("[1](url)") are not references.

With the option strip-markers: true the finding offers an unsafe fix that
removes every marker; by default it offers none, because the notes may
still be recovered from the source.`,
	Bad:       "Macron spoke on September 4.[1] Russia objected.[2]\n\n(no notes follow)",
	Good:      "Macron spoke on September 4.[1]\n\n[1] Le Monde, 4 September 2025.",
	Severity:  rules.Warning,
	FixSafety: fixers.Unsafe,
	Run:       func(pass *rules.Pass) { reportKind(pass, MissingDefinitions) },
}
