package boilerplate

import (
	"strconv"
	"testing"
)

// TestMessageKeyIdentifiesTheMessage checks that distinct scores and
// evidence never share a cache key, and that what does not fit the key
// is not cached.
func TestMessageKeyIdentifiesTheMessage(t *testing.T) {
	seen := map[uint64]string{}
	for k := 0; k <= 100; k++ {
		rendered := strconv.AppendFloat(nil, float64(k)/100, 'f', 2, 32)
		for kind := range len(modelKinds) {
			for pos := range len(positions) {
				for _, near := range []bool{false, true} {
					for _, run := range []int32{0, 3, 4, 9, 10, 99, 1<<20 - 1} {
						e := modelEvidence{kind: uint8(kind), position: uint8(pos), near: near, navRun: run}
						key, ok := messageKey(rendered, e)
						if !ok {
							t.Fatalf("%s %+v: not cached", rendered, e)
						}
						msg := string(e.appendTo(append(rendered, ' ')))
						if other, dup := seen[key]; dup {
							t.Fatalf("%q and %q share key %x", msg, other, key)
						}
						seen[key] = msg
					}
				}
			}
		}
	}
	if _, ok := messageKey([]byte("10.00"), modelEvidence{}); ok {
		t.Error("a five-byte score was given a key")
	}
	if _, ok := messageKey([]byte("0.50"), modelEvidence{navRun: 1 << 20}); ok {
		t.Error("a run too long for the key was given one")
	}
}
