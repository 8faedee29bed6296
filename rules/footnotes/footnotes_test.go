package footnotes

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// kindsOf returns the kinds the analysis finds in text, sorted, one entry
// per finding.
func kindsOf(text string) []string {
	a := Analyse(document.New("t.txt", []byte(text), document.Meta{}))
	var out []string
	for _, p := range a.Problems {
		out = append(out, p.Kind.String())
	}
	sort.Strings(out)
	return out
}

// runAll runs every footnote rule through the rule API.
func runAll(t *testing.T, text string) []rules.Finding {
	t.Helper()
	var all []rules.Finding
	for _, r := range rules.All() {
		if r.Family() == "footnotes" {
			all = append(all, ruletest.Run(t, r, text, nil)...)
		}
	}
	return all
}

func TestSeeds(t *testing.T) {
	for _, tc := range []struct {
		seed string
		want []string // rule IDs at warning or above
		line int      // line of the finding, when one
	}{
		{"000", []string{"footnotes/missing-definitions"}, 9},
		{"001", []string{"footnotes/missing-definitions"}, 2},
		{"002", nil, 0},
		{"003", nil, 0},
		{"004", nil, 0},
	} {
		t.Run(tc.seed, func(t *testing.T) {
			_, text := ruletest.Seed(t, tc.seed)
			fs := ruletest.AtLeast(runAll(t, text), rules.Warning)
			var got []string
			for _, f := range fs {
				got = append(got, f.Rule.ID)
			}
			if !slices.Equal(got, tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			if tc.line > 0 {
				if lines := ruletest.Lines(text, fs); lines[0] != tc.line {
					t.Errorf("finding on line %d, want %d", lines[0], tc.line)
				}
				for _, want := range []string{"[1]", "[12]"} {
					if !strings.Contains(fs[0].Message, want) {
						t.Errorf("message %q does not name %s", fs[0].Message, want)
					}
				}
			}
		})
	}
}

// TestSeedEditorialBrackets checks that "[ly]" and "[s]" are never read as
// references, and that seed 004 pairs twelve references with twelve notes.
func TestSeedParse(t *testing.T) {
	_, text := ruletest.Seed(t, "000")
	n := Parse(document.New("000", []byte(text), document.Meta{}))
	for _, r := range n.Refs {
		if marker := text[r.Start:r.End]; marker == "[ly]" || marker == "[s]" {
			t.Errorf("editorial bracket %s read as a reference", marker)
		}
	}
	if len(n.Refs) != 12 {
		t.Errorf("000: %d references, want 12", len(n.Refs))
	}
	_, text = ruletest.Seed(t, "004")
	n = Parse(document.New("004", []byte(text), document.Meta{}))
	if len(n.Refs) != 12 || len(n.Defs) != 12 {
		t.Errorf("004: %d references and %d definitions, want 12 and 12", len(n.Refs), len(n.Defs))
	}
}

// Traps: text that must produce no footnote finding at all.
func TestTraps(t *testing.T) {
	for name, text := range map[string]string{
		"editorial":    "Russia \u201ccategorical[ly] reject[s]\u201d the plan [sic]. He said [the minister] would go [\u2026] later [...].",
		"year":         "The treaty [2005] was signed. Another [1999] followed, and [2024] too.",
		"code-inline":  "Call `args[1]` and `argv[2]` to read the flags.",
		"code-ident":   "Use my_list[1] and my_list[2] or obj.items[1] and dataRows[2] there.",
		"code-assign":  "Then x[1]= 5 and x[2]= 6 in the loop, and y[1].name too.",
		"code-block":   "Example:\n\n```\nfor i in a[1] a[2] a[3]\n```\n\nDone.",
		"zero-index":   "The first element is HttpLogs[0] and the next [0] again.",
		"link-text":    "See [1](https://example.org/1) and [2](https://example.org/2).",
		"ref-link":     "See [the paper][1] and [the code][2].\n\n[1]: https://example.org/a\n[2]: https://example.org/b",
		"interval":     "Values lie in the range [1, 5] and in the interval [2, 7].",
		"exponent":     "The lawn is 300 m\u00b2 and speeds reach 4.2 m/s\u00b2; E = mc\u00b2 and 10\u00b2 is 100.",
		"units-sup":    "An area of 20 km<sup>2</sup> and 10<sup>3</sup> metres.",
		"checkbox":     "- [ ] write tests\n- [x] ship it",
		"single-ref":   "Only one stray marker here [3] and nothing else.",
		"sparse":       "It was [7] and later [31].",
		"bibliography": "Body text with no citations.\n\nReferences\n\n1. Smith, J. A book.\n2. Doe, J. Another book.\n3. Roe, R. A third.",
		"lazy-list":    "A claim.[1] Another.[2] More.[3]\n\nNotes\n\n1. First note.\n1. Second note.\n1. Third note.",
		"reuse":        "A.[1] B.[2] Back to A.[1] C.[3] Again B.[2]\n\n[1] One.\n\n[2] Two.\n\n[3] Three.",
		"regex":        "Match [^a-z] and [^0-9] in the pattern.",
		"image":        "![1](img.png) and ![2](img2.png)",
		"escaped":      "Literal \\[1] and \\[2] brackets.",
		"squared-unit": "A 16-inch\u00b2 screen, a 20 sec\u00b2 wait, 16ft\u00b2 of floor, 9.8 m/s\u00b2 and x\u2074.",
		"key-takeaway": "Key Takeaways\n\n1. First point.\n2. Second point.\n3. Third point.",
	} {
		t.Run(name, func(t *testing.T) {
			if got := kindsOf(text); len(got) > 0 {
				t.Errorf("got %v, want no finding", got)
			}
		})
	}
}

// noteDoc writes a small article citing refs in order and defining defs,
// in one of the styles the rules read.
func noteDoc(style string, refs, defs []int) string {
	var b strings.Builder
	b.WriteString("A headline about things\n\n")
	for i, n := range refs {
		fmt.Fprintf(&b, "Sentence number %d says something worth citing.%s", i+1, refMarker(style, n))
		if i%3 == 2 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	b.WriteString("\n\n")
	if style == "superscript" || style == "numbered" {
		b.WriteString("Notes\n\n")
	}
	for _, n := range defs {
		switch style {
		case "caret":
			fmt.Fprintf(&b, "[^%d]: Source %d, an article.\n\n", n, n)
		case "escaped":
			fmt.Fprintf(&b, "\\[%d\\] Source %d, an article.\n\n", n, n)
		case "superscript", "numbered":
			fmt.Fprintf(&b, "%d. Source %d, an article.\n", n, n)
		default:
			fmt.Fprintf(&b, "[%d] Source %d, an article.\n\n", n, n)
		}
	}
	return b.String()
}

func refMarker(style string, n int) string {
	switch style {
	case "caret":
		return fmt.Sprintf("[^%d]", n)
	case "superscript":
		return superscriptString(n)
	case "sup":
		return fmt.Sprintf("<sup>%d</sup>", n)
	case "spaced":
		return fmt.Sprintf(" [%d]", n)
	case "escaped":
		return fmt.Sprintf("\\[%d\\]", n)
	}
	return fmt.Sprintf("[%d]", n)
}

var styles = []string{"bracket", "spaced", "caret", "superscript", "sup", "numbered", "escaped"}

func TestBrokenVariants(t *testing.T) {
	seq := numsRange
	for _, tc := range []struct {
		name       string
		refs, defs []int
		want       []string
	}{
		{"clean", seq(1, 6), seq(1, 6), nil},
		{"missing-definitions", seq(1, 6), nil, []string{"missing-definitions"}},
		{"undefined-reference", seq(1, 6), []int{1, 2, 3, 5, 6}, []string{"undefined-reference"}},
		{"undefined-last", seq(1, 6), seq(1, 5), []string{"undefined-reference"}},
		{"unused-definition", []int{1, 2, 4, 5, 6}, seq(1, 6), []string{"unused-definition"}},
		{"gap", []int{1, 2, 4, 5, 6}, []int{1, 2, 4, 5, 6}, []string{"gap"}},
		{"gap-refs-only", []int{1, 2, 4, 5, 6}, nil, []string{"gap", "missing-definitions"}},
		{"duplicate", seq(1, 6), []int{1, 2, 3, 3, 4, 5, 6}, []string{"duplicate"}},
		{"order", []int{1, 2, 4, 3, 5, 6}, seq(1, 6), []string{"order"}},
		{"order-moved", []int{1, 6, 2, 3, 4, 5, 7, 8}, seq(1, 8), []string{"order"}},
		{"definition-order", seq(1, 6), []int{1, 2, 4, 3, 5, 6}, []string{"definition-order"}},
		{"two-undefined", seq(1, 6), []int{1, 2, 5, 6}, []string{"undefined-reference", "undefined-reference"}},
		{"stray-high", []int{1, 2, 3, 9}, seq(1, 3), []string{"undefined-reference"}},
	} {
		for _, style := range styles {
			t.Run(tc.name+"/"+style, func(t *testing.T) {
				text := noteDoc(style, tc.refs, tc.defs)
				if got := kindsOf(text); !slices.Equal(got, tc.want) {
					t.Errorf("got %v, want %v\n%s", got, tc.want, text)
				}
			})
		}
	}
}

// TestOrphanNotes: definitions with no reference at all.
func TestOrphanNotes(t *testing.T) {
	for _, style := range []string{"bracket", "caret"} {
		text := noteDoc(style, nil, numsRange(1, 4))
		if got := kindsOf(text); !slices.Equal(got, []string{"unused-definition"}) {
			t.Errorf("%s: got %v", style, got)
		}
	}
	// A numbered list under Notes with no citations is a bibliography.
	if got := kindsOf(noteDoc("numbered", nil, numsRange(1, 4))); len(got) > 0 {
		t.Errorf("numbered without citations: got %v", got)
	}
}

func TestMarkerForms(t *testing.T) {
	for text, want := range map[string][]int{
		"as reported [5] today":              {5},
		"as reported[5] today":               {5},
		"studies [1-3] show":                 {1, 2, 3},
		"studies [1, 2] show":                {1, 2},
		"studies [ 4, 5 ] show":              {4, 5},
		"studies [ 5 \u2013 8 ] show":        {5, 6, 7, 8},
		"studies.[1][2] show":                {1, 2},
		"studies\u00b9\u00b2 show":           {12},
		"studies.\u00b9 show":                {1},
		"studies\u00b9\u207b\u00b3":          {1, 2, 3},
		"studies<sup>4</sup> show":           {4},
		"studies<SUP>1,2</SUP> x":            {1, 2},
		"a note[^7] here":                    {7},
		"the Spiral Model`s pros.[6]":        {6},
		"`a[1]` but then.[2]":                {2},
		"bought by YouTube[3], then":         {3},
		"built on Nano-vLLM[^4], we":         {4},
		"web apps in HTML5\u2075, CSS":       {5},
		"who can't\u2078, that":              {8},
		"in the 1960s\u00b3, farms":          {3},
		"a gym of 16ft\u2076, and":           {6},
		"moved to 100G<sup>1</sup>":          {1},
		"vendor lock-in\u00b9\u2076, making": {16},
	} {
		n := Parse(document.New("t", []byte(text), document.Meta{}))
		var got []int
		for _, r := range n.Refs {
			got = append(got, r.Nums...)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: got %v, want %v", text, got, want)
		}
	}
	n := Parse(document.New("t", []byte("A note.[^src]\n\n[^src]: The source."), document.Meta{}))
	if len(n.Refs) != 1 || n.Refs[0].Name != "src" || len(n.Defs) != 1 || n.Defs[0].Name != "src" {
		t.Errorf("named note: %+v", n)
	}
}

func TestNamedNotes(t *testing.T) {
	if got := kindsOf("A.[^a] B.[^b]\n\n[^a]: One.\n\n[^b]: Two."); len(got) > 0 {
		t.Errorf("clean named notes: %v", got)
	}
	if got := kindsOf("A.[^a] B.[^b]\n\n[^a]: One."); !slices.Equal(got, []string{"undefined-reference"}) {
		t.Errorf("undefined named: %v", got)
	}
	if got := kindsOf("A.[^a]\n\n[^a]: One.\n\n[^b]: Two."); !slices.Equal(got, []string{"unused-definition"}) {
		t.Errorf("unused named: %v", got)
	}
}

func TestMessagesNameNumbers(t *testing.T) {
	for _, tc := range []struct {
		refs, defs []int
		want       string
	}{
		{[]int{1, 2, 3}, []int{1, 3}, "[2]"},
		{[]int{1, 3}, []int{1, 2, 3}, "note 2"},
		{[]int{1, 2, 5}, []int{1, 2, 5}, "skips 3, 4"},
		{[]int{1, 2, 3}, []int{1, 2, 2, 3}, "note 2 is defined twice with the same text"},
		{[]int{1, 3, 2, 4}, []int{1, 2, 3, 4}, "[3]"},
		{[]int{1, 2, 3, 4}, []int{1, 3, 2, 4}, "note 3"},
	} {
		a := Analyse(document.New("t", []byte(noteDoc("bracket", tc.refs, tc.defs)), document.Meta{}))
		if len(a.Problems) != 1 || !strings.Contains(a.Problems[0].Message, tc.want) {
			t.Errorf("refs %v defs %v: %+v, want one message naming %q", tc.refs, tc.defs, a.Problems, tc.want)
		}
	}
}

// apply applies a fix's edits to text.
func apply(t *testing.T, text string, fix *fixers.Fix) string {
	t.Helper()
	if fix == nil {
		t.Fatal("no fix")
	}
	if fix.Safety != fixers.Unsafe {
		t.Errorf("fix safety %v, want unsafe", fix.Safety)
	}
	out, last := "", 0
	for _, e := range fix.Edits {
		if e.Start < last {
			t.Fatalf("overlapping edits %+v", fix.Edits)
		}
		out += text[last:e.Start] + e.Text
		last = e.End
	}
	return out + text[last:]
}

func fixOf(t *testing.T, text string, kind Kind) *fixers.Fix {
	t.Helper()
	a := Analyse(document.New("t", []byte(text), document.Meta{}))
	for _, p := range a.Problems {
		if p.Kind == kind && p.Fix != nil {
			return p.Fix
		}
	}
	t.Fatalf("no %s fix in %+v", kind, a.Problems)
	return nil
}

func TestRenumberFix(t *testing.T) {
	for _, style := range styles {
		t.Run(style, func(t *testing.T) {
			broken := noteDoc(style, []int{1, 3, 2, 4}, numsRange(1, 4))
			// After renumbering, [3] (cited second) becomes 2 and its note,
			// "Source 3", is now note 2.
			fixed := apply(t, broken, fixOf(t, broken, Order))
			if got := kindsOf(fixed); len(got) > 0 {
				t.Fatalf("after the fix: %v\n%s", got, fixed)
			}
			want := strings.NewReplacer("Source 3", "Source X", "Source 2", "Source 3").Replace(noteDoc(style, numsRange(1, 4), numsRange(1, 4)))
			want = strings.ReplaceAll(want, "Source X", "Source 2")
			if fixed != want {
				t.Errorf("fixed:\n%s\nwant:\n%s", fixed, want)
			}
		})
	}
}

func TestReorderDefinitionsFix(t *testing.T) {
	for _, eol := range []string{"\n", "\r\n"} {
		broken := strings.ReplaceAll(noteDoc("bracket", numsRange(1, 4), []int{1, 3, 2, 4}), "\n", eol)
		fixed := apply(t, broken, fixOf(t, broken, DefinitionOrder))
		if want := strings.ReplaceAll(noteDoc("bracket", numsRange(1, 4), numsRange(1, 4)), "\n", eol); fixed != want {
			t.Errorf("fixed:\n%q\nwant:\n%q", fixed, want)
		}
	}
}

func TestGapFixCloses(t *testing.T) {
	broken := "One.[1] Two.[2] Four.[4]\n\n[1] A.\n\n[2] B.\n\n[4] D.\n"
	want := "One.[1] Two.[2] Four.[3]\n\n[1] A.\n\n[2] B.\n\n[3] D.\n"
	if got := apply(t, broken, fixOf(t, broken, Gap)); got != want {
		t.Errorf("got %q", got)
	}
}

func TestRangeRenumbering(t *testing.T) {
	broken := "A.[1] B.[4] C [2-3] D.[5, 6]\n\n[1] a\n\n[2] b\n\n[3] c\n\n[4] d\n\n[5] e\n\n[6] f\n"
	got := apply(t, broken, fixOf(t, broken, Order))
	if !strings.HasPrefix(got, "A.[1] B.[2] C [3-4] D.[5, 6]") {
		t.Errorf("got %q", got)
	}
	if kinds := kindsOf(got); len(kinds) > 0 {
		t.Errorf("after the fix: %v\n%s", kinds, got)
	}
}

func TestNoRenumberWhenAmbiguous(t *testing.T) {
	// Note 3 is missing: which text belongs to which number is unknown.
	text := noteDoc("bracket", []int{1, 4, 2, 3}, []int{1, 2, 4})
	a := Analyse(document.New("t", []byte(text), document.Meta{}))
	for _, p := range a.Problems {
		if p.Kind == Order && p.Fix != nil {
			t.Errorf("renumbering offered although note 3 is undefined")
		}
	}
}

func TestStripFix(t *testing.T) {
	broken := "First claim [1]. Second claim.[2] Both [1, 2].\n\n[1] Source one.\n"
	got := apply(t, broken, fixOf(t, broken, UndefinedReference))
	if want := "First claim [1]. Second claim. Both [1].\n\n[1] Source one.\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	broken = "A claim [1]. Another\u00a0[2].\n"
	a := Analyse(document.New("t", []byte(broken), document.Meta{}))
	if got := apply(t, broken, a.Problems[0].Strip); got != "A claim. Another.\n" {
		t.Errorf("strip all: got %q", got)
	}
}

func TestStripOption(t *testing.T) {
	text := "A claim.[1] Another.[2]\n"
	fs := ruletest.Run(t, MissingDefinitionsRule, text, nil)
	if len(fs) != 1 || fs[0].Fix != nil {
		t.Fatalf("default: %+v, want one finding without fix", fs)
	}
	fs = ruletest.Run(t, MissingDefinitionsRule, text, rules.Options{"strip-markers": true})
	if len(fs) != 1 || fs[0].Fix == nil {
		t.Fatalf("strip-markers: %+v, want one finding with a fix", fs)
	}
}

func TestDuplicateDifferentText(t *testing.T) {
	text := "A.[1] B.[2]\n\n[1] One.\n\n[2] Two.\n\n[2] Another note.\n"
	a := Analyse(document.New("t", []byte(text), document.Meta{}))
	if len(a.Problems) != 1 || !strings.Contains(a.Problems[0].Message, "note number 2 is used for two different notes (first on line 5)") || a.Problems[0].Fix != nil {
		t.Errorf("got %+v", a.Problems)
	}
}

func TestDuplicateSameTextFix(t *testing.T) {
	broken := "A.[1] B.[2]\n\n[1] One.\n\n[2] Two.\n\n[2] Two.\n"
	if got := apply(t, broken, fixOf(t, broken, Duplicate)); got != "A.[1] B.[2]\n\n[1] One.\n\n[2] Two.\n" {
		t.Errorf("got %q", got)
	}
}

// TestSharedAnalysis checks that concurrent rules on one document share one
// analysis (run with -race to check the memo).
func TestSharedAnalysis(t *testing.T) {
	doc := document.New("t", []byte(noteDoc("bracket", numsRange(1, 5), numsRange(1, 4))), document.Meta{})
	var wg sync.WaitGroup
	got := make([]*Analysis, 16)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = analysisFor(doc)
		}()
	}
	wg.Wait()
	for _, a := range got {
		if a != got[0] {
			t.Fatal("two analyses for one document")
		}
	}
}

