package fixers

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
)

// once returns a linter that proposes props in the first round only.
func once(props ...Proposal) Linter {
	round := 0
	return func([]byte) ([]Proposal, error) {
		round++
		if round > 1 {
			return nil, nil
		}
		return props, nil
	}
}

func prop(rule string, prio int, safety Safety, edits ...Edit) Proposal {
	return Proposal{Rule: rule, Priority: prio, Message: rule, Fix: Fix{Safety: safety, Edits: edits}}
}

func mustRun(t *testing.T, src string, lint Linter, opts Options) *Result {
	t.Helper()
	res, err := Run([]byte(src), lint, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func span(src, sub string) (int, int) {
	i := strings.Index(src, sub)
	if i < 0 {
		panic("no " + sub)
	}
	return i, i + len(sub)
}

func TestSafetyFilter(t *testing.T) {
	src := "alpha beta gamma"
	s, e := span(src, "beta ")
	us, ue := span(src, "gamma")
	props := []Proposal{prop("text/a", 0, Safe, Delete(s, e)), prop("text/b", 0, Unsafe, Replace(us, ue, "GAMMA")), prop("text/c", 0, None, Delete(0, 1))}
	if got := string(mustRun(t, src, once(props...), Options{}).Src); got != "alpha gamma" {
		t.Errorf("safe only: got %q", got)
	}
	if got := string(mustRun(t, src, once(props...), Options{Unsafe: true}).Src); got != "alpha GAMMA" {
		t.Errorf("with unsafe: got %q", got)
	}
}

func TestWiderRemovalWins(t *testing.T) {
	src := "keep\n\nShare this: the nbsp\u00a0 here\n\nkeep too\n"
	ls, le := span(src, "Share this: the nbsp\u00a0 here\n\n")
	ns, ne := span(src, "\u00a0 ")
	// The correction inside the removed line has the better priority but
	// the removal takes its text anyway: no conflict, nothing skipped.
	res := mustRun(t, src, once(prop("text/ws", 0, Safe, Replace(ns, ne, " ")), prop("boilerplate/share", 5, Safe, Delete(ls, le))), Options{})
	if got := string(res.Src); got != "keep\n\nkeep too\n" {
		t.Errorf("got %q", got)
	}
	if len(res.Skipped) != 0 || len(res.Applied) != 1 || res.Applied[0].Rule != "boilerplate/share" {
		t.Errorf("applied %+v skipped %+v", res.Applied, res.Skipped)
	}
}

func TestPartialOverlapGoesByPriority(t *testing.T) {
	src := "one two three four"
	a1, a2 := span(src, "one two ")
	b1, b2 := span(src, "two three")
	res := mustRun(t, src, once(prop("text/z", 2, Safe, Replace(b1, b2, "2 3")), prop("boilerplate/a", 0, Safe, Delete(a1, a2))), Options{})
	if got := string(res.Src); got != "three four" {
		t.Errorf("got %q", got)
	}
	if len(res.Skipped) != 1 || res.Skipped[0].Rule != "text/z" || !strings.Contains(res.Skipped[0].Reason, "boilerplate/a") {
		t.Errorf("skipped %+v", res.Skipped)
	}
	if res.Skipped[0].Line != 1 || res.Skipped[0].Column != 5 {
		t.Errorf("skipped at %d:%d, want 1:5", res.Skipped[0].Line, res.Skipped[0].Column)
	}
}

func TestOverlappingRemovalsUnite(t *testing.T) {
	// Two removals that overlap without one containing the other: both
	// rules flagged the text, so the union goes, in one round, each byte
	// credited once (to the fix that goes first).
	src := "keep. junk one junk two junk three. keep"
	a1, a2 := span(src, "junk one junk two ")
	b1, b2 := span(src, "junk two junk three. ")
	res := mustRun(t, src, once(prop("text/b", 3, Safe, Delete(b1, b2)), prop("boilerplate/a", 0, Safe, Delete(a1, a2))), Options{})
	if got := string(res.Src); got != "keep. keep" || res.Rounds != 1 || len(res.Skipped) != 0 {
		t.Fatalf("got %q rounds %d skipped %+v", got, res.Rounds, res.Skipped)
	}
	if len(res.Applied) != 2 || res.Applied[0].Rule != "boilerplate/a" || res.Applied[0].Removed != "junk one junk two " ||
		res.Applied[1].Rule != "text/b" || res.Applied[1].Removed != "junk three. " {
		t.Errorf("applied %+v", res.Applied)
	}
}

func TestSkippedFixRetriedNextRound(t *testing.T) {
	// Two rules whose removals overlap: the loser is proposed again on the
	// new text and applied in round 2.
	lint := func(src []byte) ([]Proposal, error) {
		var out []Proposal
		if i := bytes.Index(src, []byte("AB")); i >= 0 {
			out = append(out, prop("boilerplate/ab", 0, Safe, Delete(i, i+2)))
		}
		if i := bytes.Index(src, []byte("BC")); i >= 0 {
			out = append(out, prop("text/c", 1, Safe, Replace(i, i+2, "-")))
		} else if i := bytes.IndexByte(src, 'C'); i >= 0 {
			out = append(out, prop("text/c", 1, Safe, Replace(i, i+1, "-")))
		}
		return out, nil
	}
	res := mustRun(t, "xABCy", lint, Options{})
	if got := string(res.Src); got != "x-y" || !res.Settled || res.Rounds != 2 {
		t.Errorf("got %q settled %v rounds %d", got, res.Settled, res.Rounds)
	}
}

func TestDuplicateEditsAppliedOnce(t *testing.T) {
	src := "a\u00a0 b"
	s, e := span(src, "\u00a0 ")
	res := mustRun(t, src, once(prop("text/a", 0, Safe, Replace(s, e, " ")), prop("text/b", 0, Safe, Replace(s, e, " "))), Options{})
	if got := string(res.Src); got != "a b" || len(res.Applied) != 1 || len(res.Skipped) != 0 {
		t.Errorf("got %q applied %d skipped %d", got, len(res.Applied), len(res.Skipped))
	}
}

func TestInsertionsAtOnePointConflict(t *testing.T) {
	res := mustRun(t, "ab", once(prop("text/x", 0, Safe, Replace(1, 1, "X")), prop("text/y", 1, Safe, Replace(1, 1, "Y"))), Options{})
	if got := string(res.Src); got != "aXb" || len(res.Skipped) != 1 {
		t.Errorf("got %q skipped %+v", got, res.Skipped)
	}
}

func TestInvalidEditsRejected(t *testing.T) {
	src := "naïve café"
	i := strings.Index(src, "ï")
	for name, e := range map[string]Edit{
		"splits a character": Delete(i+1, i+2),
		"out of range":       Delete(3, 99),
		"reversed":           {Start: 5, End: 2},
		"invalid text":       Replace(0, 1, "\xff"),
	} {
		res := mustRun(t, src, once(prop("text/bug", 0, Safe, e)), Options{})
		if string(res.Src) != src || len(res.Skipped) != 1 || !res.Skipped[0].Invalid {
			t.Errorf("%s: got %q skipped %+v", name, res.Src, res.Skipped)
		}
	}
	// A fix whose own edits overlap is malformed as a whole.
	res := mustRun(t, src, once(prop("text/bug", 0, Safe, Delete(0, 3), Delete(2, 4))), Options{})
	if string(res.Src) != src || len(res.Skipped) != 1 {
		t.Errorf("self-overlap: got %q skipped %+v", res.Src, res.Skipped)
	}
}

func TestInvalidBytesMayBeRemoved(t *testing.T) {
	src := "ab\xffcd"
	res := mustRun(t, src, once(prop("text/encoding", 0, Safe, Delete(2, 3))), Options{})
	if got := string(res.Src); got != "abcd" {
		t.Errorf("got %q", got)
	}
}

func TestFixEditsApplyTogether(t *testing.T) {
	// A fix with two edits loses both when one clashes.
	src := "[1] text [2]"
	res := mustRun(t, src, once(
		prop("boilerplate/a", 0, Safe, Delete(0, 4)),
		prop("footnotes/renumber", 1, Safe, Replace(1, 2, "2"), Replace(10, 11, "1")),
	), Options{})
	if got := string(res.Src); got != "text [2]" {
		t.Errorf("got %q", got)
	}
}

func TestRoundsAreBounded(t *testing.T) {
	// A rule that always finds something: the engine stops and says so.
	lint := func(src []byte) ([]Proposal, error) {
		return []Proposal{prop("text/forever", 0, Safe, Replace(len(src), len(src), "x"))}, nil
	}
	res := mustRun(t, "a", lint, Options{Rounds: 3})
	if res.Settled || res.Rounds != 3 || string(res.Src) != "axxx" {
		t.Errorf("settled %v rounds %d src %q", res.Settled, res.Rounds, res.Src)
	}
	last := res.Skipped[len(res.Skipped)-1]
	if last.Round != 4 || !strings.Contains(last.Reason, "did not settle") {
		t.Errorf("last skipped %+v", last)
	}
}

func TestLedgerOffsetsMapToOriginal(t *testing.T) {
	// Round 1 removes "AAA", round 2 (seeing "BBB" only once "AAA" is
	// gone) replaces it: its range in the original is where "BBB" was.
	lint := func(src []byte) ([]Proposal, error) {
		if i := bytes.Index(src, []byte("AAA")); i >= 0 {
			return []Proposal{prop("text/a", 0, Safe, Delete(i, i+3))}, nil
		}
		if i := bytes.Index(src, []byte("BBB")); i >= 0 {
			return []Proposal{prop("text/b", 0, Safe, Replace(i, i+3, "b"))}, nil
		}
		return nil, nil
	}
	src := "xAAAyBBBz"
	res := mustRun(t, src, lint, Options{})
	if string(res.Src) != "xybz" || len(res.Applied) != 2 {
		t.Fatalf("got %q applied %+v", res.Src, res.Applied)
	}
	b := res.Applied[1]
	if b.Round != 2 || src[b.Start:b.End] != "BBB" || b.RoundStart != 2 {
		t.Errorf("round 2 edit %+v", b)
	}
	back, err := Reverse(res.Src, res.Applied)
	if err != nil || string(back) != src {
		t.Errorf("reverse: %q, %v", back, err)
	}
	if _, err := Reverse([]byte("tampered"), res.Applied); err == nil {
		t.Error("reverse of a changed text did not fail")
	}
}

// removeLinesRule removes every line that holds marker with RemoveLines.
func removeLinesRule(marker string) func(doc *document.Document) []Proposal {
	return func(doc *document.Document) []Proposal {
		var out []Proposal
		for i := range doc.Lines {
			if strings.Contains(string(doc.LineText(i)), marker) {
				out = append(out, prop("boilerplate/"+marker, 0, Safe, RemoveLines(doc, i, i)))
			}
		}
		return out
	}
}

func docLinter(rules ...func(*document.Document) []Proposal) Linter {
	return func(src []byte) ([]Proposal, error) {
		doc := document.New("t", src, document.Meta{})
		var out []Proposal
		for _, r := range rules {
			out = append(out, r(doc)...)
		}
		return out, nil
	}
}

func TestSeams(t *testing.T) {
	emptyNBSPLines := func(doc *document.Document) []Proposal {
		var out []Proposal
		for i, l := range doc.Lines {
			if strings.Trim(string(doc.LineText(i)), "\u00a0") == "" && l.End > l.Start {
				out = append(out, prop("text/ws", 5, Safe, Delete(l.Start, l.End)))
			}
		}
		return out
	}
	lint := docLinter(removeLinesRule("XX"), emptyNBSPLines)
	cases := []struct{ name, in, want string }{
		{"block between paragraphs", "A\n\nXX\n\nB\n", "A\n\nB\n"},
		{"two adjacent blocks", "A\n\nXX 1\n\nXX 2\n\nB\n", "A\n\nB\n"},
		{"line under text", "A\nXX\n\nB\n", "A\n\nB\n"},
		{"line inside a paragraph", "A\nXX\nB\n", "A\nB\n"},
		{"two lines, one paragraph each side", "A\nXX\n\nXX\nB\n", "A\n\nB\n"},
		{"at the end", "A\n\nXX\n\nXX", "A"},
		{"at the end with newline", "A\n\nXX\n", "A\n"},
		{"two at the end with newline", "A\n\nXX\n\nXX\n", "A\n"},
		{"trailing spaces of kept text stay", "A  \n\nXX", "A  "},
		{"at the start", "XX\n\nA\n", "A\n"},
		{"whole document", "XX\n\nXX\n", ""},
		{"nbsp line between paragraphs", "A\n\n\u00a0\n\nB\n", "A\n\nB\n"},
		{"nbsp line next to a removed block", "A\n\n\u00a0\n\nXX\n\nB\n", "A\n\nB\n"},
		{"crlf", "A\r\n\r\nXX\r\n\r\nB\r\n", "A\r\n\r\nB\r\n"},
		{"crlf nbsp line", "A\r\n\r\n\u00a0\r\n\r\nB\r\n", "A\r\n\r\nB\r\n"},
		{"indentation after kept", "A\n\n\u00a0\n\n  1. item\n", "A\n\n  1. item\n"},
		{"bom kept", "\ufeffXX\n\nA\n", "\ufeffA\n"},
		{"blank runs away from seams stay", "A\n\n\n\nB\n\nXX\n\nC\n", "A\n\n\n\nB\n\nC\n"},
	}
	for _, c := range cases {
		res := mustRun(t, c.in, lint, Options{})
		if got := string(res.Src); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
		if !res.Settled {
			t.Errorf("%s: not settled", c.name)
		}
		back, err := Reverse(res.Src, res.Applied)
		if err != nil || string(back) != c.in {
			t.Errorf("%s: reverse gave %q, %v", c.name, back, err)
		}
	}
}

func TestSeamRestoresGluedParagraphs(t *testing.T) {
	// A rule that removes a byte range swallowing both separators would
	// glue two paragraphs; the engine gives the blank line back.
	src := "First paragraph.\n\nJunk.\n\nSecond paragraph.\n"
	s, _ := span(src, "\n\nJunk.")
	_, e := span(src, "Junk.\n\n")
	res := mustRun(t, src, once(prop("insertion/x", 0, Safe, Delete(s, e))), Options{})
	if got, want := string(res.Src), "First paragraph.\n\nSecond paragraph.\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	var seam Applied
	for _, a := range res.Applied {
		if a.Seam {
			seam = a
		}
	}
	if !seam.Seam || seam.Rule != "insertion/x" || seam.Inserted != "\n\n" {
		t.Errorf("seam edit %+v", seam)
	}
	// Removing a joined hyphenation ("inter-\nnational") is no seam.
	src = "inter-\nnational law\n"
	s, e = span(src, "-\n")
	if got := string(mustRun(t, src, once(prop("text/hyphen", 0, Safe, Delete(s, e))), Options{}).Src); got != "international law\n" {
		t.Errorf("hyphenation: got %q", got)
	}
}
