package eval

// The footnotes suite scores the footnotes/ rules on articles generated from
// the WCXB development truth texts (../shared/data/wcxb-dev/truth,
// CC-BY-4.0, Murrough Foley 2026): each clean article gets correct
// footnotes in one of six styles (a control, with editorial brackets,
// bracketed years, Markdown links, inline code and a numbered "Key
// takeaways" list as traps), then one broken copy per kind of damage. It reports precision and recall per rule, the false-alarm
// rate on the controls, and what the rules say about the untouched truth
// texts.

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/footnotes"
)

func init() {
	Register(&Suite{
		Name:    "footnotes",
		Summary: "footnotes/ rules on WCXB truth texts given footnotes and then broken (precision, recall, false alarms)",
		Run:     runFootnotes,
	})
}

// FootnoteFinding is a footnotes/ finding reduced to what scoring needs.
type FootnoteFinding struct {
	Kind    string // rule name without the family
	Nums    []int  // numbers written in the flagged marker
	Line    int
	Message string
}

// CheckFootnotes runs every footnotes/ rule on text.
func CheckFootnotes(path, text string) []FootnoteFinding {
	doc := document.New(path, []byte(text), document.Meta{})
	var out []FootnoteFinding
	for _, r := range rules.All() {
		if r.Family() != "footnotes" {
			continue
		}
		r.Run(rules.NewPass(r, doc, nil, nil, r.Severity, func(f rules.Finding) {
			line, _ := doc.Position(f.Start)
			_, name, _ := strings.Cut(r.ID, "/")
			out = append(out, FootnoteFinding{Kind: name, Nums: markerNumbers(text[f.Start:f.End]),
				Line: line, Message: f.Message})
		}))
	}
	return out
}

// markerNumbers reads the numbers written in a marker ("[3]", "[^3]:",
// "3.", "³", "<sup>3</sup>", "[2-4]" gives 2, 3, 4).
func markerNumbers(marker string) []int {
	var nums []int
	cur, in := 0, false
	flush := func() {
		if in {
			nums = append(nums, cur)
		}
		cur, in = 0, false
	}
	for _, r := range marker {
		d := -1
		switch {
		case r >= '0' && r <= '9':
			d = int(r - '0')
		case r == '⁰':
			d = 0
		case r == '¹':
			d = 1
		case r == '²':
			d = 2
		case r == '³':
			d = 3
		case r >= '⁴' && r <= '⁹':
			d = int(r-'⁴') + 4
		}
		if d < 0 {
			flush()
			continue
		}
		cur, in = cur*10+d, true
	}
	flush()
	if len(nums) == 2 && (strings.ContainsAny(marker, "-–⁻")) && nums[0] < nums[1] {
		return fnSeq(nums[0], nums[1])
	}
	return nums
}

// matches reports whether a finding is the one a case asks for: the right
// rule at a marker of the right note (for order breaks, either of the two
// swapped notes).
func (c FootnoteCase) matches(f FootnoteFinding) bool {
	if f.Kind != c.Break {
		return false
	}
	if c.Num == 0 {
		return true
	}
	for _, n := range f.Nums {
		if n == c.Num || (c.Break == "order" || c.Break == "definition-order") && n == c.Num+1 {
			return true
		}
	}
	return false
}

func runFootnotes(w io.Writer, args []string) error {
	fs := flag.NewFlagSet("footnotes", flag.ContinueOnError)
	seed := fs.Uint64("seed", 5, "RNG seed of the generator")
	limit := fs.Int("n", 0, "use at most this many truth texts (0: all)")
	verbose := fs.Bool("v", false, "list every miss and false alarm")
	dump := fs.String("dump", "", "write the generated cases into this directory")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ids, texts, err := loadTruthTexts(*limit)
	if err != nil {
		return err
	}
	baseIDs, bases := cleanBases(ids, texts)
	cases := GenerateFootnoteCases(*seed, baseIDs, bases)
	res := ScoreFootnotes(cases)
	if *dump != "" {
		if err := dumpFootnoteCases(*dump, cases); err != nil {
			return err
		}
	}
	res.write(w, *verbose)
	writeAlarms(w, "untouched truth texts", ids, texts)
	pageIDs, pages, err := loadWCXBTexts("pages", *limit)
	if err != nil {
		return err
	}
	writeAlarms(w, "whole pages (menus, footers and all)", pageIDs, pages)
	return nil
}

// cleanBases keeps the truth texts in which the parser sees no reference
// and no definition: the generator's footnotes are then the only ones.
func cleanBases(ids, texts []string) ([]string, []string) {
	var outIDs, outTexts []string
	for i, t := range texts {
		n := footnotes.Parse(document.New(ids[i], []byte(t), document.Meta{}))
		if len(n.Refs) == 0 && len(n.Defs) == 0 {
			outIDs = append(outIDs, ids[i])
			outTexts = append(outTexts, t)
		}
	}
	return outIDs, outTexts
}

// loadTruthTexts reads the WCXB development truth texts in name order.
func loadTruthTexts(limit int) (ids, texts []string, err error) {
	return loadWCXBTexts("truth", limit)
}

