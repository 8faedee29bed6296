package boilerplate

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// maxPhraseLine is the longest line (in bytes) any phrase family looks at:
// page furniture is short, and skipping long lines keeps the rules fast.
const maxPhraseLine = 600

// normalise turns a line into the form phrase lists are written in: lower
// case, HTML tags and Markdown marks dropped, every run of digits made "#",
// punctuation other than ' & @ © made a space, white space collapsed. So
// "**3 MIN. READ**" and "3 min read" both become "# min read".
func normalise(line []byte) string {
	return string(appendNormal(make([]byte, 0, len(line)), line))
}

// appendNormal appends the normalised form of line to dst (see
// normalise), so hot paths can reuse one buffer.
func appendNormal(dst, line []byte) []byte {
	start := len(dst)
	// prev is the class of what was last written: a space or a digit run
	// is written once, however long. The start counts as a space.
	prev := uint8(asciiSpace)
	// ASCII bytes become at most one byte each: they are written in place
	// into spare capacity, without a branch on their class (letters,
	// digits and spaces alternate unpredictably): the output byte is
	// always stored and kept or overwritten by the next one. The slow
	// path appends and makes room again.
	dst = slices.Grow(dst, len(line))
	buf, n := dst[:cap(dst)], len(dst)
	for i := 0; i < len(line); {
		// Eight bytes of letters and single spaces (most of a line of
		// prose) are written at once, lower-cased; the byte loop takes
		// over up to the first byte that is anything else.
		limit := len(line)
		for i+8 <= len(line) {
			out, bad := plainPack(binary.LittleEndian.Uint64(line[i:i+8]), prev == asciiSpace)
			if bad != 0 {
				// The bytes before the first one flagged are plain
				// (see plainPack): they are written from the pack,
				// and the byte loop starts at the flagged one.
				k := bits.TrailingZeros64(bad) >> 3
				binary.LittleEndian.PutUint64(buf[n:n+8], out)
				if k > 0 {
					n += k
					i += k
					prev = asciiKeep
					if byte(out>>(8*(k-1))) == ' ' {
						prev = asciiSpace
					}
				}
				limit = i + 1
				break
			}
			binary.LittleEndian.PutUint64(buf[n:n+8], out)
			n += 8
			i += 8
			prev = asciiKeep
			if out>>56 == ' ' {
				prev = asciiSpace
			}
		}
		// The ASCII run is a loop of its own: it leaves the slow path's
		// variables alone, so they are not stored at every byte. Past
		// the byte the packs flagged it goes on up to the next letter:
		// the punctuation, digits and spaces after a word (", ", ". ",
		// "2024 ") would each flag the next pack at its first byte.
		for ; i < len(line); i++ {
			e := asciiEntry[line[i]]
			class := uint8(e >> 8)
			if class == asciiSlow || i >= limit && byte(e)-'a' < 26 {
				break
			}
			buf[n] = byte(e)
			n += int(asciiKept[prev<<2|class])
			prev = class
		}
		if i == len(line) || asciiEntry[line[i]]>>8 != asciiSlow {
			continue
		}
		dst = buf[:n]
		r, size := utf8.DecodeRune(line[i:])
		switch {
		case r == '<' && isTagAt(line[i:]):
			i += bytes.IndexByte(line[i:], '>') + 1
			if prev != asciiSpace {
				dst = append(dst, ' ')
			}
			prev = asciiSpace
		case unicode.IsDigit(r):
			i += size
			if prev != asciiDigit {
				dst = append(dst, '#')
			}
			prev = asciiDigit
		case unicode.IsLetter(r) || r == '\'' || r == '&' || r == '@' || r == '©':
			i += size
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
			prev = asciiKeep
		case r == '\u2019':
			i += size
			dst = append(dst, '\'')
			prev = asciiKeep
		default:
			i += size
			if prev != asciiSpace {
				dst = append(dst, ' ')
			}
			prev = asciiSpace
		}
		dst = slices.Grow(dst, len(line)-i)
		buf, n = dst[:cap(dst)], len(dst)
	}
	// A space is written only after something else, so the form never
	// starts with one and ends with at most one.
	if n > start && buf[n-1] == ' ' {
		n--
	}
	return buf[:n]
}

// plainPack lower-cases eight bytes packed little-endian when they are
// all ASCII letters and single spaces (no space after another, nor first
// when afterSpace), so that normalising them copies them: bad is then 0.
// Otherwise the lowest byte flagged in bad is the first byte that is not
// so (or the second of two spaces), and the bytes of out below it are
// their normal form: a plain byte carries nothing into the byte above it
// in the sums (a letter or space stays below 0x100 in each), so the flags
// up to the first byte that is not plain are exact.
func plainPack(x uint64, afterSpace bool) (out uint64, bad uint64) {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	// Each byte's high bit answers a question. A byte above ASCII is
	// flagged by its own high bit; the sums may carry out of it into
	// the bytes above, which only the flag's position matters for.
	// Setting bit 5 lower-cases a capital and leaves a space as it is;
	// of the other bytes only small letters end up in 'a' to 'z'.
	lower := x | 0x20*ones
	letters := (lower + 0x1f*ones) &^ (lower + 0x05*ones) // 'a' to 'z'
	spaces := ^(x ^ 0x20*ones + 0x7f*ones)
	bad = x | ^(letters | spaces) | spaces&(spaces<<8) // the second of two spaces
	if afterSpace {
		bad |= spaces & 0x80
	}
	return lower, bad & highs
}

// isTagAt reports whether s starts with an HTML tag normalise drops.
func isTagAt(s []byte) bool {
	end := bytes.IndexByte(s, '>')
	return end > 0 && end < 40 && isTag(s[1:end])
}

