package report

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/dochygiene/hygiene/rules"
)

func init() { Register("sarif", WriteSARIF) }

// SARIF 2.1.0, the subset hygiene fills. Field names follow the
// specification; GitHub code scanning reads rules[].help,
// defaultConfiguration and results[].partialFingerprints.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string            `json:"id"`
	Name                 string            `json:"name"`
	ShortDescription     sarifText         `json:"shortDescription"`
	FullDescription      sarifText         `json:"fullDescription"`
	Help                 sarifHelp         `json:"help"`
	DefaultConfiguration sarifRuleConfig   `json:"defaultConfiguration"`
	Properties           sarifRuleProperty `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifRuleProperty struct {
	Tags      []string `json:"tags"`
	FixSafety string   `json:"fixSafety"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
	Properties          *sarifResultProps `json:"properties,omitempty"`
}

type sarifResultProps struct {
	Record string `json:"record"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int        `json:"startLine,omitempty"`
	StartColumn int        `json:"startColumn,omitempty"`
	EndLine     int        `json:"endLine,omitempty"`
	EndColumn   int        `json:"endColumn,omitempty"`
	ByteOffset  int        `json:"byteOffset"`
	ByteLength  int        `json:"byteLength"`
	Snippet     *sarifText `json:"snippet,omitempty"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent *sarifText  `json:"insertedContent,omitempty"`
}

// SARIFSchemaURI is the schema a SARIF log names.
const SARIFSchemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

// FingerprintKey names hygiene's fingerprint in partialFingerprints; the
// version suffix changes if the hash ever does.
const FingerprintKey = "hygieneFinding/v1"

// WriteSARIF writes one SARIF 2.1.0 run. Columns count Unicode code points
// (columnKind says so); regions also carry byte offsets.
func WriteSARIF(w io.Writer, r *Report, opts Options) error {
	ruleList, index := sarifRules(r)
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: "hygiene", Version: opts.Version, InformationURI: ProjectURL, Rules: ruleList,
		}},
		ColumnKind: "unicodeCodePoints",
		Results:    make([]sarifResult, 0, len(r.Items)),
	}
	seen := map[[2]string]int{}
	for i := range r.Items {
		it := &r.Items[i]
		key := [2]string{it.Path + "#" + it.Record, it.Fingerprint}
		seen[key]++
		run.Results = append(run.Results, sarifResultOf(it, index, seen[key]))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: SARIFSchemaURI, Version: "2.1.0", Runs: []sarifRun{run}})
}

// sarifRules describes every rule that ran, and any rule a finding names
// that was not listed, sorted by ID.
func sarifRules(r *Report) ([]sarifRule, map[string]int) {
	byID := map[string]*rules.Rule{}
	for _, rule := range r.Rules {
		byID[rule.ID] = rule
	}
	for i := range r.Items {
		if rule := r.Items[i].Rule; byID[rule.ID] == nil {
			byID[rule.ID] = rule
		}
	}
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	list := make([]sarifRule, len(ids))
	index := make(map[string]int, len(ids))
	for i, id := range ids {
		list[i] = sarifRuleOf(byID[id])
		index[id] = i
	}
	return list, index
}

func sarifRuleOf(rule *rules.Rule) sarifRule {
	text, markdown := RuleHelp(rule)
	full := rule.Doc
	if full == "" {
		full = rule.Summary
	}
	return sarifRule{
		ID:                   rule.ID,
		Name:                 ruleName(rule.ID),
		ShortDescription:     sarifText{Text: rule.Summary},
		FullDescription:      sarifText{Text: strings.TrimSpace(full)},
		Help:                 sarifHelp{Text: text, Markdown: markdown},
		DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(rule.Severity)},
		Properties:           sarifRuleProperty{Tags: []string{rule.Family()}, FixSafety: rule.FixSafety.String()},
	}
}

// ruleName is a PascalCase name from the ID ("boilerplate/login-prompt" ->
// "BoilerplateLoginPrompt"), the form SARIF suggests for rule names.
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '/' || r == '-' || r == '_' || r == '.' }) {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

// RuleHelp renders a rule's documentation with its bad and good examples,
// as plain text and as Markdown.
func RuleHelp(rule *rules.Rule) (text, markdown string) {
	doc := strings.TrimSpace(rule.Doc)
	if doc == "" {
		doc = rule.Summary
	}
	var t, m strings.Builder
	t.WriteString(doc)
	m.WriteString(doc)
	for _, ex := range []struct{ label, body string }{{"Bad", rule.Bad}, {"Good", rule.Good}} {
		if strings.TrimSpace(ex.body) == "" {
			continue
		}
		body := strings.TrimRight(ex.body, "\n")
		t.WriteString("\n\n" + ex.label + ":\n" + indent(body, "    "))
		fence := codeFence(body)
		m.WriteString("\n\n**" + ex.label + "**\n\n" + fence + "text\n" + body + "\n" + fence)
	}
	return t.String(), m.String()
}

func indent(s, prefix string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}

// codeFence returns a backtick fence longer than any run inside body.
func codeFence(body string) string {
	longest, run := 0, 0
	for _, c := range body {
		if c == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return strings.Repeat("`", max(3, longest+1))
}

// sarifResultOf describes one finding; occurrence numbers the findings of
// one path that share a fingerprint, so that each keeps its own
// ("hash:1", "hash:2"), as GitHub does for its own line hashes.
func sarifResultOf(it *Item, index map[string]int, occurrence int) sarifResult {
	uri := ArtifactURI(it.Path)
	res := sarifResult{
		RuleID:    it.Rule.ID,
		RuleIndex: index[it.Rule.ID],
		Level:     sarifLevel(it.Severity),
		Message:   sarifText{Text: it.Message},
		Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
			ArtifactLocation: sarifArtifact{URI: uri},
			Region: sarifRegion{
				StartLine: it.Line, StartColumn: it.Column, EndLine: it.EndLine, EndColumn: it.EndColumn,
				ByteOffset: it.Start, ByteLength: it.End - it.Start,
				Snippet: snippet(it.Excerpt),
			},
		}}},
		PartialFingerprints: map[string]string{FingerprintKey: it.Fingerprint + ":" + strconv.Itoa(occurrence)},
	}
	if it.Record != "" {
		res.Properties = &sarifResultProps{Record: it.Record}
	}
	if it.Fix != nil && len(it.Fix.Edits) > 0 {
		change := sarifArtifactChange{ArtifactLocation: sarifArtifact{URI: uri}}
		for _, e := range it.Fix.Edits {
			rep := sarifReplacement{DeletedRegion: sarifRegion{ByteOffset: e.Start, ByteLength: e.End - e.Start}}
			if e.Text != "" {
				rep.InsertedContent = &sarifText{Text: e.Text}
			}
			change.Replacements = append(change.Replacements, rep)
		}
		res.Fixes = []sarifFix{{
			Description:     sarifText{Text: it.Fix.Message + " (" + it.Fix.Safety.String() + " fix)"},
			ArtifactChanges: []sarifArtifactChange{change},
		}}
	}
	return res
}

func snippet(s string) *sarifText {
	if s == "" {
		return nil
	}
	return &sarifText{Text: s}
}

func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "note"
}

// ArtifactURI turns a path as the user named it into a URI reference:
// forward slashes, percent-escaped, relative paths kept relative (code
// scanning resolves them against the repository root).
func ArtifactURI(path string) string {
	p := filepath.ToSlash(path)
	p = strings.TrimPrefix(p, "./")
	if filepath.IsAbs(path) {
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: p}).String()
}
