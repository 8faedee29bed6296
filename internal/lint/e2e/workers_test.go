package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/lint"
	"github.com/dochygiene/hygiene/internal/shareddata"
)

// TestTwoWorkersFindWhatOneFinds lints the seeds and the WCXB development
// pages and truth texts with every rule, at one worker and at two, in
// both modes, as plain files and as JSON Lines records: the findings must
// be the same, finding for finding (a record's as its file's). Run with
// -race, it checks that what the families keep per document (the
// boilerplate analysis, the shared scans of document.Memo) and a record's
// recycled line and text are never read by one worker while the other
// drops or recycles them.
func TestTwoWorkersFindWhatOneFinds(t *testing.T) {
	texts := realTexts(t)
	if testing.Short() {
		texts = texts[:min(len(texts), 120)]
	}
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain")
	records := filepath.Join(dir, "records.jsonl")
	if err := os.Mkdir(plain, 0o755); err != nil {
		t.Fatal(err)
	}
	var lines bytes.Buffer
	enc := json.NewEncoder(&lines)
	for i, text := range texts {
		name := strconv.Itoa(1000 + i)
		if err := os.WriteFile(filepath.Join(plain, name+".txt"), text, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := enc.Encode(map[string]string{"id": name, "text": string(text)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(records, lines.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, perDoc := range []bool{true, false} {
		one := lintFindings(t, lint.Options{Jobs: 1, PerDocument: perDoc}, plain)
		if len(one) == 0 {
			t.Fatal("no findings: the texts no longer exercise the rules")
		}
		sameFindings(t, fmt.Sprintf("plain, per-document=%v, two workers", perDoc), one,
			lintFindings(t, lint.Options{Jobs: 2, PerDocument: perDoc}, plain))
		recordsOne := lintFindings(t, lint.Options{Jobs: 1, PerDocument: perDoc}, records)
		sameFindings(t, fmt.Sprintf("records, per-document=%v, two workers", perDoc), recordsOne,
			lintFindings(t, lint.Options{Jobs: 2, PerDocument: perDoc}, records))
		if perDoc { // corpus rules count sources, which differ between the two
			sameFindings(t, "records as files", one, recordsOne)
		}
	}
}

func sameFindings(t *testing.T, name string, want, got []string) {
	t.Helper()
	if len(want) != len(got) {
		t.Errorf("%s: %d findings, want %d", name, len(got), len(want))
	}
	for i := range min(len(want), len(got)) {
		if want[i] != got[i] {
			t.Fatalf("%s: finding %d differs:\n%s\nwant\n%s", name, i, got[i], want[i])
		}
	}
}

// realTexts are the seeds and the WCXB development pages and truth texts.
func realTexts(t *testing.T) [][]byte {
	t.Helper()
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "..", "testdata", "seeds", "*.txt"))
	var texts [][]byte
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, b)
	}
	wcxb, err := shareddata.WCXBTexts("pages", "truth")
	if err != nil {
		t.Fatal(err)
	}
	return append(texts, wcxb...)
}

func lintFindings(t *testing.T, opts lint.Options, path string) []string {
	t.Helper()
	r, err := lint.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Lint([]string{path})
	if err != nil {
		t.Fatal(err)
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
