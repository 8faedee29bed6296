package document

import "testing"

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
	// Past memoEntries other documents, a is computed again: the memo
	// stays small.
	for range memoEntries {
		m.Get(New("x", []byte("x\n"), Meta{}), length)
	}
	if len(m.entries) > memoEntries {
		t.Errorf("%d entries kept, want at most %d", len(m.entries), memoEntries)
	}
	calls = 0
	m.Get(a, length)
	if calls != 1 {
		t.Errorf("an evicted document was not computed again (%d calls)", calls)
	}
}
