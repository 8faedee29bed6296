package eval

// The WCXB suite scores a rule family line by line on the WCXB development
// pages (../shared/data/wcxb-dev, CC-BY-4.0, Murrough Foley 2026): every page
// line carries a label from the benchmark's own ground truth. A page line
// counts as flagged when a finding of the family at warning or above covers
// it; "boilerplate" lines are the positives, "content" and "title" lines the
// negatives, "mixed" and "notext" lines are not scored.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// WCXB line labels.
const (
	LabelContent     = "content"
	LabelBoilerplate = "boilerplate"
	LabelTitle       = "title"
	LabelMixed       = "mixed"
	LabelNoText      = "notext"
)

// WCXBPage is one labelled page.
type WCXBPage struct {
	ID     string
	Domain string
	// Lines are the page's visible text lines; Labels[i] labels Lines[i].
	Lines  []string
	Labels []string
	// First and Last are the 1-based first and last content lines from the
	// manifest.
	First, Last int
	// Truth is the benchmark's clean article text (empty when not loaded).
	Truth string
}

// wcxbManifest is the part of a manifest.jsonl record the suite reads.
type wcxbManifest struct {
	ID     string `json:"id"`
	Domain string `json:"domain"`
	First  int    `json:"first_content_line"`
	Last   int    `json:"last_content_line"`
}

// WCXBDir returns the WCXB development data directory, or ErrNoData.
func WCXBDir() (string, error) {
	data, err := DataDir()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(data, "wcxb-dev")
	if st, err := os.Stat(filepath.Join(dir, "manifest.jsonl")); err != nil || st.IsDir() {
		return "", ErrNoData
	}
	return dir, nil
}

