package boilerplate

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// The line model's features: numbers computed from the shared analysis
// (the body found, the phrase families' matches, the structure rule's
// verdicts) for every candidate line, plus the same shape numbers of the
// two candidate lines before and after it. Trees split on thresholds, so
// no feature needs scaling. The order is a contract with the weights file:
// the trainer writes featureNames into it and loading checks them.

// lineShape is what the model measures of one line by itself.
type lineShape struct {
	words, stops, title, caps, letters, digits, punct, seps, wordBytes int
	sentence, colon, question, lower, bullet                           bool
}

// noNeighbour fills the neighbour features of a line at a document edge.
const noNeighbour = -1

// windowRadius is how many candidates on each side the window features
// (furniture words, sentence ends, short lines, proven furniture nearby)
// sum up.
const windowRadius = 5

// lexClip bounds a word's furniture log-odds (the trainer clips to it).
const lexClip = 4

// neighbourOffsets are the candidates around a line whose shape the model
// reads (the context window).
var neighbourOffsets = [...]int{-2, -1, 1, 2}

// neighbourRadius is the farthest neighbour the model reads.
var neighbourRadius = func() int {
	r := 0
	for _, k := range neighbourOffsets {
		r = max(r, k, -k)
	}
	return r
}()

// ownFeatureNames and neighbourFeatureNames name the features in order.
var ownFeatureNames = []string{
	"words", "bytes", "stop_rate", "ends_sentence", "ends_colon", "ends_question", "title_ratio", "caps_ratio",
	"digit_ratio", "punct_ratio", "separators", "mean_word_bytes", "starts_lower", "starts_bullet",
	"email", "web_address", "phone", "phrase_match", "proving_match", "weak_match", "end_marker", "compound",
	"structure_severity", "position", "blocks_before_body", "blocks_after_body", "rel_line", "rel_in_body",
	"good_words_after_share", "block_kind", "heading_level", "good_block", "blocks_since_good", "blocks_to_good",
	"repeats", "nav_run", "nav_distinct", "run_proven", "run_len", "near_furniture", "before_first_prose",
	"proven_within5", "short_within5", "good_within5",
	"lex_mean", "lex_max", "lex_min", "lex_known", "doc_furniture",
	"win_lex_mean", "win_lex_max", "win_sentence",
	"body_overlap", "run_figures",
}

var neighbourFeatureNames = [...]string{
	"words", "ends_sentence", "stop_rate", "phrase_match", "good_block", "title_ratio", "structure_severity",
	"lex_mean",
}

// featureNames is every feature of a line, own ones first.
var featureNames = func() []string {
	out := append([]string(nil), ownFeatureNames...)
	for _, k := range neighbourOffsets {
		for _, n := range neighbourFeatureNames {
			out = append(out, n+"@"+itoa(k))
		}
	}
	return out
}()

func itoa(k int) string {
	if k < 0 {
		return "-" + string(rune('0'-k))
	}
	return "+" + string(rune('0'+k))
}

// LineFeatureNames returns the names of the line model's features in
// order (for the trainer and its documentation).
func LineFeatureNames() []string { return append([]string(nil), featureNames...) }

// LineFeatures returns the lines of doc the line model judges (0-based
// line indexes) and their feature vectors, the same the rule computes.
// The trainer in internal/train uses it.
func LineFeatures(doc *document.Document) (lines []int, x [][]float32) {
	lines, x, _ = LineFeaturesLex(doc, embeddedModel().lex)
	return lines, x
}

// Lexicon maps a normalised word ("#" for a number) to its furniture
// log-odds: positive for words that furniture lines use more than
// article lines. The trainer learns it from the tune half, keeping only
// words seen on many sites, so no site's own strings get in.
type Lexicon map[string]float32

// LineFeaturesLex is LineFeatures with the lexicon lex instead of the
// embedded one, and also returns each judged line's normalised words (the
// trainer learns a lexicon per cross-validation fold).
func LineFeaturesLex(doc *document.Document, lex Lexicon) (lines []int, x [][]float32, words [][]string) {
	a := analyse(doc)
	all := a.features(newLexIndex(lex), a.modelJudges, nil)
	for ci, c := range a.cands {
		if all[ci] != nil {
			lines = append(lines, c.line)
			x = append(x, all[ci])
			words = append(words, strings.Fields(c.norm))
		}
	}
	return lines, x, words
}

