package document

import "sync"

// Memo keeps a value computed from a document for the rules of a family
// that read it one after the other (a family's shared scan, the
// boilerplate family's analysis), so it is computed once per document.
//
// The value is kept in the document itself, not in a table beside it: it
// can never be confused with another document's, it lives no longer than
// the document, and it is dropped when whoever runs the rules is done
// with the document (DropState; Release and Recycle call it). Recycle,
// when set, then receives the value, so that its buffers go to a later
// document: the runner drops a document's state only once every rule has
// returned from it (lint.checkDocument), on the goroutine that ran them,
// and nothing but Get hands the value out, so no rule can still be
// reading a recycled buffer. A family that recycles must keep nothing of
// the value past its rule's Run (no slice of it in a finding or a
// summary).
//
// Declare a Memo as a package variable and never copy it: the Memo's
// address is the value's key in every document. The zero Memo is ready to
// use.
type Memo[T any] struct {
	// Recycle, when set, receives each value once its document is done.
	Recycle func(T)
}

// Get returns compute(doc), computed on the first call for doc since the
// document was built or its state last dropped. Two goroutines asking
// for the same document at once may both compute it; the first value
// stored is kept and returned to both (the other is dropped without
// Recycle). A family that must compute once can keep a cheap cell with a
// sync.Once (rules/footnotes).
func (m *Memo[T]) Get(doc *Document, compute func(*Document) T) T {
	if v, ok := doc.state.find(m); ok {
		return v.(T)
	}
	value := compute(doc)
	return doc.state.store(m, value).(T)
}

// drop hands a value of this Memo to Recycle.
func (m *Memo[T]) drop(value any) {
	if m.Recycle != nil {
		m.Recycle(value.(T))
	}
}

// keeper is a Memo of any type, as a document's state holds it.
type keeper interface{ drop(value any) }

// docState is a document's memoised values: a handful (one per family
// that shares a scan), so a slice searched by a loop.
type docState struct {
	mu      sync.Mutex
	entries []stateEntry
}

type stateEntry struct {
	memo  keeper
	value any
}

func (s *docState) find(m keeper) (any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range s.entries {
		if e.memo == m {
			return e.value, true
		}
	}
	return nil, false
}

// store keeps value for m unless another goroutine stored one first, and
// returns the value kept.
func (s *docState) store(m keeper, value any) any {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range s.entries {
		if e.memo == m {
			return e.value
		}
	}
	if s.entries == nil {
		s.entries = make([]stateEntry, 0, 4)
	}
	s.entries = append(s.entries, stateEntry{m, value})
	return value
}

// DropState drops every value the document's Memos keep and hands each
// to its Memo's Recycle. Call it only when no rule is running on the
// document and none will read a value it got before: the runner calls it
// once every rule has returned from the document. The document stays
// valid; a later Get computes its value again.
func (d *Document) DropState() {
	d.state.mu.Lock()
	entries := d.state.entries
	d.state.entries = nil
	d.state.mu.Unlock()
	for _, e := range entries {
		e.memo.drop(e.value)
	}
}

// FreeSlices keeps the emptied slices of dropped documents' values for
// later documents: a Memo's Recycle puts its value's slice, its compute
// gets one to append to. It keeps at most Max slices (8 when zero: one
// per worker in flight is all a run needs) of at most MaxCap elements
// (1<<16 when zero), so it stays small whatever the corpus; a negative
// Max keeps none (the tests compare a run without reuse). Put clears the
// slice, so that no document's data is kept alive by it. The zero
// FreeSlices is ready to use; never copy one.
type FreeSlices[T any] struct {
	Max, MaxCap int

	mu   sync.Mutex
	free [][]T
}

// Get returns an empty slice, with room when a kept one was left.
func (f *FreeSlices[T]) Get() []T {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := len(f.free)
	if n == 0 {
		return nil
	}
	s := f.free[n-1]
	f.free[n-1] = nil
	f.free = f.free[:n-1]
	return s
}

// Put keeps s for a later Get. The caller must not read or write s after.
func (f *FreeSlices[T]) Put(s []T) {
	maxCap, maxSlices := f.MaxCap, f.Max
	if maxCap == 0 {
		maxCap = 1 << 16
	}
	if maxSlices == 0 {
		maxSlices = 8
	}
	if cap(s) == 0 || cap(s) > maxCap {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.free) < maxSlices {
		clear(s)
		f.free = append(f.free, s[:0])
	}
}
