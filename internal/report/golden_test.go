package report_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/report"
	"github.com/dochygiene/hygiene/rules"
)

// -update rewrites the golden files from the current output:
//
//	go test ./internal/report -run Golden -update
var update = flag.Bool("update", false, "rewrite testdata/golden from the current output")

const goldenDir = "../../testdata/golden"

// The golden tests run rules defined here, not the registered ones, so the
// golden files pin the formats and do not change whenever a rule family
// learns something new.

// testShortLine flags a short line of one to three words standing alone
// between blank lines, without final punctuation: multi-word spans, an
// unsafe line-removal fix, error severity.
var testShortLine = &rules.Rule{
	ID:        "boilerplate/test-short-line",
	Summary:   "a short line standing alone",
	Doc:       "A line of one to three words standing alone is often page furniture.",
	Bad:       "Story continues\n",
	Good:      "The story continues below the fold.\n",
	Severity:  rules.Error,
	FixSafety: fixers.Unsafe,
	Run: func(pass *rules.Pass) {
		doc := pass.Doc
		for i := range doc.Lines {
			text := strings.TrimSpace(string(doc.LineText(i)))
			words := len(strings.Fields(text))
			if words == 0 || words > 3 || strings.ContainsAny(text[len(text)-1:], ".:?!\"") || doc.IsBlankLine(i) {
				continue
			}
			if (i > 0 && !doc.IsBlankLine(i-1)) || (i+1 < len(doc.Lines) && !doc.IsBlankLine(i+1)) {
				continue
			}
			l := doc.Lines[i]
			pass.Report(rules.Finding{Start: l.Start, End: l.End,
				Message: `short line "` + text + `" stands alone`,
				Fix:     &fixers.Fix{Message: "remove the line", Safety: fixers.Unsafe, Edits: []fixers.Edit{fixers.RemoveLines(doc, i, i)}}})
		}
	},
}

// testNBSP flags each no-break or zero-width space, with a safe fix.
var testNBSP = &rules.Rule{
	ID:        "text/test-nbsp",
	Summary:   "no-break and zero-width spaces",
	Doc:       "Invisible spaces break search.",
	Bad:       "peace.\u00a0 The",
	Good:      "peace. The",
	Severity:  rules.Warning,
	FixSafety: fixers.Safe,
	Run: func(pass *rules.Pass) {
		src := pass.Doc.Src
		for i := 0; i < len(src); {
			r, size := utf8.DecodeRune(src[i:])
			if r == '\u00a0' || r == '\u200b' {
				repl := " "
				if r == '\u200b' {
					repl = ""
				}
				pass.Report(rules.Finding{Start: i, End: i + size, Message: fmt.Sprintf("invisible space U+%04X", r),
					Fix: &fixers.Fix{Message: "replace it", Safety: fixers.Safe, Edits: []fixers.Edit{fixers.Replace(i, i+size, repl)}}})
			}
			i += size
		}
	},
}

var urlPattern = regexp.MustCompile(`https?://[^\s)\]]+`)

// testURL flags web addresses in the text, at info level, with a message
// full of characters the formats must escape (% : , < & ").
var testURL = &rules.Rule{
	ID:       "insertion/test-url",
	Summary:  "a web address",
	Doc:      "Addresses are often leftovers of links.\n\nThey can be kept.",
	Bad:      "See https://example.com/a?b=1&c=2",
	Good:     "See the agency's site.",
	Severity: rules.Info,
	Run: func(pass *rules.Pass) {
		for _, m := range urlPattern.FindAllIndex(pass.Doc.Src, -1) {
			pass.Reportf(m[0], m[1], `address <%s> (100%% "link", kept)`, pass.Doc.Src[m[0]:m[1]])
		}
	},
}

// testNote flags note blocks and paragraphs over several lines whole:
// spans that cross line ends.
var testNote = &rules.Rule{
	ID:       "footnotes/test-note",
	Summary:  "a note definition or a paragraph over several lines",
	Doc:      "Notes are reported whole.",
	Bad:      "[1] See ```the``` report.",
	Good:     "",
	Severity: rules.Warning,
	Run: func(pass *rules.Pass) {
		for _, b := range pass.Doc.Blocks {
			if b.Kind == document.Note || b.Kind == document.Paragraph && b.LastLine > b.FirstLine {
				pass.Reportf(b.Start, b.End, "block over lines %d-%d", b.FirstLine+1, b.LastLine+1)
			}
		}
	},
}

