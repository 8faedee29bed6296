package lint

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// GCHeadroom is the heap growth between collections that TuneGC allows a
// command-line run: with the rules' tables live (about 16 MB) the default
// GOGC=100 collects every 16 MB of garbage, and the documents streaming
// through make a lot of it. 32 MB halved the collections (lint -j 1 on the
// WCXB truth texts: 6% less CPU). 40 MB since 2026-12-07, when the
// rendered output stopped being a third of a whole-page run's garbage:
// lint -j1 --format json on the WCXB pages makes 4 collections instead of
// 5 (cachegrind: --per-document 7,811M -> 7,754M instructions, with the
// corpus rules 9,542M -> 9,467M; truth 3,510M -> 3,478M) for the same
// --per-document peak RSS on 1 GB (plain -j2 87.6 MB, -j1 86.1 MB, JSON
// Lines -j2 87.7 MB: the ceiling bounds it) and, with the corpus rules on
// the 100 MB bench corpus, -j2 119-121 -> 125 MB (-j1 87 MB either way).
const GCHeadroom = 40 << 20

// GCCeiling is the memory TuneGC lets the runtime hold while the live heap
// is small (below half of it): the headroom must not lift a per-document
// run's peak RSS over 100 MB when a document with thousands of findings
// briefly doubles the live heap. The Go runtime's memory is about 15 MB
// less than the process's RSS (code and tables mapped from the binary).
const GCCeiling = 80 << 20

// TuneGC lets the heap grow by headroom bytes over the live heap before
// the next collection, instead of by the live heap's size (GOGC=100), and
// never by less than GOGC=100 would: a small live heap is collected less
// often, a large one (corpus summaries of a huge corpus) as usual. While
// the live heap is below ceiling/2, the runtime's memory is also capped
// at ceiling (a soft limit: collections come sooner near it); above, the
// cap is twice the live heap, what GOGC=100 reaches anyway, so a large
// live heap never makes the collector run without pause (but see
// BoundMemory). It re-reads the live heap after every collection. A GOGC or GOMEMLIMIT set by the user
// wins: TuneGC does nothing then. Call it once, from a program's main.
func TuneGC(headroom, ceiling uint64) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	t := &gcTuner{headroom: headroom, ceiling: ceiling, percent: 100,
		live: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	t.adjust()
	t.arm()
}

type gcTuner struct {
	headroom, ceiling uint64
	percent           int    // the GOGC in force
	limit             uint64 // the memory limit in force, 0 before the first
	live              []metrics.Sample
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
	live := t.live[0].Value.Uint64()
	if p := gcPercentFor(live, t.headroom); p != t.percent {
		debug.SetGCPercent(p)
		t.percent = p
	}
	if l := memoryLimitFor(live, t.headroom, t.ceiling, boundedMemory.Load()); l != t.limit {
		debug.SetMemoryLimit(int64(l))
		t.limit = l
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

// boundedMemory is set by BoundMemory.
var boundedMemory atomic.Bool

// BoundMemory makes TuneGC's soft limit hold a live heap of up to ceiling
// to the live heap plus headroom instead of twice the live heap: more
// collections for a smaller peak. A --per-document run asks for it, the
// mode whose memory is promised flat: with two workers the rules' caches
// and the documents in flight hold 40-48 MB, and twice that put the peak
// RSS of 1 GB of JSON Lines at 113-117 MB; bounded, 90 MB (plain files
// too), for up to 13% more CPU (user time 89-91 s -> 90-102 s over three
// runs on a shared machine). With one worker the live heap stays under
// half the ceiling and nothing changes. Since 2026-12-07 the bound is the
// ceiling until the live heap passes ceiling minus half the headroom (see
// memoryLimitFor): 1 GB, -j 2, plain files 100-103 -> 89-90 MB, JSON
// Lines 98 -> 89 MB, for 1.5-3% more user time.
func BoundMemory() { boundedMemory.Store(true) }

// memoryLimitFor is the soft memory limit for a live heap: ceiling while
// the live heap is below half of it, twice the live heap beyond (what
// GOGC=100 reaches anyway), rounded up to a whole MB so that small
// changes of the live heap do not reset it after every collection. When
// bounded, a live heap below ceiling gets the ceiling as long as half the
// headroom still fits under it, the live heap plus half the headroom
// beyond. (With the whole headroom, a two-worker run whose live heap grew
// from 46 to 50 MB (median) saw its limit rise over the ceiling and its
// 1 GB peak RSS reach 98-103 MB.)
func memoryLimitFor(live, headroom, ceiling uint64, bounded bool) uint64 {
	const mb = 1 << 20
	limit := max(ceiling, 2*live)
	if bounded && live < ceiling {
		limit = max(ceiling, live+headroom/2)
	}
	return (limit + mb - 1) / mb * mb
}
