package lint

import (
	"bytes"
	"errors"
	"sync"
	"time"

	"github.com/dochygiene/hygiene/internal/corpus"
	"github.com/dochygiene/hygiene/internal/document"
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

func (j *job) check(facts map[string]rules.Summary) error {
	var err error
	j.items, err = CheckDocument(j.doc, j.rules, facts)
	return err
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

// pipeline streams the plan's inputs through one reader, r.opts.Jobs
// workers running work, and emit, called from this goroutine in input
// order. At most inFlight documents exist at once: the reader takes a
// token per document and emit's return gives it back, so memory is bounded
// by the largest documents in flight, whatever the corpus size. Problems
// (unreadable files, malformed records) are appended in input order.
func (r *Runner) pipeline(p plan, problems *[]Problem, work, emit func(*job) error) error {
	walk := r.opts.Walk
	if p.stdin != nil {
		walk.Stdin = bytes.NewReader(p.stdin)
	}
	inFlight := 2*r.opts.Jobs + 2
	tokens := make(chan struct{}, inFlight)
	jobs := make(chan *job, inFlight)
	results := make(chan *job, inFlight)
	stop := make(chan struct{})
	var readErr error
	go func() {
		defer close(jobs)
		seq := 0
		readErr = corpus.Each(p.files, walk, func(u corpus.Unit) error {
			select {
			case tokens <- struct{}{}:
			case <-stop:
				return errStopped
			}
			jobs <- &job{seq: seq, unit: u, rules: p.rules[u.File.Path], date: r.opts.Date}
			seq++
			return nil
		}, func(pr Problem) { *problems = append(*problems, pr) })
	}()
	var wg sync.WaitGroup
	for range r.opts.Jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.build()
				j.err = work(j)
				results <- j
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	err := emitInOrder(results, tokens, emit)
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

// emitInOrder reorders finished jobs by sequence number and emits each as
// soon as all before it were emitted.
func emitInOrder(results <-chan *job, tokens <-chan struct{}, emit func(*job) error) error {
	pending := map[int]*job{}
	next := 0
	for j := range results {
		pending[j.seq] = j
		for {
			nj, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-tokens
			err := nj.err
			if err == nil {
				err = emit(nj)
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}
