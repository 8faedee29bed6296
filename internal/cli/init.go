package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dochygiene/hygiene/internal/config"
)

func init() { extraCommands = append(extraCommands, newInitCmd) }

func newInitCmd(e *env) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Write a commented starter " + config.FileName,
		Long: `Write a commented starter ` + config.FileName + ` in DIR (default: the current
directory). Every setting it shows is explained; the examples are commented
out, so the file changes nothing until you edit it. An existing file is
kept unless --force is given.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			return runInit(e, dir, force)
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing "+config.FileName)
	return cmd
}

func runInit(e *env, dir string, force bool) error {
	info, err := os.Stat(dir)
	if err != nil {
		return withCode(ExitError, fmt.Errorf("init: %v", err))
	}
	if !info.IsDir() {
		return withCode(ExitError, fmt.Errorf("init: %s is not a directory", dir))
	}
	path := filepath.Join(dir, config.FileName)
	_, err = os.Lstat(path)
	switch {
	case err == nil && !force:
		return withCode(ExitError, fmt.Errorf("init: %s already exists (use --force to overwrite it)", path))
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return withCode(ExitError, fmt.Errorf("init: %v", err))
	}
	if err := writeFileAtomic(path, []byte(StarterConfig(false))); err != nil {
		return withCode(ExitError, fmt.Errorf("init: %v", err))
	}
	fmt.Fprintf(e.stdout, "wrote %s; try: hygiene lint %s\n", path, dir)
	return nil
}

// writeFileAtomic writes a temporary file beside path and renames it into
// place, so an interrupted run never leaves half a file.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// starterSection is one setting of the starter file: prose, then an
// example, commented out unless examples are asked for (the tests do, to
// check that the examples are valid too).
type starterSection struct {
	about   string
	example string
}

var starterSections = []starterSection{
	{about: `hygiene configuration. hygiene reads the nearest .hygiene.yaml above each
linted file (or the file given with --config). Unknown keys are errors.
Selectors are rule IDs ("boilerplate/login-prompt") or family names
("boilerplate", "insertion", "footnotes", "names", "facts", "text");
"hygiene rules" lists every rule, "hygiene explain RULE" documents one.`},
	{about: `Files linted inside directories (default: *.txt, *.md, *.markdown), and
globs of files or paths to skip.`,
		example: `include: ["*.txt", "*.md", "*.jsonl"]
exclude: ["drafts/**", "*.orig.txt"]`},
	{about: `Turn rules or whole families off, or on (enable wins over a family-wide
disable). "only" runs nothing but the rules it names.`,
		example: `enable: [boilerplate/login-prompt]
disable: [facts]`},
	{about: `Change the severity (error, warning or info) of rules or families. The exit
code is 1 for findings at or above --fail-level (default warning).`,
		example: `severity:
  text: info
  boilerplate/login-prompt: warning`},
	{about: `Per-rule settings: enabled, severity, and the rule's own options (see
"hygiene explain RULE").`,
		example: `rules:
  text/whitespace:
    severity: info`},
	{about: `Settings for some paths only; globs are relative to this file, later
entries win.`,
		example: `overrides:
  - paths: ["archive/**"]
    disable: [footnotes]
    severity:
      boilerplate: warning`},
	{about: `Rules of your own, without Go: a phrase list or an RE2 pattern, matched on
whole lines (scope: line) or inside text (scope: text), with an optional
fix (remove the line, or replace the match).`,
		example: `declare:
  - id: boilerplate/house-footer
    message: the publisher's footer
    severity: error
    phrases: ["Read more at Example News", "Example News Newsroom"]
    scope: line
    fix: remove
  - id: text/house-style
    message: write NATO in capitals
    severity: warning
    pattern: '\bNato\b'
    replace: NATO`},
}

// StarterConfig is the text of the starter .hygiene.yaml. With examples,
// the commented-out examples are live (for tests).
func StarterConfig(examples bool) string {
	var b strings.Builder
	for i, s := range starterSections {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(comment(s.about, "# "))
		if s.example != "" {
			if examples {
				b.WriteString(s.example + "\n")
			} else {
				b.WriteString(comment(s.example, "# "))
			}
		}
	}
	return b.String()
}

func comment(text, prefix string) string {
	var b strings.Builder
	for _, line := range strings.Split(text, "\n") {
		b.WriteString(strings.TrimRight(prefix+line, " ") + "\n")
	}
	return b.String()
}
