package boilerplate

import (
	"bytes"
	"math"
	"math/rand"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/shareddata"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// The fast paths of the family (table-driven normalisation, the packed
// stop-word table, the flat tree walk, the lexicon table, one lookup per
// line for all phrase families, ASCII line shapes) are checked against
// the plain code they replaced, kept here as the reference.

// sampleLines returns the seeds' lines, tricky hand-written lines and
// pseudo-random lines mixing ASCII, multi-byte letters, digits, tags,
// typographic quotes and invalid bytes.
func sampleLines(t *testing.T) [][]byte {
	t.Helper()
	var out [][]byte
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		_, text := ruletest.Seed(t, n)
		for _, l := range strings.Split(text, "\n") {
			out = append(out, []byte(l))
		}
	}
	for _, l := range []string{
		"", " ", "**3 MIN. READ**", "Share the Post:", "Home › News › World", "<b>Login</b> | <a href=x>Register</a>",
		"© 2025 Example Media. All rights reserved.", "Photo: Jane Doe/Reuters", "It’s 12,000 — or 12.5%?",
		"ÉTÉ À PARIS", "Ⱥ ⱥ İstanbul ß ẞ K", "a<b c>d <notatag", "\xff\xfe broken \xc3", "١٢٣ arabic digits ٤",
		"Tab\tseparated\u00a0nbsp", "   trailing spaces   ", "x@y.z & 'quoted'", "#hashtag ##",
	} {
		out = append(out, []byte(l))
	}
	rng := rand.New(rand.NewSource(1))
	pieces := []string{"a", "Z", "7", "42", " ", "  ", "<", ">", "<br/>", "</u>", "é", "É", "ß", "ẞ", "’", "'", "&", "@", "©",
		"-", ".", ":", "?", "\t", "\u00a0", "\xff", "İ", "Ⱥ", "日本", "٣", "|", "»", "•"}
	for range 3000 {
		var b []byte
		for range rng.Intn(30) {
			b = append(b, pieces[rng.Intn(len(pieces))]...)
		}
		out = append(out, b)
	}
	return out
}

// normaliseReference is normalise before the table-driven fast path.
func normaliseReference(line []byte) string {
	var b strings.Builder
	space, digits := true, false
	emit := func(r rune) {
		switch {
		case r == ' ':
			if !space {
				b.WriteByte(' ')
			}
			space, digits = true, false
			return
		case r < utf8.RuneSelf:
			b.WriteByte(byte(r))
		default:
			b.WriteRune(r)
		}
		space = false
	}
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRune(line[i:])
		if r == '<' {
			if end := bytes.IndexByte(line[i:], '>'); end > 0 && end < 40 && isTag(line[i+1:i+end]) {
				i += end + 1
				emit(' ')
				continue
			}
		}
		i += size
		switch {
		case unicode.IsDigit(r):
			if !digits {
				emit('#')
				digits = true
			}
			continue
		case unicode.IsLetter(r) || r == '\'' || r == '&' || r == '@' || r == '©':
			emit(unicode.ToLower(r))
		case r == '\u2019':
			emit('\'')
		default:
			emit(' ')
		}
		digits = false
	}
	return strings.TrimSpace(b.String())
}

func TestNormaliseMatchesReference(t *testing.T) {
	buf := []byte("prefix ")
	for _, l := range sampleLines(t) {
		want := normaliseReference(l)
		if got := normalise(l); got != want {
			t.Fatalf("normalise(%q) = %q, want %q", l, got, want)
		}
		// Appending after existing bytes keeps them and trims only the new part.
		if got := appendNormal(buf, l); string(got) != "prefix "+want {
			t.Fatalf("appendNormal(%q) = %q", l, got)
		}
	}
}

// BenchmarkNormalise normalises every line of the WCXB dev pages short
// enough for the phrase families (about 11 MB).
func BenchmarkNormalise(b *testing.B) {
	docs, _ := ruletest.WCXBDocs(b, "pages", document.Meta{})
	var lines [][]byte
	var size int64
	for _, d := range docs {
		for _, l := range d.Lines {
			if l.End-l.Start <= maxPhraseLine {
				lines = append(lines, bytes.TrimSpace(d.Src[l.Start:l.End]))
				size += int64(l.End - l.Start)
			}
		}
	}
	buf := make([]byte, 0, maxPhraseLine)
	ruletest.MeasureCPU(b, size, func() {
		for _, l := range lines {
			buf = appendNormal(buf[:0], l)
		}
	})
}

