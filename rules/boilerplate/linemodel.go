package boilerplate

import (
	_ "embed"
	"encoding/binary"
	"math"
	"strconv"
	"sync"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/rules"
)

// LineModel flags the lines a learned classifier scores as furniture: a
// small ensemble of gradient-boosted decision trees over the features in
// linefeatures.go, trained on the tune half of the WCXB dev pages.
var LineModel = &rules.Rule{
	ID:      "boilerplate/line-model",
	Summary: "a line that a classifier trained on labelled pages scores as page furniture",
	Doc: `Scores every standalone line with a small gradient-boosted tree ensemble
(100 trees of depth 5, learning rate 0.15: out of fold as accurate as 200
trees at 0.1, at half the cost) over per-line features of the shared analysis: the line's
length, share of function words, sentence end, colon, question mark,
title-case, capitals, digits, punctuation and separators, e-mail, web
address or phone number, the phrase families' matches, the structure
rule's verdict, its position relative to the article's main body (before,
inside, after, how far, how much body text follows), block kind, repeats, the run of
short lines it stands in, the furniture near it and in the whole
document, the furniture log-odds of its words (a learned lexicon), the
same shape numbers of the two lines before and after it, the furniture
words and sentence ends of the five lines on each side, and how many of
its content words the body itself uses (a headline, subheading or caption
shares them with its article; a menu item, a teaser for another article
or a sign-up prompt does not: evidence that needs no word list), and the
share of figure lines (numbers, ranked items) among the 20 lines on each
side (a table or ranked list is content even after an early body end).
Real paragraphs inside the body are not scored (never a warning there),
nor are lines of figures alone that are no phone number ("4.8", "$250",
"2", a date: ratings, prices, list numbers and table cells as often as
furniture; out of fold two in five such lines the model warned on were
the article's).

The trees were fitted only on the tune half of the WCXB dev pages
(residue and whole-page views, content and title lines as negatives,
boilerplate lines as positives, mixed and notext lines left out) plus the
lines of the tune half's clean truth texts as extra negatives:

	go run ./rules/boilerplate/internal/train

which rewrites rules/boilerplate/linemodel.txt deterministically (about
five minutes on two cores) and picks the thresholds by 4-fold
cross-validation by site inside the tune half, the folds drawn twice and
pooled (false alarms cluster on a few pages, so one draw's luck moves the
estimate by a point or two): warning at the lowest
score where the family's residue precision at warning and above reaches
0.95 on the 5% bootstrap bound over pages (and its whole-page precision
0.95) with at most 0.8% of clean truth texts alarmed (0.905 now, where
the cross-validated residue recall is 0.491), info
where the model's own lines reach 0.8 precision (0.685), error where they
reach 0.99 (1.0 now). No feature
describes only the page as a whole (its number of lines, its share of
body words, the blocks before and after its body): such numbers together
name a page, and trees fitted on a few hundred pages learned pages
instead of lines. A line is
reported only in a document with at least two lines of proven
furniture (strong phrase matches, structure warnings; the article's
masthead before its body, its byline, date and reading time, not
counted), or with at least one and two lines the model itself scores
0.98 or more (a menu no rule proves on a page with one proven share
prompt): furniture comes in clusters, a clean article has none, and
without proven furniture the model stays silent whatever it scores.
Out of fold (six draws of the site folds) this second way added 0.8
points of residue recall at equal precision (every draw +0.005 to
+0.012) and alarmed no clean truth text. The lexicon feature (each word's
furniture log-odds) keeps only words seen on at least 12 sites and 30
lines of the tune half, so no site's own strings get in.

Lines that a phrase rule matches or that the structure rule flags at
warning or above are left to those rules; endnote headings are never
flagged. The severity follows the score (error, warning, info at the
thresholds in the weights file); the message gives the score and the
evidence around the line. Warnings carry a fix that removes the line with
its blank separator; it is unsafe: a classifier is a guess. Info findings
are hints without a fix.`,
	Bad: "Europe\n\nCoalition agrees on security plan for Ukraine\n\nJane Doe\n\n4 September 2025\n\n" +
		"The ministers agreed on the plan after a long night of talks, and they said that it would be put to the allies next week.\n\n" +
		"The details of the response from Washington are not known, but it is understood that they were positive and that talks will continue in the coming weeks.\n\n" +
		"The ministers agreed on the plan after a long night of talks, and they said that it would be put to the allies next week.\n\n" +
		"The details of the response from Washington are not known, but it is understood that they were positive and that talks will continue in the coming weeks.\n\n" +
		"Jane Doe covers European diplomacy from Paris.\n\nShare this article\n\nMore from Europe\n\nTen cities to visit in autumn\n\nWhy the euro fell again",
	Good:      "## What happens next?\n\nThe ministers agreed on the plan after a long night of talks, and they said that it would be put to the allies next week.",
	Severity:  rules.Warning,
	FixSafety: fixers.Unsafe,
	Run:       runLineModel,
	Prepare:   func() { embeddedModel() },
}