// modelJudges reports whether the line model judges candidate ci: lines
// that a phrase rule matches or the structure rule flags at warning or
// above are those rules' to report, endnote headings are never furniture,
// and a line of figures alone that is no phone number ("4.8", "$250",
// "2", a date) is a table cell, rating or list number as often as
// furniture: out of fold on the tune half two in five such lines the
// model warned on were the article's. Judging, outside the body only,
// the figure lines before it and the phrase matches their rules leave at
// info (227 furniture lines against 7 of the article's per draw in the
// residue view, out of fold) did not hold: the refit moved the judge's
// residue recall at P 0.95 by +0.005 with draws from -0.014 to +0.014,
// and fitted on tune-a the threshold rule took gate 3 and tune-b's
// residue precision fell from 0.975 to 0.965 (2026-12-07).
func (a *analysis) modelJudges(ci int) bool {
	c := &a.cands[ci]
	return c.match == noMatch && a.structure()[ci].sev < rules.Warning && !a.inNotesZone(c.block) &&
		(!onlyFigures(c.norm) || phoneLike(c.text))
}

// features computes the feature vectors of the candidates want accepts
// (nil for the others).
// The vectors and the slice of them are cut from buf when it is large
// enough (the rule reuses one buffer for many documents, and keeps the
// memory used in it); a nil buf allocates them.
func (a *analysis) features(lex *lexIndex, want func(ci int) bool, buf *featureBuffer) [][]float32 {
	if buf == nil {
		buf = new(featureBuffer)
	}
	n := len(a.cands)
	scratch := featureScratches.Get().(*featureScratch)
	defer featureScratches.Put(scratch)
	// Only the wanted lines and their neighbours are measured: the lexicon
	// and shape of lines two away, whether lines five away are short.
	wanted := zeroed(&scratch.wanted, n)
	count := 0
	for ci := range a.cands {
		if want(ci) {
			wanted[ci] = true
			count++
		}
	}
	// toWanted[ci] is how many candidates away the nearest wanted one is.
	toWanted := zeroed(&scratch.toWanted, n)
	dist := n
	for ci := range a.cands {
		if dist = min(n, dist+1); wanted[ci] {
			dist = 0
		}
		toWanted[ci] = dist
	}
	dist = n
	for ci := n - 1; ci >= 0; ci-- {
		if dist = min(n, dist+1); wanted[ci] {
			dist = 0
		}
		toWanted[ci] = min(toWanted[ci], dist)
	}
	near := func(ci, radius int) bool { return toWanted[ci] <= radius }
	lexes := zeroed(&scratch.lexes, n)
	shapes := zeroed(&scratch.shapes, n)
	short := zeroed(&scratch.short, n)
	sentence := zeroed(&scratch.sentence, n)
	// A line's lexicon numbers depend on its normalised text alone, so a
	// text repeated on the page (a menu item, "Read more", a byline on
	// every teaser) is scored once: lexFrom[t] is 1 + the candidate whose
	// lexes hold the numbers of text t (a.textOf), 0 before the first.
	// Over the WCXB pages the model scores, a quarter of the lines looked
	// up repeat an earlier one.
	lexFrom := zeroed(&scratch.lexFrom, n)
	lexOf := func(ci int) lexStats {
		t := a.textOf[ci]
		if k := lexFrom[t]; k > 0 {
			return lexes[k-1]
		}
		lexFrom[t] = int32(ci) + 1
		return lexScore(a.cands[ci].norm, lex)
	}
	// neighbours[ci] is what the lines around candidate ci read of it,
	// made once for each line near a scored one (each is read by up to
	// four scored lines).
	neighbours := zeroed(&scratch.neighbours, n)
	verdicts := a.structure()
	for ci := range a.cands {
		c := &a.cands[ci]
		switch {
		case near(ci, neighbourRadius):
			lexes[ci] = lexOf(ci)
			// A neighbour's shape needs only its words (and the sentence
			// end): the character counts are for the lines scored.
			a.shapeWords(c, &shapes[ci])
			if wanted[ci] {
				a.shapeChars(c, &shapes[ci])
			}
			s := &shapes[ci]
			short[ci] = s.words <= shortMaxWords && !s.sentence
			sentence[ci] = s.sentence
			neighbours[ci] = neighbourValues{float32(s.words), flag(s.sentence), ratio(s.stops, s.words), float32(c.match),
				flag(a.blocks[c.block].good), ratio(s.title, s.words), float32(verdicts[ci].sev), lexes[ci].mean}
		case near(ci, windowRadius):
			short[ci] = a.shortLine(c)
			lexes[ci] = lexOf(ci)
			sentence[ci] = c.sentence
		}
	}
	overlaps := a.bodyOverlaps(wanted)
	figures := a.figureShares(wanted)
	ctx := a.ctx
	goodAfter, sinceGood, toGood := a.goodProfile(scratch)
	totalGood := 0
	for _, b := range a.blocks {
		if b.good {
			totalGood += b.words
		}
	}
	// No feature describes only the page as a whole (its share of body
	// words, its number of lines, how many blocks stand before and after
	// its body): together such numbers name a page, and trees fitted on a
	// few hundred pages learned the pages rather than the lines. Fitted on
	// tune-a without them, the model was about half a point more precise
	// on tune-b's unseen sites at the same recall. The count of proven
	// furniture lines stays: the rule's gate reads it too.
	furniture := float32(a.furnitureLines())
	// Prefix counts over the candidates for the window features:
	// counts[k] holds, for the candidates before k, how many are proven
	// furniture, short, in a good block and sentence ends.
	counts := zeroed(&scratch.counts, n+1)
	for ci := range a.cands {
		c := &a.cands[ci]
		w := counts[ci]
		w.proven += oneIf(ctx.proven[ci])
		w.short += oneIf(short[ci])
		w.good += oneIf(a.blocks[c.block].good)
		w.sentence += oneIf(sentence[ci])
		counts[ci+1] = w
	}
	out := zeroed(&buf.rows, n)
	flat := buf.flat[:0]
	if cap(flat) < count*len(featureNames) {
		flat = make([]float32, 0, count*len(featureNames))
	}
	for ci := range a.cands {
		if !wanted[ci] {
			continue
		}
		c := &a.cands[ci]
		f := flat[len(flat) : len(flat) : len(flat)+len(featureNames)]
		flat = flat[:len(flat)+len(featureNames)]
		s := shapes[ci]
		b := a.doc.Blocks[c.block]
		phone := ctx.isPhone(ci)
		f = append(f,
			float32(s.words), float32(len(c.text)), ratio(s.stops, s.words), flag(s.sentence), flag(s.colon), flag(s.question),
			ratio(s.title, s.words), ratio(s.caps, s.words), ratio(s.digits, s.letters+s.digits), ratio(s.punct, len(c.text)),
			float32(s.seps), ratio(s.wordBytes, s.words), flag(s.lower), flag(s.bullet),
			flag(bytes.IndexByte(c.text, '@') > 0 && (hasAddress(c.text) || phone)), flag(hasWebAddress(c.text)), flag(phone),
			float32(c.match), flag(provesNeighbours(c)), flag(c.matches.weakOnly()), flag(endMarker(c)), flag(c.compound),
			float32(verdicts[ci].sev), a.positionCode(c.block), float32(max(0, a.bodyFirst-c.block)), float32(max(0, c.block-a.bodyLast)),
			float32(c.line)/float32(max(1, len(a.doc.Lines))), a.relInBody(c.block),
			ratio(goodAfter[c.block], totalGood), float32(b.Kind), float32(b.Level), flag(a.blocks[c.block].good),
			float32(sinceGood[c.block]), float32(toGood[c.block]),
			float32(a.copies[ci]), float32(ctx.navRun[ci]), flag(ctx.navDistinct[ci]),
			float32(ctx.runProven[ctx.run[ci]]), float32(ctx.runLen[ctx.run[ci]]), flag(ctx.near(ci)), flag(ci < ctx.firstProse),
		)
		// The window is the candidates within windowRadius, the line
		// itself left out; the lexicon's sum keeps its order (float).
		lo, hi := max(0, ci-windowRadius), min(n-1, ci+windowRadius)
		inWindow := hi - lo
		in := counts[hi+1].minus(counts[lo]).minus(counts[ci+1].minus(counts[ci]))
		proven, shorts, good, sentences := in.proven, in.short, in.good, in.sentence
		winLex, winLexMax := float32(0), float32(-lexClip)
		for k := lo; k <= hi; k++ {
			if k != ci {
				winLex += lexes[k].mean
				winLexMax = max(winLexMax, lexes[k].mean)
			}
		}
		l := lexes[ci]
		f = append(f, float32(proven), float32(shorts), float32(good), l.mean, l.max, l.min, l.known, furniture,
			winLex/float32(max(inWindow, 1)), winLexMax, ratio(sentences, inWindow),
			overlaps[ci], figures[ci])
		for _, off := range neighbourOffsets {
			k := ci + off
			if k < 0 || k >= n {
				for range neighbourFeatureNames {
					f = append(f, noNeighbour)
				}
				continue
			}
			f = append(f, neighbours[k][:]...)
		}
		out[ci] = f
	}
	buf.flat = flat
	return out
}

