package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

func TestParseRecordFields(t *testing.T) {
	raw := []byte(`{"id": 17, "meta": {"text": "not this", "n": [1, "}"]}, "src": "bbc", "date": "2024-05-06T10:00:00Z", "text": "Line one.\nCaf\u00e9 \"quoted\" \ud83d\ude00"}`)
	rec, err := ParseRecord(raw, 3, JSONLOptions{SourceField: "src", DateField: "date"})
	if err != nil {
		t.Fatal(err)
	}
	if rec.ID != "17" || rec.Source != "bbc" || rec.Line != 3 {
		t.Errorf("id %q source %q line %d", rec.ID, rec.Source, rec.Line)
	}
	if want := time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC); !rec.Date.Equal(want) {
		t.Errorf("date %v, want %v", rec.Date, want)
	}
	if want := "Line one.\nCafé \"quoted\" 😀"; string(rec.Text) != want {
		t.Errorf("text %q, want %q", rec.Text, want)
	}
	if got := string(raw[rec.TextStart:rec.TextEnd]); !strings.HasPrefix(got, `"Line one.`) || !strings.HasSuffix(got, `\ude00"`) {
		t.Errorf("text span %q", got)
	}
}

func TestParseRecordDefaultsAndOtherFieldNames(t *testing.T) {
	rec, err := ParseRecord([]byte(`{"body":"x","uid":"a-1"}`), 9, JSONLOptions{TextField: "body", IDField: "uid"})
	if err != nil || rec.ID != "a-1" || string(rec.Text) != "x" {
		t.Fatalf("rec %+v err %v", rec, err)
	}
	// No id: the line number names the record.
	rec, err = ParseRecord([]byte(`{"text":""}`), 9, JSONLOptions{})
	if err != nil || rec.ID != "9" || len(rec.Text) != 0 {
		t.Fatalf("rec %+v err %v", rec, err)
	}
	// An escaped key still matches.
	rec, err = ParseRecord([]byte(`{"te\u0078t":"y"}`), 1, JSONLOptions{})
	if err != nil || string(rec.Text) != "y" {
		t.Fatalf("rec %+v err %v", rec, err)
	}
	rec, _ = ParseRecord([]byte(`{"text":"y","date":"last Tuesday"}`), 1, JSONLOptions{DateField: "date"})
	if !rec.Date.IsZero() || rec.BadDate != "last Tuesday" {
		t.Errorf("bad date kept as %v / %q", rec.Date, rec.BadDate)
	}
}

func TestParseRecordMalformed(t *testing.T) {
	cases := map[string]string{
		`{"text": "unterminated}`:     "invalid JSON",
		`{"text": "a"} trailing`:      "invalid JSON",
		`["text", "a"]`:               "want a JSON object",
		`"just a string"`:             "want a JSON object",
		`{"id": 1}`:                   `no "text" field`,
		`{"text": 12}`:                "want a string",
		`{"text": null}`:              "want a string",
		`{"text": "a\u12"}`:           "invalid JSON",
		"{\"text\": \"tab\tinside\"}": "invalid JSON",
	}
	for line, want := range cases {
		_, err := ParseRecord([]byte(line), 42, JSONLOptions{})
		var le *LineError
		if !errors.As(err, &le) || le.Line != 42 || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "line 42: ") {
			t.Errorf("%s: error %v, want line 42 and %q", line, err, want)
		}
	}
}

func TestUnquoteMatchesEncodingJSON(t *testing.T) {
	for _, lit := range []string{`""`, `"plain"`, `"a\"b\\c\/d\b\f\n\r\t"`, `"\u00e9\u2028x"`, `"\ud83d\ude00"`, `"\ud83d alone"`, `"\ude00"`} {
		got, err := Unquote([]byte(lit))
		if err != nil {
			t.Fatalf("%s: %v", lit, err)
		}
		var want string
		if err := json.Unmarshal([]byte(lit), &want); err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("%s: got %q, want %q", lit, got, want)
		}
	}
}

