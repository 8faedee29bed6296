// Package cli is the hygiene command line: cobra commands wired to the lint
// runner, the fix engine and the report formats.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	// Link every rule family.
	_ "github.com/dochygiene/hygiene/rules/all"
)

// Version is set at build time with -ldflags "-X ...cli.Version=v1.2.3".
var Version = "dev"

// env is what commands read and write, so tests can run them in process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// Main runs the command line and returns the exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	root := newRoot(e)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintln(stderr, "hygiene:", ee.err)
		}
		return ee.code
	}
	fmt.Fprintln(stderr, "hygiene:", err)
	return ExitError
}

func newRoot(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "hygiene",
		Short: "Lint ingested articles for boilerplate, inserted text, broken notes and text damage",
		Long: `hygiene finds the dirt that ingestion leaves in articles stored as text or
Markdown: page furniture, unrelated inserted text, broken footnotes,
misspelled names, wrong facts, joined words, stray markup and invisible
characters. "hygiene lint" reports it; "hygiene fix" writes cleaned copies.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(newLintCmd(e), newRulesCmd(e), newExplainCmd(e), newVersionCmd(e))
	for _, extra := range extraCommands {
		root.AddCommand(extra(e))
	}
	return root
}

// extraCommands lets each command file add itself (fix, init, ...) without
// editing this one.
var extraCommands []func(*env) *cobra.Command

// useColor decides colouring: --color always|never|auto; auto colours only
// a terminal and honours NO_COLOR.
func useColor(mode string, w io.Writer) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		if os.Getenv("NO_COLOR") != "" {
			return false, nil
		}
		f, ok := w.(*os.File)
		return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())), nil
	}
	return false, fmt.Errorf("--color %q: want auto, always or never", mode)
}

func usageError(format string, args ...any) error {
	return withCode(ExitError, fmt.Errorf(format, args...))
}
