package text

import (
	"bytes"
	"fmt"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/rules"
)

// Mojibake flags UTF-8 text that was decoded as Windows-1252 or Latin-1,
// once or twice: "â€™" for ’, "Â£" for £, "Ã©" for é, "Ã¢â‚¬â„¢" for ’.
var Mojibake = &rules.Rule{
	ID:      "text/mojibake",
	Summary: "UTF-8 read as Windows-1252 or Latin-1 (\"â€™\" for ’, \"Ã©\" for é)",
	Doc: `When a pipeline decodes UTF-8 bytes as Windows-1252 or Latin-1 (and
stores the result as UTF-8 again), every non-ASCII character turns into two
to four characters: ’ becomes "â€™", é becomes "Ã©", £ becomes "Â£", a
no-break space "Â ". Done twice, ’ becomes "Ã¢â‚¬â„¢".

A run is flagged only when encoding it back to Windows-1252/Latin-1 bytes
(golang.org/x/text/encoding/charmap) gives valid UTF-8 and the result is
more plausible than the run: accented Latin letters, punctuation, currency
and symbols, emoji, or whole words of another script. Real accented text
("Zürich", "à être présents", "Iíve" from another code page) does not form
valid UTF-8 that way and stays quiet.

Fix (safe): replace the run with its re-decoded text. A "â€" whose last
byte was lost is flagged with an unsafe fix to ”.`,
	Bad:       "the coalitionâ€™s plan costs Â£5bn",
	Good:      "the coalition’s plan costs £5bn in Zürich",
	Severity:  rules.Warning,
	FixSafety: fixers.Safe,
	Run:       runMojibake,
}

// win1252Byte maps a character back to the Windows-1252 byte it came from;
// the C1 controls U+0080-U+009F map to themselves (Latin-1, and the five
// bytes Windows-1252 leaves undefined). 0 means no byte.
var win1252Byte = buildWin1252Table()

func buildWin1252Table() map[rune]byte {
	t := make(map[rune]byte, 160)
	for b := 0x80; b <= 0xff; b++ {
		if r := charmap.Windows1252.DecodeByte(byte(b)); r != utf8.RuneError {
			t[r] = byte(b)
		}
	}
	for r := rune(0x80); r <= 0x9f; r++ {
		if _, ok := t[r]; !ok {
			t[r] = byte(r)
		}
	}
	return t
}

// mojiRun is a run of mojibake at [Start, End) and what it decodes to.
type mojiRun struct {
	Start, End int
	Text       string
	// Damaged marks a "â€" whose last byte was lost: the fix is a guess.
	Damaged bool
}

func runMojibake(pass *rules.Pass) {
	src := pass.Doc.Src
	findMojibake(src, 0, len(src), func(m mojiRun) {
		msg := fmt.Sprintf("mojibake: %q is UTF-8 read as Windows-1252 or Latin-1; it should read %q", src[m.Start:m.End], m.Text)
		safety := fixers.Safe
		if m.Damaged {
			msg = fmt.Sprintf("mojibake with a lost byte: %q is probably %q", src[m.Start:m.End], m.Text)
			safety = fixers.Unsafe
		}
		pass.Report(rules.Finding{
			Start: m.Start, End: m.End, Message: msg,
			Fix: &fixers.Fix{Message: fmt.Sprintf("re-decode as %q", m.Text), Safety: safety,
				Edits: []fixers.Edit{fixers.Replace(m.Start, m.End, m.Text)}},
		})
	})
}

// findMojibake calls fn for every plausible mojibake run in src[start:end).
func findMojibake(src []byte, start, end int, fn func(mojiRun)) {
	for i := start; i < end; {
		// Every lead character (U+00C2-U+00F4) is encoded as C3 xx.
		k := bytes.IndexByte(src[i:end], 0xc3)
		if k < 0 {
			return
		}
		i += k
		runEnd, decoded := decodeRun(src, i, end)
		if runEnd > i {
			if text, ok := redecode(decoded); ok {
				fn(mojiRun{Start: i, End: runEnd, Text: text})
				i = runEnd
				continue
			}
		}
		if n := lostByteQuote(src, i, end); n > 0 {
			fn(mojiRun{Start: i, End: i + n, Text: "\u201d", Damaged: true})
			i += n
			continue
		}
		_, size := utf8.DecodeRune(src[i:end])
		i += size
	}
}

