//go:build !unix

package cpuwatch

import "time"

// CPUTime is 0 where the process's CPU time is not available: the watcher
// never fires there.
func CPUTime() time.Duration { return 0 }
