package knowledge

import (
	"strings"
	"testing"
)

// Every word added passes in any ASCII case and from any slice (short
// capacity or long); non-ASCII words always pass; most other words do
// not.
func TestWordFilter(t *testing.T) {
	var f WordFilter
	words := []string{"merz", "xi", "von der leyen", "ki-moon", "o'neill", "a", "zelenskyy", "abcdefghijklmnopqrstuvwxyz"}
	for _, w := range words {
		f.Add(w)
	}
	for _, w := range words {
		for _, form := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			exact := []byte(form)[:len(form):len(form)]
			long := []byte(form + "........")[:len(form)]
			if !f.MayHold(exact) || !f.MayHold(long) {
				t.Errorf("%q: not let through", form)
			}
		}
	}
	if !f.MayHold([]byte("Sébastien")) || !f.MayHold([]byte("abcdefghijé_klmnopqrstuvwxyz")) {
		t.Error("non-ASCII words must pass")
	}
	passed := 0
	others := strings.Fields("the of and to in that for is on with said was he it as at by from his an were are which this be has or had not but its after also have new who they first one their been")
	for _, w := range others {
		if f.MayHold([]byte(w)) {
			passed++
		}
	}
	if passed > 2 {
		t.Errorf("%d of %d ordinary words pass a filter of %d words", passed, len(others), len(words))
	}
}

// The pack's last-word filter lets every surname through.
func TestLastWordFilterHoldsThePack(t *testing.T) {
	p := Default()
	for _, person := range p.People {
		for _, s := range person.Surnames() {
			words := strings.Fields(s)
			last := words[len(words)-1]
			if len(p.PeopleByLastWordBytes([]byte(last))) == 0 {
				t.Errorf("%s: %q not found by its last word", person.Name, last)
			}
		}
	}
}
