// Package baseline filters a lint report down to what is new: findings not
// recorded in a baseline file (--baseline, written by --write-baseline),
// and findings on lines added since a git revision (--new-from-rev). Both
// let a team adopt hygiene on a corpus that is not clean yet and gate only
// what a change brings in.
package baseline

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/dochygiene/hygiene/internal/report"
)

// Version is the version of the baseline file format.
const Version = 1

// File is a baseline as stored: one entry per accepted finding.
type File struct {
	Version  int     `json:"version"`
	Tool     string  `json:"tool"`
	Findings []Entry `json:"findings"`
}

// Entry is one accepted finding. Path, Record, Rule and Fingerprint are
// its key; Line and Message only help a human reading the file.
type Entry struct {
	Path        string `json:"path"`
	Record      string `json:"record,omitempty"`
	Rule        string `json:"rule"`
	Fingerprint string `json:"fingerprint"`
	Line        int    `json:"line"`
	Message     string `json:"message"`
}

type key struct{ path, record, rule, fingerprint string }

// Baseline is a loaded baseline, ready to filter reports.
type Baseline struct {
	path   string
	counts map[key]int
}

// relPath expresses a finding's path relative to the baseline file's
// directory, with forward slashes, so that a baseline at the top of a
// repository matches whatever directory lint runs from. Standard input
// stays "-".
func relPath(baselineFile, path string) string {
	if path == "-" {
		return path
	}
	absBase, err1 := filepath.Abs(filepath.Dir(baselineFile))
	absPath, err2 := filepath.Abs(path)
	if err1 != nil || err2 != nil {
		return filepath.ToSlash(filepath.Clean(path))
	}
	rel, err := filepath.Rel(absBase, absPath)
	if err != nil {
		return filepath.ToSlash(absPath)
	}
	return filepath.ToSlash(rel)
}

func keyOf(baselineFile string, it *report.Item) key {
	return key{relPath(baselineFile, it.Path), it.Record, it.Rule.ID, it.Fingerprint}
}

// Write records every finding of r in a baseline at path, atomically
// (a temporary file renamed into place).
func Write(path string, r *report.Report, tool string) (int, error) {
	f := File{Version: Version, Tool: tool, Findings: make([]Entry, 0, len(r.Items))}
	for i := range r.Items {
		it := &r.Items[i]
		k := keyOf(path, it)
		f.Findings = append(f.Findings, Entry{
			Path: k.path, Record: k.record, Rule: k.rule, Fingerprint: k.fingerprint,
			Line: it.Line, Message: it.Message,
		})
	}
	sort.SliceStable(f.Findings, func(i, j int) bool {
		a, b := &f.Findings[i], &f.Findings[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Record != b.Record {
			return a.Record < b.Record
		}
		return a.Line < b.Line
	})
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return 0, err
	}
	return len(f.Findings), writeAtomic(path, append(data, '\n'))
}

func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("writing baseline: %v", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("writing baseline %s: %v", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing baseline %s: %v", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("writing baseline %s: %v", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing baseline %s: %v", path, err)
	}
	return nil
}

// Load reads a baseline file; errors name the file and what is wrong.
func Load(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("baseline %s does not exist (create it with --write-baseline %s)", path, path)
	}
	if err != nil {
		return nil, fmt.Errorf("baseline: %v", err)
	}
	var f File
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("baseline %s: not a hygiene baseline: %v", path, err)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("baseline %s: version %d, want %d (write it again with --write-baseline)", path, f.Version, Version)
	}
	b := &Baseline{path: path, counts: map[key]int{}}
	for i, e := range f.Findings {
		if e.Path == "" || e.Rule == "" || e.Fingerprint == "" {
			return nil, fmt.Errorf("baseline %s: finding %d lacks path, rule or fingerprint", path, i+1)
		}
		b.counts[key{e.Path, e.Record, e.Rule, e.Fingerprint}]++
	}
	return b, nil
}

// Filter removes from r the findings the baseline accepts and returns how
// many it removed. Matching counts: a baseline holding one "Login" line
// accepts one such finding in that file, and a second one is reported.
func (b *Baseline) Filter(r *report.Report) int {
	left := make(map[key]int, len(b.counts))
	for k, n := range b.counts {
		left[k] = n
	}
	kept := r.Items[:0]
	removed := 0
	for i := range r.Items {
		k := keyOf(b.path, &r.Items[i])
		if left[k] > 0 {
			left[k]--
			removed++
			continue
		}
		kept = append(kept, r.Items[i])
	}
	r.Items = kept
	return removed
}
