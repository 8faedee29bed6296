package rules

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

var (
	registryMu sync.RWMutex
	registry   = map[string]*Rule{}
)

// Register adds rules to the registry. It panics on a malformed or duplicate
// ID: that is a programming error caught by the first test run.
func Register(rs ...*Rule) {
	registryMu.Lock()
	defer registryMu.Unlock()
	for _, r := range rs {
		if err := validate(r); err != nil {
			panic(err)
		}
		if _, dup := registry[r.ID]; dup {
			panic(fmt.Sprintf("rules: %s registered twice", r.ID))
		}
		registry[r.ID] = r
	}
}

func validate(r *Rule) error {
	fam, name, ok := strings.Cut(r.ID, "/")
	if !ok || name == "" || !IsFamily(fam) {
		return fmt.Errorf("rules: ID %q is not family/name with a known family", r.ID)
	}
	if r.Run == nil || r.Summary == "" || r.Severity == 0 {
		return fmt.Errorf("rules: %s needs Run, Summary and Severity", r.ID)
	}
	if (r.Collect == nil) != (r.Merge == nil) {
		return fmt.Errorf("rules: %s must set both Collect and Merge or neither", r.ID)
	}
	return nil
}

// IsFamily reports whether name is one of the rule families.
func IsFamily(name string) bool {
	for _, f := range Families {
		if f == name {
			return true
		}
	}
	return false
}

// All returns every registered rule sorted by ID.
func All() []*Rule {
	registryMu.RLock()
	defer registryMu.RUnlock()
	out := make([]*Rule, 0, len(registry))
	for _, r := range registry {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Lookup returns the rule with the given ID.
func Lookup(id string) (*Rule, bool) {
	registryMu.RLock()
	defer registryMu.RUnlock()
	r, ok := registry[id]
	return r, ok
}

// Matches reports whether a selector (a rule ID or a family name) selects
// the rule.
func Matches(selector string, r *Rule) bool {
	return selector == r.ID || selector == r.Family()
}

// CheckSelector returns an error when a selector names no rule or family.
func CheckSelector(selector string) error {
	if IsFamily(selector) {
		return nil
	}
	if _, ok := Lookup(selector); ok {
		return nil
	}
	return fmt.Errorf("unknown rule or family %q (see `hygiene rules`)", selector)
}
