package eval

// The insertion suite measures insertion/unrelated-block on articles
// generated from the WCXB truth texts (see insertion_gen.go): untouched
// articles must stay quiet; glued-in paragraphs from another article must
// be found with the right range.
//
// The truth texts are split in two halves by a hash of their name
// (InsertionTuneHalf). The rule's document-frequency table was built from
// the tune half only and its thresholds were set there; the report half is
// what the suite reports first. Both halves are printed so the in-sample
// advantage (if any) is visible.

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/insertion"
)

func init() {
	Register(&Suite{
		Name:    "insertion",
		Summary: "insertion/unrelated-block on WCXB truth articles with generated insertions",
		Run:     runInsertion,
	})
}

// insertionOutcome is the rule's verdict on one case.
type insertionOutcome struct {
	warned, informed bool
	// covered is true when a warning covers at least half of the inserted
	// paragraphs; extra counts the lines it flagged outside them.
	covered bool
	extra   int
	message string
}

func runInsertion(w io.Writer, args []string) error {
	fl := flag.NewFlagSet("insertion", flag.ContinueOnError)
	fl.SetOutput(w)
	seed := fl.Int64("seed", 1, "generator seed")
	seedList := fl.String("seeds", "", "comma-separated generator seeds whose cases are pooled (overrides -seed);\n"+
		"untouched articles do not depend on the seed and are counted once")
	halves := fl.String("half", "both", "which half to run: both, report or tune")
	show := fl.Int("show", 0, "print up to N misses and false alarms")
	showHalf := fl.String("errors", "tune", "which half -show prints errors for: tune (default; inspect examples there only) or report")
	if err := fl.Parse(args); err != nil {
		return err
	}
	seeds, err := parseSeeds(*seedList, *seed)
	if err != nil {
		return err
	}
	dir, err := DataDir()
	if err != nil {
		return err
	}
	for _, half := range []string{"report", "tune"} {
		if *halves != "both" && *halves != half {
			continue
		}
		arts, err := LoadInsertionArticles(dir, half)
		if err != nil {
			return err
		}
		cases := GenerateInsertionCasesSeeds(arts, seeds)
		outcomes := make([]insertionOutcome, len(cases))
		for i, c := range cases {
			outcomes[i] = judgeInsertion(c)
		}
		fmt.Fprintf(w, "\n%s half: %d articles, %d cases (seeds %s)%s\n", half, len(arts), len(cases), seedsText(seeds),
			map[string]string{"report": " [reported numbers: DF table and thresholds come from the tune half]",
				"tune": " [in-sample: DF table built and thresholds set here]"}[half])
		writeInsertionTable(w, cases, outcomes)
		if half == *showHalf && *show > 0 {
			writeInsertionErrors(w, cases, outcomes, *show)
		}
	}
	return nil
}

// parseSeeds reads a comma-separated seed list, or returns the one seed.
func parseSeeds(list string, one int64) ([]int64, error) {
	if strings.TrimSpace(list) == "" {
		return []int64{one}, nil
	}
	var out []int64
	for _, f := range strings.Split(list, ",") {
		s, err := strconv.ParseInt(strings.TrimSpace(f), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("insertion: bad seed %q in -seeds: %v", f, err)
		}
		out = append(out, s)
	}
	return out, nil
}

func seedsText(seeds []int64) string {
	s := make([]string, len(seeds))
	for i, x := range seeds {
		s[i] = strconv.FormatInt(x, 10)
	}
	return strings.Join(s, ",")
}

// GenerateInsertionCasesSeeds pools the cases of several generator seeds,
// sorted by name. Untouched articles are the same for every seed: they
// are kept once, so the false-alarm rate is not inflated.
func GenerateInsertionCasesSeeds(arts []*InsertionArticle, seeds []int64) []InsertionCase {
	var out []InsertionCase
	for k, seed := range seeds {
		for _, c := range GenerateInsertionCases(arts, seed) {
			if k > 0 && c.Kind == InsertNone {
				continue
			}
			out = append(out, c)
		}
	}
	sortCases(out)
	return out
}

func judgeInsertion(c InsertionCase) insertionOutcome {
	doc := document.New(c.Name+".txt", []byte(c.Text), document.Meta{})
	var o insertionOutcome
	r := insertion.UnrelatedBlock
	r.Run(rules.NewPass(r, doc, nil, nil, r.Severity, func(f rules.Finding) {
		if f.Severity < rules.Warning {
			o.informed = true
			if o.message == "" {
				o.message = "info: " + f.Message
			}
			return
		}
		o.warned = true
		first, _ := doc.Position(f.Start)
		last, _ := doc.Position(f.End)
		if o.message == "" {
			o.message = fmt.Sprintf("%d-%d %s", first, last, f.Message)
		}
		if covered, extra := coverage(c, first, last); covered {
			o.covered, o.extra = true, extra
		}
	}))
	return o
}

