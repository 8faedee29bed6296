package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dochygiene/hygiene/internal/baseline"
	"github.com/dochygiene/hygiene/internal/config"
	"github.com/dochygiene/hygiene/internal/corpus"
	"github.com/dochygiene/hygiene/internal/knowledge"
	"github.com/dochygiene/hygiene/internal/lint"
	"github.com/dochygiene/hygiene/internal/report"
	"github.com/dochygiene/hygiene/rules"
)

// selectFlags are the rule-selection flags shared by lint and fix.
type selectFlags struct {
	enable, disable, only []string
	config                string
	jobs                  int
	include, exclude      []string
	date                  string
	quiet                 bool
	color                 string
	bulk                  bulkFlags // JSON Lines fields, progress, stats
	knowledge             []string  // extra knowledge-pack files or directories
}

func (s *selectFlags) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringSliceVar(&s.enable, "enable", nil, "enable rules or families (comma-separated IDs or family names)")
	f.StringSliceVar(&s.disable, "disable", nil, "disable rules or families")
	f.StringSliceVar(&s.only, "only", nil, "run only these rules or families")
	f.StringVar(&s.config, "config", "", "config file (default: the nearest .hygiene.yaml above each file)")
	f.IntVarP(&s.jobs, "jobs", "j", 0, "parallel workers (default: all cores)")
	f.StringSliceVar(&s.include, "include", nil, "file globs to lint inside directories (default *.txt,*.md,*.markdown,*.jsonl[.gz|.zst])")
	f.StringSliceVar(&s.exclude, "exclude", nil, "file or path globs to skip")
	f.StringVar(&s.date, "date", "", "article date YYYY-MM-DD for the names and facts rules")
	f.BoolVarP(&s.quiet, "quiet", "q", false, "no summary line or notes on stderr")
	f.StringVar(&s.color, "color", "auto", "colour: auto, always or never")
	f.StringSliceVar(&s.knowledge, "knowledge", nil, "extra knowledge-pack files or directories (people, offices, initialisms, facts) on top of the built-in pack")
	s.bulk.register(f)
}

func (s *selectFlags) options(e *env) (lint.Options, error) {
	opts := lint.Options{
		Jobs: s.jobs, Enable: s.enable, Disable: s.disable, Only: s.only, ConfigPath: s.config,
		Walk: corpus.Options{Include: s.include, Exclude: s.exclude, Stdin: e.stdin, DirPatterns: s.configPatterns},
	}
	if s.jobs < 0 {
		return opts, usageError("-j %d: want a positive number of workers", s.jobs)
	}
	if s.date != "" {
		d, err := time.Parse("2006-01-02", s.date)
		if err != nil {
			return opts, usageError("--date %q: want YYYY-MM-DD", s.date)
		}
		opts.Date = d
	}
	if err := s.setupKnowledge(); err != nil {
		return opts, usageError("%v", err)
	}
	s.bulk.apply(e, s.quiet, &opts)
	return opts, nil
}

// setupKnowledge makes the run's knowledge pack: the embedded one, then the
// `knowledge:` paths of the run's config (--config, or the nearest
// .hygiene.yaml at or above the working directory), then --knowledge.
func (s *selectFlags) setupKnowledge() error {
	path := s.config
	if path == "" {
		path = config.Find(".")
	}
	var paths []string
	if path != "" {
		c, err := config.Load(path)
		if err != nil {
			return err
		}
		paths = c.KnowledgePaths()
	}
	return knowledge.Use(append(paths, s.knowledge...)...)
}

// configPatterns gives a directory walk the include and exclude globs of
// the config that governs the directory: --config, or the nearest
// .hygiene.yaml at or above it.
func (s *selectFlags) configPatterns(dir string) (include, exclude []string, err error) {
	path := s.config
	if path == "" {
		path = config.Find(dir)
	}
	if path == "" {
		return nil, nil, nil
	}
	c, err := config.Load(path)
	if err != nil {
		return nil, nil, err
	}
	return c.File.Include, c.File.Exclude, nil
}

