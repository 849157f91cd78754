package construction

// The bump activation σB of Sohn et al. Sec. 5.2 (proof of m ≤ 2√K + 3N,
// Fig. 7) as an exact 3-ReLU gadget.
//
// The paper writes, for a centre z, half-width δ > 0 and height z,
//
//	σB(t) = 0                      for t ∉ [z − δ, z + δ],
//	σB(t) = (z/δ)(t − z + δ)       for t ∈ [z − δ, z),
//	σB(t) = −(z/δ)(t − z − δ)      for t ∈ [z, z + δ).
//
// This function is continuous: both middle pieces give z at t = z, the first
// vanishes at t = z − δ and the second at t = z + δ, so the half-open
// intervals only decide which formula names the value at a breakpoint. It is
// the hat of height h = z with breakpoints z − δ, z, z + δ, so (4 pieces,
// 3 ReLUs, as the paper counts)
//
//	σB(t) = (h/δ)·[σ(t − c + δ) − 2σ(t − c) + σ(t − c − δ)]
//
// with centre c: for t ≤ c − δ all three ReLUs are off; on [c − δ, c] only
// the first is on and gives (h/δ)(t − c + δ); on [c, c + δ] the first two give
// (h/δ)(c + δ − t); for t ≥ c + δ the three slopes 1 − 2 + 1 cancel and the
// constants (δ + 0 − δ) too, so σB = 0.
//
// U2 (u2.go) uses the unit hat Bump(0, 1, 1) and puts the height z_i in the
// output weight; the paper's own parametrisation is Bump(z, δ, z).

import (
	"fmt"
	"math/big"
)

// Bump is σB with centre c, half-width delta > 0 and height h: 3 ReLUs.
func Bump(c, delta, h *big.Rat) Gadget {
	if delta.Sign() <= 0 {
		panic(fmt.Sprintf("construction: Bump: half-width %s ≤ 0", delta.RatString()))
	}
	a := new(big.Rat).Quo(h, delta)
	return Gadget{
		Name:  "bump σB",
		Alpha: []*big.Rat{a, new(big.Rat).Mul(a, big.NewRat(-2, 1)), new(big.Rat).Set(a)},
		Beta:  []*big.Rat{big.NewRat(1, 1), big.NewRat(1, 1), big.NewRat(1, 1)},
		Gamma: []*big.Rat{
			new(big.Rat).Sub(delta, c),
			new(big.Rat).Neg(c),
			new(big.Rat).Sub(new(big.Rat).Neg(c), delta),
		},
		Delta: new(big.Rat),
	}
}

// dropLast is g with its last ReLU removed: the planted "one ReLU fewer" bug.
func gadgetDropLast(g Gadget) Gadget {
	k := g.Cost() - 1
	return Gadget{Name: g.Name + " (one ReLU short)", Alpha: g.Alpha[:k], Beta: g.Beta[:k], Gamma: g.Gamma[:k], Delta: g.Delta}
}
