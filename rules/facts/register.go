// Package facts holds the facts/ rules: outdated titles, weekdays that do
// not match their dates, and known facts from the knowledge pack. Each rule
// is one file; register it here.
package facts

import "github.com/dochygiene/hygiene/rules"

func init() {
	rules.Register(
		Weekday,
		Known,
		OutdatedTitle,
	)
}
