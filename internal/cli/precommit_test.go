package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreCommitHooks uses this checkout as a pre-commit hook repository,
// the way a corpus repository would, with both hooks: a commit of a dirty
// article is blocked with the finding printed and the article fixed in the
// working tree; staged again, the clean article is accepted.
// It needs the real pre-commit (Debian package pre-commit, installed by
// .ci/setup-precommit.sh); without it the test skips, except under CI,
// where it fails.
func TestPreCommitHooks(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the pre-commit test builds the tool in a fresh hook environment")
	}
	preCommit, err := exec.LookPath("pre-commit")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pre-commit is not installed, and CI is set: .ci/setup-precommit.sh should have installed it")
		}
		t.Skip("pre-commit is not installed (apt-get install pre-commit, or run .ci/setup-precommit.sh as root); skipping the hook test")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is needed for the pre-commit test")
	}
	env := pcEnv(t)
	hooks := pcHookRepo(t, env)
	sha := strings.TrimSpace(pcGit(t, hooks, env, "rev-parse", "HEAD"))

	work := t.TempDir()
	pcGit(t, work, env, "init", "-q", "-b", "main")
	config := "repos:\n  - repo: " + hooks + "\n    rev: " + sha + "\n    hooks:\n" +
		"      - id: hygiene-lint\n      - id: hygiene-fix\n"
	pcWrite(t, filepath.Join(work, ".pre-commit-config.yaml"), config)
	pcGit(t, work, env, "add", ".pre-commit-config.yaml")
	pcGit(t, work, env, "commit", "-q", "-m", "pre-commit config")
	pcRun(t, work, env, preCommit, "install")

	article := filepath.Join(work, "articles", "council.txt")
	clean := "Council approves the budget\n\n" +
		"The city council approved next year's budget on Tuesday after a debate that lasted most of the evening. " +
		"Members agreed to publish the minutes next week.\n\n" +
		"The mayor said the vote showed that the council could still agree on the essentials.\n"
	pcWrite(t, article, clean+"\nLogin\n")
	pcGit(t, work, env, "add", "articles/council.txt")
	out, err := pcCommand(work, env, "git", "commit", "-m", "add a dirty article")
	if err == nil {
		t.Fatalf("the commit of a dirty article was accepted:\n%s", out)
	}
	t.Logf("blocked commit:\n%s", out)
	for _, want := range []string{"hygiene lint", "Failed", "articles/council.txt:", "boilerplate/login-prompt",
		"hygiene fix", "files were modified by this hook"} {
		if !strings.Contains(out, want) {
			t.Errorf("blocked commit output lacks %q:\n%s", want, out)
		}
	}
	if log := pcGit(t, work, env, "log", "--oneline"); strings.Count(log, "\n") != 1 {
		t.Errorf("a commit went through:\n%s", log)
	}

	// hygiene-fix removed the prompt in the working tree; staged, the
	// cleaned article is accepted.
	fixed, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(fixed), "Login") || !strings.Contains(string(fixed), "could still agree on the essentials.") {
		t.Fatalf("hygiene-fix did not clean the article:\n%s", fixed)
	}
	pcGit(t, work, env, "add", "articles/council.txt")
	if out, err := pcCommand(work, env, "git", "commit", "-m", "add the cleaned article"); err != nil {
		t.Fatalf("the commit of the clean article was refused: %v\n%s", err, out)
	} else if strings.Count(out, "Passed") != 2 {
		t.Errorf("the hooks did not both pass on the clean commit:\n%s", out)
	}
}

// pcEnv is the environment of git and pre-commit in the test: a private
// pre-commit cache, no user git config, a fixed identity, and the Go module
// cache of this machine (pre-commit points GOPATH at its own directory,
// which would otherwise download every module again). GOFLAGS, GOPROXY and
// the build cache are inherited.
func pcEnv(t *testing.T) []string {
	t.Helper()
	modcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatalf("go env GOMODCACHE: %v", err)
	}
	// -trimpath keeps build cache keys free of the hook repository's
	// temporary path, so runs after the first reuse compiled packages.
	goflags := strings.TrimSpace(os.Getenv("GOFLAGS") + " -trimpath")
	return append(os.Environ(),
		"GOFLAGS="+goflags,
		"PRE_COMMIT_HOME="+t.TempDir(),
		"GOMODCACHE="+strings.TrimSpace(string(modcache)),
		"GOTOOLCHAIN=local",
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=hygiene test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=hygiene test", "GIT_COMMITTER_EMAIL=test@example.com",
		"NO_COLOR=1",
	)
}

// pcHookRepo makes a git repository holding this checkout's working
// tree as it is now (tracked and untracked files, not ignored ones), with
// one commit: pre-commit clones hook repositories at a revision.
func pcHookRepo(t *testing.T, env []string) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, ".pre-commit-hooks.yaml")); err != nil {
		t.Fatalf("no .pre-commit-hooks.yaml at the module root: %v", err)
	}
	list := pcGit(t, root, env, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	dir := t.TempDir()
	for _, name := range strings.Split(list, "\x00") {
		if name == "" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			continue // deleted in the working tree, or a directory (submodule)
		}
		info, _ := os.Stat(filepath.Join(root, name))
		dst := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, info.Mode().Perm()); err != nil {
			t.Fatal(err)
		}
	}
	pcGit(t, dir, env, "init", "-q", "-b", "main")
	pcGit(t, dir, env, "add", "-A")
	pcGit(t, dir, env, "commit", "-q", "-m", "snapshot of the working tree")
	return dir
}

func pcCommand(dir string, env []string, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	err := cmd.Run()
	return out.String(), err
}

func pcRun(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	out, err := pcCommand(dir, env, name, args...)
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return out
}

func pcGit(t *testing.T, dir string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}

func pcWrite(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
