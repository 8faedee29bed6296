package boilerplate

import (
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
	"github.com/dochygiene/hygiene/rules/ruletest"
)

func TestLineModelLoads(t *testing.T) {
	m, err := parseModel(lineModelText)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.trees) < 10 || len(m.lex) == 0 {
		t.Errorf("model has %d trees and %d lexicon words; retrain", len(m.trees), len(m.lex))
	}
	if !(m.info <= m.warning && m.warning <= m.error && m.info > 0 && m.error <= 1) {
		t.Errorf("thresholds out of order: info %v warning %v error %v", m.info, m.warning, m.error)
	}
}

func TestParseModelRejectsBadInput(t *testing.T) {
	features := "features " + strings.Join(featureNames, " ") + "\n"
	bad := map[string]string{
		"empty":              "",
		"other features":     "features words bytes\nbase 0\ntree 1\n-1 0 0 0 0\n",
		"unknown record":     features + "bias 1\n",
		"short tree":         features + "base 0\ntree 3\n0 1 1 2 0\n-1 0 0 0 1\n",
		"child out of range": features + "base 0\ntree 1\n0 1 1 2 0\n",
		"child backwards":    features + "base 0\ntree 3\n0 1 0 2 0\n-1 0 0 0 1\n-1 0 0 0 1\n",
		"feature too big":    features + "base 0\ntree 3\n9999 1 1 2 0\n-1 0 0 0 1\n-1 0 0 0 1\n",
		"not a number":       features + "base x\n",
		"bad lexicon":        features + "lex word\n",
	}
	for name, text := range bad {
		if _, err := parseModel(text); err == nil {
			t.Errorf("%s: parsed without error", name)
		}
	}
	good := features + "thresholds 0.5 0.8 0.9\nlex more 1.5\nbase -1\ntree 3\n0 2 1 2 0\n-1 0 0 0 -1\n-1 0 0 0 3\n"
	m, err := parseModel(good)
	if err != nil {
		t.Fatal(err)
	}
	x := make([]float32, len(featureNames))
	x[0] = 1
	if p := m.predict(x); p > 0.2 {
		t.Errorf("one word: p %.2f, want about 0.12", p)
	}
	x[0] = 5
	if p := m.predict(x); p < 0.8 {
		t.Errorf("five words: p %.2f, want about 0.88", p)
	}
}

func TestLineFeaturesShape(t *testing.T) {
	text := "Home\n\nNews\n\n" + body + "\n\nRelated\n\nTen cities to visit\n"
	doc := document.New("t.txt", []byte(text), document.Meta{})
	lines, x := LineFeatures(doc)
	if len(lines) != len(x) || len(lines) == 0 {
		t.Fatalf("%d lines, %d vectors", len(lines), len(x))
	}
	for i, v := range x {
		if len(v) != len(featureNames) {
			t.Errorf("line %d: %d features, want %d", lines[i], len(v), len(featureNames))
		}
	}
}

// Article structure the classifier must leave alone: headings, lists,
// questions of a Q&A, short closing sentences, between and around real
// paragraphs.
func TestLineModelTrapsQuiet(t *testing.T) {
	cases := map[string]string{
		"headings":   "Why the talks failed\n\n" + body + "\n\n## What happens next\n\n" + body + "\n\nThe road to Geneva\n\n" + body + "\n",
		"list":       body + "\n\nThe plan has three parts:\n\n- a ceasefire line watched by monitors\n- a fund for rebuilding\n- talks on prisoners\n\n" + body + "\n",
		"numbered":   body + "\n\n1. Security guarantees\n\n2. Reconstruction\n\n3. Elections\n\n" + body + "\n",
		"questions":  "What are the terms of the deal?\n\n" + body + "\n\nHow will Moscow respond?\n\n" + body + "\n\nWhat comes next for Kyiv?\n\n" + body + "\n",
		"interview":  body + "\n\nQ: Did you expect the vote?\n\nA: No, nobody did, and we were all surprised by how clear the result was in the end.\n\nQ: What now?\n\n" + body + "\n",
		"closing":    body + "\n\n" + body + "\n\nThat is the story so far.\n",
		"paragraphs": body + "\n\n" + body + "\n\n" + body + "\n",
	}
	for name, text := range cases {
		fs := ruletest.AtLeast(ruletest.Run(t, LineModel, text, nil), rules.Warning)
		for _, f := range fs {
			line, _ := document.New("t", []byte(text), document.Meta{}).Position(f.Start)
			t.Errorf("%s: line %d flagged: %s", name, line, f.Message)
		}
	}
}

func TestLineModelFixIsUnsafe(t *testing.T) {
	for _, f := range ruletest.Run(t, LineModel, LineModel.Bad, nil) {
		if f.Severity == rules.Info {
			if f.Fix != nil {
				t.Errorf("hint %q carries a fix", f.Message)
			}
			continue
		}
		if f.Fix == nil || f.Fix.Safety != fixers.Unsafe {
			t.Errorf("fix of %q: %+v, want an unsafe removal", f.Message, f.Fix)
		}
	}
}
