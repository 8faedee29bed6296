package document

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is a span of prose inside one block.
type Sentence struct {
	Start, End int
	Block      int
}

// Sentences returns the sentences of every prose block, in order. They are
// computed once, on first use.
func (d *Document) Sentences() []Sentence {
	d.sentencesOnce.Do(func() {
		d.sentences = sentenceBuffer()
		terminals := newTerminalFinder(d.Src)
		for bi, b := range d.Blocks {
			if b.IsProse() {
				d.sentences = appendSentences(d.sentences, &terminals, b.ContentStart, b.End, bi)
			}
		}
	})
	return d.sentences
}

// abbreviations do not end a sentence even when a capitalised word follows.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "sr": true, "jr": true,
	"gen": true, "col": true, "lt": true, "sgt": true, "capt": true, "adm": true, "gov": true, "sen": true,
	"rep": true, "rev": true, "hon": true, "pres": true, "amb": true, "maj": true, "cmdr": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"vs": true, "v": true, "etc": true, "cf": true, "al": true, "approx": true, "inc": true, "ltd": true,
	"co": true, "corp": true, "dept": true, "univ": true, "ed": true, "eds": true,
}

// numberAbbreviations are abbreviations only before a number: "No. 5",
// "Art. 7", but "he said no. Then".
var numberAbbreviations = map[string]bool{
	"no": true, "nos": true, "vol": true, "vols": true, "p": true, "pp": true, "fig": true,
	"art": true, "para": true, "ch": true, "sec": true,
}

// appendSentences appends the sentences of src[start:end); terminals
// finds the sentence ends in src (its searches ask for offsets in
// ascending order across calls).
func appendSentences(out []Sentence, terminals *terminalFinder, start, end, block int) []Sentence {
	src := terminals.src
	s := skipSpace(src, start, end)
	for i := s; i < end; {
		i = terminals.index(i, end)
		if i >= end {
			break
		}
		r, size := rune(src[i]), 1
		if r >= utf8.RuneSelf {
			r, size = '\u2026', len("\u2026")
		}
		stop := closeAfterTerminal(src, i+size, end)
		next := skipSpace(src, stop, end)
		if next == stop && next < end {
			// No space after the mark: "U.S.", "3.5", "e.g.".
			i = stop
			continue
		}
		if next < end && (r == '.' && isAbbreviation(src, s, i, src[next]) || !opensSentence(src, next, end)) {
			i = stop
			continue
		}
		if s < stop {
			out = append(out, Sentence{Start: s, End: stop, Block: block})
		}
		s, i = next, next
	}
	if tail := trimRightSpace(src, s, end); s < tail {
		out = append(out, Sentence{Start: s, End: tail, Block: block})
	}
	return out
}

// terminalBytes are the bytes a sentence terminal opens with: '.', '!',
// '?' and the first byte of '…' (E2 80 A6).
var terminalBytes = [...]byte{'.', '!', '?', 0xe2}

// terminalFinder finds the sentence terminals of a text for offsets that
// never go back: it keeps, per terminal byte, the next place the byte
// occurs, found by bytes.IndexByte (vector instructions), so each byte
// kind is searched for once over the whole text, not byte by byte per
// sentence. It reads bytes, not runes: an ASCII byte or the lead byte
// 0xE2 is never inside another character's encoding, so it finds exactly
// the terminals a rune-by-rune scan finds.
type terminalFinder struct {
	src []byte
	// next[k] is the first offset at or after the last search's start
	// where terminalBytes[k] occurs, len(src) for none.
	next [len(terminalBytes)]int
}

func newTerminalFinder(src []byte) terminalFinder {
	return terminalFinder{src: src, next: [...]int{-1, -1, -1, -1}} // searched on first use
}

// index returns the offset of the first sentence terminal ('.', '!', '?'
// or '…' whole before end) in src[i:end), or end. i must not be below
// the i of an earlier call.
func (f *terminalFinder) index(i, end int) int {
	src := f.src
	for {
		first := len(src)
		for k := range f.next {
			if f.next[k] < i {
				f.next[k] = len(src)
				if j := bytes.IndexByte(src[i:], terminalBytes[k]); j >= 0 {
					f.next[k] = i + j
				}
			}
			first = min(first, f.next[k])
		}
		if first >= end {
			return end
		}
		if src[first] != 0xe2 || first+2 < end && src[first+1] == 0x80 && src[first+2] == 0xa6 {
			return first
		}
		i = first + 1 // an 0xE2 that opens another character
	}
}

