package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/dochygiene/hygiene/internal/lint"
	"github.com/dochygiene/hygiene/internal/report"
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
