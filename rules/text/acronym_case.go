package text

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/knowledge"
	"github.com/dochygiene/hygiene/rules"
)

// AcronymCase flags an initialism written in the wrong case ("Uk" for
// "UK"), from the knowledge pack's list of initialisms.
var AcronymCase = &rules.Rule{
	ID:      "text/acronym-case",
	Summary: `an initialism in the wrong case ("Uk" for "UK")`,
	Doc: `Title-casing a headline or a careless ingest turns "UK" into "Uk" and "IMF"
into "Imf". The knowledge pack lists initialisms with the casings house
styles accept: "Nato", "Unesco" and "Opec" are BBC and Guardian style and
pass by default. Option house_style narrows this: "any" (default) accepts
every listed style, "none" accepts capitals only, a style name ("bbc")
accepts that style only.

Never flagged: all-lower-case words (domains, code), initialisms whose other
casings are ordinary words or names ("Us", "It", "Who", "Ira" at the start
of a sentence), and words inside URLs and e-mail addresses. The fix (safe)
writes the capitals.`,
	Bad:       "Uk, France and Ukraine meet to discuss security guarantees",
	Good:      "UK, France and Ukraine meet; Us and It stay as they are; Nato is BBC style.",
	Severity:  rules.Warning,
	FixSafety: fixers.Safe,
	Run:       runAcronymCase,
	Prepare:   func() { knowledge.Active() },
}

func runAcronymCase(pass *rules.Pass) {
	doc := pass.Doc
	style := pass.Options.String("house_style", "any")
	pack := knowledge.Active()
	openers := openersOf(pack)
	src := doc.Src
	for _, t := range doc.Tokens() {
		// Tokens of 2 to 8 bytes whose first two bytes may open an
		// initialism of the pack: the pair test settles most tokens,
		// whatever their case, on two bytes they are read by anyway.
		if uint(t.End-t.Start-2) > 8-2 || t.Kind != document.Word || !openers.mayOpen(src[t.Start], src[t.Start+1]) {
			continue
		}
		// Most tokens left are ASCII words in one case: they are settled
		// on their bytes, without a string or a pack lookup.
		var upper [8]byte
		n, ascii := mixedHead(src[t.Start:t.End], &upper)
		if ascii && n == 0 {
			continue
		}
		if ascii {
			if in := pack.InitialismKey(upper[:n]); in == nil || in.Word {
				continue
			}
		}
		// "Uk-based", "Uk's": judge the part before a hyphen or apostrophe.
		end := t.Start + headLength(src[t.Start:t.End])
		if !mixedCase(string(src[t.Start:end])) {
			continue
		}
		w := doc.Text(t.Start, end)
		in := pack.Initialism(w)
		if in == nil || in.Word || w == in.Form || acceptedStyle(in, w, style) || inAddress(src, t.Start, end) {
			continue
		}
		pass.Report(rules.Finding{
			Start: t.Start, End: end,
			Message: fmt.Sprintf("%q: the initialism is written %q", w, in.Form),
			Fix: &fixers.Fix{Message: fmt.Sprintf("write %q", in.Form), Safety: fixers.Safe,
				Edits: []fixers.Edit{fixers.Replace(t.Start, end, in.Form)}},
		})
	}
}

// initialismOpeners marks the pairs of ASCII bytes that open an
// initialism of a pack in some case ("UK", "NATO": Uk, uK, na, Na ...). A
// token is looked up only under its form in capitals, so one whose first
// two bytes are ASCII and, in capitals, open none ("The", "Paris", "and")
// is no initialism: most tokens are settled here, on two bytes, without
// a look at their case (testing every token's case first, the rule took
// 71M instructions on the WCXB truth texts, 117M on the pages; then 49M
// and 69M; with one table of every pair of bytes, read by one 16-bit
// load, 37M and 50M).
type initialismOpeners struct {
	pack *knowledge.Pack
	// pairs is indexed by second<<8 | first (the two bytes as one
	// little-endian load), every byte: a pair with a byte above ASCII
	// holds true, so that mayOpen is one load.
	pairs [1 << 16]bool
}

// lastOpeners holds the openers of the pack used last: the workers of a
// run share one pack.
var lastOpeners atomic.Pointer[initialismOpeners]

func openersOf(pack *knowledge.Pack) *initialismOpeners {
	if o := lastOpeners.Load(); o != nil && o.pack == pack {
		return o
	}
	o := &initialismOpeners{pack: pack}
	for a := range 256 {
		for b := range 256 {
			o.pairs[b<<8|a] = a|b >= utf8.RuneSelf
		}
	}
	for _, in := range pack.Initialisms {
		// The pack's index is keyed by the form in capitals.
		if f := strings.ToUpper(in.Form); len(f) >= 2 && isUpperASCII(f[0]) && isUpperASCII(f[1]) {
			for _, a := range []byte{f[0], f[0] + 'a' - 'A'} {
				for _, b := range []byte{f[1], f[1] + 'a' - 'A'} {
					o.pairs[int(b)<<8|int(a)] = true
				}
			}
		}
	}
	lastOpeners.Store(o)
	return o
}

