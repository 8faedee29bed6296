// Package config loads .hygiene.yaml files and answers, per linted path,
// which rules run, at what severity and with which options.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/dochygiene/hygiene/internal/corpus"
	"github.com/dochygiene/hygiene/rules"
)

// FileName is the config file searched for from each linted file upwards.
const FileName = ".hygiene.yaml"

// File is the YAML document as written.
type File struct {
	Include  []string              `yaml:"include"`
	Exclude  []string              `yaml:"exclude"`
	Enable   []string              `yaml:"enable"`
	Disable  []string              `yaml:"disable"`
	Only     []string              `yaml:"only"`
	Severity map[string]string     `yaml:"severity"`
	Rules    map[string]RuleConfig `yaml:"rules"`
	// Overrides apply to paths matching their globs, later ones winning.
	Overrides []Override `yaml:"overrides"`
	// Declare holds rules written in YAML, without Go.
	Declare []Declared `yaml:"declare"`
	// Knowledge lists extra knowledge-pack files or directories.
	Knowledge []string `yaml:"knowledge"`
}

// RuleConfig is the per-rule section.
type RuleConfig struct {
	Enabled  *bool         `yaml:"enabled"`
	Severity string        `yaml:"severity"`
	Options  rules.Options `yaml:"options"`
}

// Override changes settings for paths matching Paths.
type Override struct {
	Paths    []string          `yaml:"paths"`
	Enable   []string          `yaml:"enable"`
	Disable  []string          `yaml:"disable"`
	Severity map[string]string `yaml:"severity"`
}

// Config is a loaded file (or the defaults when there is none).
type Config struct {
	// Path is the file it came from, "" for the defaults.
	Path string
	// Dir is the directory globs in overrides are relative to.
	Dir      string
	File     File
	declared []*rules.Rule
}

// Error is a config problem with the file and line that caused it.
type Error struct {
	Path string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// Default is the configuration used when no file is found.
func Default() *Config { return &Config{} }

// Load reads and validates a config file.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	return Parse(path, data)
}

// Parse decodes and validates config bytes; path names the file in errors.
func Parse(path string, data []byte) (*Config, error) {
	c := &Config{Path: path, Dir: filepath.Dir(path)}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&c.File); err != nil && !errors.Is(err, io.EOF) {
		return nil, yamlError(path, err)
	}
	if err := c.validate(data); err != nil {
		return nil, err
	}
	return c, nil
}

// yamlError turns "yaml: line 3: field foo not found in type config.File"
// into "path:3: unknown key foo".
func yamlError(path string, err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		return parseYAMLMessage(path, te.Errors[0])
	}
	return parseYAMLMessage(path, err.Error())
}

func parseYAMLMessage(path, msg string) error {
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if n, err := fmt.Sscanf(rest, "%d:", &line); n == 1 && err == nil {
			_, msg, _ = strings.Cut(rest, ": ")
		}
	}
	if field, ok := strings.CutPrefix(msg, "field "); ok {
		name, _, _ := strings.Cut(field, " not found")
		msg = fmt.Sprintf("unknown key %q", name)
	}
	return &Error{Path: path, Line: line, Msg: msg}
}

func (c *Config) validate(data []byte) error {
	f := &c.File
	check := func(key string, sels []string) error {
		for _, s := range sels {
			if err := rules.CheckSelector(s); err != nil && !c.declares(s) {
				return c.errorAt(data, s, fmt.Sprintf("%s: %v", key, err))
			}
		}
		return nil
	}
	for key, sels := range map[string][]string{"enable": f.Enable, "disable": f.Disable, "only": f.Only} {
		if err := check(key, sels); err != nil {
			return err
		}
	}
	if err := c.buildDeclared(data); err != nil {
		return err
	}
	for sel, sev := range f.Severity {
		if err := check("severity", []string{sel}); err != nil {
			return err
		}
		if _, err := rules.ParseSeverity(sev); err != nil {
			return c.errorAt(data, sev, "severity: "+err.Error())
		}
	}
	for id, rc := range f.Rules {
		if err := check("rules", []string{id}); err != nil {
			return err
		}
		if rc.Severity != "" {
			if _, err := rules.ParseSeverity(rc.Severity); err != nil {
				return c.errorAt(data, rc.Severity, "rules: "+id+": "+err.Error())
			}
		}
	}
	for _, o := range f.Overrides {
		if len(o.Paths) == 0 {
			return c.errorAt(data, "overrides", "overrides: each entry needs paths")
		}
		if err := check("overrides", append(append([]string{}, o.Enable...), o.Disable...)); err != nil {
			return err
		}
		for sel, sev := range o.Severity {
			if _, err := rules.ParseSeverity(sev); err != nil {
				return c.errorAt(data, sev, "overrides: severity: "+sel+": "+err.Error())
			}
		}
	}
	return nil
}

