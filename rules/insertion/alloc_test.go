package insertion

import (
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/internal/document"
)

// nameCountsReference is how finding counted the names a block shares
// with the rest of the document before nameCounts: a set of the block's
// names, a set of the rest's, and their intersection.
func nameCountsReference(doc *document.Document, start, end int) (block, shared int) {
	b := namesReference(doc, start, end)
	h := namesReference(doc, 0, start)
	for n := range namesReference(doc, end, len(doc.Src)) {
		h[n] = true
	}
	for n := range b {
		if h[n] {
			shared++
		}
	}
	return len(b), shared
}

// namesReference is names as it was, before nameKey.
func namesReference(doc *document.Document, start, end int) map[string]bool {
	out := map[string]bool{}
	for _, t := range doc.TokensIn(start, end) {
		if t.Kind != document.Word || t.End-t.Start < 3 {
			continue
		}
		r, _ := utf8.DecodeRune(doc.Src[t.Start:])
		if !unicode.IsUpper(r) || opensSentence(doc.Src, start, t.Start) {
			continue
		}
		if key := TermKey(string(doc.Src[t.Start:t.End])); key != "" {
			out[key] = true
		}
	}
	return out
}

// TestNameCountsMatchReference holds nameCounts to the two sets it
// replaced, over the seeds, the rule's fixtures and the WCXB dev texts,
// for blocks and runs of a few blocks spread over each document, the whole
// document, and its middle third (a range that starts and ends inside
// sentences).
func TestNameCountsMatchReference(t *testing.T) {
	docs := fixtureDocs(t)
	if !testing.Short() {
		docs = append(docs, wcxbDocs(t, "truth", "pages")...)
	}
	cases, sharing := 0, 0
	for _, doc := range docs {
		var spans [][2]int
		for k := 0; k < len(doc.Blocks); k += max(1, len(doc.Blocks)/16) {
			last := min(len(doc.Blocks)-1, k+3)
			spans = append(spans, [2]int{doc.Blocks[k].Start, doc.Blocks[k].End},
				[2]int{doc.Blocks[k].Start, doc.Blocks[last].End})
		}
		spans = append(spans, [2]int{0, len(doc.Src)}, [2]int{len(doc.Src) / 3, 2 * len(doc.Src) / 3})
		for _, s := range spans {
			b, sh := nameCounts(doc, s[0], s[1])
			wb, wsh := nameCountsReference(doc, s[0], s[1])
			if b != wb || sh != wsh {
				t.Fatalf("%s [%d, %d): %d names, %d shared; reference %d, %d", doc.Path, s[0], s[1], b, sh, wb, wsh)
			}
			if sh > 0 {
				sharing++
			}
			cases++
		}
	}
	if sharing == 0 {
		t.Fatal("no block shares a name with its document: the test shows little")
	}
	t.Logf("%d ranges, %d sharing names", cases, sharing)
}

// TestSurfaceTableGrowsInItsRoom: a table reset small in the room a larger
// document left grows within that room (no allocation of a new table), and
// holds every form after, as a table grown afresh does.
func TestSurfaceTableGrowsInItsRoom(t *testing.T) {
	text, spans := numberedForms("form", 3000)
	var roomy, fresh surfaceTable
	roomy.reset(text, len(spans)) // the room of a large document
	room := &roomy.slots[:cap(roomy.slots)][cap(roomy.slots)-1]
	roomy.reset(text, 0)
	fresh.reset(text, 0)
	for i, s := range spans {
		h, head := hashWordHead(text[s[0]:s[1]])
		for _, tab := range []*surfaceTable{&roomy, &fresh} {
			if _, ok := tab.getOrAdd(h, head, s[0], s[1], int32(i)); ok {
				t.Fatalf("form %d found before it was added", i)
			}
		}
	}
	if got := &roomy.slots[:cap(roomy.slots)][cap(roomy.slots)-1]; got != room {
		t.Error("the table left its room to grow")
	}
	if !slices.Equal(roomy.slots, fresh.slots) {
		t.Error("grown in its room, the table differs from one grown afresh")
	}
	for i, s := range spans {
		if vid, ok := roomy.get(hashWord(text[s[0]:s[1]]), s[0], s[1]); !ok || vid != int32(i) {
			t.Fatalf("form %d: %d, %v", i, vid, ok)
		}
	}
}

// TestBaselineScratch: baseline, which keeps its cosines in the tables'
// scratch, answers the same when asked again and after the tables served
// other documents (median of the substantial units' cosines).
func TestBaselineScratch(t *testing.T) {
	docs := fixtureDocs(t)
	if !testing.Short() {
		pages := wcxbDocs(t, "pages") // none without ../shared
		docs = append(docs, pages[:min(40, len(pages))]...)
	}
	want := make([]float64, len(docs))
	for k, doc := range docs {
		c := analyse(doc, defaultIDF())
		var cs []float64
		for u := range c.units {
			if c.units[u].substantial {
				cs = append(cs, c.unitCos(u))
			}
		}
		if len(cs) > 0 {
			slices.Sort(cs)
			want[k] = cs[len(cs)/2]
		}
		if got := c.baseline(); got != want[k] || c.baseline() != want[k] {
			t.Fatalf("%s: baseline %v, want %v", doc.Path, got, want[k])
		}
		c.release()
	}
	for k := len(docs) - 1; k >= 0; k-- {
		c := analyse(docs[k], defaultIDF())
		if got := c.baseline(); got != want[k] {
			t.Fatalf("%s again: baseline %v, want %v", docs[k].Path, got, want[k])
		}
		c.release()
	}
}
