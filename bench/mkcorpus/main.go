// Command mkcorpus builds the benchmark corpus for bench/run.sh: copies of
// openly licensed article texts (the WCXB development pages and truth
// texts, CC-BY-4.0, and the project's seeds) until a target size, written
// both as plain files (one directory per round, a source each) and as JSON
// Lines files (one per round).
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

func main() {
	out := flag.String("out", "", "directory to write plain/ and jsonl/ into")
	sizeMB := flag.Int("mb", 100, "minimum corpus size in MB")
	flag.Parse()
	if *out == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: mkcorpus -out DIR [-mb N] SOURCE_DIR...")
		os.Exit(2)
	}
	if err := build(*out, *sizeMB*1_000_000, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "mkcorpus:", err)
		os.Exit(1)
	}
}

type article struct {
	name string
	text []byte
}

func build(out string, size int, sources []string) error {
	arts, err := load(sources)
	if err != nil {
		return err
	}
	if len(arts) == 0 {
		return fmt.Errorf("no .txt files under %v", sources)
	}
	total := 0
	for round := 0; total < size; round++ {
		n, err := writeRound(out, round, arts)
		if err != nil {
			return err
		}
		total += n
	}
	fmt.Printf("%s: %.1f MB of text, %d articles per round\n", out, float64(total)/1e6, len(arts))
	return nil
}

func load(dirs []string) ([]article, error) {
	var arts []article
	for _, dir := range dirs {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		sort.Strings(paths)
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				return nil, err
			}
			arts = append(arts, article{name: filepath.Base(filepath.Dir(p)) + "-" + filepath.Base(p), text: b})
		}
	}
	return arts, nil
}

// writeRound writes one copy of every article as plain/rNN/<name> and as
// records of jsonl/rNN.jsonl, and returns the text bytes written.
func writeRound(out string, round int, arts []article) (int, error) {
	dir := filepath.Join(out, "plain", fmt.Sprintf("r%02d", round))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	if err := os.MkdirAll(filepath.Join(out, "jsonl"), 0o755); err != nil {
		return 0, err
	}
	f, err := os.Create(filepath.Join(out, "jsonl", fmt.Sprintf("r%02d.jsonl", round)))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	n := 0
	for i, a := range arts {
		if err := os.WriteFile(filepath.Join(dir, a.name), a.text, 0o644); err != nil {
			return 0, err
		}
		rec := struct {
			ID     string `json:"id"`
			Source string `json:"source"`
			Text   string `json:"text"`
			Length int    `json:"length"`
		}{fmt.Sprintf("r%02d-%d", round, i), a.name, string(a.text), len(a.text)}
		if err := enc.Encode(rec); err != nil {
			return 0, err
		}
		n += len(a.text)
	}
	if err := w.Flush(); err != nil {
		return 0, err
	}
	return n, nil
}
