package boilerplate

import "fmt"

// Measured numbers, appended to each rule's documentation so that
// `hygiene explain` says how far to trust a rule. Reproduce with
//
//	go run ./cmd/hygiene-eval wcxb -split report
//
// (WCXB dev pages, residue view, report half of the deterministic split,
// findings at warning or above; lines flagged and their precision).
var measured = map[string][2]float64{ // rule ID: lines flagged, precision
	"boilerplate/advertising":       {17, 1.000},
	"boilerplate/breadcrumbs":       {631, 0.995},
	"boilerplate/byline-label":      {75, 0.987},
	"boilerplate/call-to-action":    {89, 0.989},
	"boilerplate/comments":          {39, 1.000},
	"boilerplate/cookie-notice":     {4, 1.000},
	"boilerplate/copyright":         {27, 0.963},
	"boilerplate/form-widget":       {47, 0.979},
	"boilerplate/image-credit":      {80, 0.963},
	"boilerplate/line-model":        {2170, 0.909},
	"boilerplate/login-prompt":      {77, 1.000},
	"boilerplate/newsletter-prompt": {98, 1.000},
	"boilerplate/paywall":           {6, 1.000},
	"boilerplate/print-email":       {44, 1.000},
	"boilerplate/reading-time":      {54, 0.944},
	"boilerplate/related-links":     {210, 0.990},
	"boilerplate/share-prompt":      {220, 1.000},
	"boilerplate/social-follow":     {73, 1.000},
	"boilerplate/structure":         {2926, 0.957},
	"boilerplate/tags":              {29, 1.000},
	// dateline-label and shopping-widget report info only; corpus-template
	// cannot be measured here (WCXB has one or two pages per site).
}

// familyMeasure is the family as a whole, for the structure rule's doc.
const familyMeasure = `
Measured for the whole boilerplate family (WCXB dev pages, findings at
warning or above; held-out report half / tune half, on which the line
model was fitted): residue view P 0.951 / 0.988, R 0.425 / 0.502; whole
page P 0.987 / 0.998, R 0.734 / 0.801; clean truth texts with any finding
2.19% (8 of 365) / 0% (0 of 371). Cross-validated by site inside the tune
half (two draws of four folds, pooled), the family's residue precision
reaches 0.96 at recall 0.44 with the model's warning threshold. The
targets (residue P >= 0.95, R >= 0.80, truth <= 1%) are met for precision
only. Remaining error classes (tune half, out of fold): about 6,000 missed
lines stand inside the article's span, 43% of them on ten pages whose
tables, code blocks and product boxes the benchmark counts as furniture
(a linter cannot remove them at this precision); about 1,100 before the
body (section labels, bylines and datelines, short teasers) and 600 after
it (author bios and related-article teasers that read like paragraphs).
False alarms: headlines ending a run of menu lines, table cells and
ranked lists read as a footer when the body found ends early, photo
credits kept in the article. The clean texts' alarms are mostly exact
reading-time lines, related-links headings and bylines that the
benchmark's clean texts keep: the seeds require a lone reading time to
be flagged (002), so those stay.`

func init() {
	for _, r := range all {
		if m, ok := measured[r.ID]; ok {
			r.Doc += fmt.Sprintf("\n\nMeasured (WCXB dev, report half, residue view, warning or above): %d lines flagged, precision %.3f.", int(m[0]), m[1])
		}
	}
	Structure.Doc += "\n" + familyMeasure
	LineModel.Doc += "\n" + familyMeasure
}
