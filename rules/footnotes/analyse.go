package footnotes

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
)

// Kind is one kind of footnote problem; each has its own rule.
type Kind int

const (
	MissingDefinitions Kind = iota
	UndefinedReference
	UnusedDefinition
	Gap
	Duplicate
	Order
	DefinitionOrder
)

// Kinds lists every kind in report order.
var Kinds = []Kind{MissingDefinitions, UndefinedReference, UnusedDefinition, Gap, Duplicate, Order, DefinitionOrder}

var kindNames = [...]string{"missing-definitions", "undefined-reference", "unused-definition", "gap", "duplicate", "order", "definition-order"}

// String is the rule name of the kind (the part after "footnotes/").
func (k Kind) String() string { return kindNames[k] }

// Problem is one finding the analysis made, before a rule reports it.
type Problem struct {
	Kind       Kind
	Start, End int
	Message    string
	// Nums are the note numbers concerned (empty for a named note).
	Nums []int
	// Fix is the unsafe fix the finding offers, nil when none is
	// unambiguous.
	Fix *fixers.Fix
	// Strip removes the markers concerned; missing-definitions offers it
	// only when the user asks (option strip-markers), because the text of
	// the notes may still be found and restored.
	Strip *fixers.Fix
}

// Analysis is the shared result of parsing and checking one document.
type Analysis struct {
	Notes    *Notes
	Problems []Problem
}

// ProblemsOf returns the problems of one kind.
func (a *Analysis) ProblemsOf(k Kind) []Problem {
	var out []Problem
	for _, p := range a.Problems {
		if p.Kind == k {
			out = append(out, p)
		}
	}
	return out
}

// index is the parse arranged for the checks.
type index struct {
	doc   *document.Document
	notes *Notes
	// firstUse lists the numbers in order of first citation; firstRef maps
	// a number to the reference that cites it first.
	firstUse []int
	firstRef map[int]int
	// nameRef maps a Markdown name to its first reference.
	nameRef   map[string]int
	nameOrder []string
	// defsOf maps a number (or name) to its definitions in order.
	defsOf     map[int][]int
	defsOfName map[string][]int
	defOrder   []int // numbers in order of first definition
}

func newIndex(doc *document.Document, n *Notes) *index {
	x := &index{doc: doc, notes: n, firstRef: map[int]int{}, nameRef: map[string]int{},
		defsOf: map[int][]int{}, defsOfName: map[string][]int{}}
	for ri, r := range n.Refs {
		if r.Name != "" {
			if _, seen := x.nameRef[r.Name]; !seen {
				x.nameRef[r.Name] = ri
				x.nameOrder = append(x.nameOrder, r.Name)
			}
			continue
		}
		for _, num := range r.Nums {
			if _, seen := x.firstRef[num]; !seen {
				x.firstRef[num] = ri
				x.firstUse = append(x.firstUse, num)
			}
		}
	}
	for di, d := range n.Defs {
		if d.Num == 0 {
			x.defsOfName[d.Name] = append(x.defsOfName[d.Name], di)
			continue
		}
		if len(x.defsOf[d.Num]) == 0 {
			x.defOrder = append(x.defOrder, d.Num)
		}
		x.defsOf[d.Num] = append(x.defsOf[d.Num], di)
	}
	return x
}

// Analyse parses doc and finds every footnote problem in it.
func Analyse(doc *document.Document) *Analysis {
	n := Parse(doc)
	a := &Analysis{Notes: n}
	if len(n.Refs) == 0 && len(n.Defs) == 0 {
		return a // most documents: no index (its four maps) to build
	}
	x := newIndex(doc, n)
	switch {
	case len(n.Defs) == 0:
		if !x.plausibleSeries() {
			return a
		}
		a.Problems = append(a.Problems, x.missingDefinitions())
	case len(n.Refs) == 0:
		if p, ok := x.orphanNotes(); ok {
			a.Problems = append(a.Problems, p)
		}
		return a
	default:
		a.Problems = append(a.Problems, x.undefined()...)
		a.Problems = append(a.Problems, x.unused()...)
		a.Problems = append(a.Problems, x.duplicates()...)
		a.Problems = append(a.Problems, x.definitionOrder()...)
	}
	a.Problems = append(a.Problems, x.gaps()...)
	a.Problems = append(a.Problems, x.citationOrder()...)
	x.attachRenumbering(a.Problems)
	slices.SortStableFunc(a.Problems, func(p, q Problem) int { return p.Start - q.Start })
	return a
}

