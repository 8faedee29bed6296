package report

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"io"
	"math"
	"math/rand"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/rules"
)

// The JSON writer appends bytes by hand; these tests hold it to the
// encoding/json output it replaced, kept here as the reference.

// JSON output contract, version 1.
type jsonReport struct {
	Version   int           `json:"version"`
	Documents int           `json:"documents"`
	Findings  []jsonFinding `json:"findings"`
}

type jsonFinding struct {
	Path      string   `json:"path"`
	Record    string   `json:"record,omitempty"`
	Rule      string   `json:"rule"`
	Severity  string   `json:"severity"`
	Message   string   `json:"message"`
	Line      int      `json:"line"`
	Column    int      `json:"column"`
	EndLine   int      `json:"end_line"`
	EndColumn int      `json:"end_column"`
	Offset    int      `json:"offset"`
	EndOffset int      `json:"end_offset"`
	Fix       *jsonFix `json:"fix,omitempty"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Safety  string     `json:"safety"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Offset    int    `json:"offset"`
	EndOffset int    `json:"end_offset"`
	Text      string `json:"text"`
}

// referenceWriteJSON is WriteJSON as it was, through encoding/json; it writes {"version":1,"documents":N,"findings":[...]}.
func referenceWriteJSON(w io.Writer, r *Report, _ Options) error {
	out := jsonReport{Version: 1, Documents: r.Documents, Findings: make([]jsonFinding, 0, len(r.Items))}
	for i := range r.Items {
		it := &r.Items[i]
		f := jsonFinding{
			Path: it.Path, Record: it.Record, Rule: it.Rule.ID, Severity: it.Severity.String(),
			Message: it.Message, Line: it.Line, Column: it.Column, EndLine: it.EndLine, EndColumn: it.EndColumn,
			Offset: it.Start, EndOffset: it.End,
		}
		if it.Fix != nil {
			f.Fix = &jsonFix{Message: it.Fix.Message, Safety: fixSafety(it).String(), Edits: make([]jsonEdit, 0, len(it.Fix.Edits))}
			for _, e := range it.Fix.Edits {
				f.Fix.Edits = append(f.Fix.Edits, jsonEdit{Offset: e.Start, EndOffset: e.End, Text: e.Text})
			}
		}
		out.Findings = append(out.Findings, f)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// jsonStrings are strings with every byte class the escaping treats apart.
func jsonStrings(n int) []string {
	pieces := []string{"a", "Z", " ", "\"", "\\", "/", "<", ">", "&", "\n", "\r", "\t", "\b", "\f", "\x00", "\x01", "\x1f",
		"\x7f", "\u00e9", "\u2028", "\u2029", "\u2027", "\u202a", "\xff", "\xc3", "\xe2\x80", "\U0001F600", "\ufffd", "'", "`"}
	rng := rand.New(rand.NewSource(5))
	out := []string{""}
	for range n {
		var s string
		for k := rng.Intn(12); k >= 0; k-- {
			s += pieces[rng.Intn(len(pieces))]
		}
		out = append(out, s)
	}
	return out
}

func TestJSONStringMatchesEncodingJSON(t *testing.T) {
	for _, s := range jsonStrings(20000) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		got := string(appendJSONString(nil, s)) + "\n"
		if got != want.String() {
			t.Fatalf("%q: got %s want %s", s, got, want.String())
		}
	}
}

func TestJSONReportMatchesEncodingJSON(t *testing.T) {
	// Rules take turns, as a page's furniture rules do, and two share an
	// ID: the writer copies a finding's opening for the same path, record,
	// rule and severity, whatever escapes it needed.
	ruleSet := []*rules.Rule{{ID: "text/test"}, {ID: "boilerplate/line-model"}, {ID: "text/test"},
		{ID: "x/\"q\u2028\n"}, {ID: "a/b"}, {ID: "c/d"}}
	strs := jsonStrings(200)
	rng := rand.New(rand.NewSource(6))
	var pool []string
	pick := func() string { return pool[rng.Intn(len(pool))] }
	for n := range 180 {
		// Two reports in three draw from three or six strings: runs of
		// findings sharing their path, rule, severity or fix message, and
		// messages taking turns, whose quoted form the writer copies
		// (six are more than the recent messages it keeps).
		pool = strs
		switch n % 3 {
		case 1:
			pool = strs[n : n+3]
		case 2:
			pool = strs[n : n+6]
		}
		r := &Report{Documents: n}
		for k := range n%7 + n%4*6 {
			rule := ruleSet[rng.Intn(1+n%len(ruleSet))]
			it := Item{Path: pick(), Rule: rule, Finding: rules.Finding{Severity: rules.Severity(1 + rng.Intn(3)), Message: pick(),
				Start: rng.Intn(1000), End: rng.Intn(100000)}, Line: k + 1, Column: rng.Intn(90), EndLine: k + 2, EndColumn: 0}
			switch n % 4 {
			case 0: // every finding its own record, or none
				if k%2 == 0 {
					it.Record = pick()
				}
			case 1: // one document's findings: one path, no record
				it.Path = strs[n]
			case 2: // one record's findings
				it.Path, it.Record = strs[n], strs[n+1]
			}
			if k%3 != 0 {
				fix := &fixers.Fix{Message: pick(), Safety: fixers.Safety(rng.Intn(3))}
				for e := range rng.Intn(4) {
					fix.Edits = append(fix.Edits, fixers.Edit{Start: e, End: e + 10, Text: pick()})
				}
				it.Fix = fix
			}
			r.Items = append(r.Items, it)
		}
		var got, want bytes.Buffer
		if err := WriteJSON(&got, r, Options{}); err != nil {
			t.Fatal(err)
		}
		if err := referenceWriteJSON(&want, r, Options{}); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Fatalf("report %d:\n got %s\nwant %s", n, got.String(), want.String())
		}
		// The streamed part: the findings array's inside, less its first
		// line break and the one and indentation before the bracket.
		inside := want.String()
		if len(r.Items) > 0 {
			open := strings.Index(inside, `"findings": [`) + len(`"findings": [`) + 1
			inside = inside[open:strings.LastIndex(inside, "\n  ]")]
		} else {
			inside = ""
		}
		if part := string(AppendJSONFindings([]byte("x"), r.Items)); part != "x"+inside {
			t.Fatalf("report %d findings:\n got %q\nwant %q", n, part, "x"+inside)
		}
	}
}

