// The tests of this file hold the shortcuts taken for speed (the search's
// run ends, counts skipped or kept between calls) to what they replace.

package insertion

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
)

// TestEndsMatchPrefixSums checks that each runEnd holds the prefix sums,
// Gram corner and heading flag the search's loop used to read from the
// separate tables (it reads them from ends alone), on the seeds, the
// rule's fixtures and, when present, the WCXB dev truth texts and pages.
func TestEndsMatchPrefixSums(t *testing.T) {
	docs := fixtureDocs(t)
	if !testing.Short() {
		docs = append(docs, wcxbDocs(t, "truth", "pages")...)
	}
	idf := defaultIDF()
	for _, doc := range docs {
		c := analyse(doc, idf)
		if len(c.ends) != c.n {
			t.Fatalf("%s: %d ends for %d units", doc.Path, len(c.ends), c.n)
		}
		s := c.n + 1
		for j, e := range c.ends {
			want := runEnd{
				diag: c.gram[(j+1)*s+j+1], dotD: c.dotD[j+1], mass: c.mass[j+1],
				words: float64(c.words[j+1]), prose: float64(c.proseWords[j+1]),
				noteRefs: int32(c.noteRefs[j+1]), titles: int32(c.titles[j+1]), heading: c.units[j].heading,
			}
			next := j + 1
			for next < c.n && c.units[next].heading {
				next++
			}
			want.next = int32(next)
			if e != want || int(e.words) != c.words[j+1] || int(e.prose) != c.proseWords[j+1] || int(e.titles) != c.titles[j+1] {
				t.Fatalf("%s: ends[%d] = %+v, want %+v", doc.Path, j, e, want)
			}
		}
		c.release()
	}
}

// TestUnitNoteRefs checks each unit's note references, which buildUnits
// counts only in blocks that hold a '[' (found by one search ahead),
// against countNoteRefs of each of its blocks, on the seeds, the rule's
// fixtures and, when present, the WCXB dev truth texts and pages.
func TestUnitNoteRefs(t *testing.T) {
	docs := fixtureDocs(t)
	if !testing.Short() {
		docs = append(docs, wcxbDocs(t, "truth", "pages")...)
	}
	seen := 0
	for _, doc := range docs {
		units, _ := buildUnits(doc, nil)
		for u, un := range units {
			want := 0
			for _, b := range doc.Blocks[un.firstBlock : un.lastBlock+1] {
				if unitKind(b.Kind) {
					want += countNoteRefs(doc.Src[b.Start:b.End])
				}
			}
			if un.noteRefs != want {
				t.Fatalf("%s unit %d: %d note references, want %d", doc.Path, u, un.noteRefs, want)
			}
			seen += want
		}
	}
	if seen == 0 {
		t.Fatal("no note reference in any text: the test shows nothing")
	}
}

// TestMixedTypoMatchesUnits checks mixedTypo, which buildPrefixes takes
// from the units' counts only when the whole text mixes habits, against
// the units' counts themselves, and the counts it keeps against
// countTypography of each unit, on the seeds, the rule's fixtures and,
// when present, the WCXB dev truth texts and pages.
func TestMixedTypoMatchesUnits(t *testing.T) {
	docs := fixtureDocs(t)
	if !testing.Short() {
		docs = append(docs, wcxbDocs(t, "truth", "pages")...)
	}
	mixed := 0
	for _, doc := range docs {
		c := analyse(doc, defaultIDF())
		var sums []typography
		var sum typography
		for _, u := range c.units {
			from, to := doc.Blocks[u.firstBlock].Start, doc.Blocks[u.lastBlock].End
			sum = sum.plus(countTypography(doc.Src[from:to]))
			sums = append(sums, sum)
		}
		if want := mixedHabits(sum); c.mixedTypo != want {
			t.Fatalf("%s: mixedTypo %v, the units' counts say %v", doc.Path, c.mixedTypo, want)
		}
		if c.mixedTypo {
			mixed++
			for u := range sums {
				if c.typo[u+1] != sums[u] {
					t.Fatalf("%s unit %d: counts %v, want %v", doc.Path, u, c.typo[u+1], sums[u])
				}
			}
		}
		c.release()
	}
	if !testing.Short() && mixed == 0 {
		t.Fatal("no text mixes habits: the test shows less than it should")
	}
}

