package fixers

import (
	"fmt"
	"slices"
	"sort"
	"unicode/utf8"
)

// Proposal is a fix one finding proposes, as the engine receives it.
type Proposal struct {
	// Rule is the ID of the rule that proposed the fix.
	Rule string
	// Priority decides between fixes whose edits overlap: the lower value
	// wins (ties go to the rule ID, then to the position).
	Priority int
	// Message is the finding's message, kept for the ledger.
	Message string
	Fix     Fix
}

// Skipped is a proposed fix the engine did not apply in one round.
type Skipped struct {
	Round   int
	Rule    string
	Message string
	// Start and End are the first edit's range in the text the round saw;
	// Line and Column (1-based, columns in code points) locate Start there.
	Start, End   int
	Line, Column int
	// Reason says why, for a note on stderr.
	Reason string
	// Invalid marks a malformed fix (a rule bug): a range out of bounds,
	// splitting a UTF-8 character, or edits overlapping each other.
	Invalid bool
}

// planned is one edit of a kept proposal.
type planned struct {
	Edit
	prop int // index into the round's proposals
	// seam marks white space the engine removes or restores at the seam
	// of a removal (see seams.go).
	seam bool
}

// plan is what one round will apply: non-overlapping edits sorted by
// position, plus what was skipped.
type plan struct {
	edits   []planned
	skipped []Skipped
}

// resolve picks the edits of one round. Fixes are filtered by safety and
// validated; a fix whose every edit lies inside a wider removal of another
// fix is dropped (the removal takes its text with it); the rest are taken
// greedily in priority order, and a fix overlapping one already taken is
// skipped as a whole: its edits belong together. The skipped fix is not
// lost: the next round lints the new text and proposes it again if it
// still applies.
func resolve(src []byte, props []Proposal, unsafe bool) plan {
	var p plan
	var candidates []int
	for i := range props {
		fix := &props[i].Fix
		if fix.Safety == None || fix.Safety == Unsafe && !unsafe {
			continue
		}
		if reason := validate(src, fix.Edits); reason != "" {
			p.skipped = append(p.skipped, skippedAt(src, props[i], reason, true))
			continue
		}
		if !changes(src, fix.Edits) {
			continue
		}
		candidates = append(candidates, i)
	}
	sortEdits := func(es []Edit) {
		slices.SortStableFunc(es, cmpEdit)
	}
	for _, i := range candidates {
		sortEdits(props[i].Fix.Edits)
		props[i].Fix.Edits = dedupe(props[i].Fix.Edits)
	}
	slices.SortStableFunc(candidates, func(a, b int) int {
		switch {
		case before(props, a, b):
			return -1
		case before(props, b, a):
			return 1
		}
		return 0
	})
	rank := make(map[int]int, len(candidates))
	for r, i := range candidates {
		rank[i] = r
	}
	involved := touching(props, candidates)
	var contested []int
	var kept keptSet
	for _, i := range candidates {
		if !involved[i] {
			// Nothing else comes near it: taken without further checks.
			for _, e := range props[i].Fix.Edits {
				p.edits = append(p.edits, planned{Edit: e, prop: i})
			}
			continue
		}
		contested = append(contested, i)
	}
	removals := collectRemovals(props, contested, rank)
	for _, i := range contested {
		if removals.subsume(props[i].Fix.Edits, i, rank[i]) {
			continue
		}
		edits, against, ok := kept.fits(props[i].Fix.Edits)
		if !ok {
			p.skipped = append(p.skipped, skippedAt(src, props[i],
				fmt.Sprintf("its edit overlaps the fix of %s, which goes first", props[against.prop].Rule), false))
			continue
		}
		for _, e := range edits {
			kept.add(planned{Edit: e, prop: i})
		}
	}
	p.edits = append(p.edits, kept.all()...)
	slices.SortStableFunc(p.edits, cmpPlanned)
	return p
}

// touching marks the proposals with an edit that overlaps or touches an
// edit of any proposal (its own included). Only those need the ordered,
// one-by-one selection; in a typical text that is a few of many.
func touching(props []Proposal, candidates []int) map[int]bool {
	var all []planned
	for _, i := range candidates {
		for _, e := range props[i].Fix.Edits {
			all = append(all, planned{Edit: e, prop: i})
		}
	}
	slices.SortFunc(all, cmpPlanned)
	involved := map[int]bool{}
	maxEnd := -1
	for k, e := range all {
		if maxEnd >= e.Start || k+1 < len(all) && all[k+1].Start <= e.End {
			involved[e.prop] = true
		}
		maxEnd = max(maxEnd, e.End)
	}
	return involved
}

