package lint

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/corpus"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/report"
	"github.com/dochygiene/hygiene/rules"
)

// Test rules, registered in this test binary only (it links no family).
var (
	dirtRule = &rules.Rule{
		ID: "text/zz-test-dirt", Summary: "the word DIRT", Severity: rules.Warning,
		Run: func(p *rules.Pass) {
			src := p.Doc.Src
			for off := 0; ; {
				i := bytes.Index(src[off:], []byte("DIRT"))
				if i < 0 {
					return
				}
				p.Reportf(off+i, off+i+4, "dirt in %s, source %s", p.Doc.Meta.Record, p.Doc.Meta.Source)
				off += i + 4
			}
		},
	}
	dateRule = &rules.Rule{
		ID: "facts/zz-test-date", Summary: "says the article date", Severity: rules.Info,
		Run: func(p *rules.Pass) {
			if !p.Doc.Meta.Date.IsZero() {
				p.Reportf(0, 0, "dated %s", p.Doc.Meta.Date.Format("2006-01-02"))
			}
		},
	}
	// repeatRule flags a line that occurs in more than one document: the
	// shape of a corpus rule (fingerprints collected, then judged).
	repeatRule = &rules.Rule{
		ID: "boilerplate/zz-test-repeat", Summary: "a line seen in several documents", Severity: rules.Warning,
		Collect: func(doc *document.Document, _ rules.Options) rules.Summary {
			seen := map[string]int{}
			for i := range doc.Lines {
				if t := string(doc.LineText(i)); t != "" {
					seen[t] = 1
				}
			}
			return seen
		},
		Merge: func(a, b rules.Summary) rules.Summary {
			m := a.(map[string]int)
			for k, v := range b.(map[string]int) {
				m[k] += v
			}
			return m
		},
		Run: func(p *rules.Pass) {
			counts := p.Corpus.(map[string]int)
			for i, l := range p.Doc.Lines {
				if counts[string(p.Doc.LineText(i))] > 1 {
					p.Reportf(l.Start, l.End, "repeated in %d documents", counts[string(p.Doc.LineText(i))])
				}
			}
		},
	}
	crashRule = &rules.Rule{
		ID: "text/zz-test-crash", Summary: "panics on CRASH", Severity: rules.Error,
		Run: func(p *rules.Pass) {
			if bytes.Contains(p.Doc.Src, []byte("CRASH")) {
				panic("boom")
			}
		},
	}
)

func init() { rules.Register(dirtRule, dateRule, repeatRule, crashRule) }

func write(t testing.TB, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func lintAll(t *testing.T, opts Options, args ...string) *Result {
	t.Helper()
	r, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Lint(args)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func where(it report.Item) string {
	return fmt.Sprintf("%s#%s@%d", filepath.Base(it.Path), it.Record, it.Start)
}

func TestJSONLFindingsCarryRecordAndOffsetsInInputOrder(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "clean\nDIRT here\n")
	write(t, dir, "b.jsonl", `{"id":"r1","text":"é\nDIRT"}`+"\n"+
		`{"text":"no id DIRT"}`+"\n"+
		`{"id":"r3","text":`+"\n"+
		`{"id":42,"text":"DIRT and DIRT"}`+"\n")
	write(t, dir, "c.md", "DIRT\n")
	for _, jobs := range []int{1, 3} {
		res := lintAll(t, Options{Jobs: jobs, Only: []string{dirtRule.ID}}, dir)
		var got []string
		for _, it := range res.Report.Items {
			got = append(got, where(it))
		}
		want := "a.txt#@6 b.jsonl#r1@3 b.jsonl#2@6 b.jsonl#42@0 b.jsonl#42@9 c.md#@0"
		if strings.Join(got, " ") != want {
			t.Errorf("-j %d: findings %q\nwant %q", jobs, strings.Join(got, " "), want)
		}
		if res.Report.Documents != 5 {
			t.Errorf("documents %d, want 5 (the malformed record is not one)", res.Report.Documents)
		}
		if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Error(), "b.jsonl: line 3: invalid JSON") {
			t.Errorf("problems %v", res.Problems)
		}
		if it := res.Report.Items[1]; it.Line != 2 || it.Column != 1 {
			t.Errorf("r1 finding at %d:%d, want line 2 col 1 of the record's text", it.Line, it.Column)
		}
	}
}

