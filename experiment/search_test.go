package experiment

import (
	"testing"

	"pgregory.net/rapid"
)

// For a monotone predicate "m ≥ t", Search returns exactly t with exact
// tolerance, within tol above t otherwise, reports a cap when t is beyond
// hi, and never asks about the same m twice.
func TestSearchFindsThreshold(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		lo := rapid.IntRange(0, 3).Draw(rt, "lo")
		hi := rapid.IntRange(lo, 300).Draw(rt, "hi")
		thr := rapid.IntRange(lo, hi+5).Draw(rt, "threshold")
		start := rapid.IntRange(lo, hi).Draw(rt, "start")
		tolDiv := rapid.IntRange(0, 10).Draw(rt, "tolDiv")
		tol := func(m int) int {
			if tolDiv == 0 {
				return 1
			}
			return m / tolDiv
		}
		calls := map[int]int{}
		got, ok := Search(func(m int) bool { calls[m]++; return m >= thr }, start, lo, hi, tol)
		for m, c := range calls {
			if c > 1 {
				rt.Fatalf("asked about m=%d %d times", m, c)
			}
		}
		if thr > hi {
			if ok || got != hi {
				rt.Fatalf("threshold %d beyond hi %d: got (%d, %v), want (hi, false)", thr, hi, got, ok)
			}
			return
		}
		if !ok || got < thr || got-thr >= max(tol(got), 1) {
			rt.Fatalf("threshold %d: got (%d, %v)", thr, got, ok)
		}
		if tolDiv == 0 && got != thr {
			rt.Fatalf("exact search: got %d, want %d", got, thr)
		}
	})
}
