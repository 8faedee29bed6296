package insertion

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/shareddata"
)

// searchReference is search without its shortcuts (runs ending at a
// heading skipped, a start's runs ended at the first that splits the
// article's sections): every run from every start is checked and
// screened.
func (c *cohesion) searchReference(doc *document.Document, p params, skipFrom, skipTo int) (candidate, bool) {
	firstPara := c.firstParagraph()
	base := c.baseline()
	var top candidate
	top.score = math.Inf(1)
	topKey := math.Inf(-1)
	for i := 0; i < c.n; i++ {
		if i >= skipFrom && i <= skipTo || i <= firstPara {
			continue
		}
		var ev evidence
		evDone := false
		rs := c.runsFrom(i, base)
		for j := i; j < c.n; j++ {
			if skipFrom >= 0 && i < skipFrom && j >= skipFrom {
				break
			}
			stop, ok, skip := c.checkFrom(&p, &rs, j)
			if stop {
				break
			}
			if skip {
				j = c.n - 2
				continue
			}
			if !ok {
				continue
			}
			if !evDone {
				if !c.canStart(doc, i) {
					break
				}
				ev, evDone = c.leadLines(doc, i), true
			}
			e, relax, ok := c.screen(&p, i, j, base, ev)
			if !ok {
				continue
			}
			cand := c.scoreScreened(p, i, j, base, e, relax)
			if k := preference(cand.score, cand.mass); k > topKey {
				top, topKey = cand, k
			}
		}
	}
	if top.score >= 1 {
		return top, false
	}
	return c.grow(doc, p, top, firstPara, skipFrom, skipTo), true
}

// TestSearchPruneMatchesReference checks that the search's shortcuts
// change no search: the seeds, the rule's
// fixtures, the WCXB dev truth texts and pages when present, and truth
// texts with three paragraphs of another text glued into their middle
// (documents the rule flags), each searched whole and with the found
// block skipped, as findBlocks does.
func TestSearchPruneMatchesReference(t *testing.T) {
	texts := fixtureTexts(t)
	generated, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "insertion", "*.txt"))
	texts = append(texts, readTexts(t, generated)...)
	if !testing.Short() {
		texts = append(texts, wcxbTexts(t, "truth", "pages")...)
		truth, _ := shareddata.WCXBFiles("truth")
		for k := 0; k+1 < len(truth); k += 2 {
			host, err1 := os.ReadFile(truth[k])
			guest, err2 := os.ReadFile(truth[k+1])
			if err1 != nil || err2 != nil {
				t.Fatal(err1, err2)
			}
			hp := strings.Split(string(host), "\n\n")
			gp := strings.Split(string(guest), "\n\n")
			if len(hp) < 6 || len(gp) < 5 {
				continue
			}
			mid := len(hp) / 2
			glued := append(append(append([]string{}, hp[:mid]...), gp[1:4]...), hp[mid:]...)
			texts = append(texts, strings.Join(glued, "\n\n"))
		}
	}
	found := 0
	for k, text := range texts {
		doc := document.New("t.txt", []byte(text), document.Meta{})
		if len(doc.Blocks) < 4 {
			continue
		}
		c := analyse(doc, defaultIDF())
		skipFrom, skipTo := -1, -1
		for round := range 2 {
			got, gotOK := c.search(doc, defaultParams, skipFrom, skipTo)
			want, wantOK := c.searchReference(doc, defaultParams, skipFrom, skipTo)
			if gotOK != wantOK || got != want {
				t.Fatalf("text %d round %d: search %v %+v, reference %v %+v", k, round, gotOK, got, wantOK, want)
			}
			if !gotOK {
				break
			}
			found++
			skipFrom, skipTo = got.i, got.j
		}
		c.release()
	}
	if found == 0 {
		t.Fatal("no document had a block: the test shows nothing")
	}
	t.Logf("%d texts, %d blocks found", len(texts), found)
}

