package report_test

import (
	"testing"

	"github.com/dochygiene/hygiene/internal/lint"
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
