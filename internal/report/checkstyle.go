package report

import (
	"bufio"
	"encoding/xml"
	"io"

	"github.com/dochygiene/hygiene/rules"
)

func init() { Register("checkstyle", WriteCheckstyle) }

type checkstyleLog struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// WriteCheckstyle writes Checkstyle XML (version 4.3, the dialect Jenkins,
// reviewdog and most CI dashboards read): one <file> per path, in report
// order, with an <error> per finding whose source is the rule ID.
func WriteCheckstyle(w io.Writer, r *Report, _ Options) error {
	out := checkstyleLog{Version: "4.3"}
	for i := range r.Items {
		it := &r.Items[i]
		if n := len(out.Files); n == 0 || out.Files[n-1].Name != it.Path {
			out.Files = append(out.Files, checkstyleFile{Name: it.Path})
		}
		f := &out.Files[len(out.Files)-1]
		f.Errors = append(f.Errors, checkstyleError{
			Line: it.Line, Column: it.Column, Severity: checkstyleSeverity(it.Severity),
			Message: recordPrefix(it) + it.Message, Source: it.Rule.ID,
		})
	}
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString(xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	if _, err := bw.WriteString("\n"); err != nil {
		return err
	}
	return bw.Flush()
}

func checkstyleSeverity(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "info"
}
