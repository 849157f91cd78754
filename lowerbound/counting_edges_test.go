package lowerbound

// counting_edges_test.go: the edges of Params — input dimension 0 is a
// valid (constant-input) net, negative sizes panic with the offending value.

import (
	"fmt"
	"testing"
)

// TestParamsEdges: with d = 0 a hidden unit has only its bias: Params(0,
// [2]) = 2·(0+1) + (2+1) = 5, Params(0, nil) = 1 (the output bias alone).
// Negative dimensions and widths panic, naming the value.
func TestParamsEdges(t *testing.T) {
	if got := Params(0, []int{2}); got != 5 {
		t.Errorf("Params(0, [2]) = %d, want 5", got)
	}
	if got := Params(0, nil); got != 1 {
		t.Errorf("Params(0, []) = %d, want 1", got)
	}
	for _, c := range []struct {
		d      int
		widths []int
		want   string
	}{
		{-1, []int{2}, "lowerbound: Params: input dimension -1 < 0"},
		{3, []int{2, -4}, "lowerbound: Params: width -4 < 0"},
	} {
		got := func() (msg string) {
			defer func() { msg = fmt.Sprint(recover()) }()
			Params(c.d, c.widths)
			return ""
		}()
		if got != c.want {
			t.Errorf("Params(%d, %v): panic %q, want %q", c.d, c.widths, got, c.want)
		}
	}
}
