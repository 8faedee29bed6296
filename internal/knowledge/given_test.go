package knowledge

import (
	"strings"
	"testing"
)

// matchesGivenReference is MatchesGiven as first written, folding every
// form at every call: the cached forms must answer as it does.
func matchesGivenReference(p *Person, g string) bool {
	fg := Fold(strings.TrimSuffix(g, "."))
	if fg == "" {
		return false
	}
	for _, form := range p.GivenForms() {
		ff := Fold(strings.TrimSuffix(form, "."))
		if ff == fg || TransliterationKey(ff) == TransliterationKey(fg) || len(fg) == 1 && strings.HasPrefix(ff, fg) {
			return true
		}
	}
	return false
}

func TestMatchesGivenAgreesWithReference(t *testing.T) {
	common := []string{"", ".", "J.", "j", "Volodymyr", "Volodimir", "VOLODYMYR", "Olaf", "Olaf.", "Sébastien", "Sebastien",
		"Mohammed", "Muhammad", "Yoon", "Ki-moon", "O’Neill", "Keir", "K.", "Ursula", "Kir", "Xi", "Emmanuel", "Emanuel"}
	people := append([]*Person{{Name: "Built Alone", Given: []string{"Built", "J."}, GivenVariants: []string{"Bilt"}}}, Default().People...)
	for i, p := range people {
		// The person's own forms, spelt other ways, and the next person's.
		words := append([]string{}, common...)
		for _, q := range []*Person{p, people[(i+1)%len(people)]} {
			for _, g := range q.GivenForms() {
				words = append(words, g, strings.ToUpper(g), g[:1]+".", g+"i", strings.ReplaceAll(g, "o", "ou"))
			}
		}
		for _, w := range words {
			if got, want := p.MatchesGiven(w), matchesGivenReference(p, w); got != want {
				t.Fatalf("%s: MatchesGiven(%q) = %v, the reference says %v", p.Name, w, got, want)
			}
		}
	}
}
