package eval

import (
	"fmt"
	"strings"
)

// Crop is one clean text of a tuning pool: a whole text or a part of it.
type Crop struct {
	Name string // the text's name, with "#head40", "#tail70", "#mid70"... for a part
	Text string
}

// Crops returns text and the crops a scraper could plausibly store of it:
// the first or last 40, 55, 70 or 85% of its paragraphs (blank-line
// separated) and the middle 70%, order kept, each with at least minParas
// paragraphs. The clean-pool tuning aids run rules on them: crops move a
// text's start, end and body, which is what position evidence reads, and
// multiply the few clean texts of a tune half.
func Crops(name, text string, minParas int) []Crop {
	paras := strings.Split(strings.TrimSpace(text), "\n\n")
	out := []Crop{{name, text}}
	add := func(tag string, from, to int) {
		if to-from < minParas || to-from == len(paras) {
			return
		}
		out = append(out, Crop{name + "#" + tag, strings.Join(paras[from:to], "\n\n") + "\n"})
	}
	for _, pct := range []int{40, 55, 70, 85} {
		k := len(paras) * pct / 100
		add(fmt.Sprintf("head%d", pct), 0, k)
		add(fmt.Sprintf("tail%d", pct), len(paras)-k, len(paras))
	}
	cut := len(paras) * 15 / 100
	add("mid70", cut, len(paras)-cut)
	return out
}
