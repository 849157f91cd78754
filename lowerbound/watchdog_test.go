package lowerbound

import (
	"flag"
	"os"
	"testing"
	"time"

	"github.com/ftcheck/ftcheck/internal/cpuwatch"
)

// The short suite needs a few seconds of CPU; only a hang reaches 20 s.
func TestMain(m *testing.M) {
	flag.Parse()
	cpuwatch.Short("lowerbound", 20*time.Second)
	os.Exit(m.Run())
}
