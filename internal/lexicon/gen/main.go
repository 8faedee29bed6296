// Command gen builds words.txt.gz, the word list of package lexicon, from
// the SCOWL levels file (word TAB level), and from the list the two hash
// tables the package embeds (words.tbl, frequent.tbl, beside the list):
//
//	go run ./internal/lexicon/gen -src ../shared/data/scowl/scowl-levels.tsv -out internal/lexicon/words.txt.gz
//
// With -src "" only the tables are rebuilt, from the list already there.
//
// The list is gzip'd text: a "#LEVEL" line opens each level, then the
// words of that level sorted, one a line. Possessives ("word's") are left
// out because lexicon strips the suffix when it looks a word up, and words
// above maxLevel are too rare to help (they hold many archaic spellings
// that would hide real joined words). The SCOWL file spells accented words
// as UTF-8 read as Latin-1 ("BogotÃ¡"); they are repaired here.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/internal/lexicon/internal/wordtable"
)

const maxLevel = 80

func main() {
	src := flag.String("src", "../../../shared/data/scowl/scowl-levels.tsv", "SCOWL levels file")
	out := flag.String("out", "words.txt.gz", "output file")
	flag.Parse()
	if *src != "" {
		if err := run(*src, *out); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
	if err := writeTables(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// writeTables builds the embedded tables from the list at listPath and
// writes them beside it.
func writeTables(listPath string) error {
	list, err := os.ReadFile(listPath)
	if err != nil {
		return err
	}
	all, frequent, err := wordtable.Build(bytes.NewReader(list))
	if err != nil {
		return fmt.Errorf("%s: %w", listPath, err)
	}
	dir := filepath.Dir(listPath)
	if err := writeAtomic(filepath.Join(dir, "words.tbl"), all); err != nil {
		return err
	}
	return writeAtomic(filepath.Join(dir, "frequent.tbl"), frequent)
}

func writeAtomic(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func run(src, out string) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	byLevel := map[int][]string{}
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		word, lv, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			continue
		}
		level, err := strconv.Atoi(lv)
		if err != nil || level > maxLevel || strings.HasSuffix(word, "'s") {
			continue
		}
		word = repairLatin1(word)
		if word == "" || seen[word] {
			continue
		}
		seen[word] = true
		byLevel[level] = append(byLevel[level], word)
	}
	if err := sc.Err(); err != nil {
		return err
	}
	levels := make([]int, 0, len(byLevel))
	for l := range byLevel {
		levels = append(levels, l)
	}
	sort.Ints(levels)
	tmp := out + ".tmp"
	w, err := os.Create(tmp)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	for _, l := range levels {
		words := byLevel[l]
		sort.Strings(words)
		fmt.Fprintf(bw, "#%d\n", l)
		for _, word := range words {
			if _, err := bw.WriteString(word + "\n"); err != nil {
				return err
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, out)
}

// repairLatin1 undoes UTF-8 read as Latin-1 ("DÃ¼sseldorf" -> "Düsseldorf").
// A word that is not that kind of damage comes back unchanged; one that
// cannot be repaired is dropped.
func repairLatin1(word string) string {
	b := make([]byte, 0, len(word))
	for _, r := range word {
		if r > 0xff {
			return word
		}
		b = append(b, byte(r))
	}
	if utf8.Valid(b) {
		return string(b)
	}
	if utf8.ValidString(word) && !strings.ContainsAny(word, "ÃÂ") {
		return word
	}
	return ""
}
