package boilerplate

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/shareddata"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// runTemplatesReference is runTemplates before it looked lines up only
// among those that pass both counts: every candidate of every document
// looked up among the lines of at least min-docs documents.
func runTemplatesReference(pass *rules.Pass) {
	f, ok := pass.Corpus.(*templateFacts)
	if !ok || f == nil {
		return
	}
	facts := f.counted()
	src := pass.Doc.Meta.Source
	total := facts.docs[src]
	minDocs := pass.Options.Int("min-docs", 5)
	minShare := pass.Options.Float("min-share", 0.3)
	if total < minDocs {
		return
	}
	a := analyse(pass.Doc)
	counts := facts.frequentLines(src, minDocs)
	for _, c := range a.cands {
		n := counts[fingerprint(c.norm)]
		if n < minDocs || float64(n) < minShare*float64(total) || len(c.norm) <= maxLegitRepeat && legitRepeats[c.norm] {
			continue
		}
		sev := rules.Warning
		if a.inBody(c.block) {
			if c.words < 2 {
				continue
			}
			sev = rules.Info
		}
		reportLines(pass, c.line, c.line, sev, fixers.Unsafe, removeTemplate,
			fmt.Sprintf("line recurs in %d of %d documents of source %q (a site template), %s", n, total, src, a.position(c.block)))
	}
}

// The run phase looks lines up only among those that pass both counts,
// and skips a source that has none: the same findings as the reference
// for every min-docs and min-share (a NaN share included), on the seeds
// and the WCXB texts grouped into sources of a dozen documents, each
// source's documents given lines shared by 1 to 12 of them, and on the
// two WCXB kinds each as one source (no template line: nothing looked
// up).
func TestTemplateLinesMatchReference(t *testing.T) {
	var texts []string
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		_, text := ruletest.Seed(t, n)
		texts = append(texts, text)
	}
	wcxb, err := shareddata.WCXBTexts("pages", "truth")
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range wcxb {
		texts = append(texts, string(src))
	}
	const perSource = 12
	grouped := make([]*document.Document, len(texts))
	for i, text := range texts {
		k := i % perSource
		// Line j is in the documents whose place in the source is at
		// least j: shared by 12 - j of its 12 documents.
		for j := 0; j <= k; j++ {
			text += fmt.Sprintf("\n\nSign up for the briefing number %c of this site\n\nShared footer %c\n", 'A'+j, 'A'+j)
		}
		grouped[i] = document.New(fmt.Sprintf("d%d.txt", i), []byte(text), document.Meta{Source: fmt.Sprint("site", i/perSource)})
	}
	found := 0
	for _, opts := range []rules.Options{nil, {"min-docs": 2}, {"min-share": 0.6}, {"min-docs": 3, "min-share": 0.0}, {"min-share": math.NaN()}, {"min-docs": 13}} {
		found += compareTemplateRuns(t, grouped, opts)
	}
	t.Logf("found %d", found)
	minFound := 50 // the seeds alone give 82
	if len(wcxb) > 0 {
		minFound = 1000 // with the WCXB texts (../shared)
	}
	if found < minFound {
		t.Fatalf("only %d template findings: the comparison is too weak", found)
	}
	for _, kind := range []string{"pages", "truth"} {
		texts, err := shareddata.WCXBTexts(kind)
		if err != nil {
			t.Fatal(err)
		}
		docs := make([]*document.Document, len(texts))
		for i, src := range texts {
			docs[i] = document.New(fmt.Sprintf("%s%d.txt", kind, i), src, document.Meta{})
		}
		compareTemplateRuns(t, docs, nil)
	}
}

// compareTemplateRuns collects the documents' summaries and runs both
// versions of the rule on each, failing on the first difference; it
// returns the findings made.
func compareTemplateRuns(t *testing.T, docs []*document.Document, opts rules.Options) int {
	t.Helper()
	var facts rules.Summary
	for _, d := range docs {
		if s := collectTemplates(d, opts); facts == nil {
			facts = s
		} else {
			facts = mergeTemplates(facts, s)
		}
	}
	found := 0
	for _, d := range docs {
		var got, want []rules.Finding
		runTemplates(rules.NewPass(CorpusTemplate, d, opts, facts, CorpusTemplate.Severity, func(f rules.Finding) { got = append(got, f) }))
		runTemplatesReference(rules.NewPass(CorpusTemplate, d, opts, facts, CorpusTemplate.Severity, func(f rules.Finding) { want = append(want, f) }))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s, options %v: %d findings, the reference %d", d.Path, opts, len(got), len(want))
		}
		found += len(got)
	}
	return found
}

// A fingerprint carries its normal form's length (capped at 1023), for
// strings and bytes alike, and a template set holds a line only of a
// length one of its lines has.
func TestFingerprintLength(t *testing.T) {
	set := &templateSet{counts: map[uint64]int{}}
	for _, n := range []int{0, 1, 7, 8, 63, 64, 65, 600, 1022, 1023, 1024, 5000} {
		norm := strings.Repeat("a", n)
		fp := fingerprint(norm)
		if got, want := fingerprintLength(fp), min(n, 1023); got != want {
			t.Fatalf("length of a %d-byte line's fingerprint: %d, want %d", n, got, want)
		}
		if fingerprint([]byte(norm)) != fp {
			t.Fatalf("%d bytes: the fingerprints of the string and the bytes differ", n)
		}
	}
	k := fingerprintLength(fingerprint("about us"))
	set.lengths[k>>6] |= 1 << (k & 63)
	for _, norm := range []string{"about us", "contact", "privacy policy", "blog", "", strings.Repeat("x", 1100)} {
		if got, want := set.mayHold(norm), len(norm) == len("about us"); got != want {
			t.Errorf("mayHold(%q) = %v, want %v", norm, got, want)
		}
	}
}
