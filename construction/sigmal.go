package construction

// σL, the layer-2 activation of U3 (Sec. 5.2, proof of m ≤ 6√(3N+2)), as a
// ReLU gadget.
//
// The paper writes σL(t) = t if |t| ≤ 1 and 0 if |t| ≥ 1. As written this is
// not a function at t = ±1 (the two cases give ±1 and 0) and, either way it
// is read, it jumps at ±1: a ReLU network is continuous, so no ReLU network
// computes it. The paper counts σL as 4 ReLUs, which is exactly the cost of
// the nearest continuous version, with ramps of width δ > 0 on both sides:
//
//	σL_δ(t) = t                  if |t| ≤ 1,
//	          (1 + δ − |t|)/δ·sgn(t)  if 1 ≤ |t| ≤ 1 + δ,
//	          0                  if |t| ≥ 1 + δ,
//
//	σL_δ(t) = −(1/δ)σ(t+1+δ) + (1+1/δ)σ(t+1) − (1+1/δ)σ(t−1) + (1/δ)σ(t−1−δ).
//
// Proof of the ReLU form: the slopes of the right-hand side on the five
// intervals cut by −1−δ, −1, 1, 1+δ are the running sums 0, −1/δ, 1, −1/δ, 0
// of the coefficients, its value left of −1−δ is 0, and at −1 it is
// −(1/δ)·δ = −1: the same values and slopes as σL_δ.
//
// The construction stays correct with σL_δ because U3 chooses λ so that every
// layer-2 input other than the one a unit fits lies at |t| ≥ 1 + δ (u3.go),
// never inside a ramp; the fitted value itself satisfies |t| ≤ 1.

import "math/big"

// SigmaL returns the continuous σL with ramps of width δ > 0 (4 ReLUs).
func SigmaL(delta *big.Rat) Gadget {
	if delta.Sign() <= 0 {
		panic("construction: SigmaL: δ must be positive")
	}
	one := big.NewRat(1, 1)
	inv := new(big.Rat).Inv(delta)
	big1 := new(big.Rat).Add(one, inv)
	onePlus := new(big.Rat).Add(one, delta)
	return Gadget{
		Name:  "σL (Sec. 5.2, ramps of width " + delta.RatString() + ")",
		Alpha: []*big.Rat{new(big.Rat).Neg(inv), big1, new(big.Rat).Neg(big1), new(big.Rat).Set(inv)},
		Beta:  []*big.Rat{big.NewRat(1, 1), big.NewRat(1, 1), big.NewRat(1, 1), big.NewRat(1, 1)},
		Gamma: []*big.Rat{onePlus, big.NewRat(1, 1), big.NewRat(-1, 1), new(big.Rat).Neg(onePlus)},
		Delta: new(big.Rat),
	}
}
