package eval

// The text suite measures the text/ rules two ways on the WCXB development
// truth texts (../shared/data/wcxb-dev/truth, CC-BY-4.0, Murrough Foley
// 2026): false alarms on the clean articles, per 1,000 documents and rule,
// and precision and recall on damage injected into copies of them by a
// deterministic generator (text_inject.go).
//
//	go run ./cmd/hygiene-eval text           # the numbers
//	go run ./cmd/hygiene-eval text -v        # plus every clean-text finding and every miss
//	go run ./cmd/hygiene-eval text -rule text/markup -v

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/shareddata"
	"github.com/dochygiene/hygiene/rules"
)

func init() {
	Register(&Suite{
		Name:    "text",
		Summary: "text/ rules: false alarms on clean WCXB truth texts, precision/recall on injected damage",
		Run:     runTextSuite,
	})
}

// LoadTruthTexts reads the WCXB truth texts sorted by name.
func LoadTruthTexts() (names []string, texts [][]byte, err error) {
	paths, err := shareddata.WCXBFiles("truth")
	if err != nil {
		return nil, nil, err
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, nil, err
		}
		names = append(names, filepath.Base(p))
		texts = append(texts, b)
	}
	return names, texts, nil
}

func runTextSuite(w io.Writer, args []string) error {
	fs := flag.NewFlagSet("text", flag.ContinueOnError)
	verbose := fs.Bool("v", false, "print every clean-text finding at warning+ and every injected miss and false alarm")
	only := fs.String("rule", "", "limit the verbose listing to one rule ID")
	info := fs.Bool("info", false, "with -v, list clean-text findings at info too")
	if err := fs.Parse(args); err != nil {
		return err
	}
	names, texts, err := LoadTruthTexts()
	if err != nil {
		return err
	}
	rs := FamilyRules("text/")
	clean := TextCleanAlarms(names, texts, rs, *info)
	clean.write(w, *verbose, *only)
	inj := TextInjected(names, texts, rs)
	inj.write(w, *verbose, *only)
	return nil
}

// TextAlarms is the clean-text result: findings per rule and severity.
type TextAlarms struct {
	Docs, Bytes int
	// Warn and Info count findings at warning+ and at info, per rule.
	Warn, Info map[string]int
	// DocsWithWarn counts documents with at least one warning+ finding.
	DocsWithWarn map[string]int
	Examples     []string
}

// TextCleanAlarms runs the rules on the clean truth texts.
// With withInfo, Examples lists info findings too.
func TextCleanAlarms(names []string, texts [][]byte, rs []*rules.Rule, withInfo bool) TextAlarms {
	docs := make([]*document.Document, len(texts))
	a := TextAlarms{Docs: len(texts), Warn: map[string]int{}, Info: map[string]int{}, DocsWithWarn: map[string]int{}}
	for i, t := range texts {
		docs[i] = document.New(names[i], t, document.Meta{})
		a.Bytes += len(t)
	}
	for i, fs := range RunRules(rs, docs) {
		seen := map[string]bool{}
		for _, f := range fs {
			if f.Severity < rules.Warning {
				a.Info[f.Rule.ID]++
			} else {
				a.Warn[f.Rule.ID]++
				if !seen[f.Rule.ID] {
					seen[f.Rule.ID] = true
					a.DocsWithWarn[f.Rule.ID]++
				}
			}
			if f.Severity >= rules.Warning || withInfo {
				line, _ := docs[i].Position(f.Start)
				a.Examples = append(a.Examples, fmt.Sprintf("%s %s:%d %s %s: %q", f.Rule.ID, names[i], line, f.Severity, f.Message, snippet(docs[i].Src, f.Start, f.End)))
			}
		}
	}
	return a
}

func (a TextAlarms) write(w io.Writer, verbose bool, only string) {
	fmt.Fprintf(w, "clean truth texts: %d documents, %.1f MB\n", a.Docs, float64(a.Bytes)/1e6)
	fmt.Fprintf(w, "  %-24s %9s %14s %10s %6s\n", "rule", "warning+", "per 1000 docs", "docs hit", "info")
	for _, id := range ruleIDs(a.Warn, a.Info) {
		fmt.Fprintf(w, "  %-24s %9d %14.1f %10d %6d\n", id, a.Warn[id], 1000*float64(a.Warn[id])/float64(a.Docs), a.DocsWithWarn[id], a.Info[id])
	}
	if verbose {
		for _, e := range a.Examples {
			if only == "" || strings.HasPrefix(e, only+" ") {
				fmt.Fprintln(w, "    ", e)
			}
		}
	}
}

func ruleIDs(ms ...map[string]int) []string {
	set := map[string]bool{}
	for _, m := range ms {
		for k := range m {
			set[k] = true
		}
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// snippet returns the span with a little context, on one line.
func snippet(src []byte, start, end int) string {
	from, to := max(0, start-30), min(len(src), end+30)
	s := string(src[from:to])
	return strings.ReplaceAll(s, "\n", "⏎")
}