// BenchmarkMatchAll matches every candidate line of the WCXB dev pages
// against all phrase families.
func BenchmarkMatchAll(b *testing.B) {
	docs, _ := ruletest.WCXBDocs(b, "pages", document.Meta{})
	var norms []string
	var texts [][]byte
	var size int64
	for _, d := range docs {
		eachCandidateLine(d, func(_, _, _ int, raw, norm []byte) {
			norms = append(norms, string(norm))
			texts = append(texts, raw)
			size += int64(len(raw))
		})
	}
	ruletest.MeasureCPU(b, size, func() {
		for i, norm := range norms {
			matchAll(norm, texts[i])
		}
	})
}

// stopWordReference is isStopWord before the packed table.
func stopWordReference(w []byte) bool {
	if len(w) == 0 || len(w) > maxStopWord {
		return false
	}
	lw := []byte(string(w))
	if lw[0] >= 'A' && lw[0] <= 'Z' {
		lw[0] += 'a' - 'A'
	}
	return stopWords[string(lw)]
}

func TestStopWordTable(t *testing.T) {
	for w := range stopWords {
		if !isStopWord([]byte(w)) {
			t.Errorf("isStopWord(%q) = false", w)
		}
		if r, size := utf8.DecodeRuneInString(w); r >= 'a' && r <= 'z' {
			up := string(unicode.ToUpper(r)) + w[size:]
			if !isStopWord([]byte(up)) {
				t.Errorf("isStopWord(%q) = false", up)
			}
		}
	}
	for _, w := range []string{"", "x", "THE", "tHe", "thee", "them!", "betweens", "Über", "Été", "i\x00", "\x00the", "overlong-word"} {
		if got, want := isStopWord([]byte(w)), stopWordReference([]byte(w)); got != want {
			t.Errorf("isStopWord(%q) = %v, want %v", w, got, want)
		}
	}
	// Words inside a text are read eight bytes at a time, past their end
	// when the text goes on: what follows must not count.
	words := []string{"", "x", "thee", "The", "betweens", "i\x00"}
	for w := range stopWords {
		words = append(words, w, w[:len(w)-1], w+"s")
	}
	for _, w := range words {
		for _, after := range []string{"", "s", " the", "\x00\x00\x00\x00\x00\x00\x00\x00\x00"} {
			text := []byte("An " + w + after)
			in := text[3 : 3+len(w)]
			if got, want := isStopWord(in), stopWordReference([]byte(w)); got != want {
				t.Errorf("isStopWord(%q before %q) = %v, want %v", w, after, got, want)
			}
		}
	}
}

// walkTrees is predict's plain node walk.
func walkTrees(m *lineModel, x []float32) float32 {
	saved := m.flat
	m.flat = nil
	defer func() { m.flat = saved }()
	return m.predict(x)
}