// closeAfterTerminal moves past closing quotes, brackets and footnote
// references that belong to the sentence just ended: `peace.”[1] The`.
func closeAfterTerminal(src []byte, i, end int) int {
	for i < end {
		r, size := utf8.DecodeRune(src[i:end])
		switch r {
		case '"', '\'', '\u201d', '\u2019', ')', '.', '!', '?':
			i += size
		case '[':
			j := i + 1
			for j < end && j-i < 12 && (src[j] >= '0' && src[j] <= '9' || src[j] == ',' || src[j] == '-' || src[j] == ' ' || src[j] == '^') {
				j++
			}
			if j < end && src[j] == ']' && j > i+1 {
				i = j + 1
				continue
			}
			return i
		default:
			return i
		}
	}
	return i
}

// isAbbreviation looks at the word before the period at dot: a known
// abbreviation, a single capital initial ("J. Smith"), or a dotted
// initialism ("U.S."); following is the first byte of the next word.
//
// It reads the word in place: an ASCII word is lower-cased on the stack
// (one longer than any abbreviation is none), and only other words are
// copied and lower-cased by strings.ToLower.
func isAbbreviation(src []byte, sentStart, dot int, following byte) bool {
	j := dot
	for j > sentStart {
		if c := src[j-1]; c < utf8.RuneSelf {
			// ASCII, most words' letters: no decoding.
			if lower := c | 0x20; c != '.' && (lower < 'a' || lower > 'z') {
				break
			}
			j--
			continue
		}
		r, size := utf8.DecodeLastRune(src[sentStart:j])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		j -= size
	}
	word := src[j:dot]
	if len(word) == 0 {
		return false
	}
	if bytes.IndexByte(word, '.') >= 0 {
		return true // "U.S", "e.g"
	}
	if utf8.RuneCount(word) == 1 {
		r, _ := utf8.DecodeRune(word)
		return unicode.IsUpper(r)
	}
	var buf [maxAbbreviation]byte
	var lower []byte
	switch {
	case !isASCII(word):
		lower = []byte(strings.ToLower(string(word)))
	case len(word) > len(buf):
		return false
	default:
		lower = buf[:len(word)]
		for i, c := range word {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			lower[i] = c
		}
	}
	return abbreviations[string(lower)] || numberAbbreviations[string(lower)] && '0' <= following && following <= '9'
}

// maxAbbreviation is the length of the longest key of abbreviations and
// numberAbbreviations ("approx"); TestMaxAbbreviation holds it to them.
const maxAbbreviation = 6

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// opensSentence reports whether the text at i can start a sentence: an
// upper-case letter or a digit, perhaps after opening quotes or brackets.
func opensSentence(src []byte, i, end int) bool {
	for i < end {
		if c := src[i]; c < utf8.RuneSelf {
			// ASCII, most sentences' first byte: no decoding and no
			// Unicode tables.
			switch asciiOpener[c] {
			case opensYes:
				return true
			case opensNo:
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:end])
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			return true
		case unicode.IsLetter(r):
			return false
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			i += size
		default:
			return false
		}
	}
	return false
}

// asciiOpener is opensSentence's answer for an ASCII byte: an upper-case
// letter or a digit opens a sentence, punctuation and symbols are passed
// over, anything else (lower-case letters, space, controls) does not.
var asciiOpener = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		r := rune(c)
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			t[c] = opensYes
		case unicode.IsLetter(r):
			t[c] = opensNo
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			t[c] = opensSkip
		default:
			t[c] = opensNo
		}
	}
	return t
}()

const (
	opensNo uint8 = iota
	opensYes
	opensSkip
)

func skipSpace(src []byte, i, end int) int {
	for i < end {
		if c := src[i]; c < utf8.RuneSelf {
			if !isSpaceByte(c) && c != '\n' {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:end])
		if !isSpaceRune(r) && r != '\n' {
			break
		}
		i += size
	}
	return i
}

func trimRightSpace(src []byte, start, end int) int {
	for end > start {
		if c := src[end-1]; c < utf8.RuneSelf {
			if !isSpaceByte(c) && c != '\n' {
				break
			}
			end--
			continue
		}
		r, size := utf8.DecodeLastRune(src[start:end])
		if !isSpaceRune(r) && r != '\n' {
			break
		}
		end -= size
	}
	return end
}