// loadWCXBTexts reads the texts of one WCXB folder ("truth", "pages") in
// name order.
func loadWCXBTexts(folder string, limit int) (ids, texts []string, err error) {
	data, err := DataDir()
	if err != nil {
		return nil, nil, err
	}
	dir := filepath.Join(data, "wcxb-dev", folder)
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) == 0 {
		return nil, nil, fmt.Errorf("%w: no texts in %s", ErrNoData, dir)
	}
	sort.Strings(names)
	if limit > 0 && len(names) > limit {
		names = names[:limit]
	}
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, nil, err
		}
		if !utf8.Valid(b) {
			continue
		}
		ids = append(ids, strings.TrimSuffix(filepath.Base(name), ".txt"))
		texts = append(texts, string(b))
	}
	return ids, texts, nil
}

// FootnoteResult is the score of a run.
type FootnoteResult struct {
	PerKind    map[string]*Score
	PerStyle   map[string]*Score // recall of the breaks per style
	Controls   int
	Alarms     int // controls with any finding
	Cases      int
	Misses     []string
	FalseAlarm []string
}

// ScoreFootnotes runs the rules on every case. A break is found when a
// finding of its rule names the right note; every other finding counts as
// a false positive of its rule.
func ScoreFootnotes(cases []FootnoteCase) *FootnoteResult {
	res := &FootnoteResult{PerKind: map[string]*Score{}, PerStyle: map[string]*Score{}, Cases: len(cases)}
	for _, k := range FootnoteBreaks {
		res.PerKind[k] = &Score{}
	}
	for _, s := range FootnoteStyles {
		res.PerStyle[s] = &Score{}
	}
	for _, c := range cases {
		findings := CheckFootnotes(c.ID, c.Text)
		if c.Break == "" {
			res.Controls++
			if len(findings) > 0 {
				res.Alarms++
			}
		}
		found := false
		for _, f := range findings {
			sc := res.PerKind[f.Kind]
			if sc == nil {
				sc = &Score{}
				res.PerKind[f.Kind] = sc
			}
			if !found && c.matches(f) {
				found = true
				continue
			}
			sc.FP++
			res.FalseAlarm = append(res.FalseAlarm, fmt.Sprintf("%s %s break=%q: line %d %s: %s", c.ID, c.Style, c.Break, f.Line, f.Kind, f.Message))
		}
		if c.Break == "" {
			continue
		}
		if found {
			res.PerKind[c.Break].TP++
			res.PerStyle[c.Style].TP++
		} else {
			res.PerKind[c.Break].FN++
			res.PerStyle[c.Style].FN++
			res.Misses = append(res.Misses, fmt.Sprintf("%s %s %s (note %d)", c.ID, c.Style, c.Break, c.Num))
		}
	}
	return res
}

func (r *FootnoteResult) write(w io.Writer, verbose bool) {
	fmt.Fprintf(w, "%d generated documents (%d correct controls, %d broken)\n", r.Cases, r.Controls, r.Cases-r.Controls)
	var total Score
	for _, k := range FootnoteBreaks {
		fmt.Fprintf(w, "  %-20s %s\n", k, r.PerKind[k])
		total = total.Add(*r.PerKind[k])
	}
	fmt.Fprintf(w, "  %-20s %s\n", "all kinds", total)
	for _, s := range FootnoteStyles {
		fmt.Fprintf(w, "  style %-14s recall %.3f (%d of %d breaks)\n", s, r.PerStyle[s].Recall(), r.PerStyle[s].TP, r.PerStyle[s].TP+r.PerStyle[s].FN)
	}
	rate := 0.0
	if r.Controls > 0 {
		rate = float64(r.Alarms) / float64(r.Controls)
	}
	fmt.Fprintf(w, "false alarms on correct controls (editorial brackets, years, links): %d of %d documents (%.3f)\n", r.Alarms, r.Controls, rate)
	show := func(title string, lines []string) {
		if len(lines) == 0 {
			return
		}
		n := len(lines)
		if !verbose {
			n = min(n, 5)
		}
		fmt.Fprintf(w, "%s (%d):\n", title, len(lines))
		for _, l := range lines[:n] {
			fmt.Fprintf(w, "    %s\n", l)
		}
	}
	show("misses", r.Misses)
	show("false positives", r.FalseAlarm)
}

// writeAlarms runs the rules on untouched WCXB texts. The truth texts are
// clean articles, but a few lost their own endnotes in the benchmark's
// extraction, and pages carry whatever the site had; so every finding is
// listed for a reader to judge.
func writeAlarms(w io.Writer, title string, ids, texts []string) {
	var flagged []string
	for i, t := range texts {
		for _, f := range CheckFootnotes(ids[i], t) {
			flagged = append(flagged, fmt.Sprintf("%s line %d %s: %s", ids[i], f.Line, f.Kind, f.Message))
		}
	}
	docs := map[string]bool{}
	for _, f := range flagged {
		docs[strings.Fields(f)[0]] = true
	}
	fmt.Fprintf(w, "%s: %d of %d documents flagged (%.4f), %d findings\n",
		title, len(docs), len(texts), float64(len(docs))/float64(max(1, len(texts))), len(flagged))
	for _, f := range flagged {
		fmt.Fprintf(w, "    %s\n", f)
	}
}

func dumpFootnoteCases(dir string, cases []FootnoteCase) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i, c := range cases {
		kind := c.Break
		if kind == "" {
			kind = "control"
		}
		name := fmt.Sprintf("%04d_%s_%s_%s.txt", i, c.ID, c.Style, kind)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(c.Text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
