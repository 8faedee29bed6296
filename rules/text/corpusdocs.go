package text

import (
	"hash/maphash"
	"slices"
	"unsafe"

	"github.com/dochygiene/hygiene/internal/document"
)

// The family's corpus rules (joined-words, doubled-letter) read every
// document of a corpus run twice, and what the first pass saw of a
// document bounds what the second can find in it: a joined word is a
// form the document gave the vocabulary, a doubled capital a token the
// capital-pair search found there. So each summary keeps, besides its
// counts, the keys of the documents it collected and of those among them
// that hold something the second pass must read; the second pass passes
// over the others without a walk over their bytes or tokens. In the WCXB
// truth texts 52 of 736 documents hold a form that joined-words may flag
// and 10 a doubled-capital shape (the pages: 116 and 45).

// docKey identifies a document by its bytes, a 64-bit hash of them: the
// second pass reads the same bytes again and finds the same key. Any
// other text, such as a fix round's edited document or a document run
// against a summary of other documents, has (but for a 2^-64 chance)
// another key, which the summary does not hold, and is read in full.
// The document model depends on the bytes alone, so the same bytes give
// the same tokens.
type docKey uint64

var docKeySeed = maphash.MakeSeed()

// docKeyMemo keeps a document's key for the family's rules that ask for
// it one after the other.
var docKeyMemo document.Memo[docKey]

func keyOf(doc *document.Document) docKey {
	return docKeyMemo.Get(doc, hashBytes)
}

// hashBytes hashes the document's bytes read as a string, in place (no
// copy): the runtime hashes a string in one call, where maphash.Bytes
// calls it once per 128 bytes (both passes over the WCXB truth texts:
// 13.8M instructions -> 3.8M; the pages 19.5M -> 5.2M).
func hashBytes(d *document.Document) docKey {
	return docKey(maphash.Comparable(docKeySeed, unsafe.String(unsafe.SliceData(d.Src), len(d.Src))))
}

// corpusDocs are the keys of the documents a first pass collected, and of
// those of them the second pass must read. Merging appends; sort sorts
// them once, before the second pass looks keys up. Eight bytes a
// collected document, and eight more for one to read.
type corpusDocs struct {
	collected, toRead []docKey
}

func (c *corpusDocs) merge(o corpusDocs) {
	c.collected = append(c.collected, o.collected...)
	c.toRead = append(c.toRead, o.toRead...)
}

// sort sorts c's keys in place, for passesOver.
func (c *corpusDocs) sort() {
	slices.Sort(c.collected)
	slices.Sort(c.toRead)
}

// passesOver reports whether the second pass may pass over the document
// with key k: the first pass collected it and found nothing to read in
// it. c must be sorted.
func (c corpusDocs) passesOver(k docKey) bool {
	if _, read := slices.BinarySearch(c.toRead, k); read {
		return false
	}
	_, seen := slices.BinarySearch(c.collected, k)
	return seen
}
