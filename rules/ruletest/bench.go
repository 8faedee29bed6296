package ruletest

import (
	"errors"
	"os"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/shareddata"
)

// WCXBDocs builds the documents of the WCXB development texts of one kind
// ("truth": about 10 MB of clean articles; "pages": 14 MB of whole pages)
// with meta, sentences and tokens computed, for benchmarks that time the
// rules and not the document model. It skips when ../shared is absent.
func WCXBDocs(b testing.TB, kind string, meta document.Meta) ([]*document.Document, int64) {
	b.Helper()
	paths, err := shareddata.WCXBFiles(kind)
	if errors.Is(err, shareddata.ErrNoData) {
		b.Skip("no WCXB " + kind + " texts (../shared/data) here")
	}
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]*document.Document, 0, len(paths))
	var size int64
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		d := document.New(p, src, meta)
		d.Sentences()
		d.Tokens()
		docs = append(docs, d)
		size += int64(len(src))
	}
	return docs, size
}

// MeasureCPU runs fn b.N times and reports MB per CPU-second beside the
// wall-clock MB/s: the machine is shared, so wall-clock MB/s swings with
// other load while MB per CPU-second is the speed per core.
func MeasureCPU(b *testing.B, size int64, fn func()) {
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