func TestJSONLSourceAndDateFields(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "x/a.jsonl", `{"id":"1","text":"DIRT","site":"bbc","published":"2025-03-04"}`+"\n"+`{"id":"2","text":"DIRT"}`+"\n")
	opts := Options{Only: []string{dirtRule.ID, dateRule.ID}}
	opts.Walk.JSONL = corpus.JSONLOptions{SourceField: "site", DateField: "published"}
	res := lintAll(t, opts, dir)
	var got []string
	for _, it := range res.Report.Items {
		got = append(got, it.Message)
	}
	want := "dated 2025-03-04|dirt in 1, source bbc|dirt in 2, source x"
	if strings.Join(got, "|") != want {
		t.Errorf("messages %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestCorpusPhaseSeesEveryDocumentIncludingStdin(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "Subscribe now\nunique a\n")
	write(t, dir, "b.jsonl", `{"id":"b1","text":"unique b\nSubscribe now"}`+"\n")
	opts := Options{Jobs: 2, Only: []string{repeatRule.ID}}
	opts.Walk.Stdin = strings.NewReader("Subscribe now\n")
	res := lintAll(t, opts, dir, "-")
	var got []string
	for _, it := range res.Report.Items {
		got = append(got, where(it)+" "+it.Message)
	}
	want := "a.txt#@0 repeated in 3 documents|b.jsonl#b1@9 repeated in 3 documents|-#@0 repeated in 3 documents"
	if strings.Join(got, "|") != want {
		t.Errorf("got %q\nwant %q", strings.Join(got, "|"), want)
	}
}

func TestPerDocumentSkipsCorpusRules(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "Subscribe now\nDIRT\n")
	write(t, dir, "b.txt", "Subscribe now\n")
	res := lintAll(t, Options{Only: []string{repeatRule.ID, dirtRule.ID}, PerDocument: true}, dir)
	if len(res.Report.Items) != 1 || res.Report.Items[0].Rule != dirtRule || len(res.Report.Rules) != 1 {
		t.Errorf("items %v, rules %v", res.Report.Items, res.Report.Rules)
	}
}

func TestRunKeepsDocsAndLintDoesNot(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "DIRT")
	r, _ := New(Options{Only: []string{dirtRule.ID}})
	res, err := r.Run([]string{dir})
	if err != nil || len(res.Docs) != 1 || string(res.Docs[0].Src) != "DIRT" {
		t.Fatalf("Run docs %v, err %v", res.Docs, err)
	}
	if res := lintAll(t, Options{Only: []string{dirtRule.ID}}, dir); res.Docs != nil {
		t.Errorf("Lint kept %d docs", len(res.Docs))
	}
}

func TestRuleCrashStopsTheRunWithItsName(t *testing.T) {
	dir := t.TempDir()
	for i := range 50 {
		write(t, dir, fmt.Sprintf("f%02d.txt", i), "fine")
	}
	write(t, dir, "f25.txt", "CRASH")
	r, _ := New(Options{Jobs: 3, Only: []string{crashRule.ID}})
	_, err := r.Lint([]string{dir})
	if err == nil || !strings.Contains(err.Error(), "f25.txt: rule text/zz-test-crash crashed: boom") {
		t.Fatalf("err %v", err)
	}
}

func TestStatsCountFamiliesAndRules(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.jsonl", `{"text":"DIRT DIRT","d":"2020-01-01"}`+"\n")
	opts := Options{Only: []string{dirtRule.ID, dateRule.ID}}
	opts.Walk.JSONL.DateField = "d"
	res := lintAll(t, opts, dir)
	s := res.Stats
	if s.Documents != 1 || s.Findings != 3 || s.ByFamily["text"] != 2 || s.ByFamily["facts"] != 1 || s.TextBytes != 9 {
		t.Errorf("stats %+v", s)
	}
	var buf bytes.Buffer
	s.Write(&buf)
	if !strings.Contains(buf.String(), "3 findings by family: facts 1, text 2") ||
		!strings.Contains(buf.String(), "top rules: text/zz-test-dirt 2, facts/zz-test-date 1") {
		t.Errorf("summary:\n%s", buf.String())
	}
}

