package theorem

// The best verified 2-layer upper bound for one instance, for ftcheck mstar
// and finetune -depth 2: the smallest network, among Theorem 4.4's (pruned),
// the oriented variant, and the minimum-breakpoint interpolant of package
// lowerbound composed with the same projection, that the oracle verifies.
//
// Composition: if φ(s) = Σ_k w_k·σ(α_k s + c_k) + b fits (aᵀx_i, z_i) on the
// line, then g(x) = Σ_k w_k·σ((α_k a)ᵀx + c_k) + b has g(x_i) = φ(aᵀx_i) =
// z_i with the same neurons. The oracle checks g on the samples themselves.

import (
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/lowerbound"
	"github.com/ftcheck/ftcheck/oracle"
)

// MinInterpolantName names the third candidate of BestTwoLayer.
const MinInterpolantName = "R-interpolant (lowerbound.TwoLayerMin1D along a)"

// BestTwoLayer builds construction.TwoLayer, construction.TwoLayerOriented
// and the minimum-breakpoint interpolant along the same projection, verifies
// each exactly (g(x_i) = z_i for every i) and returns the verified one with
// the fewest neurons (earlier on a tie) with its certificate; Built.Name
// ("T4.4", "T4.4-oriented" or MinInterpolantName) names the construction.
// Bad input gives the constructions' typed errors.
func BestTwoLayer(in *instance.Instance) (*construction.Built, *oracle.Certificate, error) {
	var best *construction.Built
	var cert *oracle.Certificate
	var failures []string
	for _, build := range []func(*instance.Instance) (*construction.Built, error){construction.TwoLayer, construction.TwoLayerOriented, MinInterpolantNet} {
		b, err := build(in)
		if err != nil {
			return nil, nil, err
		}
		c, err := in.Verify(b.Net)
		if err != nil {
			failures = append(failures, fmt.Sprintf("%s: %v", b.Name, err))
			continue
		}
		if best == nil || b.Neurons < best.Neurons {
			best, cert = b, c
		}
	}
	if best == nil {
		return nil, nil, fmt.Errorf("no 2-layer construction verified: %v", failures)
	}
	return best, cert, nil
}

// MinInterpolantNet composes lowerbound's 1-D certificate network for the
// projected data (aᵀx_i, z_i) with the projection a.
func MinInterpolantNet(in *instance.Instance) (*construction.Built, error) {
	p, err := construction.PlanTwoLayer(in)
	if err != nil {
		return nil, err
	}
	iv, err := lowerbound.TwoLayerMin1D(p.Proj.Values, in.Z)
	if err != nil {
		return nil, err
	}
	net := composeAlong(iv.Net, p.Proj.A)
	return construction.NewBuilt(MinInterpolantName, net, net.Hidden(), fmt.Sprintf("R = %d breakpoints on the projected data", iv.Breaks)), nil
}

// composeAlong turns a network on ℚ into one on ℚ^d: x ↦ φ(aᵀx).
func composeAlong(phi *oracle.Network, a []*big.Rat) *oracle.Network {
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
