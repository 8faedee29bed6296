package document

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLinesAndPositions(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		lines []string
	}{
		{"empty", "", []string{""}},
		{"one line no newline", "abc", []string{"abc"}},
		{"final newline opens no line", "a\nb\n", []string{"a", "b"}},
		{"blank lines kept", "a\n\n\nb", []string{"a", "", "", "b"}},
		{"crlf", "a\r\nb\r\n", []string{"a", "b"}},
		{"mixed endings", "a\r\nb\nc", []string{"a", "b", "c"}},
		{"lone cr stays in line", "a\rb\n", []string{"a\rb"}},
		{"bom", "\ufeffTitle\nbody", []string{"Title", "body"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := New("t", []byte(tt.src), Meta{})
			if len(d.Lines) != len(tt.lines) {
				t.Fatalf("got %d lines, want %d", len(d.Lines), len(tt.lines))
			}
			for i, want := range tt.lines {
				if got := string(d.LineText(i)); got != want {
					t.Errorf("line %d = %q, want %q", i+1, got, want)
				}
			}
		})
	}
}

func TestPositionCountsCodePointsAndIgnoresBOM(t *testing.T) {
	src := "\ufeffCafé ok\r\nZ – 2\n"
	d := New("t", []byte(src), Meta{})
	cases := []struct {
		needle    string
		line, col int
	}{
		{"Café", 1, 1},
		{"ok", 1, 6},
		{"Z", 2, 1},
		{"2", 2, 5},
	}
	for _, c := range cases {
		off := strings.Index(src, c.needle)
		line, col := d.Position(off)
		if line != c.line || col != c.col {
			t.Errorf("%q at %d: got %d:%d, want %d:%d", c.needle, off, line, col, c.line, c.col)
		}
		if back := d.Offset(line, col); back != off {
			t.Errorf("%q: Offset(%d,%d) = %d, want %d", c.needle, line, col, back, off)
		}
	}
	if line, col := d.Position(0); line != 1 || col != 1 {
		t.Errorf("offset inside the BOM: got %d:%d, want 1:1", line, col)
	}
}

func kinds(d *Document) string {
	var parts []string
	for _, b := range d.Blocks {
		parts = append(parts, b.Kind.String())
	}
	return strings.Join(parts, " ")
}