func TestFlatForestMatchesNodeWalk(t *testing.T) {
	m := mustParseModel(lineModelText)
	if m.flat == nil {
		t.Fatal("the embedded trees were not flattened")
	}
	// Real feature vectors of the seeds and random ones around the
	// trees' thresholds.
	var xs [][]float32
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		_, text := ruletest.Seed(t, n)
		_, x := LineFeatures(document.New("seed.txt", []byte(text), document.Meta{}))
		xs = append(xs, x...)
	}
	rng := rand.New(rand.NewSource(2))
	for k := range 500 {
		x := make([]float32, len(featureNames))
		for i := range x {
			x[i] = float32(rng.NormFloat64() * 3)
		}
		// NaN and infinite features go the node walk's way too.
		if k%5 == 0 {
			for range 10 {
				x[rng.Intn(len(x))] = []float32{float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1))}[rng.Intn(3)]
			}
		}
		xs = append(xs, x)
	}
	out := make([]float32, len(xs))
	m.predictAll(xs, out)
	for i, x := range xs {
		want := walkTrees(m, x)
		if got := m.predict(x); got != want {
			t.Fatalf("row %d: flat %v, node walk %v", i, got, want)
		}
		if out[i] != want {
			t.Fatalf("row %d: in a batch %v, node walk %v", i, out[i], want)
		}
	}
	// The batch walk tests x > threshold: it is left off when a threshold
	// is not finite.
	if m.flat.batch == nil {
		t.Fatal("the embedded trees have no batch form")
	}
	for _, bad := range []float32{float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1))} {
		if batchNodes([]flatNode{{0, 1}, {1, bad}}) != nil {
			t.Errorf("threshold %v: batch form made", bad)
		}
	}
	// A tree with a leaf above the full depth is padded, not misread.
	shallow := [][]treeNode{{
		{feature: 0, threshold: 1, left: 1, right: 2},
		{feature: -1, value: 0.5},
		{feature: 1, threshold: -1, left: 3, right: 4},
		{feature: -1, value: -2},
		{feature: -1, value: 3},
	}}
	f := flatten(shallow)
	for _, x := range [][]float32{{0, 0}, {2, -5}, {2, 5}, {1, -1}} {
		sm := &lineModel{trees: shallow}
		if got, want := f.predict(0, x), sm.predict(x); got != want {
			t.Errorf("padded tree at %v: %v, want %v", x, got, want)
		}
	}
}

// BenchmarkPredict scores the lines the rule scores on the first 200
// WCXB dev pages (about 30,000 feature vectors).
func BenchmarkPredict(b *testing.B) {
	docs, _ := ruletest.WCXBDocs(b, "pages", document.Meta{})
	m := embeddedModel()
	var x [][]float32
	for _, d := range docs[:min(200, len(docs))] {
		a := newAnalysis(d)
		rows := a.features(m.lexIdx, a.scoredByRule, nil)
		x = append(x, rows...)
	}
	out := make([]float32, len(x))
	for b.Loop() {
		m.predictAll(x, out)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(x)), "ns/line")
}

func TestLexIndexMatchesMap(t *testing.T) {
	lex := embeddedModel().lex
	idx := newLexIndex(lex)
	for w, v := range lex {
		if got, ok := idx.get(w); !ok || got != v {
			t.Fatalf("get(%q) = %v, %v; want %v", w, got, ok, v)
		}
	}
	for _, w := range []string{"", "zzzz", "#x", "the the", strings.Repeat("a", 40)} {
		_, want := lex[w]
		if _, ok := idx.get(w); ok != want {
			t.Errorf("get(%q) found = %v, want %v", w, ok, want)
		}
	}
	// lexScore compares words shorter than eight bytes packed: every
	// lexicon word is found alone, and its neighbours by a byte are found
	// only when they are lexicon words too.
	for w, v := range lex {
		if s := lexScore(w, idx); s.known != 1 || s.mean != v {
			t.Fatalf("lexScore(%q) = %+v, want %v", w, s, v)
		}
		for _, near := range []string{w + "s", w[:len(w)-1], "x" + w} {
			if strings.Contains(near, " ") || near == "" {
				continue
			}
			_, want := lex[near]
			if s := lexScore(near, idx); (s.known == 1) != want {
				t.Fatalf("lexScore(%q) known %v, want %v", near, s.known, want)
			}
		}
	}
}

// matchAllReference is matchAll with each family's own maps.
func matchAllReference(norm, raw string) (best phraseMatch, each familyMatches) {
	n := wordCount(norm)
	if n > maxFamilyWords {
		return noMatch, each
	}
	first, _, _ := strings.Cut(norm, " ")
	for i, f := range allFamilies {
		m := f.matchWords(norm, []byte(raw), &raw, n, n <= maxExactWords && f.exact[norm], f.starts[first])
		switch m {
		case certainMatch:
			each.certain |= 1 << i
		case likelyMatch:
			each.likely |= 1 << i
		}
	}
	switch {
	case each.certain != 0:
		best = certainMatch
	case each.likely != 0:
		best = likelyMatch
	}
	return best, each
}

