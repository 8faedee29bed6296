package eval

// The names suite scores the knowledge-pack rules (names/misspelled-person,
// names/variant, facts/outdated-title, facts/weekday, facts/known,
// text/acronym-case) on cases generated from clean real articles (WCXB
// development truth texts, CC-BY-4.0, Murrough Foley 2026, and the clean
// seeds), with traps that must stay quiet, and on the untouched articles
// as controls (dated from their URL when it has a date).
//
//	go run ./cmd/hygiene-eval names         # the numbers
//	go run ./cmd/hygiene-eval names -v      # plus every false alarm and miss

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/knowledge"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/facts"
	"github.com/dochygiene/hygiene/rules/names"
	"github.com/dochygiene/hygiene/rules/text"
)

func init() {
	Register(&Suite{
		Name:    "names",
		Summary: "names/, facts/ and text/acronym-case: precision/recall on generated misspellings, weekdays, titles, facts; clean controls",
		Run:     runNamesSuite,
	})
}

// namesSeed fixes the generators: the same numbers on every run.
const namesSeed = 20250904

// NamesRules are the rules the suite scores, in report order.
func NamesRules() []*rules.Rule {
	return []*rules.Rule{names.MisspelledPerson, names.Variant, facts.OutdatedTitle, facts.Weekday, facts.Known, text.AcronymCase}
}

func runNamesSuite(w io.Writer, args []string) error {
	fs := flag.NewFlagSet("names", flag.ContinueOnError)
	verbose := fs.Bool("v", false, "print every false alarm and miss")
	if err := fs.Parse(args); err != nil {
		return err
	}
	bases, seeds, err := loadNameBases()
	if err != nil {
		return err
	}
	cases := BuildNameCases(knowledge.Default(), bases, seeds)
	res := ScoreNameCases(cases)
	res.write(w, *verbose)
	return nil
}

// loadNameBases reads the truth texts (with URL dates) and the seeds.
func loadNameBases() (bases, seeds []baseDoc, err error) {
	ids, texts, err := LoadTruthTexts()
	if err != nil {
		return nil, nil, err
	}
	data, _ := DataDir()
	urls := manifestURLs(filepath.Join(data, "wcxb-dev", "manifest.jsonl"))
	for i, id := range ids {
		id = strings.TrimSuffix(id, ".txt")
		bases = append(bases, baseDoc{ID: id, Text: string(texts[i]), Date: urlDate(urls[id])})
	}
	paths, _ := filepath.Glob(filepath.Join(data, "..", "seeds", "*.txt"))
	sort.Strings(paths)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, nil, err
		}
		seeds = append(seeds, baseDoc{ID: "seed-" + filepath.Base(p)[:3], Text: string(b),
			Date: time.Date(2025, 9, 5, 0, 0, 0, 0, time.UTC)})
	}
	return bases, seeds, nil
}

func manifestURLs(path string) map[string]string {
	out := map[string]string{}
	f, err := os.Open(path)
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var rec struct{ ID, URL string }
		if json.Unmarshal(sc.Bytes(), &rec) == nil {
			out[rec.ID] = rec.URL
		}
	}
	return out
}

// seedExpectations are EXPECTED.md's names/facts/acronym lines, found by
// the text they flag (the seeds are real data; the rules never see these
// strings).
var seedExpectations = []struct{ seed, rule, needle string }{
	{"seed-000", "text/acronym-case", "Uk"},
	{"seed-003", "facts/known", "Article 7"},
	{"seed-003", "names/misspelled-person", "Keith"},
	{"seed-003", "names/misspelled-person", "Brimchambaut"}, // "worth flagging"
}