// decodeRun reads consecutive characters from i that encode, through
// Windows-1252, to complete UTF-8 sequences, and returns where the run ends
// and the bytes it encodes to.
func decodeRun(src []byte, i, end int) (int, []byte) {
	var out []byte
	runEnd := i
	for j := runEnd; j < end; {
		seq, next := oneSequence(src, j, end)
		if next == j {
			break
		}
		out = append(out, seq...)
		runEnd, j = next, next
	}
	return runEnd, out
}

// oneSequence reads one lead character and its continuation characters at
// i. It returns the UTF-8 bytes they encode to and the offset after them,
// or i when they do not form a valid sequence.
func oneSequence(src []byte, i, end int) ([]byte, int) {
	r, size := utf8.DecodeRune(src[i:end])
	need := 0
	switch {
	case r >= 0xc2 && r <= 0xdf:
		need = 1
	case r >= 0xe0 && r <= 0xef:
		need = 2
	case r >= 0xf0 && r <= 0xf4:
		need = 3
	default:
		return nil, i
	}
	seq := []byte{byte(r)}
	j := i + size
	for k := 0; k < need; k++ {
		if j >= end {
			return nil, i
		}
		c, n := utf8.DecodeRune(src[j:end])
		b, ok := win1252Byte[c]
		if c >= 0xa0 && c <= 0xbf {
			b, ok = byte(c), true
		}
		if !ok || b < 0x80 || b > 0xbf {
			return nil, i
		}
		seq = append(seq, b)
		j += n
	}
	if !utf8.Valid(seq) {
		return nil, i
	}
	return seq, j
}

// redecode takes the bytes a run encodes to and decodes them as UTF-8,
// again when the result is itself mojibake (double encoding), and reports
// whether the final text is plausible.
func redecode(b []byte) (string, bool) {
	text := b
	for round := 0; round < 2; round++ {
		runEnd, inner := decodeRun(text, 0, len(text))
		if runEnd != len(text) || len(inner) == 0 {
			break
		}
		text = inner
	}
	return string(text), plausible(string(text))
}

// plausible reports whether decoded text is what real text holds:
// accented Latin letters, Greek letters, punctuation, currency, symbols and
// emoji, or at least two letters of one other script in a row (a word).
func plausible(s string) bool {
	others := 0
	for _, r := range s {
		switch {
		case r >= 0xa0 && r <= 0x17f, r >= 0x218 && r <= 0x21b, r >= 0x391 && r <= 0x3c9:
			// Latin-1, Latin Extended-A, Romanian, and Greek letters,
			// which technical text uses alone (π, μ, Ω).
		case r >= 0x2000 && r <= 0x214f, r >= 0x2190 && r <= 0x27bf, r >= 0x1f000 && r <= 0x1faff, r == 0xfe0f:
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			others++
		default:
			return false
		}
	}
	return others == 0 || others >= 2 && oneScript(s)
}

// oneScript reports whether the letters of s outside Latin-1 belong to one
// script.
func oneScript(s string) bool {
	var script *unicode.RangeTable
	for _, r := range s {
		if r <= 0x17f || !unicode.IsLetter(r) {
			continue
		}
		if script == nil {
			for _, t := range []*unicode.RangeTable{unicode.Greek, unicode.Cyrillic, unicode.Hebrew, unicode.Arabic, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai, unicode.Devanagari} {
				if unicode.Is(t, r) {
					script = t
					break
				}
			}
			if script == nil {
				return false
			}
		}
		if !unicode.Is(script, r) {
			return false
		}
	}
	return true
}

// lostByteQuote recognises "â€" not followed by a continuation character:
// a right double quote (E2 80 9D) whose last byte Windows-1252 does not
// define and the pipeline dropped.
func lostByteQuote(src []byte, i, end int) int {
	const prefix = "â€"
	if end-i < len(prefix) || string(src[i:i+len(prefix)]) != prefix {
		return 0
	}
	if _, next := oneSequence(src, i, end); next > i {
		return 0
	}
	return len(prefix)
}
