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
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	tu := &gcTuner{headroom: 1 << 40, ceiling: 1 << 40, percent: 100}
	tu.live = append(tu.live, liveSample()...)
	tu.adjust()
	if got := debug.SetGCPercent(100); got != 1000 || tu.percent != 1000 {
		t.Errorf("GOGC after adjust with a huge headroom: %d (tuner says %d), want 1000", got, tu.percent)
	}
	if got := debug.SetMemoryLimit(-1); got != 1<<40 || tu.limit != 1<<40 {
		t.Errorf("memory limit after adjust with a huge ceiling: %d (tuner says %d), want %d", got, tu.limit, int64(1<<40))
	}
}

func TestMemoryLimitFor(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		live, want, bounded uint64
	}{
		{0, 80 * mb, 80 * mb},
		{16 * mb, 80 * mb, 80 * mb},        // a per-document run with one worker: the ceiling
		{40 * mb, 80 * mb, 80 * mb},        // half the ceiling
		{41 * mb, 82 * mb, 80 * mb},        // beyond: what GOGC=100 reaches; bounded, headroom still fits
		{50 * mb, 100 * mb, 80 * mb},       // bounded: half the headroom still fits
		{65 * mb, 130 * mb, 81 * mb},       // bounded: the live heap plus half the headroom
		{79 * mb, 158 * mb, 95 * mb},       // the last of them
		{80 * mb, 160 * mb, 160 * mb},      // from the ceiling on, bounded or not: GOGC=100
		{500*mb + 1, 1001 * mb, 1001 * mb}, // rounded up to a whole MB
		{3000 * mb, 6000 * mb, 6000 * mb},  // a huge corpus phase
	} {
		if got := memoryLimitFor(c.live, 32*mb, 80*mb, false); got != c.want {
			t.Errorf("live %d MB: limit %d MB, want %d MB", c.live/mb, got/mb, c.want/mb)
		}
		if got := memoryLimitFor(c.live, 32*mb, 80*mb, true); got != c.bounded {
			t.Errorf("live %d MB, bounded: limit %d MB, want %d MB", c.live/mb, got/mb, c.bounded/mb)
		}
	}
}

func liveSample() []metrics.Sample { return []metrics.Sample{{Name: "/gc/heap/live:bytes"}} }
