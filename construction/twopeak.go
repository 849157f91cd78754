package construction

// The two-peak network: five samples on a line with targets (0, a, 0, b, 0),
// a·b > 0, fine-tuned by a 2-layer network with 3 = K − 2 neurons. Beyond
// the paper, whose Thm 4.1.1 (Sec. 4) gives min{3N+1, K−1} = 4 for N = 2,
// K = 5; with the flat-end network (flatend.go) it shows m*(2, 5) ≤ 3, which
// decides the last grid point of the C4.2 check (m = 3, K = 5).
//
// Why it interpolates. Let t_1 < … < t_5 and a, b > 0 (a, b < 0 is the
// negative network). Write s_1 = a/(t_2 − t_1), r = a/(t_3 − t_2),
// p = b/(t_4 − t_3), q = b/(t_5 − t_4), all > 0, and take
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
// would give 0 > p + r). So three units always suffice.

import (
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/oracle"
)

// TwoPeak builds the 3-neuron network of the comment above: g(t_i) = z_i for
// the five strictly increasing positions t and z = (0, a, 0, b, 0) with a and
// b nonzero of the same sign. It panics when len(t) ≠ 5 or a·b ≤ 0 (a
// programming error: callers pick this network only for that shape).
func TwoPeak(t []*big.Rat, a, b *big.Rat) *oracle.Network {
	if len(t) != 5 || a.Sign() == 0 || a.Sign() != b.Sign() {
		panic(fmt.Sprintf("construction: TwoPeak: %d positions, a = %s, b = %s (need 5 positions and a·b > 0)", len(t), a.RatString(), b.RatString()))
	}
	if a.Sign() > 0 {
		return twoPeakPositive(t, a, b)
	}
	g := twoPeakPositive(t, new(big.Rat).Neg(a), new(big.Rat).Neg(b))
	out := g.Layers[1]
	for j := range out.W[0] {
		out.W[0][j].Neg(out.W[0][j])
	}
	out.B[0].Neg(out.B[0])
	return g
}

// twoPeakPositive is the network for (0, a, 0, b, 0) with a, b > 0.
func twoPeakPositive(t []*big.Rat, a, b *big.Rat) *oracle.Network {
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
		g := twoPeakPositive(rt, b, a)
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
	return lineUnitsNet([]lineUnit{{1, beta, alpha}, {1, t[2], gamma}, {-1, t[3], delta}}, c)
}