//go:embed linemodel.txt
var lineModelText string

// embeddedModel loads the embedded classifier once, on first use, from
// its packed form when that is fresh (the trainer runs with weights that
// may not match the features being changed; TestLineModelLoads keeps the
// committed pair consistent).
var embeddedModel = sync.OnceValue(func() *lineModel { return loadModel(lineModelText, lineModelPacked) })

func runLineModel(pass *rules.Pass) {
	model := embeddedModel()
	a := analyse(pass.Doc)
	proven := a.furnitureLines()
	if proven == 0 {
		// Furniture comes in clusters: in a document without proven
		// furniture (most clean articles) the model stays silent, and
		// scoring its lines would only cost time.
		return
	}
	scores := a.modelScores()
	if !GatePasses(proven, selfProven(scores), model.gate) {
		return
	}
	for ci := range a.cands {
		c := &a.cands[ci]
		// The severity first: most lines end below info (a line the
		// model does not score has score 0), and the judging test costs
		// more than the comparison.
		sev := model.severity(scores[ci])
		if sev == 0 || !a.modelJudges(ci) {
			continue
		}
		msg := a.modelMessage(scores[ci], ci)
		if sev == rules.Info {
			// A hint carries no fix: fix --unsafe must not drop a
			// heading on a score this weak.
			start, _ := lineSpan(pass.Doc, c.line)
			pass.Report(rules.Finding{Start: start, End: pass.Doc.Lines[c.line].End, Severity: sev, Message: msg})
			continue
		}
		reportLines(pass, c.line, c.line, sev, fixers.Unsafe, removeFurniture, msg)
	}
}

// SelfProofScore is the score at which the model's own lines can stand in
// for proven furniture at the gate, in a document that holds some: a menu
// whose items ("Pricing", "Reviews", "Support") no phrase or structure
// evidence proves, on a page where one share prompt or related-links
// heading is proven. Out of fold on the tune half (six draws, warning
// 0.905, gate 2), the documents with one proven line and two lines of
// their own at 0.98 or above gave the residue view 94 furniture lines per
// draw against none of the article's, and no clean truth text a warning
// (at 0.99: 41 against none; one line at 0.98 instead of two: 105
// against 0.2, but a clean article's headline and byline under its
// masthead open the gate with one sure line, TestMastheadProvesNoFurniture).
const SelfProofScore = 0.98

// GatePasses reports whether a document passes gate with proven lines of
// proven furniture and high lines the model scores at SelfProofScore or
// above: the proven lines reach the gate, or the document holds some and
// the model's sure lines reach it. A document without proven furniture
// stays silent whatever the model thinks of its lines: the gate is what
// keeps clean articles quiet.
func GatePasses(proven, high, gate int) bool {
	return proven >= gate || proven >= 1 && high >= gate
}

// selfProven counts the scores at SelfProofScore or above.
func selfProven(scores []float32) int {
	n := 0
	for _, s := range scores {
		if s >= SelfProofScore {
			n++
		}
	}
	return n
}

// modelScores returns the classifier's furniture probability of every
// candidate, computed once per document.
func (a *analysis) modelScores() []float32 {
	a.modelOnce.Do(func() {
		model := embeddedModel()
		buf := featureBuffers.Get().(*featureBuffer)
		x := a.features(model.lexIdx, a.scoredByRule, buf)
		a.scores = make([]float32, len(x))
		model.predictAll(x, a.scores)
		featureBuffers.Put(buf)
	})
	return a.scores
}

