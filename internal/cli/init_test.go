package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/dochygiene/hygiene/internal/config"
)

func runMain(args ...string) (stdout, stderr string, code int) {
	var out, errb bytes.Buffer
	code = Main(args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func TestInitWritesAValidStarterConfig(t *testing.T) {
	dir := t.TempDir()
	out, errs, code := runMain("init", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	path := filepath.Join(dir, config.FileName)
	if !strings.Contains(out, path) {
		t.Errorf("stdout %q does not name the file", out)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("# hygiene configuration.")) || bytes.Count(data, []byte("\n# ")) < 20 {
		t.Errorf("the starter is not commented:\n%s", data)
	}
	c, err := config.Load(path)
	if err != nil {
		t.Fatalf("config.Load rejects the starter: %v", err)
	}
	if len(c.File.Disable) != 0 || len(c.Declared()) != 0 {
		t.Errorf("the starter changes settings: %+v", c.File)
	}
	// With the starter in place, lint runs with it.
	article := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(article, []byte("A plain sentence about the weather.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := runMain("lint", "-q", article); code == 2 {
		t.Errorf("lint with the starter config: exit 2: %s", errs)
	}
}

// Every commented example, turned on, is valid too: for config.Load and
// for the config's JSON Schema.
func TestStarterExamplesAreValid(t *testing.T) {
	text := StarterConfig(true)
	c, err := config.Parse("starter.yaml", []byte(text))
	if err != nil {
		t.Fatalf("examples rejected: %v\n%s", err, text)
	}
	if len(c.Declared()) != 2 || len(c.File.Overrides) != 1 || c.File.Severity["text"] != "info" {
		t.Errorf("examples not all read: %+v", c.File)
	}
	var doc any
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		t.Fatal(err)
	}
	schemaDoc, err := jsonschema.UnmarshalJSON(bytes.NewReader(config.Schema))
	if err != nil {
		t.Fatal(err)
	}
	comp := jsonschema.NewCompiler()
	if err := comp.AddResource("hygiene.schema.json", schemaDoc); err != nil {
		t.Fatal(err)
	}
	schema, err := comp.Compile("hygiene.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Errorf("examples do not match the config schema: %v", err)
	}
}

func TestInitRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, config.FileName)
	if err := os.WriteFile(path, []byte("disable: [facts]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, code := runMain("init", dir)
	if code != 2 || !strings.Contains(errs, "already exists") || !strings.Contains(errs, "--force") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if data, _ := os.ReadFile(path); string(data) != "disable: [facts]\n" {
		t.Errorf("the existing file changed: %q", data)
	}
	if _, errs, code := runMain("init", "--force", dir); code != 0 {
		t.Fatalf("--force: exit %d: %s", code, errs)
	}
	if data, _ := os.ReadFile(path); !strings.HasPrefix(string(data), "# hygiene configuration.") {
		t.Errorf("--force did not write the starter: %q", data)
	}
	if _, errs, code := runMain("init", filepath.Join(dir, "missing")); code != 2 || !strings.Contains(errs, "missing") {
		t.Errorf("missing dir: exit %d, stderr %q", code, errs)
	}
	if _, errs, code := runMain("init", path); code != 2 || !strings.Contains(errs, "not a directory") {
		t.Errorf("file as dir: exit %d, stderr %q", code, errs)
	}
}

func TestCompletionScripts(t *testing.T) {
	want := map[string]string{
		"bash": "__start_hygiene",
		"zsh":  "#compdef hygiene",
		"fish": "complete -c hygiene",
	}
	for shell, marker := range want {
		out, errs, code := runMain("completion", shell)
		if code != 0 || !strings.Contains(out, marker) {
			t.Errorf("completion %s: exit %d, stderr %q, script lacks %q", shell, code, errs, marker)
		}
	}
	if _, _, code := runMain("completion", "tcsh"); code == 0 {
		t.Error("completion tcsh succeeded")
	}
	// The scripts call back into the binary: subcommands complete.
	out, _, code := runMain("__complete", "li")
	if code != 0 || !strings.Contains(out, "lint") {
		t.Errorf("__complete li: exit %d, %q", code, out)
	}
}
