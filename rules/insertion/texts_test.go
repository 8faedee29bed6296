package insertion

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/shareddata"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// seedDocs is the seeds named, in that order, as documents.
func seedDocs(t *testing.T, names ...string) []*document.Document {
	t.Helper()
	docs := make([]*document.Document, 0, len(names))
	for _, n := range names {
		_, text := ruletest.Seed(t, n)
		docs = append(docs, document.New(n+".txt", []byte(text), document.Meta{}))
	}
	return docs
}

// readTexts reads every file of paths; one that cannot be read fails the
// test.
func readTexts(t *testing.T, paths []string) []string {
	t.Helper()
	texts := make([]string, 0, len(paths))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return texts
}

// wcxbTexts is the WCXB dev texts of each kind ("truth", "pages"), in
// order; none without ../shared.
func wcxbTexts(t *testing.T, kinds ...string) []string {
	t.Helper()
	var texts []string
	for _, kind := range kinds {
		paths, _ := shareddata.WCXBFiles(kind)
		texts = append(texts, readTexts(t, paths)...)
	}
	return texts
}

// wcxbDocs is wcxbTexts as documents named by their paths.
func wcxbDocs(t *testing.T, kinds ...string) []*document.Document {
	t.Helper()
	var docs []*document.Document
	for _, kind := range kinds {
		paths, _ := shareddata.WCXBFiles(kind)
		for i, text := range readTexts(t, paths) {
			docs = append(docs, document.New(paths[i], []byte(text), document.Meta{}))
		}
	}
	return docs
}

// fixtureTexts is the seeds' and the rule's own fixtures' texts.
func fixtureTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	for _, pattern := range []string{
		filepath.Join("..", "..", "testdata", "seeds", "*.txt"),
		filepath.Join("testdata", "*.txt"),
	} {
		paths, _ := filepath.Glob(pattern)
		texts = append(texts, readTexts(t, paths)...)
	}
	return texts
}
