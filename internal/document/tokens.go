package document

import (
	"encoding/binary"
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// TokenKind separates words from numbers.
type TokenKind int

const (
	// Word holds at least one letter: "Zelensky", "co-chaired", "Europeans’".
	Word TokenKind = iota
	// Number is digits only: "26", "2025".
	Number
)

// Token is a word or number with its byte span in the original.
type Token struct {
	Start, End int
	Kind       TokenKind
}

// Tokens returns every word and number token of the document in order,
// outside code blocks. They are computed once, on first use.
func (d *Document) Tokens() []Token {
	d.tokensOnce.Do(func() {
		// English prose runs about 6.4 bytes per token (WCXB truth
		// texts), but a quarter of the articles are denser: room for
		// one token per 5 bytes spares most documents a copy on growth.
		d.tokens = tokenBuffer(len(d.Src)/5 + 8)
		d.tokens = appendBlockTokens(d.tokens, d.Src, d.Blocks)
	})
	return d.tokens
}

// appendBlockTokens appends the tokens of every block but code blocks.
//
// Consecutive blocks are tokenised as one span, from the first one's
// start to the last one's end: what lies between two blocks is line
// terminators and blank lines, which hold no word character, so no token
// starts there or crosses from one block into the next, and the tokens
// are those of the blocks one by one (TestBlockTokensMatchPerBlock).
// One span instead of one per block lets appendTokens read all but the
// document's last 63 bytes 64 at a time: a block's last 63 bytes, a
// third of an average block, went byte by byte.
func appendBlockTokens(out []Token, src []byte, blocks []Block) []Token {
	for i := 0; i < len(blocks); {
		if blocks[i].Kind == Code {
			i++
			continue
		}
		j := i
		for j+1 < len(blocks) && blocks[j+1].Kind != Code {
			j++
		}
		out = appendTokens(out, src, blocks[i].Start, blocks[j].End)
		i = j + 1
	}
	return out
}

// TokensIn returns the tokens inside [start, end).
func (d *Document) TokensIn(start, end int) []Token {
	toks := d.Tokens()
	lo := searchTokens(toks, start)
	return toks[lo : lo+tokensEndingBy(toks[lo:], end)]
}

// tokensEndingBy counts the tokens of toks (in text order) that end at or
// before end. Tokens do not overlap, so their ends ascend too; a span is
// usually a line or a block, a few dozen tokens of a document's
// thousands, so the count is bracketed by doubling steps from the front
// and then bisected, reading only the span's neighbourhood.
func tokensEndingBy(toks []Token, end int) int {
	lo, hi := 0, 1 // toks[:lo] end by end; toks[hi-1] is the next to test
	for hi <= len(toks) && toks[hi-1].End <= end {
		lo = hi
		hi *= 2
	}
	hi = min(hi-1, len(toks)) // toks[hi:] (if any) end past end
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if toks[m].End <= end {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func searchTokens(toks []Token, offset int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		m := (lo + hi) / 2
		if toks[m].Start < offset {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// appendTokens splits src[start:end) into tokens. A token is a run of
// letters, marks and digits; an apostrophe or hyphen joins two such runs
// ("don't", "co-chaired") but a trailing one is left out.
//
// Most tokens are settled 64 bytes at a time: with a bit for every byte
// that is an ASCII letter or digit (classifyChunk), a token is a run of
// set bits, found with two bit scans, without the branch per byte that
// the processor mispredicts at every word's end (tokenising the WCXB
// truth texts: 470 -> 630 MB/s). A token that ends at a joiner or a byte
// above ASCII (which may extend it), that follows a byte above ASCII in
// the gap before it (which may start one), or that lies in the span's last
// 63 bytes, is read by scanToken, byte by byte; one that runs past the
// chunk opens the next chunk. The chunk's own tokens are appended by
// appendChunkTokens, which returns here for every scanToken call.
func appendTokens(out []Token, src []byte, start, end int) []Token {
	src = src[:end]
	i := start
	for i < end {
		if i+64 > end {
			out, i = scanToken(out, src, i, end)
			continue
		}
		at := i
		chunk := (*[64]byte)(src[at : at+64])
		word, high := classifyChunk(chunk[:])
		w, h := word, high // the masks of the bytes from i on
		for {
			var slow bool
			out, i, slow = appendChunkTokens(out, chunk, at, i, word, w, h)
			if !slow {
				break
			}
			// A byte above ASCII in a gap may start a token, and one
			// above ASCII or a joiner after a token may extend it.
			if out, i = scanToken(out, src, i, end); i-at >= 64 {
				break
			}
			before := uint64(1)<<(i-at) - 1
			w, h = word&^before, high&^before
		}
	}
	return out
}

// appendChunkTokens appends the tokens of the chunk at at, from i on: the
// bytes whose bits w and h (classifyChunk's masks word and high, with the bits
// of the bytes already passed cleared) still hold, and returns where the
// next chunk starts: past the last token or gap it settled, or at the
// start of a token that runs past the chunk. When a token needs scanToken
// it returns where scanToken is to start, and slow.
//
// Each token's bits are cleared from w and h as it is appended: two bit
// scans and a few logical steps a token, with no shift by a variable
// count (which costs a compare and a select in Go). The function calls
// nothing but append's growth, so the masks and positions stay in
// registers across tokens (scanToken's call, in the caller, would spill
// them).
func appendChunkTokens(out []Token, chunk *[64]byte, at, i int, word, w, h uint64) (_ []Token, next int, slow bool) {
	for {
		if w == 0 && h == 0 {
			return out, at + 64, false // only a gap left
		}
		upTo := w ^ (w - 1) // the bits up to the next token's first (all when w is 0)
		if h&upTo != 0 {
			return out, i, true // a byte above ASCII in the gap
		}
		k := bits.TrailingZeros64(w)
		stops := word | upTo>>1 // bits past the token's end are 0
		if stops == ^uint64(0) {
			// The token runs past the chunk: the next chunk starts
			// with it (a token of 64 bytes or more is scanned).
			return out, at + k, k == 0
		}
		gap := ^stops
		e := bits.TrailingZeros64(gap)
		if byteClass[chunk[e&63]]&(classJoiner|classHigh) != 0 {
			return out, at + k, true // the token may go on
		}
		kind := Word // most tokens open with a letter
		if chunk[k&63] <= '9' {
			kind = asciiKind(chunk[k&63 : e&63])
		}
		out = append(out, Token{Start: at + k, End: at + e, Kind: kind})
		i = at + e
		past := gap ^ (gap - 1) // the bits up to the token's end
		w &^= past
		h &^= past
	}
}

// asciiKind is the kind of a token of ASCII letters and digits: a word
// unless it holds only digits. Most open with a letter.
func asciiKind(tok []byte) TokenKind {
	if tok[0] > '9' {
		return Word
	}
	for _, c := range tok[1:] {
		if c > '9' {
			return Word
		}
	}
	return Number
}

// classifyChunk returns, for 64 bytes of text, the masks of the ASCII
// letters and digits and of the bytes above ASCII, bit k for byte k.
//
// Each eight bytes are tested in lanes as in asciiWordRun, which leaves
// a byte's answer in its lane's high bit. Shifting the eight words' high
// bits down by 7, 6, ..., 0 and or-ing them packs all 64 answers into
// one word, byte k's at bit 8*(k%8) + k/8: an 8x8 bit matrix that
// transpose8 turns into byte k at bit k, in a dozen steps for all 64
// bytes (gathering each word's eight high bits apart took a multiply
// and three steps per word and mask).
func classifyChunk(b []byte) (word, high uint64) {
	_ = b[63]
	w0, h0 := laneClasses(binary.LittleEndian.Uint64(b[0:]))
	w1, h1 := laneClasses(binary.LittleEndian.Uint64(b[8:]))
	w2, h2 := laneClasses(binary.LittleEndian.Uint64(b[16:]))
	w3, h3 := laneClasses(binary.LittleEndian.Uint64(b[24:]))
	w4, h4 := laneClasses(binary.LittleEndian.Uint64(b[32:]))
	w5, h5 := laneClasses(binary.LittleEndian.Uint64(b[40:]))
	w6, h6 := laneClasses(binary.LittleEndian.Uint64(b[48:]))
	w7, h7 := laneClasses(binary.LittleEndian.Uint64(b[56:]))
	word = transpose8(w0>>7 | w1>>6 | w2>>5 | w3>>4 | w4>>3 | w5>>2 | w6>>1 | w7)
	high = transpose8(h0>>7 | h1>>6 | h2>>5 | h3>>4 | h4>>3 | h5>>2 | h6>>1 | h7)
	return word, high
}

// laneClasses returns, for eight bytes (the first in the low byte), the
// high bit of each lane set when the byte is an ASCII letter or digit
// (word) and when it is above ASCII (high); the other bits are 0.
func laneClasses(x uint64) (word, high uint64) {
	y := x | laneHigh // the low seven bits of every byte, high bit set
	lower := y | 0x20*laneOnes
	letter := (lower - 'a'*laneOnes) &^ (lower - ('z'+1)*laneOnes)
	digit := (y - '0'*laneOnes) &^ (y - ('9'+1)*laneOnes)
	return (letter | digit) &^ x & laneHigh, x & laneHigh
}

// transpose8 transposes the 8x8 bit matrix x, row r in byte r: bit
// 8*r + c goes to bit 8*c + r (Hacker's Delight, 7-3), by swapping ever
// larger blocks across the diagonal.
func transpose8(x uint64) uint64 {
	t := (x ^ x>>7) & 0x00AA00AA00AA00AA
	x ^= t ^ t<<7
	t = (x ^ x>>14) & 0x0000CCCC0000CCCC
	x ^= t ^ t<<14
	t = (x ^ x>>28) & 0x00000000F0F0F0F0
	return x ^ t ^ t<<28
}

// scanToken skips from i to the next token's first byte and appends the
// token, or stops after a character above ASCII that is no word
// character; it returns where the scan stopped. A token grows over ASCII
// letters and digits eight bytes at a time (asciiWordRun); the byte that
// stops it is classified by one table lookup, and only bytes above ASCII
// are decoded as runes.
func scanToken(out []Token, src []byte, i, end int) ([]Token, int) {
	// Skip to a token's first byte: ASCII that is not a letter or
	// digit (joiners included) is passed over without decoding.
	for i < end && byteClass[src[i]]&(classWord|classHigh) == 0 {
		i++
	}
	if i >= end {
		return out, i
	}
	if src[i] >= utf8.RuneSelf {
		if r, size := utf8.DecodeRune(src[i:]); !isWordRune(r) {
			return out, i + size
		}
	}
	tokStart := i
	var seen uint8 // the classes of the token's bytes, or-ed
	for i < end {
		if i+8 <= end {
			// Eight bytes at once: most words are ASCII letters
			// and end within the next eight bytes.
			n, letters := asciiWordRun(binary.LittleEndian.Uint64(src[i:]))
			if letters {
				seen |= letterBit
			}
			i += n
			if n == 8 || i >= end {
				continue
			}
		}
		k := byteClass[src[i]]
		if k&classWord != 0 {
			seen |= k
			i++
			continue
		}
		if k == classJoiner {
			if i+1 < end && joinsWord(src[i+1:]) {
				i++
				continue
			}
			break
		}
		if k != classHigh {
			break
		}
		r, size := utf8.DecodeRune(src[i:])
		if isWordRune(r) {
			seen |= classLetter // no character above ASCII is an ASCII digit
			i += size
			continue
		}
		if isJoiner(r) && i+size < end && joinsWord(src[i+size:]) {
			i += size
			continue
		}
		break
	}
	kind := Number
	if seen&letterBit != 0 {
		kind = Word
	}
	return append(out, Token{Start: tokStart, End: i, Kind: kind}), i
}

// asciiWordRun reads eight bytes (the first in the low byte) and returns
// how many of them, from the first, are ASCII letters or digits, and
// whether there is a letter among those. Each byte is tested in its own
// lane of the word, without branches: with a lane's high bit set over its
// low seven bits, subtracting c never borrows from the next lane and
// leaves the high bit set exactly when the seven bits are c or more. A
// lane is in [lo, hi] when it is lo or more and not hi+1 or more; lanes
// of bytes above ASCII are then dropped. It is small enough for the
// compiler to inline into appendTokens, which calls it for most tokens.
func asciiWordRun(x uint64) (n int, letters bool) {
	y := x | laneHigh // the low seven bits of every byte, high bit set
	lower := y | 0x20*laneOnes
	letter := (lower - 'a'*laneOnes) &^ (lower - ('z'+1)*laneOnes) &^ x & laneHigh
	digit := (y - '0'*laneOnes) &^ (y - ('9'+1)*laneOnes) &^ x
	stop := ^(letter | digit) & laneHigh // lanes that end the run
	// With no stop, TrailingZeros64 gives 64 (eight lanes) and before
	// takes every lane.
	before := (stop & -stop) - 1 // the lanes before the first stop
	return bits.TrailingZeros64(stop) / 8, letter&before != 0
}

const (
	laneOnes = 0x0101010101010101
	laneHigh = 0x8080808080808080
)

// Byte classes for the tokeniser. classWord is set for every byte that
// extends a token on its own (ASCII letters and digits); classLetter marks
// the letters among them.
const (
	classOther  uint8 = 0
	classJoiner uint8 = 1 << 0 // ' and -: inside a token only between word runes
	classHigh   uint8 = 1 << 1 // a byte above ASCII: decode the rune
	classWord   uint8 = 1 << 2
	letterBit   uint8 = 1 << 3
	classLetter uint8 = letterBit | classWord
	classDigit  uint8 = classWord
)

// byteClass classifies every byte value for appendTokens.
var byteClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			t[c] = classLetter
		case '0' <= c && c <= '9':
			t[c] = classDigit
		case c == '\'' || c == '-':
			t[c] = classJoiner
		case c >= utf8.RuneSelf:
			t[c] = classHigh
		}
	}
	return t
}()

func isASCIIWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIWordByte(byte(r))
	}
	if generalPunctuationFirst <= r && r <= generalPunctuationLast {
		// Curly quotes, dashes, ellipses and special spaces are the
		// commonest non-ASCII runes of English text, and this block holds
		// no letter, digit or combining mark: the three table searches
		// below would cost more than the rest of the token's scan.
		return false
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

// The Unicode block General Punctuation (U+2000-U+206F).
const (
	generalPunctuationFirst = 0x2000
	generalPunctuationLast  = 0x206F
)

func isJoiner(r rune) bool {
	return r == '\'' || r == '\u2019' || r == '-' || r == '\u2010' || r == '\u2011'
}

func joinsWord(rest []byte) bool {
	r, _ := utf8.DecodeRune(rest)
	return isWordRune(r)
}
