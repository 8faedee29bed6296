package boilerplate

import (
	"sync"

	"github.com/dochygiene/hygiene/internal/document"
)

var (
	cacheMu sync.Mutex
	cache   []*analysis
)

// cacheSize bounds the cache: a few documents per worker. Entries hold the
// document strongly, so a pointer is never reused while it is a key.
const cacheSize = 32

func analyse(doc *document.Document) *analysis {
	cacheMu.Lock()
	for _, a := range cache {
		if a.doc == doc {
			cacheMu.Unlock()
			return a
		}
	}
	cacheMu.Unlock()
	a := newAnalysis(doc)
	cacheMu.Lock()
	if len(cache) >= cacheSize {
		copy(cache, cache[1:])
		cache = cache[:len(cache)-1]
	}
	cache = append(cache, a)
	cacheMu.Unlock()
	return a
}
