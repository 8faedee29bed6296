// Package insertion holds the insertion/ rules: text that does not belong
// to the article it sits in (a neighbouring article, a partner's essay, a
// sidebar feature glued in by the scraper).
package insertion

import "github.com/dochygiene/hygiene/rules"

func init() {
	rules.Register(
		UnrelatedBlock,
	)
}
