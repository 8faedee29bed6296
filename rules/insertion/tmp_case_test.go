package insertion_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/dochygiene/hygiene/internal/eval"
)

func TestTmpCase(t *testing.T) {
	dir, _ := eval.DataDir()
	arts, _ := eval.LoadInsertionArticles(dir, "tune")
	want := os.Getenv("CASES")
	for _, c := range eval.GenerateInsertionCasesSeeds(arts, []int64{1, 2, 3}) {
		if !strings.Contains(","+want+",", ","+c.Name+",") || c.Kind == eval.InsertNone {
			continue
		}
		fmt.Println("==", c.Name, c.Kind, c.Paragraphs)
		lines := strings.Split(c.Text, "\n")
		a := c.Paragraphs[0][0]
		for i := max(1, a-12); i <= min(len(lines), a+3); i++ {
			l := lines[i-1]
			fmt.Printf("%4d %s\n", i, l[:min(len(l), 110)])
		}
	}
}