type lintFlags struct {
	selectFlags
	format    string
	failLevel string
	gate      baseline.Gate // --baseline, --write-baseline, --new-from-rev
}

func newLintCmd(e *env) *cobra.Command {
	var lf lintFlags
	cmd := &cobra.Command{
		Use:   "lint [flags] [PATH...]",
		Short: "Report problems in articles (files, directories, or - for stdin)",
		Long: `Lint files and directories (recursively: *.txt, *.md and *.markdown unless
--include says otherwise). "-" reads standard input. With no path, lints the
current directory.

JSON Lines files (*.jsonl, *.jsonl.gz, *.jsonl.zst) hold one article per
record: findings name the record (path#id) and count offsets in its text
field. --text-field, --id-field, --source-field and --date-field name the
fields. A malformed line is reported with its line number and skipped.
On a terminal, a progress line and closing statistics go to stderr.

Exit codes: 0 no finding at or above --fail-level; 1 findings at or above it;
2 a usage, config or I/O error (the readable inputs are still linted).`,
		RunE: func(cmd *cobra.Command, args []string) error { return runLint(e, &lf, args) },
	}
	lf.register(cmd)
	cmd.Flags().StringVarP(&lf.format, "format", "f", "text", "output format: "+report.FormatNames())
	cmd.Flags().StringVar(&lf.failLevel, "fail-level", "warning", "lowest severity that makes the exit code 1: error, warning, info or none")
	lf.gate.Register(cmd.Flags())
	return cmd
}

func runLint(e *env, lf *lintFlags, args []string) error {
	if len(args) == 0 {
		args = []string{"."}
	}
	write, err := report.Lookup(lf.format)
	if err != nil {
		return usageError("--format: %v", err)
	}
	fail, err := parseFailLevel(lf.failLevel)
	if err != nil {
		return err
	}
	color, err := useColor(lf.color, e.stdout)
	if err != nil {
		return usageError("%v", err)
	}
	opts, err := lf.options(e)
	if err != nil {
		return err
	}
	// The streamed formats show neither byte columns nor fingerprints.
	opts.PositionsOnly = lf.streamable()
	runner, err := lint.New(opts)
	if err != nil {
		return withCode(ExitError, err)
	}
	if lf.streamable() {
		return runLintStream(e, lf, runner, args, color, fail)
	}
	res, err := runner.Lint(args)
	if err != nil {
		return withCode(ExitError, err)
	}
	failed := printProblems(e, res.Problems, lf.quiet)
	if written, err := lf.gate.Apply(res.Report, e.stderr, lf.quiet, Version); err != nil || written {
		return gateExit(err, failed)
	}
	if err := write(e.stdout, res.Report, report.Options{Color: color, Quiet: lf.quiet, Version: Version}); err != nil {
		return withCode(ExitError, fmt.Errorf("writing output: %v", err))
	}
	lf.bulk.printStats(e, lf.quiet, res.Stats)
	switch {
	case failed:
		return withCode(ExitError, nil)
	case fail != 0 && hasAtLeast(res.Report, fail):
		return withCode(ExitFindings, nil)
	}
	return nil
}

// printProblems reports unreadable and skipped inputs on stderr and says
// whether any was an error (skips are notes).
func printProblems(e *env, problems []lint.Problem, quiet bool) bool {
	failed := false
	for _, p := range problems {
		if p.Skipped {
			if !quiet {
				fmt.Fprintf(e.stderr, "hygiene: note: %s\n", p.Error())
			}
			continue
		}
		failed = true
		fmt.Fprintf(e.stderr, "hygiene: error: %s\n", p.Error())
	}
	return failed
}

// parseFailLevel returns 0 for "none".
func parseFailLevel(s string) (rules.Severity, error) {
	if strings.EqualFold(s, "none") {
		return 0, nil
	}
	sev, err := rules.ParseSeverity(s)
	if err != nil {
		return 0, usageError("--fail-level: %v", err)
	}
	return sev, nil
}

func hasAtLeast(r *report.Report, level rules.Severity) bool {
	for _, it := range r.Items {
		if it.Severity >= level {
			return true
		}
	}
	return false
}
