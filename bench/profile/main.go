// Command profile runs the hygiene command line under the Go profilers, so
// that the CLI's own path (walk, read, document model, rules, output) can
// be profiled as users run it:
//
//	go run ./bench/profile -cpu /tmp/cpu.prof -mem /tmp/mem.prof -- lint -j 1 --quiet DIR
//
// The exit status is the command's.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/dochygiene/hygiene/internal/cli"
	"github.com/dochygiene/hygiene/internal/lint"
)

func main() {
	cpu := flag.String("cpu", "", "write a CPU profile to this file")
	mem := flag.String("mem", "", "write an allocation profile to this file")
	discard := flag.Bool("discard", true, "discard the command's standard output")
	flag.Parse()
	lint.TuneGC(lint.GCHeadroom, lint.GCCeiling) // as cmd/hygiene does
	if *cpu != "" {
		f, err := os.Create(*cpu)
		if err != nil {
			fmt.Fprintln(os.Stderr, "profile:", err)
			os.Exit(2)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "profile:", err)
			os.Exit(2)
		}
	}
	var stdout io.Writer = os.Stdout
	if *discard {
		stdout = io.Discard
	}
	code := cli.Main(flag.Args(), os.Stdin, stdout, os.Stderr)
	if *cpu != "" {
		pprof.StopCPUProfile()
	}
	if *mem != "" {
		if err := writeHeap(*mem); err != nil {
			fmt.Fprintln(os.Stderr, "profile:", err)
			os.Exit(2)
		}
	}
	os.Exit(code)
}

// writeHeap writes the allocation profile (every allocation since start).
func writeHeap(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	runtime.GC()
	return pprof.Lookup("allocs").WriteTo(f, 0)
}
