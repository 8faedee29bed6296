package text

import (
	"bytes"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// The fast paths (eight-bytes-at-a-time scans, table-driven filters) must
// answer exactly what the plain loops they replace answer. These tests
// compare them on random bytes biased towards the edge cases: control
// characters, tabs, DEL, bytes above 0x7f, and every alignment.

func randomBytes(r *rand.Rand, n int) []byte {
	alphabet := []byte("ab Z\t\n\r\x00\x1f\x7f\x80\xc3\xa9\xe2\x80\x99 .<&\\")
	b := make([]byte, n)
	for i := range b {
		if r.IntN(4) == 0 {
			b[i] = alphabet[r.IntN(len(alphabet))]
		} else {
			b[i] = byte(' ' + r.IntN(95)) // printable ASCII
		}
	}
	return b
}

func TestFirstNonASCIIMatchesLoop(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		b := randomBytes(r, r.IntN(100))
		if r.IntN(2) == 0 { // mostly ASCII: long clean runs
			for i := range b {
				if r.IntN(30) > 0 {
					b[i] &= 0x7f
				}
			}
		}
		want := len(b)
		for i, c := range b {
			if c >= 0x80 {
				want = i
				break
			}
		}
		if got := firstNonASCII(b); got != want {
			t.Fatalf("firstNonASCII(%q) = %d, want %d", b, got, want)
		}
	}
}

func TestFirstSuspectMatchesLoop(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		b := randomBytes(r, r.IntN(100))
		want := len(b)
		for i, c := range b {
			if c >= 0x7f || c < 0x20 && c != '\t' && c != '\n' {
				want = i
				break
			}
		}
		if got := firstSuspect(b); got != want {
			t.Fatalf("firstSuspect(%q) = %d, want %d", b, got, want)
		}
		if hasSuspectByte(b) != (want < len(b)) {
			t.Fatalf("hasSuspectByte(%q)", b)
		}
	}
	// Every byte value in every position of a word, of a 32-byte step
	// and of the eight-byte steps and bytes after it, alone and after a
	// tab or newline that the first test of a step flags too.
	for c := range 256 {
		for pos := range 45 {
			b := []byte("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHI")
			if pos > 0 && c%2 == 0 {
				b[pos-1] = "\t\n"[c/2%2]
			}
			b[pos] = byte(c)
			want := len(b)
			if c >= 0x7f || c < 0x20 && c != '\t' && c != '\n' {
				want = pos
			}
			if got := firstSuspect(b); got != want {
				t.Fatalf("byte %#x at %d: firstSuspect = %d, want %d", c, pos, got, want)
			}
		}
	}
}

func TestMarkupFinderMatchesIndexAny(t *testing.T) {
	// The scan skips past what it parsed.
	checkMarkupFinder(t, rand.New(rand.NewPCG(5, 6)), 60, func(r *rand.Rand, i, got int) int {
		if got < 0 {
			return math.MaxInt // nothing more to parse
		}
		return got + 1 + r.IntN(3)
	})
}

// TestMarkupFinderAskedBeforeItsAnswer asks the finder, as the scan of
// each block does, from offsets before the character it found last.
func TestMarkupFinderAskedBeforeItsAnswer(t *testing.T) {
	checkMarkupFinder(t, rand.New(rand.NewPCG(7, 8)), 80, func(r *rand.Rand, i, got int) int {
		if got < 0 || r.IntN(3) == 0 {
			return i + 1 + r.IntN(4) // the next block, before or after the answer
		}
		return got + 1
	})
}

// checkMarkupFinder holds markupFinder.next to bytes.IndexAny on 5,000
// random texts of up to maxLen bytes, asking from offsets that next
// chooses from the last offset asked and the finder's answer there (-1
// for none).
func checkMarkupFinder(t *testing.T, r *rand.Rand, maxLen int, next func(r *rand.Rand, i, got int) int) {
	t.Helper()
	for range 5000 {
		src := randomBytes(r, r.IntN(maxLen))
		f := newMarkupFinder()
		for i := 0; i < len(src); {
			want := bytes.IndexAny(src[i:], "<&\\")
			if want >= 0 {
				want += i
			}
			got := f.next(src, i)
			if got != want {
				t.Fatalf("next(%q, %d) = %d, want %d", src, i, got, want)
			}
			i = next(r, i, got)
		}
	}
}

