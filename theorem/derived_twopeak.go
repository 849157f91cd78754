package theorem

// derived_twopeak.go: every instance with N = 2 changed samples among K = 5
// is fine-tuned by a 2-layer network with 3 = K − 2 neurons (beyond the
// paper, which gives min{3N+1, K−1} = 4). It decides the last grid point of
// C4.2 (m = 3, K = 5) that the flat-piece network leaves open.
//
// Reduce to a line (Thm 4.4's exact projection), t_1 < … < t_5. If T is not
// {2, 4}, some block of unchanged samples has ≥ 2 elements and the flat-piece
// network (derived_flatend.go) uses ≤ 3 neurons. Otherwise the data are
// (0, a, 0, b, 0). If a = 0, b = 0 or a·b < 0, the turns of the data
// interpolant at t_2 and t_4 have opposite signs, so the turn at t_3 shares a
// breakpoint with one of them and R ≤ 2 breakpoints suffice; R + 1 ≤ 3 units
// always do (lowerbound.TwoLayerMin1D builds and verifies that network).
//
// The case a, b > 0 (a, b < 0 is its negative). Write s_1 = a/(t_2 − t_1),
// r = a/(t_3 − t_2), p = b/(t_4 − t_3), q = b/(t_5 − t_4), all > 0, and try
//
//	g(t) = α·σ(t − β) + γ·σ(t − t_3) + δ·σ(t_4 − t) + c,
//	δ = −(p + q), α = −(p + q + r), γ = p + r,
//	β = (a + r·t_2 + (p+q)·t_1)/(p + q + r),  c with g(t_3) = 0.
//
// Slopes: t > t_4: α + γ = −q; t_3 < t < t_4: α + γ − δ = p;
// β < t < t_3: α − δ = −r; t < β: −δ = p + q. With g(t_3) = 0 these give
// g(t_4) = p(t_4 − t_3) = b, g(t_5) = b − q(t_5 − t_4) = 0 and, provided
// β ≤ t_2, g(t_2) = r(t_3 − t_2) = a; finally g(β) = a + r(t_2 − β) and
// g(t_1) = g(β) − (p+q)(β − t_1) = 0 by the choice of β. β > t_1 always
// (β − t_1 = (a + r(t_2 − t_1))/(p+q+r)), and β ≤ t_2 ⟺ s_1 ≤ p + q. If
// instead s_1 > p + q, mirror the line (t ↦ −t, reversing the samples): the
// condition becomes q ≤ s_1 + r, which then holds (q > s_1 + r and s_1 > p + q
// would give 0 > p + r). So three units always suffice: m*(2, 5) ≤ 3, and
// N*(3, 5) ≥ 2 > 3/3.

import (
	"math/big"

	"github.com/ftcheck/ftcheck/bounds"
	"github.com/ftcheck/ftcheck/lowerbound"
	"github.com/ftcheck/ftcheck/oracle"
)

// fiveNet fine-tunes 5 samples on a line (t increasing) with |T| = 2 using
// at most 3 neurons (see the file comment).
func fiveNet(t, z []*big.Rat) (*oracle.Network, error) {
	a, b := z[1], z[3]
	twoPeaks := z[0].Sign() == 0 && z[2].Sign() == 0 && z[4].Sign() == 0 && a.Sign() != 0 && a.Sign() == b.Sign()
	if !twoPeaks {
		if g := flatEndNet(t, z); g.Hidden() <= 3 {
			return g, nil
		}
		iv, err := lowerbound.TwoLayerMin1D(t, z)
		if err != nil {
			return nil, err
		}
		return iv.Net, nil
	}
	if a.Sign() < 0 {
		g := twoPeakNet(t, []*big.Rat{new(big.Rat).Neg(a), new(big.Rat).Neg(b)})
		out := g.Layers[1]
		for j := range out.W[0] {
			out.W[0][j].Neg(out.W[0][j])
		}
		out.B[0].Neg(out.B[0])
		return g, nil
	}
	return twoPeakNet(t, []*big.Rat{a, b}), nil
}

// twoPeakNet is the network for (0, a, 0, b, 0) with a, b > 0.
func twoPeakNet(t []*big.Rat, ab []*big.Rat) *oracle.Network {
	a, b := ab[0], ab[1]
	quo := func(x, y *big.Rat) *big.Rat { return new(big.Rat).Quo(x, y) }
	sub := func(x, y *big.Rat) *big.Rat { return new(big.Rat).Sub(x, y) }
	s1, r := quo(a, sub(t[1], t[0])), quo(a, sub(t[2], t[1]))
	p, q := quo(b, sub(t[3], t[2])), quo(b, sub(t[4], t[3]))
	if s1.Cmp(new(big.Rat).Add(p, q)) > 0 {
		// Mirror: t ↦ −t reverses the samples; flip the first layer back.
		rt := []*big.Rat{}
		for i := 4; i >= 0; i-- {
			rt = append(rt, new(big.Rat).Neg(t[i]))
		}
		g := twoPeakNet(rt, []*big.Rat{b, a})
		for _, row := range g.Layers[0].W {
			row[0].Neg(row[0])
		}
		return g
	}
	pq := new(big.Rat).Add(p, q)
	pqr := new(big.Rat).Add(pq, r)
	delta, alpha, gamma := new(big.Rat).Neg(pq), new(big.Rat).Neg(pqr), new(big.Rat).Add(p, r)
	beta := new(big.Rat).Add(a, new(big.Rat).Mul(r, t[1]))
	beta.Add(beta, new(big.Rat).Mul(pq, t[0])).Quo(beta, pqr)
	// c with g(t_3) = 0: α(t_3 − β) + δ(t_4 − t_3) + c = 0.
	c := new(big.Rat).Mul(alpha, sub(t[2], beta))
	c.Add(c, new(big.Rat).Mul(delta, sub(t[3], t[2]))).Neg(c)
	return unitsNet([]flatUnit{{1, beta, alpha}, {1, t[2], gamma}, {-1, t[3], delta}}, c)
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
	return flatEndNet(t, z), nil
}
