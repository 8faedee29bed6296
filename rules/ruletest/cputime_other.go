//go:build !unix

package ruletest

import "time"

// cpuTime is not measured where getrusage(2) is missing: MeasureCPU then
// reports wall-clock figures only.
func cpuTime() time.Duration { return 0 }
