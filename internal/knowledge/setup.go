package knowledge

import (
	"path/filepath"

	"github.com/dochygiene/hygiene/internal/config"
)

// Setup makes the active pack for a run: the embedded pack, then the
// `knowledge:` paths of the run's config file (configPath, or the nearest
// .hygiene.yaml above the working directory), then the --knowledge paths.
// Config paths are relative to the config file. A config that does not
// load is left to the linter to report; a bad pack file is an error.
func Setup(flagPaths []string, configPath string) error {
	var paths []string
	if configPath == "" {
		configPath = config.Find(".")
	}
	if configPath != "" {
		if c, err := config.Load(configPath); err == nil {
			for _, k := range c.File.Knowledge {
				if !filepath.IsAbs(k) {
					k = filepath.Join(c.Dir, k)
				}
				paths = append(paths, k)
			}
		}
	}
	return Use(append(paths, flagPaths...)...)
}