func TestAppendQuoteRoundTrips(t *testing.T) {
	for _, s := range []string{"", "plain", "quote \" back \\ slash", "lines\n\r\ttabs", "ctl \x00\x01\x1f", "é – 😀", "sep \u2028 \u2029 end", "<html>&amp;"} {
		lit := AppendQuote(nil, []byte(s))
		if !json.Valid(lit) {
			t.Fatalf("%q: invalid JSON %s", s, lit)
		}
		back, err := Unquote(lit)
		if err != nil || string(back) != s {
			t.Errorf("%q: round trip gave %q (%v) via %s", s, back, err, lit)
		}
	}
	// Invalid UTF-8 is kept byte for byte, not replaced.
	bad := []byte("a\xffb")
	if back, _ := Unquote(AppendQuote(nil, bad)); !bytes.Equal(back, bad) {
		t.Errorf("invalid UTF-8 changed: %q", back)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func write(w io.Writer, s string) error {
	_, err := io.WriteString(w, s)
	return err
}

// writeFile writes content to dir/name, compressed by the name's extension.
func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	var buf bytes.Buffer
	switch Compression(name) {
	case "gz":
		zw := gzip.NewWriter(&buf)
		must(t, write(zw, content))
		must(t, zw.Close())
	case "zst":
		zw, _ := zstd.NewWriter(&buf)
		must(t, write(zw, content))
		must(t, zw.Close())
	default:
		buf.WriteString(content)
	}
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func collectUnits(t *testing.T, files []File, opts Options) ([]Unit, []Problem) {
	t.Helper()
	var units []Unit
	var problems []Problem
	err := Each(files, opts, func(u Unit) error {
		units = append(units, u)
		return nil
	}, func(p Problem) { problems = append(problems, p) })
	if err != nil {
		t.Fatal(err)
	}
	return units, problems
}

func TestEachReadsCompressedJSONLAndReportsBadLines(t *testing.T) {
	content := "\ufeff{\"id\":\"a\",\"text\":\"first\"}\r\n" +
		"{not json}\n" +
		"\n" +
		"{\"id\":\"c\",\"text\":\"third\\n\"}\n" +
		"{\"id\":\"d\"}\n" +
		"{\"text\":\"no id, no newline\"}"
	dir := t.TempDir()
	for _, name := range []string{"a.jsonl", "b.jsonl.gz", "c.jsonl.zst"} {
		p := writeFile(t, dir, name, content)
		units, problems := collectUnits(t, []File{{Path: p}}, Options{})
		var got []string
		for _, u := range units {
			got = append(got, u.Record.ID+"="+string(u.Text))
		}
		if want := "a=first|c=third\n|6=no id, no newline"; strings.Join(got, "|") != want {
			t.Errorf("%s: records %q, want %q", name, strings.Join(got, "|"), want)
		}
		if len(problems) != 2 || !strings.Contains(problems[0].Error(), name+": line 2: invalid JSON") ||
			!strings.Contains(problems[1].Error(), name+`: line 5: no "text" field`) {
			t.Errorf("%s: problems %v", name, problems)
		}
		if eol := string(units[0].Record.EOL); eol != "\r\n" {
			t.Errorf("%s: first EOL %q", name, eol)
		}
		if units[2].Record.EOL != nil {
			t.Errorf("%s: last line has EOL %q", name, units[2].Record.EOL)
		}
	}
}

func TestEachSurvivesHugeLineAndBrokenStream(t *testing.T) {
	dir := t.TempDir()
	huge := strings.Repeat("word ", 3<<20) // 15 MB in one line
	p := writeFile(t, dir, "huge.jsonl", `{"text":"`+huge+`"}`+"\n"+`{"text":"after"}`+"\n")
	units, problems := collectUnits(t, []File{{Path: p}}, Options{})
	if len(problems) != 0 || len(units) != 2 || len(units[0].Text) != len(huge) || string(units[1].Text) != "after" {
		t.Fatalf("huge line: %d units, problems %v", len(units), problems)
	}
	// A truncated gzip stream: the records before the damage are read,
	// then the file is reported, not a crash.
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	for range 2000 {
		must(t, write(zw, `{"text":"some article text that compresses"}`+"\n"))
	}
	must(t, zw.Close())
	trunc := filepath.Join(dir, "trunc.jsonl.gz")
	must(t, os.WriteFile(trunc, buf.Bytes()[:buf.Len()/2], 0o644))
	units, problems = collectUnits(t, []File{{Path: trunc}}, Options{})
	if len(problems) != 1 || !strings.Contains(problems[0].Error(), "trunc.jsonl.gz: line ") {
		t.Fatalf("truncated gzip: problems %v", problems)
	}
	t.Logf("truncated gzip: %d records read, then %v", len(units), problems[0])
}

func TestEachBadDatesNotedOncePerFile(t *testing.T) {
	p := writeFile(t, t.TempDir(), "d.jsonl", `{"text":"a","d":"soon"}`+"\n"+`{"text":"b","d":"later"}`+"\n"+`{"text":"c","d":"2020-01-02"}`+"\n")
	units, problems := collectUnits(t, []File{{Path: p}}, Options{JSONL: JSONLOptions{DateField: "d"}})
	if len(units) != 3 || units[2].Record.Date.Year() != 2020 {
		t.Fatalf("units %d", len(units))
	}
	if len(problems) != 1 || !problems[0].Skipped || !strings.Contains(problems[0].Error(), `2 record(s)`) {
		t.Errorf("problems %v", problems)
	}
}

func TestExpandFindsJSONLByDefault(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a.txt", "b.jsonl", "c.jsonl.gz", "d.jsonl.zst", "e.json", "f.gz"} {
		must(t, os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644))
	}
	files, _ := Expand([]string{dir}, Options{})
	var names []string
	for _, f := range files {
		names = append(names, f.Rel)
	}
	if got := strings.Join(names, " "); got != "a.txt b.jsonl c.jsonl.gz d.jsonl.zst" {
		t.Errorf("found %q", got)
	}
}

