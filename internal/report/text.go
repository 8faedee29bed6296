package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/fatih/color"

	"github.com/dochygiene/hygiene/rules"
)

// WriteText writes `path:line:col: severity rule: message` lines and a
// one-line summary.
func WriteText(w io.Writer, r *Report, opts Options) error {
	if !opts.Color {
		return writePlainText(w, r, opts)
	}
	bw := bufio.NewWriter(w)
	sevColor := map[rules.Severity]*color.Color{
		rules.Error:   color.New(color.FgRed, color.Bold),
		rules.Warning: color.New(color.FgYellow),
		rules.Info:    color.New(color.FgCyan),
	}
	pathColor := color.New(color.Bold)
	for _, c := range sevColor {
		setColor(c, opts.Color)
	}
	setColor(pathColor, opts.Color)
	for i := range r.Items {
		it := &r.Items[i]
		loc := it.Path
		if it.Record != "" {
			loc += "#" + it.Record
		}
		fmt.Fprintf(bw, "%s: %s %s: %s\n",
			pathColor.Sprintf("%s:%d:%d", loc, it.Line, it.Column),
			sevColor[it.Severity].Sprint(it.Severity), it.Rule.ID, oneLine(it.Message))
	}
	if !opts.Quiet {
		fmt.Fprintln(bw, Summary(r))
	}
	return bw.Flush()
}

// writePlainText is WriteText without colour, the usual case in bulk runs
// (output to a file or pipe): the lines are appended to one buffer with no
// formatting calls. The lint stream calls it once per document, from the
// workers.
func writePlainText(w io.Writer, r *Report, opts Options) error {
	b := AppendTextLines(nil, r.Items)
	if !opts.Quiet {
		b = append(b, Summary(r)...)
		b = append(b, '\n')
	}
	_, err := w.Write(b)
	return err
}

// AppendTextLines appends the items' lines as WriteText writes them
// without colour: what a text report streamed document by document writes
// for each.
func AppendTextLines(b []byte, items []Item) []byte {
	for i := range items {
		it := &items[i]
		b = append(b, it.Path...)
		if it.Record != "" {
			b = append(b, '#')
			b = append(b, it.Record...)
		}
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(it.Line), 10)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(it.Column), 10)
		b = append(b, ": "...)
		b = append(b, it.Severity.String()...)
		b = append(b, ' ')
		b = append(b, it.Rule.ID...)
		b = append(b, ": "...)
		b = appendOneLine(b, it.Message)
		b = append(b, '\n')
	}
	return b
}

// appendOneLine appends s with its newlines turned into spaces.
func appendOneLine(b []byte, s string) []byte {
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			return append(b, s...)
		}
		b = append(b, s[:i]...)
		b = append(b, ' ')
		s = s[i+1:]
	}
}

func setColor(c *color.Color, on bool) {
	if on {
		c.EnableColor()
	} else {
		c.DisableColor()
	}
}

// Summary is the one-line summary of a run.
func Summary(r *Report) string { return SummaryOf(r.Counts(), r.Documents) }

// SummaryOf is the summary line from counts per severity, for a writer
// that streams findings and keeps only their counts.
func SummaryOf(c map[rules.Severity]int, documents int) string {
	n := c[rules.Error] + c[rules.Warning] + c[rules.Info]
	return fmt.Sprintf("%d %s (%d error, %d warning, %d info) in %d %s",
		n, plural(n, "finding"), c[rules.Error], c[rules.Warning], c[rules.Info],
		documents, plural(documents, "document"))
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }

// WriteJSON writes {"version":1,"documents":N,"findings":[...]}, indented
// by two spaces, as encoding/json writes jsonReport (json_write.go).
func WriteJSON(w io.Writer, r *Report, _ Options) error {
	_, err := w.Write(appendJSONReport(nil, r))
	return err
}