// featureBuffers recycles the feature vectors' memory between documents
// (a furniture-heavy page has thousands of lines of 83 features).
var featureBuffers = sync.Pool{New: func() any { return new(featureBuffer) }}

// featureBuffer is the memory of features' vectors: flat holds them one
// after the other, rows is the slice of them by candidate.
type featureBuffer struct {
	flat []float32
	rows [][]float32
}

// predictAll sets out[i] to the probability of x[i], skipping nil rows.
func (m *lineModel) predictAll(x [][]float32, out []float32) {
	if m.flat == nil || m.flat.batch == nil {
		for i, f := range x {
			if f != nil {
				out[i] = m.predict(f)
			}
		}
		return
	}
	fixed := m.flat.fixed()
	var xs *fixedRows
	var rows [batchRows]int
	k := 0
	for i, f := range x {
		if f == nil {
			continue
		}
		rows[k] = i
		if k++; k < len(rows) {
			continue
		}
		k = 0
		if fixed == nil {
			m.flat.predictBatch(m.base, x, rows, out)
			continue
		}
		if xs == nil {
			xs = getFixedRows()
			defer fixedRowsFree.Put(xs)
		}
		predictFixed(fixed, m.base, x, rows, out, xs)
	}
	if fixed != nil && 3*k > batchRows {
		// Three rows or more left: the rows make a batch of their own,
		// padded with the last one (scored again to the same value),
		// cheaper than walking them one by one. In instructions on the
		// WCXB pages a lone walk costs about 22,000, a whole batch about
		// 62,000 (three lone walks 66,000).
		for r := k; r < len(rows); r++ {
			rows[r] = rows[k-1]
		}
		if xs == nil {
			xs = getFixedRows()
			defer fixedRowsFree.Put(xs)
		}
		predictFixed(fixed, m.base, x, rows, out, xs)
		return
	}
	for _, i := range rows[:k] {
		out[i] = m.flat.predict(m.base, x[i])
	}
}

// fixedRowsFree recycles predictFixed's 8 KB transposed batch between
// documents (one was allocated per document the model scores).
var fixedRowsFree = sync.Pool{New: func() any { return new(fixedRows) }}

// getFixedRows returns a zeroed batch, as new(fixedRows) would: a row
// shorter than 256 features leaves the rest of its row as it was.
func getFixedRows() *fixedRows {
	xs := fixedRowsFree.Get().(*fixedRows)
	clear(xs[:])
	return xs
}

// batchRows is how many rows predictBatch walks through the trees at once,
// and batchFeatures the room it has for each row's features.
const (
	batchRows     = 8
	batchFeatures = 128
)

// predictBatch scores eight rows at once, tree by tree: each row's sum
// runs over the trees in order (the same float32 sums as predict), and
// the eight walks through one tree are independent, so the processor
// overlaps them. The rows are copied into one array of fixed size,
// feature by feature (feature j of row r at j*batchRows+r): every walk
// reads it from one base address, with no bounds check, which leaves the
// registers to the eight walks. A NaN feature is copied as +Inf: both go
// right at every (finite) threshold, so the walk can test x > threshold.
func (f *flatForest) predictBatch(base float32, x [][]float32, rows [batchRows]int, out []float32) {
	var xs [batchFeatures * batchRows]float32
	for r, row := range rows {
		for j, v := range x[row] {
			if v != v {
				v = float32(math.Inf(1))
			}
			xs[j*batchRows+r] = v
		}
	}
	var sums [batchRows]float32
	for r := range sums {
		sums[r] = base
	}
	inner, leaves := f.inner, f.inner+1
	for t := 0; t < f.trees; t++ {
		split := f.batch[t*inner : (t+1)*inner]
		i0, i1, i2, i3, i4, i5, i6, i7 := 0, 0, 0, 0, 0, 0, 0, 0
		for range f.depth {
			i0 = descendBatch(split, i0, &xs, 0)
			i1 = descendBatch(split, i1, &xs, 1)
			i2 = descendBatch(split, i2, &xs, 2)
			i3 = descendBatch(split, i3, &xs, 3)
			i4 = descendBatch(split, i4, &xs, 4)
			i5 = descendBatch(split, i5, &xs, 5)
			i6 = descendBatch(split, i6, &xs, 6)
			i7 = descendBatch(split, i7, &xs, 7)
		}
		leaf := f.leaf[t*leaves : (t+1)*leaves]
		sums[0] += leaf[i0-inner]
		sums[1] += leaf[i1-inner]
		sums[2] += leaf[i2-inner]
		sums[3] += leaf[i3-inner]
		sums[4] += leaf[i4-inner]
		sums[5] += leaf[i5-inner]
		sums[6] += leaf[i6-inner]
		sums[7] += leaf[i7-inner]
	}
	for r, s := range sums {
		out[rows[r]] = float32(1 / (1 + math.Exp(-float64(s))))
	}
}

