package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReuseTextReadsEachFileWhole reads files of falling and rising sizes
// with ReuseText, handing each text back before the next: every unit
// holds its file's bytes and nothing of the file before (a recycled
// buffer is larger than the next file).
func TestReuseTextReadsEachFileWhole(t *testing.T) {
	dir := t.TempDir()
	sizes := []int{5000, 10, 0, 70000, 3, 4096, 4097, 1}
	var files []File
	want := map[string][]byte{}
	for i, n := range sizes {
		path := filepath.Join(dir, string(rune('a'+i))+".txt")
		data := []byte(strings.Repeat(string(rune('a'+i)), n))
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, File{Path: path})
		want[path] = data
	}
	for round := range 2 {
		err := Each(files, Options{ReuseText: true}, func(u Unit) error {
			if !bytes.Equal(u.Text, want[u.File.Path]) {
				t.Errorf("round %d %s: %d bytes, want %d", round, u.File.Path, len(u.Text), len(want[u.File.Path]))
			}
			RecycleText(u.Text)
			return nil
		}, func(p Problem) { t.Errorf("problem: %v", p) })
		if err != nil {
			t.Fatal(err)
		}
	}
}
