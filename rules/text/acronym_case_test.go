package text

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/knowledge"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

func TestAcronymCaseFlags(t *testing.T) {
	cases := map[string]string{
		"Institute for the Study of War: Uk, France and Ukraine meet": "UK",
		"The Imf said growth would slow.":                             "IMF",
		"The uK and the Eu agreed.":                                   "UK",
	}
	for text, want := range cases {
		fs := ruletest.Run(t, AcronymCase, text, nil)
		if len(fs) == 0 || fs[0].Fix == nil || fs[0].Fix.Edits[0].Text != want || fs[0].Fix.Safety != fixers.Safe {
			t.Errorf("%q: want a safe fix to %q, got %v", text, want, fs)
		}
	}
}

func TestAcronymCaseTraps(t *testing.T) {
	quiet := []string{
		"Us and them. It was late. Who knows? Un accord a été trouvé. Ira Glass spoke. Ai Weiwei too.",
		"Nato and Unesco are BBC style; NATO and UNESCO are fine too.",
		"See www.bbc.co.Uk/news and mail press@Imf.org for details.",
		"the uk and the imf in lower case are domains or code, not prose",
		"The UK, the US, the EU and the IMF.",
	}
	for _, text := range quiet {
		if fs := ruletest.Run(t, AcronymCase, text, nil); len(fs) != 0 {
			t.Errorf("%q: want quiet, got %v", text, fs)
		}
	}
	// A house style that accepts capitals only flags "Nato".
	fs := ruletest.Run(t, AcronymCase, "Nato met.", rules.Options{"house_style": "none"})
	if len(fs) != 1 {
		t.Errorf("house_style none: want Nato flagged, got %v", fs)
	}
}

func TestAcronymCaseSeeds(t *testing.T) {
	_, text := ruletest.Seed(t, "000")
	fs := ruletest.Run(t, AcronymCase, text, nil)
	if lines := ruletest.Lines(text, fs); len(lines) != 1 || lines[0] != 3 {
		t.Errorf("seed 000: want line 3, got %v", lines)
	}
	for _, seed := range []string{"001", "002", "003", "004"} {
		_, text := ruletest.Seed(t, seed)
		if fs := ruletest.Run(t, AcronymCase, text, nil); len(fs) != 0 {
			t.Errorf("seed %s: want quiet, got %v", seed, fs)
		}
	}
}

func TestAcronymCaseDocExamples(t *testing.T) {
	if fs := ruletest.Run(t, AcronymCase, AcronymCase.Bad, nil); len(fs) == 0 {
		t.Error("Bad example not flagged")
	}
	if fs := ruletest.Run(t, AcronymCase, AcronymCase.Good, nil); len(fs) != 0 {
		t.Errorf("Good example flagged: %v", fs)
	}
}

func TestAcronymCaseOddInput(t *testing.T) {
	for _, in := range []string{"", "Uk\xff", "\xc3Uk", "Uk-", "'Uk'", "Uk\u2019s Nato-led", "İmf"} {
		ruletest.Run(t, AcronymCase, in, nil)
	}
}

// mixedHead reads a token as one machine word; it must agree with the
// byte-by-byte asciiMixedHead on every token.
func TestMixedHeadAgreesWithBytewise(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	alphabet := []byte("aAzZkKuU09-'\xc3\xa9")
	for range 20000 {
		buf := make([]byte, 16)
		for i := range buf {
			buf[i] = alphabet[rng.IntN(len(alphabet))]
		}
		tok := buf[:1+rng.IntN(8)]
		var a, b [8]byte
		n1, ok1 := mixedHead(tok, &a)
		n2, ok2 := asciiMixedHead(tok, &b)
		if n1 != n2 || ok1 != ok2 || string(a[:n1]) != string(b[:n2]) {
			t.Fatalf("%q: mixedHead %d %v %q, asciiMixedHead %d %v %q", tok, n1, ok1, a[:n1], n2, ok2, b[:n2])
		}
	}
}

// TestInitialismOpenersCoverThePack checks that the pairs acronym-case
// passes over open no initialism of the pack: every initialism's form in
// capitals opens with a pair marked in every case, so no lookup that
// could find one is skipped.
func TestInitialismOpenersCoverThePack(t *testing.T) {
	pack := knowledge.Active()
	o := openersOf(pack)
	if openersOf(pack) != o {
		t.Fatal("the openers of one pack are worked out again")
	}
	for _, in := range pack.Initialisms {
		f := strings.ToUpper(in.Form)
		if len(f) >= 2 && isUpperASCII(f[0]) && isUpperASCII(f[1]) {
			for _, p := range []string{f[:2], strings.ToLower(f[:2]), f[:1] + strings.ToLower(f[1:2]), strings.ToLower(f[:1]) + f[1:2]} {
				if !o.mayOpen(p[0], p[1]) {
					t.Errorf("%q: its first two letters %q are not marked", f, p)
				}
			}
		}
		if pack.InitialismKey([]byte(f)) != in {
			t.Errorf("%q: the pack's index does not hold the form in capitals", f)
		}
	}
	for _, p := range []string{"TH", "Th", "th", "U1", "1U", "U-", "U'"} {
		if o.mayOpen(p[0], p[1]) {
			t.Errorf("%q opens no initialism of the pack, yet it is marked", p)
		}
	}
	if !o.mayOpen(0xc3, 'k') || !o.mayOpen('U', 0xc3) {
		t.Error("a pair with a byte above ASCII must be looked at")
	}
}