// BuildNameCases makes every case: controls (untouched articles and
// seeds, with the seeds' expected findings as positives) and generated
// ones.
func BuildNameCases(pack *knowledge.Pack, bases, seeds []baseDoc) []nameCase {
	var cases []nameCase
	for _, b := range bases {
		cases = append(cases, nameCase{ID: b.ID, Kind: "control/truth", Text: b.Text, Date: b.Date, Trap: "clean article"})
	}
	var cleanSeeds []baseDoc
	for _, s := range seeds {
		c := nameCase{ID: s.ID, Kind: "control/seed", Text: s.Text, Date: s.Date, Trap: "seed traps (EXPECTED.md)"}
		for _, e := range seedExpectations {
			if e.seed == s.ID {
				if i := strings.Index(s.Text, e.needle); i >= 0 {
					c.Kind, c.Rule = "seed/expected", e.rule
					c.Positives = append(c.Positives, [2]int{i, i + len(e.needle)})
				}
			}
		}
		if c.Rule == "" {
			cleanSeeds = append(cleanSeeds, s)
		}
		cases = append(cases, c)
	}
	// A case holds positives of one rule; the seed with two expected
	// findings of different rules is split.
	cases = splitMultiRule(cases)
	all := append(append([]baseDoc{}, bases...), cleanSeeds...)
	cases = append(cases, genMisspell(pack, all, namesSeed, 480)...)
	cases = append(cases, genSeedMisspell(pack, cleanSeeds, namesSeed+1)...)
	cases = append(cases, genVariant(pack, bases, namesSeed+2)...)
	cases = append(cases, genVariantCorpus(pack, bases, namesSeed+3, 40)...)
	// Generators that set an article date use the truth texts only: a
	// random date on a seed about September 2025 would make its real
	// titles wrong.
	cases = append(cases, genWeekday(bases, namesSeed+4, 360)...)
	cases = append(cases, genTitles(pack, bases, namesSeed+5, 450)...)
	cases = append(cases, genKnown(all, namesSeed+6, 240)...)
	cases = append(cases, genAcronym(pack, bases, namesSeed+7)...)
	return cases
}

// splitMultiRule keeps the positives of one rule per case: seed 003 has a
// names and a facts finding; the facts positive becomes its own case
// whose other findings are not double counted.
func splitMultiRule(cases []nameCase) []nameCase {
	for i := range cases {
		if cases[i].ID != "seed-003" {
			continue
		}
		// Both rules' positives stay; scoring matches per rule.
		cases[i].Rule = "*"
	}
	return cases
}

// NameResult is the score of a run.
type NameResult struct {
	PerRule  map[string]*Score
	PerKind  map[string]*Score
	Cases    int
	Alarms   []string
	Misses   []string
	TrapsRun map[string]int
}

// ScoreNameCases runs the rules over all cases as one corpus (names/variant
// needs it) and matches findings to positives by overlap. A finding of a
// rule that overlaps no positive of that rule is a false alarm, except in
// a generated copy when the clean article it was made from had the same
// finding: that one is counted once, on the clean article.
func ScoreNameCases(cases []nameCase) *NameResult {
	rs := NamesRules()
	docs := make([]*document.Document, len(cases))
	for i, c := range cases {
		docs[i] = document.New(c.ID, []byte(c.Text), document.Meta{Date: c.Date})
	}
	corpus := map[string]rules.Summary{}
	for _, r := range rs {
		if !r.IsCorpus() {
			continue
		}
		var sum rules.Summary
		for i, d := range docs {
			s := r.Collect(d, nil)
			if i == 0 {
				sum = s
			} else {
				sum = r.Merge(sum, s)
			}
		}
		corpus[r.ID] = sum
	}
	res := &NameResult{PerRule: map[string]*Score{}, PerKind: map[string]*Score{}, Cases: len(cases), TrapsRun: map[string]int{}}
	for _, r := range rs {
		res.PerRule[r.ID] = &Score{}
	}
	baseFindings := map[string]bool{} // base ID|rule|message|text, from the controls
	for i, c := range cases {
		if c.Trap != "" {
			res.TrapsRun[c.Trap]++
		}
		kind := res.PerKind[c.Kind]
		if kind == nil {
			kind = &Score{}
			res.PerKind[c.Kind] = kind
		}
		hit := make([]bool, len(c.Positives))
		for _, r := range rs {
			var found []rules.Finding
			r.Run(rules.NewPass(r, docs[i], nil, corpus[r.ID], r.Severity, func(f rules.Finding) { found = append(found, f) }))
			for _, f := range found {
				matched := false
				if c.Rule == r.ID || c.Rule == "*" {
					for k, p := range c.Positives {
						if f.Start < p[1] && p[0] < f.End && (c.Rule != "*" || seedRuleFor(c, k) == r.ID) {
							matched = true
							if !hit[k] {
								hit[k] = true
								res.PerRule[r.ID].TP++
								kind.TP++
							}
						}
					}
				}
				key := r.ID + "|" + f.Message + "|" + c.Text[f.Start:f.End]
				if c.Base == "" {
					baseFindings[c.ID+"|"+key] = true
				} else if !matched && baseFindings[c.Base+"|"+key] {
					continue
				}
				if !matched {
					res.PerRule[r.ID].FP++
					kind.FP++
					line, _ := docs[i].Position(f.Start)
					res.Alarms = append(res.Alarms, fmt.Sprintf("%s %s:%d %q: %s", r.ID, c.ID, line, excerpt(c.Text, f.Start, f.End), f.Message))
				}
			}
		}
		for k, p := range c.Positives {
			if !hit[k] {
				rule := c.Rule
				if rule == "*" {
					rule = seedRuleFor(c, k)
				}
				res.PerRule[rule].FN++
				kind.FN++
				res.Misses = append(res.Misses, fmt.Sprintf("%s %s (%s) %q", rule, c.ID, c.Kind, excerpt(c.Text, p[0], p[1])))
			}
		}
	}
	return res
}

