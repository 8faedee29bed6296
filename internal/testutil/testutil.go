// Package testutil holds the helpers that tests share: the real texts
// written as a corpus of files and of JSON Lines records (corpus.go), and,
// for the tests of the command line, building the real binary once,
// running it and reading its exit code and streams, and running git in a
// throwaway repository. Exit codes, streams
// and files are what users and CI see, so those tests drive the process,
// not the Go API.
package testutil

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// BuildHygiene builds ./cmd/hygiene of the module rooted at moduleRoot into
// a temporary directory and returns the binary's path and a function that
// removes it. It is meant for TestMain, which has no *testing.T.
func BuildHygiene(moduleRoot string) (bin string, cleanup func(), err error) {
	dir, err := os.MkdirTemp("", "hygiene-bin")
	if err != nil {
		return "", nil, err
	}
	bin = filepath.Join(dir, "hygiene")
	build := exec.Command("go", "build", "-o", bin, "./cmd/hygiene")
	build.Dir = moduleRoot
	var stderr bytes.Buffer
	build.Stderr = &stderr
	if err := build.Run(); err != nil {
		os.RemoveAll(dir)
		return "", nil, fmt.Errorf("building hygiene: %v\n%s", err, stderr.String())
	}
	return bin, func() { os.RemoveAll(dir) }, nil
}

// MainWithHygiene is a whole TestMain for tests that drive the binary: it
// builds hygiene into *bin, runs the tests, removes the build and exits
// with the tests' code. A failed build stops everything with its output.
func MainWithHygiene(m *testing.M, moduleRoot string, bin *string) {
	built, cleanup, err := BuildHygiene(moduleRoot)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	*bin = built
	code := m.Run()
	cleanup()
	os.Exit(code)
}

// Result is what one run of a binary left: its exit code and both streams.
type Result struct {
	Code           int
	Stdout, Stderr string
}

// Run runs bin with args in dir (the test's working directory when dir is
// empty), stdin as its standard input and colour off. A non-zero exit is a
// result, not a failure; failing to start the process fails the test.
func Run(t *testing.T, bin, dir, stdin string, args ...string) Result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return Result{code, out.String(), errb.String()}
}

// GitEnv is the environment for git in tests: a fixed identity and no user
// configuration, so commits work on a fresh CI machine and the developer's
// own settings (hooks, signing) cannot change the outcome.
func GitEnv() []string {
	return append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL=/dev/null")
}

// Git runs git with args in dir under GitEnv and fails the test, with
// git's output, when it does not succeed.
func Git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = GitEnv()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}
