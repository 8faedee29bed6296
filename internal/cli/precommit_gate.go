package cli

// gateExit is lint's exit after the baseline step stopped the run: a
// baseline or git error, or a baseline written (exit 0 unless an input
// could not be read).
func gateExit(err error, failed bool) error {
	if err != nil {
		return withCode(ExitError, err)
	}
	if failed {
		return withCode(ExitError, nil)
	}
	return nil
}
