package text

import (
	"strings"
	"testing"
)

func TestHardWrapBrokenSentence(t *testing.T) {
	text := lines(
		"International Humanitarian Law (IHL), with its core principles centered on the protection of civilians during conflicts, plays a pivotal role. Yet, despite clear legal frameworks, compliance remains",
		"inconsistent. This initiative emphasizes the importance of upholding these standards.",
	)
	f := flagged(t, HardWrap, text, 1)[0]
	want := strings.Replace(text, "remains\ninconsistent", "remains inconsistent", 1)
	if got := applyFix(t, text, f); got != want {
		t.Errorf("fixed:\n%q\nwant\n%q", got, want)
	}
}

func TestHardWrapEvenlyWrappedParagraph(t *testing.T) {
	text := lines(
		"When I started working on this port I got an HP 9000 machine, and I",
		"grabbed all of the code I could find. Nothing worked at first. Then",
		"the console came up and I could finally see what the kernel did in",
		"its earliest stages.",
	)
	f := flagged(t, HardWrap, text, 1)[0]
	got := applyFix(t, text, f)
	if strings.Count(got, "\n") != 1 {
		t.Errorf("an evenly wrapped paragraph should become one line, got %q", got)
	}
	// Many wrapped paragraphs are one finding for the document.
	doc := text + "\n" + text + "\n" + text
	fs := flagged(t, HardWrap, doc, 1)
	if !strings.Contains(fs[0].Message, "document hard-wrapped") || len(fs[0].Fix.Edits) != 9 {
		t.Errorf("want one document finding with nine joins, got %q with %d edits", fs[0].Message, len(fs[0].Fix.Edits))
	}
}

func TestHardWrapTraps(t *testing.T) {
	quiet(t, HardWrap,
		// Verse: short lines, meant.
		lines("Roses are red, the violets are blue,", "sugar is sweet, and so are you."),
		// Addresses.
		lines("Partnership Secretary", "12 rue de Rivoli", "paris 75001", "france"),
		// Lists.
		lines("- the first item of a list that runs on for quite a while in this case", "- the second item of the list"),
		lines("1. the first numbered item, which is long enough to look like prose", "2. the second numbered item"),
		// Tables.
		lines("| a column with a long heading that runs on and on for a while | b |", "| lower case cell | c |"),
		// Code and commands in plain text.
		lines("To install it, clone the repository and enter the directory with", "git clone https://github.com/user/repo.git", "cd repo"),
		lines("    if err != nil { return fmt.Errorf(\"opening the file failed: %w\", err)", "    return nil"),
		// Definition lines.
		lines("actual time: Real execution time in milliseconds for the whole node", "rows: Number of rows processed versus the planner's estimate"),
		// A list whose markers were stripped: no line ends a sentence.
		lines("emphasizes whole, minimally processed foods and grains of every kind", "limits or avoids animal products in every meal of the week, mostly", "focuses on plants, including vegetables, fruits and whole grains"),
		// SQL without code punctuation but with identifiers.
		lines("substring(query, 1, 100) as query_preview, total_time as total,", "calls, round(mean_exec_time) as mean"),
		// A line that ends its sentence.
		lines("This sentence ends properly, with a full stop at the very end of the line.", "and this one starts in lower case for a stylistic reason, oddly."),
	)
}