// batchNode is an inner node for predictBatch: the feature's offset in
// its interleaved rows (feature * batchRows) and the threshold.
type batchNode struct {
	offset    int32
	threshold float32
}

// batchNodes returns split for predictBatch, nil when the batch walk
// would not give the node walk's results: more features than it has room
// for, or a threshold that is not finite (x > threshold equals
// !(x <= threshold) only at finite thresholds with NaN made +Inf).
func batchNodes(split []flatNode) []batchNode {
	if len(featureNames) > batchFeatures {
		return nil
	}
	out := make([]batchNode, len(split))
	for i, n := range split {
		t := float64(n.threshold)
		if math.IsInf(t, 0) || math.IsNaN(t) {
			return nil
		}
		out[i] = batchNode{n.feature * batchRows, n.threshold}
	}
	return out
}

// descendBatch is descend for row r of predictBatch's interleaved rows.
// The mask keeps the index inside the array for the compiler; it changes
// nothing, as every feature is below len(featureNames) <= batchFeatures.
func descendBatch(split []batchNode, i int, xs *[batchFeatures * batchRows]float32, r int) int {
	n := split[i]
	right := 0
	if xs[int(n.offset)&(batchFeatures*batchRows-batchRows)+r] > n.threshold {
		right = 1
	}
	return 2*i + 1 + right
}

// scoredByRule reports whether the rule scores candidate ci: a line the
// model judges, but not a real paragraph inside the body (the classifier
// never reaches a warning there, and they are most lines of an article,
// so skipping them keeps the rule cheap).
func (a *analysis) scoredByRule(ci int) bool {
	c := &a.cands[ci]
	inBodyParagraph := a.blocks[c.block].good && a.inBody(c.block)
	return a.modelJudges(ci) && !inBodyParagraph
}

// modelMessage is the finding's message: the score (two decimals) and
// the evidence. It is built in one buffer (fmt.Sprintf and the joined
// parts were most of the cost of reporting a line), and kept: the same
// few hundred messages recur on page after page.
func (a *analysis) modelMessage(score float32, ci int) string {
	evidence := a.modelEvidence(ci)
	var digits [8]byte
	// fmt's %.2f of a float32 is this call.
	rendered := strconv.AppendFloat(digits[:0], float64(score), 'f', 2, 32)
	key, cacheable := messageKey(rendered, evidence)
	if cacheable {
		if msg, ok := modelMessages.get(key); ok {
			return msg
		}
	}
	var buf [160]byte
	b := append(buf[:0], "line classifier scores furniture "...)
	b = append(b, rendered...)
	b = append(b, " ("...)
	b = evidence.appendTo(b)
	b = append(b, ')')
	msg := string(b)
	if cacheable {
		modelMessages.put(key, msg)
	}
	return msg
}

// modelEvidence is the facts about a line that users can check: what it
// looks like, where it stands and what stands around it.
type modelEvidence struct {
	kind     uint8 // index into modelKinds
	position uint8 // index into positions
	near     bool  // next to proven furniture
	navRun   int32 // the run of short lines it stands in, 0 when not shown
}

var modelKinds = [...]string{"a paragraph", "short line without sentence end", "unpunctuated line", "line"}

