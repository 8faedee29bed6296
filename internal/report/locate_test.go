package report

import (
	"math/rand"
	"os"
	"path/filepath"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// TestLocatePositionMatchesReference holds LocatePosition, which places a
// finding's end from its start when both lie on one line, to the version
// that searched the lines for each end, on random spans of the seeds and
// of texts with a byte order mark, CRLF line ends, empty lines and
// characters above ASCII (cut anywhere).
func TestLocatePositionMatchesReference(t *testing.T) {
	texts := []string{"", "\ufeffBOM line\r\nsecond \u2019line\r\n\r\nthird", "a\nb\n\nc\xe2\x80", "\u00e9t\u00e9 \u201cquoted\u201d\nnext line\n"}
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	rng := rand.New(rand.NewSource(11))
	rule := &rules.Rule{ID: "text/x"}
	for _, text := range texts {
		doc := document.New("t", []byte(text), document.Meta{})
		for range 3000 {
			start := rng.Intn(len(text)+3) - 1
			end := start + rng.Intn(60) - 5
			if rng.Intn(4) == 0 && len(doc.Lines) > 0 {
				end = doc.Lines[rng.Intn(len(doc.Lines))].Start // an end at a line's start
			}
			f := rules.Finding{Rule: rule, Start: start, End: end}
			got, want := LocatePosition(doc, f), referenceLocatePosition(doc, f)
			if got.Line != want.Line || got.Column != want.Column || got.EndLine != want.EndLine || got.EndColumn != want.EndColumn {
				t.Fatalf("%q [%d, %d): got %d:%d-%d:%d, want %d:%d-%d:%d", text[:min(len(text), 80)], start, end,
					got.Line, got.Column, got.EndLine, got.EndColumn, want.Line, want.Column, want.EndLine, want.EndColumn)
			}
		}
	}
}

// referenceLocatePosition is LocatePosition as it was: a search of the
// lines and a count from the line's start for each end.
func referenceLocatePosition(doc *document.Document, f rules.Finding) Item {
	it := Item{Path: doc.Path, Record: doc.Meta.Record, Rule: f.Rule, Finding: f}
	it.Line, it.Column = doc.Position(f.Start)
	end := f.End
	if end > f.Start {
		if li := doc.LineAt(end); doc.Lines[li].Start == end && li > 0 {
			end = doc.Lines[li-1].End
		}
	}
	it.EndLine, it.EndColumn = doc.Position(end)
	if it.EndLine < it.Line || it.EndLine == it.Line && it.EndColumn < it.Column {
		it.EndLine, it.EndColumn = it.Line, it.Column
	}
	return it
}
