package footnotes

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/fixers"
)

// stripFix removes the given references, or only the number num from the
// markers that cite several ("[3, 4]" becomes "[3]"). A marker goes with the
// white space before it, so "as reported [5]." becomes "as reported.".
func (x *index) stripFix(message string, refIdxs []int, num *int) *fixers.Fix {
	if len(refIdxs) == 0 {
		return nil
	}
	fix := &fixers.Fix{Message: message, Safety: fixers.Unsafe}
	for _, ri := range refIdxs {
		r := x.notes.Refs[ri]
		var rest []int
		if num != nil {
			for _, n := range r.Nums {
				if n != *num {
					rest = append(rest, n)
				}
			}
		}
		if len(rest) > 0 {
			fix.Edits = append(fix.Edits, fixers.Replace(r.InnerStart, r.InnerEnd, x.formatInner(r, rest)))
			continue
		}
		start := r.Start
		if r.SpaceBefore {
			start = x.spaceStart(r.Start)
		}
		fix.Edits = append(fix.Edits, fixers.Delete(start, r.End))
	}
	return fix
}

// spaceStart moves back over the white space (no-break spaces included)
// before offset i on the same line.
func (x *index) spaceStart(i int) int {
	for i > 0 {
		r, size := utf8.DecodeLastRune(x.doc.Src[:i])
		if r != ' ' && r != '\t' && r != '\u00a0' {
			break
		}
		i -= size
	}
	return i
}

// formatInner writes the numbers of a marker in the marker's own style:
// a range stays a range when the numbers are consecutive, a list keeps its
// separator, superscripts stay superscript.
func (x *index) formatInner(r Ref, nums []int) string {
	orig := string(x.doc.Src[r.InnerStart:r.InnerEnd])
	num := itoa
	sep, dash := ", ", "-"
	if r.Style == Superscript {
		num = superscriptString
		sep, dash = ",", "\u207b"
	} else {
		sep = originalSeparator(orig, sep)
		dash = originalDash(orig, dash)
	}
	consecutive := len(nums) >= 2
	for i := 1; i < len(nums); i++ {
		consecutive = consecutive && nums[i] == nums[i-1]+1
	}
	if r.Range && consecutive {
		return num(nums[0]) + dash + num(nums[len(nums)-1])
	}
	parts := make([]string, len(nums))
	for i, n := range nums {
		parts[i] = num(n)
	}
	return strings.Join(parts, sep)
}

// originalSeparator returns the list separator a marker used ("," or
// ", " or ";"), or def when it has none.
func originalSeparator(orig, def string) string {
	i := strings.IndexAny(orig, ",;")
	if i < 0 {
		return def
	}
	j := i + 1
	for j < len(orig) && orig[j] == ' ' {
		j++
	}
	return orig[i:j]
}

// originalDash returns the range dash of a marker with its spacing
// (" – " in "[5 – 8]"), or def.
func originalDash(orig, def string) string {
	for _, d := range []string{"–", "—", "-"} {
		i := strings.Index(orig, d)
		if i < 0 {
			continue
		}
		lo, hi := i, i+len(d)
		for lo > 0 && orig[lo-1] == ' ' {
			lo--
		}
		for hi < len(orig) && orig[hi] == ' ' {
			hi++
		}
		return orig[lo:hi]
	}
	return def
}

// renumbering returns the mapping from old to new numbers by order of
// first citation, when it is unambiguous: every cited number defined once,
// every definition cited, no list numbered by position.
func (x *index) renumbering() (map[int]int, bool) {
	if len(x.firstUse) == 0 || len(x.firstUse) != len(x.defOrder) {
		return nil, false
	}
	for _, num := range x.firstUse {
		if len(x.defsOf[num]) != 1 {
			return nil, false
		}
	}
	for _, d := range x.notes.Defs {
		if d.Lazy {
			return nil, false
		}
	}
	mapping := make(map[int]int, len(x.firstUse))
	identity := true
	for i, num := range x.firstUse {
		mapping[num] = i + 1
		identity = identity && num == i+1
	}
	if identity && slices.IsSorted(x.defOrder) {
		return nil, false
	}
	return mapping, true
}

