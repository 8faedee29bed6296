package boilerplate

import (
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/internal/shareddata"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

// collectTemplatesReference is collectTemplates as it was written first:
// eachCandidateLine's normal forms of the trimmed lines, sorted and
// compacted.
func collectTemplatesReference(doc *document.Document) []uint64 {
	var fps []uint64
	eachCandidateLine(doc, func(_, _, _ int, _, norm []byte) {
		if !legitRepeats[string(norm)] {
			fps = append(fps, fingerprint(norm))
		}
	})
	slices.Sort(fps)
	return slices.Compact(fps)
}

// The collect pass normalises untrimmed lines and drops repeats with a
// set: the same fingerprints as the reference, each once, on the seeds,
// on lines with leading and trailing white space of every kind, and on
// the WCXB pages and truth texts when ../shared is here.
func TestCollectTemplatesMatchesReference(t *testing.T) {
	check := func(name string, src []byte) {
		t.Helper()
		doc := document.New(name, src, document.Meta{Source: "s"})
		got := collectTemplates(doc, nil).(*templateFacts).single
		sorted := slices.Sorted(slices.Values(got))
		if want := collectTemplatesReference(doc); !slices.Equal(sorted, want) {
			t.Fatalf("%s: collected %d fingerprints, the reference %d", name, len(got), len(want))
		}
	}
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		_, text := ruletest.Seed(t, n)
		check("seed "+n, []byte(text))
	}
	check("spaces", []byte(" \tSign up now \u00a0\n\n\u2003Share\u3000\n\nShare\n\n  Sign up NOW\n\n\u00a0\n\n- 3 min read \n\n<b>Key Takeaways</b>\n"))
	for _, kind := range []string{"pages", "truth"} {
		paths, err := shareddata.WCXBFiles(kind)
		if err != nil {
			continue
		}
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			check(p, src)
		}
	}
}

// lineSet keeps each fingerprint once, in the order first added,
// fingerprint 0 included, and forgets them all on reset.
func TestLineSetKeepsFirstOfEach(t *testing.T) {
	var s lineSet
	s.reset(3)
	mask := s.mask
	in := []uint64{5, 0, 5 + mask + 1, 5, 0, 7, 5 + mask + 1}
	for _, fp := range in {
		s.add(fp)
	}
	if want := []uint64{5, 0, 5 + mask + 1, 7}; !slices.Equal(s.order, want) {
		t.Fatalf("order %v, want %v", s.order, want)
	}
	s.reset(1)
	s.add(7)
	if !slices.Equal(s.order, []uint64{7}) || s.hasZero {
		t.Fatalf("after reset: %v, zero %v", s.order, s.hasZero)
	}
	// Past its preset size the table grows and keeps every fingerprint
	// once; a fresh reset starts small again.
	s.reset(1 << 20)
	var want []uint64
	for i := range uint64(5000) {
		fp := (i%2500 + 1) * 0x9E3779B97F4A7C15
		s.add(fp)
		if i < 2500 {
			want = append(want, fp)
		}
	}
	if !slices.Equal(s.order, want) || len(s.slots) > 4*len(want) {
		t.Fatalf("grown: %d fingerprints (want %d) in %d slots", len(s.order), len(want), len(s.slots))
	}
	s.reset(3)
	if len(s.slots) != 16 {
		t.Fatalf("reset for 3 lines: %d slots", len(s.slots))
	}
}

// fingerprintReference is fingerprint as it was before its loop took two
// packs a step: the hash of every form must stay the same.
func fingerprintReference(norm string) uint64 {
	h := uint64(fnvOffset)
	i := 0
	for ; i+8 <= len(norm); i += 8 {
		h = (h ^ le64(norm[i:i+8])) * fnvPrime
	}
	for ; i < len(norm); i++ {
		h = (h ^ uint64(norm[i])) * fnvPrime
	}
	h = (h ^ uint64(len(norm))) * fnvPrime
	h ^= h >> 32
	h *= 0x9E3779B97F4A7C15
	h ^= h >> 29
	return h>>fpLengthBits | uint64(normLength(norm))<<(64-fpLengthBits)
}

func TestFingerprintMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(69, 9))
	for n := range 1200 {
		for range 8 {
			b := make([]byte, n)
			for i := range b {
				b[i] = byte(r.Uint32())
			}
			if got, want := fingerprint(b), fingerprintReference(string(b)); got != want || fingerprint(string(b)) != want {
				t.Fatalf("%d bytes: fingerprint %x, the reference %x", n, got, want)
			}
		}
	}
}