// featureScratch is features' working memory, recycled between documents:
// per-candidate slices that nothing keeps after the call (the vectors
// themselves live in the caller's buffer).
type featureScratch struct {
	wanted, short, sentence []bool
	toWanted                []int
	lexFrom                 []int32
	// goodProfile's, per block.
	goodAfter, sinceGood, toGood []int
	// figureShares' (which takes a scratch of its own).
	counted                   []bool
	prefix, runFirst, runLast []int
	lexes                     []lexStats
	neighbours                []neighbourValues
	shapes                    []lineShape
	counts                    []windowCounts
}

var featureScratches = sync.Pool{New: func() any { return new(featureScratch) }}

// zeroed returns *s cut or grown to n zero values, keeping the larger
// memory in *s for the next call.
func zeroed[T any](s *[]T, n int) []T {
	if cap(*s) < n {
		*s = make([]T, n)
	} else {
		*s = (*s)[:n]
		clear(*s)
	}
	return *s
}

// neighbourValues are a line's features as the lines around it read
// them, in the order of neighbourFeatureNames.
type neighbourValues [len(neighbourFeatureNames)]float32

// windowCounts are the counts the window features sum up.
type windowCounts struct{ proven, short, good, sentence int }

func (w windowCounts) minus(v windowCounts) windowCounts {
	return windowCounts{w.proven - v.proven, w.short - v.short, w.good - v.good, w.sentence - v.sentence}
}

