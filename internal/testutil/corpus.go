package testutil

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/dochygiene/hygiene/internal/shareddata"
)

// RealTexts returns the seeds (testdata/seeds of the module rooted at
// moduleRoot) and the WCXB development pages and truth texts, for tests
// that run the whole pipeline over real text; without ../shared only the
// seeds.
func RealTexts(t testing.TB, moduleRoot string) [][]byte {
	t.Helper()
	seeds, _ := filepath.Glob(filepath.Join(moduleRoot, "testdata", "seeds", "*.txt"))
	var texts [][]byte
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, b)
	}
	if len(texts) == 0 {
		t.Fatalf("no seeds under %s", moduleRoot)
	}
	wcxb, err := shareddata.WCXBTexts("pages", "truth")
	if err != nil {
		t.Fatal(err)
	}
	return append(texts, wcxb...)
}

// WriteCorpus writes the texts under dir twice: as the plain files
// plain/1000.txt, plain/1001.txt, ... and as the records of one JSON Lines
// file, records.jsonl, whose ids are the files' base names (so a record's
// findings can be matched with its file's). It returns the two paths.
func WriteCorpus(t testing.TB, texts [][]byte, dir string) (plain, jsonl string) {
	t.Helper()
	plain, jsonl = filepath.Join(dir, "plain"), filepath.Join(dir, "records.jsonl")
	if err := os.MkdirAll(plain, 0o755); err != nil {
		t.Fatal(err)
	}
	var lines bytes.Buffer
	enc := json.NewEncoder(&lines)
	for i, text := range texts {
		name := strconv.Itoa(1000 + i)
		if err := os.WriteFile(filepath.Join(plain, name+".txt"), text, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := enc.Encode(map[string]string{"id": name, "text": string(text)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(jsonl, lines.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return plain, jsonl
}
