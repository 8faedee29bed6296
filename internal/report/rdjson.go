package report

import (
	"encoding/json"
	"io"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// ByteRange is a span as 1-based lines and 1-based columns counted in
// UTF-8 bytes; the end is exclusive (it may be column 1 of the next line).
type ByteRange struct {
	Line, Column, EndLine, EndColumn int
}

// byteRanges locates a finding and the edits of its fix in byte columns.
func byteRanges(doc *document.Document, f rules.Finding) (ByteRange, []ByteRange) {
	span := byteRange(doc, f.Start, f.End)
	if f.Fix == nil {
		return span, nil
	}
	edits := make([]ByteRange, len(f.Fix.Edits))
	for i, e := range f.Fix.Edits {
		edits[i] = byteRange(doc, e.Start, e.End)
	}
	return span, edits
}

func byteRange(doc *document.Document, start, end int) ByteRange {
	var r ByteRange
	r.Line, r.Column = bytePosition(doc, start)
	r.EndLine, r.EndColumn = bytePosition(doc, end)
	return r
}

// bytePosition is doc.Position with columns in bytes. An offset inside a
// line terminator stays on its line, past the text's end.
func bytePosition(doc *document.Document, off int) (line, col int) {
	off = max(0, min(off, len(doc.Src)))
	i := doc.LineAt(off)
	return i + 1, max(0, off-doc.Lines[i].Start) + 1
}

func init() { Register("rdjson", WriteRDJSON) }

// reviewdog's Diagnostic Format (rdjson), one DiagnosticResult.
type rdResult struct {
	Source      rdSource       `json:"source"`
	Severity    string         `json:"severity,omitempty"`
	Diagnostics []rdDiagnostic `json:"diagnostics"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdDiagnostic struct {
	Message     string         `json:"message"`
	Location    rdLocation     `json:"location"`
	Severity    string         `json:"severity"`
	Code        rdCode         `json:"code"`
	Suggestions []rdSuggestion `json:"suggestions,omitempty"`
}

type rdLocation struct {
	Path  string  `json:"path"`
	Range rdRange `json:"range"`
}

type rdRange struct {
	Start rdPosition `json:"start"`
	End   rdPosition `json:"end"`
}

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type rdCode struct {
	Value string `json:"value"`
}

type rdSuggestion struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}

// ProjectURL names the tool in formats that link to it.
const ProjectURL = "https://github.com/dochygiene/hygiene"

// WriteRDJSON writes reviewdog's rdjson: columns count UTF-8 bytes and
// ranges end exclusive, as reviewdog expects; every edit of a fix becomes
// a suggestion.
func WriteRDJSON(w io.Writer, r *Report, _ Options) error {
	out := rdResult{Source: rdSource{Name: "hygiene", URL: ProjectURL}, Diagnostics: make([]rdDiagnostic, 0, len(r.Items))}
	for i := range r.Items {
		it := &r.Items[i]
		d := rdDiagnostic{
			Message:  recordPrefix(it) + it.Message,
			Location: rdLocation{Path: it.Path, Range: rdRangeOf(it.Bytes)},
			Severity: rdSeverity(it.Severity),
			Code:     rdCode{Value: it.Rule.ID},
		}
		if it.Fix != nil {
			for j, e := range it.Fix.Edits {
				if j < len(it.EditBytes) {
					d.Suggestions = append(d.Suggestions, rdSuggestion{Range: rdRangeOf(it.EditBytes[j]), Text: e.Text})
				}
			}
		}
		out.Diagnostics = append(out.Diagnostics, d)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func rdRangeOf(b ByteRange) rdRange {
	return rdRange{Start: rdPosition{b.Line, b.Column}, End: rdPosition{b.EndLine, b.EndColumn}}
}

func rdSeverity(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "ERROR"
	case rules.Warning:
		return "WARNING"
	case rules.Info:
		return "INFO"
	}
	return "UNKNOWN_SEVERITY"
}

// recordPrefix names the JSON Lines record a finding is in, for formats
// with no field of their own for it; lines and columns are then inside the
// record's text.
func recordPrefix(it *Item) string {
	if it.Record == "" {
		return ""
	}
	return "[record " + it.Record + "] "
}