func TestMatchAllMatchesPerFamilyMaps(t *testing.T) {
	lines := sampleLines(t)
	for _, f := range allFamilies {
		for _, p := range append(slices.Clone(f.Exact), f.Prefixes...) {
			lines = append(lines, []byte(p), []byte(p+": more"), []byte(strings.ToUpper(p)+"?"))
		}
		// Vocabulary lines, with and without words from elsewhere.
		for i := 1; i < len(f.Vocabulary); i++ {
			pair := f.Vocabulary[i-1] + " " + f.Vocabulary[i]
			lines = append(lines, []byte(pair), []byte(pair+" & more"), []byte("# "+pair), []byte("& "+pair), []byte("more "+pair), []byte(pair+", "+pair))
		}
	}
	matched := 0
	for _, l := range lines {
		raw := bytes.TrimSpace(l)
		norm := normalise(raw)
		if norm == "" {
			continue
		}
		gb, ge := matchAll(norm, raw)
		wb, we := matchAllReference(norm, string(raw))
		if gb != wb || ge != we {
			t.Fatalf("matchAll(%q) = %v %v, want %v %v", raw, gb, ge, wb, we)
		}
		if gb != noMatch {
			matched++
		}
	}
	if matched < 100 {
		t.Errorf("only %d sample lines matched a family: the comparison proves little", matched)
	}
}

// measureLineReference is measureLine before the ASCII tables.
func measureLineReference(a *analysis, c candidate) lineShape {
	var s lineShape
	l := a.doc.Lines[c.line]
	for _, t := range a.doc.TokensIn(l.Start, l.End) {
		if t.Kind != document.Word {
			continue
		}
		w := a.doc.Src[t.Start:t.End]
		s.words++
		s.wordBytes += len(w)
		if stopWordReference(w) {
			s.stops++
		}
		r, _ := utf8.DecodeRune(w)
		if unicode.IsUpper(r) {
			s.title++
			if len(w) > 1 && bytes.Equal(bytes.ToUpper(w), w) {
				s.caps++
			}
		}
	}
	for _, r := range string(c.text) {
		switch {
		case unicode.IsLetter(r):
			s.letters++
		case unicode.IsDigit(r):
			s.digits++
		case r == '|' || r == '·' || r == '•' || r == '»' || r == '›' || r == '/' || r == '>':
			s.seps++
			s.punct++
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			s.punct++
		}
	}
	raw := c.text
	s.sentence = endsSentence(raw)
	s.colon = bytes.HasSuffix(raw, []byte(":"))
	s.question = bytes.HasSuffix(bytes.TrimRight(raw, " \"'\u201d)"), []byte("?"))
	first, _ := utf8.DecodeRune(raw)
	s.lower = unicode.IsLower(first)
	s.bullet = first == '-' || first == '*' || first == '•' || first == '#' || unicode.IsDigit(first)
	return s
}

func TestMeasureLineMatchesReference(t *testing.T) {
	var text bytes.Buffer
	for _, l := range sampleLines(t) {
		text.Write(l)
		text.WriteString("\n\n")
	}
	a := newAnalysis(document.New("sample.txt", text.Bytes(), document.Meta{}))
	if len(a.cands) < 1000 {
		t.Fatalf("only %d candidate lines", len(a.cands))
	}
	for _, c := range a.cands {
		if got, want := a.measureLine(c), measureLineReference(a, c); got != want {
			t.Fatalf("measureLine(%q) = %+v, want %+v", c.text, got, want)
		}
		want := measureLineReference(a, c)
		if got := a.isShortLine(c); got != (want.words <= shortMaxWords && !want.sentence) {
			t.Fatalf("isShortLine(%q) = %v", c.text, got)
		}
	}
}