// TestMemoForgets: the analysis lives in the document, and goes with its
// state (the runner drops it once every rule has returned).
func TestMemoForgets(t *testing.T) {
	doc := document.New("t", []byte(noteDoc("bracket", numsRange(1, 3), numsRange(1, 3))), document.Meta{})
	first := analysisFor(doc)
	if analysisFor(doc) != first {
		t.Fatal("a second analysis before the state was dropped")
	}
	doc.DropState()
	if analysisFor(doc) == first {
		t.Fatal("the analysis outlived the document's state")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "[", "[]", "[^]", "[1", "[1-", "[1-]", "[^1]:", "<sup>", "<sup>1", "<sup>1</sup",
		"\u00b9", "a\u00b9\u207b", "x\u00b9,", "[1]\n\n[1] a", "Notes\n\n1. a\n1. b",
		"[ 5 \u2013 8 ]", "A.[1] B.[3]\n\n[3] c\n\n[1] a", "```\n[1]\n", "`[1]", "\xff[1]\xfe",
		noteDoc("caret", []int{1, 3, 2}, []int{1, 2, 2, 3}),
		noteDoc("superscript", []int{2, 1}, []int{1}),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := document.New("f", []byte(s), document.Meta{})
		a := Analyse(doc)
		for _, r := range a.Notes.Refs {
			if r.Start < 0 || r.End > len(s) || r.Start > r.InnerStart || r.InnerStart > r.InnerEnd || r.InnerEnd > r.End {
				t.Fatalf("reference span out of bounds: %+v (len %d)", r, len(s))
			}
		}
		for _, d := range a.Notes.Defs {
			if d.Start < 0 || d.End > len(s) || d.Start > d.InnerStart || d.InnerStart > d.InnerEnd || d.InnerEnd > d.End {
				t.Fatalf("definition span out of bounds: %+v (len %d)", d, len(s))
			}
		}
		for _, p := range a.Problems {
			if p.Start < 0 || p.End > len(s) || p.Start > p.End || p.Message == "" {
				t.Fatalf("bad problem %+v", p)
			}
			for _, fix := range []*fixers.Fix{p.Fix, p.Strip} {
				if fix == nil {
					continue
				}
				last := 0
				for _, e := range fix.Edits {
					if e.Start < last || e.End < e.Start || e.End > len(s) {
						t.Fatalf("bad edits %+v (len %d)", fix.Edits, len(s))
					}
					last = e.End
				}
			}
		}
	})
}

