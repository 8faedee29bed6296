// Package progress draws a one-line progress display on a terminal during
// a long run: documents, megabytes, rate and time left.
package progress

import (
	"fmt"
	"io"
	"time"
)

// interval is how often the line is redrawn: often enough to look alive,
// rarely enough to cost nothing.
const interval = 200 * time.Millisecond

// Meter is a progress line. A nil *Meter is valid and draws nothing, so
// callers need no checks when progress is off.
type Meter struct {
	w     io.Writer
	total int64 // bytes expected per phase; 0 when unknown
	label string
	start time.Time
	last  time.Time
	docs  int
	bytes int64
	drawn bool
	now   func() time.Time
}

// New returns a meter writing to w, or nil when w is nil. total is the
// number of input bytes a phase reads (0 when unknown: no ETA).
func New(w io.Writer, total int64) *Meter {
	if w == nil {
		return nil
	}
	m := &Meter{w: w, total: total, now: time.Now}
	m.start = m.now()
	return m
}

// Phase starts a new pass over the input (a corpus run reads it twice).
func (m *Meter) Phase(label string) {
	if m == nil {
		return
	}
	m.label, m.docs, m.bytes = label, 0, 0
	m.start = m.now()
}

// Add counts finished documents and the input bytes they used, and
// redraws the line at most every interval.
func (m *Meter) Add(docs int, bytes int64) {
	if m == nil {
		return
	}
	m.docs += docs
	m.bytes += bytes
	if now := m.now(); now.Sub(m.last) >= interval {
		m.last = now
		m.draw(now)
	}
}

// Done erases the line so the summary and output start on a clean line.
func (m *Meter) Done() {
	if m == nil || !m.drawn {
		return
	}
	fmt.Fprint(m.w, "\r\x1b[K")
	m.drawn = false
}

func (m *Meter) draw(now time.Time) {
	fmt.Fprint(m.w, "\r\x1b[K"+m.Line(now))
	m.drawn = true
}

// Line is the text of the progress line at time now.
func (m *Meter) Line(now time.Time) string {
	elapsed := now.Sub(m.start).Seconds()
	rate := 0.0
	if elapsed > 0 {
		rate = float64(m.bytes) / elapsed
	}
	s := ""
	if m.label != "" {
		s = m.label + ": "
	}
	noun := "documents"
	if m.docs == 1 {
		noun = "document"
	}
	s += fmt.Sprintf("%d %s, %s", m.docs, noun, MB(m.bytes))
	if m.total > 0 {
		s += fmt.Sprintf(" of %s", MB(m.total))
	}
	s += fmt.Sprintf(", %s/s", MB(int64(rate)))
	if m.total > 0 && rate > 0 && m.bytes <= m.total {
		left := time.Duration(float64(m.total-m.bytes) / rate * float64(time.Second))
		s += ", ETA " + left.Round(time.Second).String()
	}
	return s
}

// MB formats a byte count in megabytes (10^6 bytes) with one decimal.
func MB(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }
