package text

import (
	"testing"

	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

func TestWhitespaceNoBreakSpaces(t *testing.T) {
	text := "a just and lasting peace on September 4.[1]\u00a0 The heads of state met.\n"
	f := flagged(t, Whitespace, text, 1)[0]
	if got := applyFix(t, text, f); got != "a just and lasting peace on September 4.[1] The heads of state met.\n" {
		t.Errorf("fixed: %q", got)
	}
	// Residue inside a sentence is info, not a warning.
	fs := ruletest.Run(t, Whitespace, "a separate\u00a0 hurricane deductible\n", nil)
	if len(fs) != 1 || fs[0].Severity != rules.Info {
		t.Errorf("mid-sentence no-break space next to a space: want one info finding, got %v", fs)
	}
	flagged(t, Whitespace, "on September 4.[1]\u00a0The heads of state met.\n", 1)
	quiet(t, Whitespace, "The heads of state met 10\u00a0km away; M.\u00a0Macron spoke to Mr.\u00a0Smith at 9 a.m.\u00a0Monday.\n")
}

func TestWhitespaceInvisibleLines(t *testing.T) {
	text := "First paragraph.\n\n\u00a0\n\nSecond paragraph.\n"
	f := flagged(t, Whitespace, text, 1)[0]
	if got := applyFix(t, text, f); got != "First paragraph.\n\n\n\nSecond paragraph.\n" {
		t.Errorf("fixed: %q", got)
	}
	flagged(t, Whitespace, "A.\n\u200b\u200b\nB.\n", 1)
	quiet(t, Whitespace, "A.\n   \t\nB.\n")
}

func TestWhitespaceZeroWidthAndSoftHyphen(t *testing.T) {
	text := "inter\u200b\u200bnational co\u00adoperation\n"
	fs := flagged(t, Whitespace, text, 2)
	if got := applyFix(t, applyFix(t, text, fs[1]), fs[0]); got != "international cooperation\n" {
		t.Errorf("fixed: %q", got)
	}
	quiet(t, Whitespace,
		// Zero-width joiners inside emoji sequences and Persian words.
		"Family: \U0001F468\u200d\U0001F469\u200d\U0001F467 and می\u200cخواهم are spelled so.\n",
		// Zero-width spaces between Thai words.
		"ภาษาไทย\u200bไม่มีการเว้นวรรค\n",
	)
}

func TestWhitespaceTabsAndTrailing(t *testing.T) {
	fs := ruletest.Run(t, Whitespace, "The heads of state\tmet in Paris.   \n", nil)
	if len(fs) != 2 || fs[0].Severity != rules.Info || fs[1].Severity != rules.Info {
		t.Fatalf("want a tab and a trailing-space info finding, got %v", fs)
	}
	// Tables separated by tabs, indentation and code stay quiet.
	for _, text := range []string{
		"Name\tAge\tCity\nAnna\t31\tParis\n",
		"\tIndented line of text.\n",
		"```\nfunc main() {\tx := 1 }  \n```\n",
	} {
		if fs := ruletest.Run(t, Whitespace, text, nil); len(fs) != 0 {
			t.Errorf("%q: unexpected %s", text, fs[0].Message)
		}
	}
}

func TestWhitespaceLeavesMojibakeAlone(t *testing.T) {
	// "Â\u00a0" is a no-break space read in the wrong encoding:
	// text/mojibake's, not this rule's.
	quiet(t, Whitespace, "Step 2:Â\u00a0 Appoint an agent. LLC.Â\u00a0\n")
}