// The cheap tests in front of the families' regular expressions pass
// every line the expressions match: crafted matches, the sample lines
// and, when ../shared is present, every line of the WCXB dev pages the families read.
func TestRegexpPrefiltersPassMatches(t *testing.T) {
	crafted := []string{"5 min read", "5min read", "Reading time: 5 min", "Estimated reading time about 3 minutes read",
		"3 Minuten Lesezeit", "Lesezeit 4 min", "5 mins read", "Temps de lecture 3 min", "2 reading time",
		"12 Comments", "View all comments", "Kommentare", "Replies 4", "Comentarios", "Show 12 comments",
		"$29.99 at Amazon", "Buy it at Walmart", "€15 on Zalando", "£ 20, $25 from Target", "Check price at Best Buy",
		"See it on Amazon", "Get it at REI"}
	matched := map[string]int{}
	check := func(raw []byte) {
		norm := normalise(raw)
		lower := strings.ToLower(string(bytes.TrimSpace(raw)))
		if readingTimeWhole.MatchString(norm) || readingTimeShape.MatchString(norm) {
			matched["reading time"]++
			if !hasAnySuffix(norm, readingTimeEnds) {
				t.Errorf("reading time %q: prefilter rejects a match", norm)
			}
		}
		if commentsShape.MatchString(norm) {
			matched["comments"]++
			if !containsAnyOf(norm, commentsWords) {
				t.Errorf("comments %q: prefilter rejects a match", norm)
			}
		}
		if shoppingShape.MatchString(lower) {
			matched["shopping"]++
			if !hasAnyPrefix(lower, shoppingStarts) {
				t.Errorf("shopping %q: prefilter rejects a match", lower)
			}
		}
	}
	for _, l := range crafted {
		check([]byte(l))
	}
	for _, what := range []string{"reading time", "comments", "shopping"} {
		if matched[what] < 5 {
			t.Errorf("only %d crafted %s lines match", matched[what], what)
		}
	}
	for _, l := range sampleLines(t) {
		check(l)
	}
	t.Run("wcxb", func(t *testing.T) {
		if testing.Short() {
			t.Skip("three seconds of regular expressions")
		}
		paths, err := shareddata.WCXBFiles("pages")
		if err != nil {
			t.Skip(err)
		}
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			for l := range bytes.Lines(src) {
				if len(l) <= maxPhraseLine {
					check(l)
				}
			}
		}
	})
}

// The token cursor gives TokensIn's tokens for spans in order, and
// searches for a span out of order.
func TestTokenCursorMatchesTokensIn(t *testing.T) {
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		_, text := ruletest.Seed(t, n)
		doc := document.New("seed.txt", []byte(text), document.Meta{})
		var spans [][2]int
		for _, b := range doc.Blocks {
			spans = append(spans, [2]int{b.ContentStart, b.End})
		}
		for _, l := range doc.Lines {
			spans = append(spans, [2]int{l.Start, l.End}, [2]int{l.Start, l.Start}, [2]int{l.Start + 1, l.End - 1})
		}
		rng := rand.New(rand.NewSource(3))
		for range 200 {
			start := rng.Intn(len(text) + 1)
			spans = append(spans, [2]int{start, start + rng.Intn(200)})
		}
		// In order of their starts, as the analysis takes them, then all
		// of them as they come (out of order).
		sorted := slices.Clone(spans)
		slices.SortStableFunc(sorted, func(x, y [2]int) int { return x[0] - y[0] })
		for _, order := range [][][2]int{sorted, spans} {
			c := newTokenCursor(doc)
			for _, sp := range order {
				if got, want := c.in(sp[0], sp[1]), doc.TokensIn(sp[0], sp[1]); !slices.Equal(got, want) {
					t.Fatalf("seed %s: tokens in %v: %v, want %v", n, sp, got, want)
				}
			}
		}
	}
}

// The corpus pass hashes lines in a buffer, the check pass the analysis'
// strings: both must give the same fingerprints.
func TestCollectHashesLikeTheAnalysis(t *testing.T) {
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		_, text := ruletest.Seed(t, n)
		doc := document.New("seed.txt", []byte(text), document.Meta{Source: "s"})
		got := slices.Sorted(slices.Values(collectTemplates(doc, nil).(*templateFacts).single))
		var want []uint64
		for _, c := range newAnalysis(doc).cands {
			if !legitRepeats[c.norm] {
				want = append(want, fingerprint(c.norm))
			}
		}
		slices.Sort(want)
		want = slices.Compact(want)
		if !slices.Equal(got, want) || len(want) == 0 {
			t.Errorf("seed %s: collected %d fingerprints, the analysis has %d", n, len(got), len(want))
		}
	}
}