// mayHaveLeadLines is false only where leadLines finds neither a marker
// nor a name line, and relaxBound is at least screen's factor with the
// evidence leadLines does find: the search skips runs on them before it
// looks at the lines. Checked on the rule's fixtures, the seeds and the
// WCXB dev pages (when present), whose lines hold many markers.
func TestRelaxBoundHolds(t *testing.T) {
	texts := fixtureTexts(t)
	texts = append(texts, wcxbTexts(t, "pages")...)
	leads := 0
	for k, text := range texts {
		doc := document.New("t.txt", []byte(text), document.Meta{})
		c := analyse(doc, defaultIDF())
		for i := 0; i < c.n; i++ {
			ev := c.leadLines(doc, i)
			may := c.mayHaveLeadLines(i)
			if ev.marker != "" || ev.org != "" {
				leads++
				if !may {
					t.Fatalf("text %d unit %d: lead lines %q %q where mayHaveLeadLines is false", k, i, ev.marker, ev.org)
				}
			}
			for j := i; j < c.n && j < i+6; j++ {
				e := ev
				e.footnotes = c.noteRefs[j+1]-c.noteRefs[i] == 0 && c.noteRefs[c.n] >= 2
				e.typography = c.mixedTypo
				if bound := c.relaxBound(may, e.footnotes); bound < e.relax() {
					t.Fatalf("text %d run %d-%d: bound %v below relax %v", k, i, j, bound, e.relax())
				}
			}
		}
		c.release()
	}
	if leads == 0 {
		t.Fatal("no marker or name line: the test shows nothing")
	}
	t.Logf("%d texts, %d units after lead lines", len(texts), leads)
}

// runBounds is nextBounds of a unit on its own, by three binary searches
// (what the search took for each unit before nextBounds).
func (c *cohesion) runBounds(p *params, s *runStart) runBounds {
	i, n := s.i, c.n
	from := func(pred func(j int) bool) int {
		lo, hi := i, n // pred(hi) is taken as true
		for lo < hi {
			mid := int(uint(lo+hi) >> 1)
			if pred(mid) {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		return lo
	}
	return runBounds{
		first: from(func(j int) bool {
			return c.paras[j+1]-s.paras >= p.minParas && c.words[j+1]-s.words >= p.minWords
		}),
		stop: from(func(j int) bool { return c.stopsAt(p, s, j) }),
		long: from(func(j int) bool {
			words := c.words[j+1] - s.words
			return outgrows(words, s.totWords-words, s.totProse-(c.proseWords[j+1]-s.prose))
		}),
	}
}

// nextBounds, walked on from unit to unit (every unit, or some of them as
// when the search skips a found run), finds what runBounds finds for each.
func TestNextBoundsMatchRunBounds(t *testing.T) {
	texts := fixtureTexts(t)
	texts = append(texts, wcxbTexts(t, "truth", "pages")...)
	p := defaultParams
	for k, text := range texts {
		doc := document.New("t.txt", []byte(text), document.Meta{})
		c := analyse(doc, defaultIDF())
		for _, step := range []int{1, 2, 5} {
			var b runBounds
			for i := 0; i < c.n; i += step {
				rs := c.runsFrom(i, 0)
				if b = c.nextBounds(&p, &rs, b); b != c.runBounds(&p, &rs) {
					t.Fatalf("text %d unit %d (step %d): %+v, want %+v", k, i, step, b, c.runBounds(&p, &rs))
				}
			}
		}
		c.release()
	}
}

// runBounds and okFrom answer as checkFrom does for every run from every
// unit: before first, no run is ok and none stops; from stop on, every
// run stops; from long on, every run outgrows the host; in between, okFrom
// is checkFrom's ok for runs that end at no heading. On the seeds, the
// fixtures and the WCXB dev texts when present.
func TestRunBoundsMatchCheckFrom(t *testing.T) {
	texts := fixtureTexts(t)
	texts = append(texts, wcxbTexts(t, "truth", "pages")...)
	p := defaultParams
	oks := 0
	for k, text := range texts {
		doc := document.New("t.txt", []byte(text), document.Meta{})
		c := analyse(doc, defaultIDF())
		base := c.baseline()
		for i := 0; i < c.n; i++ {
			rs := c.runsFrom(i, base)
			b := c.runBounds(&p, &rs)
			for j := i; j < c.n; j++ {
				stop, ok, _ := c.checkFrom(&p, &rs, j)
				words := c.words[j+1] - rs.words
				long := outgrows(words, rs.totWords-words, rs.totProse-(c.proseWords[j+1]-rs.prose))
				switch {
				case stop != (j >= b.stop):
					t.Fatalf("text %d run %d-%d: stop %v, bound %d", k, i, j, stop, b.stop)
				case long != (j >= b.long):
					t.Fatalf("text %d run %d-%d: long %v, bound %d", k, i, j, long, b.long)
				case j < b.first && ok:
					t.Fatalf("text %d run %d-%d: ok before first %d", k, i, j, b.first)
				case j >= b.first && !stop && !c.units[j].heading && ok != c.okFrom(&p, &rs, j, long):
					t.Fatalf("text %d run %d-%d: checkFrom ok %v, okFrom %v", k, i, j, ok, !ok)
				}
				if ok {
					oks++
				}
			}
		}
		c.release()
	}
	if oks == 0 {
		t.Fatal("no run was ok: the test shows nothing")
	}
}