func TestBlocks(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"paragraphs by blank lines", "One sentence here.\n\nAnother one here.", "paragraph paragraph"},
		{"hard-wrapped paragraph stays one", "This is a paragraph that the\nsource wrapped at a short width\nso it spans lines.", "paragraph"},
		{"one paragraph per line", strings.Repeat("A long sentence that runs on and on to pass the wrap width of a hard-wrapping ingester easily. ", 2) + "\n" + strings.Repeat("Another long sentence that runs on and on to pass the wrap width of any ingester. ", 2), "paragraph paragraph"},
		{"atx heading", "## Title\n\nText follows here.", "heading paragraph"},
		{"setext heading", "Title\n=====\n\nText follows.", "heading separator paragraph"},
		{"title-like line", "Deploying troops\n\nThe coalition agreed on it.", "heading paragraph"},
		{"short line then text splits", "Toplines\nThe coalition met in Paris on Thursday.", "heading paragraph"},
		{"bullets", "- one\n- two\n  continued\n* three", "list-item list-item list-item"},
		{"numbered list", "  1. First point.\n  2. Second point.", "list-item list-item"},
		{"endnotes", "[1] A source. 2025.\n\n[^2]: Another source.", "note note"},
		{"separators", "***\n\n\\*\\*\\*\\*\n\n* * *", "separator separator separator"},
		{"quote and table", "> quoted\n> more\n\n| a | b |\n| 1 | 2 |", "quote table"},
		{"code fence", "```\n# not a heading\n```\n\nText.", "code paragraph"},
		{"nbsp-only line is blank", "First.\n\u00a0\nSecond.", "paragraph paragraph"},
		{"not a list: year", "2025. It was a year.", "paragraph"},
		{"editorial bracket is not a note", "[the minister] said so.", "paragraph"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := New("t", []byte(tt.src), Meta{})
			if got := kinds(d); got != tt.want {
				t.Errorf("blocks = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBlockMarkers(t *testing.T) {
	src := "  3. Third item\n\n[12] Opening remarks by the Secretary General.\n\n[^note]: A labelled note."
	d := New("t", []byte(src), Meta{})
	if len(d.Blocks) != 3 {
		t.Fatalf("got %d blocks: %s", len(d.Blocks), kinds(d))
	}
	want := []struct{ marker, content string }{
		{"3.", "Third item"},
		{"12", "Opening remarks by the Secretary General."},
		{"^note", "A labelled note."},
	}
	for i, w := range want {
		b := d.Blocks[i]
		if b.Marker != w.marker {
			t.Errorf("block %d marker = %q, want %q", i, b.Marker, w.marker)
		}
		if got := d.Text(b.ContentStart, b.End); got != w.content {
			t.Errorf("block %d content = %q, want %q", i, got, w.content)
		}
	}
}

func sentenceTexts(d *Document) []string {
	var out []string
	for _, s := range d.Sentences() {
		out = append(out, d.Text(s.Start, s.End))
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"simple", "One. Two! Three?", []string{"One.", "Two!", "Three?"}},
		{"abbreviations", "Mr. Smith met Gen. Jones in Sept. 2025. They talked.", []string{"Mr. Smith met Gen. Jones in Sept. 2025.", "They talked."}},
		{"initialisms", "The U.S. Army left. The U.K. stayed.", []string{"The U.S. Army left.", "The U.K. stayed."}},
		{"initials", "J. R. R. Tolkien wrote it. Readers agreed.", []string{"J. R. R. Tolkien wrote it.", "Readers agreed."}},
		{"footnote after period", "They met on September 4.[1] The heads of state came.", []string{"They met on September 4.[1]", "The heads of state came."}},
		{"quote after period", "He said “no.” Then he left.", []string{"He said “no.”", "Then he left."}},
		{"lower case continues", "It cost 3.5 bn. in total. Next.", []string{"It cost 3.5 bn. in total.", "Next."}},
		{"no-break space separator", "Peace.\u00a0The end.", []string{"Peace.", "The end."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentenceTexts(New("t", []byte(tt.src), Meta{}))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("sentences:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	src := "Zelensky’s co-chaired 26 states — don't U.S. ofinternational-"
	d := New("t", []byte(src), Meta{})
	var got []string
	for _, tok := range d.Tokens() {
		got = append(got, d.Text(tok.Start, tok.End))
	}
	want := []string{"Zelensky’s", "co-chaired", "26", "states", "don't", "U", "S", "ofinternational"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("tokens:\n got %q\nwant %q", got, want)
	}
	if d.Tokens()[2].Kind != Number || d.Tokens()[0].Kind != Word {
		t.Errorf("token kinds wrong: %+v", d.Tokens()[:3])
	}
	in := d.TokensIn(strings.Index(src, "26"), strings.Index(src, " —"))
	if len(in) != 2 {
		t.Errorf("TokensIn = %d tokens, want 2", len(in))
	}
}

// TestSeeds checks the model on the real seed articles: block kinds where
// the structure is known, and sentence splitting around footnote markers.
func TestSeeds(t *testing.T) {
	read := func(prefix string) *Document {
		matches, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", prefix+"_*.txt"))
		if len(matches) != 1 {
			t.Fatalf("seed %s missing", prefix)
		}
		b, err := os.ReadFile(matches[0])
		if err != nil {
			t.Fatal(err)
		}
		return New(matches[0], b, Meta{})
	}
	kindAtLine := func(d *Document, line int) string {
		return d.Blocks[d.BlockAt(d.Lines[line-1].Start)].Kind.String()
	}

	d := read("001")
	if got := kindAtLine(d, 1); got != "heading" {
		t.Errorf("001 line 1 (Toplines) is %s, want heading", got)
	}
	for line := 2; line <= 5; line++ {
		b := d.Blocks[d.BlockAt(d.Lines[line-1].Start)]
		if b.Kind != Paragraph || b.FirstLine != line-1 || b.LastLine != line-1 {
			t.Errorf("001 line %d: want a one-line paragraph, got %s lines %d-%d", line, b.Kind, b.FirstLine+1, b.LastLine+1)
		}
	}
	if got := kindAtLine(d, 7); got != "list-item" {
		t.Errorf("001 line 7 is %s, want list-item", got)
	}

	d = read("004")
	for _, line := range []int{7, 11, 19} {
		if got := kindAtLine(d, line); got != "heading" {
			t.Errorf("004 line %d is %s, want heading", line, got)
		}
	}
	notes := 0
	for _, b := range d.Blocks {
		if b.Kind == Note {
			notes++
		}
	}
	if notes != 12 {
		t.Errorf("004 has %d note definitions, want 12", notes)
	}

	d = read("000")
	if got := kindAtLine(d, 19); got != "list-item" {
		t.Errorf("000 line 19 is %s, want list-item", got)
	}
	b := d.Blocks[d.BlockAt(d.Lines[38].Start)]
	if b.FirstLine != 38 || b.LastLine != 39 {
		t.Errorf("000 lines 39-40 (a hard-wrapped sentence) should be one paragraph, got lines %d-%d", b.FirstLine+1, b.LastLine+1)
	}
	first := ""
	for _, s := range d.Sentences() {
		if d.LineAt(s.Start) == 8 {
			first = d.Text(s.Start, s.End)
			break
		}
	}
	if !strings.HasSuffix(first, "on September 4.[1]") {
		t.Errorf("000 line 9's first sentence should end at the footnote marker, got %q", first)
	}
}

// FuzzNew checks that any input builds a document without panicking, with
// spans in bounds and positions that round-trip.
func FuzzNew(f *testing.F) {
	for _, s := range []string{"", "\ufeff", "a\r\n\r\nb", "# h\n- x\n[1] y\n> q\n```\ncode", "\xff\xfe\x00bad", "Mr. A. B.[1] C.\u00a0D", "1.\n[^]:\n|"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d := New("f", src, Meta{})
		n := len(src)
		prevEnd := -1
		for _, b := range d.Blocks {
			if b.Start < 0 || b.End > n || b.Start > b.End || b.ContentStart < b.Start || b.ContentStart > max(b.End, b.Start) {
				t.Fatalf("block out of bounds: %+v (len %d)", b, n)
			}
			if b.Start <= prevEnd {
				t.Fatalf("blocks overlap: %+v after end %d", b, prevEnd)
			}
			prevEnd = b.End
		}
		for _, s := range d.Sentences() {
			if s.Start < 0 || s.End > n || s.Start >= s.End {
				t.Fatalf("sentence out of bounds: %+v", s)
			}
		}
		for _, tok := range d.Tokens() {
			if tok.Start < 0 || tok.End > n || tok.Start >= tok.End {
				t.Fatalf("token out of bounds: %+v", tok)
			}
		}
		for off := 0; off <= n; off++ {
			if off < n && !utf8.RuneStart(src[off]) {
				continue
			}
			line, col := d.Position(off)
			if line < 1 || col < 1 {
				t.Fatalf("Position(%d) = %d:%d", off, line, col)
			}
			l := d.Lines[line-1]
			if off < l.Start || off > l.End {
				continue // terminator bytes and the BOM have no column of their own
			}
			if back := d.Offset(line, col); back != off {
				t.Fatalf("Offset(Position(%d)) = %d", off, back)
			}
		}
	})
}

// runeCount counts what utf8.RuneCount counts: ASCII runs of every
// length, multi-byte characters and invalid bytes at every place.
func TestRuneCountMatchesUTF8(t *testing.T) {
	pieces := []string{"a", "abcdefgh", "é", "€", "😀", "\xff", "\x80", "\xe2\x82", " ", "0123456789abcdef"}
	rng := rand.New(rand.NewSource(3))
	for range 5000 {
		var b []byte
		for range rng.Intn(12) {
			b = append(b, pieces[rng.Intn(len(pieces))]...)
		}
		if got, want := RuneCount(b), utf8.RuneCount(b); got != want {
			t.Fatalf("%q: runeCount %d, utf8.RuneCount %d", b, got, want)
		}
	}
}