// mayOpen reports whether a token opening with the bytes a and b may be
// an initialism of the pack: always when either is above ASCII (the
// token's form in capitals is then not its bytes in capitals), else when
// a and b are letters whose capitals open one. A token opening with a
// digit, or a letter and then a digit or joiner, is never one written in
// the wrong case.
func (o *initialismOpeners) mayOpen(a, b byte) bool {
	return o.pairs[uint16(b)<<8|uint16(a)]
}

// mixedHead is asciiMixedHead for a token of up to 8 bytes, reading a
// token inside a longer buffer (the document) as one 64-bit word: an
// ASCII token holds only letters, digits, hyphens and apostrophes, and
// bits 0x40 and 0x20 of each byte tell these apart (0x40 set: a letter,
// with 0x20 set: a small one; 0x40 clear: a digit or a joiner).
func mixedHead(tok []byte, upper *[8]byte) (n int, ascii bool) {
	if cap(tok) < 8 {
		return asciiMixedHead(tok, upper)
	}
	const letterBits, smallBits, highBits = 0x4040404040404040, 0x2020202020202020, 0x8080808080808080
	mask := ^uint64(0) >> (64 - 8*uint(len(tok)))
	x := binary.LittleEndian.Uint64(tok[:8]) & mask
	if x&highBits != 0 {
		return asciiMixedHead(tok, upper)
	}
	n = len(tok)
	// The first byte that is no letter ends the head at a joiner and
	// settles the token at a digit.
	if other := ^x & letterBits & mask; other != 0 {
		n = bits.TrailingZeros64(other) / 8
		if c := byte(x >> (8 * n)); c != '-' && c != '\'' {
			return 0, true
		}
		mask = ^uint64(0) >> (64 - 8*uint(n)) // n >= 1: a token starts with a letter or digit
		x &= mask
	}
	capitals := x & ^(x << 1) & letterBits // 0x40 set, 0x20 clear
	smalls := x & (x << 1) & letterBits    // both set
	if capitals == 0 || smalls == 0 {
		return 0, true
	}
	binary.LittleEndian.PutUint64(upper[:], x&^smallBits)
	return n, true
}

// asciiMixedHead looks at the token's head (before a hyphen or
// apostrophe) when it is ASCII: it returns the head's length with the
// head in capitals in upper when the head mixes capitals and small
// letters, else 0. ascii is false when a non-ASCII byte comes first: the
// caller then takes the general path.
func asciiMixedHead(tok []byte, upper *[8]byte) (n int, ascii bool) {
	hasUpper, hasLower := false, false
	for i, c := range tok {
		if c == '-' || c == '\'' {
			n = i
			break
		}
		switch {
		case c >= utf8.RuneSelf:
			return 0, false
		case 'a' <= c && c <= 'z':
			hasLower = true
			upper[i] = c - ('a' - 'A')
		case 'A' <= c && c <= 'Z':
			hasUpper = true
			upper[i] = c
		default:
			return 0, true // a digit: not a word written in the wrong case
		}
		n = i + 1
	}
	if !hasUpper || !hasLower {
		return 0, true
	}
	return n, true
}

// mixedCase reports whether w holds both capitals and small letters:
// "Uk", "uK", not "UK" or "uk".
func mixedCase(w string) bool {
	upper, lower := false, false
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
		upper = upper || unicode.IsUpper(r)
		lower = lower || unicode.IsLower(r)
	}
	return upper && lower
}

func acceptedStyle(in *knowledge.Initialism, w, style string) bool {
	switch style {
	case "none":
		return false
	case "any":
		for _, s := range in.Styles {
			if s == w {
				return true
			}
		}
		return false
	}
	return in.Styles[style] == w
}

// headLength is the length of the token's first part, before a hyphen
// or apostrophe.
func headLength(tok []byte) int {
	for i, r := range string(tok) {
		if r == '-' || r == '\'' || r == '\u2019' || r == '\u2010' || r == '\u2011' {
			return i
		}
	}
	return len(tok)
}

// inAddress reports whether [start, end) is part of a URL, domain or
// e-mail address ("bbc.co.Uk/news", "press@Imf.org"): the run of
// non-space characters around it holds "//", "@" or a dot between letters.
func inAddress(src []byte, start, end int) bool {
	i := start
	for i > 0 && start-i < 200 && !isSpaceByte(src[i-1]) {
		i--
	}
	j := end
	for j < len(src) && j-end < 200 && !isSpaceByte(src[j]) {
		j++
	}
	chunk := src[i:j]
	for k := 0; k+1 < len(chunk); k++ {
		c := chunk[k]
		if c == '@' || c == '/' && chunk[k+1] == '/' || c == '.' && k > 0 && isASCIILetter(chunk[k-1]) && isASCIILetter(chunk[k+1]) {
			return true
		}
	}
	return false
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
