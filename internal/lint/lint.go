// Package lint runs rules over a corpus: it expands paths, resolves the
// config for each file, builds each document once, runs the corpus phase
// when a corpus rule is enabled, then the per-document phase on a worker
// pool, and returns findings in a deterministic order.
package lint

import (
	"fmt"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/dochygiene/hygiene/internal/config"
	"github.com/dochygiene/hygiene/internal/corpus"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/report"
	"github.com/dochygiene/hygiene/rules"
)

// Options are the run's settings from the command line.
type Options struct {
	// Jobs is the number of workers; 0 means all cores.
	Jobs int
	// Enable, Disable and Only take rule IDs or family names and apply on
	// top of every config file.
	Enable, Disable, Only []string
	// ConfigPath is an explicit --config; otherwise each file's nearest
	// .hygiene.yaml is used.
	ConfigPath string
	// Date is the article date for every document (--date).
	Date time.Time
	Walk corpus.Options
}

// Problem is a path that was skipped or failed.
type Problem = corpus.Problem

// Result is a finished run.
type Result struct {
	Report   *report.Report
	Problems []Problem
	// Docs holds every document when KeepDocs was asked for (fix needs
	// them); nil otherwise, so a lint run's memory does not grow with the
	// corpus.
	Docs []*document.Document
}

// Runner holds what a run resolves once: configs and rule sets.
type Runner struct {
	opts     Options
	explicit *config.Config

	mu      sync.Mutex
	configs map[string]*config.Config // by directory
	used    map[string]*rules.Rule
}

// New validates the options and loads an explicit config.
func New(opts Options) (*Runner, error) {
	for _, list := range [][]string{opts.Enable, opts.Disable, opts.Only} {
		for _, sel := range list {
			if err := rules.CheckSelector(sel); err != nil {
				return nil, err
			}
		}
	}
	r := &Runner{opts: opts, configs: map[string]*config.Config{}, used: map[string]*rules.Rule{}}
	if opts.ConfigPath != "" {
		c, err := config.Load(opts.ConfigPath)
		if err != nil {
			return nil, err
		}
		r.explicit = c
	}
	if r.opts.Jobs <= 0 {
		r.opts.Jobs = runtime.GOMAXPROCS(0)
	}
	return r, nil
}

