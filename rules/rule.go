// Package rules is the public rule API: what a rule is, what it sees when
// it runs (a Pass), what it reports (a Finding), and the registry of every
// rule. Rule families live in sub-packages (rules/boilerplate, rules/text,
// ...), one file per rule, and register themselves in an init function.
//
// The model is golang.org/x/tools/go/analysis: a rule is a plain value with
// an ID, documentation and a Run function; it never parses text itself but
// reads the shared document model.
package rules

import (
	"fmt"
	"strings"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
)

// Families are the rule ID prefixes. They are a contract: tools and tests
// group findings by them.
var Families = []string{"boilerplate", "insertion", "footnotes", "names", "facts", "text"}

// Severity orders findings; a higher value is more serious.
type Severity int

const (
	Info Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "none"
}

// ParseSeverity parses "info", "warning" or "error".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "info":
		return Info, nil
	case "warning", "warn":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// Rule is one check.
type Rule struct {
	// ID is "family/name", for example "boilerplate/login-prompt".
	ID string
	// Summary is one line for listings.
	Summary string
	// Doc is the long documentation shown by `hygiene explain`.
	Doc string
	// Bad and Good are short examples of text the rule flags and accepts.
	Bad, Good string
	// Severity is the default severity of the rule's findings; a finding may
	// report a lower one for weaker evidence.
	Severity Severity
	// FixSafety is the safest fix the rule offers (None when it offers none).
	FixSafety fixers.Safety
	// Run checks one document.
	Run func(*Pass)
	// Prepare, when set, loads what Run needs on first use (an embedded
	// table: the knowledge pack, a model, word weights). The runner starts
	// the enabled rules' Prepare functions in the background before the
	// first document, so a short run (one article in a pre-commit hook)
	// loads the tables side by side instead of one after the other. It
	// must be safe to call more than once and concurrently (a sync.Once),
	// and Run must work without it.
	Prepare func()

	// Corpus rules judge a document against the whole corpus. Collect reads
	// one document into a compact summary (fingerprints, counts), Merge
	// folds two summaries into one, and Run then sees the merged summary
	// in Pass.Corpus. Per-document rules leave these nil.
	Collect func(doc *document.Document, opts Options) Summary
	Merge   func(a, b Summary) Summary
}

// Summary is what a corpus rule keeps of each document: small and
// mergeable, never the text itself.
type Summary any

// Family returns the family part of the rule ID.
func (r *Rule) Family() string {
	fam, _, _ := strings.Cut(r.ID, "/")
	return fam
}

// IsCorpus reports whether the rule needs the two-phase corpus run.
func (r *Rule) IsCorpus() bool { return r.Collect != nil }

// Finding is one problem at a byte span of the original document.
type Finding struct {
	Rule     *Rule
	Severity Severity
	Message  string
	// Start and End are byte offsets into Document.Src, End exclusive.
	Start, End int
	Fix        *fixers.Fix
}

// Pass is what a rule sees while it runs on one document.
type Pass struct {
	Rule    *Rule
	Doc     *document.Document
	Options Options
	// Corpus is the merged summary of every document, for corpus rules.
	Corpus Summary
	// Severity is the configured severity of this rule (the default unless
	// the user overrode it).
	Severity Severity

	report func(Finding)
}

// NewPass is used by tests and the eval harnesses; a zero severity means
// the rule's own.
func NewPass(r *Rule, doc *document.Document, opts Options, corpus Summary, sev Severity, report func(Finding)) *Pass {
	p := new(Pass)
	p.Reset(r, doc, opts, corpus, sev, report)
	return p
}

// Reset makes p, in place, the pass NewPass would return. The runner runs
// every rule of a document in one Pass instead of allocating one per rule
// and document, so a rule must keep nothing of its Pass once Run returns
// (no closure, memo or summary holding it).
func (p *Pass) Reset(r *Rule, doc *document.Document, opts Options, corpus Summary, sev Severity, report func(Finding)) {
	if sev == 0 {
		sev = r.Severity
	}
	*p = Pass{Rule: r, Doc: doc, Options: opts, Corpus: corpus, Severity: sev, report: report}
}

// Report records a finding. A zero severity means the pass's severity; a
// finding may report a lower severity than the pass's to mark weaker
// evidence, and never a higher one than configured.
func (p *Pass) Report(f Finding) {
	f.Rule = p.Rule
	switch {
	case f.Severity == 0:
		f.Severity = p.Severity
	case p.Severity != p.Rule.Severity:
		// The user chose a severity for this rule: weaker evidence keeps
		// its distance below it.
		f.Severity = min(Error, max(Info, f.Severity-(p.Rule.Severity-p.Severity)))
	}
	if f.Start < 0 {
		f.Start = 0
	}
	if f.End < f.Start {
		f.End = f.Start
	}
	if f.End > len(p.Doc.Src) {
		f.End = len(p.Doc.Src)
	}
	p.report(f)
}

// Reportf reports a finding at [start, end) with a formatted message.
func (p *Pass) Reportf(start, end int, format string, args ...any) {
	p.Report(Finding{Start: start, End: end, Message: fmt.Sprintf(format, args...)})
}
