package knowledge

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestDefaultPackLoads(t *testing.T) {
	p := Default()
	if p.ValidAsOf.IsZero() || len(p.People) < 100 || len(p.Offices) < 100 || len(p.Initialisms) < 20 || len(p.Facts) == 0 {
		t.Fatalf("pack too small: %v", p)
	}
	t.Log(p)
}

func TestFactbookNamesAreCleaned(t *testing.T) {
	p := Default()
	starmer := p.PersonNamed("Keir Starmer")
	if starmer == nil || starmer.Surname != "Starmer" || starmer.FirstGiven() != "Keir" {
		t.Fatalf("Keir Starmer: %+v", starmer)
	}
	xi := p.PersonNamed("Xi Jinping")
	if xi == nil || !xi.FamilyFirst || xi.Surname != "Xi" {
		t.Fatalf("Xi Jinping: %+v", xi)
	}
	// Deputies listed beside the head are not office holders.
	for _, o := range p.Offices {
		for _, term := range o.Terms {
			if strings.Contains(term.Holder.Name, "Deputy") || strings.ToUpper(term.Holder.Name) == term.Holder.Name {
				t.Errorf("%s: holder %q not cleaned", o.ID, term.Holder.Name)
			}
		}
	}
	// The Zelensky entry and the Factbook's ZELENSKYY are one person.
	if p.PersonNamed("Volodymyr Zelenskyy") != p.PersonNamed("Volodymyr Zelensky") {
		t.Error("Zelenskyy and Zelensky are two people")
	}
}

func TestHolders(t *testing.T) {
	p := Default()
	office := func(id string) *Office {
		for _, o := range p.Offices {
			if o.ID == id {
				return o
			}
		}
		t.Fatalf("no office %s", id)
		return nil
	}
	grace := 7 * 24 * time.Hour
	cases := []struct {
		office, date, holder string
	}{
		{"nato/secretary-general", "2023-09-07", "Jens Stoltenberg"},
		{"nato/secretary-general", "2025-09-04", "Mark Rutte"},
		{"factbook/gm/chancellor", "2025-09-04", "Friedrich Merz"},
		{"factbook/gm/chancellor", "2024-01-10", "Olaf Scholz"},
		{"factbook/us/president", "2022-06-01", "Joe Biden"},
	}
	for _, c := range cases {
		term := office(c.office).HolderAt(day(c.date), p.ValidAsOf, grace)
		if term == nil || term.Holder.Name != c.holder {
			t.Errorf("%s on %s: got %+v, want %s", c.office, c.date, term, c.holder)
		}
	}
	// In a gap of the Factbook snapshots nobody is certain.
	if term := office("factbook/fr/prime-minister").HolderAt(day("2018-06-01"), p.ValidAsOf, grace); term != nil {
		t.Errorf("French PM in 2018 should be unknown (Factbook gap), got %s", term.Holder.Name)
	}
}

func TestUserOverlayReplacesAndAdds(t *testing.T) {
	dir := t.TempDir()
	data := `valid_as_of: 2030-01-01
people:
  - name: Jane Example
    source: test
offices:
  - id: nato/secretary-general
    title: Secretary General
    qualifiers: [NATO]
    terms:
      - {holder: Jane Example, from: 2020-01-01, current: true}
`
	if err := os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !p.ValidAsOf.Equal(day("2030-01-01")) || p.PersonNamed("Jane Example") == nil {
		t.Fatalf("overlay not applied: %v", p)
	}
	for _, o := range p.Offices {
		if o.ID == "nato/secretary-general" && (len(o.Terms) != 1 || o.Terms[0].Holder.Name != "Jane Example") {
			t.Errorf("office not replaced: %+v", o.Terms)
		}
	}
	if Default().PersonNamed("Jane Example") != nil {
		t.Error("overlay leaked into the default pack")
	}
}

func TestLoadErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	write(t, bad, "offices:\n  - id: x\n    title: T\n    terms:\n      - {holder: A B, from: 2020-13-01, current: true}\n")
	if _, err := Load(bad); err == nil || !strings.Contains(err.Error(), "2020-13-01") {
		t.Errorf("want a date error, got %v", err)
	}
	write(t, bad, "peeple: []\n")
	if _, err := Load(bad); err == nil || !strings.Contains(err.Error(), "bad.yaml") {
		t.Errorf("want an error naming the file, got %v", err)
	}
	if _, err := Load(filepath.Join(dir, "missing")); err == nil {
		t.Error("missing path must fail")
	}
	tsv := filepath.Join(dir, "o.tsv")
	write(t, tsv, "a\tb\n")
	if _, err := Load(tsv); err == nil || !strings.Contains(err.Error(), "o.tsv:1") {
		t.Errorf("want file:line for a short TSV row, got %v", err)
	}
}

func TestNameMeasures(t *testing.T) {
	if d := Distance("keith", "keir"); d != 2 {
		t.Errorf("Distance = %d", d)
	}
	if !Near("keith", "keir") || !Near("kier", "keir") || Near("eric", "donald") || Near("ivanka", "jvanka") {
		t.Error("Near disagrees")
	}
	for _, pair := range [][2]string{{"Zelensky", "Zelenskyy"}, {"Zelensky", "Zelenskiy"}, {"Dmitriy", "Dmitry"}} {
		if TransliterationKey(pair[0]) != TransliterationKey(pair[1]) {
			t.Errorf("%v: keys differ", pair)
		}
	}
	if Fold("Sébastien") != "sebastien" {
		t.Error(Fold("Sébastien"))
	}
}

func TestEmbeddedSizeBudget(t *testing.T) {
	total := 0
	entries, _ := embedded.ReadDir("data")
	for _, e := range entries {
		info, _ := e.Info()
		total += int(info.Size())
	}
	if total > 2<<20 {
		t.Errorf("embedded pack is %d bytes, budget 2 MB", total)
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := loadEmbedded(); err != nil {
			b.Fatal(err)
		}
	}
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The example overlay in testdata/knowledge loads and adds its entries.
func TestExampleOverlay(t *testing.T) {
	p, err := Load(filepath.Join("..", "..", "testdata", "knowledge"))
	if err != nil {
		t.Fatal(err)
	}
	if p.PersonNamed("Anneliese Vandermeulen") == nil || p.Initialism("NATO") == nil || len(p.Initialism("NATO").Styles) != 0 {
		t.Errorf("example overlay not applied")
	}
	if err := Use(filepath.Join("..", "..", "testdata", "knowledge")); err != nil || Active().PersonNamed("Anneliese Vandermeulen") == nil {
		t.Errorf("Use: %v", err)
	}
	if err := Use(); err != nil || Active() != Default() {
		t.Error("Use() must restore the embedded pack")
	}
}
