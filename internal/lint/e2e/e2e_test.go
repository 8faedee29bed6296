package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/dochygiene/hygiene/internal/corpus"
	"github.com/dochygiene/hygiene/internal/lint"
	"github.com/dochygiene/hygiene/internal/report"
)

// TestJSONLRecordsLintLikeFiles lints the records of the JSON Lines
// fixture and the same texts as plain files, with every rule: each record
// must get exactly the findings of its file, at the same offsets, so a
// finding's offsets point into the record's text.
func TestJSONLRecordsLintLikeFiles(t *testing.T) {
	fixture := filepath.Join("..", "..", "..", "testdata", "jsonl", "wcxb-sample.jsonl.zst")
	dir := t.TempDir()
	var ids []string
	err := corpus.Each([]corpus.File{{Path: fixture}}, corpus.Options{}, func(u corpus.Unit) error {
		ids = append(ids, u.Record.ID)
		return os.WriteFile(filepath.Join(dir, u.Record.ID+".txt"), u.Text, 0o644)
	}, func(p corpus.Problem) { t.Errorf("fixture: %v", p) })
	if err != nil || len(ids) != 6 {
		t.Fatalf("fixture: %d records, %v", len(ids), err)
	}
	fromRecords := findings(t, fixture, func(it report.Item) string { return it.Record })
	fromFiles := findings(t, dir, func(it report.Item) string {
		return filepath.Base(it.Path[:len(it.Path)-len(".txt")])
	})
	if len(fromFiles) == 0 {
		t.Fatal("no findings: the fixture no longer exercises the rules")
	}
	n := 0
	for _, f := range fromFiles {
		n += len(f)
	}
	t.Logf("%d findings over %d records", n, len(ids))
	for _, id := range ids {
		a, b := fromRecords[id], fromFiles[id]
		if fmt.Sprint(a) != fmt.Sprint(b) {
			t.Errorf("record %s: %d findings, as a file %d:\n%v\nvs\n%v", id, len(a), len(b), a, b)
		}
	}
}

func findings(t *testing.T, path string, key func(report.Item) string) map[string][]string {
	t.Helper()
	r, err := lint.New(lint.Options{Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Lint([]string{path})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, it := range res.Report.Items {
		k := key(it)
		out[k] = append(out[k], fmt.Sprintf("%s@%d-%d %d:%d %q", it.Rule.ID, it.Start, it.End, it.Line, it.Column, it.Message))
	}
	return out
}
