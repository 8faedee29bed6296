package text

import (
	"testing"

	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

func TestNormalization(t *testing.T) {
	text := "a cafe\u0301 in Zu\u0308rich\n"
	flagged(t, Normalization, text, 2)
	if got := fixWith(t, text, false, Normalization); got != "a café in Zürich\n" {
		t.Errorf("fixed: %q", got)
	}
	fs := ruletest.Run(t, Normalization, "a resistance of 5 \u2126\n", nil)
	if len(fs) != 1 || fs[0].Severity != rules.Info {
		t.Errorf("a canonical singleton is info, got %v", fs)
	}
	quiet(t, Normalization,
		"café in Zürich, São Paulo, Ærø, 日本語, 한국어.\n",
		"A CJK compatibility ideograph \uf900 stays.\n",
		"```\ncafe\u0301\n```\n",
	)
}
