package text

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/lexicon"
	"github.com/dochygiene/hygiene/rules"
)

// DoubledLetter flags a doubled capital at the start of a sentence ("Ssee
// also", "Tthe") and a doubled word ("the the").
var DoubledLetter = &rules.Rule{
	ID:      "text/doubled-letter",
	Summary: "doubled capital starting a sentence (\"Tthe\") or doubled word (\"the the\")",
	Doc: `Keyboard bounce, OCR and drop-cap markup leave a doubled first letter at the
start of a sentence ("Ssee also", "Tthe report"); editing leaves a doubled
short word ("the the", "of of").

A doubled capital is flagged only when the token is not a word or name of
the embedded list ("Llama", "Aaron", "Lloyd" stay quiet), is not recurring
vocabulary of the corpus, and drops to a common word without its first
letter. A doubled word is flagged only for articles, conjunctions and
prepositions that are never repeated in grammatical English ("had had" and
"that that" are grammatical and stay quiet).

Fix (safe): drop the extra letter or the repeated word.`,
	Bad:       "[5] Ssee also: the the report.",
	Good:      "Llamas graze. Aaron said that that was had had.",
	Severity:  rules.Warning,
	FixSafety: fixers.Safe,
	Collect:   collectDoubledCapitals,
	Merge:     mergeVocabulary,
	Run:       runDoubledLetter,
}

// doubledWords are never repeated in grammatical text. Prepositions that
// can end a clause ("in", "on", "for", "with", "to": "what it stood for
// for decades") are left out.
var doubledWords = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "of": true, "or": true, "but": true,
	"from": true, "into": true, "than": true, "their": true, "its": true, "our": true,
	"is": true, "are": true, "was": true, "were": true, "be": true, "will": true,
}

// collectDoubledCapitals counts tokens shaped like a doubled capital
// ("Aamir", "Ssee") that stand inside a sentence: a capitalised token used
// mid-sentence is a name, and stays quiet where it opens a sentence too.
// A doubled-capital slip happens only at a sentence start.
func collectDoubledCapitals(doc *document.Document, _ rules.Options) rules.Summary {
	v := vocabulary{}
	for _, s := range doc.Sentences() {
		toks := doc.TokensIn(s.Start, s.End)
		for k, t := range toks {
			b := doc.Src[t.Start:t.End]
			if k > 0 && doubledCapitalShape(b) && followsLowerOnLine(doc.Src, toks[k-1], t) {
				e := v[string(b)]
				e.count++
				e.docs = 1
				v[string(b)] = e
			}
		}
	}
	return v
}

// followsLowerOnLine reports whether t comes right after a lower-case word
// on the same line ("said Aamir"): the position of a name, which a missed
// sentence boundary ("U.S. Tthe", a line break) is not.
func followsLowerOnLine(src []byte, prev, t document.Token) bool {
	return isLowerASCII(src[prev.Start]) && !bytes.ContainsAny(src[prev.End:t.Start], "\n.!?:;\"“‘(")
}

// opensQuote reports whether an opening quotation mark stands right
// before offset, after a space or at a line start.
func opensQuote(src []byte, offset int) bool {
	r, size := utf8.DecodeLastRune(src[:offset])
	if r != '"' && r != '\u201c' && r != '\u2018' {
		return false
	}
	before, _ := utf8.DecodeLastRune(src[:offset-size])
	return offset-size == 0 || before == ' ' || before == '\n' || before == '('
}

// knowsName reports whether a doubled-capital token was seen inside a
// sentence anywhere in the corpus.
func (v vocabulary) knowsName(w string) bool { return v[w].count > 0 }

