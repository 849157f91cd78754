//go:build unix

package oracle

import "syscall"

// cpuNanos is the user+system CPU time of this process so far: benchmarks
// report it beside wall time, which a loaded machine inflates.
func cpuNanos() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
