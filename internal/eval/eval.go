// Package eval scores hygiene's findings against labelled data: the WCXB
// development pages with per-line labels, and sets that the rule families
// generate from clean articles (insertions, broken footnotes, misspelled
// names, injected text damage). Each family adds a Suite in its own file.
//
// The data lives in ../shared/data beside the checkout; suites that need it
// report ErrNoData when it is absent so tests skip cleanly on a fresh clone.
package eval

import (
	"fmt"
	"io"
	"sort"

	"github.com/dochygiene/hygiene/internal/shareddata"
)

// ErrNoData means the shared data directory is not there.
var ErrNoData = shareddata.ErrNoData

// Suite is one evaluation: it reads its data, runs the rules and writes a
// report of numbers to w.
type Suite struct {
	Name    string
	Summary string
	Run     func(w io.Writer, args []string) error
}

var suites = map[string]*Suite{}

// Register adds a suite; suites register themselves in init.
func Register(s *Suite) {
	if _, dup := suites[s.Name]; dup {
		panic("eval: suite " + s.Name + " registered twice")
	}
	suites[s.Name] = s
}

// Suites returns every suite sorted by name.
func Suites() []*Suite {
	out := make([]*Suite, 0, len(suites))
	for _, s := range suites {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Lookup finds a suite by name.
func Lookup(name string) (*Suite, error) {
	s, ok := suites[name]
	if !ok {
		return nil, fmt.Errorf("unknown suite %q", name)
	}
	return s, nil
}

// DataDir finds the shared data directory (see shareddata.Dir).
func DataDir() (string, error) { return shareddata.Dir() }

// Score counts a binary classification.
type Score struct {
	TP, FP, FN, TN int
}

// Precision is TP/(TP+FP), 1 when nothing was flagged.
func (s Score) Precision() float64 {
	if s.TP+s.FP == 0 {
		return 1
	}
	return float64(s.TP) / float64(s.TP+s.FP)
}

// Recall is TP/(TP+FN), 1 when there was nothing to find.
func (s Score) Recall() float64 {
	if s.TP+s.FN == 0 {
		return 1
	}
	return float64(s.TP) / float64(s.TP+s.FN)
}

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Add merges two scores.
func (s Score) Add(o Score) Score {
	return Score{TP: s.TP + o.TP, FP: s.FP + o.FP, FN: s.FN + o.FN, TN: s.TN + o.TN}
}

func (s Score) String() string {
	return fmt.Sprintf("P %.3f  R %.3f  F1 %.3f  (TP %d FP %d FN %d)", s.Precision(), s.Recall(), s.F1(), s.TP, s.FP, s.FN)
}
