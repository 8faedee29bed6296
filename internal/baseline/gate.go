package baseline

import (
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"github.com/dochygiene/hygiene/internal/gitdiff"
	"github.com/dochygiene/hygiene/internal/report"
)

// Gate holds lint's workflow flags: --baseline, --write-baseline and
// --new-from-rev.
type Gate struct {
	Baseline      string
	WriteBaseline string
	NewFromRev    string
	// Dir is where git runs ("" for the working directory); tests set it.
	Dir string
}

// Register adds the flags to a command's flag set.
func (g *Gate) Register(f *pflag.FlagSet) {
	f.StringVar(&g.Baseline, "baseline", "", "report only findings not recorded in this baseline file")
	f.StringVar(&g.WriteBaseline, "write-baseline", "", "record every current finding in this baseline file and exit 0")
	f.StringVar(&g.NewFromRev, "new-from-rev", "", "report only findings on lines added since this git revision (and in untracked files)")
}

// Apply filters r in place, or writes the baseline when --write-baseline
// asks for it, in which case written is true and nothing is left to
// report. Notes go to notes unless quiet.
func (g *Gate) Apply(r *report.Report, notes io.Writer, quiet bool, version string) (written bool, err error) {
	if g.WriteBaseline != "" {
		if g.NewFromRev != "" {
			return false, fmt.Errorf("--write-baseline records every finding; it cannot be combined with --new-from-rev")
		}
		n, err := Write(g.WriteBaseline, r, "hygiene "+version)
		if err != nil {
			return false, err
		}
		if !quiet {
			fmt.Fprintf(notes, "hygiene: wrote %d %s to baseline %s\n", n, findings(n), g.WriteBaseline)
		}
		r.Items = r.Items[:0]
		return true, nil
	}
	if g.Baseline != "" {
		b, err := Load(g.Baseline)
		if err != nil {
			return false, err
		}
		if n := b.Filter(r); n > 0 && !quiet {
			fmt.Fprintf(notes, "hygiene: note: %d %s in baseline %s not shown\n", n, findings(n), g.Baseline)
		}
	}
	if g.NewFromRev != "" {
		added, err := gitdiff.Since(g.Dir, g.NewFromRev)
		if err != nil {
			return false, fmt.Errorf("--new-from-rev: %v", err)
		}
		if n := FilterAdded(r, added); n > 0 && !quiet {
			fmt.Fprintf(notes, "hygiene: note: %d %s on lines unchanged since %s not shown\n", n, findings(n), g.NewFromRev)
		}
	}
	return false, nil
}

func findings(n int) string {
	if n == 1 {
		return "finding"
	}
	return "findings"
}

// FilterAdded keeps the findings that touch a line added since the
// revision and returns how many it dropped. A finding over several lines
// stays when any of them is new. Findings in JSON Lines records (whose
// lines count inside the record, not the file) stay when their file has
// any added line; findings on standard input always stay.
func FilterAdded(r *report.Report, added *gitdiff.Added) int {
	kept := r.Items[:0]
	dropped := 0
	for i := range r.Items {
		if touchesAdded(&r.Items[i], added) {
			kept = append(kept, r.Items[i])
		} else {
			dropped++
		}
	}
	r.Items = kept
	return dropped
}

func touchesAdded(it *report.Item, added *gitdiff.Added) bool {
	if it.Path == "-" {
		return true
	}
	lines := added.File(it.Path)
	if lines == nil {
		return false
	}
	if it.Record != "" {
		return lines.Any()
	}
	for n := it.Line; n <= it.EndLine; n++ {
		if lines.Contains(n) {
			return true
		}
	}
	return false
}
