package lint

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/dochygiene/hygiene/internal/progress"
	"github.com/dochygiene/hygiene/rules"
)

// Stats are a run's figures for the closing summary on stderr.
type Stats struct {
	Documents int
	// Bytes is the input read from disk (compressed bytes for compressed
	// files); TextBytes the article text the rules saw.
	Bytes, TextBytes int64
	Findings         int
	// CorpusBytes is the heap the corpus rules' merged summaries hold per
	// document after the first pass (0 when no corpus rule ran or the
	// corpus has fewer than three documents).
	CorpusBytes int64
	ByFamily    map[string]int
	ByRule      map[string]int
	Elapsed     time.Duration
}

// statsTracker counts as documents are emitted; it runs on the emitting
// goroutine only. Findings are counted per rule value, a run of the same
// rule at once, and by ID and family at the end: two string-keyed map
// updates per finding were half a percent of a whole-page run (a finding
// per furniture line, in runs of the same rule).
type statsTracker struct {
	*Stats
	byRule []ruleCount // the rules with findings, in the order first met
}

type ruleCount struct {
	rule *rules.Rule
	n    int
}

func newStats() *statsTracker {
	return &statsTracker{Stats: &Stats{ByFamily: map[string]int{}, ByRule: map[string]int{}}}
}

func (s *statsTracker) add(j *job) {
	s.Documents++
	s.Bytes += j.unit.Size
	s.TextBytes += int64(len(j.unit.Text))
	s.Findings += len(j.items)
	for i := 0; i < len(j.items); {
		rule, run := j.items[i].Rule, 1
		for i+run < len(j.items) && j.items[i+run].Rule == rule {
			run++
		}
		s.count(rule, run)
		i += run
	}
}

// count adds n findings of rule. The rules with findings are a few dozen
// at most: a search of the slice costs less than a map's hash.
func (s *statsTracker) count(rule *rules.Rule, n int) {
	for k := range s.byRule {
		if s.byRule[k].rule == rule {
			s.byRule[k].n += n
			return
		}
	}
	s.byRule = append(s.byRule, ruleCount{rule, n})
}

// finish sets the run's time and the counts by rule ID and family (two
// rule values may share an ID: a rule configured differently per path).
func (s *statsTracker) finish(elapsed time.Duration) {
	s.Elapsed = elapsed
	for _, c := range s.byRule {
		s.ByFamily[c.rule.Family()] += c.n
		s.ByRule[c.rule.ID] += c.n
	}
	s.byRule = nil
}

// Write prints the summary: documents, size, time and rate; findings per
// family; the rules with most findings.
func (s *Stats) Write(w io.Writer) {
	secs := s.Elapsed.Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(s.TextBytes) / secs
	}
	fmt.Fprintf(w, "hygiene: %d %s, %s of text in %s (%s/s)\n",
		s.Documents, plural(s.Documents, "document"), progress.MB(s.TextBytes), s.Elapsed.Round(time.Millisecond), progress.MB(int64(rate)))
	if s.CorpusBytes > 0 {
		fmt.Fprintf(w, "hygiene: corpus phase state: %d bytes per document (%s in all)\n",
			s.CorpusBytes, progress.MB(s.CorpusBytes*int64(s.Documents)))
	}
	if s.Findings == 0 {
		fmt.Fprintln(w, "hygiene: no findings")
		return
	}
	var fams []string
	for _, f := range rules.Families {
		if n := s.ByFamily[f]; n > 0 {
			fams = append(fams, fmt.Sprintf("%s %d", f, n))
		}
	}
	fmt.Fprintf(w, "hygiene: %d %s by family: %s\n", s.Findings, plural(s.Findings, "finding"), strings.Join(fams, ", "))
	fmt.Fprintf(w, "hygiene: top rules: %s\n", strings.Join(s.topRules(5), ", "))
}

func (s *Stats) topRules(n int) []string {
	ids := make([]string, 0, len(s.ByRule))
	for id := range s.ByRule {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := s.ByRule[ids[i]], s.ByRule[ids[j]]
		if a != b {
			return a > b
		}
		return ids[i] < ids[j]
	})
	out := make([]string, 0, n)
	for _, id := range ids[:min(n, len(ids))] {
		out = append(out, fmt.Sprintf("%s %d", id, s.ByRule[id]))
	}
	return out
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
