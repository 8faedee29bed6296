package eval

import (
	"errors"
	"testing"

	"github.com/dochygiene/hygiene/rules"
	_ "github.com/dochygiene/hygiene/rules/boilerplate"
)

// TestWCXBBoilerplateFloor guards the boilerplate family's measured
// quality on the real WCXB dev pages (skipped without ../shared/data): a
// change that makes it cry wolf fails here before it ships. The floors
// sit a little under the measured numbers (residue P 0.972, R 0.301).
func TestWCXBBoilerplateFloor(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the WCXB dev pages")
	}
	dir, err := WCXBDir()
	if errors.Is(err, ErrNoData) {
		t.Skip("WCXB dev data not found")
	}
	if err != nil {
		t.Fatal(err)
	}
	pages, err := LoadWCXB(dir)
	if err != nil {
		t.Fatal(err)
	}
	rs := FamilyRules("boilerplate/")
	ls := ScoreLines(pages, ResidueView, rs, rules.Warning)
	t.Logf("residue: %s", ls.Score)
	if p := ls.Precision(); p < 0.95 {
		t.Errorf("residue precision %.3f, want at least 0.95", p)
	}
	if r := ls.Recall(); r < 0.28 {
		t.Errorf("residue recall %.3f, want at least 0.28", r)
	}
}
