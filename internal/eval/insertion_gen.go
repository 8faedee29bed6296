package eval

// The insertion generator builds labelled test articles from the WCXB
// development ground-truth texts (../shared/data/wcxb-dev/truth,
// CC-BY-4.0, Murrough Foley 2026): clean real articles, some left
// untouched (negatives), others with 2-8 paragraphs of another article
// glued in at the end or in the middle, with or without a marker line
// ("Related") and an organisation line before them, as scrapers do.

import (
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dochygiene/hygiene/internal/document"
)

// InsertionKind names what a generated case holds.
type InsertionKind string

// The kinds of generated cases.
const (
	InsertNone      InsertionKind = "untouched"
	InsertOtherEnd  InsertionKind = "other-topic/end"
	InsertOtherMid  InsertionKind = "other-topic/middle"
	InsertSameTopic InsertionKind = "same-topic"
)

// InsertionCase is one generated article.
type InsertionCase struct {
	Name string
	Kind InsertionKind
	Text string
	// Marker is true when a marker line (and maybe an organisation line)
	// precedes the inserted paragraphs.
	Marker bool
	// Paragraphs are the 1-based line ranges of the inserted paragraphs,
	// empty for untouched articles; Words counts their words.
	Paragraphs [][2]int
	Words      int
	// Similarity is the generator's topic similarity of the donor article
	// to the host (0 for untouched articles).
	Similarity float64
}

// InsertionArticle is one clean article split into paragraphs.
type InsertionArticle struct {
	id, domain string
	src        []byte
	doc        *document.Document
	paragraphs []document.Block
	words      map[string]bool
}

// markerLines are generic page furniture a scraper leaves before a
// neighbouring article (not taken from any seed or dev page).
var markerLines = []string{"Related", "Related articles", "Share this article:", "Read more",
	"You may also like", "More from our partners", "Recommended for you", "Further reading"}

var orgSuffixes = []string{"Institute", "Foundation", "Center", "Review", "Group", "Council"}

