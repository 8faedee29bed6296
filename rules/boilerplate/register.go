// Package boilerplate holds the boilerplate/ rules: page furniture (share
// bars, login prompts, reading times, newsletter and cookie notices, ...)
// left in an ingested article.
//
// Four kinds of evidence: phrase families (families.go, one rule each),
// the structure of the page around the article's main body (structure.go),
// a line classifier trained on labelled pages over features of both
// (linemodel.go, linefeatures.go, trained by internal/train) and lines that
// recur across many documents of one source (template.go).
package boilerplate

import "github.com/dochygiene/hygiene/rules"

// all is every rule of the family, in the order they are listed.
var all = []*rules.Rule{
	SharePrompt,
	LoginPrompt,
	NewsletterPrompt,
	ReadingTime,
	RelatedLinks,
	Advertising,
	CookieNotice,
	Copyright,
	ImageCredit,
	SocialFollow,
	CommentsWidget,
	PrintEmail,
	TagList,
	Breadcrumbs,
	Paywall,
	CallToAction,
	BylineLabel,
	FormWidget,
	ShoppingWidget,
	DatelineLabel,
	Structure,
	LineModel,
	CorpusTemplate,
}

func init() {
	rules.Register(all...)
}