func TestNotesSectionForms(t *testing.T) {
	// Numbers glued to the text, one note per line, under a heading.
	glued := "Claim one [1]. Claim two [2].\n\nREFERENCES\n1.Xie Y, Wu Z. A paper. 2021.\n2.Schuch FB. Another. 2018.\n"
	if got := kindsOf(glued); len(got) > 0 {
		t.Errorf("glued numbers: %v", got)
	}
	if got := kindsOf(strings.Replace(glued, "2.Schuch", "3.Schuch", 1)); !slices.Equal(got, []string{"undefined-reference", "unused-definition"}) {
		t.Errorf("glued numbers, note 2 renumbered 3: %v", got)
	}
	// Decimal numbers opening lines are prose, not notes.
	decimals := "Body.[1] More.[2]\n\nNotes\n\n1.5 million people came.\n2.5 million left.\n"
	if n := Parse(document.New("t", []byte(decimals), document.Meta{})); len(n.Defs) > 0 {
		t.Errorf("decimals read as notes: %+v", n.Defs)
	}
	// A heading run into the paragraph above it, entries without numbers.
	lost := "Claim one [1]. Claim two [2].\nAll images by the author.\nReferences\nSmith, J. A book.\nDoe, J. Another.\n"
	a := Analyse(document.New("t", []byte(lost), document.Meta{}))
	if len(a.Problems) != 1 || a.Problems[0].Kind != MissingDefinitions ||
		!strings.Contains(a.Problems[0].Message, `entries under "References" (line 3) lost their numbers`) {
		t.Errorf("unnumbered entries: %+v", a.Problems)
	}
}

