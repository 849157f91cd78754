//go:build !unix

package oracle

// cpuNanos is unavailable here; the CPU metrics of the benchmarks read 0.
func cpuNanos() int64 { return 0 }
