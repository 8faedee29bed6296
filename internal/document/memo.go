package document

import (
	"sync"
	"weak"
)

// Memo keeps a value computed from a document for the rules of a family
// that read it one after the other on the same worker (a family's shared
// scan), so it is computed once per document. Entries are keyed by a weak
// pointer: the memo never keeps a document alive, nor confuses a new
// document with a freed one at the same address. The last memoEntries
// documents are kept (a few per worker); the zero Memo is ready to use.
type Memo[T any] struct {
	mu      sync.Mutex
	entries []memoEntry[T]
}

type memoEntry[T any] struct {
	doc   weak.Pointer[Document]
	value T
}

// memoEntries bounds a Memo: enough for the documents in flight on every
// worker, small enough to search by a loop.
const memoEntries = 16

// Get returns compute(doc), computed on the first call for doc. Two
// workers asking for the same document at once may both compute it; the
// values are equal.
func (m *Memo[T]) Get(doc *Document, compute func(*Document) T) T {
	key := weak.Make(doc)
	m.mu.Lock()
	for _, e := range m.entries {
		if e.doc == key {
			m.mu.Unlock()
			return e.value
		}
	}
	m.mu.Unlock()
	value := compute(doc)
	m.mu.Lock()
	if len(m.entries) >= memoEntries {
		copy(m.entries, m.entries[1:])
		m.entries = m.entries[:len(m.entries)-1]
	}
	m.entries = append(m.entries, memoEntry[T]{key, value})
	m.mu.Unlock()
	return value
}
