package insertion_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/eval"
	"github.com/dochygiene/hygiene/rules/insertion"
)

// TestDiagnoseMisses is a tuning aid, not a test: with INSERTION_DIAG=1 it
// explains, on the TUNE half only, how the rule sees every inserted block
// it misses.
//
//	INSERTION_DIAG=1 go test ./rules/insertion -run DiagnoseMisses -v
func TestDiagnoseMisses(t *testing.T) {
	if os.Getenv("INSERTION_DIAG") == "" {
		t.Skip("tuning aid: set INSERTION_DIAG=1")
	}
	dir, err := eval.DataDir()
	if err != nil {
		t.Skip(err)
	}
	arts, err := eval.LoadInsertionArticles(dir, "tune")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range eval.GenerateInsertionCases(arts, 1) {
		if c.Kind == eval.InsertNone || c.Kind == eval.InsertSameTopic || c.Words < 150 {
			continue
		}
		doc := document.New(c.Name, []byte(c.Text), document.Meta{})
		ok, a, b := insertion.FlagWith(doc, insertion.DefaultMinLogit)
		if ok && coversHalf(c, a, b) {
			continue
		}
		fmt.Printf("%s %s %d-%d: %s\n", c.Name, c.Kind, c.Paragraphs[0][0], c.Paragraphs[len(c.Paragraphs)-1][1],
			insertion.Explain(doc, c.Paragraphs[0][0], c.Paragraphs[len(c.Paragraphs)-1][1]))
	}
}

// TestDiagnoseQuiet lists, on the TUNE half only, the untouched articles
// whose best block comes closest to the threshold.
//
//	INSERTION_DIAG=1 go test ./rules/insertion -run DiagnoseQuiet -v
func TestDiagnoseQuiet(t *testing.T) {
	if os.Getenv("INSERTION_DIAG") == "" {
		t.Skip("tuning aid: set INSERTION_DIAG=1")
	}
	dir, err := eval.DataDir()
	if err != nil {
		t.Skip(err)
	}
	arts, err := eval.LoadInsertionArticles(dir, "tune")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range eval.GenerateInsertionCases(arts, 1) {
		if c.Kind != eval.InsertNone {
			continue
		}
		doc := document.New(c.Name, []byte(c.Text), document.Meta{})
		if ok, a, b := insertion.FlagWith(doc, insertion.DefaultMinLogit-1.5); ok {
			fmt.Printf("%s %d-%d: %s\n", c.Name, a, b, insertion.Explain(doc, a, b))
		}
	}
}