// coverage reports whether lines first..last hold at least half of the
// inserted paragraphs, and how many non-blank lines outside them they hold.
func coverage(c InsertionCase, first, last int) (bool, int) {
	n := 0
	inserted := map[int]bool{}
	for _, p := range c.Paragraphs {
		if p[0] >= first && p[1] <= last {
			n++
		}
		for l := p[0]; l <= p[1]; l++ {
			inserted[l] = true
		}
	}
	extra := 0
	lines := splitLines(c.Text)
	for l := first; l <= last && l <= len(lines); l++ {
		if !inserted[l] && len(lines[l-1]) > 0 && !isShortLine(lines[l-1]) {
			extra++
		}
	}
	return len(c.Paragraphs) > 0 && 2*n >= len(c.Paragraphs), extra
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// isShortLine is a marker or name line, not counted as host text.
func isShortLine(s string) bool { return len(s) < 40 }

type insertionRow struct {
	name   string
	filter func(InsertionCase) bool
}

func writeInsertionTable(w io.Writer, cases []InsertionCase, outcomes []insertionOutcome) {
	untouched := func(c InsertionCase) bool { return c.Kind == InsertNone }
	other := func(c InsertionCase) bool { return c.Kind == InsertOtherEnd || c.Kind == InsertOtherMid }
	big := func(c InsertionCase) bool { return other(c) && c.Words >= 150 }
	neg, warned, informed := 0, 0, 0
	for i, c := range cases {
		if untouched(c) {
			neg++
			if outcomes[i].warned {
				warned++
			} else if outcomes[i].informed {
				informed++
			}
		}
	}
	fmt.Fprintf(w, "  untouched articles flagged (warning+): %d/%d = %.2f%%   (info only: %d)\n",
		warned, neg, pct(warned, neg), informed)
	rows := []insertionRow{
		{"other topic, >=150 words", big},
		{"  at the end", func(c InsertionCase) bool { return big(c) && c.Kind == InsertOtherEnd }},
		{"  in the middle", func(c InsertionCase) bool { return big(c) && c.Kind == InsertOtherMid }},
		{"  with a marker line", func(c InsertionCase) bool { return big(c) && c.Marker }},
		{"  without a marker line", func(c InsertionCase) bool { return big(c) && !c.Marker }},
		{"  topic similarity < 0.01", func(c InsertionCase) bool { return big(c) && c.Similarity < 0.01 }},
		{"  topic similarity 0.01-0.03", func(c InsertionCase) bool { return big(c) && c.Similarity >= 0.01 }},
		{"other topic, <150 words", func(c InsertionCase) bool { return other(c) && c.Words < 150 }},
		{"same topic (any size)", func(c InsertionCase) bool { return c.Kind == InsertSameTopic }},
	}
	fmt.Fprintf(w, "  %-28s %6s %10s %10s %12s\n", "insertions", "cases", "recall", "any warn", "extra lines")
	for _, r := range rows {
		n, found, any, extra := 0, 0, 0, 0
		for i, c := range cases {
			if !r.filter(c) {
				continue
			}
			n++
			if outcomes[i].warned {
				any++
			}
			if outcomes[i].covered {
				found++
				extra += outcomes[i].extra
			}
		}
		meanExtra := 0.0
		if found > 0 {
			meanExtra = float64(extra) / float64(found)
		}
		fmt.Fprintf(w, "  %-28s %6d %9.1f%% %9.1f%% %12.2f\n", r.name, n, pct(found, n), pct(any, n), meanExtra)
	}
	fmt.Fprintln(w, "  recall: a warning covers at least half of the inserted paragraphs; any warn: a warning anywhere;")
	fmt.Fprintln(w, "  extra lines: mean article lines inside a correct finding")
}

func writeInsertionErrors(w io.Writer, cases []InsertionCase, outcomes []insertionOutcome, n int) {
	fmt.Fprintln(w, "\n  false alarms on untouched articles:")
	shown := 0
	for i, c := range cases {
		if c.Kind == InsertNone && outcomes[i].warned && shown < n {
			fmt.Fprintf(w, "    %s: %s\n", c.Name, outcomes[i].message)
			shown++
		}
	}
	fmt.Fprintln(w, "  misses (other topic, >=150 words):")
	shown = 0
	for i, c := range cases {
		if (c.Kind == InsertOtherEnd || c.Kind == InsertOtherMid) && c.Words >= 150 && !outcomes[i].covered && shown < n {
			fmt.Fprintf(w, "    %s %s lines %d-%d, %d words: %s\n", c.Name, c.Kind, c.Paragraphs[0][0],
				c.Paragraphs[len(c.Paragraphs)-1][1], c.Words, outcomes[i].message)
			shown++
		}
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}