// attachRenumbering gives the renumbering fix to one finding: the first
// citation-order finding, else the first gap, else the first
// definition-order finding. One carrier only, so that applying every fix
// of a document never applies the renumbering twice.
func (x *index) attachRenumbering(problems []Problem) {
	mapping, ok := x.renumbering()
	if !ok {
		return
	}
	for _, kind := range []Kind{Order, Gap, DefinitionOrder} {
		for i := range problems {
			if problems[i].Kind == kind {
				problems[i].Fix = x.renumberFix(mapping)
				return
			}
		}
	}
}

// renumberFix rewrites every reference and definition by the mapping and,
// when the definitions sit together, puts them in their new order.
func (x *index) renumberFix(mapping map[int]int) *fixers.Fix {
	fix := &fixers.Fix{Message: "renumber the notes in order of first citation", Safety: fixers.Unsafe}
	region, reorder := x.definitionRegion()
	for _, r := range x.notes.Refs {
		if r.Name != "" || reorder && r.Start >= region[0] && r.End <= region[1] {
			continue
		}
		nums := make([]int, len(r.Nums))
		for i, n := range r.Nums {
			nums[i] = mapping[n]
		}
		if !slices.Equal(nums, r.Nums) {
			fix.Edits = append(fix.Edits, fixers.Replace(r.InnerStart, r.InnerEnd, x.formatInner(r, nums)))
		}
	}
	if reorder {
		fix.Edits = append(fix.Edits, x.reorderEdit(region, mapping))
	} else {
		for _, d := range x.notes.Defs {
			if d.Num > 0 && mapping[d.Num] != d.Num {
				fix.Edits = append(fix.Edits, fixers.Replace(d.InnerStart, d.InnerEnd, defLabel(d, mapping[d.Num])))
			}
		}
	}
	slices.SortFunc(fix.Edits, func(a, b fixers.Edit) int { return a.Start - b.Start })
	return fix
}

// definitionRegion returns the span of the definitions when they are
// consecutive blocks holding no reference, so they can be rewritten in a
// new order in one edit.
func (x *index) definitionRegion() ([2]int, bool) {
	defs := x.notes.Defs
	blocks := x.doc.Blocks
	for i, d := range defs {
		if d.Num == 0 || i > 0 && d.Block != defs[i-1].Block+1 || d.TextEnd != blocks[d.Block].End {
			return [2]int{}, false
		}
	}
	region := [2]int{blocks[defs[0].Block].Start, blocks[defs[len(defs)-1].Block].End}
	for _, r := range x.notes.Refs {
		if r.Start < region[1] && r.End > region[0] {
			return [2]int{}, false
		}
	}
	return region, true
}

// reorderEdit rewrites the definition region with each definition
// renumbered and sorted, keeping the original separators between slots.
func (x *index) reorderEdit(region [2]int, mapping map[int]int) fixers.Edit {
	defs := slices.Clone(x.notes.Defs)
	src := x.doc.Src
	blocks := x.doc.Blocks
	seps := make([]string, len(defs)-1)
	for i := range seps {
		seps[i] = string(src[blocks[defs[i].Block].End:blocks[defs[i+1].Block].Start])
	}
	slices.SortStableFunc(defs, func(a, b Def) int { return mapping[a.Num] - mapping[b.Num] })
	var out strings.Builder
	for i, d := range defs {
		b := blocks[d.Block]
		out.Write(src[b.Start:d.InnerStart])
		out.WriteString(defLabel(d, mapping[d.Num]))
		out.Write(src[d.InnerEnd:b.End])
		if i < len(seps) {
			out.WriteString(seps[i])
		}
	}
	return fixers.Replace(region[0], region[1], out.String())
}

func defLabel(d Def, n int) string {
	if d.Style == Superscript {
		return superscriptString(n)
	}
	return itoa(n)
}