// joinCandidateReference is the definition joinCandidate implements: a
// token of minJoinedLen to maxJoinedLen letters holding a leading function
// word with two letters after it, or a trailing one with three before it.
func joinCandidateReference(b []byte) bool {
	if len(b) < minJoinedLen || len(b) > maxJoinedLen {
		return false
	}
	lower := strings.ToLower(string(b))
	for w := range leadingFunctionWords {
		if len(lower) >= len(w)+2 && strings.HasPrefix(lower, w) {
			return true
		}
	}
	for w := range trailingFunctionWords {
		if len(lower) >= len(w)+3 && strings.HasSuffix(lower, w) {
			return true
		}
	}
	return false
}

func TestJoinCandidateMatchesDefinition(t *testing.T) {
	var words []string
	for w := range leadingFunctionWords {
		words = append(words, w)
	}
	for w := range trailingFunctionWords {
		words = append(words, w)
	}
	r := rand.New(rand.NewPCG(7, 8))
	letters := "abcdefghijklmnopqrstuvwxyzTHEOFA"
	check := func(s string) {
		if got, want := joinCandidate([]byte(s)), joinCandidateReference([]byte(s)); got != want {
			t.Fatalf("joinCandidate(%q) = %v, want %v", s, got, want)
		}
	}
	for range 100000 {
		// A function word glued to random letters on either side, in
		// random case, or random letters alone.
		var sb strings.Builder
		for range r.IntN(4) {
			sb.WriteByte(letters[r.IntN(len(letters))])
		}
		if r.IntN(3) > 0 {
			w := words[r.IntN(len(words))]
			if r.IntN(2) == 0 {
				w = strings.ToUpper(w)
			}
			sb.WriteString(w)
		}
		for range r.IntN(4) {
			sb.WriteByte(letters[r.IntN(len(letters))])
		}
		check(sb.String())
	}
	for _, s := range []string{"", "a", "ab", "abc", "ofa", "ofab", "then", "thenx", "xxand", "xand", "ISTHE", "Tthe", "inthe", "forthe", strings.Repeat("a", 30), strings.Repeat("a", 31)} {
		check(s)
	}
}

// TestLooksLikeCodeMatchesReference holds looksLikeCode, which counts
// backticks and looks for snake_case only on lines that hold a backtick or
// an underscore, to the version that always did, on every line of the
// WCXB texts and on random lines.
func TestLooksLikeCodeMatchesReference(t *testing.T) {
	var lines [][]byte
	for _, kind := range []string{"pages", "truth"} {
		if testing.Short() {
			break
		}
		docs, _ := ruletest.WCXBDocs(t, kind, document.Meta{})
		for _, d := range docs {
			for i := range d.Lines {
				lines = append(lines, d.LineText(i))
			}
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	alphabet := []byte("a_b`; {x\t")
	for range 20000 {
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		lines = append(lines, b)
	}
	for _, line := range lines {
		if got, want := looksLikeCode(line), referenceLooksLikeCode(line); got != want {
			t.Fatalf("looksLikeCode(%q) = %v, want %v", line, got, want)
		}
	}
}

func referenceLooksLikeCode(line []byte) bool {
	if bytes.HasPrefix(line, []byte("    ")) || bytes.HasPrefix(line, []byte("\t")) {
		return true
	}
	t := bytes.TrimSpace(line)
	if len(t) == 0 {
		return false
	}
	for _, m := range codeMarkers {
		if bytes.Contains(t, []byte(m)) {
			return true
		}
	}
	for _, s := range codeStarts {
		if bytes.HasPrefix(t, []byte(s)) {
			return true
		}
	}
	last := t[len(t)-1]
	return last == ';' || last == '{' || bytes.Count(t, []byte("`")) >= 2 || snakeCase(t)
}