// LoadWCXB reads every page of the manifest in dir with its labels and
// truth text. Errors name the file and line.
func LoadWCXB(dir string) ([]*WCXBPage, error) {
	mpath := filepath.Join(dir, "manifest.jsonl")
	f, err := os.Open(mpath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var pages []*WCXBPage
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for n := 1; sc.Scan(); n++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var m wcxbManifest
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", mpath, n, err)
		}
		if m.ID == "" || strings.ContainsAny(m.ID, `/\`) {
			return nil, fmt.Errorf("%s:%d: missing or malformed id %q", mpath, n, m.ID)
		}
		p, err := loadWCXBPage(dir, m)
		if err != nil {
			return nil, err
		}
		pages = append(pages, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", mpath, err)
	}
	return pages, nil
}

func loadWCXBPage(dir string, m wcxbManifest) (*WCXBPage, error) {
	text, err := os.ReadFile(filepath.Join(dir, "pages", m.ID+".txt"))
	if err != nil {
		return nil, err
	}
	p := &WCXBPage{ID: m.ID, Domain: m.Domain, First: m.First, Last: m.Last}
	p.Lines = strings.Split(strings.TrimSuffix(string(text), "\n"), "\n")
	p.Labels = make([]string, len(p.Lines))
	lpath := filepath.Join(dir, "labels", m.ID+".tsv")
	if err := readWCXBLabels(lpath, p.Labels); err != nil {
		return nil, err
	}
	if truth, err := os.ReadFile(filepath.Join(dir, "truth", m.ID+".txt")); err == nil {
		p.Truth = string(truth)
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	return p, nil
}

// readWCXBLabels fills labels from a "lineno label ntok coverage text" TSV
// with a header row.
func readWCXBLabels(path string, labels []string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for n, row := range strings.Split(string(data), "\n") {
		if n == 0 || row == "" {
			continue
		}
		fields := strings.SplitN(row, "\t", 3)
		if len(fields) < 2 {
			return fmt.Errorf("%s:%d: want lineno and label columns", path, n+1)
		}
		ln, err := strconv.Atoi(fields[0])
		if err != nil || ln < 1 || ln > len(labels) {
			return fmt.Errorf("%s:%d: line number %q outside the page's %d lines", path, n+1, fields[0], len(labels))
		}
		labels[ln-1] = fields[1]
	}
	return nil
}

// WCXBView says which page lines become the document.
type WCXBView int

const (
	// ResidueView is first_content_line-10 .. last_content_line+10: what an
	// extractor that leaked its neighbours leaves.
	ResidueView WCXBView = iota
	// PageView is the whole page, what a naive scraper stores.
	PageView
)

func (v WCXBView) String() string {
	if v == ResidueView {
		return "residue"
	}
	return "whole page"
}

// Range returns the 0-based half-open range of page lines in the view.
func (p *WCXBPage) Range(v WCXBView) (from, to int) {
	if v == PageView || p.First < 1 {
		return 0, len(p.Lines)
	}
	from = max(0, p.First-1-10)
	to = min(len(p.Lines), p.Last+10)
	return from, to
}

// Document builds the view as a document, page lines joined by blank lines
// (one block per line, as the page text has it), and returns the page line
// of every document line (-1 for the blank separators).
func (p *WCXBPage) Document(v WCXBView) (*document.Document, []int) {
	from, to := p.Range(v)
	var b strings.Builder
	pageLine := make([]int, 0, 2*(to-from))
	for i := from; i < to; i++ {
		if i > from {
			b.WriteString("\n")
			pageLine = append(pageLine, -1)
		}
		b.WriteString(p.Lines[i])
		b.WriteString("\n")
		pageLine = append(pageLine, i)
	}
	doc := document.New(p.ID+".txt", []byte(b.String()), document.Meta{Source: p.Domain})
	return doc, pageLine
}

// WCXBTune reports whether a page belongs to the tuning part of the dev set
// (about half, chosen by a hash of its id); the rest is the report part.
func WCXBTune(id string) bool {
	h := fnv.New32a()
	h.Write([]byte(id))
	return h.Sum32()%2 == 0
}

// WCXBSite is the page's site, the unit the tune half's sub-split and the
// line model's cross-validation folds group by: its domain, or its id when
// the manifest gives none. Pages of one site share a template, so a rule
// tuned on one of them and judged on another looks better than it will on
// a new site.
func WCXBSite(p *WCXBPage) string {
	if p.Domain != "" {
		return p.Domain
	}
	return p.ID
}

// WCXBTuneA reports whether a site falls in part a of the tune half's
// sub-split (about half of the sites, by a salted hash independent of the
// tune/report split's): develop on tune-a, judge on tune-b, so the report
// half can stay unread until the end of a piece of work.
func WCXBTuneA(site string) bool {
	h := fnv.New32a()
	h.Write([]byte("tune-sub:" + site))
	return h.Sum32()%2 == 0
}

// WCXBSplit returns the pages of a named split: "tune", "tune-a", "tune-b"
// (the tune half's pages by site, WCXBTuneA), "report" or "all"; ok is
// false for an unknown name.
func WCXBSplit(pages []*WCXBPage, split string) (out []*WCXBPage, ok bool) {
	keep := map[string]func(p *WCXBPage) bool{
		"all":    func(*WCXBPage) bool { return true },
		"tune":   func(p *WCXBPage) bool { return WCXBTune(p.ID) },
		"tune-a": func(p *WCXBPage) bool { return WCXBTune(p.ID) && WCXBTuneA(WCXBSite(p)) },
		"tune-b": func(p *WCXBPage) bool { return WCXBTune(p.ID) && !WCXBTuneA(WCXBSite(p)) },
		"report": func(p *WCXBPage) bool { return !WCXBTune(p.ID) },
	}[split]
	if keep == nil {
		return nil, false
	}
	for _, p := range pages {
		if keep(p) {
			out = append(out, p)
		}
	}
	return out, true
}

// FamilyRules returns the registered rules whose ID starts with prefix
// ("boilerplate/").
func FamilyRules(prefix string) []*rules.Rule {
	var out []*rules.Rule
	for _, r := range rules.All() {
		if strings.HasPrefix(r.ID, prefix) {
			out = append(out, r)
		}
	}
	return out
}

// RunRules runs rs over docs, the corpus phase first, and returns the
// findings per document.
func RunRules(rs []*rules.Rule, docs []*document.Document) [][]rules.Finding {
	facts := map[string]rules.Summary{}
	for _, r := range rs {
		if !r.IsCorpus() {
			continue
		}
		for i, d := range docs {
			s := r.Collect(d, nil)
			if i == 0 {
				facts[r.ID] = s
			} else {
				facts[r.ID] = r.Merge(facts[r.ID], s)
			}
		}
	}
	out := make([][]rules.Finding, len(docs))
	for i, d := range docs {
		for _, r := range rs {
			r.Run(rules.NewPass(r, d, nil, facts[r.ID], r.Severity, func(f rules.Finding) {
				out[i] = append(out[i], f)
			}))
		}
	}
	return out
}

// LineScore is a line-level score with the per-rule split of flagged lines.
type LineScore struct {
	Score
	// ByRule counts, per rule ID, the scored lines it flagged that were
	// positives (TP) and negatives (FP).
	ByRule map[string]*Score
	// ByEvidence is the same split by rule and the first clause of the
	// finding's message (which evidence fired).
	ByEvidence map[string]*Score
	// Misses and FalseAlarms sample the errors for inspection.
	Misses, FalseAlarms []LineExample
}

// LineExample is one scored line.
type LineExample struct {
	Page  string
	Line  int // 1-based page line
	Label string
	Text  string
	Rules string
}

// ScoreLines scores the findings of rules with ID prefix on the pages in one
// view: a page line is flagged when a finding at minSev or above covers it.
func ScoreLines(pages []*WCXBPage, v WCXBView, rs []*rules.Rule, minSev rules.Severity) LineScore {
	docs := make([]*document.Document, len(pages))
	maps := make([][]int, len(pages))
	for i, p := range pages {
		docs[i], maps[i] = p.Document(v)
	}
	found := RunRules(rs, docs)
	ls := LineScore{ByRule: map[string]*Score{}, ByEvidence: map[string]*Score{}}
	for i, p := range pages {
		evid := map[int][]string{}
		flagged := flaggedLines(docs[i], maps[i], found[i], minSev, evid)
		from, to := p.Range(v)
		for ln := from; ln < to; ln++ {
			ls.scoreLine(p, ln, flagged[ln])
			ls.scoreEvidence(p.Labels[ln], evid[ln])
		}
	}
	return ls
}

// flaggedLines maps findings to the page lines they cover, with the rule
// IDs that flagged each.
func flaggedLines(doc *document.Document, pageLine []int, fs []rules.Finding, minSev rules.Severity, byEvidence map[int][]string) map[int][]string {
	out := map[int][]string{}
	for _, f := range fs {
		if f.Severity < minSev {
			continue
		}
		first, last := doc.LineAt(f.Start), doc.LineAt(max(f.Start, f.End-1))
		for l := first; l <= last && l < len(pageLine); l++ {
			if pl := pageLine[l]; pl >= 0 && !contains(out[pl], f.Rule.ID) {
				out[pl] = append(out[pl], f.Rule.ID)
			}
			if pl := pageLine[l]; pl >= 0 && byEvidence != nil {
				byEvidence[pl] = append(byEvidence[pl], f.Rule.ID+": "+evidence(f.Message))
			}
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// evidence is the first clause of a finding message.
func evidence(msg string) string {
	if i := strings.IndexByte(msg, ','); i > 0 {
		return msg[:i]
	}
	return msg
}

func (ls *LineScore) scoreEvidence(label string, keys []string) {
	for _, k := range keys {
		s := ls.ByEvidence[k]
		if s == nil {
			s = &Score{}
			ls.ByEvidence[k] = s
		}
		switch label {
		case LabelBoilerplate:
			s.TP++
		case LabelContent, LabelTitle:
			s.FP++
		}
	}
}

func (ls *LineScore) scoreLine(p *WCXBPage, ln int, ruleIDs []string) {
	label := p.Labels[ln]
	var positive bool
	switch label {
	case LabelBoilerplate:
		positive = true
	case LabelContent, LabelTitle:
	default:
		return // mixed, notext or unlabelled: not scored
	}
	ex := LineExample{Page: p.ID, Line: ln + 1, Label: label, Text: p.Lines[ln], Rules: strings.Join(ruleIDs, ",")}
	switch {
	case positive && len(ruleIDs) > 0:
		ls.TP++
	case positive:
		ls.FN++
		ls.Misses = append(ls.Misses, ex)
	case len(ruleIDs) > 0:
		ls.FP++
		ls.FalseAlarms = append(ls.FalseAlarms, ex)
	default:
		ls.TN++
	}
	for _, id := range ruleIDs {
		s := ls.ByRule[id]
		if s == nil {
			s = &Score{}
			ls.ByRule[id] = s
		}
		if positive {
			s.TP++
		} else {
			s.FP++
		}
	}
}

// TruthAlarms runs rs on the clean truth texts and returns how many texts
// got a finding at minSev or above, with a count per rule and samples.
// With evidenceSplit, byRule also counts findings by rule and evidence.
func TruthAlarms(pages []*WCXBPage, rs []*rules.Rule, minSev rules.Severity, evidenceSplit bool) (alarmed, total int, byRule map[string]int, samples []LineExample) {
	var docs []*document.Document
	for _, p := range pages {
		if p.Truth != "" {
			docs = append(docs, document.New(p.ID+".truth.txt", []byte(p.Truth), document.Meta{Source: p.Domain}))
		}
	}
	byRule = map[string]int{}
	for i, fs := range RunRules(rs, docs) {
		hit := false
		for _, f := range fs {
			if f.Severity < minSev {
				continue
			}
			if !hit {
				ln, _ := docs[i].Position(f.Start)
				samples = append(samples, LineExample{Page: docs[i].Path, Line: ln, Text: docs[i].Text(f.Start, min(f.End, f.Start+120)), Rules: f.Rule.ID + ": " + f.Message})
			}
			hit = true
			byRule[f.Rule.ID]++
			if evidenceSplit {
				byRule[f.Rule.ID+": "+evidence(f.Message)]++
			}
		}
		if hit {
			alarmed++
		}
	}
	return alarmed, len(docs), byRule, samples
}

func init() {
	Register(&Suite{
		Name:    "wcxb",
		Summary: "boilerplate (or -family X) line by line on the WCXB dev pages, and false alarms on their clean truth texts",
		Run:     runWCXB,
	})
}

func runWCXB(w io.Writer, args []string) error {
	fl := flag.NewFlagSet("wcxb", flag.ContinueOnError)
	fl.SetOutput(w)
	family := fl.String("family", "boilerplate", "rule family (ID prefix) to score")
	split := fl.String("split", "tune", "which pages to score: tune (the default, for tuning), tune-a and tune-b (its sites in two parts: develop on a, judge on b), report (held out: measure once) or all")
	minSev := fl.String("min", "warning", "lowest severity that counts as flagged: info, warning or error")
	verbose := fl.Bool("evidence", false, "also split the counts by the evidence each finding names")
	examples := fl.Int("examples", 0, "print this many missed and false-alarm lines of the chosen split")
	if err := fl.Parse(args); err != nil {
		return err
	}
	sev, err := rules.ParseSeverity(*minSev)
	if err != nil {
		return err
	}
	dir, err := WCXBDir()
	if err != nil {
		return err
	}
	pages, err := LoadWCXB(dir)
	if err != nil {
		return err
	}
	rs := FamilyRules(*family + "/")
	if len(rs) == 0 {
		return fmt.Errorf("no rules registered with prefix %s/", *family)
	}
	scored, ok := WCXBSplit(pages, *split)
	if !ok {
		return fmt.Errorf("unknown split %q (want tune, tune-a, tune-b, report or all)", *split)
	}
	tune, _ := WCXBSplit(pages, "tune")
	tuneA, _ := WCXBSplit(pages, "tune-a")
	fmt.Fprintf(w, "%d pages (%d tune: %d tune-a, %d tune-b; %d report), %d %s/ rules, findings at %s or above\n",
		len(pages), len(tune), len(tuneA), len(tune)-len(tuneA), len(pages)-len(tune), len(rs), *family, sev)
	// Only the chosen split is scored: printing the report half beside every
	// tuning run would let its numbers steer the tuning.
	for _, v := range []WCXBView{ResidueView, PageView} {
		ls := ScoreLines(scored, v, rs, sev)
		fmt.Fprintf(w, "%-10s %-6s  %s\n", v, *split, ls.Score)
		writeByRule(w, ls.ByRule)
		if *verbose {
			writeByRule(w, ls.ByEvidence)
		}
		writeExamples(w, "missed", ls.Misses, *examples)
		writeExamples(w, "false alarm", ls.FalseAlarms, *examples)
	}
	alarmed, total, byRule, samples := TruthAlarms(scored, rs, sev, *verbose)
	fmt.Fprintf(w, "truth texts (%s): %d of %d (%.2f%%) with a %s/ finding at %s or above\n",
		*split, alarmed, total, 100*float64(alarmed)/float64(max(total, 1)), *family, sev)
	ids := sortedKeys(byRule)
	for _, id := range ids {
		fmt.Fprintf(w, "  %-32s %d findings\n", id, byRule[id])
	}
	writeExamples(w, "truth alarm", samples, *examples)
	return nil
}

func writeByRule(w io.Writer, by map[string]*Score) {
	for _, id := range sortedKeys(by) {
		s := by[id]
		fmt.Fprintf(w, "    %-40s lines TP %6d FP %5d  P %.3f\n", id, s.TP, s.FP, s.Precision())
	}
}

func writeExamples(w io.Writer, what string, ex []LineExample, n int) {
	if n <= 0 || len(ex) == 0 {
		return
	}
	// Spread the sample over the whole list, deterministically.
	step := max(1, len(ex)/n)
	for i := 0; i < len(ex) && i/step < n; i += step {
		e := ex[i]
		text := e.Text
		if len(text) > 110 {
			text = text[:110] + "…"
		}
		fmt.Fprintf(w, "  %s %s:%d [%s] %s  %q\n", what, e.Page, e.Line, e.Label, e.Rules, text)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