// oneIf is 1 when b holds, else 0.
func oneIf(b bool) int {
	x := 0
	if b {
		x = 1
	}
	return x
}

// goodProfile returns per block the good words in later blocks, the
// blocks since the last good block and the blocks to the next one
// (capped at 50: far is far).
// The slices are the scratch's.
func (a *analysis) goodProfile(scratch *featureScratch) (goodAfter, sinceGood, toGood []int) {
	nb := len(a.blocks)
	goodAfter, sinceGood, toGood = zeroed(&scratch.goodAfter, nb), zeroed(&scratch.sinceGood, nb), zeroed(&scratch.toGood, nb)
	const far = 50
	acc, dist := 0, far
	for bi := nb - 1; bi >= 0; bi-- {
		goodAfter[bi] = acc
		toGood[bi] = dist
		if a.blocks[bi].good {
			acc += a.blocks[bi].words
			dist = 0
		}
		dist = min(far, dist+1)
	}
	dist = far
	for bi := range a.blocks {
		sinceGood[bi] = dist
		if a.blocks[bi].good {
			dist = 0
		}
		dist = min(far, dist+1)
	}
	return goodAfter, sinceGood, toGood
}

// measureLine counts the words, function words and character classes of
// a candidate line from the shared tokens.
func (a *analysis) measureLine(c candidate) lineShape {
	s := a.measureWords(c)
	a.measureChars(c, &s)
	return s
}

// measureWords fills the parts of a line's shape the model reads of its
// neighbours too: words, function words, capitals and the sentence end.
func (a *analysis) measureWords(c candidate) lineShape {
	var s lineShape
	a.shapeWords(&c, &s)
	return s
}

// shapeWords is measureWords into *s (from zero), for a candidate in
// place: the candidate and the shape were copied at every call.
func (a *analysis) shapeWords(c *candidate, s *lineShape) {
	*s = lineShape{}
	// The stop words of a line that is its block are counted on from
	// where measureBlock stopped counting them.
	counted := 0
	if c.blockTokens {
		s.stops, counted = a.blocks[c.block].stops, int(a.blocks[c.block].stopsIn)
	}
	// The text and the tokens are read through locals: a.doc.Src
	// was loaded again for every word.
	src, toks := a.doc.Src, c.tokens
	for i := range toks {
		t := &toks[i]
		if t.Kind != document.Word {
			continue
		}
		w := src[t.Start:t.End]
		s.words++
		s.wordBytes += len(w)
		if i >= counted && isStopWord(w) {
			s.stops++
		}
		if startsUpper(w) {
			s.title++
			if len(w) > 1 && allUpper(w) {
				s.caps++
			}
		}
	}
	s.sentence = c.sentence
}

// measureChars fills the rest of the shape: character classes and the
// line's first and last characters.
func (a *analysis) measureChars(c candidate, s *lineShape) { a.shapeChars(&c, s) }

