package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/lint"
	"github.com/dochygiene/hygiene/internal/report"
	"github.com/dochygiene/hygiene/rules"
)

// TestStreamedOutputIsTheWholeReportsOutput checks that lint's streamed
// text and JSON are byte for byte what the writers give for the whole
// report, on plain files and JSON Lines, with findings and without.
func TestStreamedOutputIsTheWholeReportsOutput(t *testing.T) {
	clean := filepath.Join(t.TempDir(), "clean.txt")
	jlMust(t, os.WriteFile(clean, []byte("A short clean paragraph of text.\n"), 0o644))
	inputs := map[string][]string{
		"findings": {filepath.Join("..", "..", "testdata", "seeds"), filepath.Join("..", "..", "testdata", "jsonl", "wcxb-sample.jsonl.gz")},
		"clean":    {clean},
	}
	for name, args := range inputs {
		r, err := lint.New(lint.Options{})
		if err != nil {
			t.Fatal(err)
		}
		res, err := r.Lint(args)
		if err != nil {
			t.Fatal(err)
		}
		if name == "findings" && len(res.Report.Items) == 0 {
			t.Fatal("no findings: the comparison would test nothing")
		}
		for _, c := range []struct {
			format string
			quiet  bool
			write  report.Writer
		}{{"json", false, report.WriteJSON}, {"text", false, report.WriteText}, {"text", true, report.WriteText}} {
			var want bytes.Buffer
			jlMust(t, c.write(&want, res.Report, report.Options{Quiet: c.quiet}))
			cmd := append([]string{"lint", "--color", "never", "--format", c.format}, args...)
			if c.quiet {
				cmd = append(cmd, "-q")
			}
			got, stderr, code := jlRun(t, "", cmd...)
			if code == ExitError {
				t.Fatalf("%s %s: exit 2: %s", name, c.format, stderr)
			}
			if got != want.String() {
				t.Errorf("%s, %s (quiet %v): streamed output differs from the whole report's (%d vs %d bytes)",
					name, c.format, c.quiet, len(got), want.Len())
			}
			if wantCode := map[bool]int{true: ExitFindings, false: ExitOK}[len(res.Report.Items) > 0]; code != wantCode {
				t.Errorf("%s %s: exit %d, want %d", name, c.format, code, wantCode)
			}
		}
	}
}

// A buffer larger than maxKeptRender is not kept for the next document:
// pooled, a page's megabytes of findings stayed live for the whole run.
func TestLargeRenderBuffersNotKept(t *testing.T) {
	releaseRendered(make([]byte, 10, 4*maxKeptRender))
	for range 8 {
		if b := renderBuffer(); cap(b) > maxKeptRender {
			t.Fatalf("a released %d-byte buffer came back for reuse", cap(b))
		}
	}
	small := make([]byte, 10, 1024)
	releaseRendered(small)
	if b := renderBuffer(); len(b) != 0 {
		t.Errorf("a reused buffer holds %d bytes, want none", len(b))
	}
}

// Rendered in chunks, a document's findings are, joined, what the writers
// give for all of them at once, however many findings a chunk boundary
// falls among; the text too.
func TestRenderedChunksJoinToTheWholeOutput(t *testing.T) {
	ruleSet := []*rules.Rule{{ID: "boilerplate/structure"}, {ID: "boilerplate/line-model"}, {ID: "text/\"odd\""}}
	for _, n := range []int{1, 2, chunkFindings - 1, chunkFindings, chunkFindings + 1, 2 * chunkFindings, 5*chunkFindings + 7} {
		items := make([]report.Item, n)
		for k := range items {
			items[k] = report.Item{Path: "dir/page.txt", Rule: ruleSet[k%len(ruleSet)], Line: k + 1, Column: 1,
				EndLine: k + 1, EndColumn: 9, Finding: rules.Finding{Severity: rules.Severity(1 + k%3),
					Message: fmt.Sprintf("finding %d of %d\n(\"quoted\")", k%5, n), Start: 10 * k, End: 10*k + 8}}
			if k%4 != 0 {
				items[k].Fix = &fixers.Fix{Message: "remove the line", Safety: fixers.Safety(k % 3),
					Edits: []fixers.Edit{{Start: 10 * k, End: 10*k + 9, Text: strings.Repeat("x", k%2)}}}
			}
		}
		js := &jsonStream{}
		chunks, err := js.render(items)
		jlMust(t, err)
		if want := (n + chunkFindings - 1) / chunkFindings; len(chunks) != want {
			t.Errorf("%d findings: %d chunks, want %d", n, len(chunks), want)
		}
		if got, want := bytes.Join(chunks, nil), report.AppendJSONFindings(nil, items); !bytes.Equal(got, want) {
			t.Errorf("%d findings: JSON chunks joined differ from the whole:\n got %.300q\nwant %.300q", n, got, want)
		}
		ts := &textStream{}
		chunks, err = ts.render(items)
		jlMust(t, err)
		var want bytes.Buffer
		jlMust(t, report.WriteText(&want, &report.Report{Items: items}, report.Options{Quiet: true}))
		if got := bytes.Join(chunks, nil); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%d findings: text chunks joined differ from the whole:\n got %.300q\nwant %.300q", n, got, want.Bytes())
		}
	}
}

// countSeverities counts as a map update per finding did, the severities
// outside the usual three included.
func TestCountSeveritiesMatchesAMapPerFinding(t *testing.T) {
	var items []report.Item
	for k := range 500 {
		items = append(items, report.Item{Finding: rules.Finding{Severity: rules.Severity(k*7%6 - 1)}})
	}
	want := map[rules.Severity]int{rules.Warning: 2}
	got := map[rules.Severity]int{rules.Warning: 2}
	for _, it := range items {
		want[it.Severity]++
	}
	countSeverities(got, items)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("counts %v, want %v", got, want)
	}
}