// cappedCosReference is cappedCos as it was before it kept its sums from
// one call to the next: every run's entries summed afresh.
func (c *cohesion) cappedCosReference(i, j int) float64 {
	hostCap := defaultParams.hostCap
	acc := make([]float64, len(c.termKeys))
	var touched []int32
	for _, e := range c.entries[c.entryStart[i]:c.entryStart[j+1]] {
		if acc[e.term] == 0 {
			touched = append(touched, e.term)
		}
		acc[e.term] += e.tf
	}
	h2 := c.capNorm()
	dot, b2 := 0.0, 0.0
	for _, t := range touched {
		b, w := acc[t], c.termWeight[t]
		w2 := w * w
		h := min(max(c.termTF[t]-b, 0), hostCap)
		d := min(c.termTF[t], hostCap)
		dot += b * h * w2
		b2 += b * b * w2
		h2 += (h*h - d*d) * w2
	}
	if b2 <= 0 || h2 <= 1e-12 {
		return 0
	}
	return dot / math.Sqrt(b2*h2)
}

// TestCappedCosMatchesReference checks cappedCos bit for bit against the
// reference for runs asked for in the search's order (from each unit, by
// growing end: the sums carry on) and out of it (every third run from a
// later unit first, then shorter runs: they start afresh), over the
// documents in turn (the sums do not leak from one to the next), on the
// seeds, the rule's fixtures and, when present, the WCXB dev truth texts
// and pages.
func TestCappedCosMatchesReference(t *testing.T) {
	docs := fixtureDocs(t)
	if !testing.Short() {
		docs = append(docs, wcxbDocs(t, "truth", "pages")...)
	}
	idf := defaultIDF()
	runs := 0
	for _, doc := range docs {
		c := analyse(doc, idf)
		check := func(i, j int) {
			if got, want := c.cappedCos(i, j), c.cappedCosReference(i, j); got != want {
				t.Fatalf("%s run %d-%d: cappedCos %v, reference %v", doc.Path, i, j, got, want)
			}
			runs++
		}
		step := max(1, c.n/12) // a dozen first units and ends per document
		for i := 0; i < c.n; i += step {
			for j := i; j < c.n; j += step {
				check(i, j)
			}
			if i+1 < c.n {
				check(i+1, c.n-1)
				check(i, i)
			}
		}
		c.release()
	}
	t.Logf("%d runs", runs)
}

// TestSurfaceTableGetOrAdd checks getOrAdd against get and add: each
// form, long ones (compared past their head) among them and each asked
// for twice, is added once with its ID and found with it after, through
// the table's growth (it starts at its least size).
func TestSurfaceTableGetOrAdd(t *testing.T) {
	var src strings.Builder
	var spans [][2]int
	for i := range 5000 {
		start := src.Len()
		if i%3 == 0 {
			fmt.Fprintf(&src, "longerword%d", i)
		} else {
			fmt.Fprintf(&src, "w%d", i)
		}
		spans = append(spans, [2]int{start, src.Len()})
		src.WriteByte(' ')
	}
	var tab surfaceTable
	tab.reset([]byte(src.String()), 0)
	for i, s := range spans {
		h, head := hashWordHead(tab.src[s[0]:s[1]])
		if vid, ok := tab.getOrAdd(h, head, s[0], s[1], int32(i)); ok || vid != int32(i) {
			t.Fatalf("word %d, first: %d, %v", i, vid, ok)
		}
		if vid, ok := tab.getOrAdd(h, head, s[0], s[1], -1); !ok || vid != int32(i) {
			t.Fatalf("word %d, again: %d, %v", i, vid, ok)
		}
	}
	for i, s := range spans {
		if vid, ok := tab.get(hashWord(tab.src[s[0]:s[1]]), s[0], s[1]); !ok || vid != int32(i) {
			t.Fatalf("word %d: %d, %v", i, vid, ok)
		}
	}
	if tab.n != len(spans) {
		t.Fatalf("%d forms held, want %d", tab.n, len(spans))
	}
}

