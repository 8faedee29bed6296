package lint

import (
	"bytes"
	"errors"
	"sync"
	"time"

	"github.com/dochygiene/hygiene/internal/corpus"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/progress"
	"github.com/dochygiene/hygiene/internal/report"
	"github.com/dochygiene/hygiene/rules"
)

// job is one document on its way through the pipeline.
type job struct {
	seq   int
	unit  corpus.Unit
	rules []active
	date  time.Time

	doc       *document.Document
	items     []report.Item
	rendered  [][]byte
	summaries map[string]rules.Summary
	err       error
}

// build makes the document model, once, from the unit: a JSON Lines record
// brings its id, source and date.
func (j *job) build() {
	f := j.unit.File
	meta := document.Meta{Source: f.Source, Date: j.date}
	if rec := j.unit.Record; rec != nil {
		meta.Record = rec.ID
		if rec.Source != "" {
			meta.Source = rec.Source
		}
		if !rec.Date.IsZero() {
			meta.Date = rec.Date
		}
	}
	j.doc = document.New(f.Path, j.unit.Text, meta)
}

func (j *job) check(facts map[string]rules.Summary, positionsOnly bool) error {
	var err error
	j.items, err = checkDocument(j.doc, j.rules, facts, positionsOnly)
	return err
}

// recycle hands the document's buffers, and a plain file's text or a
// record's line and text, on to later documents: call it only when
// nothing holds them.
func (j *job) recycle() {
	j.doc.Recycle()
	if j.unit.Record == nil {
		corpus.RecycleText(j.unit.Text)
	} else {
		corpus.RecycleRecord(j.unit.Record)
	}
	j.unit.Text = nil
}

func (j *job) collect() error {
	for _, a := range j.rules {
		if !a.rule.IsCorpus() {
			continue
		}
		s, err := collectRule(j.doc, a)
		if err != nil {
			return err
		}
		if j.summaries == nil {
			j.summaries = map[string]rules.Summary{}
		}
		j.summaries[a.rule.ID] = s
	}
	return nil
}

// errStopped ends the reader early after an error; never returned.
var errStopped = errors.New("stopped")

// Documents travel in batches of up to batchDocs documents or batchBytes
// of text (a bigger document goes alone), so that small records do not
// pay a hand-off between goroutines each, while the documents in flight
// stay few.
const (
	batchDocs  = 16
	batchBytes = 64 << 10
)

// batch is a run of consecutive jobs, numbered in input order.
type batch struct {
	seq   int
	jobs  []*job
	bytes int
}

// pipeline streams the plan's inputs through one reader, r.opts.Jobs
// workers running work, and emit, called from this goroutine in input
// order. At most inFlight batches exist at once: the reader takes a token
// per batch and the emitter gives it back, so memory is bounded by the
// documents in flight (about 2 x workers x 64 KB of text, or the largest
// documents times the workers), whatever the corpus size. Problems (unreadable
// files, malformed records) are appended in input order.
func (r *Runner) pipeline(p plan, problems *[]Problem, work, emit func(*job) error) error {
	walk := r.opts.Walk
	walk.ReuseText = p.reuseText
	walk.ReuseRecords = p.reuseText || p.reuseRecords
	if p.stdin != nil {
		walk.Stdin = bytes.NewReader(p.stdin)
	}
	inFlight := 2*r.opts.Jobs + 2
	tokens := make(chan struct{}, inFlight)
	batches := make(chan *batch, inFlight)
	results := make(chan *batch, inFlight)
	stop := make(chan struct{})
	var readErr error
	go func() {
		defer close(batches)
		readErr = r.read(p, walk, tokens, batches, stop, problems)
	}()
	var wg sync.WaitGroup
	for range r.opts.Jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range batches {
				for _, j := range b.jobs {
					j.build()
					j.err = work(j)
				}
				results <- b
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	var meter *progress.Meter // nil, a no-op, without a progress line
	if r.opts.Progress != nil {
		// The total is one stat per file: only the progress line needs it.
		meter = progress.New(r.opts.Progress, p.totalSize(walk))
	}
	meter.Phase(r.phase)
	err := emitInOrder(results, tokens, func(j *job) error {
		meter.Add(1, j.unit.Size)
		return emit(j)
	})
	meter.Done()
	if err != nil {
		close(stop)
		for range results {
			// Drain so the workers and the reader finish.
		}
		return err
	}
	if readErr != nil && readErr != errStopped {
		return readErr
	}
	return nil
}

// read walks the inputs and sends them as batches, taking a token for
// each.
func (r *Runner) read(p plan, walk corpus.Options, tokens chan<- struct{}, out chan<- *batch, stop <-chan struct{}, problems *[]Problem) error {
	cur := &batch{}
	n := 0 // the next job's place in the input
	send := func() error {
		select {
		case tokens <- struct{}{}:
		case <-stop:
			return errStopped
		}
		out <- cur
		cur = &batch{seq: cur.seq + 1}
		return nil
	}
	problem := func(pr Problem) { *problems = append(*problems, pr) }
	err := corpus.Walk(p.args, walk, func(f corpus.File) error {
		act, err := p.rules.forFile(f.Path)
		if err != nil {
			problem(Problem{Path: f.Path, Err: err})
			return nil
		}
		return corpus.Each([]corpus.File{f}, walk, func(u corpus.Unit) error {
			if len(cur.jobs) > 0 && cur.bytes+len(u.Text) > batchBytes {
				if err := send(); err != nil {
					return err
				}
			}
			cur.jobs = append(cur.jobs, &job{seq: n, unit: u, rules: act, date: r.opts.Date})
			n++
			cur.bytes += len(u.Text)
			if len(cur.jobs) >= batchDocs {
				return send()
			}
			return nil
		}, problem)
	}, problem)
	if err == nil && len(cur.jobs) > 0 {
		err = send()
	}
	return err
}

// emitInOrder reorders finished batches by sequence number and emits
// their jobs as soon as every batch before them was emitted.
func emitInOrder(results <-chan *batch, tokens <-chan struct{}, emit func(*job) error) error {
	pending := map[int]*batch{}
	next := 0
	for b := range results {
		pending[b.seq] = b
		for {
			nb, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-tokens
			for i, j := range nb.jobs {
				err := j.err
				if err == nil {
					err = emit(j)
				}
				if err != nil {
					return err
				}
				nb.jobs[i] = nil // the document can go
			}
		}
	}
	return nil
}
