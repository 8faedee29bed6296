package boilerplate

import (
	"slices"
	"strings"
	"testing"
)

// An author box after the article: the name line, a role line and the
// biography are flagged, whether the biography is one line, long, or
// wrapped over several lines.
func TestAuthorBoxAfterArticle(t *testing.T) {
	long := "Jane Doe is a freelance writer and editor based in Lisbon who has covered science, travel and food for more than fifteen years." +
		strings.Repeat(" Her work has appeared in many magazines and newspapers across Europe and North America.", 6)
	cases := []struct {
		box  string
		want []int // first lines of findings after the body's five
	}{
		{"Jane Doe\n\nJane Doe is a freelance writer based in Lisbon who covers science and travel.", []int{7, 9}},
		{"Jane Doe\n\nContributing Writer\n\nJane is a freelance writer based in Lisbon who covers science and travel.", []int{7, 9, 11}},
		{"By Jane Doe\n\nJane has been a journalist for twenty years and writes about science and travel.", []int{7, 9}},
		{"Jane Doe\n\n" + long, []int{7, 9}},
		{"Jane Doe\n\nJane Doe is a freelance writer based in Lisbon\nwho covers science and travel for\nseveral magazines and newspapers.", []int{7, 9}},
		{"Jane Doe\n\nI'm the founder of a small travel magazine and a freelance writer based in Lisbon.", []int{7, 9}},
		{"Jane Doe\n\nJane Doe is the owner of a cleaning company in Denver.\n\nJane holds a degree in business and serves on two boards.", []int{7, 9, 11}},
	}
	for _, c := range cases {
		got := flagged(t, body+"\n\n"+c.box+"\n")
		for _, ln := range c.want {
			if !slices.Contains(got[ln], Structure.ID) {
				t.Errorf("%q: line %d not flagged as an author box: %v", c.box, ln, got)
			}
		}
	}
}

// Traps: a section heading and its paragraph, a person's name heading in
// the middle of the article, a byline and biography above the article, a
// list of people with their biographies (the article itself), a name
// line followed by a sentence about something else.
func TestAuthorBoxTrapsQuiet(t *testing.T) {
	person := func(first, last string) string {
		return first + " " + last + "\n\n" + first + " " + last + " is a nurse who has worked at the city hospital for twenty years and leads its night team.\n\n"
	}
	traps := map[string]string{
		"section heading":  body + "\n\nPottery Barn\n\nPottery Barn offers a free design consultation in its stores, and it is open to everyone who asks.\n",
		"heading topic":    body + "\n\nData Analytics\n\nData analytics is a skill in demand in many sectors, and it is a career with a future for writers.\n",
		"name mid-article": "Jane Doe\n\nJane Doe is a freelance writer based in Lisbon who covers science and travel.\n\n" + body + "\n",
		"byline above":     "By Jane Doe\n\nJane Doe is a reporter who covers diplomacy for the paper.\n\n" + body + "\n",
		"list of people":   body + "\n\n" + person("Maria", "Lopez") + person("Anna", "Berg") + person("Tom", "Hale"),
		"not a biography":  body + "\n\nJane Doe\n\nJane Doe said the plan was a good one and that the allies would welcome it.\n",
		"review list":      body + "\n\nAcme Movers\n\nOur Score: 4.7 / 5.0\n\nAcme Movers is a moving company with more than 50 years of experience in long-distance moves.\n",
		"quoted name":      body + "\n\nJohn Smith\n\nJohn Smith is a name that appears on many forms as an example, the officials said.\n",
	}
	for name, text := range traps {
		for ln, ids := range flagged(t, text) {
			if slices.Contains(ids, Structure.ID) {
				t.Errorf("%s: line %d flagged: %v", name, ln, ids)
			}
		}
	}
}
