// Package lint runs rules over a corpus: it expands paths, resolves the
// config for each file, and streams documents (whole plain files, or JSON
// Lines records) through a pipeline: one reader, a pool of workers that
// build each document once and run the rules, and an ordered writer that
// hands findings on in input order. Memory is bounded by the largest
// document times the documents in flight, never by the corpus.
//
// When a corpus rule is enabled the input is read twice: the first pass
// keeps only each rule's compact summary (Collect) and merges them; the
// second runs the rules with the merged summary.
package lint

import (
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
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
	// Date is the article date for every document (--date); a JSON Lines
	// record's date field overrides it.
	Date time.Time
	Walk corpus.Options
	// Progress, when set, receives a live progress line (documents, MB,
	// rate, ETA); the caller sets it only for a terminal.
	Progress io.Writer
	// PerDocument leaves out the corpus rules: the input is read once and
	// memory holds only the documents in flight, whatever the corpus size.
	PerDocument bool
	// PositionsOnly leaves out of every Item the excerpt, the byte ranges
	// and the fingerprint (report.LocatePosition), which only the SARIF
	// and rdjson formats and baselines read: 2% of a whole-page run,
	// where every furniture line is a finding.
	PositionsOnly bool
	// MeasureCorpus fills Stats.CorpusBytes; it costs four forced garbage
	// collections, a few milliseconds a pre-commit hook need not pay.
	MeasureCorpus bool
	// Render, when set, formats a document's findings on the worker that
	// checked it, so that writing hundreds of thousands of findings runs
	// in parallel too; the bytes reach Stream's and Each's callback in
	// Checked.Rendered, in pieces to be written one after the other. It
	// must be safe for concurrent use.
	Render func(items []report.Item) ([][]byte, error)
}

// Problem is a path that was skipped or failed, or a malformed JSON Lines
// record (its error names the line).
type Problem = corpus.Problem

// Result is a finished run.
type Result struct {
	Report   *report.Report
	Problems []Problem
	// Docs holds every document for Run (fix needs them); Lint and Stream
	// leave it nil, so their memory does not grow with the corpus.
	Docs []*document.Document
	// Stats are the run's figures for the closing summary.
	Stats *Stats
}

// Checked is one document after the rules ran, handed to a Stream callback
// in input order.
type Checked struct {
	Doc *document.Document
	// Items are the document's findings in order of position.
	Items []report.Item
	// Rendered is Options.Render's output for Items.
	Rendered [][]byte
	// Unit is the input: for a JSON Lines record, Unit.Record holds the
	// raw line, so a fix can write it back with only the text replaced.
	Unit corpus.Unit
}

