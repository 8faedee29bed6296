package fixers

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
)

// Linter lints one text and returns the fixes its findings propose. The
// engine calls it once per round, on the text the previous round left.
type Linter func(src []byte) ([]Proposal, error)

// DefaultRounds bounds the lint-and-fix rounds. Most documents settle in
// two: one that fixes and one that finds nothing left to fix.
const DefaultRounds = 5

// Options are the engine's settings.
type Options struct {
	// Unsafe adds the unsafe fixes to the safe ones.
	Unsafe bool
	// Rounds bounds the rounds that apply edits; 0 means DefaultRounds.
	Rounds int
}

// Applied is one edit the engine made: a line of the ledger. Removed and
// Inserted, with the round and its offsets, are enough to undo the edit
// (see Reverse).
type Applied struct {
	Round   int
	Rule    string
	Safety  Safety
	Message string
	// Start and End are the bytes of the original text the edit covers.
	// For an edit of a later round that reaches into text an earlier
	// round inserted, they cover that earlier edit's original bytes too.
	Start, End int
	// RoundStart and RoundEnd are the range in the text the round saw.
	RoundStart, RoundEnd int
	// Removed is the text the edit took out (as the round saw it) and
	// Inserted what it put in.
	Removed, Inserted string
	// Seam marks white space the engine normalised next to a removal
	// (blank lines), credited to the rule whose removal made the seam.
	Seam bool
}

// Result is a fixed text with the record of how it was fixed.
type Result struct {
	// Src is the fixed text; the original when nothing applied.
	Src []byte
	// Applied lists every edit, by round, then by position.
	Applied []Applied
	// Skipped lists the fixes a round did not apply: overlapping a fix of
	// higher priority (a later round retries them on the new text),
	// malformed, or left when the rounds ran out.
	Skipped []Skipped
	// Rounds is the number of rounds that applied edits.
	Rounds int
	// Settled is true when the last lint found nothing left to fix, so
	// fixing the result again changes nothing.
	Settled bool
	// Changed is true when Src differs from the original.
	Changed bool
}

// Run fixes src: it lints, applies the non-overlapping fixes, lints the
// result again and repeats until a lint proposes nothing (the text is a
// fixed point, so fixing it again changes nothing) or the rounds run out.
func Run(src []byte, lint Linter, opts Options) (*Result, error) {
	maxRounds := opts.Rounds
	if maxRounds <= 0 {
		maxRounds = DefaultRounds
	}
	res := &Result{Src: src}
	var history [][]Edit // each round's edits, for mapping offsets back
	cur := src
	for round := 1; ; round++ {
		props, err := lint(cur)
		if err != nil {
			return nil, err
		}
		p := resolve(cur, props, opts.Unsafe)
		for _, s := range p.skipped {
			s.Round = round
			res.Skipped = append(res.Skipped, s)
		}
		if len(p.edits) == 0 {
			res.Settled = true
			break
		}
		if round > maxRounds {
			res.Skipped = append(res.Skipped, pending(cur, props, p, round, maxRounds)...)
			break
		}
		edits := make([]planned, 0, len(p.edits))
		edits = append(edits, p.edits...)
		edits = append(edits, seamEdits(cur, p.edits)...)
		slices.SortStableFunc(edits, cmpPlanned)
		next := apply(cur, edits)
		if bytes.Equal(next, cur) {
			// The edits cancel out: nothing left to do.
			res.Settled = true
			break
		}
		res.Applied = append(res.Applied, record(cur, props, edits, history, round)...)
		history = append(history, plainEdits(edits))
		res.Rounds = round
		cur = next
	}
	res.Src = cur
	res.Changed = !bytes.Equal(cur, src)
	return res, nil
}

// pending reports the fixes of the final lint as not applied.
func pending(src []byte, props []Proposal, p plan, round, maxRounds int) []Skipped {
	seen := map[int]bool{}
	var out []Skipped
	for _, e := range p.edits {
		if seen[e.prop] {
			continue
		}
		seen[e.prop] = true
		s := skippedAt(src, props[e.prop], fmt.Sprintf("not applied: the fixes did not settle within %d rounds", maxRounds), false)
		s.Round = round
		out = append(out, s)
	}
	return out
}

