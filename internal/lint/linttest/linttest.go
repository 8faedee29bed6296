// Package linttest holds what tests that drive the runner share: the
// findings of a run, one string each, to compare two runs finding for
// finding. It is apart from internal/testutil, which the runner's own
// tests import.
package linttest

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/lint"
)

// Findings lints path with opts and returns its findings in report order,
// each as its document (a record's id, else the file's base name without
// .txt, so a record and its file compare equal), rule, byte span and
// message. A run without findings fails the test: it would show little.
func Findings(t testing.TB, opts lint.Options, path string) []string {
	t.Helper()
	r, err := lint.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Lint([]string{path})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Report.Items) == 0 {
		t.Fatalf("%s: no findings: the test shows little", path)
	}
	out := make([]string, len(res.Report.Items))
	for i, it := range res.Report.Items {
		name := strings.TrimSuffix(filepath.Base(it.Path), ".txt")
		if it.Record != "" {
			name = it.Record
		}
		out[i] = fmt.Sprintf("%s %s@%d-%d %q", name, it.Rule.ID, it.Start, it.End, it.Message)
	}
	return out
}
