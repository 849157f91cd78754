package search

import (
	"testing"

	"pgregory.net/rapid"
)

// TestRunShrinks: a false property "every n < 1000 is below 50" fails, and the
// last recorded failing draw is the shrunk minimum, 50.
func TestRunShrinks(t *testing.T) {
	Configure(7, 200)
	var last int
	out := Run("false", func(rt *rapid.T) {
		n := rapid.IntRange(0, 999).Draw(rt, "n")
		if n >= 50 {
			last = n
			rt.Fatalf("n = %d is not below 50", n)
		}
	})
	if !out.Failed || last != 50 {
		t.Fatalf("failed=%v last=%d log:\n%s", out.Failed, last, out.Log)
	}
	if ok := Run("true", func(rt *rapid.T) { _ = rapid.IntRange(0, 9).Draw(rt, "n") }); ok.Failed {
		t.Fatalf("a true property failed:\n%s", ok.Log)
	}
}