func record(src []byte, props []Proposal, edits []planned, history [][]Edit, round int) []Applied {
	out := make([]Applied, 0, len(edits))
	for _, e := range edits {
		prop := props[e.prop]
		a := Applied{
			Round: round, Rule: prop.Rule, Safety: prop.Fix.Safety, Message: prop.Message,
			RoundStart: e.Start, RoundEnd: e.End,
			Removed: string(src[e.Start:e.End]), Inserted: e.Text, Seam: e.seam,
		}
		if e.seam {
			a.Message = "blank lines at the seam of a removal"
		}
		a.Start, a.End = e.Start, e.End
		for r := len(history) - 1; r >= 0; r-- {
			a.Start = mapStart(history[r], a.Start)
			a.End = mapEnd(history[r], a.End)
		}
		a.Start = min(a.Start, a.End)
		out = append(out, a)
	}
	return out
}

func plainEdits(ps []planned) []Edit {
	out := make([]Edit, len(ps))
	for i, p := range ps {
		out[i] = p.Edit
	}
	return out
}

// apply replaces each edit's range (sorted, non-overlapping) by its text.
func apply(src []byte, edits []planned) []byte {
	var b bytes.Buffer
	b.Grow(len(src))
	last := 0
	for _, e := range edits {
		b.Write(src[last:e.Start])
		b.WriteString(e.Text)
		last = e.End
	}
	b.Write(src[last:])
	return b.Bytes()
}

// mapStart maps an offset in the text after edits back to the text before
// them, as the start of a range: inside inserted text it goes to the
// start of the edit, and at the seam of a removal to after the removed
// bytes, so the range does not claim them.
func mapStart(edits []Edit, p int) int {
	delta := 0
	for _, e := range edits {
		outStart := e.Start + delta
		outEnd := outStart + len(e.Text)
		switch {
		case p < outStart || p == outStart && outEnd > outStart:
			return p - delta
		case p < outEnd:
			return e.Start
		}
		delta += len(e.Text) - (e.End - e.Start)
	}
	return p - delta
}

// mapEnd is mapStart for the end of a range: inside inserted text it goes
// to the end of the edit, at the seam of a removal to before it.
func mapEnd(edits []Edit, p int) int {
	delta := 0
	for _, e := range edits {
		outStart := e.Start + delta
		outEnd := outStart + len(e.Text)
		switch {
		case p <= outStart:
			return p - delta
		case p < outEnd:
			return e.End
		}
		delta += len(e.Text) - (e.End - e.Start)
	}
	return p - delta
}

// Reverse undoes a ledger: given the fixed text and every edit applied to
// it, it returns the original text. It fails when the text does not hold
// what the ledger says was inserted (the file changed since).
func Reverse(fixed []byte, applied []Applied) ([]byte, error) {
	byRound := map[int][]Applied{}
	maxRound := 0
	for _, a := range applied {
		byRound[a.Round] = append(byRound[a.Round], a)
		maxRound = max(maxRound, a.Round)
	}
	cur := fixed
	for round := maxRound; round >= 1; round-- {
		edits := byRound[round]
		sort.SliceStable(edits, func(i, j int) bool {
			return lessEdit(Edit{Start: edits[i].RoundStart, End: edits[i].RoundEnd}, Edit{Start: edits[j].RoundStart, End: edits[j].RoundEnd})
		})
		var b bytes.Buffer
		last, delta := 0, 0
		for _, a := range edits {
			at := a.RoundStart + delta
			end := at + len(a.Inserted)
			if at < last || end > len(cur) || string(cur[at:end]) != a.Inserted {
				return nil, fmt.Errorf("round %d: the text at offset %d does not hold what rule %s inserted", round, at, a.Rule)
			}
			b.Write(cur[last:at])
			b.WriteString(a.Removed)
			last = end
			delta += len(a.Inserted) - (a.RoundEnd - a.RoundStart)
		}
		b.Write(cur[last:])
		cur = b.Bytes()
	}
	return cur, nil
}
