package eval

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// insertionFixtures builds generator articles from hygiene's own test texts
// (testdata/insertion), so the generator is tested without the shared data.
func insertionFixtures(t *testing.T) []*InsertionArticle {
	t.Helper()
	var arts []*InsertionArticle
	for _, name := range []string{"middle", "gradual", "qa", "lists", "endnotes", "roundup"} {
		src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "insertion", name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, newTruthArticle(name, name+".example", src))
	}
	return arts
}

func TestInsertionGeneratorIsDeterministic(t *testing.T) {
	arts := insertionFixtures(t)
	a, b := GenerateInsertionCases(arts, 7), GenerateInsertionCases(arts, 7)
	if len(a) == 0 || !reflect.DeepEqual(a, b) {
		t.Fatalf("same seed gave different cases (%d vs %d)", len(a), len(b))
	}
}

// Every inserted paragraph sits at the recorded lines, word for word, and
// the host text around it is kept.
func TestInsertionGeneratorRecordsRanges(t *testing.T) {
	arts := insertionFixtures(t)
	rng := rand.New(rand.NewSource(3))
	checked := 0
	for _, kind := range []InsertionKind{InsertOtherEnd, InsertOtherMid, InsertSameTopic} {
		for i := 0; i < 20; i++ {
			host, donor := arts[rng.Intn(len(arts))], arts[rng.Intn(len(arts))]
			if host == donor || len(host.paragraphs) < 4 || len(donor.paragraphs) < 2 {
				continue
			}
			c := insertCase(host, donor, kind, rng)
			checked++
			lines := strings.Split(c.Text, "\n")
			if len(c.Paragraphs) < 2 || len(c.Paragraphs) > 8 {
				t.Fatalf("%s: %d paragraphs inserted, want 2-8", c.Name, len(c.Paragraphs))
			}
			for _, p := range c.Paragraphs {
				got := strings.Join(lines[p[0]-1:p[1]], "\n")
				if !strings.Contains(string(donor.src), got) || len(got) < 20 {
					t.Fatalf("%s: lines %d-%d are not a donor paragraph: %q", c.Name, p[0], p[1], got)
				}
			}
			for _, p := range host.paragraphs {
				if !strings.Contains(c.Text, string(host.src[p.Start:p.End])) {
					t.Fatalf("%s: host paragraph lost", c.Name)
				}
			}
			if kind == InsertOtherEnd && !strings.HasSuffix(strings.TrimSpace(c.Text), strings.TrimSpace(lines[c.Paragraphs[len(c.Paragraphs)-1][1]-1])) {
				t.Fatalf("%s: end insertion does not end the text", c.Name)
			}
		}
	}
	if checked < 10 {
		t.Fatalf("only %d cases checked", checked)
	}
}

func TestInsertionCoverage(t *testing.T) {
	c := InsertionCase{Text: "a\n\nb\n\nc\n\nd\n", Paragraphs: [][2]int{{3, 3}, {5, 5}}}
	for _, tc := range []struct {
		first, last int
		covered     bool
	}{{3, 5, true}, {5, 7, true}, {1, 2, false}, {7, 7, false}} {
		if got, _ := coverage(c, tc.first, tc.last); got != tc.covered {
			t.Errorf("coverage(%d-%d) = %v, want %v", tc.first, tc.last, got, tc.covered)
		}
	}
}
