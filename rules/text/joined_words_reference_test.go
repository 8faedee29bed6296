package text

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/lexicon"
	"github.com/dochygiene/hygiene/rules"
)

// referenceJoinedWords is runJoinedWords as it was before the filter of
// word shapes and before the tests that read a word alone were settled
// once per vocabulary (joinables): it tests every token's letters before
// the vocabulary lookup, and the word's splits at every occurrence. The
// tests below hold the rule to it.
func referenceJoinedWords(pass *rules.Pass, vocab vocabulary) {
	doc := pass.Doc
	src, toks := doc.Src, doc.Tokens()
	for i, t := range toks {
		if !mayJoin(src, t) || !isLowerASCII(src[t.Start]) {
			continue
		}
		b := src[t.Start:t.End]
		if !joinCandidate(b) || !allLowerASCII(b) {
			continue
		}
		if _, oov := vocab[string(b)]; !oov {
			continue
		}
		if codeLike(doc.Src, t.Start, t.End) || elided(doc.Src, t) || inflectedWord(b) {
			continue
		}
		w := string(b)
		splits := plausibleSplits(w)
		if len(splits) == 0 || vocab.knows(w) && !bothFunctionWords(splits[0]) {
			continue
		}
		if foreignContext(doc, toks, i) {
			continue
		}
		reportJoined(pass, t, w, splits)
	}
}

// referenceCollectVocabulary is collectVocabulary as it was before the
// edge tables indexed by bytes and before the word list was asked before
// the test of every letter.
func referenceCollectVocabulary(doc *document.Document) vocabulary {
	v := vocabulary{}
	src := doc.Src
	for _, t := range doc.Tokens() {
		if !mayJoin(src, t) {
			continue
		}
		b := src[t.Start:t.End]
		n := len(b)
		edgesMayFit := n >= int(refPairs.head[pairIndex(b[0], b[1])]) || n >= int(refPairs.tail[pairIndex(b[n-1], b[n-2])])
		if !edgesMayFit || !joinCandidate(b) || !asciiLetters(b) {
			continue
		}
		if lexicon.LevelBytes(b) > 0 {
			continue
		}
		w, _ := lowerASCII(b)
		if w != string(b) && lexicon.LevelBytes([]byte(w)) > 0 {
			continue
		}
		e := v[w]
		e.count++
		e.docs = 1
		v[w] = e
	}
	return v
}

// TestCollectVocabularyMatchesReference collects every text's vocabulary
// with the rule and its reference.
func TestCollectVocabularyMatchesReference(t *testing.T) {
	forms := 0
	for i, text := range joinedTexts(t) {
		doc := document.New("t.txt", append([]byte(nil), text...), document.Meta{})
		got, _ := collectVocabulary(doc, nil).(vocabulary)
		want := referenceCollectVocabulary(doc)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("text %d, %.200q: collected %v, want %v", i, text, got, want)
		}
		forms += len(want)
	}
	if forms < 1000 {
		t.Fatalf("only %d forms collected: the texts do not exercise the rule", forms)
	}
}

// TestSplitEdgesMayFitMatchesPairTables holds the tables indexed by
// bytes to the ones indexed by letters, for every pair of bytes and every
// length.
func TestSplitEdgesMayFitMatchesPairTables(t *testing.T) {
	b := make([]byte, 40)
	for n := 2; n <= len(b); n++ {
		for x := range 256 {
			for y := range 256 {
				for _, head := range []bool{true, false} {
					w := b[:n]
					for i := range w {
						w[i] = 'e'
					}
					if head {
						w[0], w[1] = byte(x), byte(y)
					} else {
						w[n-1], w[n-2] = byte(x), byte(y)
					}
					want := n >= int(refPairs.head[pairIndex(w[0], w[1])]) || n >= int(refPairs.tail[pairIndex(w[n-1], w[n-2])])
					if got := splitEdgesMayFit(w); got != want {
						t.Fatalf("%q: splitEdgesMayFit %v, want %v", w, got, want)
					}
				}
			}
		}
	}
}

