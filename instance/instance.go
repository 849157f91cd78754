// Package instance is the fine-tuning instance (x, T, z) of the paper (eq. 3):
// K pairwise distinct samples x_1..x_K ∈ ℚ^d and residual targets
// z_i = y_i − f(x_i), so that T = {i : z_i ≠ 0} and N = |T|. A network g
// fine-tunes the instance when g(x_i) = z_i for every i; then (f+g)(x_i) = y_i.
//
// Indices in this package are 0-based in code and 1-based in every message
// and file a person reads, as in the paper.
package instance

import (
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/oracle"
)

// Instance is (x, z); T is derived from z.
type Instance struct {
	X [][]*big.Rat
	Z []*big.Rat
}

// K is the number of samples.
func (in *Instance) K() int { return len(in.X) }

// Dim is the input dimension d.
func (in *Instance) Dim() int {
	if len(in.X) == 0 {
		return 0
	}
	return len(in.X[0])
}

// T returns the changed samples {i : z_i ≠ 0}, 0-based and sorted.
func (in *Instance) T() []int {
	var t []int
	for i, z := range in.Z {
		if z.Sign() != 0 {
			t = append(t, i)
		}
	}
	return t
}

// N is |T|.
func (in *Instance) N() int { return len(in.T()) }

// Validate checks what every construction assumes: K ≥ 1 samples, one target
// per sample, a common dimension d ≥ 1, no nil entries, and pairwise distinct
// samples (an *oracle.DuplicatePointError names the two rows).
func (in *Instance) Validate() error {
	if len(in.X) == 0 {
		return fmt.Errorf("instance has no samples")
	}
	if len(in.Z) != len(in.X) {
		return fmt.Errorf("instance has %d samples but %d targets", len(in.X), len(in.Z))
	}
	d := len(in.X[0])
	if d == 0 {
		return fmt.Errorf("samples have dimension 0")
	}
	for i, x := range in.X {
		if len(x) != d {
			return fmt.Errorf("row %d has %d coordinates, row 1 has %d", i+1, len(x), d)
		}
		for j, v := range x {
			if v == nil {
				return fmt.Errorf("row %d: x%d is missing", i+1, j+1)
			}
		}
		if in.Z[i] == nil {
			return fmt.Errorf("row %d: z is missing", i+1)
		}
	}
	return oracle.CheckDistinct(in.X)
}

// FromNetwork builds the instance of fine-tuning f to labels y: z_i = y_i − f(x_i).
func FromNetwork(f *oracle.Network, X [][]*big.Rat, Y []*big.Rat) (*Instance, error) {
	if len(X) != len(Y) {
		return nil, fmt.Errorf("%d inputs but %d labels", len(X), len(Y))
	}
	if err := f.Validate(); err != nil {
		return nil, err
	}
	for i, x := range X {
		if len(x) != f.InputDim() {
			return nil, fmt.Errorf("row %d has %d coordinates, network f takes %d", i+1, len(x), f.InputDim())
		}
	}
	fx := oracle.NewEvaluator(f).EvalAll(X)
	z := make([]*big.Rat, len(X))
	for i := range X {
		z[i] = new(big.Rat).Sub(Y[i], fx[i])
	}
	in := &Instance{X: X, Z: z}
	return in, in.Validate()
}

// OnLine is the 1-D instance with x_i = t_i and targets z_i.
func OnLine(t, z []*big.Rat) *Instance {
	X := make([][]*big.Rat, len(t))
	for i := range t {
		X[i] = []*big.Rat{t[i]}
	}
	return &Instance{X: X, Z: z}
}

// Verify checks exactly that g fine-tunes the instance (g(x_i) = z_i for all
// i), returning the oracle's certificate or its *oracle.Mismatch.
func (in *Instance) Verify(g *oracle.Network) (*oracle.Certificate, error) {
	return oracle.Verify(g, nil, in.X, in.Z)
}
