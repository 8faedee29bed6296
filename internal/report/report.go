// Package report holds located findings and writes them in the output
// formats. Formats live here, apart from the rules: a rule reports byte
// spans, and this package turns them into lines, columns and bytes on the
// wire. The JSON format is a contract that other tools and tests parse.
package report

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// Item is a finding located in its document.
type Item struct {
	Path   string
	Record string
	Rule   *rules.Rule
	rules.Finding
	// Line and Column are 1-based; EndLine is inclusive and EndColumn
	// exclusive; columns count code points.
	Line, Column, EndLine, EndColumn int
	// Excerpt is the flagged text (at most one line of it), for formats
	// that show it and for baselines.
	Excerpt string
	// Bytes is the span as lines and 1-based columns counted in UTF-8
	// bytes, end exclusive (reviewdog's rdjson wants byte columns), and
	// EditBytes the same for each edit of the fix.
	Bytes     ByteRange
	EditBytes []ByteRange
	// Fingerprint is a stable hash of the rule, the flagged text and its
	// neighbourhood on its line(s), for baselines and SARIF.
	Fingerprint string
}

// Report is the result of one run.
type Report struct {
	Documents int
	Items     []Item
	// Rules are the rules that ran, for formats that describe them (SARIF).
	Rules []*rules.Rule
}

// Locate turns a finding into an Item using the document's line index,
// with every part of it filled in.
func Locate(doc *document.Document, f rules.Finding) Item {
	it := LocatePosition(doc, f)
	locateMore(doc, &it)
	return it
}

// LocatePosition is Locate without the excerpt, the byte ranges and the
// fingerprint (Excerpt, Bytes, EditBytes, Fingerprint stay empty): the
// text and JSON formats show none of them, and on a whole-page ingest,
// with a finding per furniture line, the fingerprint's hash was 2% of a
// run.
func LocatePosition(doc *document.Document, f rules.Finding) Item {
	it := Item{Path: doc.Path, Record: doc.Meta.Record, Rule: f.Rule, Finding: f}
	it.Line, it.Column = doc.Position(f.Start)
	end := f.End
	if end > f.Start {
		// An end at the start of a line belongs to the line before it, so
		// that end_line stays inclusive. (An end inside the start's line
		// is not at a line's start: no search for that line.)
		if li := it.Line - 1; f.Start < doc.Lines[li].Start || end >= doc.Lines[li].Next {
			if li := doc.LineAt(end); doc.Lines[li].Start == end && li > 0 {
				end = doc.Lines[li-1].End
			}
		}
	}
	it.EndLine, it.EndColumn = doc.PositionAfter(f.Start, it.Line, it.Column, end)
	if it.EndLine < it.Line || it.EndLine == it.Line && it.EndColumn < it.Column {
		it.EndLine, it.EndColumn = it.Line, it.Column
	}
	return it
}

func excerpt(doc *document.Document, start, end int) string {
	li := doc.LineAt(start)
	lineEnd := doc.Lines[li].End
	if end > lineEnd {
		end = lineEnd
	}
	if end-start > 200 {
		end = start + 200
	}
	if start > end {
		return ""
	}
	return string(doc.Src[start:end])
}

// Sort orders items by path, record order, then position, then rule: the
// deterministic order of every format. Items that tie keep their order.
//
// An Item is some 200 bytes with pointers: a stable sort that swaps them
// in place (reflection, a write barrier per move, a merge's rotations)
// cost 1.5% of a whole-page run. The order is worked out on indexes and
// each item is moved once, in place.
func Sort(items []Item) {
	if slices.IsSortedFunc(items, func(a, b Item) int { return compareItems(&a, &b) }) {
		return
	}
	order := make([]int32, len(items))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(i, j int32) int { return compareItems(&items[i], &items[j]) })
	permute(items, order)
}

// permute moves items[order[k]] to items[k] for every k, in place: it
// follows each cycle of the permutation with one item aside, and marks
// the places it filled in order with -1.
func permute(items []Item, order []int32) {
	for k := range order {
		if order[k] < 0 {
			continue
		}
		aside := items[k]
		for j := k; ; {
			from := int(order[j])
			order[j] = -1
			if from == k {
				items[j] = aside
				break
			}
			items[j] = items[from]
			j = from
		}
	}
}

