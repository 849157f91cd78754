// Package cpuwatch stops a test binary whose CPU time passes a limit, so
// that under -short a hang (an endless loop, as a planted mutant can cause)
// ends in seconds instead of spinning a core until go test's timeout. CPU
// time, not wall time, so that a loaded machine does not trip it. Only test
// binaries import it.
package cpuwatch

import (
	"fmt"
	"os"
	"testing"
	"time"
)

// Short starts, when the tests run with -short, a watcher that exits the
// process with status 3 once its CPU time passes limit; call it from
// TestMain after flag.Parse. pkg names the package in the message.
func Short(pkg string, limit time.Duration) {
	if !testing.Short() {
		return
	}
	go func() {
		for range time.Tick(time.Second) {
			if used := CPUTime(); used > limit {
				fmt.Fprintf(os.Stderr, "%s: short tests used %v of CPU (limit %v): a hang\n", pkg, used, limit)
				os.Exit(3)
			}
		}
	}()
}
