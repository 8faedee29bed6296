package lint

import (
	"sync"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/corpus"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// FixOptions are the fix engine's settings for a run.
type FixOptions struct {
	// Unsafe adds the unsafe fixes to the safe ones.
	Unsafe bool
	// Rounds bounds the lint-and-fix rounds per document (0: the default).
	Rounds int
}

// Fixed is one document after the fix engine ran on it, handed on in input
// order.
type Fixed struct {
	// Unit is the input: a whole plain file, or one JSON Lines record.
	Unit corpus.Unit
	// Doc is the original document.
	Doc *document.Document
	// Result holds the fixed text, the applied edits and the skipped fixes.
	Result *fixers.Result
}

// Fix runs the fix engine on every document of the named paths, through
// the same reader, worker pool and ordered hand-off as Stream, and calls
// each with every fixed document in input order from one goroutine. Only
// rules that offer fixes run (unsafe ones only with fo.Unsafe). Corpus
// rules see the merged summary of the original documents in every round.
//
// A JSON Lines record's line and text (Fixed.Unit.Record's Raw, EOL and
// Text, Fixed.Unit.Text, Fixed.Doc.Src, and Fixed.Result.Src when nothing
// changed) are each's only during the call: each writes the record then,
// and afterwards the buffers go to later records (corpus.RecycleRecord).
// A plain file's are each's to keep.
func (r *Runner) Fix(args []string, fo FixOptions, each func(*Fixed) error) ([]Problem, error) {
	var problems []Problem
	p, err := r.plan(args, fixable(fo.Unsafe))
	if err != nil {
		problems = append(problems, Problem{Path: "-", Err: err})
	}
	p.reuseRecords = true
	var facts map[string]rules.Summary
	if p.corpus {
		if facts, err = r.collect(p); err != nil {
			return nil, err
		}
	}
	var results sync.Map // job sequence -> *fixers.Result
	var readProblems []Problem
	err = r.pipeline(p, &readProblems, func(j *job) error {
		res, err := fixers.Run(j.doc.Src, linterFor(j.doc, j.rules, facts), fixers.Options{Unsafe: fo.Unsafe, Rounds: fo.Rounds})
		if err == nil {
			results.Store(j.seq, res)
		}
		return err
	}, func(j *job) error {
		res, _ := results.LoadAndDelete(j.seq)
		err := each(&Fixed{Unit: j.unit, Doc: j.doc, Result: res.(*fixers.Result)})
		corpus.RecycleRecord(j.unit.Record) // nil for a plain file: kept
		return err
	})
	if err != nil {
		return nil, err
	}
	return append(problems, readProblems...), nil
}

// fixable keeps the rules that can propose a fix the run will apply.
func fixable(unsafe bool) func(active) bool {
	return func(a active) bool {
		switch a.rule.FixSafety {
		case fixers.None:
			return false
		case fixers.Unsafe:
			return unsafe
		}
		return true
	}
}

// linterFor lints the texts the fix engine hands it as versions of doc:
// same path and metadata, same rules, same corpus summary.
func linterFor(doc *document.Document, act []active, facts map[string]rules.Summary) fixers.Linter {
	return func(src []byte) ([]fixers.Proposal, error) {
		d := doc
		if len(src) != len(doc.Src) || string(src) != string(doc.Src) {
			d = document.New(doc.Path, src, doc.Meta)
		}
		items, err := CheckDocument(d, act, facts)
		if err != nil {
			return nil, err
		}
		var props []fixers.Proposal
		for _, it := range items {
			if it.Fix == nil {
				continue
			}
			props = append(props, fixers.Proposal{
				Rule: it.Rule.ID, Priority: FixPriority(it.Rule), Message: it.Message, Fix: *it.Fix,
			})
		}
		return props, nil
	}
}

// FixPriority orders overlapping fixes by family, in the order of
// rules.Families: removals of page furniture and inserted text go before
// corrections inside the text they might remove.
func FixPriority(r *rules.Rule) int {
	for i, f := range rules.Families {
		if f == r.Family() {
			return i
		}
	}
	return len(rules.Families)
}