// plausibleSeries reports whether references without any definition are
// footnotes: a Markdown reference is; numbers are when at least two
// distinct ones start at 1, as every note series does.
func (x *index) plausibleSeries() bool {
	if len(x.nameOrder) > 0 {
		return true
	}
	for _, r := range x.notes.Refs {
		if r.Style == Caret {
			return true
		}
	}
	return len(x.firstUse) >= 2 && slices.Min(x.firstUse) == 1
}

func (x *index) missingDefinitions() Problem {
	first := x.notes.Refs[0]
	nums := sortedCopy(x.firstUse)
	what := "references " + formatRefs(nums)
	if len(nums) == 1 {
		what = "reference " + formatRefs(nums)
	}
	if len(x.nameOrder) > 0 {
		if len(nums) > 0 {
			what += " and "
		} else {
			what = ""
		}
		what += "named references " + formatNames(x.nameOrder)
	}
	refs := make([]int, len(x.notes.Refs))
	for i := range refs {
		refs[i] = i
	}
	verb := "have"
	if len(nums)+len(x.nameOrder) == 1 {
		verb = "has"
	}
	message := fmt.Sprintf("%s %s no definitions anywhere in the document: the notes were lost", what, verb)
	if len(x.notes.Sections) > 0 {
		h := x.notes.Sections[0]
		line, _ := x.doc.Position(h.Start)
		message = fmt.Sprintf("%s %s no numbered definitions: the entries under %q (line %d) lost their numbers, or the notes were lost",
			what, verb, strings.TrimSpace(x.doc.Text(h.Start, h.End)), line)
	}
	return Problem{
		Kind: MissingDefinitions, Start: first.Start, End: first.End, Nums: nums,
		Message: message,
		Strip:   x.stripFix("remove every footnote marker (the notes are missing)", refs, nil),
	}
}

// orphanNotes reports definitions when nothing in the text refers to any
// of them. A numbered list under "References" without citations is a
// bibliography, so only note-shaped definitions count.
func (x *index) orphanNotes() (Problem, bool) {
	var shaped []Def
	for _, d := range x.notes.Defs {
		if d.Style != Numbered {
			shaped = append(shaped, d)
		}
	}
	caret := slices.ContainsFunc(shaped, func(d Def) bool { return d.Style == Caret })
	if len(shaped) < 2 && !caret {
		return Problem{}, false
	}
	var nums []int
	var names []string
	for _, d := range shaped {
		if d.Num > 0 {
			nums = append(nums, d.Num)
		} else {
			names = append(names, d.Name)
		}
	}
	slices.Sort(nums)
	nums = slices.Compact(nums)
	label := strings.TrimSpace(strings.Join(nonEmpty(formatNums(nums), formatNames(names)), " and "))
	first := shaped[0]
	return Problem{
		Kind: UnusedDefinition, Start: first.Start, End: first.End, Nums: nums,
		Message: fmt.Sprintf("notes %s are defined but nothing in the text refers to them: the reference markers were lost", label),
	}, true
}

func (x *index) undefined() []Problem {
	var out []Problem
	for _, num := range x.firstUse {
		if len(x.defsOf[num]) > 0 {
			continue
		}
		r := x.notes.Refs[x.firstRef[num]]
		out = append(out, Problem{
			Kind: UndefinedReference, Start: r.Start, End: r.End, Nums: []int{num},
			Message: fmt.Sprintf("reference [%d] has no definition (the notes define %s)", num, formatNums(x.definedNums())),
			Fix:     x.stripFix(fmt.Sprintf("remove the dangling marker [%d]", num), x.refsCiting(num), &num),
		})
	}
	for _, name := range x.nameOrder {
		if len(x.defsOfName[name]) > 0 {
			continue
		}
		ri := x.nameRef[name]
		r := x.notes.Refs[ri]
		out = append(out, Problem{
			Kind: UndefinedReference, Start: r.Start, End: r.End,
			Message: fmt.Sprintf("reference [^%s] has no definition", name),
			Fix:     x.stripFix(fmt.Sprintf("remove the dangling marker [^%s]", name), x.refsNamed(name), nil),
		})
	}
	return out
}

