// Command hygiene lints ingested articles: boilerplate, inserted text, broken
// footnotes, misspelled names, wrong facts and text damage.
package main

import (
	"os"

	"github.com/dochygiene/hygiene/internal/cli"
	"github.com/dochygiene/hygiene/internal/lint"
)

func main() {
	// Fewer collections while documents stream through (lint.TuneGC).
	lint.TuneGC(lint.GCHeadroom, lint.GCCeiling)
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
