package lint

import (
	"io"
	"os"
	"slices"
	"sync"

	"github.com/dochygiene/hygiene/internal/corpus"
)

// plan is what a run reads and how it resolves each file's rules. It holds
// no list of files: every pass walks the named paths again (corpus.Walk)
// and resolves a file's rules when it meets the file, so memory does not
// grow with the number of files (a list of files with a rule list each was
// about 300 bytes per file after the lists were shared: 21 MB of a 1 GB
// corpus of 70,896 articles, more on a corpus of many short files).
type plan struct {
	args   []string
	stdin  []byte // standard input, read once, when "-" is named
	corpus bool   // a corpus rule runs on some file
	rules  *ruleSource
	// reuseText is set for a pass whose documents nobody sees once done:
	// plain files and JSON Lines records are read into recycled buffers
	// (corpus.RecycleText, corpus.RecycleRecord).
	reuseText bool
	// reuseRecords recycles the records only: the fix pass, whose caller
	// writes each record as it comes but keeps a plain file's document
	// until the next file.
	reuseRecords bool
}

// ruleSource resolves the rules of one file and remembers, per rule ID,
// the first resolved copy of each rule seen in the run (for Prepare and
// the corpus pass's warm-up): a number bounded by the rules, not the files.
type ruleSource struct {
	resolve func(path string) ([]active, error)
	// keep, when set, filters the rules (fix runs only rules with a fix).
	keep func(active) bool

	mu   sync.Mutex
	seen map[string]active
	// order is seen's keys in the order first met, so warm-up is
	// deterministic.
	order []string
	// last is the rule list met last: files under one config share it,
	// and its rules are in seen already.
	last []active
}

// forFile returns the rules that run on path. A rule met for the first
// time starts its Prepare (see rules.Rule.Prepare) in the background: on
// one article the knowledge pack, the line model and the word weights
// load while the file is read.
func (s *ruleSource) forFile(path string) ([]active, error) {
	act, err := s.resolve(path)
	if err != nil {
		return nil, err
	}
	if s.keep != nil {
		// A copy: the resolved rules may be shared between files.
		act = slices.DeleteFunc(slices.Clone(act), func(a active) bool { return !s.keep(a) })
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(act) > 0 && len(act) == len(s.last) && &act[0] == &s.last[0] {
		// The list of the file before (a rule ID lookup per rule and
		// file was 0.2% of a run on the WCXB truth texts).
		return act, nil
	}
	s.last = act
	for _, a := range act {
		if _, ok := s.seen[a.rule.ID]; ok {
			continue
		}
		s.seen[a.rule.ID] = a
		s.order = append(s.order, a.rule.ID)
		if a.rule.Prepare != nil {
			go a.rule.Prepare()
		}
	}
	return act, nil
}

// seenRules returns the first copy of every rule met so far.
func (s *ruleSource) seenRules() []active {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]active, 0, len(s.order))
	for _, id := range s.order {
		out = append(out, s.seen[id])
	}
	return out
}

// plan reads standard input when "-" is named (the corpus pass reads it
// twice) and finds whether the corpus pass is needed: it walks the names,
// without reading, up to the first file a corpus rule runs on, which is
// the first file unless a config turns corpus rules off. Problems met here
// are met again, and reported, by the pass that reads.
func (r *Runner) plan(args []string, keep func(active) bool) (plan, error) {
	p := plan{args: args, rules: &ruleSource{resolve: r.RulesFor, keep: keep, seen: map[string]active{}}}
	var err error
	if slices.Contains(args, "-") {
		p.stdin, err = r.readStdin()
	}
	if r.opts.PerDocument {
		return p, err // RulesFor leaves the corpus rules out
	}
	_ = corpus.Walk(args, r.opts.Walk, func(f corpus.File) error {
		act, err := p.rules.forFile(f.Path)
		for _, a := range act {
			if a.rule.IsCorpus() {
				p.corpus = true
				return corpus.ErrStopWalk
			}
		}
		_ = err // reported by the pass that reads
		return nil
	}, func(corpus.Problem) {})
	return p, err
}

// readStdin reads standard input into memory, so the corpus phase can
// read it twice.
func (r *Runner) readStdin() ([]byte, error) {
	in := r.opts.Walk.Stdin
	if in == nil {
		in = os.Stdin
	}
	data, err := io.ReadAll(in)
	if data == nil {
		data = []byte{}
	}
	return data, err
}

// totalSize is the bytes of the named inputs, for the progress line: one
// more walk, with a stat per file.
func (p plan) totalSize(walk corpus.Options) int64 {
	var n int64
	_ = corpus.Walk(p.args, walk, func(f corpus.File) error {
		if info, err := os.Stat(f.Path); err == nil && f.Path != "-" {
			n += info.Size()
		}
		return nil
	}, func(corpus.Problem) {})
	return n
}
