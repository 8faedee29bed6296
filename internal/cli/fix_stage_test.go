package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// A fix over many files syncs each batch's filesystem once, not each file
// one after another, and every copy lands with its fixed content.
func TestFixStagesFilesInBatches(t *testing.T) {
	root := t.TempDir()
	in := filepath.Join(root, "in")
	const files = maxStagedFiles + 6
	for i := range files {
		fxWrite(t, filepath.Join(in, fmt.Sprintf("doc%03d.txt", i)), fxFixture(t, "dirty.txt"), 0o644)
	}
	var batches []int
	defer func(orig func([]*os.File)) { syncFilesystems = orig }(syncFilesystems)
	syncFilesystems = func(batch []*os.File) { batches = append(batches, len(batch)) }
	out := filepath.Join(root, "out")
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"fix", fxOnly, "-q", "-j", "2", "--out", out, in}, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("code %d, stderr %s", code, stderr.String())
	}
	if fmt.Sprint(batches) != fmt.Sprint([]int{maxStagedFiles, 6}) {
		t.Errorf("batches synced %v, want [%d 6]", batches, maxStagedFiles)
	}
	for i := range files {
		if got := fxRead(t, filepath.Join(out, fmt.Sprintf("doc%03d.txt", i))); got != fxDirtyFixed {
			t.Fatalf("doc%03d.txt: %q", i, got)
		}
	}
	fxNoTemporaryFiles(t, out)
}

// A file whose content cannot be made durable is not renamed over its
// destination: the run names it, keeps its old content, and writes the
// other files of the batch.
func TestFixInPlaceSyncFailureKeepsThatFileOld(t *testing.T) {
	dir := t.TempDir()
	old := fxFixture(t, "dirty.txt")
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		fxWrite(t, filepath.Join(dir, name), old, 0o644)
	}
	defer func(orig func(*os.File) error) { syncFile = orig }(syncFile)
	syncFile = func(f *os.File) error {
		if strings.HasPrefix(filepath.Base(f.Name()), ".b.txt.") {
			return errors.New("simulated disk error")
		}
		return f.Sync()
	}
	var stdout, stderr bytes.Buffer
	code := Main([]string{"fix", fxOnly, "-q", "--in-place", dir}, strings.NewReader(""), &stdout, &stderr)
	if code != ExitError {
		t.Errorf("code %d, want %d", code, ExitError)
	}
	want := filepath.Join(dir, "b.txt") + ": simulated disk error"
	if !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr %q does not name the file: want %q", stderr.String(), want)
	}
	if got := fxRead(t, filepath.Join(dir, "b.txt")); got != string(old) {
		t.Errorf("b.txt changed although its sync failed: %q", got)
	}
	for _, name := range []string{"a.txt", "c.txt"} {
		if got := fxRead(t, filepath.Join(dir, name)); got != fxDirtyFixed {
			t.Errorf("%s not fixed: %q", name, got)
		}
	}
	fxNoTemporaryFiles(t, dir)
}

// fxNoTemporaryFiles fails when a staged temporary file was left in dir.
func fxNoTemporaryFiles(t *testing.T, dir string) {
	t.Helper()
	_ = filepath.WalkDir(dir, func(p string, _ os.DirEntry, err error) error {
		if err == nil && strings.Contains(filepath.Base(p), ".hygiene-") {
			t.Errorf("temporary file left behind: %s", p)
		}
		return nil
	})
}

// abandon removes the batch's temporary files and touches no destination.
func TestStagedWritesAbandonLeavesNoTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	fxWrite(t, filepath.Join(dir, "old.txt"), []byte("old\n"), 0o644)
	s := newStagedWrites(dirSyncs{})
	for _, name := range []string{"old.txt", "new.txt"} {
		if err := s.write(filepath.Join(dir, name), []byte("fixed\n"), 0o644, name); err != nil {
			t.Fatal(err)
		}
	}
	s.abandon()
	if got := fxRead(t, filepath.Join(dir, "old.txt")); got != "old\n" {
		t.Errorf("old.txt: %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "new.txt")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("new.txt written by an abandoned batch: %v", err)
	}
	fxNoTemporaryFiles(t, dir)
}

// Ctrl-C in the middle of a fix leaves every copy complete or absent, no
// temporary file, and exit code 130.
func TestFixInterruptedByCtrlCLeavesNoTemporaryFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to send")
	}
	root := t.TempDir()
	in := filepath.Join(root, "in")
	dirty := fxFixture(t, "dirty.txt")
	for i := range 4000 {
		fxWrite(t, filepath.Join(in, fmt.Sprintf("d%d", i%10), fmt.Sprintf("doc%04d.txt", i)), dirty, 0o644)
	}
	out := filepath.Join(root, "out")
	cmd := exec.Command(fxBin, "fix", fxOnly, "-q", "-j", "1", "--out", out, in)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Interrupt once a first batch is renamed into place.
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline) && !fxHasCopy(filepath.Join(out, "d0")); {
		time.Sleep(5 * time.Millisecond)
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		t.Skipf("the run ended before the interrupt (%v): nothing to check", err)
	}
	if code := exit.ExitCode(); code != ExitInterrupted {
		t.Fatalf("exit code %d, want %d", code, ExitInterrupted)
	}
	fxNoTemporaryFiles(t, out)
	copies := 0
	_ = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			copies++
			if got := fxRead(t, p); got != fxDirtyFixed {
				t.Errorf("%s is incomplete: %q", p, got)
			}
		}
		return nil
	})
	if copies == 0 {
		t.Error("the copies renamed before the interrupt are gone")
	}
	t.Logf("%d of 4000 copies written before the interrupt", copies)
}

// fxHasCopy reports whether dir holds a file that is not a temporary one.
func fxHasCopy(dir string) bool {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			return true
		}
	}
	return false
}

// abandon removes a JSON Lines copy being streamed as well.
func TestStagedWritesAbandonRemovesStreams(t *testing.T) {
	dir := t.TempDir()
	s := newStagedWrites(dirSyncs{})
	f, err := os.CreateTemp(dir, ".corpus.jsonl.hygiene-*")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s.track(f)
	s.abandon()
	fxNoTemporaryFiles(t, dir)
}
