package instance

// Vector outputs (beyond the paper): a network with C ≥ 1 outputs, such as a
// classifier's logits, fine-tuned at once on all of them.

import (
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/oracle"
)

// Vector is a fine-tuning instance with C ≥ 1 outputs: K samples and K × C
// targets z_i = y_i − f(x_i) ∈ ℚ^C. T is the set of rows where any output
// changes, N = |T|. A network g with C outputs fine-tunes it when
// g(x_i) = z_i (every output) for every i.
type Vector struct {
	X [][]*big.Rat
	Z [][]*big.Rat // K × C
}

// K is the number of samples.
func (v *Vector) K() int { return len(v.X) }

// Dim is the input dimension d.
func (v *Vector) Dim() int {
	if len(v.X) == 0 {
		return 0
	}
	return len(v.X[0])
}

// Outputs is C (0 for an empty instance).
func (v *Vector) Outputs() int {
	if len(v.Z) == 0 {
		return 0
	}
	return len(v.Z[0])
}

// T returns the rows where some output changes, {i : z_i ≠ 0}, 0-based.
func (v *Vector) T() []int {
	var t []int
	for i, z := range v.Z {
		for _, zc := range z {
			if zc.Sign() != 0 {
				t = append(t, i)
				break
			}
		}
	}
	return t
}

// N is |T|.
func (v *Vector) N() int { return len(v.T()) }

// Output is the single-output instance of output c (0-based); it shares X.
func (v *Vector) Output(c int) *Instance {
	z := make([]*big.Rat, len(v.Z))
	for i, row := range v.Z {
		z[i] = row[c]
	}
	return &Instance{X: v.X, Z: z}
}

// Support is the single-output instance with the same samples and changed
// set T: z_i = 1 where some output changes, 0 elsewhere.
func (v *Vector) Support() *Instance {
	z := oracle.Zeros(len(v.X))
	for _, i := range v.T() {
		z[i].SetInt64(1)
	}
	return &Instance{X: v.X, Z: z}
}

// Validate checks what Instance.Validate checks, and C ≥ 1 targets on every
// row.
func (v *Vector) Validate() error {
	if len(v.Z) != len(v.X) {
		return fmt.Errorf("instance has %d samples but %d target rows", len(v.X), len(v.Z))
	}
	if len(v.Z) == 0 {
		return fmt.Errorf("instance has no samples")
	}
	C := len(v.Z[0])
	if C == 0 {
		return fmt.Errorf("row 1 has no targets (C = 0)")
	}
	for i, z := range v.Z {
		if len(z) != C {
			return fmt.Errorf("row %d has %d targets, row 1 has %d", i+1, len(z), C)
		}
		for c, zc := range z {
			if zc == nil {
				return fmt.Errorf("row %d: z%d is missing", i+1, c+1)
			}
		}
	}
	return v.Support().Validate()
}

// Verify checks exactly that g (C outputs) fine-tunes v.
func (v *Vector) Verify(g *oracle.Network) (*oracle.Certificate, error) {
	return oracle.VerifyVec(g, nil, v.X, v.Z)
}

// FromNetworkVec builds the instance of fine-tuning f (C outputs) to labels
// Ys (K × C): z_i = y_i − f(x_i).
func FromNetworkVec(f *oracle.Network, X [][]*big.Rat, Ys [][]*big.Rat) (*Vector, error) {
	if len(X) != len(Ys) {
		return nil, fmt.Errorf("%d inputs but %d label rows", len(X), len(Ys))
	}
	if err := f.Validate(); err != nil {
		return nil, err
	}
	C := f.Outputs()
	for i, x := range X {
		if len(x) != f.InputDim() {
			return nil, fmt.Errorf("row %d has %d coordinates, network f takes %d", i+1, len(x), f.InputDim())
		}
		if len(Ys[i]) != C {
			return nil, fmt.Errorf("row %d has %d labels, network f has %d outputs", i+1, len(Ys[i]), C)
		}
	}
	fx := oracle.NewVecEvaluator(f).EvalAll(X)
	v := &Vector{X: X, Z: make([][]*big.Rat, len(X))}
	for i := range X {
		v.Z[i] = make([]*big.Rat, C)
		for c := range v.Z[i] {
			v.Z[i][c] = new(big.Rat).Sub(Ys[i][c], fx[i][c])
		}
	}
	return v, v.Validate()
}