// joinedTexts are acronymTexts' real texts and random texts of joined
// words, their parts, names, code and addresses.
func joinedTexts(t *testing.T) [][]byte {
	pieces := []string{"ofinternational", "onchain", "abit", "ofthe", "inthe", "intoday", "securityand", "companiesin",
		"the", "of", "international", "cooperation", "Ofinternational", "sayin'", "'cause", "onboarded", "xyzzy", "qwrtp",
		"ofqwrtp", "ab", "abc", "abcd", "Tthe", " ", " ", " ", "  ", "\n", "\n\n", ".", ",", "```\n", "www.", "/", "@", "_",
		"`", "\u2019", "\u00e9", "\u00ad", "\u200b", "-", "3", "covid19"}
	texts := randomTexts(realTexts(t), rand.New(rand.NewPCG(21, 22)), 3000, 40, pieces)
	return texts
}

// TestJoinedWordsMatchesReference runs the rule and its reference on
// every text, alone and as one corpus (the corpus vocabulary merged in
// order, as the runner merges it), and wants the same findings. Every third
// text is left out of the corpus, as a fix round's edited
// document is: the rule must read them in full, not pass over them as
// documents it collected without a joinable word.
func TestJoinedWordsMatchesReference(t *testing.T) {
	texts := joinedTexts(t)
	docs := make([]*document.Document, len(texts))
	var corpus rules.Summary
	for i, text := range texts {
		docs[i] = document.New("t.txt", append([]byte(nil), text...), document.Meta{})
		if i%3 == 2 {
			continue
		}
		s := JoinedWords.Collect(docs[i], nil)
		if corpus == nil {
			corpus = s
		} else {
			corpus = JoinedWords.Merge(corpus, s)
		}
	}
	findings, uncollected := 0, 0
	for i, doc := range docs {
		for _, alone := range []bool{false, true} {
			var got, want []rules.Finding
			c := corpus
			if alone {
				c = nil
			}
			JoinedWords.Run(rules.NewPass(JoinedWords, doc, nil, c, JoinedWords.Severity, func(f rules.Finding) { got = append(got, f) }))
			vocab := c
			if alone {
				vocab = JoinedWords.Collect(doc, nil)
			}
			referenceJoinedWords(rules.NewPass(JoinedWords, doc, nil, c, JoinedWords.Severity, func(f rules.Finding) { want = append(want, f) }),
				vocab.(*joinVocabulary).words)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("text %d (alone %v), %.200q: got %v, want %v", i, alone, texts[i], got, want)
			}
			findings += len(want)
			if !alone && i%3 == 2 {
				uncollected += len(want)
			}
		}
	}
	t.Logf("%d findings, %d in documents left out of the corpus", findings, uncollected)
	if findings < 100 || uncollected < 1 {
		t.Fatalf("only %d findings, %d in documents left out of the corpus: the texts do not exercise the rule", findings, uncollected)
	}
}

// TestWordShapesHoldEveryWord checks that no word of a vocabulary is
// filtered out, whatever its size.
func TestWordShapesHoldEveryWord(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 24))
	for _, size := range []int{0, 1, 10, 1000, 100000} {
		v := vocabulary{}
		for range size {
			w := make([]byte, 2+r.IntN(20))
			for i := range w {
				w[i] = byte('a' + r.IntN(26))
			}
			v[string(w)] = vocabEntry{1, 1}
		}
		s := newWordShapes(v)
		for w := range v {
			if !s.mayHold([]byte(w)) {
				t.Fatalf("size %d: %q filtered out", size, w)
			}
		}
		if !s.mayHold(nil) || !s.mayHold([]byte("a")) {
			t.Fatal("words too short for a shape must pass")
		}
	}
}

// refPairs are the edge tables' pair tables by pairIndex, as the edge
// tables held them before headFit and tailFit replaced them: for a pair
// of letters, the shortest token any triple the pair opens may pass with.
var refPairs = func() (p struct{ head, tail [27 * 27]uint8 }) {
	e := splitEdges
	e.pairs(&p.head, &e.headNeed, &e.headLong, 2)
	e.pairs(&p.tail, &e.tailNeed, &e.tailLong, 3)
	return p
}()