// TestJSONSizeCoversPlainReports checks the size estimate against reports
// whose strings need no escapes: the JSON fits without a second allocation.
func TestJSONSizeCoversPlainReports(t *testing.T) {
	rule := &rules.Rule{ID: "boilerplate/share-prompt"}
	r := &Report{Documents: 1234567}
	for k := range 50 {
		it := Item{Path: "some/dir/file.txt", Record: "rec-1", Rule: rule,
			Finding: rules.Finding{Severity: rules.Warning, Message: "a message of ordinary length", Start: 123456789, End: 123456799},
			Line:    999999, Column: 99999, EndLine: 999999, EndColumn: 99999}
		if k%2 == 0 {
			it.Fix = &fixers.Fix{Message: "remove the line", Safety: fixers.Unsafe,
				Edits: []fixers.Edit{{Start: 123456789, End: 123456799, Text: ""}, {Start: 1, End: 2, Text: "x"}}}
		}
		r.Items = append(r.Items, it)
	}
	if got, size := len(appendJSONReport(nil, r)), jsonSize(r); got > size {
		t.Errorf("JSON of %d bytes, estimated %d", got, size)
	}
}

// plainRun must say true exactly when all eight bytes are jsonPlain.
func TestPlainRunMatchesTable(t *testing.T) {
	edges := []byte{0x00, 0x1f, 0x20, 0x21, '"', '#', '[', '\\', ']', 'a', 0x7e, 0x7f, 0x80, 0xc3, 0xe2, 0xff}
	rng := rand.New(rand.NewSource(89))
	var b [8]byte
	for range 200000 {
		want := true
		for k := range b {
			b[k] = edges[rng.Intn(len(edges))]
			if rng.Intn(3) > 0 {
				b[k] = 'a' + byte(rng.Intn(26)) // mostly plain, so runs pass too
			}
			want = want && b[k] < utf8.RuneSelf && jsonPlain[b[k]]
		}
		if got := plainRun(binary.LittleEndian.Uint64(b[:])); got != want {
			t.Fatalf("plainRun(%q) = %v, want %v", b[:], got, want)
		}
	}
}

// appendInt writes what strconv.AppendInt writes, at every width and
// around each power of ten.
func TestAppendIntMatchesStrconv(t *testing.T) {
	values := []int{0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 9999, 10000, 65535, 99999, 100000,
		1234567, 987654321, math.MaxInt32, math.MaxInt64, -1, -10, -12345, math.MinInt64}
	for i, p := 0, 1; i <= 18; i, p = i+1, p*10 {
		values = append(values, p-1, p, p+1, 5*p)
	}
	for n := 0; n < 200000; n++ {
		values = append(values, n)
	}
	for n := 99990000; n < 100010000; n += 3 {
		values = append(values, n)
	}
	for _, n := range values {
		got := string(appendInt([]byte("x:"), n))
		want := string(strconv.AppendInt([]byte("x:"), int64(n), 10))
		if got != want {
			t.Fatalf("appendInt(%d) = %q, want %q", n, got, want)
		}
	}
}
