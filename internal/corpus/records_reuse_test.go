package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/shareddata"
)

// TestReuseRecordsReadsWhatANewBufferReads reads JSON Lines files twice,
// once with new buffers and once with ReuseRecords, handing each record
// back before the next: every unit must be the same, field for field and
// byte for byte (line, terminator, text, offsets, the lines around it,
// id, source, date, problems). The files are the JSON Lines fixtures
// (plain, gzip, zstd), the seeds and WCXB development texts as records,
// and records of random sizes with escapes, blank and malformed lines, a
// byte order mark, CRLF and a last line without a terminator: recycled
// buffers come larger and smaller than the record that takes them.
func TestReuseRecordsReadsWhatANewBufferReads(t *testing.T) {
	dir := t.TempDir()
	files := []string{
		writeRecords(t, filepath.Join(dir, "real.jsonl"), realRecordTexts(t)),
		writeRandomRecords(t, filepath.Join(dir, "random.jsonl"), 1),
		writeRandomRecords(t, filepath.Join(dir, "random2.jsonl"), 2),
	}
	fixtures, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "jsonl", "*.jsonl*"))
	files = append(files, fixtures...)
	opts := Options{JSONL: JSONLOptions{SourceField: "src", DateField: "date"}}
	for _, path := range files {
		want, wantProblems := readUnits(t, path, opts, false)
		for round := range 2 { // the second round starts with full pools
			got, gotProblems := readUnits(t, path, opts, true)
			if len(want) < 2 {
				t.Fatalf("%s: %d records: the file does not exercise reuse", path, len(want))
			}
			if len(got) != len(want) {
				t.Fatalf("%s round %d: %d units, want %d", path, round, len(got), len(want))
			}
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("%s round %d: unit %d:\n%.300s\nwant\n%.300s", path, round, i, got[i], want[i])
				}
			}
			if gotProblems != wantProblems {
				t.Errorf("%s round %d: problems %q, want %q", path, round, gotProblems, wantProblems)
			}
		}
	}
}

// readUnits renders every unit of path as text while it is valid, and
// with reuse hands each record back right after.
func readUnits(t *testing.T, path string, opts Options, reuse bool) ([]string, string) {
	t.Helper()
	opts.ReuseRecords = reuse
	var units []string
	var problems strings.Builder
	err := Each([]File{{Path: path}}, opts, func(u Unit) error {
		rec := u.Record
		units = append(units, fmt.Sprintf("%d %q %q %q|%q %q %q %v %q %d-%d %q %q text=%v size=%d",
			rec.Line, rec.Raw, rec.EOL, u.Text, rec.Text, rec.ID, rec.Source, rec.Date, rec.BadDate,
			rec.TextStart, rec.TextEnd, rec.Before, rec.After, bytes.Equal(u.Text, rec.Text), u.Size))
		if reuse {
			RecycleRecord(rec)
		}
		return nil
	}, func(p Problem) { fmt.Fprintln(&problems, p) })
	if err != nil {
		t.Fatal(err)
	}
	return units, problems.String()
}

func realRecordTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	wcxb, err := shareddata.WCXBTexts("pages", "truth")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range wcxb {
		texts = append(texts, string(b))
	}
	return texts
}

// writeRecords writes one record per text, with an id, a source and a
// date.
func writeRecords(t *testing.T, path string, texts []string) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for i, text := range texts {
		if err := enc.Encode(map[string]string{"id": fmt.Sprint(i), "src": "s" + fmt.Sprint(i%3), "date": "2020-01-02", "text": text}); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// writeRandomRecords writes records of random sizes (a few bytes to a
// few hundred kilobytes, past bufio's buffer) with escapes, between
// blank and malformed lines.
func writeRandomRecords(t *testing.T, path string, seed uint64) string {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 54))
	pieces := []string{"word ", "é ", "\\n", "\\\"", "\\u00e9", "\\ud83d\\ude00", "\\t", "tab\\\\", "\\/"}
	var b strings.Builder
	b.WriteString("\xEF\xBB\xBF") // a byte order mark on line 1
	for i := range 60 {
		n := rng.IntN(40)
		if rng.IntN(6) == 0 {
			n = rng.IntN(60000) // 60,000 pieces: past 256 KB now and then
		}
		var text strings.Builder
		for range n {
			text.WriteString(pieces[rng.IntN(len(pieces))])
		}
		eol := "\n"
		if rng.IntN(4) == 0 {
			eol = "\r\n"
		}
		switch rng.IntN(8) {
		case 0:
			b.WriteString("\n") // blank
		case 1:
			b.WriteString(`{"id":"broken","text":"no end` + eol)
		}
		fmt.Fprintf(&b, `{"id":%d,"text":"%s","date":"2021-13-01"}%s`, i, text.String(), eol)
	}
	b.WriteString(`{"id":"last","text":"no terminator"}`)
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