func TestNotesSectionBounds(t *testing.T) {
	for name, tc := range map[string]struct {
		text string
		want []string
	}{
		"bullet notes":                {"A.[1] B.[2]\n\n- [1] Smith, J. A book.\n- [2] Doe, J. Another.\n", nil},
		"wrapped entry":               {"A.[1] B.[2] C.[3]\n\nNotes\n\n1. Smith, J. A book that has a long title\nwrapped onto a second line.\n2. Doe, J. Another.\n3. Roe, R. A third.\n", nil},
		"list after notes":            {"A.[1] B.[2]\n\nNotes\n\n1. Smith, J. A book.\n2. Doe, J. Another.\n\nThe company also offers these tips to readers of the site:\n\n1. Save money.\n2. Read more.\n3. Sleep well.\n", nil},
		"superscript notes":           {"A claim.\u00b9 Another claim.\u00b2\n\n\u00b9 Smith, Book\n\n\u00b2 Doe, Paper\n", nil},
		"escaped":                     {"A claim.\\[1\\] Another [2\\].\\[2\\]\n\n\\[1\\] Smith, Book\n\n\\[2\\] Doe, Paper\n", nil},
		"escaped missing":             {"A claim.\\[1\\] Another.\\[2\\]\n\n\\[1\\] Smith, Book\n", []string{"undefined-reference"}},
		"escaped caret":               {"A claim.\\[^a\\]\n\n\\[^a\\]: Smith, Book\n", nil},
		"escaped, no blank lines":     {"A.\\[1\\] B.\\[2\\] C.\\[3\\]\n\n\\[1\\] Smith, Book\nwrapped line\n\\[2\\] Doe, Paper\n\\[3\\] Roe\n", nil},
		"superscript, no blank lines": {"A.\u00b9 B.\u00b2 C.\u00b3\n\n\u00b9 Smith, Book\n\u00b2 Doe, Paper\n<sup>3</sup> Roe\n", nil},
		"escaped dup, no blank lines": {"A.\\[1\\] B.\\[2\\]\n\n\\[1\\] Smith, Book\n\\[2\\] Doe, Paper\n\\[2\\] Roe\n", []string{"duplicate"}},
		"superscript note missing":    {"A claim.\u00b9 Another claim.\u00b2\n\n\u00b9 Smith, Book\n", []string{"undefined-reference"}},
	} {
		if got := kindsOf(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %v, want %v", name, got, tc.want)
		}
	}
}

