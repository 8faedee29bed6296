// Package fixers holds the edit and fix types that rules attach to findings,
// and the engine that applies them.
//
// A fix is a list of byte-range edits into the original document. Edits never
// carry positions in any other unit, so every consumer (the fix engine, the
// JSON output, the ledger) agrees on what a fix touches.
package fixers

import (
	"fmt"
	"strings"
)

// Safety says whether a fix may be applied without a human looking at it.
type Safety int

const (
	// None means the rule offers no fix.
	None Safety = iota
	// Safe fixes cannot remove article text: they normalise characters or
	// remove lines that are certainly not part of the article.
	Safe
	// Unsafe fixes rest on a judgement that can be wrong (a structural guess,
	// a renumbering) and are applied only on request.
	Unsafe
)

func (s Safety) String() string {
	switch s {
	case Safe:
		return "safe"
	case Unsafe:
		return "unsafe"
	default:
		return "none"
	}
}

// ParseSafety is the inverse of Safety.String.
func ParseSafety(s string) (Safety, error) {
	switch strings.ToLower(s) {
	case "none", "":
		return None, nil
	case "safe":
		return Safe, nil
	case "unsafe":
		return Unsafe, nil
	}
	return None, fmt.Errorf("unknown fix safety %q (want none, safe or unsafe)", s)
}

// Edit replaces the bytes [Start, End) of the original document with Text.
// Start == End inserts; Text == "" deletes.
type Edit struct {
	Start int
	End   int
	Text  string
}

// Fix is one coherent change proposed by a finding.
type Fix struct {
	Message string
	Safety  Safety
	Edits   []Edit
}

// Delete returns an edit that removes [start, end).
func Delete(start, end int) Edit { return Edit{Start: start, End: end} }

// Replace returns an edit that replaces [start, end) with text.
func Replace(start, end int, text string) Edit { return Edit{Start: start, End: end, Text: text} }
