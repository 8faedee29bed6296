package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"

	"github.com/dochygiene/hygiene/internal/corpus"
)

// jlRun runs the command line in process.
func jlRun(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

func jlMust(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// jlFixtures copies the JSON Lines fixtures (plain, gzip, zstd) into a
// fresh directory.
func jlFixtures(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "in")
	jlMust(t, os.MkdirAll(dir, 0o755))
	for _, name := range []string{"wcxb-sample.jsonl", "wcxb-sample.jsonl.gz", "wcxb-sample.jsonl.zst"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "jsonl", name))
		if err != nil {
			t.Fatal(err)
		}
		jlMust(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	return dir
}

// jlLines decompresses a JSON Lines file by its name and splits its lines.
func jlLines(t *testing.T, path string) [][]byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var r io.Reader = f
	switch corpus.Compression(path) {
	case "gz":
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatalf("%s: not gzip: %v", path, err)
		}
		r = zr
	case "zst":
		zr, err := zstd.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		defer zr.Close()
		r = zr
	}
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return bytes.SplitAfter(bytes.TrimSuffix(data, []byte("\n")), []byte("\n"))
}

func TestLintJSONLSameFindingsInEveryCompression(t *testing.T) {
	dir := jlFixtures(t)
	byFile := map[string][]string{}
	out, stderr, code := jlRun(t, "", "lint", "--format", "json", dir)
	if code == 2 {
		t.Fatalf("exit 2: %s", stderr)
	}
	var rep struct {
		Documents int
		Findings  []struct {
			Path, Record, Rule string
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Documents != 18 {
		t.Errorf("documents %d, want 3 files x 6 records", rep.Documents)
	}
	for _, f := range rep.Findings {
		if !strings.HasPrefix(f.Record, "dev-000") {
			t.Errorf("finding without its record id: %+v", f)
		}
		byFile[filepath.Base(f.Path)] = append(byFile[filepath.Base(f.Path)], f.Record+" "+f.Rule)
	}
	plain := strings.Join(byFile["wcxb-sample.jsonl"], "\n")
	if plain == "" {
		t.Fatal("no findings on the WCXB pages: the fixture no longer exercises the rules")
	}
	for _, name := range []string{"wcxb-sample.jsonl.gz", "wcxb-sample.jsonl.zst"} {
		if got := strings.Join(byFile[name], "\n"); got != plain {
			t.Errorf("%s findings differ from the plain file's:\n%s\nvs\n%s", name, got, plain)
		}
	}
}

// TestFixJSONLRoundTrip fixes the fixtures into --out and checks, record by
// record, that every byte outside the text value is kept, that the text is
// what fixing it as a plain file gives, and that a second fix changes
// nothing.
func TestFixJSONLRoundTrip(t *testing.T) {
	dir := jlFixtures(t)
	outDir := filepath.Join(t.TempDir(), "out")
	_, stderr, code := jlRun(t, "", "fix", "--out", outDir, dir)
	if code != 0 {
		t.Fatalf("fix exit %d: %s", code, stderr)
	}
	changed := 0
	for _, name := range []string{"wcxb-sample.jsonl", "wcxb-sample.jsonl.gz", "wcxb-sample.jsonl.zst"} {
		in, out := jlLines(t, filepath.Join(dir, name)), jlLines(t, filepath.Join(outDir, name))
		if len(in) != len(out) {
			t.Fatalf("%s: %d lines in, %d out", name, len(in), len(out))
		}
		for i := range in {
			a, err := corpus.ParseRecord(bytes.TrimSuffix(in[i], []byte("\n")), i+1, corpus.JSONLOptions{})
			if err != nil {
				t.Fatal(err)
			}
			b, err := corpus.ParseRecord(bytes.TrimSuffix(out[i], []byte("\n")), i+1, corpus.JSONLOptions{})
			if err != nil {
				t.Fatalf("%s line %d: output is not a valid record: %v", name, i+1, err)
			}
			if !bytes.Equal(a.Raw[:a.TextStart], b.Raw[:b.TextStart]) || !bytes.Equal(a.Raw[a.TextEnd:], b.Raw[b.TextEnd:]) {
				t.Errorf("%s line %d: fields around the text changed", name, i+1)
			}
			want, stderr, code := jlRun(t, string(a.Text), "fix", "-")
			if code != 0 {
				t.Fatalf("fix - exit %d: %s", code, stderr)
			}
			if string(b.Text) != want {
				t.Errorf("%s record %s: text differs from fixing it as a plain file", name, a.ID)
			}
			if bytes.Equal(a.Text, b.Text) {
				if !bytes.Equal(in[i], out[i]) {
					t.Errorf("%s line %d: unchanged record not written back byte for byte", name, i+1)
				}
			} else {
				changed++
			}
		}
	}
	if changed == 0 {
		t.Fatal("no record changed: the round trip tested nothing")
	}
	t.Logf("%d of 18 records changed by the fix", changed)
	if _, stderr, code := jlRun(t, "", "fix", "--check", outDir); code != 0 {
		t.Errorf("fixing the fixed corpus would change it (exit %d): %s", code, stderr)
	}
}

func TestFixJSONLKeepsMalformedLinesAndReportsThem(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.jsonl")
	content := `{"id":"1","text":"Login\n\nKept text.\n","n":[1,2]}` + "\n{broken\n\n" + `{"id":"2","text":"clean"}` + "\n"
	jlMust(t, os.WriteFile(in, []byte(content), 0o600))
	_, stderr, code := jlRun(t, "", "fix", "--in-place", in)
	if code != 2 || !strings.Contains(stderr, "a.jsonl: line 2: invalid JSON") {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	got, _ := os.ReadFile(in)
	want := `{"id":"1","text":"Kept text.\n","n":[1,2]}` + "\n{broken\n\n" + `{"id":"2","text":"clean"}` + "\n"
	if string(got) != want {
		t.Errorf("in place:\n%s\nwant\n%s", got, want)
	}
	if info, _ := os.Stat(in); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 kept", info.Mode().Perm())
	}
}

func TestFixJSONLModes(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.jsonl.gz")
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, err := zw.Write([]byte(`{"id":"x1","text":"Login\n\nBody.\n"}` + "\n"))
	jlMust(t, err)
	jlMust(t, zw.Close())
	jlMust(t, os.WriteFile(in, buf.Bytes(), 0o644))
	before, _ := os.Stat(in)

	out, _, code := jlRun(t, "", "fix", "--check", in)
	if code != 1 || strings.TrimSpace(out) != in {
		t.Errorf("--check: exit %d, out %q", code, out)
	}
	out, _, code = jlRun(t, "", "fix", "--diff", in)
	if code != 0 || !strings.Contains(out, "a.jsonl.gz#x1") || !strings.Contains(out, "-Login") {
		t.Errorf("--diff: exit %d, out %q", code, out)
	}
	if after, _ := os.Stat(in); !after.ModTime().Equal(before.ModTime()) {
		t.Error("--check or --diff wrote the file")
	}
	// With no mode, the fixed file goes to stdout in its compression.
	out, stderr, code := jlRun(t, "", "fix", in)
	if code != 0 {
		t.Fatalf("stdout mode: exit %d: %s", code, stderr)
	}
	zr, err := gzip.NewReader(strings.NewReader(out))
	if err != nil {
		t.Fatalf("stdout is not gzip: %v", err)
	}
	plain, _ := io.ReadAll(zr)
	if string(plain) != `{"id":"x1","text":"Body.\n"}`+"\n" {
		t.Errorf("stdout %q", plain)
	}
}

func TestFixJSONLNestedTextField(t *testing.T) {
	in := filepath.Join(t.TempDir(), "n.jsonl")
	jlMust(t, os.WriteFile(in, []byte(`{"id":7,"doc":{"lang":"en","body":"Login\n\nBody."},"tail":true}`+"\n"), 0o644))
	out, stderr, code := jlRun(t, "", "fix", "--text-field", "doc.body", in)
	if code != 0 || out != `{"id":7,"doc":{"lang":"en","body":"Body."},"tail":true}`+"\n" {
		t.Errorf("exit %d, out %q, stderr %q", code, out, stderr)
	}
}

func TestLintJSONLFieldFlags(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.jsonl")
	jlMust(t, os.WriteFile(in, []byte(`{"uid":"u7","body":"Text.\n\nLogin\n"}`+"\n"), 0o644))
	out, stderr, code := jlRun(t, "", "lint", "--text-field", "body", "--id-field", "uid", in)
	if code != 1 || !strings.Contains(out, "a.jsonl#u7:3:1: ") {
		t.Errorf("exit %d, out %q, stderr %q", code, out, stderr)
	}
	_, stderr, code = jlRun(t, "", "lint", in)
	if code != 2 || !strings.Contains(stderr, `a.jsonl: line 1: no "text" field`) {
		t.Errorf("without --text-field: exit %d, stderr %q", code, stderr)
	}
}
