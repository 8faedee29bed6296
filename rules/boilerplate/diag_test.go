package boilerplate

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/eval"
	"github.com/dochygiene/hygiene/rules"
)

// diagPages loads the tune pages BOILERPLATE_DIAG names for a diagnostic,
// and skips the test without it: the report half is never looked at.
func diagPages(t *testing.T) []*eval.WCXBPage {
	t.Helper()
	split := os.Getenv("BOILERPLATE_DIAG")
	if split == "" {
		t.Skip("tuning aid: set BOILERPLATE_DIAG=tune-a")
	}
	if split != "tune-a" && split != "tune-b" && split != "tune" {
		t.Fatal("the diagnostic is for tuning: BOILERPLATE_DIAG must be tune, tune-a or tune-b")
	}
	dir, err := eval.WCXBDir()
	if err != nil {
		t.Skip(err)
	}
	all, err := eval.LoadWCXB(dir)
	if err != nil {
		t.Fatal(err)
	}
	pages, _ := eval.WCXBSplit(all, split)
	return pages
}

// TestBodyDiagnostic is a tuning aid, not a test: with
// BOILERPLATE_DIAG=tune-a (or tune-b) it takes the residue view of every
// page of that part of the tune half and prints where the body found
// starts and ends against the labelled article span, the residue errors
// by where they stand (before, inside, after the body found; inside or
// outside the labelled span), and with BOILERPLATE_DIAG_PAGES=1 every
// page with an error, line by line:
//
//	label(C content, B boilerplate, T title, M mixed, N no text)
//	body(| inside the body found) flag(* flagged at warning) text
//
//	BOILERPLATE_DIAG=tune-a go test ./rules/boilerplate -run BodyDiagnostic -v
func TestBodyDiagnostic(t *testing.T) {
	pages := diagPages(t)
	rs := familyRules()
	showPages := os.Getenv("BOILERPLATE_DIAG_PAGES") != ""
	classes := map[string]int{}
	startDelta, endDelta := map[string]int{}, map[string]int{}
	for _, p := range pages {
		doc, pageLine := p.Document(eval.ResidueView)
		a := analyse(doc)
		flaggedAt := map[int]string{}
		for _, r := range rs {
			r.Run(rules.NewPass(r, doc, nil, nil, r.Severity, func(f rules.Finding) {
				if f.Severity < rules.Warning {
					return
				}
				for l := doc.LineAt(f.Start); l <= doc.LineAt(max(f.Start, f.End-1)); l++ {
					flaggedAt[l] = strings.TrimPrefix(f.Rule.ID, "boilerplate/")
					if os.Getenv("BOILERPLATE_DIAG_WHY") != "" {
						flaggedAt[l] += ": " + f.Message
					}
				}
			}))
		}
		bodyFrom, bodyTo := -1, -1
		if a.bodyFirst >= 0 {
			bodyFrom = doc.Blocks[a.bodyFirst].FirstLine
			bodyTo = doc.Blocks[a.bodyLast].LastLine
		}
		spanFrom, spanTo := -1, -1 // doc lines of the labelled span
		for l, pl := range pageLine {
			if pl == p.First-1 {
				spanFrom = l
			}
			if pl == p.Last-1 {
				spanTo = l
			}
		}
		startDelta[bucket(bodyFrom, spanFrom)]++
		endDelta[bucket(bodyTo, spanTo)]++
		errors := 0
		var dump strings.Builder
		for l, pl := range pageLine {
			if pl < 0 {
				continue
			}
			label := p.Labels[pl]
			rule, isFlagged := flaggedAt[l]
			where := "inside"
			switch {
			case bodyFrom < 0:
				where = "nobody"
			case l < bodyFrom:
				where = "before"
			case l > bodyTo:
				where = "after"
			}
			span := "span"
			if l < spanFrom || l > spanTo {
				span = "out"
			}
			switch {
			case label == eval.LabelBoilerplate && !isFlagged:
				classes["miss "+where+" "+span]++
				errors++
			case (label == eval.LabelContent || label == eval.LabelTitle) && isFlagged:
				classes["false "+where+" "+span+" "+rule]++
				errors++
			}
			mark := " "
			if where == "inside" {
				mark = "|"
			}
			flag := " "
			if isFlagged {
				flag = "*"
			}
			text := p.Lines[pl]
			if len(text) > 100 {
				text = text[:100] + "…"
			}
			inSpan := "s"
			if span == "out" {
				inSpan = " "
			}
			width := 12
			if os.Getenv("BOILERPLATE_DIAG_WHY") != "" {
				width = 110
			}
			fmt.Fprintf(&dump, "%s%s%s%s %-*.*s %s\n", strings.ToUpper(label[:1]), inSpan, mark, flag, width, width, rule, text)
		}
		if showPages && errors > 0 {
			fmt.Printf("=== %s (%s) errors %d start %s end %s\n%s", p.ID, p.Domain, errors, bucket(bodyFrom, spanFrom), bucket(bodyTo, spanTo), dump.String())
		}
	}
	for _, k := range sortedKeys(classes) {
		fmt.Printf("  %-50s %d\n", k, classes[k])
	}
	fmt.Println("body start vs labelled span start (doc lines, blank separators count):")
	for _, k := range sortedKeys(startDelta) {
		fmt.Printf("  %-20s %d\n", k, startDelta[k])
	}
	fmt.Println("body end vs labelled span end:")
	for _, k := range sortedKeys(endDelta) {
		fmt.Printf("  %-20s %d\n", k, endDelta[k])
	}
}