// LoadInsertionArticles reads the truth texts of one half ("tune",
// "report" or "all") with their domains from the manifest.
func LoadInsertionArticles(dataDir, half string) ([]*InsertionArticle, error) {
	dir := filepath.Join(dataDir, "wcxb-dev")
	files, err := filepath.Glob(filepath.Join(dir, "truth", "*.txt"))
	if err != nil || len(files) == 0 {
		return nil, ErrNoData
	}
	domains := manifestDomains(filepath.Join(dir, "manifest.jsonl"))
	var out []*InsertionArticle
	for _, f := range files {
		tune := InsertionTuneHalf(f)
		if half == "tune" && !tune || half == "report" && tune {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		out = append(out, newTruthArticle(id, domains[id], src))
	}
	return out, nil
}

func manifestDomains(path string) map[string]string {
	out := map[string]string{}
	b, err := os.ReadFile(path)
	if err != nil {
		return out
	}
	for _, line := range strings.Split(string(b), "\n") {
		id := jsonField(line, "id")
		if id != "" {
			out[id] = jsonField(line, "domain")
		}
	}
	return out
}

// jsonField extracts a flat string field; the manifest's id and domain are
// plain ASCII.
func jsonField(line, key string) string {
	k := `"` + key + `": "`
	i := strings.Index(line, k)
	if i < 0 {
		return ""
	}
	rest := line[i+len(k):]
	j := strings.IndexByte(rest, '"')
	if j < 0 {
		return ""
	}
	return rest[:j]
}

func newTruthArticle(id, domain string, src []byte) *InsertionArticle {
	a := &InsertionArticle{id: id, domain: domain, src: src, words: map[string]bool{}}
	a.doc = document.New(id+".txt", src, document.Meta{})
	for _, b := range a.doc.Blocks {
		if b.Kind == document.Paragraph && wordCount(a.doc, b) >= 15 {
			a.paragraphs = append(a.paragraphs, b)
		}
	}
	for _, t := range a.doc.Tokens() {
		if t.Kind == document.Word && t.End-t.Start >= 5 {
			a.words[strings.ToLower(string(src[t.Start:t.End]))] = true
		}
	}
	return a
}

func wordCount(doc *document.Document, b document.Block) int {
	n := 0
	for _, t := range doc.TokensIn(b.Start, b.End) {
		if t.Kind == document.Word {
			n++
		}
	}
	return n
}

// topicSimilarity is the generator's own judge of topic: a cosine of
// unstemmed long-word TF-IDF vectors (each cut to its 100 heaviest words)
// with IDF from the articles at hand. It shares no code, word list or table
// with the rule, so "another topic" is not defined by the rule's model.
type topicSimilarity struct {
	vecs map[*InsertionArticle][]topicWeight
}

type topicWeight struct {
	word string
	w    float64
}

func newTopicSimilarity(arts []*InsertionArticle) topicSimilarity {
	df := map[string]int{}
	for _, a := range arts {
		for w := range a.words {
			df[w]++
		}
	}
	s := topicSimilarity{vecs: map[*InsertionArticle][]topicWeight{}}
	for _, a := range arts {
		s.vecs[a] = topicVector(a, df, len(arts))
	}
	return s
}

func topicVector(a *InsertionArticle, df map[string]int, n int) []topicWeight {
	tf := map[string]int{}
	for _, t := range a.doc.Tokens() {
		if t.Kind == document.Word && t.End-t.Start >= 5 {
			tf[strings.ToLower(string(a.src[t.Start:t.End]))]++
		}
	}
	var v []topicWeight
	for w, c := range tf {
		v = append(v, topicWeight{w, float64(c) * math.Log(float64(n)/float64(df[w]))})
	}
	sort.Slice(v, func(i, j int) bool { return v[i].w > v[j].w || v[i].w == v[j].w && v[i].word < v[j].word })
	if len(v) > 100 {
		v = v[:100]
	}
	norm := 0.0
	for _, x := range v {
		norm += x.w * x.w
	}
	for i := range v {
		v[i].w /= math.Sqrt(norm)
	}
	sort.Slice(v, func(i, j int) bool { return v[i].word < v[j].word })
	return v
}

func (s topicSimilarity) of(a, b *InsertionArticle) float64 {
	x, y := s.vecs[a], s.vecs[b]
	dot := 0.0
	for i, j := 0, 0; i < len(x) && j < len(y); {
		switch {
		case x[i].word < y[j].word:
			i++
		case x[i].word > y[j].word:
			j++
		default:
			dot += x[i].w * y[j].w
			i++
			j++
		}
	}
	return dot
}

// Thresholds of the generator's topic judge.
const (
	otherTopicMax = 0.03 // cosine below this: another topic
	sameTopicMin  = 0.20 // the nearest article above this: the same topic
)

// GenerateInsertionCases builds the cases for the articles, deterministic
// for a given seed: per host article with at least four paragraphs, one
// untouched copy, one other-topic insertion at the end, one in the middle,
// and one same-topic insertion when a near article exists.
func GenerateInsertionCases(arts []*InsertionArticle, seed int64) []InsertionCase {
	rng := rand.New(rand.NewSource(seed))
	sim := newTopicSimilarity(arts)
	var out []InsertionCase
	for hi, host := range arts {
		if len(host.paragraphs) < 4 {
			continue
		}
		out = append(out, InsertionCase{Name: host.id, Kind: InsertNone, Text: string(host.src)})
		for _, kind := range []InsertionKind{InsertOtherEnd, InsertOtherMid} {
			if donor := pickOther(arts, hi, sim, rng); donor != nil {
				c := insertCase(host, donor, kind, rng)
				c.Similarity = sim.of(host, donor)
				out = append(out, c)
			}
		}
		if donor := pickSame(arts, hi, sim); donor != nil {
			c := insertCase(host, donor, InsertSameTopic, rng)
			c.Similarity = sim.of(host, donor)
			out = append(out, c)
		}
	}
	return out
}

func pickOther(arts []*InsertionArticle, hi int, sim topicSimilarity, rng *rand.Rand) *InsertionArticle {
	host := arts[hi]
	for try := 0; try < 50; try++ {
		d := arts[rng.Intn(len(arts))]
		if d == host || d.domain == host.domain || len(d.paragraphs) < 2 {
			continue
		}
		if sim.of(host, d) < otherTopicMax {
			return d
		}
	}
	return nil
}

func pickSame(arts []*InsertionArticle, hi int, sim topicSimilarity) *InsertionArticle {
	host := arts[hi]
	var best *InsertionArticle
	bestSim := sameTopicMin
	for _, d := range arts {
		if d == host || len(d.paragraphs) < 2 {
			continue
		}
		if s := sim.of(host, d); s > bestSim {
			best, bestSim = d, s
		}
	}
	return best
}

// insertCase glues 2-8 consecutive paragraphs of donor into host, at the
// end or after a host paragraph in the middle (same-topic: either).
func insertCase(host, donor *InsertionArticle, kind InsertionKind, rng *rand.Rand) InsertionCase {
	n := 2 + rng.Intn(7)
	if n > len(donor.paragraphs) {
		n = len(donor.paragraphs)
	}
	from := rng.Intn(len(donor.paragraphs) - n + 1)
	paras := donor.paragraphs[from : from+n]

	atEnd := kind == InsertOtherEnd || kind == InsertSameTopic && rng.Intn(2) == 0
	cut := len(host.src)
	if !atEnd {
		// After host paragraph k, leaving at least two before and after.
		k := 1 + rng.Intn(len(host.paragraphs)-3)
		cut = host.doc.Lines[host.paragraphs[k].LastLine].Next
	}
	c := InsertionCase{Name: fmt.Sprintf("%s+%s", host.id, donor.id), Kind: kind}
	var b strings.Builder
	b.WriteString(strings.TrimRight(string(host.src[:cut]), "\n"))
	b.WriteString("\n\n")
	if rng.Intn(2) == 0 {
		c.Marker = true
		b.WriteString(markerLines[rng.Intn(len(markerLines))] + "\n\n")
		if rng.Intn(2) == 0 {
			b.WriteString(orgName(donor.domain, rng) + "\n\n")
		}
	}
	for _, p := range paras {
		first := strings.Count(b.String(), "\n") + 1
		text := string(donor.src[p.Start:p.End])
		b.WriteString(text + "\n\n")
		c.Paragraphs = append(c.Paragraphs, [2]int{first, first + strings.Count(text, "\n")})
		c.Words += wordCount(donor.doc, p)
	}
	rest := strings.TrimLeft(string(host.src[cut:]), "\n")
	if rest == "" {
		c.Text = strings.TrimRight(b.String(), "\n") + "\n"
	} else {
		c.Text = b.String() + rest
	}
	return c
}

// orgName makes a short organisation-like line from the donor's domain:
// "example-news.com" gives "Example News Review".
func orgName(domain string, rng *rand.Rand) string {
	label := strings.TrimPrefix(domain, "www.")
	if i := strings.IndexByte(label, '.'); i > 0 {
		label = label[:i]
	}
	words := strings.FieldsFunc(label, func(r rune) bool { return r == '-' || r == '_' })
	for i, w := range words {
		if w != "" {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	if len(words) == 0 {
		words = []string{"Policy"}
	}
	return strings.Join(words, " ") + " " + orgSuffixes[rng.Intn(len(orgSuffixes))]
}

// sortCases orders cases by name for stable output.
func sortCases(cs []InsertionCase) {
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Name < cs[j].Name })
}