// Classes of bytes for appendNormal's fast path: ASCII letters and ' & @
// are kept (lower-cased), digits become "#", other ASCII is a space; '<'
// (a possible tag) and non-ASCII bytes take the slow path. asciiOut is
// the byte each becomes.
const (
	asciiSlow = iota
	asciiKeep
	asciiDigit
	asciiSpace
)

var asciiClass, asciiOut = func() (class, out [256]byte) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case c == '<':
			class[c] = asciiSlow
		case c >= '0' && c <= '9':
			class[c], out[c] = asciiDigit, '#'
		case c >= 'a' && c <= 'z' || c == '\'' || c == '&' || c == '@':
			class[c], out[c] = asciiKeep, byte(c)
		case c >= 'A' && c <= 'Z':
			class[c], out[c] = asciiKeep, byte(c)+'a'-'A'
		default:
			class[c], out[c] = asciiSpace, ' '
		}
	}
	return class, out
}()

// asciiEntry[c] is asciiOut[c] | asciiClass[c]<<8: one load for both.
var asciiEntry = func() (e [256]uint16) {
	for c := range e {
		e[c] = uint16(asciiOut[c]) | uint16(asciiClass[c])<<8
	}
	return e
}()

// asciiKept[prev<<2|class] is 1 when a byte of class after one of class
// prev adds its output byte: a kept letter always, a digit or a space
// only when it starts a run. It has room for every byte index (only the
// first 16 are used), so the lookup needs no bounds check.
var asciiKept = func() (kept [256]uint8) {
	for prev := range 4 {
		for class := asciiKeep; class <= asciiSpace; class++ {
			if class == asciiKeep || class != prev {
				kept[prev<<2|class] = 1
			}
		}
	}
	return kept
}()

// isTag reports whether s (between < and >) looks like an HTML tag name
// with optional attributes: "u", "/u", "br/", "a href=...".
func isTag(s []byte) bool {
	s = bytes.TrimPrefix(s, []byte("/"))
	if len(s) == 0 || !isASCIILetter(s[0]) {
		return false
	}
	return bytes.IndexByte(s, '\n') < 0
}

// wordCount counts space-separated words in a normalised string.
func wordCount(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, " ") + 1
}

// standaloneLine reports whether line i stands on its own rather than
// continuing a hard-wrapped sentence: it is a block of its own, or the line
// before it in the block ends a sentence or is short, and it does not start
// in lower case.
func standaloneLine(doc *document.Document, b document.Block, i int) bool {
	if b.FirstLine == b.LastLine {
		return true
	}
	line := bytes.TrimSpace(doc.LineText(i))
	if r, _ := utf8.DecodeRune(line); unicode.IsLower(r) {
		return false
	}
	if i == b.FirstLine {
		return true
	}
	prev := trimRightBlanks(doc.LineText(i-1), false)
	// A rune is one to four bytes: the count is needed only between.
	return endsSentence(prev) || len(prev) < 60 || len(prev) < 4*60 && utf8.RuneCount(prev) < 60
}

// endsSentence reports whether text ends with terminal punctuation,
// allowing closing quotes and brackets after it.
func endsSentence(text []byte) bool {
	text = trimRightBlanks(text, true)
	for len(text) > 0 {
		if c := text[len(text)-1]; c < utf8.RuneSelf {
			// An ASCII last byte is the last rune: no decoding.
			switch c {
			case '.', '!', '?', ';':
				return true
			case '"', '\'', ')', ']':
				text = text[:len(text)-1]
				continue
			}
			return false
		}
		r, size := utf8.DecodeLastRune(text)
		switch r {
		case '.', '!', '?', '\u2026', ';':
			return true
		case '"', '\'', '\u201d', '\u2019', ')', ']', '\u00bb':
			text = text[:len(text)-size]
			continue
		}
		return false
	}
	return false
}

// checkedBlock reports whether phrase and structure rules look into a block:
// code, tables and endnote definitions are never page furniture.
func checkedBlock(b document.Block) bool {
	switch b.Kind {
	case document.Code, document.Table, document.Note, document.Separator:
		return false
	}
	return true
}

// The fix messages of the rules' findings, built once: a page has a
// finding per furniture line.
const (
	removeFurniture = "remove the furniture line"
	removeTemplate  = "remove the template line"
)

// lineRemoval is a fix with its single edit: allocated together, one
// allocation per finding instead of two.
type lineRemoval struct {
	fix  fixers.Fix
	edit [1]fixers.Edit
}

// removeFix returns the fix that removes lines first..last with the blank
// line that separated them; message is the whole fix message.
func removeFix(doc *document.Document, first, last int, safety fixers.Safety, message string) *fixers.Fix {
	r := &lineRemoval{edit: [1]fixers.Edit{fixers.RemoveLines(doc, first, last)}}
	r.fix = fixers.Fix{Message: message, Safety: safety, Edits: r.edit[:]}
	return &r.fix
}

// lineSpan returns the byte span of line i without its leading white space.
func lineSpan(doc *document.Document, i int) (start, end int) {
	l := doc.Lines[i]
	text := doc.Src[l.Start:l.End]
	lead := len(text) - len(trimLeftBlanks(text))
	return l.Start + lead, l.End
}

// reportLines reports lines first..last as one finding with a removal fix
// whose message is fixMsg.
func reportLines(pass *rules.Pass, first, last int, sev rules.Severity, safety fixers.Safety, fixMsg, msg string) {
	start, _ := lineSpan(pass.Doc, first)
	end := pass.Doc.Lines[last].End
	pass.Report(rules.Finding{
		Start: start, End: end, Severity: sev, Message: msg,
		Fix: removeFix(pass.Doc, first, last, safety, fixMsg),
	})
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
