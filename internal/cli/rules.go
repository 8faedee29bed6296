package cli

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dochygiene/hygiene/rules"
)

func newRulesCmd(e *env) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List every rule with its severity, fix safety and summary",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch format {
			case "text":
				tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "RULE\tSEVERITY\tFIX\tSUMMARY")
				for _, r := range rules.All() {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, r.FixSafety, r.Summary)
				}
				return tw.Flush()
			case "json":
				type ruleJSON struct {
					ID       string `json:"id"`
					Family   string `json:"family"`
					Severity string `json:"severity"`
					Fix      string `json:"fix"`
					Summary  string `json:"summary"`
					Corpus   bool   `json:"corpus"`
				}
				out := []ruleJSON{}
				for _, r := range rules.All() {
					out = append(out, ruleJSON{r.ID, r.Family(), r.Severity.String(), r.FixSafety.String(), r.Summary, r.IsCorpus()})
				}
				enc := json.NewEncoder(e.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			}
			return usageError("--format %q: want text or json", format)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "text or json")
	return cmd
}

func newExplainCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "explain RULE",
		Short: "Show a rule's documentation with a bad and a good example",
		Args:  cobra.ExactArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			var ids []string
			for _, r := range rules.All() {
				ids = append(ids, r.ID)
			}
			return ids, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			r, ok := rules.Lookup(args[0])
			if !ok {
				return usageError("unknown rule %q (see `hygiene rules`)", args[0])
			}
			fmt.Fprintf(e.stdout, "%s  (%s, fix: %s)\n\n%s\n\n%s\n", r.ID, r.Severity, r.FixSafety, r.Summary, r.Doc)
			if r.Bad != "" {
				fmt.Fprintf(e.stdout, "\nBad:\n%s\n", indent(r.Bad))
			}
			if r.Good != "" {
				fmt.Fprintf(e.stdout, "\nGood:\n%s\n", indent(r.Good))
			}
			return nil
		},
	}
}

func newVersionCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		Run:   func(*cobra.Command, []string) { fmt.Fprintln(e.stdout, "hygiene", Version) },
	}
}

func indent(s string) string {
	out := "    "
	for _, c := range s {
		out += string(c)
		if c == '\n' {
			out += "    "
		}
	}
	return out
}
