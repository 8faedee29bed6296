package cli

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/dochygiene/hygiene/internal/lint"
	"github.com/dochygiene/hygiene/internal/report"
	"github.com/dochygiene/hygiene/rules"
)

// Bulk runs find hundreds of thousands of findings (a whole-page ingest
// gives one per furniture line): holding them all for the writer took
// about 2 GB for 100 MB of pages. The text and JSON formats are therefore
// written as each document finishes, and the findings are not kept. The
// output is byte for byte what report.WriteText and report.WriteJSON
// write for the whole report; the JSON object names the number of
// documents before the findings, so its findings wait in a temporary file
// until the run ends. Other formats, and the baseline flags, take the
// whole report (runLint).

// streamable reports whether lint can write its output as it goes.
func (lf *lintFlags) streamable() bool {
	g := lf.gate
	if g.Baseline != "" || g.WriteBaseline != "" || g.NewFromRev != "" {
		return false
	}
	return lf.format == "text" || lf.format == "json"
}

// runLintStream is runLint for the streamable formats. Each document's
// findings are formatted on the worker that found them (lint.Options
// Render) and written here in input order.
func runLintStream(e *env, lf *lintFlags, runner *lint.Runner, args []string, color bool, fail rules.Severity) error {
	opts := report.Options{Color: color, Quiet: lf.quiet, Version: Version}
	var out streamWriter
	if lf.format == "json" {
		js, err := newJSONStream(e.stdout)
		if err != nil {
			return withCode(ExitError, err)
		}
		defer js.discard()
		out = js
	} else {
		out = &textStream{w: bufio.NewWriterSize(e.stdout, 64<<10), opts: opts}
	}
	runner.SetRender(out.render)
	counts := map[rules.Severity]int{}
	res, err := runner.Each(args, func(c *lint.Checked) error {
		countSeverities(counts, c.Items)
		err := out.write(c.Rendered)
		for _, b := range c.Rendered {
			releaseRendered(b)
		}
		if err != nil {
			return fmt.Errorf("writing output: %v", err)
		}
		return nil
	})
	if err != nil {
		return withCode(ExitError, err)
	}
	failed := printProblems(e, res.Problems, lf.quiet)
	if err := out.finish(res.Report.Documents, counts); err != nil {
		return withCode(ExitError, fmt.Errorf("writing output: %v", err))
	}
	lf.bulk.printStats(e, lf.quiet, res.Stats)
	switch {
	case failed:
		return withCode(ExitError, nil)
	case fail != 0 && atLeast(counts, fail):
		return withCode(ExitFindings, nil)
	}
	return nil
}

// countSeverities adds the items to counts by severity: counted in an
// array first, as a map update per finding was a tenth of a percent of
// a whole-page run.
func countSeverities(counts map[rules.Severity]int, items []report.Item) {
	var small [rules.Error + 1]int
	for i := range items {
		if sev := items[i].Severity; sev >= 0 && int(sev) < len(small) {
			small[sev]++
		} else {
			counts[sev]++
		}
	}
	for sev, n := range small {
		if n > 0 {
			counts[rules.Severity(sev)] += n
		}
	}
}

func atLeast(counts map[rules.Severity]int, level rules.Severity) bool {
	for sev, n := range counts {
		if sev >= level && n > 0 {
			return true
		}
	}
	return false
}

// streamWriter formats one document's findings (render, on any goroutine)
// and writes the formatted documents in order (write), then the end. A
// document is rendered in pieces of up to chunkFindings findings, each in
// a pooled buffer (renderChunks).
type streamWriter interface {
	render(items []report.Item) ([][]byte, error)
	write(rendered [][]byte) error
	finish(documents int, counts map[rules.Severity]int) error
}

// textStream writes report.WriteText's lines per document and its summary
// line at the end.
type textStream struct {
	w    *bufio.Writer
	opts report.Options
}

func (s *textStream) render(items []report.Item) ([][]byte, error) {
	if len(items) == 0 {
		return nil, nil
	}
	if !s.opts.Color {
		return renderChunks(items, "", report.AppendTextLines), nil
	}
	lines := s.opts
	lines.Quiet = true // the summary comes once, at the end
	b := bytes.NewBuffer(renderBuffer())
	err := report.WriteText(b, &report.Report{Items: items}, lines)
	return [][]byte{b.Bytes()}, err
}

