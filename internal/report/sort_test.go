package report

import (
	"math/rand"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"testing"

	"github.com/dochygiene/hygiene/rules"
)

// Sort gives the order of a stable sort by path, start, end and rule ID,
// ties (same span, same rule, different messages) in their first order.
func TestSortMatchesStableSort(t *testing.T) {
	ruleSet := []*rules.Rule{{ID: "a/x"}, {ID: "b/y"}, {ID: "c/z"}}
	rng := rand.New(rand.NewSource(7))
	for n := 1; n <= 200; n++ {
		items := make([]Item, n)
		for i := range items {
			start := rng.Intn(20)
			items[i] = Item{
				Path: []string{"p1", "p2"}[rng.Intn(2)],
				Rule: ruleSet[rng.Intn(len(ruleSet))],
				Finding: rules.Finding{Start: start, End: start + rng.Intn(5),
					Message: strconv.Itoa(i)},
			}
		}
		want := append([]Item(nil), items...)
		sort.SliceStable(want, func(i, j int) bool { return compareItems(&want[i], &want[j]) < 0 })
		Sort(items)
		if !reflect.DeepEqual(items, want) {
			t.Fatalf("%d items: Sort differs from a stable sort", n)
		}
	}
}

// SortFindings puts one document's findings in the order Sort gives their
// Items.
func TestSortFindingsMatchesSort(t *testing.T) {
	ruleSet := []*rules.Rule{{ID: "a/x"}, {ID: "b/y"}, {ID: "c/z"}}
	rng := rand.New(rand.NewSource(11))
	for n := 1; n <= 200; n++ {
		found := make([]rules.Finding, n)
		items := make([]Item, n)
		for i := range found {
			start := rng.Intn(20)
			r := ruleSet[rng.Intn(len(ruleSet))]
			found[i] = rules.Finding{Rule: r, Start: start, End: start + rng.Intn(5), Message: strconv.Itoa(i)}
			items[i] = Item{Path: "p", Rule: r, Finding: found[i]}
		}
		SortFindings(found)
		Sort(items)
		for i := range found {
			if !reflect.DeepEqual(found[i], items[i].Finding) {
				t.Fatalf("%d findings: place %d holds %+v, Sort put %+v there", n, i, found[i], items[i].Finding)
			}
		}
	}
}

// OrderFindings gives the order of the general sort of the findings' keys
// whether the starts fit in 32 bits (sorted as integers, ties by the whole
// key) or not (the general sort alone).
func TestOrderFindingsMatchesKeySort(t *testing.T) {
	ruleSet := []*rules.Rule{{ID: "b/y"}, {ID: "a/x"}, {ID: "c/z"}, {ID: "a/x"}}
	rng := rand.New(rand.NewSource(13))
	for n := 1; n <= 300; n++ {
		found := make([]rules.Finding, n)
		for i := range found {
			start := rng.Intn(1 + n*[]int{1, 10}[rng.Intn(2)])
			if n%50 == 0 && i == n/2 {
				start = 1 << 33 // no room in 32 bits: the general sort
			}
			found[i] = rules.Finding{Rule: ruleSet[rng.Intn(len(ruleSet))], Start: start, End: start + rng.Intn(4)}
		}
		keys := appendFindingKeys(nil, found)
		slices.SortFunc(keys, compareFindingKeys)
		want := make([]int32, 0, n)
		for _, k := range keys {
			want = append(want, k.at)
		}
		if got := OrderFindings(found, nil); !slices.Equal(got, want) {
			t.Fatalf("%d findings: order %v, want %v", n, got, want)
		}
	}
}

// sortRuns sorts as slices.Sort does: a few ascending runs (merged), many
// (sorted), one, none, with repeats.
func TestSortRunsMatchesSort(t *testing.T) {
	rng := rand.New(rand.NewSource(21))
	for n := range 3000 {
		var p []uint64
		for range n % 12 { // runs
			v := uint64(rng.Intn(50))
			for range rng.Intn(40) {
				p = append(p, v)
				v += uint64(rng.Intn(3))
			}
		}
		if n%10 == 0 {
			rng.Shuffle(len(p), func(i, j int) { p[i], p[j] = p[j], p[i] })
		}
		want := slices.Clone(p)
		slices.Sort(want)
		sortRuns(p)
		if !slices.Equal(p, want) {
			t.Fatalf("case %d: got %v\nwant %v", n, p, want)
		}
	}
}
