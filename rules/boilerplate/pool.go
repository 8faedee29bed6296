package boilerplate

import (
	"github.com/dochygiene/hygiene/internal/document"
)

// analyses keeps each document's analysis in the document itself, shared
// by every boilerplate rule (the runner runs all rules on one document in
// a row, and corpus rules collect from it too) and dropped when the
// runner is done with the document (document.Memo). A table of the last
// documents beside them, as before, could evict a document whose rules
// were still running at -j2 and compute its analysis again.
var analyses document.Memo[*analysis]

func analyse(doc *document.Document) *analysis {
	return analyses.Get(doc, newAnalysis)
}
