package footnotes

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// Real ingests from the WCXB development pages (CC-BY-4.0, see
// testdata/footnotes/ATTRIBUTION.md).
func TestRealFixtures(t *testing.T) {
	for _, tc := range []struct {
		file    string
		want    []string
		message string
	}{
		{"wcxb-dev-4063-glued-numbers.txt", nil, ""},
		{"wcxb-dev-0472-unnumbered-references.txt", []string{"missing-definitions"}, `entries under "References" (line 8) lost their numbers`},
		{"wcxb-dev-4538-orphan-notes.txt", []string{"unused-definition"}, "notes 1, 2 are defined but nothing in the text refers to them"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			b, err := os.ReadFile(ruletest.Testdata("footnotes", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			a := Analyse(document.New(tc.file, b, document.Meta{}))
			var got []string
			for _, p := range a.Problems {
				got = append(got, p.Kind.String())
			}
			if !slices.Equal(got, tc.want) {
				t.Fatalf("got %v, want %v (%+v)", got, tc.want, a.Problems)
			}
			if tc.message != "" && !strings.Contains(a.Problems[0].Message, tc.message) {
				t.Errorf("message %q does not say %q", a.Problems[0].Message, tc.message)
			}
		})
	}
}