func runDoubledLetter(pass *rules.Pass) {
	doc := pass.Doc
	vocab, _ := pass.Corpus.(vocabulary)
	if vocab == nil {
		vocab, _ = collectDoubledCapitals(doc, nil).(vocabulary)
	}
	checked := map[int]bool{}
	for _, s := range doc.Sentences() {
		toks := doc.TokensIn(s.Start, s.End)
		if len(toks) > 0 {
			checked[toks[0].Start] = true
			checkDoubledCapital(pass, vocab, toks, s.Start)
		}
		checkDoubledWords(pass, toks)
	}
	// A quotation opens a sentence of its own: `with "Iit sure would`.
	for _, t := range doc.Tokens() {
		if !checked[t.Start] && opensQuote(doc.Src, t.Start) {
			checked[t.Start] = true
			checkDoubledCapital(pass, vocab, []document.Token{t}, t.Start)
		}
	}
	// A line of prose also opens with a capital after a line that does not
	// end a sentence (labels, list-like lines): check line starts too.
	for _, b := range doc.Blocks {
		if !b.IsProse() {
			continue
		}
		for i := b.FirstLine; i <= b.LastLine; i++ {
			start := max(doc.Lines[i].Start, b.ContentStart)
			toks := doc.TokensIn(start, doc.Lines[i].End)
			if len(toks) > 0 && !checked[toks[0].Start] {
				checked[toks[0].Start] = true
				checkDoubledCapital(pass, vocab, toks, start)
			}
		}
	}
}

// doubledCapitalShape: an ASCII capital, the same letter in lower case,
// then lower-case letters ("Ssee", "Tthe", "Aaron").
func doubledCapitalShape(b []byte) bool {
	return len(b) >= 3 && isUpperASCII(b[0]) && b[1] == b[0]+'a'-'A' && allLowerASCII(b[2:])
}

func checkDoubledCapital(pass *rules.Pass, vocab vocabulary, toks []document.Token, sentStart int) {
	doc := pass.Doc
	t := toks[0]
	b := doc.Src[t.Start:t.End]
	if !doubledCapitalShape(b) || t.Start-sentStart > 4 || vocab.knowsName(string(b)) {
		return
	}
	w := string(b)
	rest := w[1:]
	level := lexicon.Level(rest)
	if lexicon.Level(w) > 0 || level == 0 || level > lexicon.Common || codeLike(doc.Src, t.Start, t.End) {
		return
	}
	// "Aamir Khan": a rarer remainder before a capitalised word is more
	// likely a name we do not know than a typo.
	if level > 20 && len(toks) > 1 && isUpperASCII(doc.Src[toks[1].Start]) {
		return
	}
	fixed := strings.ToUpper(rest[:1]) + rest[1:]
	pass.Report(rules.Finding{
		Start: t.Start, End: t.End,
		Message: fmt.Sprintf("doubled capital: %q should be %q", w, fixed),
		Fix: &fixers.Fix{Message: fmt.Sprintf("write %q", fixed), Safety: fixers.Safe,
			Edits: []fixers.Edit{fixers.Replace(t.Start, t.Start+2, fixed[:1])}},
	})
}

// checkDoubledWords flags a short function word repeated with only white
// space between ("the the", "The the"), never across a blank line.
func checkDoubledWords(pass *rules.Pass, toks []document.Token) {
	src := pass.Doc.Src
	for i := 1; i < len(toks); i++ {
		a, b := toks[i-1], toks[i]
		first, second := src[a.Start:a.End], src[b.Start:b.End]
		if len(first) != len(second) || !onlySpaceBetween(src, a.End, b.Start) {
			continue
		}
		lower, ok := lowerASCII(first)
		if !ok || !doubledWords[lower] || string(second) != lower {
			continue // "The The" is a band; only "the the" and "The the" are slips
		}
		if first[0] != second[0] && !isUpperASCII(first[0]) || codeLike(src, a.Start, b.End) {
			continue
		}
		pass.Report(rules.Finding{
			Start: a.Start, End: b.End,
			Message: fmt.Sprintf("doubled word %q", lower),
			Fix: &fixers.Fix{Message: "remove the repeated word", Safety: fixers.Safe,
				Edits: []fixers.Edit{fixers.Delete(a.End, b.End)}},
		})
	}
}

// onlySpaceBetween reports whether [from, to) is spaces and at most one
// line break.
func onlySpaceBetween(src []byte, from, to int) bool {
	if from >= to {
		return false
	}
	newlines := 0
	for _, c := range src[from:to] {
		switch c {
		case ' ', '\t', '\r':
		case '\n':
			newlines++
		default:
			return false
		}
	}
	return newlines <= 1
}