// dedupe drops repeated edits from sorted edits: a fix that lists one
// edit twice means it once.
func dedupe(edits []Edit) []Edit {
	out := edits[:1]
	for _, e := range edits[1:] {
		if e != out[len(out)-1] {
			out = append(out, e)
		}
	}
	return out
}

// before orders proposals by priority, rule ID, then position.
func before(props []Proposal, a, b int) bool {
	pa, pb := &props[a], &props[b]
	if pa.Priority != pb.Priority {
		return pa.Priority < pb.Priority
	}
	if pa.Rule != pb.Rule {
		return pa.Rule < pb.Rule
	}
	return lessEdit(pa.Fix.Edits[0], pb.Fix.Edits[0])
}

// lessEdit orders edits by start, then end: an insertion sorts before a
// removal that starts where it is.
func lessEdit(a, b Edit) bool {
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	return a.End < b.End
}

func cmpEdit(a, b Edit) int {
	if a.Start != b.Start {
		return a.Start - b.Start
	}
	return a.End - b.End
}

func cmpPlanned(a, b planned) int { return cmpEdit(a.Edit, b.Edit) }

// validate returns why a fix's edits cannot be applied to src, or "".
func validate(src []byte, edits []Edit) string {
	if len(edits) == 0 {
		return "the fix has no edits"
	}
	for _, e := range edits {
		switch {
		case e.Start < 0 || e.End > len(src) || e.Start > e.End:
			return fmt.Sprintf("edit range [%d,%d) is outside the text (%d bytes)", e.Start, e.End, len(src))
		case !onBoundary(src, e.Start) || !onBoundary(src, e.End):
			return fmt.Sprintf("edit range [%d,%d) splits a UTF-8 character", e.Start, e.End)
		case !utf8.ValidString(e.Text):
			return "the replacement text is not valid UTF-8"
		}
	}
	sorted := append([]Edit(nil), edits...)
	slices.SortFunc(sorted, cmpEdit)
	for i := 1; i < len(sorted); i++ {
		if _, clash := overlap(sorted[i-1], sorted[i]); clash {
			return "the fix's own edits overlap"
		}
	}
	return ""
}

// onBoundary reports whether offset is not inside a valid multi-byte UTF-8
// sequence. Invalid bytes count as characters of their own, so a fix may
// still remove them.
func onBoundary(src []byte, off int) bool {
	if off == 0 || off == len(src) {
		return true
	}
	for back := 1; back <= utf8.UTFMax-1 && off-back >= 0; back++ {
		c := src[off-back]
		if c < utf8.RuneSelf {
			return true
		}
		if utf8.RuneStart(c) {
			_, size := utf8.DecodeRune(src[off-back:])
			return size <= back
		}
	}
	return true
}

// changes reports whether applying the edits changes src at all.
func changes(src []byte, edits []Edit) bool {
	for _, e := range edits {
		if string(src[e.Start:e.End]) != e.Text {
			return true
		}
	}
	return false
}

// overlap says whether two edits touch the same text. An insertion at the
// edge of another edit does not; two insertions at one point do (their
// order would be a guess) unless they insert the same text, which makes
// them duplicates.
func overlap(a, b Edit) (duplicate, clash bool) {
	if a == b {
		return true, false
	}
	aIns, bIns := a.Start == a.End, b.Start == b.End
	switch {
	case aIns && bIns:
		return false, a.Start == b.Start
	case aIns:
		return false, b.Start < a.Start && a.Start < b.End
	case bIns:
		return false, a.Start < b.Start && b.Start < a.End
	}
	return false, a.Start < b.End && b.Start < a.End
}

// keptSet holds the edits taken so far; they never overlap. New edits
// wait in a short unsorted buffer that is merged into the sorted list now
// and then, so taking n edits costs about n*sqrt(n) moves, not n*n.
type keptSet struct {
	sorted  []planned
	pending []planned
}

const keptBuffer = 64

// fits checks a proposal's edits against the kept ones. It returns the
// edits still to add or the kept edit it clashes with. A duplicate of a
// kept edit is already done. A removal that overlaps kept removals only
// is cut to the bytes they leave: both rules flagged the text, so their
// union goes, each byte credited to the first fix that claimed it.
func (k *keptSet) fits(edits []Edit) ([]Edit, planned, bool) {
	var add []Edit
	for _, e := range edits {
		hits, dup := k.near(e)
		switch {
		case dup:
		case len(hits) == 0:
			add = append(add, e)
		case isRemoval(e) && allRemovals(hits):
			add = append(add, subtract(e, hits)...)
		default:
			return nil, hits[0], false
		}
	}
	return add, planned{}, true
}