// FuzzParseRecordAgreesWithEncodingJSON checks the one-pass parser against
// encoding/json: it accepts exactly the lines that are JSON objects with a
// string text field, and decodes the same text (for valid UTF-8).
func FuzzParseRecordAgreesWithEncodingJSON(f *testing.F) {
	for _, s := range []string{`{"text":"a"}`, `{"id":1,"text":"a\nb\u00e9\ud83d\ude00","x":[1,{"y":"}"}]}`,
		`{"text":"a"`, `{"text":"a"}x`, `{"text":1}`, `{}`, `[]`, ` {"a":true, "text" : "q\"" } `,
		`{"text":"a","text":"b"}`, `{"a":tru,"text":""}`, `{"text":"\u00"}`, "{\"text\":\"a\x01\"}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		rec, err := ParseRecord(raw, 1, JSONLOptions{})
		var obj map[string]json.RawMessage
		valid := json.Unmarshal(raw, &obj) == nil && obj != nil
		textRaw, hasText := obj["text"]
		var want string
		isString := hasText && json.Unmarshal(textRaw, &want) == nil && len(textRaw) > 0 && textRaw[0] == '"'
		if (err == nil) != (valid && isString) {
			t.Fatalf("%q: ParseRecord err %v, encoding/json valid %v string text %v", raw, err, valid, isString)
		}
		if err == nil && utf8.Valid(raw) && string(rec.Text) != want {
			t.Fatalf("%q: text %q, encoding/json %q", raw, rec.Text, want)
		}
	})
}

func TestEachKeepsLinesThatAreNoRecords(t *testing.T) {
	content := "\n{bad\n" + `{"text":"a"}` + "\n\n" + `{"text":"b"}` + "\r\n{worse\n\n"
	p := writeFile(t, t.TempDir(), "k.jsonl", content)
	units, problems := collectUnits(t, []File{{Path: p}}, Options{})
	if len(units) != 2 || len(problems) != 2 {
		t.Fatalf("%d units, problems %v", len(units), problems)
	}
	// Writing every unit back with its surrounding lines gives the file.
	var back []byte
	for _, u := range units {
		r := u.Record
		for _, l := range r.Before {
			back = append(back, l...)
		}
		back = append(append(back, r.Raw...), r.EOL...)
		for _, l := range r.After {
			back = append(back, l...)
		}
	}
	if string(back) != content {
		t.Errorf("rebuilt %q\nwant    %q", back, content)
	}
}

func TestDottedFieldNamesReachIntoObjects(t *testing.T) {
	raw := []byte(`{"id":"top","metadata":{"date":"2024-02-03","src":{"name":"bbc"},"id":"inner"},"content":{"body":"Text \"here\""},"a.b":"flat"}`)
	rec, err := ParseRecord(raw, 1, JSONLOptions{TextField: "content.body", DateField: "metadata.date", SourceField: "metadata.src.name"})
	if err != nil {
		t.Fatal(err)
	}
	if string(rec.Text) != `Text "here"` || rec.Source != "bbc" || rec.Date.Day() != 3 || rec.ID != "top" {
		t.Errorf("text %q source %q date %v id %q", rec.Text, rec.Source, rec.Date, rec.ID)
	}
	if got := string(raw[rec.TextStart:rec.TextEnd]); got != `"Text \"here\""` {
		t.Errorf("text span %s", got)
	}
	// A top-level key with a dot in its name wins over the path.
	rec, err = ParseRecord(raw, 1, JSONLOptions{TextField: "a.b", IDField: "metadata.id"})
	if err != nil || string(rec.Text) != "flat" || rec.ID != "inner" {
		t.Errorf("text %q id %q err %v", rec.Text, rec.ID, err)
	}
	_, err = ParseRecord(raw, 1, JSONLOptions{TextField: "metadata.src"})
	if err == nil || !strings.Contains(err.Error(), "is an object, want a string") {
		t.Errorf("object as text: %v", err)
	}
	_, err = ParseRecord(raw, 1, JSONLOptions{TextField: "metadata.missing"})
	if err == nil || !strings.Contains(err.Error(), `no "metadata.missing" field`) {
		t.Errorf("missing nested text: %v", err)
	}
}

