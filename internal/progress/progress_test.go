package progress

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestLineShowsDocumentsRateAndETA(t *testing.T) {
	var buf bytes.Buffer
	m := New(&buf, 100e6)
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	now := t0
	m.now = func() time.Time { return now }
	m.Phase("checking")
	now = t0.Add(2 * time.Second)
	m.Add(1500, 25e6)
	if got, want := m.Line(now), "checking: 1500 documents, 25.0 MB of 100.0 MB, 12.5 MB/s, ETA 6s"; got != want {
		t.Errorf("line %q, want %q", got, want)
	}
	if !strings.Contains(buf.String(), "1500 documents") {
		t.Errorf("not drawn: %q", buf.String())
	}
	// Within the redraw interval nothing more is written.
	n := buf.Len()
	now = now.Add(interval / 2)
	m.Add(1, 1)
	if buf.Len() != n {
		t.Error("redrawn within the interval")
	}
	m.Done()
	if !strings.HasSuffix(buf.String(), "\r\x1b[K") {
		t.Errorf("Done did not erase the line: %q", buf.String())
	}
}

func TestNilMeterIsSilent(t *testing.T) {
	m := New(nil, 10)
	m.Phase("x")
	m.Add(1, 1)
	m.Done() // no panic, nothing to write to
	if m != nil {
		t.Error("a meter without a writer should be nil")
	}
}

func TestUnknownTotalHasNoETA(t *testing.T) {
	m := New(&bytes.Buffer{}, 0)
	t0 := time.Now()
	m.now = func() time.Time { return t0 }
	m.start = t0
	m.Add(3, 3e6)
	if line := m.Line(t0.Add(time.Second)); strings.Contains(line, "ETA") || strings.Contains(line, " of ") {
		t.Errorf("line %q", line)
	}
}