// The run phase looks lines up in the frequent lines of their source: the
// same counts as the source's map for every line at min-docs or above,
// none below, per source and per min-docs.
func TestFrequentLinesKeepCounts(t *testing.T) {
	var facts rules.Summary
	for i, lines := range []string{"a\n\nb\n\nc", "a\n\nb", "a", "x\n\ny"} {
		src := "s"
		if i == 3 {
			src = "t"
		}
		doc := document.New("d.txt", []byte(lines), document.Meta{Source: src})
		if s := collectTemplates(doc, nil); facts == nil {
			facts = s
		} else {
			facts = mergeTemplates(facts, s)
		}
	}
	f := facts.(*templateFacts).counted()
	if n := f.lines["s"][fingerprint("a")]; n != 3 {
		t.Fatalf("line a counted in %d documents of source s, want 3", n)
	}
	for _, minDocs := range []int{1, 2, 3, 4} {
		for _, src := range []string{"s", "t", "none"} {
			got := f.frequentLines(src, minDocs)
			for _, line := range []string{"a", "b", "c", "x", "y", "z"} {
				fp := fingerprint(line)
				want := f.lines[src][fp]
				if want < minDocs {
					want = 0
				}
				if got[fp] != want {
					t.Errorf("source %s, min-docs %d: %q counted %d, want %d", src, minDocs, line, got[fp], want)
				}
			}
		}
	}
}

// lexScoreReference is lexScore with the plain split and the map.
func lexScoreReference(norm string, lex Lexicon) lexStats {
	var s lexStats
	n, known := 0, 0
	sum := float32(0)
	for len(norm) > 0 {
		w := norm
		if i := strings.IndexByte(norm, ' '); i >= 0 {
			w, norm = norm[:i], norm[i+1:]
		} else {
			norm = ""
		}
		n++
		v, ok := lex[w]
		if !ok {
			continue
		}
		if known == 0 || v > s.max {
			s.max = v
		}
		if known == 0 || v < s.min {
			s.min = v
		}
		known++
		sum += v
	}
	if n > 0 {
		s.mean = sum / float32(n)
		s.known = float32(known) / float32(n)
	}
	return s
}

func TestLexScoreMatchesReference(t *testing.T) {
	m := embeddedModel()
	norms := []string{"", " ", "a", "a ", " a", "a  b", "a  ", "share this article", "newsletter abonnieren jetzt",
		"# min read", "subscribe to our newsletter for the latest updates on everything", "verylongwordthatexceedseightbytes x"}
	for _, l := range sampleLines(t) {
		norms = append(norms, normalise(l))
	}
	for w := range m.lex {
		norms = append(norms, w, "x "+w+" y")
	}
	for _, norm := range norms {
		if got, want := lexScore(norm, m.lexIdx), lexScoreReference(norm, m.lex); got != want {
			t.Fatalf("lexScore(%q) = %+v, want %+v", norm, got, want)
		}
	}
}

// TestLexScoreWordEdges checks lexScore's eight-byte split against the
// reference on texts whose spaces fall at every place of a pack: words
// of every length up to 20 (lexicon words and others), empty words
// between two spaces, and spaces at either end.
func TestLexScoreWordEdges(t *testing.T) {
	m := embeddedModel()
	words := []string{""}
	for w := range m.lex {
		if len(words) > 40 {
			break
		}
		words = append(words, w)
	}
	for n := 1; n <= 20; n++ {
		words = append(words, strings.Repeat("q", n))
	}
	rng := rand.New(rand.NewSource(9))
	for range 20000 {
		parts := make([]string, rng.Intn(6))
		for i := range parts {
			parts[i] = words[rng.Intn(len(words))]
		}
		norm := strings.Join(parts, " ")
		if got, want := lexScore(norm, m.lexIdx), lexScoreReference(norm, m.lex); got != want {
			t.Fatalf("lexScore(%q) = %+v, want %+v", norm, got, want)
		}
	}
}
