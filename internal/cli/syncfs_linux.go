package cli

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// syncFilesystems writes out, with one syncfs(2) per filesystem, what the
// files hold: a batch's data reaches the disk in one go instead of one
// journal commit per file. Errors are left to the fsync of each file that
// follows, which reports its own file's write errors either way.
var syncFilesystems = func(files []*os.File) {
	done := map[uint64]bool{}
	for _, f := range files {
		info, err := f.Stat()
		if err != nil {
			continue
		}
		st, ok := info.Sys().(*syscall.Stat_t)
		if !ok || done[st.Dev] {
			continue
		}
		// Control, not Fd: Fd would switch the file to blocking mode.
		if conn, err := f.SyscallConn(); err == nil {
			done[st.Dev] = true
			_ = conn.Control(func(fd uintptr) { _ = unix.Syncfs(int(fd)) })
		}
	}
}
