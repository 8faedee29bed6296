package names

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/dochygiene/hygiene/internal/knowledge"
)

// packIndex holds the lookups the names rules make per capitalised run,
// built once per pack: the rules run on every document, the pack changes
// only when the user's files are loaded.
type packIndex struct {
	pack *knowledge.Pack
	// byGiven indexes people by folded first given name and given-name
	// variants.
	byGiven map[string][]*knowledge.Person
	// surnameLast holds the last word of every folded surname and
	// variant: a run whose last word is not here names no known surname.
	surnameLast map[string]bool
	// familyFirst holds the folded surnames of family-first people ("xi").
	familyFirst map[string]bool
	// words filters the keys of byGiven, surnameLast and familyFirst:
	// most words of a capitalised run are none of them.
	words knowledge.WordFilter
	// surnameKey is each person's folded canonical surname.
	surnameKey map[*knowledge.Person]string
}

var (
	indexMu sync.Mutex
	current atomic.Pointer[packIndex]
)

// indexOf returns the index of pack, building it on first use.
func indexOf(pack *knowledge.Pack) *packIndex {
	if idx := current.Load(); idx != nil && idx.pack == pack {
		return idx
	}
	indexMu.Lock()
	defer indexMu.Unlock()
	if idx := current.Load(); idx != nil && idx.pack == pack {
		return idx
	}
	idx := buildIndex(pack)
	current.Store(idx)
	return idx
}

func buildIndex(pack *knowledge.Pack) *packIndex {
	idx := &packIndex{pack: pack, byGiven: map[string][]*knowledge.Person{},
		surnameLast: map[string]bool{}, familyFirst: map[string]bool{}, surnameKey: map[*knowledge.Person]string{}}
	for _, p := range pack.People {
		idx.surnameKey[p] = knowledge.Fold(p.Surname)
		for _, g := range append([]string{p.FirstGiven()}, p.GivenVariants...) {
			if g != "" {
				idx.byGiven[knowledge.Fold(g)] = append(idx.byGiven[knowledge.Fold(g)], p)
			}
		}
		for _, s := range p.Surnames() {
			k := knowledge.Fold(s)
			idx.surnameLast[k[strings.LastIndexByte(k, ' ')+1:]] = true
			if p.FamilyFirst {
				idx.familyFirst[k] = true
			}
		}
	}
	for k := range idx.byGiven {
		idx.words.Add(k)
	}
	for k := range idx.surnameLast {
		idx.words.Add(k)
	}
	for k := range idx.familyFirst {
		idx.words.Add(k)
	}
	return idx
}

// foldedSurname returns knowledge.Fold(p.Surname), from the index for a
// person of the pack: a common given name lists dozens of people, and
// folding each surname at every candidate name was most of the cost of
// nearKnownPerson.
func (idx *packIndex) foldedSurname(p *knowledge.Person) string {
	if k, ok := idx.surnameKey[p]; ok {
		return k
	}
	return knowledge.Fold(p.Surname)
}
