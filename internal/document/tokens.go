package document

import (
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
		d.tokens = make([]Token, 0, len(d.Src)/6)
		for _, b := range d.Blocks {
			if b.Kind != Code {
				d.tokens = appendTokens(d.tokens, d.Src, b.Start, b.End)
			}
		}
	})
	return d.tokens
}

// TokensIn returns the tokens inside [start, end).
func (d *Document) TokensIn(start, end int) []Token {
	toks := d.Tokens()
	lo := searchTokens(toks, start)
	hi := lo
	for hi < len(toks) && toks[hi].End <= end {
		hi++
	}
	return toks[lo:hi]
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
// ("don't", "co-chaired") but a trailing one is left out. ASCII, most of
// the text, is classified by table without decoding runes.
func appendTokens(out []Token, src []byte, start, end int) []Token {
	i := start
	for i < end {
		c := src[i]
		if c < utf8.RuneSelf {
			if asciiClass[c] == asciiOther {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRune(src[i:end]); !isWordRune(r) {
			i += size
			continue
		}
		tokStart := i
		letters := false
		for i < end {
			c := src[i]
			if c < utf8.RuneSelf {
				switch asciiClass[c] {
				case asciiLetter:
					letters = true
					i++
					continue
				case asciiDigit:
					i++
					continue
				}
				if (c == '\'' || c == '-') && i+1 < end && joinsWord(src[i+1:end]) {
					i++
					continue
				}
				break
			}
			r, size := utf8.DecodeRune(src[i:end])
			if isWordRune(r) {
				letters = true // no character above ASCII is an ASCII digit
				i += size
				continue
			}
			if isJoiner(r) && i+size < end && joinsWord(src[i+size:end]) {
				i += size
				continue
			}
			break
		}
		kind := Number
		if letters {
			kind = Word
		}
		out = append(out, Token{Start: tokStart, End: i, Kind: kind})
	}
	return out
}

const (
	asciiOther = iota
	asciiLetter
	asciiDigit
)

// asciiClass sorts the ASCII bytes into letters, digits and the rest.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			t[c] = asciiLetter
		case '0' <= c && c <= '9':
			t[c] = asciiDigit
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
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

func isJoiner(r rune) bool {
	return r == '\'' || r == '\u2019' || r == '-' || r == '\u2010' || r == '\u2011'
}

func joinsWord(rest []byte) bool {
	r, _ := utf8.DecodeRune(rest)
	return isWordRune(r)
}
