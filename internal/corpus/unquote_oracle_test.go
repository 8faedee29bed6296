package corpus

// The JSON string decoder as it was before the one-pass rewrite
// (cc14d9e), kept as the oracle the new one is held to: same text, same
// end offset, same error message for every input.

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// oldSkipPlainJSON returns the offset of the first oldSpecial byte of b from i
// on, looking at eight bytes at once while eight remain, or the offset
// where fewer than eight remain (the caller's byte loop goes on from
// there). A lane is oldSpecial when its byte is below 0x20, a quote or a
// backslash; each lane is tested on its own, as in a range test on seven
// bits with the high bit set, and bytes above ASCII are never oldSpecial.
func oldSkipPlainJSON(b []byte, i int) int {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		y := x | high
		control := ^(y - 0x20*ones)
		quote := (y - '"'*ones) &^ (y - ('"'+1)*ones)
		backslash := (y - '\\'*ones) &^ (y - ('\\'+1)*ones)
		if m := (control | quote | backslash) &^ x & high; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	return i
}

// oldSpecial marks the bytes that end the fast scan of a JSON string: the
// quote, the backslash and the control characters JSON forbids raw.
var oldSpecial = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

// oldUnquoteAt validates and decodes the JSON string starting at b[i] in one
// pass and returns it with the offset just past its closing quote.
func oldUnquoteAt(b []byte, i int) ([]byte, int, error) {
	if i >= len(b) || b[i] != '"' {
		return nil, i, errors.New("not a JSON string")
	}
	i++
	j := oldSkipPlainJSON(b, i)
	for j < len(b) && !oldSpecial[b[j]] {
		j++
	}
	if j < len(b) && b[j] == '"' {
		return bytes.Clone(b[i:j]), j + 1, nil
	}
	out := make([]byte, 0, len(b)-i)
	out = append(out, b[i:j]...)
	for j < len(b) {
		c := b[j]
		switch {
		case c == '"':
			return out, j + 1, nil
		case c < 0x20:
			return nil, j, fmt.Errorf("control character %#02x in a string", c)
		case c != '\\':
			k := oldSkipPlainJSON(b, j+1)
			for k < len(b) && !oldSpecial[b[k]] {
				k++
			}
			out = append(out, b[j:k]...)
			j = k
			continue
		}
		if j+1 >= len(b) {
			break
		}
		switch e := b[j+1]; e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, n, err := oldUnicodeEscape(b[j:])
			if err != nil {
				return nil, j, err
			}
			out = utf8.AppendRune(out, r)
			j += n
			continue
		default:
			return nil, j, fmt.Errorf("invalid escape \\%c", e)
		}
		j += 2
	}
	return nil, len(b), errors.New("unterminated string")
}

// oldUnicodeEscape decodes \uXXXX, joining a surrogate pair; it returns the
// rune and the bytes consumed.
func oldUnicodeEscape(v []byte) (rune, int, error) {
	r, ok := oldHex4(v)
	if !ok {
		return 0, 0, errors.New(`invalid \u escape`)
	}
	if r < 0xD800 || r > 0xDFFF {
		return r, 6, nil
	}
	if r < 0xDC00 && len(v) >= 12 && v[6] == '\\' && v[7] == 'u' {
		if lo, ok := oldHex4(v[6:]); ok && lo >= 0xDC00 && lo <= 0xDFFF {
			return (r-0xD800)<<10 | (lo - 0xDC00) + 0x10000, 12, nil
		}
	}
	return utf8.RuneError, 6, nil
}

func oldHex4(v []byte) (rune, bool) {
	if len(v) < 6 {
		return 0, false
	}
	n, err := strconv.ParseUint(string(v[2:6]), 16, 32)
	return rune(n), err == nil
}

