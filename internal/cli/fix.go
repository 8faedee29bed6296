package cli

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/corpus"
	"github.com/dochygiene/hygiene/internal/lint"
)

func init() { extraCommands = append(extraCommands, newFixCmd) }

type fixFlags struct {
	selectFlags
	unsafe  bool
	out     string
	inPlace bool
	diff    bool
	check   bool
	ledger  string
	rounds  int
}

func newFixCmd(e *env) *cobra.Command {
	var ff fixFlags
	cmd := &cobra.Command{
		Use:   "fix [flags] [PATH...]",
		Short: "Write cleaned copies of articles: apply the fixes of the findings",
		Long: `Apply the fixes that findings propose (safe ones; --unsafe adds the unsafe
ones), lint the result again and repeat until nothing is left to fix, so
fixing a fixed file changes nothing. A fix never touches text that no rule
flagged; removing a line or block also removes the blank line that
separated it.

Where the result goes:
  (no mode)      one file or "-" (standard input): the cleaned text on stdout
  --out DIR      cleaned copies mirroring the inputs (a file argument goes to
                 DIR/<name>, a directory argument to DIR/<path inside it>);
                 unchanged files are copied too; the inputs are never touched
  --in-place     rewrite the changed files atomically, keeping their mode
  --diff         print a unified diff; nothing is written
  --check        exit 1 when anything would change; lists those files
                 (with --diff: prints the diff instead)

--ledger FILE writes one JSON line per applied edit (path, record, rule,
safety, byte range in the original, removed and inserted text), enough to
audit a cleanup or reverse it. With no path, fix reads standard input, or
the current directory when a mode is given.

Exit codes: 0 done (or nothing to change); 1 --check found changes;
2 a usage, config or I/O error (the other inputs are still processed);
130 interrupted (every file is then fixed or left as it was).`,
		RunE: func(cmd *cobra.Command, args []string) error { return runFix(e, &ff, args) },
	}
	ff.register(cmd)
	f := cmd.Flags()
	f.BoolVar(&ff.unsafe, "unsafe", false, "apply unsafe fixes too (structural guesses: review the result)")
	f.StringVarP(&ff.out, "out", "o", "", "write cleaned copies of every input under this directory")
	f.BoolVarP(&ff.inPlace, "in-place", "w", false, "rewrite changed files in place (atomically)")
	f.BoolVar(&ff.diff, "diff", false, "print a unified diff of the changes; write nothing")
	f.BoolVar(&ff.check, "check", false, "write nothing; exit 1 when a file would change")
	f.StringVar(&ff.ledger, "ledger", "", "write every applied edit to this file as JSON Lines")
	f.IntVar(&ff.rounds, "max-rounds", fixers.DefaultRounds, "most lint-and-fix rounds per document")
	return cmd
}

// validate checks the mode flags against each other and the arguments,
// and fills in the default argument.
func (ff *fixFlags) validate(args []string) ([]string, error) {
	modes := 0
	for _, on := range []bool{ff.out != "", ff.inPlace, ff.diff || ff.check} {
		if on {
			modes++
		}
	}
	if modes > 1 {
		return nil, usageError("--out, --in-place and --diff/--check exclude each other")
	}
	if ff.rounds < 1 {
		return nil, usageError("--max-rounds %d: want at least 1", ff.rounds)
	}
	if len(args) == 0 {
		args = []string{"."}
		if modes == 0 {
			args = []string{"-"}
		}
	}
	for _, a := range args {
		if a == "-" && (ff.out != "" || ff.inPlace) {
			return nil, usageError("standard input cannot be written --in-place or --out; run without a mode to get the cleaned text on stdout")
		}
	}
	if modes == 0 {
		if len(args) > 1 {
			return nil, usageError("%d inputs: name one file (the cleaned text goes to stdout), or use --out DIR, --in-place, --diff or --check", len(args))
		}
		if info, err := os.Stat(args[0]); err == nil && info.IsDir() {
			return nil, usageError("%s is a directory: use --out DIR, --in-place, --diff or --check", args[0])
		}
	}
	return args, nil
}

// toStdout reports whether the cleaned text goes to standard output (no
// mode flag).
func (ff *fixFlags) toStdout() bool {
	return ff.out == "" && !ff.inPlace && !ff.diff && !ff.check
}