// Runner holds what a run resolves once: configs and rule sets.
type Runner struct {
	opts     Options
	explicit *config.Config

	mu      sync.Mutex
	configs map[string]*config.Config // by directory
	// defaults is the config of every directory without a config file.
	defaults *config.Config
	used     map[string]*rules.Rule
	// resolved holds the rules of each config without overrides, which
	// are the same for every file it governs (see RulesFor).
	resolved map[*config.Config][]active

	phase string // the progress line's label for the next pipeline
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
	r := &Runner{opts: opts, configs: map[string]*config.Config{}, used: map[string]*rules.Rule{},
		resolved: map[*config.Config][]active{}}
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

// SetRender sets Options.Render after New, for a caller that picks its
// output format once the runner exists.
func (r *Runner) SetRender(render func(items []report.Item) ([][]byte, error)) {
	r.opts.Render = render
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
	// Directories without a config file share one default config, and
	// so one resolution of its rules (RulesFor).
	if r.defaults == nil {
		r.defaults = config.Default()
	}
	c := r.defaults
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
// The slice may be shared with other files: callers must not modify it.
//
// Without overrides, a config's answer does not depend on the path, so
// it is resolved once per config, not once per file and pass: the
// resolution sorts the registry and builds the settings (about 1 KB of
// garbage and a few microseconds a file).
func (r *Runner) RulesFor(path string) ([]active, error) {
	cfg, err := r.ConfigFor(path)
	if err != nil {
		return nil, err
	}
	shared := len(cfg.File.Overrides) == 0
	if shared {
		r.mu.Lock()
		out, ok := r.resolved[cfg]
		r.mu.Unlock()
		if ok {
			return out, nil
		}
	}
	out := r.resolve(cfg, path)
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, a := range out {
		r.used[a.rule.ID] = a.rule
	}
	if shared {
		r.resolved[cfg] = out
	}
	return out, nil
}

// resolve is RulesFor's answer for one path under cfg.
func (r *Runner) resolve(cfg *config.Config, path string) []active {
	set := cfg.For(path)
	candidates := append(rules.All(), cfg.Declared()...)
	out := make([]active, 0, len(candidates))
	for _, rule := range candidates {
		if !r.selected(rule, set.Enabled(rule)) || r.opts.PerDocument && rule.IsCorpus() {
			continue
		}
		out = append(out, active{rule: rule, severity: set.Severity(rule), options: set.Options(rule)})
	}
	return slices.Clip(out)
}

// selected applies the command line's --only, --disable and --enable on top
// of the config's answer.
func (r *Runner) selected(rule *rules.Rule, byConfig bool) bool {
	if len(r.opts.Only) > 0 && !matchesAny(r.opts.Only, rule) {
		return false
	}
	// A rule ID beats its family: --enable text --disable text/markup
	// runs every text rule but markup, and the other way round.
	switch {
	case slices.Contains(r.opts.Disable, rule.ID):
		return false
	case slices.Contains(r.opts.Enable, rule.ID):
		return true
	case slices.Contains(r.opts.Disable, rule.Family()):
		return false
	case slices.Contains(r.opts.Enable, rule.Family()):
		return true
	}
	// --only names what runs, whatever the config file disables.
	return len(r.opts.Only) > 0 || byConfig
}

func matchesAny(sels []string, rule *rules.Rule) bool {
	for _, s := range sels {
		if rules.Matches(s, rule) {
			return true
		}
	}
	return false
}

// Run lints the named paths and keeps every document in Result.Docs, for
// callers that need them after the run. Bulk runs use Lint or Stream.
func (r *Runner) Run(args []string) (*Result, error) {
	var docs []*document.Document
	res, err := r.Stream(args, func(c *Checked) error {
		docs = append(docs, c.Doc)
		return nil
	})
	if err != nil {
		return nil, err
	}
	res.Docs = docs
	return res, nil
}

// Lint lints the named paths, keeping the findings (they are small) but no
// document: memory stays flat however large the corpus.
func (r *Runner) Lint(args []string) (*Result, error) {
	return r.stream(args, nil, true, true)
}

// Stream lints the named paths and calls each (when not nil) with every
// document in input order, from one goroutine, and drops the document
// afterwards. The findings are kept in Result.Report as well, for the
// output formats that write one whole report.
func (r *Runner) Stream(args []string, each func(*Checked) error) (*Result, error) {
	return r.stream(args, each, true, false)
}

// Each is Stream for a caller that writes the findings as they come:
// Result.Report counts the documents but keeps no finding, so memory does
// not grow with the findings either. Checked.Doc, Checked.Items,
// Checked.Unit.Text and a record's line (Checked.Unit.Record.Raw) are the
// caller's only during the call: afterwards the document's slices, a
// plain file's text and a record's line and text are reused for later
// documents (document.Recycle, corpus.RecycleText, corpus.RecycleRecord),
// and so is the slice of Items (releaseItems).
func (r *Runner) Each(args []string, each func(*Checked) error) (*Result, error) {
	return r.stream(args, each, false, true)
}

// stream runs the check pass; release hands each document's buffers on
// once each has seen it (the caller keeps no document).
func (r *Runner) stream(args []string, each func(*Checked) error, keepItems, release bool) (*Result, error) {
	start := time.Now()
	var problems []Problem
	plan, err := r.plan(args, nil)
	if err != nil {
		problems = append(problems, Problem{Path: "-", Err: err})
	}
	stats := newStats()
	var facts map[string]rules.Summary
	if plan.corpus {
		if facts, stats.CorpusBytes, err = r.collectMeasured(plan, r.opts.MeasureCorpus); err != nil {
			return nil, err
		}
	}
	rep := &report.Report{}
	var readProblems []Problem
	plan.reuseText = release
	err = r.pipeline(plan, &readProblems, func(j *job) error {
		err := j.check(facts, r.opts.PositionsOnly)
		if release {
			// The rules are done with the document: its token and
			// sentence slices go to the worker's next document now, not
			// after the batches in flight are written, so that the same
			// few buffers go round (taken again, the document computes
			// them anew).
			j.doc.Release()
		}
		if err != nil || r.opts.Render == nil {
			return err
		}
		j.rendered, err = r.opts.Render(j.items)
		return err
	}, func(j *job) error {
		rep.Documents++
		if keepItems {
			rep.Items = append(rep.Items, j.items...)
		}
		stats.add(j)
		var err error
		if each != nil {
			err = each(&Checked{Doc: j.doc, Items: j.items, Rendered: j.rendered, Unit: j.unit})
		}
		if release {
			j.recycle()
			releaseItems(j.items)
			j.items = nil
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	stats.finish(time.Since(start))
	rep.Rules = r.usedRules()
	return &Result{Report: rep, Problems: append(problems, readProblems...), Stats: stats.Stats}, nil
}

// heapLive is the heap in use after two collections (a few
// milliseconds): the first leaves the pools' contents in their victim
// caches, live until the second. Measured after one, the pooled buffers
// of the documents before counted in the heap before the corpus pass
// and not after it, and the state per document came out too small
// (TestCorpusStateMeasuredPerDocument failed most times in a row).
func heapLive() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

func (r *Runner) usedRules() []*rules.Rule {
	var out []*rules.Rule
	for _, rule := range rules.All() {
		if _, ok := r.used[rule.ID]; ok {
			out = append(out, rule)
		}
	}
	var declared []*rules.Rule
	for id, rule := range r.used {
		if _, builtin := rules.Lookup(id); !builtin {
			declared = append(declared, rule)
		}
	}
	sort.Slice(declared, func(i, j int) bool { return declared[i].ID < declared[j].ID })
	return append(out, declared...)
}

// collect is collectMeasured without the measure.
func (r *Runner) collect(p plan) (map[string]rules.Summary, error) {
	facts, _, err := r.collectMeasured(p, false)
	return facts, err
}

// collectMeasured is the first pass of corpus rules: every document gives each
// corpus rule's compact summary, merged in input order so the result does
// not depend on scheduling. Documents are dropped as soon as summarised.
//
// It also measures what the merged summaries hold per document: the live
// heap after the pass minus before it, over the documents. Each corpus
// rule first collects a small sample text, so that tables a rule loads on
// first use (word lists) are loaded before and not counted as state.
func (r *Runner) collectMeasured(p plan, measure bool) (map[string]rules.Summary, int64, error) {
	// The progress line names the passes; whatever pipeline runs next
	// (check or fix) is the second.
	r.phase = "pass 1 of 2 (corpus)"
	defer func() { r.phase = "pass 2 of 2" }()
	var before uint64
	if measure {
		warmUp(p)
		before = heapLive()
	}
	facts := map[string]rules.Summary{}
	var ignored []Problem // the second pass reports them
	p.reuseText = true    // the pass's documents go once summarised
	var docs int
	err := r.pipeline(p, &ignored, func(j *job) error {
		err := j.collect()
		// Summaries are compact (strings, counts, hashes), never the
		// document's slices, and nothing else sees the document: all its
		// buffers can go to the worker's next document at once.
		j.recycle()
		return err
	}, func(j *job) error {
		docs++
		for _, a := range j.rules {
			if !a.rule.IsCorpus() {
				continue // job.collect summarised the corpus rules only
			}
			s, ok := j.summaries[a.rule.ID]
			if !ok {
				continue
			}
			if prev, seen := facts[a.rule.ID]; seen {
				facts[a.rule.ID] = a.rule.Merge(prev, s)
			} else {
				facts[a.rule.ID] = s
			}
		}
		return nil
	})
	var perDoc int64
	if measure && docs > 0 && err == nil {
		perDoc = max(0, int64(heapLive())-int64(before)) / int64(docs)
	}
	return facts, perDoc, err
}

// warmUpText is a short article for warmUp: prose, a heading, a list,
// numbers and a name, so a rule's lazy tables are loaded.
const warmUpText = "Warm Up\n\nThe minister said on Tuesday, 3 March 2020, that 12 of the 40 members agreed.\n\n- Read more\n"

// warmUp runs each corpus rule's Collect once on warmUpText and drops the
// summary.
func warmUp(p plan) {
	doc := document.New("warm-up", []byte(warmUpText), document.Meta{})
	for _, a := range p.rules.seenRules() {
		if a.rule.IsCorpus() {
			_, _ = collectRule(doc, a)
		}
	}
}

// CheckDocument runs the given rules on one document and returns the
// findings in order of position. A rule that panics is turned into an
// error naming the rule and the document, never a crash.
func CheckDocument(doc *document.Document, active []active, facts map[string]rules.Summary) (items []report.Item, err error) {
	return checkDocument(doc, active, facts, false)
}

// checkDocument is CheckDocument locating each finding as report.Locate
// does, or as report.LocatePosition does for Options.PositionsOnly.
//
// The findings are gathered in a reused buffer, ordered, and only then
// located, into a slice of the right size: an Item is four times a
// finding's size, and a page with hundreds of findings grew its slice of
// Items a dozen times.
func checkDocument(doc *document.Document, active []active, facts map[string]rules.Summary, positionsOnly bool) ([]report.Item, error) {
	// Once every rule has returned, nothing reads the values the families
	// memoised in the document: they go (and their buffers to later
	// documents). Rules run one after the other on this goroutine, so
	// none can still be reading them (document.Memo).
	defer doc.DropState()
	buf := findingBuffers.Get().(*[]rules.Finding)
	defer func() {
		clear(*buf) // no message or fix stays reachable from the pool
		*buf = (*buf)[:0]
		findingBuffers.Put(buf)
	}()
	// One sink for every rule: a closure made per rule was a heap
	// allocation per rule and document.
	sink := func(f rules.Finding) { *buf = append(*buf, f) }
	// And one Pass for every rule, reset for each: no rule keeps its
	// Pass past Run (rules.Pass.Reset).
	pass := new(rules.Pass)
	for _, a := range active {
		// Only a corpus rule has a summary: the others skip a lookup
		// that hashed the rule's ID for every rule and document.
		var corpus rules.Summary
		if a.rule.IsCorpus() {
			corpus = facts[a.rule.ID]
		}
		pass.Reset(a.rule, doc, a.options, corpus, a.severity, sink)
		if err := runRule(doc, a, pass); err != nil {
			return nil, err
		}
	}
	found := *buf
	if len(found) == 0 {
		return nil, nil
	}
	// The findings are located in order of position where they lie, not
	// moved into it (report.OrderFindings).
	order := findingOrders.Get().(*[]int32)
	defer findingOrders.Put(order)
	*order = report.OrderFindings(found, (*order)[:0])
	items := itemBuffer(len(found))
	report.LocateInOrder(doc, found, *order, items, positionsOnly)
	return items, nil
}

// itemBuffers hold the Items slices of documents whose caller is done
// with them (Each): a whole-page run makes a finding per furniture line,
// and a new slice of Items per document was the run's largest garbage
// (38 of 270 MB on the 736 WCXB pages), each collection of which scans
// the rules' tables again.
var itemBuffers sync.Pool // of *[]report.Item

// itemBuffer returns a slice of n Items, a released one when it is large
// enough. Its Items are zero: releaseItems clears them.
func itemBuffer(n int) []report.Item {
	if p, ok := itemBuffers.Get().(*[]report.Item); ok && cap(*p) >= n {
		return (*p)[:n]
	}
	return make([]report.Item, n)
}

// releaseItems hands a document's Items back for reuse, cleared so that
// no message, fix or path stays reachable from the pool. Call it only
// when nothing kept the slice.
func releaseItems(items []report.Item) {
	if cap(items) == 0 {
		return
	}
	clear(items) // past len(items) they are zero already
	items = items[:0]
	itemBuffers.Put(&items)
}

// findingOrders hold the order of a document's findings while they are
// located.
var findingOrders = sync.Pool{New: func() any { return new([]int32) }}

// findingBuffers hold the findings of a document while its rules run.
var findingBuffers = sync.Pool{New: func() any { return new([]rules.Finding) }}

func runRule(doc *document.Document, a active, pass *rules.Pass) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%s: rule %s crashed: %v (please report this bug)", docName(doc), a.rule.ID, p)
		}
	}()
	a.rule.Run(pass)
	return nil
}

func collectRule(doc *document.Document, a active) (s rules.Summary, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%s: rule %s crashed collecting: %v (please report this bug)", docName(doc), a.rule.ID, p)
		}
	}()
	return a.rule.Collect(doc, a.options), nil
}

func docName(doc *document.Document) string {
	if doc.Meta.Record != "" {
		return doc.Path + "#" + doc.Meta.Record
	}
	return doc.Path
}
