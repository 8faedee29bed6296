package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/dochygiene/hygiene/internal/shareddata"
)

// TestReproducesCommittedFiles regenerates the word list from SCOWL (when
// ../shared/data/scowl is beside the checkout) and the tables from it, and
// checks that all three are byte for byte the committed ones.
func TestReproducesCommittedFiles(t *testing.T) {
	data, err := shareddata.Dir()
	if err != nil {
		t.Skip("SCOWL data not beside the checkout")
	}
	src := filepath.Join(data, "scowl", "scowl-levels.tsv")
	if _, err := os.Stat(src); err != nil {
		t.Skip("SCOWL data not beside the checkout")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "words.txt.gz")
	if err := run(src, out); err != nil {
		t.Fatal(err)
	}
	if err := writeTables(out); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"words.txt.gz", "words.tbl", "frequent.tbl"} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the committed file: regenerate it (see package lexicon)", name)
		}
	}
}
