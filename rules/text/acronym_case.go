package text

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/knowledge"
	"github.com/dochygiene/hygiene/rules"
)

// AcronymCase flags an initialism written in the wrong case ("Uk" for
// "UK"), from the knowledge pack's list of initialisms.
var AcronymCase = &rules.Rule{
	ID:      "text/acronym-case",
	Summary: `an initialism in the wrong case ("Uk" for "UK")`,
	Doc: `Title-casing a headline or a careless ingest turns "UK" into "Uk" and "IMF"
into "Imf". The knowledge pack lists initialisms with the casings house
styles accept: "Nato", "Unesco" and "Opec" are BBC and Guardian style and
pass by default. Option house_style narrows this: "any" (default) accepts
every listed style, "none" accepts capitals only, a style name ("bbc")
accepts that style only.

Never flagged: all-lower-case words (domains, code), initialisms whose other
casings are ordinary words or names ("Us", "It", "Who", "Ira" at the start
of a sentence), and words inside URLs and e-mail addresses. The fix (safe)
writes the capitals.`,
	Bad:       "Uk, France and Ukraine meet to discuss security guarantees",
	Good:      "UK, France and Ukraine meet; Us and It stay as they are; Nato is BBC style.",
	Severity:  rules.Warning,
	FixSafety: fixers.Safe,
	Run:       runAcronymCase,
}

func runAcronymCase(pass *rules.Pass) {
	pack := knowledge.Active()
	doc := pass.Doc
	style := pass.Options.String("house_style", "any")
	for _, t := range doc.Tokens() {
		if t.Kind != document.Word || t.End-t.Start > 8 || t.End-t.Start < 2 {
			continue
		}
		w := doc.Text(t.Start, t.End)
		if !mixedCase(w) {
			continue
		}
		in := pack.Initialism(w)
		if in == nil || in.Word || w == in.Form || acceptedStyle(in, w, style) || inAddress(doc.Src, t.Start, t.End) {
			continue
		}
		pass.Report(rules.Finding{
			Start: t.Start, End: t.End,
			Message: fmt.Sprintf("%q: the initialism is written %q", w, in.Form),
			Fix: &fixers.Fix{Message: fmt.Sprintf("write %q", in.Form), Safety: fixers.Safe,
				Edits: []fixers.Edit{fixers.Replace(t.Start, t.End, in.Form)}},
		})
	}
}

// mixedCase reports whether w holds both capitals and small letters:
// "Uk", "uK", not "UK" or "uk".
func mixedCase(w string) bool {
	upper, lower := false, false
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
		upper = upper || unicode.IsUpper(r)
		lower = lower || unicode.IsLower(r)
	}
	return upper && lower
}

func acceptedStyle(in *knowledge.Initialism, w, style string) bool {
	switch style {
	case "none":
		return false
	case "any":
		for _, s := range in.Styles {
			if s == w {
				return true
			}
		}
		return false
	}
	return in.Styles[style] == w
}

// inAddress reports whether [start, end) is part of a URL, domain or
// e-mail address ("bbc.co.Uk", "user@Un.org").
func inAddress(src []byte, start, end int) bool {
	before, _ := utf8.DecodeLastRune(src[:start])
	after, _ := utf8.DecodeRune(src[end:])
	if before == '.' || before == '@' || before == '/' || after == '@' || after == '/' {
		return true
	}
	if after == '.' && end+1 < len(src) {
		next, _ := utf8.DecodeRune(src[end+1:])
		return unicode.IsLetter(next)
	}
	return false
}
