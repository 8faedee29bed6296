package cli

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
)

// stagedWrites replaces files atomically, a batch at a time: each file's
// new content goes to a temporary file in the destination's directory,
// and when the batch is full (or the run ends) the batch is made durable
// and each temporary file is renamed over its destination. A reader, or
// the file after a crash, holds either the old or the new content, never
// a mix.
//
// Why batches: one fsync per file, in the writer that hands the files
// out in input order, made a fix over many small files wait on the disk
// one file at a time (a third of a run's wall time on the bench corpus).
// One filesystem sync for the batch writes all of it in one go; the
// fsync of each file that follows then finds nothing left to write, and
// still reports that file's own write error, so no file is renamed over
// its destination unless its content is on disk.
type stagedWrites struct {
	// mu is held by write and commit, so that an interrupt (abandon)
	// finds the batch between two steps, never in the middle of one.
	mu      sync.Mutex
	syncs   dirSyncs // the directories to sync once the renames are done
	pending []stagedFile
	size    int // bytes in pending
	// streams are temporary files written outside the batches (the copy
	// of a JSON Lines file, streamed record by record): an interrupt
	// removes them too.
	streams  map[*os.File]bool
	failures []error // files not written at a commit, each naming its input
}

// stagedFile is a complete temporary file waiting for its rename.
type stagedFile struct {
	tmp   *os.File // still open: the commit syncs it
	dest  string
	input string // the input path errors name
}

const (
	// maxStagedFiles bounds the open temporary files (descriptors).
	maxStagedFiles = 64
	// maxStagedBytes bounds how much finished work waits for its rename.
	maxStagedBytes = 32 << 20
)

func newStagedWrites(syncs dirSyncs) *stagedWrites {
	return &stagedWrites{syncs: syncs, streams: map[*os.File]bool{}}
}

// write stages data as the new content of path (the copy of input): the
// file appears at path when its batch is committed.
func (s *stagedWrites) write(path string, data []byte, perm fs.FileMode, input string) (err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".hygiene-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			discardTemp(tmp)
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	s.pending = append(s.pending, stagedFile{tmp: tmp, dest: path, input: input})
	s.size += len(data)
	if len(s.pending) >= maxStagedFiles || s.size >= maxStagedBytes {
		s.commitLocked()
	}
	return nil
}

// commit makes the pending files durable and renames each over its
// destination; a file that fails is removed and recorded in failures.
func (s *stagedWrites) commit() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.commitLocked()
}

func (s *stagedWrites) commitLocked() {
	if len(s.pending) == 0 {
		return
	}
	files := make([]*os.File, len(s.pending))
	for i, p := range s.pending {
		files[i] = p.tmp
	}
	syncFilesystems(files)
	for _, p := range s.pending {
		if err := s.place(p); err != nil {
			s.failures = append(s.failures, fmt.Errorf("%s: %v", p.input, err))
		}
	}
	clear(s.pending)
	s.pending = s.pending[:0]
	s.size = 0
}

// place syncs one staged file, closes it and renames it over its
// destination.
func (s *stagedWrites) place(p stagedFile) error {
	name := p.tmp.Name()
	if err := syncFile(p.tmp); err != nil {
		discardTemp(p.tmp)
		return err
	}
	if err := p.tmp.Close(); err != nil {
		_ = os.Remove(name)
		return err
	}
	if err := renameFile(name, p.dest); err != nil {
		_ = os.Remove(name)
		return err
	}
	s.syncs.add(filepath.Dir(p.dest))
	return nil
}

// abandon removes the temporary files of the batch and keeps the
// destinations as they are: an interrupted run leaves no temporary file
// behind. It returns with the batch locked, so that nothing is written
// after it.
func (s *stagedWrites) abandon() {
	s.mu.Lock()
	for _, p := range s.pending {
		discardTemp(p.tmp)
	}
	s.pending = nil
	for f := range s.streams {
		_ = os.Remove(f.Name())
	}
}

// track and untrack name a streamed temporary file for abandon.
func (s *stagedWrites) track(f *os.File) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.streams[f] = true
}

func (s *stagedWrites) untrack(f *os.File) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.streams, f)
}

// takeFailures returns the files the commits so far could not write, and
// forgets them.
func (s *stagedWrites) takeFailures() []error {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.failures
	s.failures = nil
	return out
}

func discardTemp(f *os.File) {
	_ = f.Close()
	_ = os.Remove(f.Name())
}

// syncFile is (*os.File).Sync; tests replace it to simulate a disk error.
var syncFile = (*os.File).Sync

// abandonOnInterrupt makes Ctrl-C or SIGTERM end a fix without leaving
// temporary files: the batch waiting for its rename is removed, and the
// run exits with ExitInterrupted. Every file is then either fixed or as it
// was. stop ends the watch.
func abandonOnInterrupt(stderr io.Writer, staged *stagedWrites) (stop func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-sigs:
			staged.abandon()
			fmt.Fprintln(stderr, "hygiene: interrupted: the files written so far are complete, the others unchanged")
			os.Exit(ExitInterrupted)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(sigs)
		close(done)
	}
}
