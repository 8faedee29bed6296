package text

import (
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

func TestEncodingInvalidUTF8(t *testing.T) {
	text := "caf\xe9 au lait and na\xefve\n"
	f := flagged(t, Encoding, text, 1)[0]
	if f.Severity != rules.Error || f.Fix.Safety != fixers.Unsafe {
		t.Errorf("want an error with an unsafe fix, got %v %v", f.Severity, f.Fix.Safety)
	}
	if got := applyFix(t, text, f); got != "café au lait and naïve\n" {
		t.Errorf("fixed: %q", got)
	}
}

func TestEncodingManyInvalidLinesAreCapped(t *testing.T) {
	text := ""
	for i := 0; i < 200; i++ {
		text += "caf\xe9\n"
	}
	fs := ruletest.Run(t, Encoding, text, nil)
	if len(fs) != maxInvalidLines+1 {
		t.Errorf("want %d findings (capped), got %d", maxInvalidLines+1, len(fs))
	}
}

func TestEncodingControlsAndBOM(t *testing.T) {
	text := "one\x00two\x1b\x1bthree\ffour\rfive \ufeffsix\n"
	fs := flagged(t, Encoding, text, 5)
	if got := fixWith(t, text, false, Encoding); got != "onetwothree\nfour\nfive six\n" {
		t.Errorf("fixed: %q (%d findings)", got, len(fs))
	}
	flagged(t, Encoding, "lost \ufffd char\n", 1)
	flagged(t, Encoding, "stars \u0090\u0090\u0090 here\n", 1)
}

func TestEncodingTraps(t *testing.T) {
	quiet(t, Encoding,
		"\ufeffA file may start with a byte order mark.\r\nCRLF lines\r\nare fine.\r\n",
		"Tabs\tare fine, and so is “typography” — and ünïcödé.\n",
		// A C1 byte inside mojibake is text/mojibake's.
		"quotedâ€\u009d text\n",
	)
}

func TestEncodingNeverPanics(t *testing.T) {
	inputs := []string{"", "\xff", "\xef\xbb\xbf", "\r", "\n\n\n", "\xc3", "\xe2\x80", "\x00\x00\x00",
		string(make([]byte, 1<<16)), "a\rb\rc", "\ufeff\ufeff", "\xed\xa0\x80 surrogate", "\xf4\x90\x80\x80 too big"}
	for _, in := range inputs {
		for _, r := range mine {
			ruletest.Run(t, r, in, nil)
		}
	}
}

func FuzzTextRules(f *testing.F) {
	for _, s := range []string{"caf\xe9", "a\u00a0 b", "ofinternational", "Tthe the", "<u>x</u> &amp;", "â€™", "cafe\u0301", "x\ny\n\n\u00a0\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, r := range mine {
			for _, x := range ruletest.Run(t, r, string(b), nil) {
				if x.Fix == nil {
					continue
				}
				for _, e := range x.Fix.Edits {
					if e.Start < 0 || e.End > len(b) || e.Start > e.End {
						t.Fatalf("%s: edit out of range: %+v", r.ID, e)
					}
				}
			}
		}
	})
}

// TestHugeLineStaysLinear runs every rule on a 2 MB document of one line
// full of the things the rules look at; a rule that rescans the line per
// finding would take minutes here.
func TestHugeLineStaysLinear(t *testing.T) {
	unit := "ofthe `code` <b>x</b> &amp; \\*\\* \u0090 â€™ cafe\u0301 a\u00a0 b ** "
	var b strings.Builder
	for b.Len() < 2<<20 {
		b.WriteString(unit)
	}
	for _, r := range mine {
		ruletest.Run(t, r, b.String(), nil)
	}
}
