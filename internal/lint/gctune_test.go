package lint

import (
	"runtime/debug"
	"runtime/metrics"
	"testing"
)

func TestGCPercentFor(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 1000},
		{1 * mb, 1000},     // 32 MB over 1 MB would be 3200%: capped
		{16 * mb, 200},     // the rules' tables: 32 MB of growth
		{32 * mb, 100},     // as the default
		{500 * mb, 100},    // a huge corpus phase: never below the default
		{20 * mb, 160},     // in between
		{33 * mb / 2, 193}, // rounded down
	} {
		if got := gcPercentFor(c.live, 32*mb); got != c.want {
			t.Errorf("live %d MB: GOGC %d, want %d", c.live/mb, got, c.want)
		}
	}
}

// TestTunerSetsGCPercent runs one adjustment and reads the GOGC it set back.
func TestTunerSetsGCPercent(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	tu := &gcTuner{headroom: 1 << 40, percent: 100}
	tu.live = append(tu.live, liveSample()...)
	tu.adjust()
	if got := debug.SetGCPercent(100); got != 1000 || tu.percent != 1000 {
		t.Errorf("GOGC after adjust with a huge headroom: %d (tuner says %d), want 1000", got, tu.percent)
	}
}

func liveSample() []metrics.Sample { return []metrics.Sample{{Name: "/gc/heap/live:bytes"}} }
