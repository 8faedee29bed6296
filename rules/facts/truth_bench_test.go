package facts_test

import (
	"errors"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/eval"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/facts"
)

// BenchmarkFactsTruth runs the three facts rules over the 736 WCXB
// development truth texts (about 10 MB) when ../shared is present, once
// as they are (few carry a date line) and once with an article date, so
// that every check runs. The document model is built before the timer:
// every rule of a run shares it.
//
//	go test ./rules/facts -run XXX -bench FactsTruth -benchtime 3x -benchmem
func BenchmarkFactsTruth(b *testing.B) {
	for _, c := range []struct {
		name string
		date time.Time
	}{{"undated", time.Time{}}, {"dated", time.Date(2025, 9, 4, 0, 0, 0, 0, time.UTC)}} {
		b.Run(c.name, func(b *testing.B) {
			docs, size := truthDocs(b, c.date)
			measure(b, size, func() {
				for _, d := range docs {
					for _, r := range []*rules.Rule{facts.Weekday, facts.Known, facts.OutdatedTitle} {
						r.Run(rules.NewPass(r, d, nil, nil, r.Severity, func(rules.Finding) {}))
					}
				}
			})
		})
	}
}

// truthDocs reads the truth texts and builds their documents.
func truthDocs(b *testing.B, date time.Time) ([]*document.Document, int64) {
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
		docs[i] = document.New(names[i], t, document.Meta{Date: date})
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
