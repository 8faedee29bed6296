package fixers

import (
	"bytes"
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/internal/document"
)

// Properties of the engine on random documents:
//   - random edit sets (arbitrary ranges, some splitting characters, some
//     overlapping) leave valid UTF-8 valid, keep every byte outside the
//     applied edits, and the ledger accounts for every removed byte (it
//     rebuilds the output from the input, and the input from the output);
//   - content-based rules settle, so fixing the output again changes
//     nothing, and removing lines never leaves blank-line runs nor glues
//     paragraphs.

var words = []string{"alpha", "beta", "Ünïcode", "日本語", "uk", "x\u00a0 y", "%%", "@@", "##", "naïve", "[1]", "—", "a\u200bb"}

// randomDoc builds paragraphs tagged "pN:" separated by one blank line,
// with the odd line of only no-break spaces as a paragraph of its own.
func randomDoc(rng *rand.Rand) string {
	eol := "\n"
	if rng.Intn(4) == 0 {
		eol = "\r\n"
	}
	var paras []string
	for p := 0; p < 1+rng.Intn(7); p++ {
		if rng.Intn(6) == 0 {
			paras = append(paras, strings.Repeat("\u00a0", 1+rng.Intn(2)))
			continue
		}
		var lines []string
		for l := 0; l < 1+rng.Intn(4); l++ {
			line := fmt.Sprintf("p%d:", p)
			for w := 0; w < 1+rng.Intn(6); w++ {
				line += " " + words[rng.Intn(len(words))]
			}
			lines = append(lines, line)
		}
		paras = append(paras, strings.Join(lines, eol))
	}
	doc := strings.Join(paras, eol+eol)
	if rng.Intn(2) == 0 {
		doc += eol
	}
	return doc
}

// randomEdits proposes arbitrary fixes: ranges anywhere (on or off
// character boundaries), inserted text valid or not, some multi-edit.
func randomEdits(rng *rand.Rand, n int) []Proposal {
	var out []Proposal
	texts := []string{"", "", "", " ", "X", "é", "\n", "\xff"}
	for i := 0; i < rng.Intn(8); i++ {
		var edits []Edit
		for j := 0; j < 1+rng.Intn(2); j++ {
			s := rng.Intn(n + 1)
			e := min(n, s+rng.Intn(12))
			if rng.Intn(5) == 0 {
				e = s
			}
			edits = append(edits, Replace(s, e, texts[rng.Intn(len(texts))]))
		}
		safety := Safe
		if rng.Intn(3) == 0 {
			safety = Unsafe
		}
		out = append(out, prop(fmt.Sprintf("text/r%d", i), rng.Intn(3), safety, edits...))
	}
	return out
}

func TestRandomEditSets(t *testing.T) {
	rng := rand.New(rand.NewSource(8))
	for iter := 0; iter < 3000; iter++ {
		src := randomDoc(rng)
		props := randomEdits(rng, len(src))
		checkEditSet(t, []byte(src), props, iter%2 == 0)
	}
}

func checkEditSet(t *testing.T, src []byte, props []Proposal, unsafe bool) {
	t.Helper()
	res, err := Run(src, once(props...), Options{Unsafe: unsafe})
	if err != nil {
		t.Fatal(err)
	}
	if utf8.Valid(src) && !utf8.Valid(res.Src) {
		t.Fatalf("valid input %q gave invalid UTF-8 %q", src, res.Src)
	}
	// Every applied edit is a range of the input with its true content;
	// the ranges do not overlap, and replaying them rebuilds the output,
	// so no byte outside them changed and none was removed unrecorded.
	applied := append([]Applied(nil), res.Applied...)
	sort.SliceStable(applied, func(i, j int) bool { return applied[i].Start < applied[j].Start })
	var rebuilt bytes.Buffer
	last := 0
	for _, a := range applied {
		if a.Round != 1 || a.Start < last || string(src[a.Start:a.End]) != a.Removed {
			t.Fatalf("bad ledger entry %+v for %q", a, src)
		}
		rebuilt.Write(src[last:a.Start])
		rebuilt.WriteString(a.Inserted)
		last = a.End
	}
	rebuilt.Write(src[last:])
	if !bytes.Equal(rebuilt.Bytes(), res.Src) {
		t.Fatalf("ledger does not rebuild the output:\nsrc  %q\nout  %q\nledger %q", src, res.Src, rebuilt.Bytes())
	}
	back, err := Reverse(res.Src, res.Applied)
	if err != nil || !bytes.Equal(back, src) {
		t.Fatalf("reverse: %v\nsrc  %q\nback %q", err, src, back)
	}
	// The fixes the engine kept, applied again to the output, are no
	// longer proposed (the once linter proposes nothing in round 2), so
	// a second run changes nothing.
	again, _ := Run(res.Src, func([]byte) ([]Proposal, error) { return nil, nil }, Options{})
	if !bytes.Equal(again.Src, res.Src) {
		t.Fatal("second run changed the text")
	}
}

