// Package shareddata finds the project's shared data directory (../shared/data
// beside the checkout), for the evaluation suites, tests and benchmarks that
// use the real labelled data. It imports nothing of the project, so any test
// package may use it without an import cycle.
package shareddata

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ErrNoData means the shared data directory is not there.
var ErrNoData = errors.New("shared data not found (expected ../shared/data beside the checkout, or set HYGIENE_DATA)")

// Dir finds the shared data directory: $HYGIENE_DATA, or ../shared/data
// relative to the working directory or any of its parents (tests run in
// package directories).
func Dir() (string, error) {
	if d := os.Getenv("HYGIENE_DATA"); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d, nil
		}
		return "", ErrNoData
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, "..", "shared", "data")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return filepath.Clean(p), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", ErrNoData
		}
		dir = parent
	}
}

// WCXBFiles lists the WCXB development files of one kind ("pages" or
// "truth"), sorted; ErrNoData when there are none.
func WCXBFiles(kind string) ([]string, error) {
	dir, err := Dir()
	if err != nil {
		return nil, err
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "wcxb-dev", kind, "*.txt"))
	if len(paths) == 0 {
		return nil, ErrNoData
	}
	sort.Strings(paths)
	return paths, nil
}

// WCXBTexts returns the text of every WCXB development file of the given
// kinds, in WCXBFiles' order, for tests that hold a fast path to its
// reference on real text: none for a kind without data; an error only
// when a listed file cannot be read.
func WCXBTexts(kinds ...string) ([][]byte, error) {
	var texts [][]byte
	for _, kind := range kinds {
		paths, err := WCXBFiles(kind)
		if err != nil {
			continue
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				return nil, err
			}
			texts = append(texts, b)
		}
	}
	return texts, nil
}

// WCXBLines returns every line (without its line feed) of the WCXB
// development files of the given kinds, for tests that check a fast path
// against its reference on real text: none for a kind without data (as
// WCXBTexts); an error only when a listed file cannot be read.
func WCXBLines(kinds ...string) ([]string, error) {
	var lines []string
	for _, kind := range kinds {
		paths, err := WCXBFiles(kind)
		if err != nil {
			continue
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				return nil, err
			}
			lines = append(lines, strings.Split(string(b), "\n")...)
		}
	}
	return lines, nil
}
