package cli

import (
	"io"
	"os"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/spf13/pflag"

	"github.com/dochygiene/hygiene/internal/lint"
)

// bulkFlags are the flags of bulk runs shared by lint and fix: the fields
// of JSON Lines records, and the closing statistics.
type bulkFlags struct {
	textField, idField, sourceField, dateField string
	stats, perDocument                         bool
}

func (b *bulkFlags) register(f *pflag.FlagSet) {
	f.StringVar(&b.textField, "text-field", "text", "JSON Lines: the field holding the article text (a.b names field b of object a)")
	f.StringVar(&b.idField, "id-field", "id", "JSON Lines: the field naming the record (default id, else the line number)")
	f.StringVar(&b.sourceField, "source-field", "", "JSON Lines: the field naming the record's source, for corpus rules (default: the file's directory)")
	f.StringVar(&b.dateField, "date-field", "", "JSON Lines: the field holding the article date (YYYY-MM-DD...), overriding --date")
	f.BoolVar(&b.perDocument, "per-document", false, "skip the corpus rules: one pass over the input, memory flat whatever the corpus size")
	f.BoolVar(&b.stats, "stats", false, "lint: print the closing statistics on stderr even when it is not a terminal")
}

// apply puts the fields into the options and turns the progress line on
// when stderr is a terminal and the run is not quiet.
func (b *bulkFlags) apply(e *env, quiet bool, opts *lint.Options) {
	opts.Walk.JSONL.TextField = b.textField
	opts.Walk.JSONL.IDField = b.idField
	opts.Walk.JSONL.SourceField = b.sourceField
	opts.Walk.JSONL.DateField = b.dateField
	opts.PerDocument = b.perDocument
	if b.perDocument {
		lint.BoundMemory() // the mode whose memory is promised flat
	}
	if !quiet && isTerminal(e.stderr) {
		opts.Progress = e.stderr
	}
	opts.MeasureCorpus = b.stats || opts.Progress != nil
}

// printStats writes the closing statistics on stderr: always with --stats;
// on a terminal unless --quiet, after a bulk run only, so linting one file
// by hand prints nothing more than its findings.
func (b *bulkFlags) printStats(e *env, quiet bool, s *lint.Stats) {
	if s == nil {
		return
	}
	bulk := s.Documents >= bulkDocuments || s.Elapsed >= bulkTime
	if b.stats || !quiet && bulk && isTerminal(e.stderr) {
		s.Write(e.stderr)
	}
}

// A run is a bulk run, worth a summary, from this many documents or this
// long.
const (
	bulkDocuments = 100
	bulkTime      = time.Second
)

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}