// compareItems compares by path, then position, then rule.
func compareItems(a, b *Item) int {
	if c := strings.Compare(a.Path, b.Path); c != 0 {
		return c
	}
	return comparePlaces(a.Start, a.End, a.Rule.ID, b.Start, b.End, b.Rule.ID)
}

func comparePlaces(aStart, aEnd int, aRule string, bStart, bEnd int, bRule string) int {
	if c := cmp.Compare(aStart, bStart); c != 0 {
		return c
	}
	if c := cmp.Compare(aEnd, bEnd); c != 0 {
		return c
	}
	return strings.Compare(aRule, bRule)
}

// SortFindings orders one document's findings as Sort orders the Items
// they locate to (an Item's Rule is its finding's): by position, then
// rule, ties in their first order. A finding is a quarter of an Item's
// size, so sorting findings before locating them moves less.
func SortFindings(fs []rules.Finding) {
	order := OrderFindings(fs, nil)
	sorted := make([]rules.Finding, len(fs))
	for k, i := range order {
		sorted[k] = fs[i]
	}
	copy(fs, sorted)
}

// OrderFindings appends to order the indexes of fs in the order
// SortFindings puts them, and returns it; fs is left as it is, so a caller
// can locate the findings in that order without moving them. A page with
// hundreds of findings sorted them stably in place: a finding is 56 bytes,
// a merge's rotations move each many times, and the comparison looked up
// the rule IDs. Here each finding's key (its span, its rule's rank by ID
// among the document's rules, its place) is sorted, an unstable sort made
// stable by the place.
func OrderFindings(fs []rules.Finding, order []int32) []int32 {
	keys := findingKeys.Get().(*[]findingKey)
	defer findingKeys.Put(keys)
	*keys = appendFindingKeys((*keys)[:0], fs)
	if order, ok := appendOrderByStart(order, *keys); ok {
		return order
	}
	slices.SortFunc(*keys, compareFindingKeys)
	for _, k := range *keys {
		order = append(order, k.at)
	}
	return order
}

// appendOrderByStart is OrderFindings' sort in two steps: the starts and
// places packed into one integer each and sorted as integers, then each
// run of equal starts (two rules flagging one line) by the whole key.
// The general sort compares through a function call: on a whole-page run
// (a finding per furniture line) it was 0.6% of the instructions. It
// reports false, and does nothing, for a start that does not fit in 32
// bits.
func appendOrderByStart(order []int32, keys []findingKey) ([]int32, bool) {
	packed := packedKeys.Get().(*[]uint64)
	defer packedKeys.Put(packed)
	p := (*packed)[:0]
	for _, k := range keys {
		if uint64(k.start) > math.MaxUint32 {
			*packed = p
			return order, false
		}
		p = append(p, uint64(k.start)<<32|uint64(uint32(k.at)))
	}
	*packed = p
	sortRuns(p)
	for i := 0; i < len(p); {
		j := i + 1
		for j < len(p) && p[j]>>32 == p[i]>>32 {
			j++
		}
		if j-i == 1 {
			order = append(order, int32(uint32(p[i])))
			i = j
			continue
		}
		tied := tiedKeys.Get().(*[]findingKey)
		t := (*tied)[:0]
		for _, x := range p[i:j] {
			t = append(t, keys[uint32(x)])
		}
		slices.SortFunc(t, compareFindingKeys)
		for _, k := range t {
			order = append(order, k.at)
		}
		*tied = t
		tiedKeys.Put(tied)
		i = j
	}
	return order, true
}

// maxMergedRuns is the most ascending runs sortRuns merges; more, and it
// sorts.
const maxMergedRuns = 8

// sortRuns sorts p in ascending order. A document's findings come rule
// after rule, each rule's in order of position most often, so p is a few
// ascending runs: each is merged into the sorted ones before it, for
// fewer comparisons than a sort of the whole (on a whole-page run, with a
// finding per furniture line, the sort was a quarter of the ordering).
func sortRuns(p []uint64) {
	runs := 1
	for i := 1; i < len(p); i++ {
		if p[i] < p[i-1] {
			if runs++; runs > maxMergedRuns {
				slices.Sort(p)
				return
			}
		}
	}
	if runs == 1 {
		return
	}
	scratch := mergeScratch.Get().(*[]uint64)
	defer mergeScratch.Put(scratch)
	buf := slices.Grow((*scratch)[:0], len(p))[:len(p)]
	*scratch = buf
	sorted := ascendingRun(p, 0)
	for sorted < len(p) {
		next := ascendingRun(p, sorted)
		merge(buf[:next], p[:sorted], p[sorted:next])
		copy(p[:next], buf[:next])
		sorted = next
	}
}

