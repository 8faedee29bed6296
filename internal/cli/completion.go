package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

func init() { extraCommands = append(extraCommands, newCompletionCmd) }

// newCompletionCmd replaces cobra's default completion command with one
// that rejects an unknown shell (the default prints its help and exits 0)
// and says how to install each script.
func newCompletionCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Print the shell completion script",
		Long: `Print the completion script for a shell. Subcommands, flags and their
values complete.

  bash:  source <(hygiene completion bash)
         (or save it as /etc/bash_completion.d/hygiene; needs bash-completion)
  zsh:   hygiene completion zsh > "${fpath[1]}/_hygiene"   (then start a new shell)
  fish:  hygiene completion fish > ~/.config/fish/completions/hygiene.fish
  powershell: hygiene completion powershell | Out-String | Invoke-Expression`,
		ValidArgs:             []string{"bash", "zsh", "fish", "powershell"},
		Args:                  cobra.MatchAll(cobra.ExactArgs(1), cobra.OnlyValidArgs),
		DisableFlagsInUseLine: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			root := cmd.Root()
			var err error
			switch args[0] {
			case "bash":
				err = root.GenBashCompletionV2(e.stdout, true)
			case "zsh":
				err = root.GenZshCompletion(e.stdout)
			case "fish":
				err = root.GenFishCompletion(e.stdout, true)
			case "powershell":
				err = root.GenPowerShellCompletionWithDesc(e.stdout)
			}
			if err != nil {
				return withCode(ExitError, fmt.Errorf("completion: %v", err))
			}
			return nil
		},
	}
}