// near returns the kept edits that clash with e, and whether e repeats a
// kept edit.
func (k *keptSet) near(e Edit) (hits []planned, dup bool) {
	// Kept edits do not overlap, so their ends are sorted too: start at
	// the first one that ends at or after e starts.
	from := sort.Search(len(k.sorted), func(i int) bool { return k.sorted[i].End >= e.Start })
	check := func(p planned) {
		d, clash := overlap(p.Edit, e)
		dup = dup || d
		if clash {
			hits = append(hits, p)
		}
	}
	for i := from; i < len(k.sorted) && k.sorted[i].Start <= e.End; i++ {
		check(k.sorted[i])
	}
	for _, p := range k.pending {
		check(p)
	}
	return hits, dup
}

func allRemovals(ps []planned) bool {
	for _, p := range ps {
		if !isRemoval(p.Edit) {
			return false
		}
	}
	return true
}

// subtract returns the parts of removal e outside the removals cut.
func subtract(e Edit, cut []planned) []Edit {
	slices.SortFunc(cut, cmpPlanned)
	var out []Edit
	at := e.Start
	for _, c := range cut {
		if c.Start > at {
			out = append(out, Delete(at, c.Start))
		}
		at = max(at, c.End)
	}
	if at < e.End {
		out = append(out, Delete(at, e.End))
	}
	return out
}

func (k *keptSet) add(p planned) {
	k.pending = append(k.pending, p)
	if len(k.pending) >= keptBuffer {
		k.merge()
	}
}

func (k *keptSet) merge() {
	if len(k.pending) == 0 {
		return
	}
	slices.SortFunc(k.pending, cmpPlanned)
	out := make([]planned, 0, len(k.sorted)+len(k.pending))
	i, j := 0, 0
	for i < len(k.sorted) || j < len(k.pending) {
		if j == len(k.pending) || i < len(k.sorted) && !lessEdit(k.pending[j].Edit, k.sorted[i].Edit) {
			out = append(out, k.sorted[i])
			i++
		} else {
			out = append(out, k.pending[j])
			j++
		}
	}
	k.sorted, k.pending = out, k.pending[:0]
}

// all returns every kept edit sorted by position.
func (k *keptSet) all() []planned {
	k.merge()
	return k.sorted
}

// removal is a pure deletion of some proposal, for the containment test.
type removal struct {
	start, end int
	prop, rank int
}

type removals struct {
	list   []removal // sorted by start
	maxEnd []int     // maxEnd[i] is the largest end in list[:i+1]
}

func collectRemovals(props []Proposal, candidates []int, rank map[int]int) removals {
	var rs removals
	for _, i := range candidates {
		for _, e := range props[i].Fix.Edits {
			if e.Text == "" && e.End > e.Start {
				rs.list = append(rs.list, removal{e.Start, e.End, i, rank[i]})
			}
		}
	}
	slices.SortFunc(rs.list, func(a, b removal) int { return a.start - b.start })
	rs.maxEnd = make([]int, len(rs.list))
	for i, r := range rs.list {
		rs.maxEnd[i] = r.end
		if i > 0 {
			rs.maxEnd[i] = max(rs.maxEnd[i], rs.maxEnd[i-1])
		}
	}
	return rs
}

// subsume reports whether every edit lies inside a removal of another
// proposal that is wider, or as wide and first in priority: keeping the
// wider removal makes the contained fix moot.
func (rs removals) subsume(edits []Edit, prop, rank int) bool {
	for _, e := range edits {
		if !rs.contains(e, prop, rank) {
			return false
		}
	}
	return true
}

func (rs removals) contains(e Edit, prop, rank int) bool {
	last := sort.Search(len(rs.list), func(i int) bool { return rs.list[i].start > e.Start }) - 1
	for j := last; j >= 0 && rs.maxEnd[j] >= e.End; j-- {
		r := rs.list[j]
		if r.prop == prop || r.end < e.End {
			continue
		}
		if r.start == e.Start && r.end == e.End && r.rank > rank {
			continue // as wide and later in priority: this one stays
		}
		if e.Start == e.End && (e.Start == r.start || e.Start == r.end) {
			continue // an insertion at the removal's edge survives it
		}
		return true
	}
	return false
}

func skippedAt(src []byte, p Proposal, reason string, invalid bool) Skipped {
	s := Skipped{Rule: p.Rule, Message: p.Message, Reason: reason, Invalid: invalid}
	if len(p.Fix.Edits) > 0 {
		s.Start, s.End = p.Fix.Edits[0].Start, p.Fix.Edits[0].End
	}
	s.Line, s.Column = position(src, s.Start)
	return s
}

// position is a 1-based line and code-point column of offset in src.
func position(src []byte, off int) (line, col int) {
	off = max(0, min(off, len(src)))
	line, lineStart := 1, 0
	for i := 0; i < off; i++ {
		if src[i] == '\n' {
			line++
			lineStart = i + 1
		}
	}
	return line, utf8.RuneCount(src[lineStart:off]) + 1
}