func runFix(e *env, ff *fixFlags, args []string) error {
	args, err := ff.validate(args)
	if err != nil {
		return err
	}
	color, err := useColor(ff.color, e.stdout)
	if err != nil {
		return usageError("%v", err)
	}
	opts, err := ff.options(e)
	if err != nil {
		return err
	}
	runner, err := lint.New(opts)
	if err != nil {
		return withCode(ExitError, err)
	}
	syncs := dirSyncs{}
	defer syncs.flush() // on an early return too; a no-op after the flush below
	staged := newStagedWrites(syncs)
	if ff.out != "" || ff.inPlace {
		defer abandonOnInterrupt(e.stderr, staged)()
	}
	sink, err := ff.sink(e, args, color, staged)
	if err != nil {
		return withCode(ExitError, err)
	}
	var ledger *ledgerWriter
	if ff.ledger != "" {
		if ledger, err = openLedger(ff.ledger); err != nil {
			return withCode(ExitError, fmt.Errorf("--ledger: %v", err))
		}
	}
	run := &fixRun{e: e, ff: ff, sink: sink, ledger: ledger, syncs: syncs, staged: staged, stats: newFixStats()}
	problems, err := runner.Fix(args, lint.FixOptions{Unsafe: ff.unsafe, Rounds: ff.rounds}, run.add)
	if err == nil {
		err = run.flush()
	}
	// The files finished before a failure are written all the same.
	run.commit()
	if err != nil {
		return withCode(ExitError, err)
	}
	run.copySkipped(args, opts.Walk, problems)
	run.commit()
	failed := printProblems(e, problems, ff.quiet)
	if ff.toStdout() && run.stats.files == 0 && !failed {
		// A filter that writes nothing for a skipped input would leave an
		// empty file at the end of a pipe: that is an error.
		run.fail("nothing written to standard output: the input was skipped")
	}
	if err := sink.Close(); err != nil {
		run.fail("%v", err)
	}
	// The ledger is synced after the renames it records are durable, so
	// after a crash it never lists an edit the files do not hold.
	syncs.flush()
	if ledger != nil {
		if err := ledger.Close(); err != nil {
			run.fail("%s: writing the ledger: %v", ff.ledger, err)
		}
	}
	if !ff.quiet {
		fmt.Fprintln(e.stderr, run.stats.summary(ff.diff || ff.check))
	}
	switch {
	case failed || run.failed:
		return withCode(ExitError, nil)
	case ff.check && run.stats.filesChanged > 0:
		return withCode(ExitFindings, nil)
	}
	return nil
}

// fixRun gathers the fixed documents of each input file, in input order,
// and hands each finished file to the sink.
type fixRun struct {
	e      *env
	ff     *fixFlags
	sink   fixSink
	ledger *ledgerWriter
	syncs  dirSyncs      // directories to sync at the end
	staged *stagedWrites // whole files waiting for their rename
	stats  *fixStats
	failed bool

	current *fixedFile
	jsonl   *jsonlOut // the JSON Lines file being streamed (fix_jsonl.go)
}

// add receives one fixed document. A plain file is one document; the
// records of a JSON Lines file arrive one after another and make one file.
func (r *fixRun) add(fx *lint.Fixed) error {
	if r.ledger.is(fx.Unit.File.Path) {
		// The ledger of an earlier run, found among the inputs: it is
		// being rewritten now, never read as an article.
		return nil
	}
	if fx.Unit.Record != nil {
		return r.addRecord(fx)
	}
	r.finishJSONL()
	if r.current != nil && !r.current.continues(fx) {
		if err := r.flush(); err != nil {
			return err
		}
	}
	if r.current == nil {
		r.current = &fixedFile{file: fx.Unit.File}
	}
	r.current.docs = append(r.current.docs, fx)
	r.notes(fx)
	if r.ledger != nil {
		if err := r.ledger.write(fx); err != nil {
			return fmt.Errorf("%s: writing the ledger: %v", r.ff.ledger, err)
		}
	}
	return nil
}

