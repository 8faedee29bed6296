package boilerplate

import (
	"math/rand/v2"
	"testing"
)

// TestLineCountsMatchMap holds the template counts' open-addressing table
// to a map: fingerprints that share their top bits (one probe run), the
// fingerprint 0 that marks empty slots, growth from empty, and merges of
// one table into another.
func TestLineCountsMatchMap(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var c, other lineCounts
	want, wantOther := map[uint64]int{}, map[uint64]int{}
	for i := range 20000 {
		var fp uint64
		switch i % 4 {
		case 0:
			fp = r.Uint64()
		case 1:
			fp = uint64(r.IntN(64)) // top bits 0: all in the first slots
		case 2:
			fp = 0xff00000000000000 | uint64(r.IntN(300)) // the table's last slots, wrapping
		default:
			fp = 0
		}
		n := 1 + r.IntN(3)
		c.add(fp, n)
		want[fp] += n
		if i%5 == 0 {
			other.add(fp, 1)
			wantOther[fp]++
		}
	}
	other.each(c.add)
	for fp, n := range wantOther {
		want[fp] += n
	}
	seen := 0
	c.each(func(fp uint64, n int) {
		seen++
		if want[fp] != n {
			t.Fatalf("each: %#x counted %d, want %d", fp, n, want[fp])
		}
	})
	if seen != len(want) {
		t.Fatalf("each gave %d fingerprints, want %d", seen, len(want))
	}
	for fp, n := range want {
		if got := c.count(fp); got != n {
			t.Fatalf("count(%#x) = %d, want %d", fp, got, n)
		}
	}
	if got := c.count(0xfeedfacecafe); got != 0 && want[0xfeedfacecafe] == 0 {
		t.Fatalf("count of an absent fingerprint = %d", got)
	}
	var empty *lineCounts
	if empty.count(1) != 0 || empty.count(0) != 0 {
		t.Fatal("a nil table counts something")
	}
	empty.each(func(uint64, int) { t.Fatal("a nil table has entries") })
}