func (s *textStream) write(rendered [][]byte) error {
	for _, b := range rendered {
		if _, err := s.w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

func (s *textStream) finish(documents int, counts map[rules.Severity]int) error {
	if !s.opts.Quiet {
		fmt.Fprintln(s.w, report.SummaryOf(counts, documents))
	}
	return s.w.Flush()
}

// jsonStream keeps each document's findings, as report.WriteJSON renders
// them, in a temporary file, and writes the object at the end.
type jsonStream struct {
	w     io.Writer
	spill *os.File
	buf   *bufio.Writer
	any   bool
}

func newJSONStream(w io.Writer) (*jsonStream, error) {
	f, err := os.CreateTemp("", "hygiene-findings-*.json")
	if err != nil {
		return nil, fmt.Errorf("temporary file for the JSON findings: %v", err)
	}
	return &jsonStream{w: w, spill: f, buf: bufio.NewWriterSize(f, 256<<10)}, nil
}

// jsonFrame splits report.WriteJSON's output for a report into the part
// up to the findings array's opening bracket, the findings, and the rest
// from the closing bracket's indentation on.
func jsonFrame(r *report.Report) (head, body, tail []byte, err error) {
	var b bytes.Buffer
	if err := report.WriteJSON(&b, r, report.Options{}); err != nil {
		return nil, nil, nil, err
	}
	out := b.Bytes()
	const key = `"findings": [`
	i := bytes.Index(out, []byte(key))
	j := bytes.LastIndexByte(out, ']')
	if i < 0 || j < i+len(key) {
		return nil, nil, nil, errors.New("unexpected JSON layout from the json format")
	}
	head, inner, tail := out[:i+len(key)], out[i+len(key):j], out[j:]
	if len(bytes.TrimSpace(inner)) == 0 {
		return head, nil, tail, nil
	}
	// inner is "\n" + findings + "\n" + indentation.
	last := bytes.LastIndexByte(inner, '\n')
	return head, inner[1:last], append(bytes.Clone(inner[last:]), tail...), nil
}

func (s *jsonStream) render(items []report.Item) ([][]byte, error) {
	if len(items) == 0 {
		return nil, nil
	}
	return renderChunks(items, ",\n", report.AppendJSONFindings), nil
}

// chunkFindings is the most findings rendered into one buffer: about 40 KB
// of JSON. A page with thousands of findings renders megabytes; in one
// buffer each, too large to keep for reuse (maxKeptRender), they were a
// third of a whole-page --per-document run's allocation (82 of 244 MB on
// the 736 WCXB pages), so a third of its collections.
const chunkFindings = 64

// renderChunks renders items in pieces of up to chunkFindings findings,
// each appended by appendItems to a pooled buffer, the pieces after the
// first led by sep: written one after the other, the pieces are
// appendItems' output for all the items at once.
func renderChunks(items []report.Item, sep string, appendItems func([]byte, []report.Item) []byte) [][]byte {
	chunks := make([][]byte, 0, (len(items)+chunkFindings-1)/chunkFindings)
	for start := 0; start < len(items); start += chunkFindings {
		b := renderBuffer()
		if start > 0 {
			b = append(b, sep...)
		}
		chunks = append(chunks, appendItems(b, items[start:min(start+chunkFindings, len(items))]))
	}
	return chunks
}

// renderBuffers recycle the buffers documents are rendered into: once
// written, a document's bytes are dead, and a new buffer per document was
// most of a whole-page run's garbage (115 MB on the 736 WCXB pages).
var renderBuffers = sync.Pool{New: func() any { return new([]byte) }}

// renderBuffer returns an empty buffer with room, for one document.
func renderBuffer() []byte {
	return (*renderBuffers.Get().(*[]byte))[:0]
}

// maxKeptRender is the largest buffer released for reuse. A page with
// thousands of findings rendered megabytes into one buffer; kept in the
// pool, such buffers stayed live through the whole run and, doubled by the
// collector's goal, lifted corpus-mode peak RSS on the 106 MB bench corpus
// from 89 to 106 MB with -j 1 and from 122 to 175 MB with -j 2 (same CPU
// time). Chunks (renderChunks) stay below it but for a few findings with
// very long fixes.
const maxKeptRender = 256 << 10

// releaseRendered hands a written document's buffer back, unless it is
// empty or larger than maxKeptRender.
func releaseRendered(b []byte) {
	if cap(b) == 0 || cap(b) > maxKeptRender {
		return
	}
	b = b[:0]
	renderBuffers.Put(&b)
}

func (s *jsonStream) write(rendered [][]byte) error {
	if len(rendered) == 0 {
		return nil
	}
	if s.any {
		if _, err := s.buf.WriteString(",\n"); err != nil {
			return err
		}
	}
	s.any = true
	for _, b := range rendered {
		if _, err := s.buf.Write(b); err != nil {
			return err
		}
	}
	return nil
}

func (s *jsonStream) finish(documents int, _ map[rules.Severity]int) error {
	head, _, emptyTail, err := jsonFrame(&report.Report{Documents: documents})
	if err != nil {
		return err
	}
	if !s.any {
		_, err := s.w.Write(append(head, emptyTail...))
		return err
	}
	// What follows the last finding: the array's closing indentation, as
	// report.WriteJSON writes it for a report with findings.
	_, _, closing, err := jsonFrame(&report.Report{Items: []report.Item{{Rule: &rules.Rule{ID: "text/x"}}}})
	if err != nil {
		return err
	}
	if err := s.buf.Flush(); err != nil {
		return err
	}
	if _, err := s.spill.Seek(0, io.SeekStart); err != nil {
		return err
	}
	// The findings go straight from the file to the output: to a file or
	// a pipe the kernel copies them (copy_file_range, splice), where a
	// buffer in between read and wrote them again (100 MB for the WCXB
	// pages).
	if _, err := s.w.Write(append(head[:len(head):len(head)], '\n')); err != nil {
		return err
	}
	if _, err := io.Copy(s.w, s.spill); err != nil {
		return err
	}
	_, err = s.w.Write(closing)
	return err
}

// discard removes the temporary file.
func (s *jsonStream) discard() {
	_ = s.spill.Close()
	_ = os.Remove(s.spill.Name())
}
