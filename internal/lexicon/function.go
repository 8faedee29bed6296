package lexicon

// functionWords are the short closed-class words (articles, prepositions,
// conjunctions, pronouns, auxiliaries) that ingestion most often glues to a
// neighbour when it drops a space: "ofinternational", "inthe", "tothe".
// Open-class words are left out on purpose: a split into two content words
// ("bookcase") is far more often a real compound.
var functionWords = map[string]bool{
	"a": true, "an": true, "the": true,
	"of": true, "in": true, "to": true, "on": true, "at": true, "by": true, "for": true, "from": true,
	"with": true, "into": true, "onto": true, "about": true, "after": true, "before": true, "between": true,
	"over": true, "under": true, "through": true, "during": true, "against": true, "among": true, "without": true,
	"and": true, "or": true, "but": true, "nor": true, "as": true, "than": true, "that": true, "if": true,
	"this": true, "these": true, "those": true, "their": true, "its": true, "his": true, "her": true,
	"our": true, "your": true, "my": true, "they": true, "we": true, "it": true, "he": true, "she": true,
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "has": true, "have": true,
	"had": true, "will": true, "would": true, "can": true, "could": true, "should": true, "not": true,
	"which": true, "who": true, "when": true, "where": true, "while": true, "such": true, "all": true,
}

// IsFunctionWord reports whether w (lower case) is a short closed-class word:
// an article, preposition, conjunction, pronoun or auxiliary.
func IsFunctionWord(w string) bool { return functionWords[w] }
