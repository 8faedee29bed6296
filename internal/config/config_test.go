package config

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
	_ "github.com/dochygiene/hygiene/rules/all"
)

const full = `# every key
include: ["*.txt"]
exclude: ["drafts/**"]
enable: [text]
disable: [boilerplate/login-prompt]
severity:
  text: info
rules:
  text/whitespace:
    severity: error
    options: {min: 2}
overrides:
  - paths: ["archive/**"]
    disable: [text]
declare:
  - id: boilerplate/acme-footer
    message: ACME's footer
    phrases: ["Read more at ACME"]
  - id: text/house-nato
    pattern: '\bNato\b'
    replace: NATO
    safety: safe
knowledge: [my-people.yaml]
`

func TestParseValid(t *testing.T) {
	c, err := Parse("x/.hygiene.yaml", []byte(full))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Declared()) != 2 {
		t.Fatalf("declared rules = %d, want 2", len(c.Declared()))
	}
	ws, _ := rules.Lookup("text/whitespace")
	login, _ := rules.Lookup("boilerplate/login-prompt")
	s := c.For("x/a.txt")
	if got := s.Severity(ws); got != rules.Error {
		t.Errorf("per-rule severity = %s, want error", got)
	}
	if s.Enabled(login) {
		t.Error("boilerplate/login-prompt should be disabled")
	}
	if got := s.Options(ws).Int("min", 0); got != 2 {
		t.Errorf("option min = %d, want 2", got)
	}
	if !s.Enabled(ws) {
		t.Error("text/whitespace should be enabled outside archive/")
	}
	if c.For("x/archive/old/a.txt").Enabled(ws) {
		t.Error("override should disable text/ under archive/")
	}
}

func TestParseErrorsNameFileLineAndKey(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unknown top-level key", "enable: [text]\nenabel: [text]\n", `c.yaml:2: unknown key "enabel"`},
		{"unknown rule key", "rules:\n  text/whitespace:\n    severty: error\n", `c.yaml:3: unknown key "severty"`},
		{"bad severity", "severity:\n  text: loud\n", `c.yaml:2: severity: unknown severity "loud"`},
		{"unknown rule", "disable:\n  - text/nope\n", `c.yaml:2: disable: unknown rule or family "text/nope"`},
		{"wrong type", "enable: yes\n", "c.yaml:1:"},
		{"bad regexp", "declare:\n  - id: text/x\n    pattern: '('\n", "c.yaml:2: declare: text/x: bad pattern"},
		{"declared needs family", "declare:\n  - id: misc/x\n    phrases: [a]\n", `c.yaml:2: declare: id "misc/x" must be family/name`},
		{"declared shadows built-in", "declare:\n  - id: text/whitespace\n    phrases: [a]\n", "is a built-in rule"},
		{"phrases and pattern", "declare:\n  - id: text/x\n    phrases: [a]\n    pattern: b\n", "give either phrases or pattern"},
		{"override without paths", "overrides:\n  - disable: [text]\n", "overrides: each entry needs paths"},
		{"not yaml", "enable: [text\n", "c.yaml:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(tt.src))
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
		})
	}
}

func TestEmptyConfigIsDefaults(t *testing.T) {
	c, err := Parse("c.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	ws, _ := rules.Lookup("text/whitespace")
	if !c.For("a.txt").Enabled(ws) || c.For("a.txt").Severity(ws) != ws.Severity {
		t.Error("an empty config should leave the defaults")
	}
}

func TestEnableRuleBeatsFamilyDisable(t *testing.T) {
	c, err := Parse("c.yaml", []byte("disable: [text]\nenable: [text/whitespace]\n"))
	if err != nil {
		t.Fatal(err)
	}
	ws, _ := rules.Lookup("text/whitespace")
	if !c.For("a.txt").Enabled(ws) {
		t.Error("enabling a rule should beat disabling its family")
	}
	c, _ = Parse("c.yaml", []byte("disable: [text/whitespace]\nenable: [text]\n"))
	if c.For("a.txt").Enabled(ws) {
		t.Error("disabling a rule should beat enabling its family")
	}
}

func TestFindWalksUp(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(root, "a", FileName)
	if err := os.WriteFile(cfg, []byte("disable: [text]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := Find(deep); got != cfg {
		t.Errorf("Find = %q, want %q", got, cfg)
	}
}

func runDeclared(t *testing.T, r *rules.Rule, text string) []rules.Finding {
	t.Helper()
	d := document.New("t", []byte(text), document.Meta{})
	var out []rules.Finding
	r.Run(rules.NewPass(r, d, nil, nil, 0, func(f rules.Finding) { out = append(out, f) }))
	return out
}

func TestDeclaredPhraseMatchesWholeLinesOnly(t *testing.T) {
	c, err := Parse("c.yaml", []byte(full))
	if err != nil {
		t.Fatal(err)
	}
	footer := c.Declared()[0]
	text := "Intro.\n\nRead more at ACME\n\nWe read more at ACME every day.\n"
	fs := runDeclared(t, footer, text)
	if len(fs) != 1 {
		t.Fatalf("got %d findings, want 1 (the whole line only)", len(fs))
	}
	if fs[0].Fix == nil || fs[0].Fix.Safety.String() != "unsafe" {
		t.Errorf("a declared line rule removes the line with an unsafe fix by default, got %+v", fs[0].Fix)
	}
	e := fs[0].Fix.Edits[0]
	if got := text[:e.Start] + e.Text + text[e.End:]; got != "Intro.\n\nWe read more at ACME every day.\n" {
		t.Errorf("fix result %q", got)
	}
}

func TestDeclaredPatternReplaces(t *testing.T) {
	c, err := Parse("c.yaml", []byte(full))
	if err != nil {
		t.Fatal(err)
	}
	nato := c.Declared()[1]
	fs := runDeclared(t, nato, "Nato met. Natoli did not.")
	if len(fs) != 1 || fs[0].Fix.Edits[0].Text != "NATO" || fs[0].Fix.Safety.String() != "safe" {
		t.Fatalf("findings %+v", fs)
	}
}

// TestSchemaAgreesWithLoader validates YAML documents against the shipped
// JSON Schema and checks that the schema and the loader accept and reject
// the same ones.
func TestSchemaAgreesWithLoader(t *testing.T) {
	c := jsonschema.NewCompiler()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("hygiene.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("hygiene.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		src   string
		valid bool
	}{
		{full, true},
		{"", true},
		{"enabel: [text]\n", false},
		{"severity: {text: loud}\n", false},
		{"rules: {text/whitespace: {severty: error}}\n", false},
		{"overrides: [{disable: [text]}]\n", false},
		{"declare: [{id: text/x, phrases: [a], pattern: b}]\n", false},
	}
	for _, tc := range cases {
		var v any
		if err := yaml.Unmarshal([]byte(tc.src), &v); err != nil {
			t.Fatal(err)
		}
		if v == nil {
			v = map[string]any{}
		}
		js, _ := json.Marshal(v)
		inst, _ := jsonschema.UnmarshalJSON(bytes.NewReader(js))
		schemaOK := sch.Validate(inst) == nil
		_, loadErr := Parse("c.yaml", []byte(tc.src))
		if schemaOK != tc.valid || (loadErr == nil) != tc.valid {
			t.Errorf("%q: schema valid=%v, loader err=%v, want valid=%v", tc.src, schemaOK, loadErr, tc.valid)
		}
	}
}
