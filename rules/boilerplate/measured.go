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
	"boilerplate/breadcrumbs":       {634, 0.995},
	"boilerplate/byline-label":      {74, 0.986},
	"boilerplate/call-to-action":    {89, 0.989},
	"boilerplate/comments":          {39, 1.000},
	"boilerplate/cookie-notice":     {4, 1.000},
	"boilerplate/copyright":         {27, 0.963},
	"boilerplate/form-widget":       {44, 1.000},
	"boilerplate/image-credit":      {79, 0.962},
	"boilerplate/line-model":        {3782, 0.900},
	"boilerplate/login-prompt":      {77, 1.000},
	"boilerplate/newsletter-prompt": {98, 1.000},
	"boilerplate/paywall":           {6, 1.000},
	"boilerplate/print-email":       {44, 1.000},
	"boilerplate/reading-time":      {54, 0.944},
	"boilerplate/related-links":     {204, 0.990},
	"boilerplate/share-prompt":      {220, 1.000},
	"boilerplate/social-follow":     {73, 1.000},
	"boilerplate/structure":         {2601, 0.960},
	"boilerplate/tags":              {29, 1.000},
	// dateline-label and shopping-widget report info only; corpus-template
	// cannot be measured here (WCXB has one or two pages per site).
}

// familyMeasure is the family as a whole, for the structure rule's doc.
const familyMeasure = `
Measured for the whole boilerplate family (WCXB dev pages, findings at
warning or above; held-out report half, measured once at the end of the
2026-12-07 session / tune half, on which the line model was fitted):
residue view P 0.939 / 0.991, R 0.499 / 0.552; whole page P 0.985 /
0.998, R 0.778 / 0.827; clean truth texts with any finding 1.37% (5 of
365) / 0% (0 of 371). The tune half's sites are split in two
(hygiene-eval wcxb -split tune-a / tune-b): the model, lexicon and
thresholds fitted on tune-a alone give on tune-b's unseen sites residue
P 0.964 R 0.493 (the model's own lines 0.941), whole page P 0.986
R 0.744, truth 0 of 172. Clean pool (tune-half truth texts and the
pages' own content lines with head, tail and middle crops, 7,170 texts,
BOILERPLATE_POOL=1 go test ./rules/boilerplate -run CleanPool): 0.14%
with a warning, all photo credits of one article (0.30% of tune-b's
3,304 with the tune-a model, the same article). Cross-validated by site
inside the tune half (two draws of four folds, pooled), the family's
residue precision is 0.963 (0.95 on the 5% bootstrap bound) at recall
0.475 at the model's warning threshold; on tune-b the tune-a model
matched its cross-validation, but the report half comes out lower
(0.939, the line model's own lines 0.900): its false alarms are
confident ones, a stricter threshold buys little there (on tune-b,
0.967 at recall 0.471 for the 0.96 bound). The targets (residue
P >= 0.95, R >= 0.80, truth <= 1%) are not met on the held-out half.
Remaining error classes (tune half, 7,365 missed residue lines; when
there were 7,436, 5,888 stood inside the article's span, many on pages whose tables, code
blocks and product boxes the benchmark counts as furniture (a linter
cannot remove them at this precision); 532 before the body (section
labels, bylines and datelines, short teasers) and 1,016 after it
(author bios and related-article teasers that read like paragraphs).
False alarms: headlines whose words the body does not repeat, table
cells and ranked lists read as menus or footers when the body found
starts late or ends early, ingredient and restaurant lists inside the
body, photo credits kept in the article. Lone reading times stay
reported (seed 002 requires them), though the benchmark's clean texts
keep some.`

func init() {
	for _, r := range all {
		if m, ok := measured[r.ID]; ok {
			r.Doc += fmt.Sprintf("\n\nMeasured (WCXB dev, report half, residue view, warning or above): %d lines flagged, precision %.3f.", int(m[0]), m[1])
		}
	}
	Structure.Doc += "\n" + familyMeasure
	LineModel.Doc += "\n" + familyMeasure
}