// genreReference is genre as it was, before firstPersonAtLeast: every
// prose paragraph was read for the first person as it was counted.
func genreReference(doc *document.Document, skipStart, skipEnd int) string {
	var questions, qPrefixes, speakers, quotes, prose, firstPerson int
	var headings, numberedHeadings int
	roundupTitle := false
	for _, b := range doc.Blocks {
		if b.Start >= skipStart && b.End <= skipEnd {
			continue
		}
		text := bytes.TrimSpace(doc.Src[b.ContentStart:b.End])
		if len(text) == 0 {
			continue
		}
		numbered := func() bool {
			return b.FirstLine == b.LastLine && numberedTitle(doc, b, len(strings.Fields(string(text))))
		}
		switch b.Kind {
		case document.Heading:
			headings++
			if startsNumbered(text) {
				numberedHeadings++
			}
			if bytes.HasSuffix(text, []byte("?")) {
				questions++
			}
			roundupTitle = roundupTitle || isRoundupTitle(text)
		case document.ListItem:
			if numbered() {
				numberedHeadings++
			}
		case document.Paragraph, document.Quote:
			if numbered() {
				numberedHeadings++
				continue
			}
			prose++
			if bytes.HasSuffix(text, []byte("?")) {
				questions++
			}
			if hasAnyPrefix(text, "Q:", "Q.", "Q&A", "Question:") {
				qPrefixes++
			}
			if speakerLabel(text) {
				speakers++
			}
			if firstPersonRe(text) {
				firstPerson++
			}
			if hasAnyPrefix(text, "\"", "\u201c", "\u00ab") {
				quotes++
			}
		}
	}
	switch {
	case speakers >= 4 || qPrefixes >= 2 ||
		questions >= 3 && questions*4 >= prose && firstPerson*5 >= prose*2:
		return genreQA
	case prose >= 4 && quotes*10 >= prose*4:
		return genreQuotes
	case numberedHeadings >= 4 || roundupTitle || headings >= 6 && headings >= prose:
		return genreRoundup
	}
	return ""
}

// TestGenreMatchesReference holds genre, which reads paragraphs for the
// first person only when the answer can matter, to genreReference: on
// interviews made up around the threshold (questions, first-person
// answers and other paragraphs in every proportion near it), the seeds,
// the rule's fixtures and, when present, the WCXB dev texts, each whole
// and without a few of its block ranges.
func TestGenreMatchesReference(t *testing.T) {
	var docs []*document.Document
	for q := 0; q <= 6; q++ {
		for fp := 0; fp <= 8; fp++ {
			for other := 0; other <= 6; other += 2 {
				var b strings.Builder
				for k := 0; k < max(q, fp, other); k++ {
					if k < q {
						b.WriteString("What did you see there?\n\n")
					}
					if k < fp {
						b.WriteString("Well, I think we saw the harbour first.\n\n")
					}
					if k < other {
						b.WriteString("The harbour was busy that year.\n\n")
					}
				}
				docs = append(docs, document.New("qa.txt", []byte(b.String()), document.Meta{}))
			}
		}
	}
	docs = append(docs, fixtureDocs(t)...)
	if !testing.Short() {
		docs = append(docs, wcxbDocs(t, "truth", "pages")...)
	}
	qa, cases := 0, 0
	for _, doc := range docs {
		spans := [][2]int{{-1, -1}}
		for k := 0; k < len(doc.Blocks); k += max(1, len(doc.Blocks)/4) {
			last := min(len(doc.Blocks)-1, k+2)
			spans = append(spans, [2]int{doc.Blocks[k].Start, doc.Blocks[last].End})
		}
		for _, s := range spans {
			got, want := genre(doc, s[0], s[1]), genreReference(doc, s[0], s[1])
			if got != want {
				t.Fatalf("%s without %d-%d: genre %q, reference %q", doc.Path, s[0], s[1], got, want)
			}
			if got == genreQA {
				qa++
			}
			cases++
		}
	}
	if qa == 0 {
		t.Fatal("no Q&A interview among the texts: the test shows little")
	}
	t.Logf("%d cases, %d Q&A", cases, qa)
}