// TestMemoryStaysFlatOnLargeJSONL streams a generated 50 MB JSON Lines
// file and samples the heap as documents pass: a pipeline that held the
// corpus would grow past the file's size; a streaming one stays at the
// documents in flight.
func TestMemoryStaysFlatOnLargeJSONL(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 50 MB file")
	}
	path := filepath.Join(t.TempDir(), "big.jsonl")
	records := writeBigJSONL(t, path, 50<<20)
	r, err := New(Options{Jobs: 2, Only: []string{dirtRule.ID}})
	if err != nil {
		t.Fatal(err)
	}
	// The live heap (after a collection) at every 1000th document.
	var ms runtime.MemStats
	var peakFirst, peakSecond uint64
	n := 0
	res, err := r.Stream([]string{path}, func(c *Checked) error {
		n++
		if n%1000 != 0 {
			return nil
		}
		runtime.GC()
		runtime.ReadMemStats(&ms)
		if n < records/2 {
			peakFirst = max(peakFirst, ms.HeapAlloc)
		} else {
			peakSecond = max(peakSecond, ms.HeapAlloc)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Report.Documents != records || len(res.Problems) != 0 {
		t.Fatalf("documents %d of %d, problems %v", res.Report.Documents, records, res.Problems)
	}
	t.Logf("%d records; live heap: peak %.1f MB in the first half, %.1f MB in the second",
		records, float64(peakFirst)/1e6, float64(peakSecond)/1e6)
	const limit = 12 << 20 // far below the 50 MB the corpus would take
	if peakSecond > limit || peakFirst > limit {
		t.Errorf("live heap peaked at %d / %d bytes, want <= %d", peakFirst, peakSecond, limit)
	}
	if peakSecond > peakFirst+(2<<20) {
		t.Errorf("live heap grew from %d to %d bytes over the run", peakFirst, peakSecond)
	}
}

// writeBigJSONL writes about size bytes of records of article-like text
// (about 4 KB each) and returns the number of records.
func writeBigJSONL(t testing.TB, path string, size int) int {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	para := "The council met on Tuesday to discuss the budget, and members said the \\\"plan\\\" would be revised.\\n\\n"
	body := strings.Repeat(para, 40)
	n, written := 0, 0
	for written < size {
		line := fmt.Sprintf(`{"id":"doc-%d","url":"https://example.org/%d","text":"Article %d.\n\n%s"}`+"\n", n, n, n, body)
		if _, err := w.WriteString(line); err != nil {
			t.Fatal(err)
		}
		written += len(line)
		n++
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestProgressLineOnlyWhenAsked(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "Subscribe now\n")
	write(t, dir, "b.txt", "Subscribe now\n")
	var buf bytes.Buffer
	lintAll(t, Options{Only: []string{repeatRule.ID}, Progress: &buf}, dir)
	got := buf.String()
	if !strings.Contains(got, "pass 1 of 2 (corpus): 1 document,") || !strings.Contains(got, "pass 2 of 2: 1 document,") ||
		!strings.HasSuffix(got, "\r\x1b[K") {
		t.Errorf("progress output %q", got)
	}
}

func TestCorpusStateMeasuredPerDocument(t *testing.T) {
	dir := t.TempDir()
	for i := range 300 {
		var b strings.Builder
		for k := range 5 {
			fmt.Fprintf(&b, "line %d of document %d with some words\n", k, i)
		}
		write(t, dir, fmt.Sprintf("d%03d.txt", i), b.String())
	}
	for _, measure := range []bool{false, true} {
		res := lintAll(t, Options{Only: []string{repeatRule.ID}, MeasureCorpus: measure}, dir)
		got := res.Stats.CorpusBytes
		t.Logf("measure %v: %d bytes per document", measure, got)
		if measure && (got < 100 || got > 5000) || !measure && got != 0 {
			t.Errorf("measure %v: corpus state %d bytes per document, want 5 map entries' worth", measure, got)
		}
	}
}
