package construction

// The minimum-breakpoint interpolant: a 2-layer network in any dimension
// whose neurons are those of the fewest-breakpoint 1-D network of package
// lowerbound, composed with Theorem 4.4's projection (Sec. 4, eq. 11 and
// Lemma 4.5's reduction to a line). Beyond the paper: where the paper's
// interpolant of the kept set J spends one neuron per kink of the data
// interpolant, this one uses R or R+1 neurons, R the exact minimum number of
// breakpoints of any continuous piecewise-linear function through the
// projected samples; it is one of the 2-layer candidates of ftcheck finetune
// and mstar.
//
// Why it interpolates. The projection a makes s_i = aᵀx_i pairwise
// distinct (projection.go). lowerbound.TwoLayerMin1D returns a network
// φ(s) = Σ_k w_k·σ(α_k s + c_k) + b with φ(s_i) = z_i (that package checks
// its own certificate; nothing here does). Then
//
//	g(x) = Σ_k w_k·σ((α_k a)ᵀx + c_k) + b
//
// has g(x_i) = φ(aᵀx_i) = z_i with the same neurons: only the first layer's
// weights change, from α_k to α_k·a.

import (
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/lowerbound"
	"github.com/ftcheck/ftcheck/oracle"
)

// MinInterpolantName is the Built.Name of MinInterpolant's networks.
const MinInterpolantName = "R-interpolant (lowerbound.TwoLayerMin1D along a)"

// MinInterpolant builds the minimum-breakpoint network of lowerbound for the
// projected data (aᵀx_i, z_i) and composes it with the projection a of
// PlanTwoLayer, as in the comment above. Bad input gives PlanTwoLayer's typed
// errors.
func MinInterpolant(in *instance.Instance) (*Built, error) {
	p, err := PlanTwoLayer(in)
	if err != nil {
		return nil, err
	}
	iv, err := lowerbound.TwoLayerMin1D(p.Proj.Values, in.Z)
	if err != nil {
		return nil, err
	}
	net := ComposeAlong(iv.Net, p.Proj.A)
	return NewBuilt(MinInterpolantName, net, net.Hidden(), fmt.Sprintf("R = %d breakpoints on the projected data", iv.Breaks)), nil
}

// ComposeAlong turns a network on ℚ into one on ℚ^d: x ↦ φ(aᵀx).
func ComposeAlong(phi *oracle.Network, a []*big.Rat) *oracle.Network {
	out := phi.Clone()
	first := &out.Layers[0]
	for r, row := range first.W {
		nr := make([]*big.Rat, len(a))
		for k := range a {
			nr[k] = new(big.Rat).Mul(row[0], a[k])
		}
		first.W[r] = nr
	}
	return out
}
