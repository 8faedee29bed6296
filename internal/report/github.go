package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/dochygiene/hygiene/rules"
)

func init() { Register("github", WriteGitHub) }

// WriteGitHub writes GitHub Actions workflow commands, one per finding:
//
//	::error file=a.txt,line=3,col=1,endLine=3,endColumn=6,title=RULE::message
//
// Info findings become notices. Values are escaped as the runner expects:
// %, CR and LF everywhere, and also : and , inside properties.
func WriteGitHub(w io.Writer, r *Report, _ Options) error {
	bw := bufio.NewWriter(w)
	for i := range r.Items {
		it := &r.Items[i]
		fmt.Fprintf(bw, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			githubLevel(it.Severity), githubProperty(it.Path), it.Line, it.Column, it.EndLine, it.EndColumn,
			githubProperty(it.Rule.ID), githubData(recordPrefix(it)+it.Message))
	}
	return bw.Flush()
}

func githubLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "notice"
}

var (
	githubDataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// githubData escapes a command's message.
func githubData(s string) string { return githubDataEscaper.Replace(s) }

// githubProperty escapes a command property value.
func githubProperty(s string) string { return githubPropertyEscaper.Replace(s) }
