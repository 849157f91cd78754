//go:build unix

package bounds

import (
	"flag"
	"fmt"
	"os"
	"syscall"
	"testing"
	"time"
)

// shortCPULimit is the CPU time after which a -short run is stopped. The
// whole short suite needs about 3 s of CPU, so only a hang (an endless
// correction or search loop) reaches it; failing then, instead of spinning
// a core until go test's 10-minute timeout, keeps a shared machine usable.
// CPU time, not wall time, so that a loaded machine does not trip it.
const shortCPULimit = 20 * time.Second

func TestMain(m *testing.M) {
	flag.Parse()
	if testing.Short() {
		go func() {
			for range time.Tick(time.Second) {
				if used := cpuTime(); used > shortCPULimit {
					fmt.Fprintf(os.Stderr, "bounds: short tests used %v of CPU (limit %v): a hang\n", used, shortCPULimit)
					os.Exit(3)
				}
			}
		}()
	}
	os.Exit(m.Run())
}

// cpuTime is the user+system CPU time of this process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