func (x *index) unused() []Problem {
	var out []Problem
	for _, num := range x.defOrder {
		if _, cited := x.firstRef[num]; cited || len(x.firstUse) == 0 {
			continue
		}
		d := x.notes.Defs[x.defsOf[num][0]]
		out = append(out, Problem{
			Kind: UnusedDefinition, Start: d.Start, End: d.End, Nums: []int{num},
			Message: fmt.Sprintf("note %d is defined but never referenced (the text cites %s)", num, formatRefs(sortedCopy(x.firstUse))),
		})
	}
	for name, dis := range x.defsOfName {
		if _, cited := x.nameRef[name]; cited {
			continue
		}
		d := x.notes.Defs[dis[0]]
		out = append(out, Problem{
			Kind: UnusedDefinition, Start: d.Start, End: d.End,
			Message: fmt.Sprintf("note [^%s] is defined but never referenced", name),
		})
	}
	return out
}

func (x *index) duplicates() []Problem {
	var out []Problem
	report := func(dis []int) {
		first := x.notes.Defs[dis[0]]
		label := first.Label()
		firstLine, _ := x.doc.Position(first.Start)
		for _, di := range dis[1:] {
			d := x.notes.Defs[di]
			same := bytes.Equal(x.noteText(first), x.noteText(d))
			p := Problem{Kind: Duplicate, Start: d.Start, End: d.End}
			if first.Num > 0 {
				p.Nums = []int{first.Num}
			}
			if same {
				p.Message = fmt.Sprintf("note %s is defined twice with the same text (first on line %d)", label, firstLine)
				p.Fix = &fixers.Fix{Message: "remove the repeated definition", Safety: fixers.Unsafe,
					Edits: []fixers.Edit{fixers.RemoveLines(x.doc, d.FirstLine, d.LastLine)}}
			} else {
				p.Message = fmt.Sprintf("note number %s is used for two different notes (first on line %d)", label, firstLine)
			}
			out = append(out, p)
		}
	}
	for _, num := range x.defOrder {
		if dis := x.defsOf[num]; len(dis) > 1 {
			report(dis)
		}
	}
	for _, dis := range x.defsOfName {
		if len(dis) > 1 {
			report(dis)
		}
	}
	return out
}

// noteText is a definition's text after its marker, white space folded.
func (x *index) noteText(d Def) []byte {
	return []byte(strings.Join(strings.Fields(string(x.doc.Src[d.End:d.TextEnd])), " "))
}

// gaps reports numbers missing from the series 1..max: neither cited nor
// defined. A sparse set ("[5]" and "[40]") is not a series and is left
// alone. When there are definitions, citations above the highest one are
// only undefined references: "[7]" after notes 1-3 is not a gap of 4-6.
func (x *index) gaps() []Problem {
	present := map[int]bool{}
	topDef := maxNote
	if len(x.defOrder) > 0 {
		topDef = slices.Max(x.defOrder)
	}
	for _, n := range x.firstUse {
		present[n] = n <= topDef
	}
	for _, n := range x.defOrder {
		present[n] = true
	}
	for n, ok := range present {
		if !ok {
			delete(present, n)
		}
	}
	if len(present) < 2 {
		return nil
	}
	top := 0
	for n := range present {
		top = max(top, n)
	}
	if top-len(present) > len(present) {
		return nil
	}
	var out []Problem
	for n := 1; n <= top; n++ {
		if present[n] {
			continue
		}
		lo := n
		for !present[n+1] {
			n++
		}
		start, end := x.where(n + 1)
		missing := formatNums(numsRange(lo, n))
		out = append(out, Problem{
			Kind: Gap, Start: start, End: end, Nums: numsRange(lo, n),
			Message: fmt.Sprintf("the note numbering skips %s: neither cited nor defined before %d", missing, n+1),
		})
	}
	return out
}

// where locates a number: its first reference, or else its first
// definition.
func (x *index) where(num int) (int, int) {
	if ri, ok := x.firstRef[num]; ok {
		r := x.notes.Refs[ri]
		return r.Start, r.End
	}
	d := x.notes.Defs[x.defsOf[num][0]]
	return d.Start, d.End
}

// maxDisorder is the share of numbers allowed out of place before the
// series is taken to follow another convention (a bibliography numbered
// alphabetically): a few misplaced numbers are an error, many a style.
func maxDisorder(n int) int { return max(1, n/4) }

