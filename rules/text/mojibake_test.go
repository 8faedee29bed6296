package text

import (
	"testing"

	"github.com/dochygiene/hygiene/fixers"
)

func TestMojibakeFixes(t *testing.T) {
	cases := []struct{ in, want string }{
		{"the coalitionâ€™s plan\n", "the coalition’s plan\n"},
		{"it costs Â£5bn\n", "it costs £5bn\n"},
		{"a cafÃ© in ZÃ¼rich\n", "a café in Zürich\n"},
		{"youÃ¢â‚¬â„¢re late\n", "you’re late\n"},       // twice
		{"â€œquotedâ€\u009d text\n", "“quoted” text\n"}, // Latin-1 keeps the C1 byte
		{"PaweÅ\u0082 Dolega hosts\n", "Paweł Dolega hosts\n"},
		{"ðŸ˜€ smile\n", "\U0001F600 smile\n"},
		{"Ï€ is 3.14\n", "π is 3.14\n"},
		{"ÐŸÑ€Ð¸Ð²ÐµÑ‚ means hello\n", "Привет means hello\n"},
	}
	for _, c := range cases {
		if got := fixWith(t, c.in, false, Mojibake); got != c.want {
			t.Errorf("%q fixed to %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMojibakeLostByte(t *testing.T) {
	// Windows-1252 has no character for 0x9D, so ” lost its last byte.
	f := flagged(t, Mojibake, "he said â€œyesâ€ and left\n", 2)[1]
	if f.Fix.Safety != fixers.Unsafe {
		t.Errorf("a lost byte is a guess: want an unsafe fix, got %v", f.Fix.Safety)
	}
}

func TestMojibakeTraps(t *testing.T) {
	quiet(t, Mojibake,
		// Real accented text.
		"Vingt-six pays s’engagent à être présents « sur le sol » pour la sécurité.\n",
		"Grüße aus Zürich und Düsseldorf; die Straße ist groß. Ärger über Öl.\n",
		"São Paulo, año, NÃO, AÇÃO and ÉTÉ are fine; so is passé…” at the end.\n",
		// Another code page's damage that does not re-decode as UTF-8.
		"Iíve never seen it, and weíre not sure.\n",
		// A capital and a curly quote that would decode outside Latin.
		"Der „Fuß“ and „MÜ’s“ and ESPAÑ– stay.\n",
		"Ã alone, Â alone and â alone are letters.\n",
	)
}