// shapeChars is measureChars for a candidate in place.
func (a *analysis) shapeChars(c *candidate, s *lineShape) {
	var ascii [shapeClasses]int // ASCII bytes per class, counted without branches
	// lanes counts, byte by byte, the packs' bytes of each class (a lane
	// holds at most one a pack, and a line has fewer than 255 packs).
	var lanes packLanes
	text := c.text
	for i := 0; i < len(text); {
		// Eight ASCII bytes are classed at once; a pack that holds
		// another byte is taken a rune at a time.
		if i+8 <= len(text) && len(text) < 255*8 {
			if x := binary.LittleEndian.Uint64(text[i : i+8]); x&(0x80*packOnes) == 0 {
				lanes.add(x)
				i += 8
				continue
			}
		}
		if b := text[i]; b < utf8.RuneSelf {
			ascii[asciiShape[b]]++
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		i += size
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
	ascii[shapeLetter] += laneSum(lanes.letters)
	ascii[shapeDigit] += laneSum(lanes.digits)
	ascii[shapeSep] += laneSum(lanes.seps)
	ascii[shapePunct] += laneSum(lanes.punct)
	s.letters += ascii[shapeLetter]
	s.digits += ascii[shapeDigit]
	s.seps += ascii[shapeSep]
	s.punct += ascii[shapeSep] + ascii[shapePunct]
	raw := c.text
	s.colon = bytes.HasSuffix(raw, []byte(":"))
	s.question = endsQuestion(raw)
	first, _ := utf8.DecodeRune(raw)
	s.lower = unicode.IsLower(first)
	s.bullet = first == '-' || first == '*' || first == '•' || first == '#' || unicode.IsDigit(first)
}

// endsQuestion reports whether raw ends in a question mark before any
// closing quotes, brackets and spaces: bytes.HasSuffix(bytes.TrimRight(raw,
// " \"'\u201d)"), "?"), byte by byte. TrimRight with a cutset beyond ASCII
// decodes every rune it looks at, and cost more than the rest of the
// line's shape.
func endsQuestion(raw []byte) bool {
	for len(raw) > 0 {
		switch n := len(raw); {
		case raw[n-1] == ' ' || raw[n-1] == '"' || raw[n-1] == '\'' || raw[n-1] == ')':
			raw = raw[:n-1]
		case n >= 3 && raw[n-3] == 0xe2 && raw[n-2] == 0x80 && raw[n-1] == 0x9d: // U+201D
			raw = raw[:n-3]
		default:
			return raw[n-1] == '?'
		}
	}
	return false
}

// Character classes of measureLine for ASCII, from the same tests as
// its slow path.
const (
	shapeOther = iota
	shapeLetter
	shapeDigit
	shapeSep
	shapePunct
	shapeClasses
)

var asciiShape = func() (t [utf8.RuneSelf]uint8) {
	for b := range t {
		r := rune(b)
		switch {
		case unicode.IsLetter(r):
			t[b] = shapeLetter
		case unicode.IsDigit(r):
			t[b] = shapeDigit
		case r == '|' || r == '/' || r == '>':
			t[b] = shapeSep
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			t[b] = shapePunct
		}
	}
	return t
}()

// packOnes has a one in every byte of a pack.
const packOnes = 0x0101010101010101

// packLanes counts bytes of asciiShape's classes among packs of eight
// ASCII bytes, in the eight byte lanes of a number per class: letters,
// digits, separators and the other punctuation and symbols (the
// printable bytes that are none of the others).
type packLanes struct{ letters, digits, seps, punct uint64 }

// add counts the bytes of x, eight ASCII bytes (none above 0x7f). Each
// byte's high bit answers one range test (below 0x80 a sum never carries
// into the next byte), then moves down to the lane's count.
func (l *packLanes) add(x uint64) {
	const highs = 0x80 * packOnes
	lower := x | 0x20*packOnes
	letters := (lower + 0x1f*packOnes) &^ (lower + 0x05*packOnes) & highs // 'a' to 'z'
	digits := (x + 0x50*packOnes) &^ (x + 0x46*packOnes) & highs          // '0' to '9'
	printable := (x + 0x5f*packOnes) &^ (x + 0x01*packOnes) & highs       // '!' to '~'
	seps := (equalBytes(x, '|') | equalBytes(x, '/') | equalBytes(x, '>')) & highs
	l.letters += letters >> 7
	l.digits += digits >> 7
	l.seps += seps >> 7
	l.punct += (printable &^ letters &^ digits &^ seps) >> 7
}

// laneSum adds up the eight byte lanes of counts: pairs of lanes first,
// into 16-bit lanes, whose sum the multiply gathers in the top 16 bits
// (a class of a line under 255 packs has fewer than 2,040 bytes).
func laneSum(counts uint64) int {
	const pairs = 0x00ff00ff00ff00ff
	wide := counts&pairs + counts>>8&pairs
	return int(wide * 0x0001000100010001 >> 48)
}

// equalBytes sets the high bit of each byte of x (all below 0x80) that
// is c.
func equalBytes(x uint64, c byte) uint64 {
	return ^((x ^ uint64(c)*packOnes) + 0x7f*packOnes)
}

// startsUpper reports whether w starts with an upper-case letter.
func startsUpper(w []byte) bool {
	if len(w) > 0 && w[0] < utf8.RuneSelf {
		return w[0]-'A' < 26 // 'A' to 'Z'
	}
	return startsUpperRune(w)
}

// startsUpperRune is startsUpper for a word that does not start with
// ASCII (kept apart so that the ASCII test is inlined).
func startsUpperRune(w []byte) bool {
	r, _ := utf8.DecodeRune(w)
	return unicode.IsUpper(r)
}

// allUpper reports whether upper-casing w leaves it unchanged.
func allUpper(w []byte) bool {
	for _, b := range w {
		if b >= utf8.RuneSelf {
			return bytes.Equal(bytes.ToUpper(w), w)
		}
		if b >= 'a' && b <= 'z' {
			return false
		}
	}
	return true
}

// isShortLine is measureLine's words <= shortMaxWords && !sentence
// without the rest of the shape.
func (a *analysis) isShortLine(c candidate) bool { return a.shortLine(&c) }

// shortLine is isShortLine for a candidate in place.
func (a *analysis) shortLine(c *candidate) bool {
	if c.sentence {
		return false
	}
	words := 0
	for _, t := range c.tokens {
		if t.Kind == document.Word {
			if words++; words > shortMaxWords {
				return false
			}
		}
	}
	return true
}

// positionCode is the line's place relative to the body: -1 before, 0
// inside, 1 after, 2 in a document without body paragraphs.
func (a *analysis) positionCode(bi int) float32 {
	switch {
	case a.bodyFirst < 0:
		return 2
	case bi < a.bodyFirst:
		return -1
	case bi > a.bodyLast:
		return 1
	}
	return 0
}

// relInBody is how far into the body a block lies (0 to 1), -1 outside.
func (a *analysis) relInBody(bi int) float32 {
	if !a.inBody(bi) {
		return -1
	}
	return float32(bi-a.bodyFirst) / float32(a.bodyLast-a.bodyFirst+1)
}

// weakOnly reports matches only of families that are hints.
func (m familyMatches) weakOnly() bool {
	all := m.likely | m.certain
	return all != 0 && all&provingFamilies == 0 || all&(1<<datelineFamily.index) != 0
}

// hasWebAddress reports a URL or bare domain-like "www." address.
func hasWebAddress(b []byte) bool {
	// "www." holds a dot and the schemes a colon: a line without them
	// (most) is not searched for the words.
	return bytes.IndexByte(b, '.') >= 0 && bytes.Contains(b, []byte("www.")) ||
		bytes.IndexByte(b, ':') >= 0 && (bytes.Contains(b, []byte("http://")) || bytes.Contains(b, []byte("https://")))
}

func ratio(a, b int) float32 {
	if b <= 0 {
		return 0
	}
	return float32(a) / float32(b)
}

func flag(b bool) float32 {
	if b {
		return 1
	}
	return 0
}

// lexStats sums up a line's words in the lexicon.
type lexStats struct{ mean, max, min, known float32 }

func lexScore(norm string, lex *lexIndex) lexStats {
	var s lexStats
	n, known := 0, 0
	sum := float32(0)
	// Split at spaces and hash each word in the same pass, eight bytes at
	// a time (wordHash's packs): a pack without a space is hashed whole,
	// and the first space of a pack ends the word there. The next word
	// starts a new pack right after the space.
	h, start := uint64(wordHashSeed), 0
	for i := 0; ; {
		pack, avail := uint64(0), len(norm)-i
		if avail >= 8 {
			pack, avail = le64(norm[i:i+8]), 8
		} else {
			for k := avail - 1; k >= 0; k-- {
				pack = pack<<8 | uint64(norm[i+k])
			}
		}
		space := min(firstSpace(pack), avail)
		if space == 8 {
			h = (h ^ pack) * wordHashMul
			i += 8
			continue
		}
		end := i + space
		if end == len(norm) && start == end {
			break // the text is empty or ends in a space: no last word
		}
		chunk := pack & lowBytes[space&7]
		size := end - start
		hw := wordHashEnd(h, chunk, size)
		// A word shorter than eight bytes is all in chunk: it is compared
		// packed, without reading the lexicon's strings (and without
		// cutting it out of norm).
		packed, w := uint64(0), ""
		if size < 8 {
			packed = packShort(chunk, size)
		}
		if packed == 0 {
			w = norm[start:end]
		}
		n++
		if v, ok := lex.lookupPacked(hw, packed, w); ok {
			if known == 0 || v > s.max {
				s.max = v
			}
			if known == 0 || v < s.min {
				s.min = v
			}
			known++
			sum += v
		}
		if end == len(norm) {
			break
		}
		h, start, i = wordHashSeed, end+1, end+1
	}
	if n > 0 {
		s.mean = sum / float32(n)
		s.known = float32(known) / float32(n)
	}
	return s
}

// lowBytes[k] keeps the k lowest bytes of a pack.
var lowBytes = [8]uint64{0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff, 0xffffffffffff, 0xffffffffffffff}

// firstSpace returns the index of the first space byte among the eight
// packed little-endian in x, 8 when there is none (bytes.IndexByte's
// test for a zero byte, SWAR: a borrow only reaches bytes above the
// first match, so its lowest flagged byte is exact).
func firstSpace(x uint64) int {
	const ones, highs, spaces = 0x0101010101010101, 0x8080808080808080, 0x2020202020202020
	y := x ^ spaces
	return bits.TrailingZeros64((y-ones)&^y&highs) >> 3
}

// lexIndex is a Lexicon in an open-addressing table: lexScore looks up
// every word of most lines, and a string map costs more. A slot holds
// the word's key and value side by side: a word shorter than eight bytes
// (most) is found by comparing its packed bytes with the slot's key, one
// load and one compare a probe; a longer word's key is its hash, and a
// slot with that key is checked against the word's string.
type lexIndex struct {
	slots []lexSlot
	mask  uint64
	// words holds the words longer than seven bytes (and the empty
	// word), which lexSlot.long indexes.
	words []string
}

// lexSlot is one slot of a lexIndex: key 0 is empty. The key of a word
// shorter than eight bytes is packShort of its bytes (its top byte is
// the length, 1 to 7); the key of any other word is lexLongKey of its
// hash (top byte 0xff), so the two never meet.
type lexSlot struct {
	key   uint64
	value float32
	long  int32 // the index of a long word in lexIndex.words
}

// lexLongKey is the key of a word of eight bytes or more (or the empty
// word) with hash h.
func lexLongKey(h uint64) uint64 { return h | 0xff<<56 }

// lexKey is the key of word w with hash h and packShort form packed (0
// when w is not shorter than eight bytes or is empty).
func lexKey(h, packed uint64) uint64 {
	if packed != 0 {
		return packed
	}
	return lexLongKey(h)
}

// packShort packs a word of n < 8 bytes, given as its bytes packed
// little-endian (as wordHash reads them), with its length in the top
// byte: two words pack equal exactly when they are equal. 0 never is a
// packed word (n is at least 1).
func packShort(bytes uint64, n int) uint64 { return bytes | uint64(n)<<56 }

func newLexIndex(lex Lexicon) *lexIndex {
	size := 16
	for size < 2*len(lex) {
		size *= 2
	}
	// Sized up front: the model's lexicon is indexed in every process
	// that lints a page, and growing the lists was a third of that.
	x := &lexIndex{slots: make([]lexSlot, size), mask: uint64(size - 1)}
	for w, v := range lex {
		h := wordHash(w)
		slot := lexSlot{key: lexKey(h, packString(w)), value: v}
		if slot.key&(0xff<<56) == 0xff<<56 {
			slot.long = int32(len(x.words))
			x.words = append(x.words, w)
		}
		i := h & x.mask
		for x.slots[i].key != 0 {
			i = (i + 1) & x.mask
		}
		x.slots[i] = slot
	}
	return x
}

// packString is packShort of w when it has 1 to 7 bytes, else 0.
func packString(w string) uint64 {
	if len(w) == 0 || len(w) >= 8 {
		return 0
	}
	var b uint64
	for i := len(w) - 1; i >= 0; i-- {
		b = b<<8 | uint64(w[i])
	}
	return packShort(b, len(w))
}

// wordHash is a cheap hash of a short word: its bytes packed eight at a
// time (little-endian), each pack multiplied in, then the rest and the
// length. lexScore computes the same steps while it splits a line.
func wordHash(w string) uint64 {
	h, n := uint64(wordHashSeed), len(w)
	for len(w) >= 8 {
		h = (h ^ le64(w[:8])) * wordHashMul
		w = w[8:]
	}
	var tail uint64
	for i := len(w) - 1; i >= 0; i-- {
		tail = tail<<8 | uint64(w[i])
	}
	return wordHashEnd(h, tail, n)
}

const (
	wordHashSeed = 0xcbf29ce484222325
	wordHashMul  = 0x9E3779B97F4A7C15
)

// wordHashEnd mixes in the last, partial pack and the word's length.
func wordHashEnd(h, tail uint64, n int) uint64 {
	h = ((h^tail)*wordHashMul ^ uint64(n)) * wordHashMul
	return h ^ h>>29
}

func (x *lexIndex) get(w string) (float32, bool) { return x.lookup(wordHash(w), w) }

// lookup is get with the word's hash already computed.
func (x *lexIndex) lookup(h uint64, w string) (float32, bool) {
	return x.lookupPacked(h, packString(w), w)
}

// lookupPacked is lookup given also the word packed by packShort when
// it is shorter than eight bytes (0 otherwise, and for the empty word).
func (x *lexIndex) lookupPacked(h, packed uint64, w string) (float32, bool) {
	key := lexKey(h, packed)
	for i := h & x.mask; ; i = (i + 1) & x.mask {
		s := &x.slots[i]
		switch {
		case s.key == key && (packed != 0 || x.words[s.long] == w):
			return s.value, true
		case s.key == 0:
			return 0, false
		}
	}
}

// furnitureLines counts the lines other rules already show to be
// furniture: a strong phrase match or a structure warning. A clean
// article has none; furniture comes in clusters. The article's own
// masthead before its body (byline, date, reading time) does not count.
// Computed once per document (the gate, the features and the rule ask).
func (a *analysis) furnitureLines() int {
	a.furnitureOnce.Do(func() { a.furniture = a.countFurnitureLines() })
	return a.furniture
}

// countFurnitureLines is furnitureLines, computed.
func (a *analysis) countFurnitureLines() int {
	n := 0
	for ci := range a.cands {
		c := &a.cands[ci]
		if a.mastheadLine(c) {
			continue
		}
		if (c.matches.likely|c.matches.certain)&strongFamilies != 0 || a.structure()[ci].sev >= rules.Warning {
			n++
		}
	}
	return n
}

// strongFamilies are the families whose matches are more than hints.
var strongFamilies = func() uint32 {
	var bits uint32
	for i, f := range allFamilies {
		if !f.Weak && !f.Isolated && !f.BodyHint {
			bits |= 1 << i
		}
	}
	return bits
}()

// figureRadius is how far figureShares looks on each side.
const figureRadius = 20

// figureShares returns, for every candidate want accepts, the share of
// figure lines among the candidates within figureRadius of it in its run
// (no body paragraph between): a table of figures or a ranked list ("8.
// Boston, MA", "91.0", "+5.5%") is article content even where it stands
// after the last body paragraph, and a menu or footer has few of them.
func (a *analysis) figureShares(want []bool) []float32 {
	n := len(a.cands)
	// Only lines within figureRadius of a wanted one are ever counted.
	scratch := featureScratches.Get().(*featureScratch)
	defer featureScratches.Put(scratch)
	counted := zeroed(&scratch.counted, n)
	next := 0 // the first candidate not yet marked
	for ci := range a.cands {
		if want[ci] {
			for k := max(next, ci-figureRadius); k < n && k <= ci+figureRadius; k++ {
				counted[k] = true
				next = k + 1
			}
		}
	}
	// prefix[k] counts the figure lines among candidates before k.
	prefix := zeroed(&scratch.prefix, n+1)
	for ci := range a.cands {
		c := &a.cands[ci]
		prefix[ci+1] = prefix[ci]
		if counted[ci] && figureLine(c.norm) {
			prefix[ci+1]++
		}
	}
	// runFirst[k] and runLast[k] bound the stretch of candidates around k
	// in k's run.
	run := a.ctx.run
	runFirst, runLast := zeroed(&scratch.runFirst, n), zeroed(&scratch.runLast, n)
	for ci := range a.cands {
		runFirst[ci] = ci
		if ci > 0 && run[ci-1] == run[ci] {
			runFirst[ci] = runFirst[ci-1]
		}
	}
	for ci := n - 1; ci >= 0; ci-- {
		runLast[ci] = ci
		if ci+1 < n && run[ci+1] == run[ci] {
			runLast[ci] = runLast[ci+1]
		}
	}
	out := make([]float32, n)
	for ci := range a.cands {
		if !want[ci] {
			continue
		}
		lo, hi := max(runFirst[ci], ci-figureRadius), min(runLast[ci], ci+figureRadius)
		out[ci] = float32(prefix[hi+1]-prefix[lo]) / float32(hi-lo+1)
	}
	return out
}

// figureLine reports a normalised line that starts with a number (a
// ranked or numbered item) or whose words are mostly numbers.
func figureLine(norm string) bool {
	if strings.HasPrefix(norm, "#") {
		return true
	}
	if strings.IndexByte(norm, '#') < 0 {
		return false // no number at all (most lines)
	}
	// Normalised words are separated by single spaces; a number is "#".
	words, numbers := 0, 0
	for start := 0; start < len(norm); {
		end := strings.IndexByte(norm[start:], ' ')
		if end < 0 {
			end = len(norm) - start
		}
		if end > 0 {
			words++
			if norm[start:start+end] == "#" {
				numbers++
			}
		}
		start += end + 1
	}
	return words > 0 && 2*numbers >= words
}
