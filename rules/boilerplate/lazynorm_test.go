package boilerplate

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// The bounds the cut start relies on (lazynorm.go): every word count a
// rule compares with, and every family that may be asked about a line
// whatever its first word, stop below cutMinWords.
func TestCutBoundsHold(t *testing.T) {
	for _, f := range allFamilies {
		if f.Anywhere && max(f.MaxWords, f.MatchWords) >= cutMinWords {
			t.Errorf("family %q may match anywhere up to %d words, a cut line has %d", f.What, max(f.MaxWords, f.MatchWords), cutMinWords)
		}
	}
	for name, bound := range map[string]int{
		"maxExactWords": maxExactWords, "compound": 16, "shortMaxWords": shortMaxWords,
		"detailsMaxWords": detailsMaxWords, "tocMaxWords": tocMaxWords, "repeatMaxWord": repeatMaxWord,
		"titleMinWords": titleMinWords, "headlineMinWords": headlineMinWords,
	} {
		if bound >= cutMinWords {
			t.Errorf("%s is %d, not below cutMinWords %d", name, bound, cutMinWords)
		}
	}
	if n := len(strings.Repeat("a ", cutMinWords)) - 1; hashedNorm > n {
		t.Errorf("hashedNorm %d is longer than the shortest cut start (%d bytes)", hashedNorm, n)
	}
}

// normalStart's start and the rest joined are appendNormal's form, over
// long random lines of words, figures, punctuation, runs of spaces,
// letters beyond ASCII and tags.
func TestNormalStartJoinsToTheWholeForm(t *testing.T) {
	rng := rand.New(rand.NewSource(59))
	pieces := []string{"the", "Word", "of", "2024", "3.5", ",", ".", " ", "  ", "\t", "-", "’", "é", "Ünïcode", "İ", "\u212a",
		"<b>", "</a>", "<", ">", "©", "&", "'", "@", "x", "#", "**", "_", "\u00a0", "日本", "١٢"}
	cuts := 0
	for range 20000 {
		var b strings.Builder
		tags := rng.Intn(4) == 0 // a line with '<' is never cut
		for b.Len() < 150+rng.Intn(450) {
			p := pieces[rng.Intn(len(pieces))]
			if p[0] == '<' && !tags {
				continue
			}
			b.WriteString(p)
			if rng.Intn(3) > 0 {
				b.WriteByte(' ')
			}
		}
		raw := []byte(strings.TrimSpace(b.String()))
		want := string(appendNormal(nil, raw))
		norm, cut := normalStart([]byte("xy"), raw)
		got := string(norm[2:])
		if cut > 0 {
			cuts++
			if !startAnswers([]byte(got)) || wordCount(got) < cutMinWords || !strings.HasPrefix(want, got) {
				t.Fatalf("%q: start %q does not answer for %q", raw, got, want)
			}
			got = string(joinNormal([]byte(got), 0, raw[cut:]))
		}
		if got != want {
			t.Fatalf("%q (cut %d): %q, want %q", raw, cut, got, want)
		}
	}
	if cuts < 1000 {
		t.Errorf("only %d of the random lines were cut", cuts)
	}
	t.Logf("%d of the random lines cut", cuts)
}

