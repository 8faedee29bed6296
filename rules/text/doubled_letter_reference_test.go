package text

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// referenceDoubledCapitals is collectDoubledCapitals as it was before the
// byte search for capital pairs: it tests every token.
func referenceDoubledCapitals(doc *document.Document) vocabulary {
	v := vocabulary{}
	src, toks := doc.Src, doc.Tokens()
	for k := 1; k < len(toks); k++ {
		t := toks[k]
		if !mayBeDoubledCapital(src, t) {
			continue
		}
		b := src[t.Start:t.End]
		if doubledCapitalShape(b) && followsLowerOnLine(src, toks[k-1], t) {
			e := v[string(b)]
			e.count++
			e.docs = 1
			v[string(b)] = e
		}
	}
	return v
}

// referenceDoubledLetter is runDoubledLetter as it was before the byte
// search for capital pairs.
func referenceDoubledLetter(pass *rules.Pass, vocab vocabulary) {
	doc := pass.Doc
	src, toks := doc.Src, doc.Tokens()
	for k, t := range toks {
		if mayBeDoubledCapital(src, t) && doubledCapitalShape(src[t.Start:t.End]) && opensText(doc, t) {
			checkDoubledCapital(pass, vocab, toks[k:min(k+2, len(toks))])
		}
	}
	referenceCheckDoubledWords(pass, toks)
}

// referenceCheckDoubledWords is checkDoubledWords as it was before the
// previous token's length was kept from one step to the next.
func referenceCheckDoubledWords(pass *rules.Pass, toks []document.Token) {
	src := pass.Doc.Src
	for i := 1; i < len(toks); i++ {
		a, b := toks[i-1], toks[i]
		if a.End-a.Start != b.End-b.Start || src[a.Start]|0x20 != src[b.Start]|0x20 {
			continue
		}
		first, second := src[a.Start:a.End], src[b.Start:b.End]
		if !doubledWords[string(second)] || !bytes.EqualFold(first, second) {
			continue
		}
		if !bytes.Equal(first[1:], second[1:]) || !onlySpaceBetween(src, a.End, b.Start) || codeLike(src, a.Start, b.End) {
			continue
		}
		pass.Report(rules.Finding{
			Start: a.Start, End: b.End,
			Message: fmt.Sprintf("doubled word %q", string(second)),
			Fix: &fixers.Fix{Message: "remove the repeated word", Safety: fixers.Safe,
				Edits: []fixers.Edit{fixers.Delete(a.End, b.End)}},
		})
	}
}

// doubledTexts are the real texts and random texts of doubled capitals,
// names shaped like them, their neighbours and the bytes that differ from
// a letter in 0x20 alone (a newline and "*", "@" and "`").
func doubledTexts(t *testing.T) [][]byte {
	pieces := []string{"Tthe", "Ssee", "Aaron", "Llama", "Lloyd", "Aamir", "Nniculescu", "Ooh", "Tt", "TThe", "tThe", "Ee",
		"the", "said", "report", "see", "Khan", "The", " ", " ", " ", "\n", "\n\n", ".", ". ", ",", "\"", "\u201c", "(", "*", "@",
		"`", "\n*", "```\n", "- ", "# ", "> ", "\u00e9", "\u00c9\u00e9", "\u2019", "-", "'", "3", "www.", "/"}
	return randomTexts(realTexts(t), rand.New(rand.NewPCG(58, 59)), 3000, 40, pieces)
}

// TestDoubledLetterMatchesReference collects and runs the rule and its
// reference on every text, alone and as one corpus merged in order, and
// wants the same summaries and findings. Every third text is left out of
// the corpus and gets a doubled capital and a doubled word, as a fix
// round's edited document may: the rule must read them, not pass over
// them as documents it collected with nothing to read.
func TestDoubledLetterMatchesReference(t *testing.T) {
	texts := doubledTexts(t)
	docs := make([]*document.Document, len(texts))
	var corpus, refCorpus rules.Summary
	for i, text := range texts {
		// A copy of exactly its own length: the byte search reads up
		// to the end of the buffer.
		src := append([]byte(nil), text...)
		if i%3 == 2 {
			src = append(src, "\n\nSsaid the report of of the day.\n"...)
		}
		docs[i] = document.New("t.txt", src[:len(src):len(src)], document.Meta{})
		got, want := DoubledLetter.Collect(docs[i], nil), referenceDoubledCapitals(docs[i])
		if names := got.(*capitalVocabulary).names; !reflect.DeepEqual(names, want) {
			t.Fatalf("text %d, %.200q: collected %v, want %v", i, texts[i], names, want)
		}
		switch {
		case i%3 == 2:
		case i == 0:
			corpus, refCorpus = got, want
		default:
			corpus, refCorpus = DoubledLetter.Merge(corpus, got), mergeVocabulary(refCorpus, want)
		}
	}
	findings, capitals, uncollected := 0, 0, 0
	for i, doc := range docs {
		for _, alone := range []bool{false, true} {
			var got, want []rules.Finding
			c, ref := corpus, refCorpus.(vocabulary)
			if alone {
				c, ref = nil, referenceDoubledCapitals(doc)
			}
			DoubledLetter.Run(rules.NewPass(DoubledLetter, doc, nil, c, DoubledLetter.Severity, func(f rules.Finding) { got = append(got, f) }))
			referenceDoubledLetter(rules.NewPass(DoubledLetter, doc, nil, c, DoubledLetter.Severity, func(f rules.Finding) { want = append(want, f) }), ref)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("text %d (alone %v), %.200q: got %v, want %v", i, alone, texts[i], got, want)
			}
			findings += len(want)
			if !alone && i%3 == 2 {
				uncollected += len(want)
			}
			for _, f := range want {
				if f.End-f.Start > 2 && f.Fix != nil && len(f.Fix.Edits) == 1 && f.Fix.Edits[0].Start == f.Start {
					capitals++
				}
			}
		}
	}
	t.Logf("%d findings, %d doubled capitals, %d in documents left out of the corpus", findings, capitals, uncollected)
	if findings < 100 || capitals < 50 || uncollected < len(texts)/2 {
		t.Fatalf("only %d findings, %d doubled capitals, %d in documents left out of the corpus: the texts do not exercise the rule",
			findings, capitals, uncollected)
	}
}

// TestNextCapitalPair compares the byte search with a byte-by-byte look
// on random bytes rich in capital pairs and in bytes that differ from a
// letter in 0x20 alone, at every start offset.
func TestNextCapitalPair(t *testing.T) {
	r := rand.New(rand.NewPCG(60, 61))
	alphabets := [2][]byte{
		[]byte("TtSsAa aZz\n*@`\x00 .,\xc3\xa9"),
		// Mostly plain text, where the 32-byte steps pass over.
		[]byte("the report said   .,\nTt"),
	}
	for n := range 3000 {
		src := make([]byte, r.IntN(120))
		alphabet := alphabets[n%2]
		for i := range src {
			src[i] = alphabet[r.IntN(len(alphabet))]
		}
		for from := 0; from <= len(src); from++ {
			want := -1
			for p := from; p+1 < len(src); p++ {
				if src[p] >= 'A' && src[p] <= 'Z' && src[p+1] == src[p]+32 {
					want = p
					break
				}
			}
			if got := nextCapitalPair(src, from); got != want {
				t.Fatalf("%q from %d: got %d, want %d", src, from, got, want)
			}
		}
	}
}
