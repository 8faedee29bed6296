package report_test

import (
	"reflect"
	"testing"

	"github.com/dochygiene/hygiene/internal/lint"
	"github.com/dochygiene/hygiene/internal/report"
	_ "github.com/dochygiene/hygiene/rules/all"
)

// The seeds linted end to end with every registered rule give output that
// the SARIF schema and the JSON contract schema accept, and every format
// writes it. (The golden tests pin the formats with fixed test rules; this
// one follows the real rules, whatever they find.)
func TestSeedsWithRealRulesInEveryFormat(t *testing.T) {
	runner, err := lint.New(lint.Options{Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	res, err := runner.Lint([]string{"../../testdata/seeds"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Report.Items) == 0 {
		t.Fatal("the registered rules find nothing in the seeds")
	}
	validate(t, compileSchema(t, "../../testdata/sarif/sarif-schema-2.1.0.json"), render(t, "sarif", res.Report))
	validate(t, compileSchema(t, "../../docs/json-output.schema.json"), render(t, "json", res.Report))
	for _, f := range goldenFormats {
		if out := render(t, f, res.Report); len(out) == 0 {
			t.Errorf("%s wrote nothing", f)
		}
	}
	for i := range res.Report.Items {
		if it := &res.Report.Items[i]; len(it.Fingerprint) != 32 {
			t.Errorf("%s: fingerprint %q", it.Rule.ID, it.Fingerprint)
		}
	}
}

// A run with PositionsOnly locates every finding as a full run does, less
// the excerpt, the byte ranges and the fingerprint; the text and JSON formats write the
// same bytes for both.
func TestPositionsOnlyLeavesOutExcerptsByteRangesAndFingerprints(t *testing.T) {
	lintSeeds := func(positionsOnly bool) []report.Item {
		runner, err := lint.New(lint.Options{Jobs: 1, PositionsOnly: positionsOnly})
		if err != nil {
			t.Fatal(err)
		}
		res, err := runner.Lint([]string{"../../testdata/seeds"})
		if err != nil {
			t.Fatal(err)
		}
		return res.Report.Items
	}
	full, brief := lintSeeds(false), lintSeeds(true)
	if len(full) == 0 || len(full) != len(brief) {
		t.Fatalf("%d findings in full, %d positions only", len(full), len(brief))
	}
	for i := range full {
		want := full[i]
		want.Excerpt, want.Bytes, want.EditBytes, want.Fingerprint = "", report.ByteRange{}, nil, ""
		if !reflect.DeepEqual(brief[i], want) {
			t.Errorf("item %d: positions only\n%+v\nwant\n%+v", i, brief[i], want)
		}
	}
	for _, f := range []string{"text", "json"} {
		a := render(t, f, &report.Report{Documents: 1, Items: full})
		b := render(t, f, &report.Report{Documents: 1, Items: brief})
		if string(a) != string(b) {
			t.Errorf("%s output differs without byte ranges and fingerprints", f)
		}
	}
}