var testRules = []*rules.Rule{testNote, testShortLine, testURL, testNBSP}

// buildReport runs the test rules over documents and locates the findings
// as the runner does.
func buildReport(docs []*document.Document) *report.Report {
	rep := &report.Report{Documents: len(docs), Rules: testRules}
	for _, doc := range docs {
		for _, r := range testRules {
			r.Run(rules.NewPass(r, doc, nil, nil, r.Severity, func(f rules.Finding) {
				rep.Items = append(rep.Items, report.Locate(doc, f))
			}))
		}
	}
	report.Sort(rep.Items)
	return rep
}

// seedDocs reads the bundled seed articles.
func seedDocs(t *testing.T) []*document.Document {
	t.Helper()
	paths, err := filepath.Glob("../../testdata/seeds/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no seeds found: %v", err)
	}
	sort.Strings(paths)
	var docs []*document.Document
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, document.New("testdata/seeds/"+filepath.Base(p), data, document.Meta{}))
	}
	return docs
}

// smallCases are the shapes that trip formats up: CRLF, a BOM, astral
// characters (code-point and byte columns differ), characters to escape,
// spans over several lines, an empty file, a path with a space and a
// comma, a JSON Lines record.
func smallCases() []*document.Document {
	return []*document.Document{
		document.New("cases/crlf.txt", []byte("Title here\r\n\r\nA first\u00a0 paragraph.\r\n\r\nLogin\r\n"), document.Meta{}),
		document.New("cases/bom.txt", []byte("\ufeffShare this\n\nBody text follows here.\n"), document.Meta{}),
		document.New("cases/astral.md", []byte("# 🎉 Party\n\nEmoji 😀 then\u00a0 space and https://example.org/x?y=1,2.\n"), document.Meta{}),
		document.New("cases/notes.txt", []byte("Body.[1]\n\n[1] A note that runs\nover two lines with ``` fences.\n"), document.Meta{}),
		document.New("cases/wrapped.txt", []byte("A paragraph wrapped\nover two lines and\nending here.\n"), document.Meta{}),
		document.New("cases/empty.txt", nil, document.Meta{}),
		document.New("cases/odd name, 100%.txt", []byte("Read more\n"), document.Meta{}),
		document.New("cases/feed.jsonl", []byte("Zero\u200bwidth and http://a.example/%41:b\n"), document.Meta{Record: "rec-7"}),
	}
}

var goldenFormats = []string{"text", "json", "sarif", "github", "checkstyle", "rdjson"}

func render(t *testing.T, format string, rep *report.Report) []byte {
	t.Helper()
	write, err := report.Lookup(format)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := write(&buf, rep, report.Options{Version: "test"}); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

func goldenExt(format string) string {
	switch format {
	case "json", "sarif", "rdjson":
		return format + ".json"
	case "checkstyle":
		return "checkstyle.xml"
	}
	return format + ".txt"
}

func TestGolden(t *testing.T) {
	sets := map[string]func() []*document.Document{
		"seeds": func() []*document.Document { return seedDocs(t) },
		"cases": smallCases,
	}
	for name, docs := range sets {
		rep := buildReport(docs())
		if len(rep.Items) == 0 {
			t.Fatalf("%s: the test rules found nothing; the golden files would pin nothing", name)
		}
		for _, format := range goldenFormats {
			t.Run(name+"/"+format, func(t *testing.T) {
				got := render(t, format, rep)
				path := filepath.Join(goldenDir, name+"."+goldenExt(format))
				if *update {
					if err := os.MkdirAll(goldenDir, 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run: go test ./internal/report -run Golden -update)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from %s (run with -update if the change is intended)\n%s", format, path, firstDiff(got, want))
				}
			})
		}
	}
}

// firstDiff shows the first differing line.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got: %s\nwant: %s", i+1, gl, wl)
		}
	}
	return ""
}