// TestCRLFAndBOM: Windows line ends and a byte order mark change nothing.
func TestCRLFAndBOM(t *testing.T) {
	for _, style := range styles {
		for _, tc := range []struct{ refs, defs []int }{
			{numsRange(1, 5), numsRange(1, 5)},
			{[]int{1, 3, 2}, []int{1, 2, 3, 3}},
			{numsRange(1, 4), nil},
		} {
			text := noteDoc(style, tc.refs, tc.defs)
			want := kindsOf(text)
			windows := "\ufeff" + strings.ReplaceAll(text, "\n", "\r\n")
			if got := kindsOf(windows); !slices.Equal(got, want) {
				t.Errorf("%s %v %v: CRLF+BOM gives %v, LF gives %v", style, tc.refs, tc.defs, got, want)
			}
		}
	}
	text := "See [the paper][1].\r\n\r\n[1]: https://example.org/a\r\n[2]: https://example.org/b\r\n"
	if got := kindsOf(text); len(got) > 0 {
		t.Errorf("link definitions with CRLF: %v", got)
	}
}

// TestDocExamples: every rule's Bad example gives a finding of that rule
// and its Good example none.
func TestDocExamples(t *testing.T) {
	for _, r := range rules.All() {
		if r.Family() != "footnotes" {
			continue
		}
		if fs := ruletest.Run(t, r, r.Bad, nil); len(fs) == 0 {
			t.Errorf("%s: Bad example gives no finding", r.ID)
		}
		if fs := ruletest.Run(t, r, r.Good, nil); len(fs) > 0 {
			t.Errorf("%s: Good example gives %q", r.ID, fs[0].Message)
		}
	}
}
