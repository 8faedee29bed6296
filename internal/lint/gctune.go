package lint

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// GCHeadroom is the heap growth between collections that TuneGC allows a
// command-line run: with the rules' tables live (about 16 MB) the default
// GOGC=100 collects every 16 MB of garbage, and the documents streaming
// through make a lot of it. 32 MB halves the collections for about 16 MB
// more peak memory (lint -j 1 on the WCXB truth texts: 6% less CPU).
const GCHeadroom = 32 << 20

// TuneGC lets the heap grow by headroom bytes over the live heap before
// the next collection, instead of by the live heap's size (GOGC=100), and
// never by less than GOGC=100 would: a small live heap is collected less
// often, a large one (corpus summaries of a huge corpus) as usual, so the
// extra memory is at most headroom. It re-reads the live heap after every
// collection. A GOGC or GOMEMLIMIT set by the user wins: TuneGC does
// nothing then. Call it once, from a program's main.
func TuneGC(headroom uint64) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	t := &gcTuner{headroom: headroom, percent: 100,
		live: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	t.adjust()
	t.arm()
}

type gcTuner struct {
	headroom uint64
	percent  int // the GOGC in force
	live     []metrics.Sample
}

// arm registers a cleanup on a fresh unreachable object, so adjust runs
// after the next collection (and re-arms itself).
func (t *gcTuner) arm() {
	runtime.AddCleanup(new([64]byte), func(t *gcTuner) {
		t.adjust()
		t.arm()
	}, t)
}

func (t *gcTuner) adjust() {
	metrics.Read(t.live)
	if t.live[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	if p := gcPercentFor(t.live[0].Value.Uint64(), t.headroom); p != t.percent {
		debug.SetGCPercent(p)
		t.percent = p
	}
}

// gcPercentFor is the GOGC that lets a heap of live bytes grow by
// headroom: at least 100 (the default), at most 1000 (a nearly empty heap
// right after start).
func gcPercentFor(live, headroom uint64) int {
	if live == 0 {
		return 1000
	}
	return int(min(1000, max(100, headroom*100/live)))
}