// seedRuleFor names the rule of the k-th positive of a seed case with
// several rules.
func seedRuleFor(c nameCase, k int) string {
	n := 0
	for _, e := range seedExpectations {
		if e.seed == c.ID && strings.Contains(c.Text, e.needle) {
			if n == k {
				return e.rule
			}
			n++
		}
	}
	return c.Rule
}

func excerpt(text string, start, end int) string {
	lo, hi := max(0, start-20), min(len(text), end+20)
	return strings.ReplaceAll(text[lo:hi], "\n", " ")
}

func (r *NameResult) write(w io.Writer, verbose bool) {
	fmt.Fprintf(w, "%d documents (clean controls + generated cases), seed %d\n\n", r.Cases, namesSeed)
	fmt.Fprintf(w, "%-26s %s\n", "rule", "score")
	for _, rule := range NamesRules() {
		fmt.Fprintf(w, "%-26s %v\n", rule.ID, *r.PerRule[rule.ID])
	}
	fmt.Fprintf(w, "\nper case kind (TP/FN are that kind's own positives; FP any rule's alarms on it):\n")
	kinds := make([]string, 0, len(r.PerKind))
	for k := range r.PerKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		s := r.PerKind[k]
		fmt.Fprintf(w, "  %-22s TP %4d  FN %4d  FP %4d\n", k, s.TP, s.FN, s.FP)
	}
	fmt.Fprintf(w, "\ntraps and controls run (documents):\n")
	traps := make([]string, 0, len(r.TrapsRun))
	for t := range r.TrapsRun {
		traps = append(traps, t)
	}
	sort.Strings(traps)
	for _, t := range traps {
		fmt.Fprintf(w, "  %4d  %s\n", r.TrapsRun[t], t)
	}
	limit := 15
	if verbose {
		limit = len(r.Alarms) + len(r.Misses)
	}
	fmt.Fprintf(w, "\nfalse alarms (%d):\n", len(r.Alarms))
	for i, a := range r.Alarms {
		if i >= limit {
			fmt.Fprintf(w, "  ... (-v for all)\n")
			break
		}
		fmt.Fprintf(w, "  %s\n", a)
	}
	fmt.Fprintf(w, "\nmisses (%d):\n", len(r.Misses))
	for i, m := range r.Misses {
		if i >= limit {
			fmt.Fprintf(w, "  ... (-v for all)\n")
			break
		}
		fmt.Fprintf(w, "  %s\n", m)
	}
}
