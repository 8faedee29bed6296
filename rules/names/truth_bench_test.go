package names_test

import (
	"errors"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/eval"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/names"
)

// BenchmarkNamesTruth runs both names rules (collect, merge, check) over
// the 736 WCXB development truth texts (about 10 MB) when ../shared is
// present. The document model is built before the timer: every rule of a
// run shares it.
//
//	go test ./rules/names -run XXX -bench NamesTruth -benchtime 3x -benchmem
func BenchmarkNamesTruth(b *testing.B) {
	docs, size := truthDocs(b)
	measure(b, size, func() {
		var sum rules.Summary
		for i, d := range docs {
			s := names.Variant.Collect(d, nil)
			if i == 0 {
				sum = s
			} else {
				sum = names.Variant.Merge(sum, s)
			}
		}
		for _, d := range docs {
			for _, r := range []*rules.Rule{names.MisspelledPerson, names.Variant} {
				r.Run(rules.NewPass(r, d, nil, sum, r.Severity, func(rules.Finding) {}))
			}
		}
	})
}

// truthDocs reads the truth texts and builds their documents.
func truthDocs(b *testing.B) ([]*document.Document, int64) {
	b.Helper()
	names, texts, err := eval.LoadTruthTexts()
	if errors.Is(err, eval.ErrNoData) || errors.Is(err, os.ErrNotExist) {
		b.Skip("no WCXB truth texts (../shared/data) here")
	}
	if err != nil {
		b.Fatal(err)
	}
	var size int64
	docs := make([]*document.Document, len(texts))
	for i, t := range texts {
		docs[i] = document.New(names[i], t, document.Meta{})
		docs[i].Sentences()
		docs[i].Tokens()
		size += int64(len(t))
	}
	return docs, size
}

// cpuTime is the CPU time this process has used (all threads, user and
// system). The machine is shared, so wall-clock MB/s swings with other
// load; MB per CPU-second is the speed per core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// measure runs fn b.N times and reports MB per CPU-second beside the
// wall-clock MB/s.
func measure(b *testing.B, size int64, fn func()) {
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		fn()
	}
	b.StopTimer()
	if cpu := (cpuTime() - start).Seconds(); cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu, "MB/cpu-s")
	}
}