// ascendingRun is the end of the ascending run of p that starts at from.
func ascendingRun(p []uint64, from int) int {
	end := from + 1
	for end < len(p) && p[end] >= p[end-1] {
		end++
	}
	return end
}

// merge writes the ascending a and b into out, in ascending order.
func merge(out, a, b []uint64) {
	i, j, k := 0, 0, 0
	for i < len(a) && j < len(b) {
		if b[j] < a[i] {
			out[k] = b[j]
			j++
		} else {
			out[k] = a[i]
			i++
		}
		k++
	}
	k += copy(out[k:], a[i:])
	copy(out[k:], b[j:])
}

var (
	mergeScratch = sync.Pool{New: func() any { return new([]uint64) }}
	packedKeys   = sync.Pool{New: func() any { return new([]uint64) }}
	tiedKeys     = sync.Pool{New: func() any { return new([]findingKey) }}
)

// findingKey is what OrderFindings sorts one finding by.
type findingKey struct {
	start, end int
	rank, at   int32 // rank: of the rule's ID among the document's rules
}

var findingKeys = sync.Pool{New: func() any { return new([]findingKey) }}

func compareFindingKeys(a, b findingKey) int {
	switch {
	case a.start != b.start:
		return cmp.Compare(a.start, b.start)
	case a.end != b.end:
		return cmp.Compare(a.end, b.end)
	case a.rank != b.rank:
		return cmp.Compare(a.rank, b.rank)
	}
	return cmp.Compare(a.at, b.at)
}

// appendFindingKeys appends the keys of fs. A document's findings come
// from a few rules, one rule's after another: the rules are ranked by ID
// once, and each finding finds its rule's rank in that short list (the
// previous finding's rule, most often).
func appendFindingKeys(keys []findingKey, fs []rules.Finding) []findingKey {
	var ruleSet []*rules.Rule
	for i := range fs {
		if r := fs[i].Rule; (i == 0 || r != fs[i-1].Rule) && !slices.Contains(ruleSet, r) {
			ruleSet = append(ruleSet, r)
		}
	}
	slices.SortFunc(ruleSet, func(a, b *rules.Rule) int { return strings.Compare(a.ID, b.ID) })
	ranks := make([]int32, len(ruleSet)) // equal IDs share a rank
	for k := 1; k < len(ruleSet); k++ {
		ranks[k] = ranks[k-1]
		if ruleSet[k].ID != ruleSet[k-1].ID {
			ranks[k]++
		}
	}
	var last *rules.Rule
	var rank int32
	for i := range fs {
		f := &fs[i]
		if i == 0 || f.Rule != last {
			last, rank = f.Rule, ranks[slices.Index(ruleSet, f.Rule)]
		}
		keys = append(keys, findingKey{start: f.Start, end: f.End, rank: rank, at: int32(i)})
	}
	return keys
}

// Counts returns the number of findings per severity.
func (r *Report) Counts() map[rules.Severity]int {
	c := map[rules.Severity]int{}
	for _, it := range r.Items {
		c[it.Severity]++
	}
	return c
}

// Writer writes a whole report in one format.
type Writer func(w io.Writer, r *Report, opts Options) error

// Options are format settings.
type Options struct {
	Color bool
	// Quiet drops the summary line of the text format.
	Quiet bool
	// Version is the tool version for formats that name it.
	Version string
}

var formats = map[string]Writer{
	"text": WriteText,
	"json": WriteJSON,
}

// Register adds an output format; formats register themselves in init.
func Register(name string, w Writer) { formats[name] = w }

// Lookup returns the writer for a format name.
func Lookup(name string) (Writer, error) {
	w, ok := formats[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (want %s)", name, FormatNames())
	}
	return w, nil
}

// FormatNames lists the formats, sorted.
func FormatNames() string {
	names := make([]string, 0, len(formats))
	for n := range formats {
		names = append(names, n)
	}
	sort.Strings(names)
	s := ""
	for i, n := range names {
		if i > 0 {
			s += "|"
		}
		s += n
	}
	return s
}

// Fix safety of an item, "none" when it has no fix.
func fixSafety(it *Item) fixers.Safety {
	if it.Fix == nil {
		return fixers.None
	}
	return it.Fix.Safety
}
