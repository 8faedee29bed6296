package corpus

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParseRecordWCXB parses the WCXB dev pages or truth texts as
// JSON Lines records (json.Marshal's escaping, as bench/mkcorpus writes
// them); skipped without ../shared/data beside the checkout.
func BenchmarkParseRecordWCXB(b *testing.B) {
	for _, set := range []string{"pages", "truth"} {
		b.Run(set, func(b *testing.B) {
			lines := wcxbRecords(b, set)
			size := 0
			for _, l := range lines {
				size += len(l)
			}
			b.SetBytes(int64(size))
			for b.Loop() {
				for n, l := range lines {
					if _, err := ParseRecord(l, n+1, JSONLOptions{}); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

func wcxbRecords(b *testing.B, set string) [][]byte {
	paths, _ := filepath.Glob(filepath.Join("../../../shared/data/wcxb-dev", set, "*.txt"))
	if len(paths) == 0 {
		b.Skip("no WCXB texts")
	}
	var lines [][]byte
	for _, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		lit, err := json.Marshal(string(text))
		if err != nil {
			b.Fatal(err)
		}
		line := append([]byte(`{"id":"`+filepath.Base(p)+`","text":`), lit...)
		lines = append(lines, append(line, '}'))
	}
	return lines
}
