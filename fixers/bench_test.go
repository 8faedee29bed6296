package fixers

import (
	"math/rand"
	"strings"
	"testing"
)

// BenchmarkRun measures the engine alone (resolve, seams, apply, ledger
// and the re-lint rounds) with cheap content rules on a ~200 KB text that
// has a fix every few lines. Run: go test ./fixers -bench Run -benchtime 20x
func BenchmarkRun(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	var sb strings.Builder
	for sb.Len() < 200_000 {
		sb.WriteString(randomDoc(rng))
		sb.WriteString("\n\n")
	}
	src := []byte(sb.String())
	lint := docLinter(contentRules)
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for b.Loop() {
		res, err := Run(src, lint, Options{Unsafe: true})
		if err != nil || !res.Settled {
			b.Fatal("did not settle", err)
		}
	}
}
