package report

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/shareddata"
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

// TestLocateInOrderMatchesLocate holds LocateInOrder, which walks on from
// the line of the finding before, to Locate and LocatePosition one finding
// at a time: on the texts above and a few WCXB dev pages (thousands of
// lines), with findings in order of position (mostly line by line, some
// far ahead, some at a line's start or end) and, once per text, in no order.
func TestLocateInOrderMatchesLocate(t *testing.T) {
	if n := reflect.TypeOf(Item{}).NumField(); n != 12 {
		t.Fatalf("Item has %d fields, not 12: lineCursor.locate must set the new ones", n)
	}
	texts := []string{"", "\ufeffBOM line\r\nsecond \u2019line\r\n\r\nthird", "a\nb\n\nc\xe2\x80", "\u00e9t\u00e9 \u201cquoted\u201d\nnext line\n"}
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	pages, err := shareddata.WCXBFiles("pages")
	if err != nil {
		t.Logf("no WCXB pages: %v", err)
	}
	paths = append(paths, pages[:min(len(pages), 12)]...)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	rng := rand.New(rand.NewSource(12))
	rule := &rules.Rule{ID: "text/x"}
	for _, text := range texts {
		doc := document.New("t", []byte(text), document.Meta{Record: "r"})
		var fs []rules.Finding
		at := -2
		for range 2000 {
			switch rng.Intn(6) {
			case 0: // far ahead
				at += rng.Intn(len(text)/4 + 1)
			case 1: // the next line's start or end
				if li := doc.LineAt(max(at, 0)) + 1; li < len(doc.Lines) {
					at = doc.Lines[li].Start + rng.Intn(2)*(doc.Lines[li].End-doc.Lines[li].Start)
				}
			default:
				at += rng.Intn(40)
			}
			if at > len(text)+2 {
				break
			}
			end := at + rng.Intn(120) - 5
			if rng.Intn(4) == 0 && len(doc.Lines) > 0 {
				end = doc.Lines[rng.Intn(len(doc.Lines))].Start
			}
			fs = append(fs, rules.Finding{Rule: rule, Start: at, End: end})
		}
		orders := [][]int32{OrderFindings(fs, nil), make([]int32, len(fs))}
		for k := range orders[1] {
			orders[1][k] = int32(k)
		}
		rng.Shuffle(len(orders[1]), func(i, j int) { orders[1][i], orders[1][j] = orders[1][j], orders[1][i] })
		// Locate wants spans inside the text (its excerpt cuts there).
		inside := slices.Clone(fs)
		for k := range inside {
			f := &inside[k]
			f.Start = min(max(f.Start, 0), len(text))
			f.End = min(max(f.End, f.Start), len(text))
		}
		for _, order := range orders {
			for _, positionsOnly := range []bool{true, false} {
				fs := fs
				if !positionsOnly {
					if text == "" {
						continue // Locate's fingerprint wants a text
					}
					fs = inside
				}
				items := make([]Item, len(order))
				for k := range items { // a reused slice's leftovers
					items[k] = Item{Path: "old", Record: "old", Excerpt: "old", Bytes: ByteRange{Line: 3},
						EditBytes: []ByteRange{{}}, Fingerprint: "old", Line: 9, EndColumn: 9}
				}
				LocateInOrder(doc, fs, order, items, positionsOnly)
				for k, i := range order {
					var want Item
					if positionsOnly {
						want = LocatePosition(doc, fs[i])
					} else {
						want = Locate(doc, fs[i])
					}
					if !reflect.DeepEqual(items[k], want) {
						t.Fatalf("%q [%d, %d): got %+v\nwant %+v", text[:min(len(text), 80)], fs[i].Start, fs[i].End, items[k], want)
					}
				}
			}
		}
	}
}
