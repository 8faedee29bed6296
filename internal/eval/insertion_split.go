package eval

import (
	"hash/fnv"
	"path/filepath"
	"strings"
)

// InsertionTuneHalf splits the WCXB truth texts into two halves by a hash
// of the file name: the tune half builds insertion/'s document-frequency
// table and is where thresholds were tuned; the other half is where the
// insertion suite reports its numbers, so the reported figures are not
// measured on text the rule was fitted to.
func InsertionTuneHalf(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	h := fnv.New32a()
	h.Write([]byte(base))
	return h.Sum32()%2 == 0
}
