package cpuwatch

import (
	"testing"
	"time"
)

// CPUTime grows while the process computes.
func TestCPUTimeGrows(t *testing.T) {
	before := CPUTime()
	x := 0
	for start := time.Now(); time.Since(start) < 200*time.Millisecond; {
		x++
	}
	if after := CPUTime(); after <= before {
		t.Fatalf("CPU time %v after %v (%d loops)", after, before, x)
	}
}