func (a *analysis) modelEvidence(ci int) modelEvidence {
	c := a.cands[ci]
	e := modelEvidence{position: uint8(a.positionIndex(c.block))}
	switch {
	case a.blocks[c.block].good:
		e.kind = 0
	case !c.sentence && c.words <= shortMaxWords:
		e.kind = 1
	case !c.sentence:
		e.kind = 2
	default:
		e.kind = 3
	}
	if a.ctx != nil {
		if a.ctx.near(ci) {
			e.near = true
		} else if a.ctx.navRun[ci] >= navRunMin {
			e.navRun = int32(a.ctx.navRun[ci])
		}
	}
	return e
}

// appendTo appends the evidence, separated by commas.
func (e modelEvidence) appendTo(b []byte) []byte {
	b = append(b, modelKinds[e.kind]...)
	b = append(b, ", "...)
	b = append(b, positions[e.position]...)
	if e.near {
		b = append(b, ", next to proven furniture"...)
	} else if e.navRun > 0 {
		b = append(b, ", in a run of "...)
		b = strconv.AppendInt(b, int64(e.navRun), 10)
		b = append(b, " short lines"...)
	}
	return b
}

// messageKey packs the rendered score ("0.87": four bytes for a score in
// [0, 1]) and the evidence into one number that identifies the message;
// ok is false when they do not fit.
func messageKey(rendered []byte, e modelEvidence) (key uint64, ok bool) {
	if len(rendered) != 4 || e.navRun >= 1<<20 {
		return 0, false
	}
	key = uint64(binary.LittleEndian.Uint32(rendered))
	key |= uint64(e.kind)<<32 | uint64(e.position)<<34 | uint64(oneIf(e.near))<<36 | uint64(e.navRun)<<37
	return key, true
}

// modelMessages holds the messages built, up to maxModelMessages of them
// (a few hundred kilobytes); past that, new ones are built each time.
var modelMessages = messageCache{m: map[uint64]string{}}

const maxModelMessages = 4096

type messageCache struct {
	mu sync.RWMutex
	m  map[uint64]string
}

func (c *messageCache) get(k uint64) (string, bool) {
	c.mu.RLock()
	msg, ok := c.m[k]
	c.mu.RUnlock()
	return msg, ok
}

func (c *messageCache) put(k uint64, msg string) {
	c.mu.Lock()
	if len(c.m) < maxModelMessages {
		c.m[k] = msg
	}
	c.mu.Unlock()
}

// treeNode is one node of a regression tree: an inner node sends x to
// left when x[feature] <= threshold; a leaf (feature < 0) adds value.
type treeNode struct {
	threshold, value     float32
	feature, left, right int16
}

// lineModel is a boosted tree ensemble with its operating thresholds.
type lineModel struct {
	base  float32
	trees [][]treeNode
	// info, warning and error are the probabilities at which a line is
	// reported at that severity.
	info, warning, error float32
	lex                  Lexicon
	lexIdx               *lexIndex
	// flat is the trees in the layout predict walks fastest.
	flat *flatForest
	// gate is how many furniture lines (strong phrase matches, structure
	// warnings; or, with at least one of them, lines the model itself
	// scores at SelfProofScore, see GatePasses) a document needs before
	// the model reports above info: furniture comes in clusters, a clean
	// article has none.
	gate int
}

// predict returns the furniture probability of one feature vector.
func (m *lineModel) predict(x []float32) float32 {
	if m.flat != nil {
		return m.flat.predict(m.base, x)
	}
	sum := m.base
	for _, t := range m.trees {
		i := 0
		for t[i].feature >= 0 {
			if x[t[i].feature] <= t[i].threshold {
				i = int(t[i].left)
			} else {
				i = int(t[i].right)
			}
		}
		sum += t[i].value
	}
	return float32(1 / (1 + math.Exp(-float64(sum))))
}

// flatForest is the ensemble with every tree made complete to one depth
// and laid out as a heap (the children of inner node i are 2i+1 and
// 2i+2, then the leaves), so a line walks each tree with no pointer
// chasing and no hard-to-predict branches. A leaf above the full depth
// is pushed down under splits whose two sides are the same leaf, so
// every line ends on the value the original tree gives it.
type flatForest struct {
	depth, inner int        // inner nodes per tree: 2^depth - 1
	split        []flatNode // inner nodes, tree after tree
	leaf         []float32  // 2^depth per tree
	trees        int
	// batch is split in predictBatch's form, nil when it cannot be used.
	batch []batchNode
	// the trees in predictFixed's layout, made on first use (fixed)
	fixedOnceState
}

