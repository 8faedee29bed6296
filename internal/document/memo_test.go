package document

import (
	"sync"
	"testing"
)

func TestMemoComputesOncePerDocument(t *testing.T) {
	var m Memo[int]
	calls := 0
	length := func(d *Document) int { calls++; return len(d.Src) }
	a := New("a", []byte("one\n"), Meta{})
	b := New("b", []byte("three\n"), Meta{}) // same path, other text: a different document
	for range 3 {
		if got := m.Get(a, length); got != 4 {
			t.Fatalf("a: %d, want 4", got)
		}
		if got := m.Get(b, length); got != 6 {
			t.Fatalf("b: %d, want 6", got)
		}
	}
	if calls != 2 {
		t.Errorf("computed %d times for two documents, want 2", calls)
	}
	// However many other documents come between, a keeps its value:
	// there is no table to evict it from.
	for range 100 {
		m.Get(New("x", []byte("x\n"), Meta{}), length)
	}
	calls = 0
	m.Get(a, length)
	if calls != 0 {
		t.Errorf("a was computed again after other documents (%d calls)", calls)
	}
}

// TestMemosOfOneDocumentAreApart checks that two Memos of the same type
// keep their own values in one document.
func TestMemosOfOneDocumentAreApart(t *testing.T) {
	var first, second Memo[string]
	d := New("d", []byte("text\n"), Meta{})
	first.Get(d, func(*Document) string { return "first" })
	second.Get(d, func(*Document) string { return "second" })
	if got := first.Get(d, nil); got != "first" {
		t.Errorf("first: %q", got)
	}
	if got := second.Get(d, nil); got != "second" {
		t.Errorf("second: %q", got)
	}
}

// TestDropStateRecyclesOnce checks the document's end of life: DropState
// (and Release and Recycle, which call it) hands each value to Recycle
// exactly once, and a later Get computes the value again.
func TestDropStateRecyclesOnce(t *testing.T) {
	var recycled []int
	m := Memo[[]int]{Recycle: func(v []int) { recycled = append(recycled, v[0]) }}
	next := 0
	compute := func(*Document) []int { next++; return []int{next} }
	for _, done := range []func(*Document){(*Document).DropState, (*Document).Release, (*Document).Recycle} {
		recycled = nil
		d := New("d", []byte("some text\n"), Meta{})
		v := m.Get(d, compute)
		if again := m.Get(d, compute); again[0] != v[0] {
			t.Fatalf("second Get computed again: %d, want %d", again[0], v[0])
		}
		done(d)
		done(d) // a second call has nothing left to recycle
		if len(recycled) != 1 || recycled[0] != v[0] {
			t.Fatalf("recycled %v, want [%d] once", recycled, v[0])
		}
		if d.Lines == nil { // Recycle leaves nothing to read
			continue
		}
		if after := m.Get(d, compute); after[0] == v[0] {
			t.Errorf("after the state was dropped, Get returned the recycled value %d", v[0])
		}
	}
}

// TestMemoConcurrentGet has goroutines ask for the same documents at once
// (run with -race): every caller gets a value computed from its document,
// and the value kept is the one recycled.
func TestMemoConcurrentGet(t *testing.T) {
	var mu sync.Mutex
	recycled := map[*Document]int{}
	m := Memo[*Document]{Recycle: func(d *Document) { mu.Lock(); recycled[d]++; mu.Unlock() }}
	docs := make([]*Document, 8)
	for i := range docs {
		docs[i] = New("d", []byte("text\n"), Meta{})
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 50 {
				for _, d := range docs {
					if got := m.Get(d, func(d *Document) *Document { return d }); got != d {
						t.Errorf("Get returned another document's value")
					}
				}
			}
		})
	}
	wg.Wait()
	for _, d := range docs {
		d.DropState()
		if recycled[d] != 1 {
			t.Errorf("recycled %d times, want once", recycled[d])
		}
	}
}
