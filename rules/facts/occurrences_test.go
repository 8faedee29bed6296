package facts

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"testing"
)

// appendOccurrencesReference is appendOccurrences as first written, one
// bytes.Index per occurrence: the rare-letter search must find the same
// spans in the same order.
func appendOccurrencesReference(out [][2]int, text []byte, word string) [][2]int {
	for i := 0; i < len(text); {
		k := bytes.Index(text[i:], []byte(word))
		if k < 0 {
			break
		}
		out = append(out, [2]int{i + k, i + k + len(word)})
		i += k + 1
	}
	return out
}

func TestAppendOccurrencesAgreesWithReference(t *testing.T) {
	texts := []string{"", "c", "rticle", "Article 5", "ARTICLE 5 and article 7", "rticlerticle", "cle rticl rticle.", "xrticlexrticle",
		"aaaa", "nana banana", "the article of the treaty, Article\u00a05"}
	rng := rand.New(rand.NewPCG(4, 9))
	pieces := []string{"rticle", "RTICLE", "r", "c", "cl", "cle", "rti", " ", "a", "ana", "ARTI", "\u00e9", "\xff", "5", "icl"}
	for range 2000 {
		var b []byte
		for range rng.IntN(40) {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		texts = append(texts, string(b))
	}
	for _, text := range texts {
		for _, word := range []string{"rticle", "RTICLE", "ana", "a", "c", "ticl", "5"} {
			got := appendOccurrences(nil, []byte(text), word)
			want := appendOccurrencesReference(nil, []byte(text), word)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("appendOccurrences(%q, %q) = %v, the reference says %v", text, word, got, want)
			}
		}
	}
}