// contentRules are deterministic rules like the real ones: remove lines
// holding "@@", blocks holding "##" (unsafe), delete "%%", fix "uk" and
// no-break-space runs, empty lines of only no-break spaces, remove
// zero-width spaces.
func contentRules(doc *document.Document) []Proposal {
	var out []Proposal
	src := string(doc.Src)
	for i := range doc.Lines {
		line := string(doc.LineText(i))
		l := doc.Lines[i]
		switch {
		case strings.Contains(line, "@@"):
			out = append(out, prop("boilerplate/at", 0, Safe, RemoveLines(doc, i, i)))
		case l.End > l.Start && strings.Trim(line, "\u00a0") == "":
			out = append(out, prop("text/ws", 5, Safe, Delete(l.Start, l.End)))
		}
	}
	for _, b := range doc.Blocks {
		if strings.Contains(src[b.Start:b.End], "##") {
			out = append(out, prop("insertion/hash", 1, Unsafe, RemoveLines(doc, b.FirstLine, b.LastLine)))
		}
	}
	each := func(sub string, fn func(i int) Proposal) {
		for i := strings.Index(src, sub); i >= 0; {
			out = append(out, fn(i))
			j := strings.Index(src[i+len(sub):], sub)
			if j < 0 {
				break
			}
			i += len(sub) + j
		}
	}
	each("%%", func(i int) Proposal { return prop("text/pct", 5, Safe, Delete(i, i+2)) })
	each(" uk", func(i int) Proposal { return prop("text/case", 5, Unsafe, Replace(i+1, i+3, "UK")) })
	each("\u00a0 ", func(i int) Proposal { return prop("text/ws", 5, Safe, Replace(i, i+3, " ")) })
	each("\u200b", func(i int) Proposal { return prop("text/ws", 5, Safe, Delete(i, i+3)) })
	return out
}

func TestRandomDocumentsSettle(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	for iter := 0; iter < 1500; iter++ {
		checkContentRules(t, []byte(randomDoc(rng)), iter%2 == 0, true)
	}
}

func checkContentRules(t *testing.T, src []byte, unsafe, wellFormed bool) {
	t.Helper()
	lint := docLinter(contentRules)
	res, err := Run(src, lint, Options{Unsafe: unsafe})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Settled {
		t.Fatalf("did not settle: %q -> %q", src, res.Src)
	}
	if utf8.Valid(src) && !utf8.Valid(res.Src) {
		t.Fatalf("invalid UTF-8 from %q", src)
	}
	again, err := Run(res.Src, lint, Options{Unsafe: unsafe})
	if err != nil || again.Changed || len(again.Applied) != 0 {
		t.Fatalf("fixing the fixed text changed it: %q -> %q", res.Src, again.Src)
	}
	back, err := Reverse(res.Src, res.Applied)
	if err != nil || !bytes.Equal(back, src) {
		t.Fatalf("reverse: %v\nsrc  %q\nback %q\nout %q", err, src, back, res.Src)
	}
	if wellFormed {
		checkParagraphs(t, string(src), string(res.Src))
	}
}

// checkParagraphs: the input has one blank line between paragraphs; the
// output must not start with a blank line, must not hold two blank lines
// in a row, and two lines next to each other must come from one paragraph
// (their "pN:" tags agree).
func checkParagraphs(t *testing.T, in, out string) {
	t.Helper()
	if out == "" {
		return
	}
	lines := strings.Split(strings.ReplaceAll(out, "\r\n", "\n"), "\n")
	if strings.HasSuffix(out, "\n") {
		lines = lines[:len(lines)-1]
	}
	blank := func(s string) bool { return strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", "")) == "" }
	for i, l := range lines {
		switch {
		case blank(l) && i == 0:
			t.Fatalf("output starts with a blank line:\nin  %q\nout %q", in, out)
		case blank(l) && i > 0 && blank(lines[i-1]):
			t.Fatalf("run of blank lines:\nin  %q\nout %q", in, out)
		case !blank(l) && i > 0 && !blank(lines[i-1]) && tag(l) != tag(lines[i-1]):
			t.Fatalf("paragraphs %s and %s glued:\nin  %q\nout %q", tag(lines[i-1]), tag(l), in, out)
		}
	}
	if len(lines) > 0 && blank(lines[len(lines)-1]) {
		t.Fatalf("output ends with a blank line:\nin  %q\nout %q", in, out)
	}
}

func tag(line string) string {
	tag, _, _ := strings.Cut(line, ":")
	return tag
}

func FuzzRandomEditSet(f *testing.F) {
	f.Add([]byte("A\n\nB\u00a0 c\n"), int64(1))
	f.Add([]byte("naïve 日本語\r\n\r\nx"), int64(2))
	f.Add([]byte("\xff\xfe bad \xe2\x82"), int64(3))
	f.Fuzz(func(t *testing.T, src []byte, seed int64) {
		rng := rand.New(rand.NewSource(seed))
		checkEditSet(t, src, randomEdits(rng, len(src)), seed%2 == 0)
	})
}

func FuzzContentRules(f *testing.F) {
	f.Add([]byte("p0: a @@\n\np1: b %% uk\n\n\u00a0\n\np2: ## c\n"))
	f.Add([]byte("\ufeff@@\r\n\r\n\u00a0 \u200b\r\n"))
	f.Add([]byte("@@\n@@\n\n\n\nx"))
	f.Fuzz(func(t *testing.T, src []byte) {
		checkContentRules(t, src, true, false)
	})
}
