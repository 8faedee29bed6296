package boilerplate

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/eval"
	"github.com/dochygiene/hygiene/rules"
)

// TestCleanPool is a tuning aid, not a test: with BOILERPLATE_POOL=1 it
// builds a pool of clean texts from the TUNE half's truth texts and the
// pages' own content lines (contentLines), each whole and as the crops a
// scraper could plausibly store (eval.Crops, at least four paragraphs),
// and runs the per-document boilerplate rules on each. It prints how many
// texts get a finding at warning or above, by rule and evidence, with
// samples, and how many get one at info (the margin). The tune half alone
// is too small to show the clean-text alarm classes (it has none left);
// its crops move every text's start, end and body, which is what the
// structure and line-model evidence reads.
//
//	BOILERPLATE_POOL=1 go test ./rules/boilerplate -run CleanPool -v
//	BOILERPLATE_POOL=1 BOILERPLATE_POOL_SPLIT=tune-b go test ./rules/boilerplate -run CleanPool -v
func TestCleanPool(t *testing.T) {
	if os.Getenv("BOILERPLATE_POOL") == "" {
		t.Skip("tuning aid: set BOILERPLATE_POOL=1")
	}
	dir, err := eval.WCXBDir()
	if err != nil {
		t.Skip(err)
	}
	pages, err := eval.LoadWCXB(dir)
	if err != nil {
		t.Fatal(err)
	}
	// BOILERPLATE_POOL_SPLIT=tune-b (or tune-a) takes the pool from one
	// part of the tune half: with a model fitted on tune-a, tune-b's
	// crops are texts of sites it never saw.
	split := os.Getenv("BOILERPLATE_POOL_SPLIT")
	if split == "" {
		split = "tune"
	}
	if split == "report" || split == "all" {
		t.Fatal("the pool is for tuning: BOILERPLATE_POOL_SPLIT must be tune, tune-a or tune-b")
	}
	pages, ok := eval.WCXBSplit(pages, split)
	if !ok {
		t.Fatalf("unknown split %q", split)
	}
	rs := familyRules()
	var texts, warned, hinted int
	articles := map[string]bool{}
	byKey, infoKey := map[string]int{}, map[string]int{}
	var samples []string
	for _, p := range pages {
		if p.Truth == "" {
			continue
		}
		for _, c := range append(eval.Crops(p.ID, p.Truth, 4), eval.Crops(p.ID+"@lines", contentLines(p), 4)...) {
			texts++
			doc := document.New(c.Name+".txt", []byte(c.Text), document.Meta{Source: p.Domain})
			warn, hint := false, false
			for _, r := range rs {
				r.Run(rules.NewPass(r, doc, nil, nil, r.Severity, func(f rules.Finding) {
					if f.Severity < rules.Warning {
						hint = true
						infoKey[f.Rule.ID+": "+evidenceOf(f.Message)]++
						return
					}
					if !warn {
						ln, _ := doc.Position(f.Start)
						samples = append(samples, fmt.Sprintf("%s:%d %s: %s | %.100q", c.Name, ln, f.Rule.ID, f.Message, doc.Text(f.Start, min(f.End, f.Start+100))))
					}
					warn = true
					byKey[f.Rule.ID+": "+evidenceOf(f.Message)]++
				}))
			}
			if warn {
				warned++
				articles[p.ID] = true
			}
			if hint {
				hinted++
			}
		}
	}
	for _, k := range sortedKeys(byKey) {
		fmt.Printf("  %-70s %d findings\n", k, byKey[k])
	}
	if os.Getenv("BOILERPLATE_POOL") == "info" {
		for _, k := range sortedKeys(infoKey) {
			fmt.Printf("  info %-65s %d findings\n", k, infoKey[k])
		}
	}
	for _, s := range samples {
		fmt.Println("  POOL", s)
	}
	fmt.Printf("pool %d texts: %d (%.2f%%) with a warning, from %d articles; %d with an info finding\n",
		texts, warned, 100*float64(warned)/float64(max(texts, 1)), len(articles), hinted)
}

// evidenceOf is the first clause of a finding message.
func evidenceOf(msg string) string {
	if i := strings.IndexByte(msg, ','); i > 0 {
		return msg[:i]
	}
	return msg
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// contentLines is the page's own content and title lines, one block each
// as the WCXB views hold them: the page with its furniture (and mixed and
// empty lines) taken out. It keeps what the benchmark counts as article
// (bylines, datelines, captions) in the page's own line breaks.
func contentLines(p *eval.WCXBPage) string {
	var b strings.Builder
	for i, l := range p.Lines {
		if p.Labels[i] == eval.LabelContent || p.Labels[i] == eval.LabelTitle {
			b.WriteString(l)
			b.WriteString("\n\n")
		}
	}
	return b.String()
}
