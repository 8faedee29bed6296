package boilerplate

import (
	"bytes"
	"slices"
)

// A long line's normal form is mostly not read past its start: a line of
// more than maxFamilyWords-ish words matches no phrase family, is no
// compound, and every word-count threshold of the rules is far below
// cutMinWords. The analysis therefore normalises only the start of such
// a line (normalStart); the rest is normalised when something reads the
// whole form (the line model's lexicon, the template run phase, the
// numbering of repeats when two starts agree). On the WCXB truth texts,
// where the model mostly stays silent, a quarter of the candidate bytes
// lie past the cut: the analysis' normalisation went from 83.2M to 70.8M
// instructions, and hashing only the starts (hashedNorm) took 4M more
// off. Only the analysis cuts: the corpus pass fingerprints whole forms.
//
// Why the start answers what the rules ask of a cut line (the cut needs
// at least cutMinWords words in the start, a byte that is not a figure
// among them, and a first word that starts no family):
//   - words: wordCount of the start is at least cutMinWords, and every
//     rule compares c.words with a bound below it (shortMaxWords,
//     detailsMaxWords, tocMaxWords, repeatMaxWord, compound's 16, == 1,
//     < 2): the same answers as the whole count.
//   - matchAll: with n >= cutMinWords no exact phrase or vocabulary
//     applies; a family is asked only when it may match anywhere (all
//     of those give up above their MaxWords and MatchWords, below
//     cutMinWords: TestCutBoundsHold) or lists the first word as a start,
//     and a cut start has none: noMatch either way.
//   - onlyFigures: false for both (the start holds a byte that is no
//     figure nor space).
//   - the first word is the same.
// Normalising raw[:cut] and raw[cut:] apart gives the whole form when the
// cut is right after an ASCII space and raw[:cut] holds no '<' (the only
// byte appendNormal looks ahead from, for a tag's end): the byte loop
// then stands after a space at the cut, as a fresh call starts (see
// joinNormal), and nothing before the cut reads past it. normalStart
// normalises the start in such pieces until it has enough words, and the
// rest (from the first piece with a '<' on) in one.

// cutsPay reports whether cutting long lines pays in a document of
// blocks, short of them with at most cutShortWords words (code, tables
// and separators count as short): a page whose menus and buttons make
// many short blocks mostly has the furniture that sets the line model
// going (model.gate), and the model reads the whole form of nearly every
// line, so cutting would only add the completion's work. Over the WCXB
// dev texts and pages, a share of short blocks below cutShortShare kept
// 75% of the bytes cut in the truth texts, where the model ran on 2 of
// 736, and cut 8% of those cut on the pages the model then ran on (717
// of 736). Either way the output is the same.
func cutsPay(short, blocks int) bool {
	if cutOverride != 0 {
		return cutOverride > 0
	}
	return float64(short) < cutShortShare*float64(blocks)
}

const (
	cutShortWords = 4
	cutShortShare = 0.3
)

// cutOverride, when not 0, makes the long lines of every document cut
// (1) or of none (-1), for the tests that hold the cut forms to the whole
// ones.
var cutOverride = 0

// cutFrom is the byte offset from which normalStart looks for a space to
// cut at (26 words of prose take about 170 bytes); cutMinWords is the
// fewest words the start must have; cutTries bounds the pieces it
// normalises before it gives up and normalises the rest in one.
const (
	cutFrom     = 176
	cutMinWords = 26
	cutTries    = 3
)

// normalStart appends raw's normal form to dst, or when raw is long
// enough only the form of raw[:cut] (cut > 0) as explained above.
func normalStart(dst, raw []byte) (norm []byte, cut int) {
	if len(raw) <= cutFrom+cutFrom/4 {
		return appendNormal(dst, raw), 0
	}
	start := len(dst)
	norm, cut = dst, 0
	spaces := 0 // in norm[start:]
	tag := bytes.IndexByte(raw, '<')
	if tag < 0 {
		tag = len(raw)
	}
	for try, from := 0, cutFrom; try < cutTries; try++ {
		next := nextCut(raw, from)
		if next < 0 || next > tag {
			break // the rest is normalised in one piece
		}
		before := len(norm)
		norm, cut = joinNormal(norm, start, raw[cut:next]), next
		spaces += bytes.Count(norm[before:], space)
		words := 0
		if len(norm) > start {
			words = spaces + 1
		}
		if words >= cutMinWords {
			if startAnswers(norm[start:]) {
				return norm, cut
			}
			break
		}
		// The next piece ends where the words so far, at the bytes
		// per word so far, reach enough (and a few bytes on).
		from = cut + 8 + (cutMinWords-words)*cut/max(words, 1)
	}
	return joinNormal(norm, start, raw[cut:]), 0
}

var space = []byte{' '}

// nextCut returns the offset right after the first space of raw at or
// after from, -1 when that leaves nothing after it.
func nextCut(raw []byte, from int) int {
	// The space is mostly a few bytes on: no call to a search.
	for i := from; i < len(raw)-1; i++ {
		if raw[i] == ' ' {
			return i + 1
		}
	}
	return -1
}

// startAnswers reports whether a cut line's start of cutMinWords words or
// more answers for the whole line (see above): it holds a byte that is
// not a figure nor a space, and its first word starts no family.
func startAnswers(norm []byte) bool {
	figures := true
	for _, b := range norm {
		if b != '#' && b != ' ' {
			figures = false
			break // mostly at the first byte
		}
	}
	first := norm
	if sp := bytes.IndexByte(norm, ' '); sp >= 0 {
		first = norm[:sp]
	}
	return !figures && firstWordFamilies[string(first)].starts == 0
}

// joinNormal appends the normal form of rest to norm, whose form from
// start on is that of a text ending in an ASCII space: the forms joined
// by a space, or either alone when the other is empty.
func joinNormal(norm []byte, start int, rest []byte) []byte {
	n := len(norm)
	if n == start {
		return appendNormal(norm, rest)
	}
	out := appendNormal(append(norm, ' '), rest)
	if len(out) == n+1 {
		return out[:n] // rest has no form of its own
	}
	return out
}

// appendWhole appends to dst the whole normal form of a candidate line
// of the given norm, text and cut.
func appendWhole(dst []byte, norm string, text []byte, cut int32) []byte {
	start := len(dst)
	dst = append(dst, norm...)
	if cut == 0 {
		return dst
	}
	return joinNormal(dst, start, text[cut:])
}

// fullNorm returns the whole normal form of candidate ci (small enough
// to be inlined: it is asked for every line near a scored one).
func (a *analysis) fullNorm(ci int) string {
	if c := &a.cands[ci]; c.cut == 0 {
		return c.norm
	}
	return a.completedNorm(ci)
}

// completedNorm is fullNorm of a cut candidate.
func (a *analysis) completedNorm(ci int) string {
	a.wholeOnce.Do(a.completeNorms)
	k, _ := slices.BinarySearch(a.cutCands, int32(ci))
	from := int32(0)
	if k > 0 {
		from = a.wholeEnds[k-1]
	}
	return a.whole[from:a.wholeEnds[k]]
}

// completeNorms puts the whole normal forms of the cut candidates in one
// string, a.whole, the one of cutCands[k] ending at wholeEnds[k].
func (a *analysis) completeNorms() {
	var arena []byte
	ends := make([]int32, len(a.cutCands))
	for k, ci := range a.cutCands {
		c := &a.cands[ci]
		arena = appendWhole(arena, c.norm, c.text, c.cut)
		ends[k] = int32(len(arena))
	}
	a.whole, a.wholeEnds = string(arena), ends
}
