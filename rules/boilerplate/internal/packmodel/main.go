// Command packmodel writes linemodel.bin, the packed form of the line
// model's weights file that boilerplate/line-model loads (see
// rules/boilerplate/linemodel_pack.go). Run it after every retraining:
//
//	go generate ./rules/boilerplate
//	go run ./rules/boilerplate/internal/packmodel -dir rules/boilerplate
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dochygiene/hygiene/rules/boilerplate"
)

func main() {
	dir := flag.String("dir", ".", "directory of linemodel.txt and linemodel.bin")
	flag.Parse()
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "packmodel:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	text, err := os.ReadFile(filepath.Join(dir, "linemodel.txt"))
	if err != nil {
		return err
	}
	packed, err := boilerplate.PackLineModel(string(text))
	if err != nil {
		return fmt.Errorf("linemodel.txt: %v", err)
	}
	return os.WriteFile(filepath.Join(dir, "linemodel.bin"), packed, 0o644)
}
