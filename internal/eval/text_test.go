package eval

import (
	"bytes"
	"errors"
	"testing"

	_ "github.com/dochygiene/hygiene/rules/text"
)

// sampleTexts are small clean articles for the generator tests.
var sampleTexts = [][]byte{
	[]byte("The heads of state met in Paris on Thursday. They agreed on a plan of action for the region and the people in it.\n\nThe plan was adopted by most of the members of the coalition, and the rest will follow in the coming weeks as the details of the operation become clear to all of them.\n\nCritics said the café owners in Zürich were not consulted. It’s a concern that the organizers promised to address before the next meeting of the group.\n"),
	[]byte("A second article discusses the state of the economy and the outlook for the year ahead, which most analysts describe as uncertain at best.\n\nPrices rose by three percent in the first quarter. The central bank is expected to act on the data in its next meeting, which is scheduled for the end of the month.\n"),
}

func TestTextGeneratorIsDeterministic(t *testing.T) {
	names := []string{"a.txt", "b.txt"}
	one := GenerateTextCases(names, sampleTexts)
	two := GenerateTextCases(names, sampleTexts)
	for i := range one {
		if !bytes.Equal(one[i].Damaged, two[i].Damaged) || len(one[i].Damages) != len(two[i].Damages) {
			t.Fatalf("case %d differs between two runs", i)
		}
		if len(one[i].Damages) == 0 {
			t.Errorf("case %d: no damage injected", i)
		}
		for _, d := range one[i].Damages {
			if d.Start < 0 || d.End > len(one[i].Damaged) || d.Start >= d.End {
				t.Errorf("case %d: damage span [%d,%d) out of range", i, d.Start, d.End)
			}
		}
		if bytes.Equal(one[i].Damaged, sampleTexts[i]) {
			t.Errorf("case %d: the damaged copy equals the clean text", i)
		}
	}
}

func TestMapOffsetFollowsEdits(t *testing.T) {
	c := &TextCase{edits: []textEdit{{Start: 10, OldLen: 1, NewLen: 0}, {Start: 20, OldLen: 0, NewLen: 5}}}
	for _, tc := range []struct{ in, want int }{{5, 5}, {11, 10}, {30, 34}} {
		if got := c.mapOffset(tc.in); got != tc.want {
			t.Errorf("mapOffset(%d) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

// TestTextInjectedTargets checks the target (precision and recall
// at least 0.95 per rule) on the WCXB truth texts when they are there.
func TestTextInjectedTargets(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every text rule over the WCXB truth texts")
	}
	names, texts, err := LoadTruthTexts()
	if errors.Is(err, ErrNoData) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	res := TextInjected(names, texts, FamilyRules("text/"))
	for id, s := range res.ByRule {
		if s.TP+s.FN == 0 {
			continue // a rule with no injected damage of its own
		}
		if s.Precision() < 0.95 || s.Recall() < 0.95 {
			t.Errorf("%s: %s, below the 0.95 target", id, s)
		}
	}
}
