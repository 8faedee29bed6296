package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// actionFile is the part of action.yml the test reads.
type actionFile struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []struct {
			ID   string            `yaml:"id"`
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			Env  map[string]string `yaml:"env"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

// TestActionLintStep runs the lint step of the composite action with bash,
// as the runner would, against the built tool: annotations and exit 1 on
// a dirty article, a SARIF file in sarif mode, exit 2 for a bad format.
func TestActionLintStep(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds the tool")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed")
	}
	data, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var action actionFile
	if err := yaml.Unmarshal(data, &action); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if action.Runs.Using != "composite" {
		t.Fatalf("runs.using = %q", action.Runs.Using)
	}
	for _, in := range []string{"paths", "format", "fail-level", "args"} {
		if _, ok := action.Inputs[in]; !ok {
			t.Errorf("input %q missing", in)
		}
	}
	script := ""
	for _, s := range action.Runs.Steps {
		if s.ID == "lint" {
			script = s.Run
		}
	}
	if script == "" {
		t.Fatal("no step with id lint")
	}

	bin := filepath.Dir(fxBin) // TestMain's build, named hygiene as the action expects on PATH
	work := t.TempDir()
	pcWrite(t, filepath.Join(work, "articles", "a.txt"), "A plain sentence about the weather today.\n\nLogin\n")

	runStep := func(format string) (string, map[string]string, int) {
		t.Helper()
		outputs := filepath.Join(work, "outputs-"+format)
		cmd := exec.Command("bash", "-e", "-c", script)
		cmd.Dir = work
		cmd.Env = append(os.Environ(),
			"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
			"GITHUB_OUTPUT="+outputs, "NO_COLOR=1",
			"HYGIENE_PATHS=articles", "HYGIENE_FORMAT="+format, "HYGIENE_FAIL_LEVEL=warning",
			"HYGIENE_ARGS=--quiet", "HYGIENE_SARIF=out.sarif")
		out, err := cmd.Output()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		raw, _ := os.ReadFile(outputs)
		for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
			if k, v, ok := strings.Cut(line, "="); ok {
				got[k] = v
			}
		}
		return string(out), got, code
	}

	out, outputs, code := runStep("github")
	if code != 1 || outputs["exit-code"] != "1" || !strings.Contains(out, "::error file=articles/a.txt,line=3,") {
		t.Errorf("github: exit %d, outputs %v, stdout:\n%s", code, outputs, out)
	}
	_, outputs, code = runStep("sarif")
	if code != 1 || outputs["sarif-file"] != "out.sarif" {
		t.Errorf("sarif: exit %d, outputs %v", code, outputs)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []json.RawMessage `json:"results"`
		} `json:"runs"`
	}
	raw, err := os.ReadFile(filepath.Join(work, "out.sarif"))
	if err != nil || json.Unmarshal(raw, &log) != nil || log.Version != "2.1.0" || len(log.Runs[0].Results) == 0 {
		t.Errorf("sarif file: err %v, %.300s", err, raw)
	}
	out, outputs, code = runStep("xml")
	if code != 2 || outputs["exit-code"] != "2" || !strings.Contains(out, "::error title=hygiene action::") {
		t.Errorf("bad format: exit %d, outputs %v, stdout %q", code, outputs, out)
	}
}
