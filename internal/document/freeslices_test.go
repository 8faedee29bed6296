package document

import "testing"

// TestFreeSlices: a slice put back comes out empty, cleared and with its
// room; too many or too large slices are not kept.
func TestFreeSlices(t *testing.T) {
	var f FreeSlices[*int]
	if s := f.Get(); s != nil {
		t.Fatalf("an empty list gave %v", s)
	}
	x := 1
	s := make([]*int, 3, 10)
	for i := range s {
		s[i] = &x
	}
	f.Put(s)
	got := f.Get()
	if len(got) != 0 || cap(got) != 10 {
		t.Fatalf("got len %d cap %d, want an empty slice with room for 10", len(got), cap(got))
	}
	for i, p := range got[:3] {
		if p != nil {
			t.Fatalf("element %d still points to a value", i)
		}
	}
	if f.Get() != nil {
		t.Fatal("one slice put, two got")
	}
	for range 20 {
		f.Put(make([]*int, 0, 4))
	}
	f.Put(make([]*int, 0, 1<<17))
	n := 0
	for f.Get() != nil {
		n++
	}
	if n != 8 {
		t.Fatalf("kept %d slices, want 8", n)
	}
	none := FreeSlices[int]{Max: -1}
	none.Put(make([]int, 0, 5))
	if none.Get() != nil {
		t.Fatal("a negative Max kept a slice")
	}
	small := FreeSlices[int]{Max: 1, MaxCap: 4}
	small.Put(make([]int, 0, 5))
	if small.Get() != nil {
		t.Fatal("kept a slice over MaxCap")
	}
}
