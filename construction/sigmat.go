package construction

// σT, the layer-2 activation of Appendix A, as a ReLU gadget.
//
// The paper defines, for some δ > 0 it leaves free,
//
//	σT(t) = t                    if t < 1,
//	        −(t − 1 − δ)/δ       if 1 ≤ t < 1 + δ,
//	        0                    if t ≥ 1 + δ.
//
// It is continuous (both pieces give 1 at t = 1 and 0 at t = 1+δ), so a ReLU
// network can realise it exactly, and with two ReLUs as the paper counts:
//
//	σT(t) = −(1 + 1/δ)·σ(1 − t) + (1/δ)·σ(1 + δ − t).
//
// Proof: both ReLUs face left (they vanish for t ≥ 1 and t ≥ 1+δ), so the
// right-hand side is 0 on t ≥ 1+δ; on [1, 1+δ) only the second is active and
// gives (1+δ−t)/δ; on t < 1 both are active and give
// −(1+1/δ)(1−t) + (1+δ−t)/δ = t − 1 − 1/δ + 1/δ + 1 = t.
//
// What Appendix A needs from σT: the selected samples (eq. 30) reach layer 2
// at their target z ≤ 1 and pass unchanged; every other sample must reach it
// at t ≥ 1 + δ, not merely outside [−1, 1] as eq. 31 says, because σT is the
// identity on t < −1 (see appendixa.go).

import "math/big"

// SigmaT returns σT with ramp width δ > 0 (2 ReLUs).
func SigmaT(delta *big.Rat) Gadget {
	if delta.Sign() <= 0 {
		panic("construction: SigmaT: δ must be positive")
	}
	inv := new(big.Rat).Inv(delta)
	return Gadget{
		Name:  "σT (Appendix A), δ = " + delta.RatString(),
		Alpha: []*big.Rat{new(big.Rat).Neg(new(big.Rat).Add(big.NewRat(1, 1), inv)), inv},
		Beta:  []*big.Rat{big.NewRat(-1, 1), big.NewRat(-1, 1)},
		Gamma: []*big.Rat{big.NewRat(1, 1), new(big.Rat).Add(big.NewRat(1, 1), delta)},
		Delta: new(big.Rat),
	}
}
