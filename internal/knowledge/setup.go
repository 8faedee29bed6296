package knowledge

import (
	"os"
	"path/filepath"

	"go.yaml.in/yaml/v3"
)

// configFileName is the linter's config file (internal/config.FileName).
// It is read here for its `knowledge:` key only; importing internal/config
// would make a cycle (config's tests load every rule, and rules load this
// package).
const configFileName = ".hygiene.yaml"

// Setup makes the active pack for a run: the embedded pack, then the
// `knowledge:` paths of the run's config file (configPath, or the nearest
// .hygiene.yaml at or above the working directory), then the --knowledge
// paths. Config paths are relative to the config file. A config that does
// not parse is left to the linter to report; a bad pack file is an error.
func Setup(flagPaths []string, configPath string) error {
	if configPath == "" {
		configPath = findConfig(".")
	}
	return Use(append(configKnowledge(configPath), flagPaths...)...)
}

func configKnowledge(path string) []string {
	if path == "" {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var f struct {
		Knowledge []string `yaml:"knowledge"`
	}
	if yaml.Unmarshal(data, &f) != nil {
		return nil
	}
	var out []string
	for _, k := range f.Knowledge {
		if !filepath.IsAbs(k) {
			k = filepath.Join(filepath.Dir(path), k)
		}
		out = append(out, k)
	}
	return out
}

// findConfig returns the nearest config file at or above dir, or "".
func findConfig(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(abs, configFileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return ""
		}
		abs = parent
	}
}