// flush writes the current file. A file that cannot be written is
// reported and the run goes on with the next.
func (r *fixRun) flush() error {
	r.finishJSONL()
	f := r.current
	if f == nil {
		return nil
	}
	r.current = nil
	r.stats.addFile(f)
	if err := r.sink.Put(f); err != nil {
		r.fail("%s: %v", f.file.Path, err)
	}
	r.reportStaged()
	return nil
}

// commit renames the files still waiting in the batch and reports those
// that could not be written.
func (r *fixRun) commit() {
	r.staged.commit()
	r.reportStaged()
}

// reportStaged reports the files a batch's commit could not write.
func (r *fixRun) reportStaged() {
	for _, err := range r.staged.takeFailures() {
		r.fail("%v", err)
	}
}

func (r *fixRun) fail(format string, args ...any) {
	r.failed = true
	fmt.Fprintf(r.e.stderr, "hygiene: error: "+format+"\n", args...)
}

// copySkipped completes an --out corpus with the inputs the run skipped
// (binary files): they are copied unchanged.
func (r *fixRun) copySkipped(args []string, walk corpus.Options, problems []lint.Problem) {
	ds, ok := r.sink.(*dirSink)
	if !ok {
		return
	}
	skipped := map[string]bool{}
	for _, p := range problems {
		if p.Skipped && p.Err == corpus.ErrBinary {
			skipped[p.Path] = true
		}
	}
	if len(skipped) == 0 {
		return
	}
	// The run keeps no list of files: walk again for the skipped ones.
	_ = corpus.Walk(args, walk, func(f corpus.File) error {
		if skipped[f.Path] {
			if err := ds.copyUnchanged(f); err != nil {
				r.fail("%s: %v", f.Path, err)
			}
		}
		return nil
	}, func(corpus.Problem) {})
}

// notes reports on stderr the fixes a document did not get.
func (r *fixRun) notes(fx *lint.Fixed) {
	if r.ff.quiet {
		return
	}
	res := fx.Result
	name := docLabel(fx)
	for _, s := range res.Skipped {
		reason := s.Reason
		switch {
		case s.Invalid:
			reason += " (a bug in the rule: please report it)"
		case res.Settled:
			reason += "; retried on the re-linted text"
		}
		fmt.Fprintf(r.e.stderr, "hygiene: note: %s:%d:%d: %s: fix skipped in round %d: %s\n",
			name, s.Line, s.Column, s.Rule, s.Round, reason)
	}
	if !res.Settled {
		fmt.Fprintf(r.e.stderr, "hygiene: warning: %s: the fixes did not settle within %d rounds; fixing the output again may change it\n",
			name, r.ff.rounds)
	}
}

func docLabel(fx *lint.Fixed) string {
	if fx.Unit.Record != nil {
		return fmt.Sprintf("%s#%s", fx.Unit.File.Path, fx.Unit.Record.ID)
	}
	return fx.Unit.File.Path
}

// fixStats count a run for its closing summary line.
type fixStats struct {
	files, filesChanged int
	edits               int
	byRule              map[string]int
	removed, inserted   int
}

func newFixStats() *fixStats { return &fixStats{byRule: map[string]int{}} }

func (s *fixStats) addFile(f *fixedFile) {
	s.files++
	if f.changed() {
		s.filesChanged++
	}
	for _, d := range f.docs {
		for _, a := range d.Result.Applied {
			s.edits++
			s.byRule[a.Rule]++
			s.removed += len(a.Removed)
			s.inserted += len(a.Inserted)
		}
	}
}

func (s *fixStats) summary(dryRun bool) string {
	verb := "changed"
	if dryRun {
		verb = "would change"
	}
	ids := make([]string, 0, len(s.byRule))
	for id := range s.byRule {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if s.byRule[ids[i]] != s.byRule[ids[j]] {
			return s.byRule[ids[i]] > s.byRule[ids[j]]
		}
		return ids[i] < ids[j]
	})
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprintf("%s %d", id, s.byRule[id])
	}
	byRule := ""
	if len(parts) > 0 {
		byRule = " (" + strings.Join(parts, ", ") + ")"
	}
	return fmt.Sprintf("hygiene: fix: %d of %d files %s; %d edits%s; %d bytes removed, %d inserted",
		s.filesChanged, s.files, verb, s.edits, byRule, s.removed, s.inserted)
}
