package config

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/rules"
)

// Declared is a rule written in the config file, in the manner of Vale:
// a phrase list, or an RE2 pattern, with an optional replacement.
//
//	declare:
//	  - id: boilerplate/acme-footer
//	    message: "ACME's footer"
//	    severity: warning
//	    phrases: ["Read more at ACME", "ACME Newsroom"]
//	    scope: line          # line (the whole line must match) or text
//	    fix: remove          # remove (the line), replace, or none
//	  - id: text/house-style
//	    pattern: '\bNato\b'
//	    replace: NATO
type Declared struct {
	ID       string   `yaml:"id"`
	Message  string   `yaml:"message"`
	Severity string   `yaml:"severity"`
	Phrases  []string `yaml:"phrases"`
	Pattern  string   `yaml:"pattern"`
	Replace  *string  `yaml:"replace"`
	Scope    string   `yaml:"scope"`
	Fix      string   `yaml:"fix"`
	Safety   string   `yaml:"safety"`
	Doc      string   `yaml:"doc"`
}

func (c *Config) buildDeclared(data []byte) error {
	seen := map[string]bool{}
	for _, d := range c.File.Declare {
		r, err := d.build()
		if err != nil {
			return c.errorAt(data, d.ID, "declare: "+err.Error())
		}
		if seen[d.ID] {
			return c.errorAt(data, d.ID, "declare: "+d.ID+" declared twice")
		}
		seen[d.ID] = true
		c.declared = append(c.declared, r)
	}
	return nil
}

func (d Declared) build() (*rules.Rule, error) {
	fam, name, ok := strings.Cut(d.ID, "/")
	if !ok || name == "" || !rules.IsFamily(fam) {
		return nil, fmt.Errorf("id %q must be family/name with a family among %s", d.ID, strings.Join(rules.Families, ", "))
	}
	if _, exists := rules.Lookup(d.ID); exists {
		return nil, fmt.Errorf("id %q is a built-in rule", d.ID)
	}
	if (len(d.Phrases) == 0) == (d.Pattern == "") {
		return nil, fmt.Errorf("%s: give either phrases or pattern", d.ID)
	}
	sev := rules.Warning
	if d.Severity != "" {
		var err error
		if sev, err = rules.ParseSeverity(d.Severity); err != nil {
			return nil, fmt.Errorf("%s: %v", d.ID, err)
		}
	}
	re, err := d.regexp()
	if err != nil {
		return nil, err
	}
	scope := d.Scope
	if scope == "" {
		scope = "text"
		if len(d.Phrases) > 0 {
			scope = "line"
		}
	}
	if scope != "line" && scope != "text" {
		return nil, fmt.Errorf("%s: scope %q must be line or text", d.ID, scope)
	}
	fixKind, safety, err := d.fixKind(scope)
	if err != nil {
		return nil, err
	}
	msg := d.Message
	if msg == "" {
		msg = "matches the declared rule " + d.ID
	}
	m := &matcher{re: re, scope: scope, fix: fixKind, safety: safety, replace: d.Replace, message: msg}
	return &rules.Rule{
		ID: d.ID, Summary: msg, Doc: d.Doc, Severity: sev, FixSafety: safety, Run: m.run,
	}, nil
}

func (d Declared) regexp() (*regexp.Regexp, error) {
	expr := d.Pattern
	if len(d.Phrases) > 0 {
		quoted := make([]string, len(d.Phrases))
		for i, p := range d.Phrases {
			quoted[i] = regexp.QuoteMeta(p)
		}
		expr = `(?i)(?:` + strings.Join(quoted, "|") + `)`
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, fmt.Errorf("%s: bad pattern: %v", d.ID, err)
	}
	return re, nil
}

func (d Declared) fixKind(scope string) (string, fixers.Safety, error) {
	kind := d.Fix
	if kind == "" {
		switch {
		case d.Replace != nil:
			kind = "replace"
		case scope == "line":
			kind = "remove"
		default:
			kind = "none"
		}
	}
	switch kind {
	case "none":
		return kind, fixers.None, nil
	case "replace":
		if d.Replace == nil {
			return "", 0, fmt.Errorf("%s: fix replace needs replace", d.ID)
		}
	case "remove":
		if scope != "line" {
			return "", 0, fmt.Errorf("%s: fix remove needs scope line", d.ID)
		}
	default:
		return "", 0, fmt.Errorf("%s: fix %q must be remove, replace or none", d.ID, kind)
	}
	safety := fixers.Unsafe
	if d.Safety != "" {
		s, err := fixers.ParseSafety(d.Safety)
		if err != nil {
			return "", 0, fmt.Errorf("%s: %v", d.ID, err)
		}
		safety = s
	}
	return kind, safety, nil
}

type matcher struct {
	re      *regexp.Regexp
	scope   string
	fix     string
	safety  fixers.Safety
	replace *string
	message string
}

func (m *matcher) run(pass *rules.Pass) {
	doc := pass.Doc
	for i, l := range doc.Lines {
		line := doc.Src[l.Start:l.End]
		if m.scope == "line" {
			trimmed := strings.TrimSpace(string(line))
			loc := m.re.FindStringIndex(trimmed)
			if loc == nil || loc[0] != 0 || loc[1] != len(trimmed) || trimmed == "" {
				continue
			}
			pass.Report(rules.Finding{Start: l.Start, End: l.End, Message: m.message, Fix: m.lineFix(pass, i, l.Start, l.End)})
			continue
		}
		for _, loc := range m.re.FindAllIndex(line, -1) {
			if loc[0] == loc[1] {
				continue
			}
			start, end := l.Start+loc[0], l.Start+loc[1]
			pass.Report(rules.Finding{Start: start, End: end, Message: m.message, Fix: m.textFix(line[loc[0]:loc[1]], start, end)})
		}
	}
}

func (m *matcher) lineFix(pass *rules.Pass, line, start, end int) *fixers.Fix {
	switch m.fix {
	case "remove":
		return &fixers.Fix{Message: "remove the line", Safety: m.safety, Edits: []fixers.Edit{fixers.RemoveLines(pass.Doc, line, line)}}
	case "replace":
		return m.textFix(pass.Doc.Src[start:end], start, end)
	}
	return nil
}

func (m *matcher) textFix(matched []byte, start, end int) *fixers.Fix {
	if m.fix != "replace" {
		return nil
	}
	text := string(m.re.ReplaceAll(matched, []byte(*m.replace)))
	return &fixers.Fix{Message: fmt.Sprintf("replace with %q", text), Safety: m.safety, Edits: []fixers.Edit{fixers.Replace(start, end, text)}}
}