// flatNode is an inner node: left when x[feature] <= threshold.
type flatNode struct {
	feature   int32
	threshold float32
}

// maxFlatDepth bounds the trees flattened (2^depth leaves each).
const maxFlatDepth = 8

// flatten returns the flat form of trees, nil when one is too deep.
func flatten(trees [][]treeNode) *flatForest {
	depth := 0
	for _, t := range trees {
		depth = max(depth, treeDepth(t, 0))
	}
	if depth > maxFlatDepth {
		return nil
	}
	inner := 1<<depth - 1
	f := &flatForest{depth: depth, inner: inner, trees: len(trees),
		split: make([]flatNode, len(trees)*inner),
		leaf:  make([]float32, len(trees)*(inner+1)),
	}
	for i, t := range trees {
		flattenTree(t, 0, 0, depth, f.split[i*inner:(i+1)*inner], f.leaf[i*(inner+1):(i+1)*(inner+1)])
	}
	f.batch = batchNodes(f.split)
	return f
}

// flattenTree writes the subtree of t at node to heap slot slot of split
// and leaves, levels to go above the leaves. A leaf above the full depth
// becomes a dummy split whose two sides hold that leaf.
func flattenTree(t []treeNode, node, slot, levels int, split []flatNode, leaves []float32) {
	if levels == 0 {
		leaves[slot-len(split)] = t[node].value
		return
	}
	nd := t[node]
	left, right := int(nd.left), int(nd.right)
	if nd.feature < 0 {
		left, right = node, node
	} else {
		split[slot] = flatNode{int32(nd.feature), nd.threshold}
	}
	flattenTree(t, left, 2*slot+1, levels-1, split, leaves)
	flattenTree(t, right, 2*slot+2, levels-1, split, leaves)
}

// treeDepth is the number of splits on the longest path below node.
func treeDepth(t []treeNode, node int) int {
	if t[node].feature < 0 {
		return 0
	}
	return 1 + max(treeDepth(t, int(t[node].left)), treeDepth(t, int(t[node].right)))
}

// predict sums the trees in their order (the same float32 sum as the
// node walk) and returns the probability. Four trees are walked at once:
// their paths are independent, so the processor overlaps them.
func (f *flatForest) predict(base float32, x []float32) float32 {
	sum := base
	inner, leaves := f.inner, f.inner+1
	t := 0
	for ; t+4 <= f.trees; t += 4 {
		s0 := f.split[t*inner : (t+1)*inner]
		s1 := f.split[(t+1)*inner : (t+2)*inner]
		s2 := f.split[(t+2)*inner : (t+3)*inner]
		s3 := f.split[(t+3)*inner : (t+4)*inner]
		i0, i1, i2, i3 := 0, 0, 0, 0
		for range f.depth {
			i0, i1, i2, i3 = descend(s0, i0, x), descend(s1, i1, x), descend(s2, i2, x), descend(s3, i3, x)
		}
		l := t * leaves
		sum += f.leaf[l+i0-inner]
		sum += f.leaf[l+leaves+i1-inner]
		sum += f.leaf[l+2*leaves+i2-inner]
		sum += f.leaf[l+3*leaves+i3-inner]
	}
	for ; t < f.trees; t++ {
		s0 := f.split[t*inner : (t+1)*inner]
		i := 0
		for range f.depth {
			i = descend(s0, i, x)
		}
		sum += f.leaf[t*leaves+i-inner]
	}
	return float32(1 / (1 + math.Exp(-float64(sum))))
}

// descend returns the child of inner node i that x goes to: left when
// x <= threshold, as in the node walk (NaN goes right).
// The step is computed without a branch (the compiler emits a
// conditional move): which side a line goes is unpredictable.
func descend(split []flatNode, i int, x []float32) int {
	n := split[i]
	right := 0
	if !(x[n.feature] <= n.threshold) {
		right = 1
	}
	return 2*i + 1 + right
}

func (m *lineModel) severity(p float32) rules.Severity {
	switch {
	case p >= m.error:
		return rules.Error
	case p >= m.warning:
		return rules.Warning
	case p >= m.info:
		return rules.Info
	}
	return 0
}
