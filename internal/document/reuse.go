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
)

// Release gives the document's token and sentence slices back for reuse
// by documents built later. Call it only when the document is done with:
// no goroutine is reading it and nothing kept a slice from Tokens,
// TokensIn or Sentences. The document stays valid; its tokens and
// sentences are computed again if asked for.
func (d *Document) Release() {
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
