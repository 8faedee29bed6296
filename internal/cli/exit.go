package cli

// Exit codes: one table, used by every command.
const (
	// ExitOK: nothing at or above the fail level.
	ExitOK = 0
	// ExitFindings: findings at or above the fail level (lint), or changes
	// that would be made (fix --check).
	ExitFindings = 1
	// ExitError: a usage, config or I/O error, or an input that could not
	// be read (the other inputs are still processed).
	ExitError = 2
	// ExitInterrupted: fix stopped by Ctrl-C or SIGTERM (128 + SIGINT, as
	// shells report it); the files written so far are complete.
	ExitInterrupted = 130
)

// exitError carries an exit code out of a command.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}

func withCode(code int, err error) error { return &exitError{code: code, err: err} }
