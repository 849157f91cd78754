package theorem

// sec4_corollary_twopeak.go: every instance with N = 2 changed samples among K = 5
// is fine-tuned by a 2-layer network with 3 = K − 2 neurons (beyond the
// paper, which gives min{3N+1, K−1} = 4). It decides the last grid point of
// C4.2 (m = 3, K = 5) that the flat-end network leaves open.
//
// Reduce to a line (Thm 4.4's exact projection), t_1 < … < t_5. If T is not
// {2, 4}, some block of unchanged samples has ≥ 2 elements and the flat-end
// network (construction.FlatEnd) uses ≤ 3 neurons. Otherwise the data are
// (0, a, 0, b, 0). If a = 0, b = 0 or a·b < 0, the turns of the data
// interpolant at t_2 and t_4 have opposite signs, so the turn at t_3 shares a
// breakpoint with one of them and R ≤ 2 breakpoints suffice; R + 1 ≤ 3 units
// always do (lowerbound.TwoLayerMin1D builds and verifies that network). If
// a·b > 0, the two-peak network (construction.TwoPeak, whose file comment
// proves it) uses 3 units. So m*(2, 5) ≤ 3, and N*(3, 5) ≥ 2 > 3/3.

import (
	"math/big"

	"github.com/ftcheck/ftcheck/bounds"
	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/lowerbound"
	"github.com/ftcheck/ftcheck/oracle"
)

// fiveNet fine-tunes 5 samples on a line (t increasing) with |T| = 2 using
// at most 3 neurons (see the file comment).
func fiveNet(t, z []*big.Rat) (*oracle.Network, error) {
	a, b := z[1], z[3]
	twoPeaks := z[0].Sign() == 0 && z[2].Sign() == 0 && z[4].Sign() == 0 && a.Sign() != 0 && a.Sign() == b.Sign()
	if twoPeaks {
		return construction.TwoPeak(t, a, b), nil
	}
	if g := construction.FlatEnd(t, z); g.Hidden() <= 3 {
		return g, nil
	}
	iv, err := lowerbound.TwoLayerMin1D(t, z)
	if err != nil {
		return nil, err
	}
	return iv.Net, nil
}

// bestTwoLayer is the fewest neurons that the 2-layer networks used by the
// derived checks guarantee for every instance with N of K samples changed:
// Thm 4.1.1's min{3N+1, K−1}, the flat-piece count, and 3 at (N, K) = (2, 5).
func bestTwoLayer(N, K int) int {
	c := min(bounds.Thm41Upper(N, K), flatEndUpper(N, K))
	if N == 2 && K == 5 {
		c = min(c, 3)
	}
	return c
}

// bestTwoLayerNet builds the network behind bestTwoLayer for 1-D data.
func bestTwoLayerNet(t, z []*big.Rat) (*oracle.Network, error) {
	changed := 0
	for _, v := range z {
		if v.Sign() != 0 {
			changed++
		}
	}
	if len(z) == 5 && changed == 2 {
		return fiveNet(t, z)
	}
	return construction.FlatEnd(t, z), nil
}