// citationOrder reports numbers first cited out of order: the numbers not
// in the longest increasing run of first citations.
func (x *index) citationOrder() []Problem {
	misplaced := outOfOrder(x.firstUse)
	if len(misplaced) == 0 || len(misplaced) > maxDisorder(len(x.firstUse)) {
		return nil
	}
	var out []Problem
	for _, pos := range misplaced {
		num := x.firstUse[pos]
		r := x.notes.Refs[x.firstRef[num]]
		out = append(out, Problem{
			Kind: Order, Start: r.Start, End: r.End, Nums: []int{num},
			Message: fmt.Sprintf("note [%d] is first cited %s: notes should be numbered in order of first citation", num, relativePlace(x.firstUse, pos)),
		})
	}
	return out
}

// definitionOrder reports definitions out of numeric order.
func (x *index) definitionOrder() []Problem {
	misplaced := outOfOrder(x.defOrder)
	if len(misplaced) == 0 || len(misplaced) > maxDisorder(len(x.defOrder)) {
		return nil
	}
	var out []Problem
	for _, pos := range misplaced {
		num := x.defOrder[pos]
		d := x.notes.Defs[x.defsOf[num][0]]
		out = append(out, Problem{
			Kind: DefinitionOrder, Start: d.Start, End: d.End, Nums: []int{num},
			Message: fmt.Sprintf("definition of note %d is out of order: it comes %s", num, relativePlace(x.defOrder, pos)),
		})
	}
	return out
}

// relativePlace says where seq[pos] stands against its neighbours: after a
// higher number, or before lower ones.
func relativePlace(seq []int, pos int) string {
	v := seq[pos]
	higher := 0
	for _, w := range seq[:pos] {
		if w > v {
			higher = max(higher, w)
		}
	}
	if higher > 0 {
		return fmt.Sprintf("after %d", higher)
	}
	var lower []int
	for _, w := range seq[pos+1:] {
		if w < v {
			lower = append(lower, w)
		}
	}
	slices.Sort(lower)
	return "before " + formatNums(lower)
}

// outOfOrder returns the positions of seq outside a longest strictly
// increasing subsequence, in order.
func outOfOrder(seq []int) []int {
	if len(seq) < 2 {
		return nil
	}
	tails := []int{}              // positions of the smallest tail of each length
	prev := make([]int, len(seq)) // predecessor position in the subsequence
	for i, v := range seq {
		k, _ := slices.BinarySearchFunc(tails, v, func(p, target int) int { return seq[p] - target })
		if k > 0 {
			prev[i] = tails[k-1]
		} else {
			prev[i] = -1
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	keep := make([]bool, len(seq))
	for p := tails[len(tails)-1]; p >= 0; p = prev[p] {
		keep[p] = true
	}
	var out []int
	for i, k := range keep {
		if !k {
			out = append(out, i)
		}
	}
	return out
}

func (x *index) definedNums() []int { return sortedCopy(x.defOrder) }

func (x *index) refsCiting(num int) []int {
	var out []int
	for ri, r := range x.notes.Refs {
		if slices.Contains(r.Nums, num) {
			out = append(out, ri)
		}
	}
	return out
}

func (x *index) refsNamed(name string) []int {
	var out []int
	for ri, r := range x.notes.Refs {
		if r.Name == name {
			out = append(out, ri)
		}
	}
	return out
}

func sortedCopy(nums []int) []int {
	out := slices.Clone(nums)
	slices.Sort(out)
	return out
}

func numsRange(lo, hi int) []int {
	out := make([]int, 0, hi-lo+1)
	for n := lo; n <= hi; n++ {
		out = append(out, n)
	}
	return out
}

// formatNums writes sorted numbers compactly: "1-3, 5, 7-12".
func formatNums(nums []int) string { return compactNums(nums, itoa) }

// formatRefs writes sorted numbers as markers: "[1]-[3], [5]".
func formatRefs(nums []int) string {
	return compactNums(nums, func(n int) string { return "[" + itoa(n) + "]" })
}

func compactNums(nums []int, itoa func(int) string) string {
	var parts []string
	for i := 0; i < len(nums); {
		j := i
		for j+1 < len(nums) && nums[j+1] == nums[j]+1 {
			j++
		}
		switch j {
		case i:
			parts = append(parts, itoa(nums[i]))
		case i + 1:
			parts = append(parts, itoa(nums[i]), itoa(nums[j]))
		default:
			parts = append(parts, itoa(nums[i])+"-"+itoa(nums[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

func formatNames(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "[^" + n + "]"
	}
	return strings.Join(out, ", ")
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
