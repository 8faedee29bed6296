package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/rules"
)

// TestPlainTextMatchesFormatted holds the append-based text writer to the
// fmt-based lines it replaced: records, multi-line messages, every
// severity, with and without the summary.
func TestPlainTextMatchesFormatted(t *testing.T) {
	rule := &rules.Rule{ID: "text/test", Severity: rules.Warning}
	items := []Item{
		{Path: "a.txt", Rule: rule, Finding: rules.Finding{Severity: rules.Error, Message: "one"}, Line: 1, Column: 1},
		{Path: "dir/b.jsonl", Record: "r-17", Rule: rule, Finding: rules.Finding{Severity: rules.Warning, Message: "two\nlines\n"}, Line: 120, Column: 3045},
		{Path: "é.txt", Rule: rule, Finding: rules.Finding{Severity: rules.Info, Message: ""}, Line: 7, Column: 0},
	}
	for _, quiet := range []bool{true, false} {
		r := &Report{Documents: 2, Items: items}
		var got bytes.Buffer
		if err := WriteText(&got, r, Options{Quiet: quiet}); err != nil {
			t.Fatal(err)
		}
		var want strings.Builder
		for _, it := range items {
			loc := it.Path
			if it.Record != "" {
				loc += "#" + it.Record
			}
			fmt.Fprintf(&want, "%s: %s %s: %s\n", fmt.Sprintf("%s:%d:%d", loc, it.Line, it.Column),
				fmt.Sprint(it.Severity), it.Rule.ID, strings.ReplaceAll(it.Message, "\n", " "))
		}
		if !quiet {
			fmt.Fprintln(&want, Summary(r))
		}
		if got.String() != want.String() {
			t.Errorf("quiet=%v:\n got %q\nwant %q", quiet, got.String(), want.String())
		}
	}
}
