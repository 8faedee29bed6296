// Command hygiene-eval runs the evaluation suites that score hygiene's rules
// on real labelled data (../shared/data) and prints precision, recall and
// false-alarm numbers.
//
//	go run ./cmd/hygiene-eval            # list the suites
//	go run ./cmd/hygiene-eval all        # run every suite
//	go run ./cmd/hygiene-eval NAME ...   # run one suite with its arguments
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/dochygiene/hygiene/internal/eval"
	_ "github.com/dochygiene/hygiene/rules/all"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Println("usage: hygiene-eval SUITE [ARGS...] | all")
		for _, s := range eval.Suites() {
			fmt.Printf("  %-16s %s\n", s.Name, s.Summary)
		}
		return
	}
	var run []*eval.Suite
	if os.Args[1] == "all" {
		run = eval.Suites()
	} else {
		s, err := eval.Lookup(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, "hygiene-eval:", err)
			os.Exit(2)
		}
		run = []*eval.Suite{s}
	}
	for _, s := range run {
		fmt.Printf("== %s: %s\n", s.Name, s.Summary)
		if err := s.Run(os.Stdout, os.Args[2:]); err != nil {
			fmt.Fprintf(os.Stderr, "hygiene-eval: %s: %v\n", s.Name, err)
			if errors.Is(err, eval.ErrNoData) {
				os.Exit(2)
			}
			os.Exit(1)
		}
	}
}
