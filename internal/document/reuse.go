package document

import "sync"

// Token slices are the largest allocation of a lint run (24 bytes per
// token, a token every 6 bytes: four times the text), and sentence slices
// follow. A bulk run builds and drops documents one after the other, so
// Release hands a finished document's slices to the next document
// instead of to the garbage collector.

var (
	tokenBuffers    sync.Pool // of *[]Token
	sentenceBuffers sync.Pool // of *[]Sentence
	lineBuffers     sync.Pool // of *[]Line
	blockBuffers    sync.Pool // of *[]Block
)

// Release gives the document's token and sentence slices back for reuse
// by documents built later, and drops its memoised values (DropState).
// Call it only when the document is done with: no goroutine is reading
// it and nothing kept a slice from Tokens, TokensIn or Sentences. The
// document stays valid; its tokens, sentences and memoised values are
// computed again if asked for.
func (d *Document) Release() {
	d.DropState()
	if d.tokens != nil {
		toks := d.tokens[:0]
		tokenBuffers.Put(&toks)
	}
	if d.sentences != nil {
		sents := d.sentences[:0]
		sentenceBuffers.Put(&sents)
	}
	d.tokens, d.tokensOnce = nil, sync.Once{}
	d.sentences, d.sentencesOnce = nil, sync.Once{}
}

// tokenBuffer returns an empty token slice with room for n tokens: a
// released one when it is large enough.
func tokenBuffer(n int) []Token {
	if p, ok := tokenBuffers.Get().(*[]Token); ok && cap(*p) >= n {
		return (*p)[:0]
	}
	return make([]Token, 0, n)
}

// sentenceBuffer returns an empty sentence slice, a released one if any.
func sentenceBuffer() []Sentence {
	if p, ok := sentenceBuffers.Get().(*[]Sentence); ok {
		return (*p)[:0]
	}
	return nil
}

// Recycle is Release for a document nobody will read again: its lines and
// blocks go to later documents too (a whole-page document has a Block of
// 72 bytes per line that is not blank, and its slices were a quarter of
// the garbage the runner made itself). After Recycle the document must
// not be used at all.
func (d *Document) Recycle() {
	d.Release()
	if d.Lines != nil {
		lines := d.Lines[:0]
		lineBuffers.Put(&lines)
	}
	if d.Blocks != nil {
		clear(d.Blocks) // no marker stays reachable from the pool
		blocks := d.Blocks[:0]
		blockBuffers.Put(&blocks)
	}
	d.Lines, d.Blocks, d.blank = nil, nil, nil
}

// lineBuffer returns an empty line slice with room for n lines: a
// recycled one when it is large enough.
func lineBuffer(n int) []Line {
	if p, ok := lineBuffers.Get().(*[]Line); ok && cap(*p) >= n {
		return (*p)[:0]
	}
	return make([]Line, 0, n)
}

// blockBuffer returns an empty block slice with room for n blocks: a
// recycled one when it is large enough.
func blockBuffer(n int) []Block {
	if p, ok := blockBuffers.Get().(*[]Block); ok && cap(*p) >= n {
		return (*p)[:0]
	}
	return make([]Block, 0, n)
}
