package fixers

import (
	"bytes"
	"unicode/utf8"
)

// Seams: where a fix removes text, the text before and after the removal
// meet. RemoveLines makes that seam right for one removal, but removals
// side by side, a line emptied between blank lines, or a rule that removes
// a plain byte range can leave a run of blank lines or glue two paragraphs
// together. The engine repairs only those seams, and only with the white
// space that lies between the removals and the nearest text: it never
// touches text that no rule flagged. The repairs are edits of their own,
// in the ledger under the rule whose removal made the seam.

// seamEdits returns the extra edits that normalise the blank lines at the
// seams of the removals among edits (sorted, non-overlapping).
func seamEdits(src []byte, edits []planned) []planned {
	var extra []planned
	for i := 0; i < len(edits); {
		if !isRemoval(edits[i].Edit) {
			i++
			continue
		}
		// A cluster is a run of removals with only white space between
		// them: after the fix they make one seam.
		j := i
		for j+1 < len(edits) && isRemoval(edits[j+1].Edit) && allGap(src[edits[j].End:edits[j+1].Start]) {
			j++
		}
		extra = append(extra, normaliseCluster(src, edits, i, j)...)
		i = j + 1
	}
	return extra
}

func isRemoval(e Edit) bool { return e.Text == "" && e.End > e.Start }

// piece is white space left between the removals of a cluster, owned by
// the removal it touches (for the ledger).
type piece struct {
	start, end int
	owner      int // index into edits
}

func normaliseCluster(src []byte, edits []planned, i, j int) []planned {
	lo, hi := 0, len(src)
	if i > 0 {
		lo = edits[i-1].End
	}
	if j+1 < len(edits) {
		hi = edits[j+1].Start
	}
	ls := scanGapLeft(src, edits[i].Start, lo)
	re := scanGapRight(src, edits[j].End, hi)
	bom := 0
	if bytes.HasPrefix(src, utf8BOM) {
		bom = len(utf8BOM)
	}
	atStart := i == 0 && (ls == 0 || ls == bom)
	atEnd := j == len(edits)-1 && re == len(src)

	pieces := []piece{{ls, edits[i].Start, i}}
	for m := i; m < j; m++ {
		pieces = append(pieces, piece{edits[m].End, edits[m+1].Start, m})
	}
	pieces = append(pieces, piece{edits[j].End, re, j})
	nls := newlines(src, pieces)
	k := len(nls)

	var keep func(off int) bool
	switch {
	case atStart && atEnd:
		if k == 0 {
			return nil
		}
		keep = func(int) bool { return false }
	case atStart:
		if k == 0 {
			return nil
		}
		// The text now starts the document: no blank lines above it,
		// but its own indentation stays.
		last := nls[k-1].end
		keep = func(off int) bool { return off >= last }
	case atEnd:
		// The text ends as the document did: with one line terminator,
		// or none when it had none.
		want := 0
		if bytes.HasSuffix(src, []byte("\n")) {
			want = 1
		}
		if k <= want {
			return nil
		}
		keep = func(int) bool { return false }
		if want == 1 {
			first := nls[0].end
			keep = func(off int) bool { return off < first }
		}
	case !hasBlankLine(src[ls:re]):
		// The text on both sides was one paragraph: nothing to restore.
		return nil
	case k == 2:
		return nil
	case k > 2:
		// Two paragraphs, one blank line between them.
		first, last := nls[0].end, nls[k-1].start
		keep = func(off int) bool { return off < first || off >= last }
	default:
		// The removals glued two paragraphs: give back the blank line.
		eol := lineEnding(src[ls:re])
		at := edits[i].Start
		if k == 1 {
			at = nls[0].end
		}
		owner := edits[i].prop
		text := bytes.Repeat(eol, 2-k)
		return []planned{{Edit: Edit{Start: at, End: at, Text: string(text)}, prop: owner, seam: true}}
	}
	return dropRuns(edits, pieces, keep)
}

// dropRuns turns the bytes of the pieces that keep rejects into removals.
func dropRuns(edits []planned, pieces []piece, keep func(int) bool) []planned {
	var out []planned
	for _, p := range pieces {
		runStart := -1
		for off := p.start; off <= p.end; off++ {
			dropped := off < p.end && !keep(off)
			switch {
			case dropped && runStart < 0:
				runStart = off
			case !dropped && runStart >= 0:
				out = append(out, planned{Edit: Delete(runStart, off), prop: edits[p.owner].prop, seam: true})
				runStart = -1
			}
		}
	}
	return out
}

// terminator is one line ending: "\n" or "\r\n".
type terminator struct{ start, end int }

func newlines(src []byte, pieces []piece) []terminator {
	var out []terminator
	for _, p := range pieces {
		for off := p.start; off < p.end; off++ {
			if src[off] != '\n' {
				continue
			}
			t := terminator{off, off + 1}
			if off > p.start && src[off-1] == '\r' {
				t.start--
			}
			out = append(out, t)
		}
	}
	return out
}

// lineEnding is the first line terminator in b, "\n" when it has none.
func lineEnding(b []byte) []byte {
	if i := bytes.IndexByte(b, '\n'); i > 0 && b[i-1] == '\r' {
		return []byte("\r\n")
	}
	return []byte("\n")
}

// hasBlankLine reports whether b holds two line breaks with only white
// space between them.
func hasBlankLine(b []byte) bool {
	for i := bytes.IndexByte(b, '\n'); i >= 0; {
		rest := b[i+1:]
		n := 0
		for n < len(rest) {
			r, size := utf8.DecodeRune(rest[n:])
			if r == '\n' {
				return true
			}
			if !isGap(r) {
				break
			}
			n += size
		}
		next := bytes.IndexByte(rest, '\n')
		if next < 0 {
			return false
		}
		i += 1 + next
	}
	return false
}

func scanGapLeft(src []byte, from, lo int) int {
	for from > lo {
		r, size := utf8.DecodeLastRune(src[lo:from])
		if !isGap(r) {
			break
		}
		from -= size
	}
	return from
}

func scanGapRight(src []byte, from, hi int) int {
	for from < hi {
		r, size := utf8.DecodeRune(src[from:hi])
		if !isGap(r) {
			break
		}
		from += size
	}
	return from
}

func allGap(b []byte) bool { return scanGapRight(b, 0, len(b)) == len(b) }

// isGap is white space that can make up a blank line, the characters the
// document model counts as blank. U+FEFF is left out: at the top it is the
// byte order mark.
func isGap(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\n', '\v', '\f', '\u00a0', '\u200b', '\u200c', '\u200d', '\u2060', '\u202f', '\u3000':
		return true
	}
	return r >= '\u2000' && r <= '\u200a'
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}