// Corpus tools write a .jsonl.gz as concatenated gzip members (one per
// shard or flush); every member is read.
func TestEachReadsConcatenatedGzipMembers(t *testing.T) {
	var buf bytes.Buffer
	for _, rec := range []string{`{"text":"one"}`, `{"text":"two"}`} {
		zw := gzip.NewWriter(&buf)
		must(t, write(zw, rec+"\n"))
		must(t, zw.Close())
	}
	p := filepath.Join(t.TempDir(), "m.jsonl.gz")
	must(t, os.WriteFile(p, buf.Bytes(), 0o644))
	units, problems := collectUnits(t, []File{{Path: p}}, Options{})
	if len(units) != 2 || len(problems) != 0 || string(units[1].Text) != "two" {
		t.Errorf("%d units, problems %v", len(units), problems)
	}
}

func TestEachNamesMisnamedCompressedAndBinaryFiles(t *testing.T) {
	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	must(t, write(zw, `{"text":"a"}`+"\n"))
	must(t, zw.Close())
	must(t, os.WriteFile(filepath.Join(dir, "gz.jsonl"), gz.Bytes(), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "bin.jsonl"), []byte("{\"text\":\"a\"}\n\x00\x00\x00"), 0o644))
	var lines strings.Builder
	for range 25 {
		lines.WriteString("not json\n")
	}
	must(t, os.WriteFile(filepath.Join(dir, "junk.jsonl"), []byte(lines.String()), 0o644))
	files, _ := Expand([]string{dir}, Options{})
	units, problems := collectUnits(t, files, Options{})
	var got []string
	for _, p := range problems {
		got = append(got, p.Error())
	}
	all := strings.Join(got, "\n")
	if len(units) != 0 || len(problems) != 13 ||
		!strings.Contains(all, "bin.jsonl: binary file") ||
		!strings.Contains(all, "gz.jsonl: gzip-compressed data under a name without .gz") ||
		!strings.Contains(all, "junk.jsonl: line 10: invalid JSON") ||
		!strings.Contains(all, "junk.jsonl: 15 more malformed lines skipped (the first on line 11)") {
		t.Errorf("%d units, problems:\n%s", len(units), all)
	}
}

// Unquote's eight-byte scans (plainLen, copyPlain) must stop at every quote,
// backslash and control byte wherever it lies: long literals of random
// pieces decode as encoding/json decodes them, and a raw control byte or
// a missing closing quote anywhere is an error for both.
func TestUnquoteLongMatchesEncodingJSON(t *testing.T) {
	pieces := []string{"plain text ", "a", "\"", "\\", "/", "\n", "\t", "\u00e9", "\u2028", "\U0001F600", "\x7f", "\u00ff", "0123456789"}
	rng := rand.New(rand.NewSource(17))
	for range 3000 {
		var b strings.Builder
		for k := rng.Intn(40); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		lit, err := json.Marshal(b.String())
		if err != nil {
			t.Fatal(err)
		}
		switch rng.Intn(4) {
		case 0: // a raw control byte somewhere inside
			at := 1 + rng.Intn(len(lit)-1)
			lit = append(lit[:at:at], append([]byte{byte(rng.Intn(0x20))}, lit[at:]...)...)
		case 1: // cut before the closing quote
			lit = lit[:len(lit)-1]
		}
		got, gotErr := Unquote(lit)
		var want string
		wantErr := json.Unmarshal(lit, &want)
		if (gotErr != nil) != (wantErr != nil) || gotErr == nil && string(got) != want {
			t.Fatalf("%q: got %q (%v), want %q (%v)", lit, got, gotErr, want, wantErr)
		}
	}
}