// errorAt names the first line of the file that mentions needle, so that
// a bad value is reported where the user wrote it.
func (c *Config) errorAt(data []byte, needle, msg string) error {
	line := 0
	for i, l := range strings.Split(string(data), "\n") {
		if needle != "" && strings.Contains(l, needle) {
			line = i + 1
			break
		}
	}
	return &Error{Path: c.Path, Line: line, Msg: msg}
}

// Find returns the nearest config file at or above dir, or "" when none.
func Find(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(abs, FileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return ""
		}
		abs = parent
	}
}

// KnowledgePaths returns the file's `knowledge:` entries, relative ones
// taken relative to the config file's directory.
func (c *Config) KnowledgePaths() []string {
	out := make([]string, 0, len(c.File.Knowledge))
	for _, k := range c.File.Knowledge {
		if !filepath.IsAbs(k) && c.Dir != "" {
			k = filepath.Join(c.Dir, k)
		}
		out = append(out, k)
	}
	return out
}

// Declared returns the rules declared in the file.
func (c *Config) Declared() []*rules.Rule { return c.declared }

func (c *Config) declares(id string) bool {
	for _, d := range c.File.Declare {
		if d.ID == id {
			return true
		}
	}
	return false
}

// Settings are the resolved settings for one path.
type Settings struct {
	cfg *Config
	// layers are the file's enable/disable lists, then each matching
	// override's, in order: a later layer wins.
	layers []layer
	sev    map[string]rules.Severity
}

type layer struct{ enable, disable []string }

// For resolves the settings for a linted file. Override globs are matched
// against the path relative to the config file's directory.
func (c *Config) For(path string) *Settings {
	s := &Settings{cfg: c, sev: map[string]rules.Severity{}}
	s.layers = append(s.layers, layer{c.File.Enable, c.File.Disable})
	for sel, v := range c.File.Severity {
		s.sev[sel], _ = rules.ParseSeverity(v)
	}
	rel := c.relative(path)
	for _, o := range c.File.Overrides {
		if !matchesAny(o.Paths, rel) {
			continue
		}
		s.layers = append(s.layers, layer{o.Enable, o.Disable})
		for sel, v := range o.Severity {
			s.sev[sel], _ = rules.ParseSeverity(v)
		}
	}
	return s
}

func (c *Config) relative(path string) string {
	if c.Dir == "" {
		return filepath.ToSlash(path)
	}
	absDir, err1 := filepath.Abs(c.Dir)
	absPath, err2 := filepath.Abs(path)
	if err1 != nil || err2 != nil {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(absDir, absPath)
	if err != nil {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(rel)
}

func matchesAny(globs []string, rel string) bool {
	for _, g := range globs {
		if corpus.MatchPath(g, rel) || !strings.Contains(g, "/") && corpus.MatchPath("**/"+g, rel) {
			return true
		}
	}
	return false
}

// Enabled reports whether rule r runs. "only" restricts the set; a rule's
// own "enabled" is final; otherwise every layer (the file, then matching
// overrides) may switch the rule, a later layer winning, and within a
// layer a rule ID beats its family.
func (s *Settings) Enabled(r *rules.Rule) bool {
	f := &s.cfg.File
	if len(f.Only) > 0 && !anyMatches(f.Only, r) {
		return false
	}
	if rc, ok := f.Rules[r.ID]; ok && rc.Enabled != nil {
		return *rc.Enabled
	}
	on := true
	for _, l := range s.layers {
		if v, ok := l.decide(r); ok {
			on = v
		}
	}
	return on
}

func (l layer) decide(r *rules.Rule) (on, decided bool) {
	switch {
	case contains(l.disable, r.ID):
		return false, true
	case contains(l.enable, r.ID):
		return true, true
	case contains(l.disable, r.Family()):
		return false, true
	case contains(l.enable, r.Family()):
		return true, true
	}
	return false, false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func anyMatches(sels []string, r *rules.Rule) bool {
	for _, sel := range sels {
		if rules.Matches(sel, r) {
			return true
		}
	}
	return false
}

// Severity returns the configured severity of r: the rule's own setting,
// then a family or ID setting, then the rule's default.
func (s *Settings) Severity(r *rules.Rule) rules.Severity {
	if rc, ok := s.cfg.File.Rules[r.ID]; ok && rc.Severity != "" {
		sev, _ := rules.ParseSeverity(rc.Severity)
		return sev
	}
	if sev, ok := s.sev[r.ID]; ok {
		return sev
	}
	if sev, ok := s.sev[r.Family()]; ok {
		return sev
	}
	return r.Severity
}

// Options returns r's options.
func (s *Settings) Options(r *rules.Rule) rules.Options {
	return s.cfg.File.Rules[r.ID].Options
}