// bucket names how far a body edge stands from the labelled span's edge.
func bucket(found, want int) string {
	if found < 0 || want < 0 {
		return "none"
	}
	d := (found - want) / 2 // page lines
	switch {
	case d == 0:
		return "0 exact"
	case d < -5:
		return "-a earlier >5"
	case d < 0:
		return "-b earlier 1-5"
	case d <= 5:
		return "+c later 1-5"
	}
	return "+d later >5"
}

// TestTOCDiagnostic counts, by label, the short lines in runs of lines
// whose text recurs later in the document (a table of contents).
func TestTOCDiagnostic(t *testing.T) {
	pages := diagPages(t)
	counts := map[string]int{}
	for _, p := range pages {
		for _, v := range []eval.WCXBView{eval.ResidueView} {
			doc, pageLine := p.Document(v)
			a := analyse(doc)
			fl := map[int]bool{}
			for _, r := range familyRules() {
				r.Run(rules.NewPass(r, doc, nil, nil, r.Severity, func(f rules.Finding) {
					if f.Severity >= rules.Warning {
						fl[doc.LineAt(f.Start)] = true
					}
				}))
			}
			for ci, c := range a.cands {
				toc := a.structure()[ci]
				if a.ctx.toc[ci] == 0 {
					continue
				}
				k := a.position(c.block) + " sev" + toc.sev.String()
				proven := 0
				for k := range a.cands {
					if a.ctx.proven[k] {
						proven++
					}
				}
				if proven == 0 {
					k += " unproven"
				}
				for b := 0; b < c.block; b++ {
					if a.blocks[b].good {
						k += " good-before"
						break
					}
				}
				if ci > 0 && a.ctx.toc[ci-1] == 0 && bytes.HasSuffix(bytes.TrimSpace(a.cands[ci-1].text), []byte(":")) {
					k += " colon-head"
				}
				if fl[c.line] {
					k += " flagged"
				}
				label := p.Labels[pageLine[c.line]]
				counts[k+" "+label]++
				if os.Getenv("BOILERPLATE_DIAG_PAGES") != "" {
					fmt.Printf("%s %s %s %q\n", p.ID, k, label, c.text)
				}
			}
		}
	}
	for _, k := range sortedKeys(counts) {
		fmt.Printf("  %-40s %d\n", k, counts[k])
	}
}

// TestStrayRunDiagnostic counts the labels of the good blocks findBody
// drops as stray runs at the body's edges, and of the lines in the gap
// between a dropped run and the body.
func TestStrayRunDiagnostic(t *testing.T) {
	pages := diagPages(t)
	counts := map[string]int{}
	for _, p := range pages {
		doc, pageLine := p.Document(eval.ResidueView)
		a := analyse(doc)
		if a.bodyFirst < 0 {
			continue
		}
		for bi, info := range a.blocks {
			side := ""
			switch {
			case bi < a.bodyFirst:
				side = "lead"
			case bi > a.bodyLast:
				side = "trail"
			default:
				continue
			}
			b := doc.Blocks[bi]
			label := p.Labels[pageLine[b.FirstLine]]
			if info.good {
				if side == "trail" || side == "lead" {
					matched, gap := 0, 0
					from, to := a.bodyLast+1, bi
					if side == "lead" {
						from, to = bi+1, a.bodyFirst
					}
					for k := from; k < to; k++ {
						gap++
						if a.matched[k] {
							matched++
						}
					}
					if matched*introGapPerMatch <= gap {
						side += " clean-gap"
					}
				}
				counts[side+" dropped good "+label]++
				if os.Getenv("BOILERPLATE_DIAG_PAGES") != "" {
					fmt.Printf("%s %s %s %.80q\n", p.ID, side, label, doc.Src[b.Start:b.End])
				}
			}
		}
	}
	for _, k := range sortedKeys(counts) {
		fmt.Printf("  %-40s %d\n", k, counts[k])
	}
}
