package report_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/report"
	"github.com/dochygiene/hygiene/rules"
)

func compileSchema(t *testing.T, path string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(path, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return s
}

func validate(t *testing.T, s *jsonschema.Schema, out []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if err := s.Validate(inst); err != nil {
		t.Errorf("output does not match the schema: %v", err)
	}
}

func allReports(t *testing.T) map[string]*report.Report {
	return map[string]*report.Report{
		"seeds": buildReport(seedDocs(t)),
		"cases": buildReport(smallCases()),
		"empty": {Documents: 0},
	}
}

func TestSARIFMatchesOfficialSchema(t *testing.T) {
	schema := compileSchema(t, "../../testdata/sarif/sarif-schema-2.1.0.json")
	for name, rep := range allReports(t) {
		t.Run(name, func(t *testing.T) { validate(t, schema, render(t, "sarif", rep)) })
	}
}

// The schema check must be able to fail: a result level SARIF does not
// know is rejected.
func TestSARIFSchemaRejectsABadLog(t *testing.T) {
	schema := compileSchema(t, "../../testdata/sarif/sarif-schema-2.1.0.json")
	out := render(t, "sarif", buildReport(smallCases()))
	bad := bytes.Replace(out, []byte(`"level": "note"`), []byte(`"level": "info"`), 1)
	if bytes.Equal(bad, out) {
		t.Fatal("no note-level result to corrupt")
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(bad))
	if err != nil {
		t.Fatal(err)
	}
	if schema.Validate(inst) == nil {
		t.Error("the schema accepted level \"info\"")
	}
}

func TestJSONMatchesContractSchema(t *testing.T) {
	schema := compileSchema(t, "../../docs/json-output.schema.json")
	for name, rep := range allReports(t) {
		t.Run(name, func(t *testing.T) { validate(t, schema, render(t, "json", rep)) })
	}
}

func TestSARIFContent(t *testing.T) {
	var log struct {
		Runs []struct {
			ColumnKind string `json:"columnKind"`
			Tool       struct {
				Driver struct {
					Rules []struct {
						ID   string `json:"id"`
						Help struct {
							Text, Markdown string
						} `json:"help"`
						DefaultConfiguration struct{ Level string } `json:"defaultConfiguration"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID              string            `json:"ruleId"`
				RuleIndex           int               `json:"ruleIndex"`
				Level               string            `json:"level"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
				Locations           []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string } `json:"artifactLocation"`
						Region           struct {
							StartLine, StartColumn, EndLine, EndColumn, ByteOffset, ByteLength int
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Fixes []json.RawMessage `json:"fixes"`
			} `json:"results"`
		} `json:"runs"`
	}
	rep := buildReport(smallCases())
	if err := json.Unmarshal(render(t, "sarif", rep), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind = %q", run.ColumnKind)
	}
	driverRules := run.Tool.Driver.Rules
	if len(driverRules) != len(testRules) {
		t.Fatalf("%d rules described, want %d", len(driverRules), len(testRules))
	}
	for _, r := range driverRules {
		if r.ID == "boilerplate/test-short-line" {
			if !strings.Contains(r.Help.Markdown, "**Bad**") || !strings.Contains(r.Help.Markdown, "Story continues") ||
				!strings.Contains(r.Help.Text, "Good:") || r.DefaultConfiguration.Level != "error" {
				t.Errorf("rule help or level incomplete: %+v", r)
			}
		}
	}
	if len(run.Results) != len(rep.Items) {
		t.Fatalf("%d results for %d findings", len(run.Results), len(rep.Items))
	}
	seen := map[string]bool{}
	for i, res := range run.Results {
		it := rep.Items[i]
		if driverRules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %d: ruleIndex %d points at %s, not %s", i, res.RuleIndex, driverRules[res.RuleIndex].ID, res.RuleID)
		}
		reg := res.Locations[0].PhysicalLocation.Region
		if reg.StartLine != it.Line || reg.StartColumn != it.Column || reg.EndLine != it.EndLine ||
			reg.EndColumn != it.EndColumn || reg.ByteOffset != it.Start || reg.ByteLength != it.End-it.Start {
			t.Errorf("result %d: region %+v does not match the finding %+v", i, reg, it)
		}
		fp := res.PartialFingerprints[report.FingerprintKey]
		if len(fp) < 34 || seen[fp] {
			t.Errorf("result %d: fingerprint %q missing or repeated", i, fp)
		}
		seen[fp] = true
		if (it.Fix != nil) != (len(res.Fixes) == 1) {
			t.Errorf("result %d: fix present %v, SARIF fixes %d", i, it.Fix != nil, len(res.Fixes))
		}
	}
	uri := report.ArtifactURI
	if got := uri("cases/odd name, 100%.txt"); got != "cases/odd%20name,%20100%25.txt" {
		t.Errorf("uri = %q", got)
	}
	if got := uri("./a/b.txt"); got != "a/b.txt" {
		t.Errorf("uri = %q", got)
	}
	if got := uri("/abs/x y.md"); got != "file:///abs/x%20y.md" {
		t.Errorf("uri = %q", got)
	}
}

// Fingerprints survive lines moving (text added above) and a CRLF
// conversion, and change when the flagged text changes.
func TestFingerprintStability(t *testing.T) {
	fp := func(text string) []string {
		var out []string
		for _, it := range buildReport([]*document.Document{document.New("a.txt", []byte(text), document.Meta{})}).Items {
			if it.Rule.ID == "text/test-nbsp" {
				out = append(out, it.Fingerprint)
			}
		}
		return out
	}
	base := "Intro line.\nThe peace.\u00a0 The heads met.\n"
	moved := "New first paragraph, added later.\n\nAnother one.\n" + base
	crlf := strings.ReplaceAll(base, "\n", "\r\n")
	changed := "Intro line.\nThe war.\u00a0 The heads met.\n"
	a, b, c, d := fp(base), fp(moved), fp(crlf), fp(changed)
	if len(a) != 1 || len(b) != 1 || len(c) != 1 || len(d) != 1 {
		t.Fatalf("want one finding each: %v %v %v %v", a, b, c, d)
	}
	if a[0] != b[0] {
		t.Error("fingerprint changed when lines moved")
	}
	if a[0] != c[0] {
		t.Error("fingerprint changed with CRLF line ends")
	}
	if a[0] == d[0] {
		t.Error("fingerprint did not change with the flagged neighbourhood")
	}
}

func TestGitHubEscaping(t *testing.T) {
	rule := &rules.Rule{ID: "text/x", Severity: rules.Info}
	rep := &report.Report{Documents: 1, Items: []report.Item{{
		Path: "dir,a:b%.txt", Rule: rule,
		Finding: rules.Finding{Rule: rule, Severity: rules.Info, Message: "100% done\r\nnext: a,b"},
		Line:    2, Column: 3, EndLine: 2, EndColumn: 5,
	}}}
	got := string(render(t, "github", rep))
	want := "::notice file=dir%2Ca%3Ab%25.txt,line=2,col=3,endLine=2,endColumn=5,title=text/x::100%25 done%0D%0Anext: a,b\n"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// Checkstyle output parses back as XML with every finding and its text
// intact, whatever characters the message holds.
func TestCheckstyleParsesBack(t *testing.T) {
	rep := buildReport(smallCases())
	var parsed struct {
		Files []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Line     int    `xml:"line,attr"`
				Severity string `xml:"severity,attr"`
				Message  string `xml:"message,attr"`
				Source   string `xml:"source,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	if err := xml.Unmarshal(render(t, "checkstyle", rep), &parsed); err != nil {
		t.Fatal(err)
	}
	var n int
	var messages []string
	for _, f := range parsed.Files {
		for _, e := range f.Errors {
			n++
			messages = append(messages, e.Message)
		}
	}
	if n != len(rep.Items) {
		t.Fatalf("%d errors in XML, %d findings", n, len(rep.Items))
	}
	joined := strings.Join(messages, "\n")
	if !strings.Contains(joined, `address <https://example.org/x?y=1,2.> (100% "link", kept)`) {
		t.Errorf("message not round-tripped:\n%s", joined)
	}
}

// rdjson columns count bytes: after an emoji (4 bytes, 1 code point) they
// differ from the code-point columns of the other formats.
func TestRDJSONByteColumns(t *testing.T) {
	rep := buildReport([]*document.Document{document.New("e.txt", []byte("Emoji 😀 then\u00a0 x.\n"), document.Meta{})})
	var out struct {
		Diagnostics []struct {
			Location struct {
				Range struct {
					Start, End struct{ Line, Column int }
				}
			}
			Suggestions []struct {
				Range struct{ Start, End struct{ Line, Column int } }
				Text  string
			}
		}
	}
	if err := json.Unmarshal(render(t, "rdjson", rep), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Diagnostics) != 1 {
		t.Fatalf("want the one no-break space, got %+v", out.Diagnostics)
	}
	d := out.Diagnostics[0]
	// "Emoji 😀 then" is 6 + 4 + 5 = 15 bytes: the space is byte column 16,
	// code-point column 13.
	if d.Location.Range.Start.Column != 16 || d.Location.Range.End.Column != 18 {
		t.Errorf("range %+v, want byte columns 16..18", d.Location.Range)
	}
	if rep.Items[0].Column != 13 {
		t.Errorf("code-point column %d, want 13", rep.Items[0].Column)
	}
	if len(d.Suggestions) != 1 || d.Suggestions[0].Text != " " || d.Suggestions[0].Range.Start.Column != 16 {
		t.Errorf("suggestions %+v", d.Suggestions)
	}
}

func TestEveryFormatIsRegistered(t *testing.T) {
	for _, f := range goldenFormats {
		if _, err := report.Lookup(f); err != nil {
			t.Error(err)
		}
	}
}