// The analysis with cut normal forms answers as it did with whole ones
// (the old code, kept here as the reference): the whole forms, the word
// counts up to every bound, the phrase matches, compounds, figure lines,
// the first words and the numbering of repeats, over the seeds and the
// WCXB pages and texts.
func TestCutNormsAnswerLikeWholeOnes(t *testing.T) {
	cutOverride = 1
	defer func() { cutOverride = 0 }()
	cut, total := 0, 0
	for _, d := range shortcutDocs(t) {
		a := newAnalysis(d)
		var whole []string
		eachCandidateLine(d, func(_, _, _ int, raw, norm []byte) {
			if string(norm) != string(appendNormal(nil, raw)) {
				t.Fatalf("%s: eachCandidateLine's form of %q is %q", d.Path, raw, norm)
			}
			whole = append(whole, string(norm))
		})
		if len(whole) != len(a.cands) {
			t.Fatalf("%s: %d candidates, %d lines", d.Path, len(a.cands), len(whole))
		}
		firstOf := map[string]int32{}
		count := map[string]int32{}
		for ci := range a.cands {
			c, norm := &a.cands[ci], whole[ci]
			total++
			if got := a.fullNorm(ci); got != norm {
				t.Fatalf("%s line %d: whole form %q, want %q", d.Path, c.line, got, norm)
			}
			if c.cut == 0 && c.norm != norm || c.cut > 0 && !strings.HasPrefix(norm, c.norm) {
				t.Fatalf("%s line %d: form %q (cut %d) of %q", d.Path, c.line, c.norm, c.cut, norm)
			}
			if c.cut > 0 {
				cut++
			}
			if w := wordCount(norm); min(w, cutMinWords) != min(c.words, cutMinWords) {
				t.Fatalf("%s line %d: %d words, want %d", d.Path, c.line, c.words, w)
			}
			if m, each := matchAll(norm, c.text); m != c.match || each != c.matches {
				t.Fatalf("%s line %d: matches %v %v, want %v %v", d.Path, c.line, c.match, c.matches, m, each)
			}
			if want := c.match == noMatch && !c.sentence && first(compound(norm)); want != c.compound {
				t.Fatalf("%s line %d: compound %v", d.Path, c.line, c.compound)
			}
			if onlyFigures(c.norm) != onlyFigures(norm) {
				t.Fatalf("%s line %d: onlyFigures differs", d.Path, c.line)
			}
			a1, _, _ := strings.Cut(c.norm, " ")
			a2, _, _ := strings.Cut(norm, " ")
			if a1 != a2 {
				t.Fatalf("%s line %d: first word %q, want %q", d.Path, c.line, a1, a2)
			}
			if _, ok := firstOf[norm]; !ok {
				firstOf[norm] = int32(ci)
			}
			count[norm]++
		}
		for ci := range a.cands {
			if a.textOf[ci] != firstOf[whole[ci]] || a.copies[ci] != count[whole[ci]] {
				t.Fatalf("%s line %d: text %d copies %d, want %d %d", d.Path, a.cands[ci].line,
					a.textOf[ci], a.copies[ci], firstOf[whole[ci]], count[whole[ci]])
			}
		}
	}
	if !testing.Short() && cut*10 < total/10 {
		t.Errorf("only %d of %d candidates were cut", cut, total)
	}
	t.Logf("%d of %d candidates cut", cut, total)
}

func first(ok bool, _ []string) bool { return ok }

// Every rule of the family reports the same findings, messages and fixes
// whether every long line is cut or none is, over the seeds and the WCXB
// pages and texts (the template rule on its own per-document pass: a
// source of one document has no template lines, so its run phase is
// covered by TestTemplateLinesMatchReference).
func TestCutsChangeNoFinding(t *testing.T) {
	defer func() { cutOverride = 0 }()
	run := func(d *document.Document, mode int) [][]rules.Finding {
		cutOverride = mode
		doc := document.New(d.Path, d.Src, d.Meta) // its own analysis
		out := make([][]rules.Finding, len(all))
		for i, r := range all {
			if r.IsCorpus() {
				continue
			}
			r.Run(rules.NewPass(r, doc, nil, nil, r.Severity, func(f rules.Finding) { out[i] = append(out[i], f) }))
		}
		return out
	}
	findings := 0
	for _, d := range shortcutDocs(t) {
		cut, whole := run(d, 1), run(d, -1)
		for i := range all {
			if !reflect.DeepEqual(cut[i], whole[i]) {
				t.Fatalf("%s: %s finds %v with cut lines, %v without", d.Path, all[i].ID, cut[i], whole[i])
			}
			findings += len(cut[i])
		}
	}
	if findings < 100 {
		t.Errorf("only %d findings compared", findings)
	}
}
