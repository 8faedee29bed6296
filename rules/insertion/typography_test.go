package insertion

import "testing"

func TestCountTypography(t *testing.T) {
	src := []byte("It\u2019s \u201cfine\u201d \u2014 isn't it? \"Yes\" - the 1990\u20132000 run\u2026 \u2018a\u2019")
	got := countTypography(src)
	want := typography{curlyApostrophe: 3, straightApostrophe: 1, curlyQuote: 2, straightQuote: 2, emDash: 1, enDash: 1, spacedDash: 1}
	if got != want {
		t.Errorf("countTypography = %v, want %v", got, want)
	}
	// A truncated sequence at the end is no character.
	if got := countTypography([]byte("end \xe2\x80")); got != (typography{}) {
		t.Errorf("truncated: %v", got)
	}
}

func TestOtherHabit(t *testing.T) {
	curly := typography{curlyApostrophe: 3}
	straight := typography{straightApostrophe: 5}
	for _, tc := range []struct {
		name        string
		block, host typography
		want        bool
	}{
		{"curly block, straight host", curly, straight, true},
		{"straight block, curly host", straight, curly, true},
		{"same habit", curly, typography{curlyApostrophe: 9}, false},
		{"host mixes both", curly, typography{curlyApostrophe: 1, straightApostrophe: 9}, false},
		{"block mixes both", typography{curlyApostrophe: 3, straightApostrophe: 1}, straight, false},
		{"block uses it once", typography{curlyApostrophe: 1}, straight, false},
		{"host uses its own once", curly, typography{straightApostrophe: 1}, false},
		{"em dashes against spaced hyphens", typography{emDash: 2}, typography{spacedDash: 4}, true},
		{"em dashes against a host with en and em", typography{emDash: 2}, typography{enDash: 4, emDash: 1}, false},
		{"nothing to compare", typography{}, typography{}, false},
	} {
		if got := otherHabit(tc.block, tc.host); got != tc.want {
			t.Errorf("%s: otherHabit = %v, want %v", tc.name, got, tc.want)
		}
	}
}
