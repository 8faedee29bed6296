package insertion

import (
	"bytes"
	"math"

	"github.com/dochygiene/hygiene/internal/document"
)

// A glued-in block was written by someone else, and usually published
// elsewhere: its voice (sentence length, who it addresses) and its
// typography (curly or straight quotes, which dashes) tend to differ from
// the article's. An aside or a side section by the article's own author
// keeps the article's voice. These are the style counts per unit, kept as
// prefix sums like everything else, so a block's style is compared with
// its host's in constant time (the idea of intrinsic plagiarism detection).

// Style counts.
const (
	sWords      = iota // word tokens
	sSentences         // sentences of the document model
	sFirst             // I, me, my, we, us, our...
	sSecond            // you, your...
	sCurly             // curly apostrophes and quotes
	sStraight          // straight apostrophes and quotes
	sLongDash          // em and en dashes
	sHyphenDash        // " - " used as a dash
	nStyle
)

// styleCounts counts the style marks of units in c.style (prefix sums over
// units, one slice per count).
func (c *cohesion) styleCounts(doc *document.Document) {
	for k := range c.style {
		c.style[k] = resizeFloats(c.style[k], c.n+1)
	}
	unitOf := c.unitOfBlock(doc)
	sentences := make([]float64, c.n)
	for _, s := range doc.Sentences() {
		if u := unitOf[s.Block]; u >= 0 {
			sentences[u]++
		}
	}
	for u := 0; u < c.n; u++ {
		var cnt [nStyle]float64
		from, to := doc.Blocks[c.units[u].firstBlock].Start, doc.Blocks[c.units[u].lastBlock].End
		cnt[sSentences] = sentences[u]
		for _, t := range doc.TokensIn(from, to) {
			if t.Kind != document.Word {
				continue
			}
			cnt[sWords]++
			if t.End-t.Start <= 5 {
				switch personOf(doc.Src[t.Start:t.End]) {
				case 1:
					cnt[sFirst]++
				case 2:
					cnt[sSecond]++
				}
			}
		}
		typography(doc.Src[from:to], &cnt)
		for k := range cnt {
			c.style[k][u+1] = c.style[k][u] + cnt[k]
		}
	}
}

// unitOfBlock maps block indices to units (-1 for blocks in none).
func (c *cohesion) unitOfBlock(doc *document.Document) []int {
	out := make([]int, len(doc.Blocks))
	for i := range out {
		out[i] = -1
	}
	for u, x := range c.units {
		for b := x.firstBlock; b <= x.lastBlock; b++ {
			out[b] = u
		}
	}
	return out
}

// personOf is 1 for a first-person pronoun (I, me, my, we, us, our...),
// 2 for a second-person one (you, your, yours), else 0.
func personOf(w []byte) int {
	var buf [5]byte
	if len(w) > len(buf) {
		return 0
	}
	for i, c := range w {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	switch string(buf[:len(w)]) {
	case "i", "me", "my", "mine", "we", "us", "our", "ours":
		return 1
	case "you", "your", "yours":
		return 2
	}
	return 0
}

// typography counts quote and dash styles in src (bytes.Count is
// vectorised; one byte loop here cost a tenth of the rule's time).
func typography(src []byte, cnt *[nStyle]float64) {
	count := func(pats ...string) float64 {
		n := 0
		for _, p := range pats {
			n += bytes.Count(src, []byte(p))
		}
		return float64(n)
	}
	cnt[sStraight] = count("'", `"`)
	cnt[sHyphenDash] = count(" - ")
	if bytes.IndexByte(src, 0xE2) < 0 { // no U+2000-U+2FFF at all
		return
	}
	cnt[sLongDash] = count("\u2013", "\u2014")
	cnt[sCurly] = count("\u2018", "\u2019", "\u201c", "\u201d")
}

// styleOf sums the counts of units a..b.
func (c *cohesion) styleOf(a, b int) (s [nStyle]float64) {
	for k := range s {
		s[k] = c.style[k][b+1] - c.style[k][a]
	}
	return s
}

// styleFeatures compares the style of units i..j with the rest.
func (c *cohesion) styleFeatures(i, j int, f *features) {
	b := c.styleOf(i, j)
	all := c.styleOf(0, c.n-1)
	var h [nStyle]float64
	for k := range h {
		h[k] = all[k] - b[k]
	}
	// Words per sentence, as a log ratio.
	f[fSentenceLen] = math.Abs(math.Log((b[sWords] + 5) / (b[sSentences] + 0.25) /
		((h[sWords] + 5) / (h[sSentences] + 0.25))))
	// Who the text addresses: the block's pronoun rates against the
	// host's, in standard errors of the block's size.
	f[fPerson] = math.Log1p(rateGap(b[sFirst], b[sWords], h[sFirst], h[sWords]) +
		rateGap(b[sSecond], b[sWords], h[sSecond], h[sWords]))
	f[fQuotes] = shareGap(b[sCurly], b[sStraight], h[sCurly], h[sStraight])
	f[fDashes] = shareGap(b[sLongDash], b[sHyphenDash], h[sLongDash], h[sHyphenDash])
}

// rateGap is |rate(block) - rate(host)| in standard errors, capped.
func rateGap(xb, nb, xh, nh float64) float64 {
	if nb <= 0 || nh <= 0 {
		return 0
	}
	p := (xh + 0.5) / (nh + 1)
	return math.Min(8, math.Abs(xb/nb-xh/nh)/math.Sqrt(p*(1-p)/nb))
}

// shareGap compares the share of the first kind among two kinds of marks
// in block and host: 0 unless both hold at least two marks.
func shareGap(ab, bb, ah, bh float64) float64 {
	if ab+bb < 2 || ah+bh < 2 {
		return 0
	}
	return math.Abs(ab/(ab+bb) - ah/(ah+bh))
}
