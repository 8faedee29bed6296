package insertion

import (
	"bufio"
	"bytes"
	"math"
	"strconv"
	"testing"
)

func BenchmarkParseDF(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		parseDFText(dfTable)
	}
}

func BenchmarkReferenceParseDF(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		referenceParseDF([]byte(dfTable))
	}
}

// The sorted table weighs and counts every term as the former maps did,
// on the embedded table and on tables written out of order, with a term
// twice, carriage returns, comments and lines that are no entry.
func TestParseDFMatchesReference(t *testing.T) {
	inputs := [][]byte{
		[]byte(dfTable),
		[]byte("# comment\nN 99\ncommon 99\nrare 2\nbad line\n"),
		[]byte("N 10\nzeta 3\nalpha 2\nmid 5\nalpha 7\n\nN 4\n two words 3\nnocount\nx y\n# a 5\r\nlast 1\r\nend 6"),
		[]byte("N 0\nN 5\na 1\n"),
		[]byte(""),
	}
	for _, in := range inputs {
		got, want := parseDF(in), referenceParseDF(in)
		if got.n != want.n || got.unseen != want.unseen || got.len() != len(want.weights) {
			t.Errorf("%.40q: n %v unseen %v terms %d, want %v %v %d", in, got.n, got.unseen, got.len(), want.n, want.unseen, len(want.weights))
		}
		for term, w := range want.weights {
			if c, ok := got.count(term); !ok || c != want.counts[term] || got.weight(term) != w {
				t.Errorf("%.40q: %q count %d %v weight %v, want %d %v", in, term, c, ok, got.weight(term), want.counts[term], w)
			}
		}
		for _, term := range []string{"", "unseen", "N", "two", "zzz"} {
			if _, listed := want.weights[term]; !listed && got.weight(term) != want.unseen {
				t.Errorf("%.40q: unlisted %q weighs %v, want %v", in, term, got.weight(term), want.unseen)
			}
		}
	}
}

// referenceTable and referenceParseDF are the former table (two maps) and
// parser, kept as the reference for the sorted one.
type referenceTable struct {
	weights map[string]float64
	counts  map[string]int
	n       float64
	unseen  float64
}

func referenceParseDF(b []byte) *referenceTable {
	t := &referenceTable{weights: map[string]float64{}, counts: map[string]int{}}
	n := 0.0
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Bytes()
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		sp := bytes.LastIndexByte(line, ' ')
		if sp <= 0 {
			continue
		}
		c, err := strconv.Atoi(string(line[sp+1:]))
		if err != nil {
			continue
		}
		if string(line[:sp]) == "N" && n == 0 {
			n = float64(c)
			continue
		}
		t.weights[string(line[:sp])] = math.Log((n + 1) / (float64(c) + 0.5))
		t.counts[string(line[:sp])] = c
	}
	t.n = n
	t.unseen = math.Log((n + 1) / 1.5)
	return t
}
