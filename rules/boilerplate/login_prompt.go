package boilerplate

import (
	"bytes"
	"strings"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// LoginPrompt flags a line that is nothing but a login or registration
// prompt. It matches whole lines only: "the login page was hacked" is
// article text.
var LoginPrompt = &rules.Rule{
	ID:      "boilerplate/login-prompt",
	Summary: "a line that is only a login or sign-in prompt",
	Doc: `A scraper that keeps the page's header or footer leaves the site's
account links behind: a line holding only "Login", "Log in", "Sign in",
"Register" or "My account". Such a line is never article text.

The rule matches the whole line (ignoring case, surrounding white space,
Markdown emphasis and a trailing arrow or colon), so the word inside a
sentence is never flagged. The fix removes the line and the blank line that
separated it.`,
	Bad:       "...the end of the article.\n\nLogin",
	Good:      "Hackers used the login page to enter the network.",
	Severity:  rules.Error,
	FixSafety: fixers.Safe,
	Run:       runLoginPrompt,
}

var loginPhrases = map[string]bool{
	"login": true, "log in": true, "log-in": true, "sign in": true, "sign-in": true, "signin": true,
	"logout": true, "log out": true, "sign out": true, "register": true, "sign up": true,
	"login / register": true, "login/register": true, "log in / register": true, "sign in / register": true,
	"sign in / sign up": true, "log in or register": true, "sign in or register": true, "my account": true,
	"anmelden": true, "einloggen": true, "connexion": true, "se connecter": true,
	"iniciar sesión": true, "acceder": true, "registrieren": true, "s'inscrire": true,
}

func runLoginPrompt(pass *rules.Pass) {
	doc := pass.Doc
	for _, b := range doc.Blocks {
		if b.FirstLine != b.LastLine || b.Kind == document.Code {
			continue
		}
		if !loginPhrases[normaliseLine(doc.LineText(b.FirstLine))] {
			continue
		}
		fix := &fixers.Fix{
			Message: "remove the login prompt line",
			Safety:  fixers.Safe,
			Edits:   []fixers.Edit{fixers.RemoveLines(doc, b.FirstLine, b.LastLine)},
		}
		pass.Report(rules.Finding{
			Start: b.ContentStart, End: b.End, Fix: fix,
			Message: "line is only a login prompt (page furniture)",
		})
	}
}

// normaliseLine lower-cases a line and strips white space, Markdown
// emphasis and trailing arrows or colons, so "**Log in** →" matches.
func normaliseLine(line []byte) string {
	s := strings.ToLower(string(bytes.TrimSpace(line)))
	s = strings.Trim(s, " \t\u00a0*_#:›»→>|")
	return strings.Join(strings.Fields(s), " ")
}