// sameAsOld fails when unquoteAt and the old decoder differ on b[i:] in
// text, end offset or error message.
func sameAsOld(t *testing.T, b []byte, i int) {
	t.Helper()
	got, gotEnd, gotErr := unquoteAt(b, i)
	want, wantEnd, wantErr := oldUnquoteAt(b, i)
	if !bytes.Equal(got, want) || (got == nil) != (want == nil) || gotEnd != wantEnd || fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
		t.Fatalf("%q at %d:\n got  %q end %d err %v\n want %q end %d err %v", b, i, got, gotEnd, gotErr, want, wantEnd, wantErr)
	}
}

// escapePieces are string pieces covering every escape form, right and
// wrong, and the bytes around them the scan must stop at or pass.
var escapePieces = []string{
	"plain text ", "a", "0123456789abcdef", `\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`,
	`\u00e9`, `\u00E9`, `\u2028`, `\u0026`, `\u003c`, `\u0000`, `\uFFFF`, `\ud83d\ude00`, `\uD83D\uDE00`,
	`\ud83d`, `\ude00`, `\ud83d\u0041`, `\ud83d\ud83d`, `\ud83d\n`, `\udbff\udfff`,
	`\u12`, `\u12g4`, `\u+123`, `\u 123`, `\x41`, `\a`, `\'`, `\U0041`, `\`,
	"é", "😀", "\u2028", "\x7f", "\x80", "\xff", "\xe2\x80", "\x00", "\x1f", "\t", "\n", "\"", " ",
}

// TestUnquoteMatchesOldOnPieces decodes random strings of escape pieces,
// at every alignment, closed and cut short.
func TestUnquoteMatchesOldOnPieces(t *testing.T) {
	rng := rand.New(rand.NewSource(53))
	for range 50000 {
		var b strings.Builder
		b.WriteString(strings.Repeat("x", rng.Intn(9)))
		at := b.Len()
		b.WriteByte('"')
		for k := rng.Intn(30); k >= 0; k-- {
			p := escapePieces[rng.Intn(len(escapePieces))]
			if rng.Intn(3) == 0 {
				p = strings.Repeat("w", rng.Intn(20))
			}
			b.WriteString(p)
		}
		switch rng.Intn(4) {
		case 0: // unterminated
		case 1:
			b.WriteString(`","id":1}`)
		default:
			b.WriteByte('"')
		}
		sameAsOld(t, []byte(b.String()), at)
	}
}

// TestUnquoteMatchesOldOnRealTexts decodes the seeds and the WCXB pages
// and truth texts (when ../shared/data is beside the checkout) as
// json.Marshal and AppendQuote write them, whole and with every escape
// broken in turn at a sample of places.
func TestUnquoteMatchesOldOnRealTexts(t *testing.T) {
	var paths []string
	for _, dir := range []string{"../../testdata/seeds", "../../../shared/data/wcxb-dev/pages", "../../../shared/data/wcxb-dev/truth"} {
		found, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		paths = append(paths, found...)
	}
	if len(paths) == 0 {
		t.Skip("no texts")
	}
	rng := rand.New(rand.NewSource(7))
	for _, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		marshalled, _ := json.Marshal(string(text))
		for _, lit := range [][]byte{marshalled, AppendQuote(nil, text)} {
			line := append(append([]byte(`{"id":"x","text":`), lit...), '}')
			sameAsOld(t, line, len(`{"id":"x","text":`))
			for range 3 { // break one byte of it
				bad := bytes.Clone(lit)
				at := 1 + rng.Intn(max(len(bad)-2, 1))
				bad[at] = []byte{'\\', '"', 'x', 0x01, 'u', 0xff}[rng.Intn(6)]
				sameAsOld(t, bad, 0)
				sameAsOld(t, bad[:at+1], 0)
			}
		}
	}
}

// FuzzUnquoteMatchesOld holds the decoder to the old one on any bytes.
func FuzzUnquoteMatchesOld(f *testing.F) {
	for _, s := range []string{`""`, `"a\nb"`, `"\u00e9\ud83d\ude00x"`, `"\ud83d"`, `"\u12"`, `"abc\`, "\"a\x01\"", `"abcdefghijklmnop\"q\\r\/s"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for i := 0; i < len(b) && i < 9; i++ {
			sameAsOld(t, b, i)
		}
	})
}