// ConfigFor returns the config that governs path: the explicit one, or the
// nearest .hygiene.yaml above it, or the defaults.
func (r *Runner) ConfigFor(path string) (*config.Config, error) {
	if r.explicit != nil {
		return r.explicit, nil
	}
	dir := "."
	if path != "-" {
		dir = filepath.Dir(path)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if c, ok := r.configs[dir]; ok {
		return c, nil
	}
	c := config.Default()
	if p := config.Find(dir); p != "" {
		var err error
		if c, err = config.Load(p); err != nil {
			return nil, err
		}
	}
	r.configs[dir] = c
	return c, nil
}

// active is a rule with its resolved settings for one file.
type active struct {
	rule     *rules.Rule
	severity rules.Severity
	options  rules.Options
}

// RulesFor resolves which rules run on path, with severities and options.
func (r *Runner) RulesFor(path string) ([]active, error) {
	cfg, err := r.ConfigFor(path)
	if err != nil {
		return nil, err
	}
	set := cfg.For(path)
	candidates := append(rules.All(), cfg.Declared()...)
	out := make([]active, 0, len(candidates))
	for _, rule := range candidates {
		if !r.selected(rule, set.Enabled(rule)) {
			continue
		}
		out = append(out, active{rule: rule, severity: set.Severity(rule), options: set.Options(rule)})
	}
	r.mu.Lock()
	for _, a := range out {
		r.used[a.rule.ID] = a.rule
	}
	r.mu.Unlock()
	return out, nil
}

// selected applies the command line's --only, --disable and --enable on top
// of the config's answer.
func (r *Runner) selected(rule *rules.Rule, byConfig bool) bool {
	if len(r.opts.Only) > 0 {
		return matchesAny(r.opts.Only, rule)
	}
	if matchesAny(r.opts.Enable, rule) {
		return true
	}
	if matchesAny(r.opts.Disable, rule) {
		return false
	}
	return byConfig
}

func matchesAny(sels []string, rule *rules.Rule) bool {
	for _, s := range sels {
		if rules.Matches(s, rule) {
			return true
		}
	}
	return false
}

// Run lints the named paths.
func (r *Runner) Run(args []string) (*Result, error) {
	files, problems := corpus.Expand(args, r.opts.Walk)
	units, readProblems := r.load(files)
	problems = append(problems, readProblems...)
	res := &Result{Problems: problems}
	corpusFacts, err := r.collect(units)
	if err != nil {
		return nil, err
	}
	rep, err := r.check(units, corpusFacts)
	if err != nil {
		return nil, err
	}
	res.Report = rep
	for _, u := range units {
		res.Docs = append(res.Docs, u.doc)
	}
	return res, nil
}

// unit is one document with its resolved rules.
type unit struct {
	doc   *document.Document
	rules []active
}

// load reads every file and builds its document once.
func (r *Runner) load(files []corpus.File) ([]unit, []Problem) {
	units := make([]unit, len(files))
	errs := make([]*Problem, len(files))
	r.parallel(len(files), func(i int) {
		f := files[i]
		in, err := corpus.Read(f, r.opts.Walk.Stdin)
		if err != nil {
			errs[i] = &Problem{Path: f.Path, Err: err, Skipped: err == corpus.ErrBinary}
			return
		}
		active, err := r.RulesFor(f.Path)
		if err != nil {
			errs[i] = &Problem{Path: f.Path, Err: err}
			return
		}
		doc := document.New(f.Path, in.Data, document.Meta{Source: f.Source, Date: r.opts.Date})
		units[i] = unit{doc: doc, rules: active}
	})
	var ok []unit
	var problems []Problem
	for i := range units {
		if errs[i] != nil {
			problems = append(problems, *errs[i])
			continue
		}
		ok = append(ok, units[i])
	}
	return ok, problems
}

// collect runs the first phase of corpus rules and merges their summaries.
func (r *Runner) collect(units []unit) (map[string]rules.Summary, error) {
	facts := map[string]rules.Summary{}
	per := make([]map[string]rules.Summary, len(units))
	r.parallel(len(units), func(i int) {
		for _, a := range units[i].rules {
			if a.rule.IsCorpus() {
				if per[i] == nil {
					per[i] = map[string]rules.Summary{}
				}
				per[i][a.rule.ID] = a.rule.Collect(units[i].doc, a.options)
			}
		}
	})
	for i, m := range per {
		for _, a := range units[i].rules {
			s, ok := m[a.rule.ID]
			if !ok {
				continue
			}
			if prev, seen := facts[a.rule.ID]; seen {
				facts[a.rule.ID] = a.rule.Merge(prev, s)
			} else {
				facts[a.rule.ID] = s
			}
		}
	}
	return facts, nil
}

// check runs every rule on every document and locates the findings.
func (r *Runner) check(units []unit, facts map[string]rules.Summary) (*report.Report, error) {
	items := make([][]report.Item, len(units))
	panics := make([]error, len(units))
	r.parallel(len(units), func(i int) {
		items[i], panics[i] = CheckDocument(units[i].doc, units[i].rules, facts)
	})
	for _, err := range panics {
		if err != nil {
			return nil, err
		}
	}
	rep := &report.Report{Documents: len(units)}
	for _, its := range items {
		rep.Items = append(rep.Items, its...)
	}
	report.Sort(rep.Items)
	for _, rule := range rules.All() {
		if _, ok := r.used[rule.ID]; ok {
			rep.Rules = append(rep.Rules, rule)
		}
	}
	for id, rule := range r.used {
		if _, builtin := rules.Lookup(id); !builtin {
			rep.Rules = append(rep.Rules, rule)
		}
	}
	return rep, nil
}

// CheckDocument runs the given rules on one document. A rule that panics is
// turned into an error naming the rule and the document, never a crash.
func CheckDocument(doc *document.Document, active []active, facts map[string]rules.Summary) (items []report.Item, err error) {
	for _, a := range active {
		if e := runRule(doc, a, facts[a.rule.ID], func(f rules.Finding) {
			items = append(items, report.Locate(doc, f))
		}); e != nil {
			return nil, e
		}
	}
	return items, nil
}

func runRule(doc *document.Document, a active, facts rules.Summary, sink func(rules.Finding)) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%s: rule %s crashed: %v (please report this bug)", doc.Path, a.rule.ID, p)
		}
	}()
	a.rule.Run(rules.NewPass(a.rule, doc, a.options, facts, a.severity, sink))
	return nil
}

// parallel calls fn(0..n-1) on the runner's workers.
func (r *Runner) parallel(n int, fn func(i int)) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(r.opts.Jobs, max(n, 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}
