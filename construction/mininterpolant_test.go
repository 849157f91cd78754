package construction_test

import (
	"errors"
	"math/big"
	"testing"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// TestMinInterpolantByHand: instances whose least neuron count is known by a
// hand argument; the network hits every sample exactly (reference
// evaluation) with that many neurons.
//
//   - z = (0, 0, 1, 1) at x = (i, 0): one breakpoint cannot work (a piece
//     through two equal values is flat, and 0, 1 both need one), so R = 2,
//     and the flat pieces let R units realise it: 2 neurons.
//   - z = (0, 1, 0) at x = (0, 0, 0), (1, 1, 1), (2, 4, 8): R = 1, but one
//     unit is monotone along any line and the middle sample is a strict
//     maximum: 2 neurons.
//   - z = (3, 3, 3, 3) in 2-D: constant data, no unit.
func TestMinInterpolantByHand(t *testing.T) {
	for _, c := range []struct {
		name    string
		X       [][]*big.Rat
		z       []*big.Rat
		neurons int
	}{
		{"step", [][]*big.Rat{oracle.Rats(0, 0), oracle.Rats(1, 0), oracle.Rats(2, 0), oracle.Rats(3, 0)}, oracle.Rats(0, 0, 1, 1), 2},
		{"peak in 3-D", [][]*big.Rat{oracle.Rats(0, 0, 0), oracle.Rats(1, 1, 1), oracle.Rats(2, 4, 8)}, oracle.Rats(0, 1, 0), 2},
		{"constant", [][]*big.Rat{oracle.Rats(0, 1), oracle.Rats(1, 0), oracle.Rats(2, 5), oracle.Rats(-1, 3)}, oracle.Rats(3, 3, 3, 3), 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			b, err := construction.MinInterpolant(&instance.Instance{X: c.X, Z: c.z})
			if err != nil {
				t.Fatal(err)
			}
			for i, x := range c.X {
				if got := b.Net.Eval(x); got.Cmp(c.z[i]) != 0 {
					t.Errorf("g(x_%d) = %s, want %s", i+1, got.RatString(), c.z[i].RatString())
				}
			}
			if b.Neurons != c.neurons || b.Net.Hidden() != c.neurons || b.Name != construction.MinInterpolantName {
				t.Errorf("%s: %d neurons (net %d), want %d", b.Name, b.Neurons, b.Net.Hidden(), c.neurons)
			}
		})
	}
}

// TestMinInterpolantBadInput: K < 3 and duplicate samples give the typed
// errors of the projection.
func TestMinInterpolantBadInput(t *testing.T) {
	var se *construction.SizeError
	if _, err := construction.MinInterpolant(instance.OnLine(oracle.Rats(1, 2), oracle.Rats(0, 1))); !errors.As(err, &se) {
		t.Errorf("K = 2: %v", err)
	}
	var de *oracle.DuplicatePointError
	dup := &instance.Instance{X: [][]*big.Rat{oracle.Rats(1, 2), oracle.Rats(0, 0), oracle.Rats(1, 2)}, Z: oracle.Rats(1, 0, 0)}
	if _, err := construction.MinInterpolant(dup); !errors.As(err, &de) {
		t.Errorf("duplicate rows: %v", err)
	}
}
