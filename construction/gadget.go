package construction

// Activations as exact ReLU gadgets.
//
// The 3-layer constructions of Sec. 5.2 and Appendix A use activations other
// than ReLU (hard-tanh σH of eq. 23, the bump σB, σL, σT). Each is a
// continuous piecewise-linear function ρ: ℚ → ℚ, and every such function with
// k breakpoints is an affine combination of k ReLUs of affine maps:
//
//	ρ(t) = Σ_j α_j·σ(β_j·t + γ_j) + δ.
//
// A layer of units h ↦ ρ(W·h + b) then becomes a ReLU layer with k rows per
// unit (row j of unit u is β_j·W_u, β_j·b_u + γ_j), and the next affine map
// C·ρ(·) + c absorbs α and δ: the weight on ReLU (u, j) is C_{r,u}·α_j and the
// bias is c_r + δ·Σ_u C_{r,u}. The gadget's cost is k ReLU neurons per unit,
// which is what the neuron counts of the constructions add up.
//
// Example: hard-tanh σH(t) = max{−1, min{1, t}} = σ(t+1) − σ(t−1) − 1, two
// ReLUs per unit (Yun et al. 2019; Sohn et al. Sec. 5.2).

import (
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/oracle"
)

// Gadget is ρ(t) = Σ_j Alpha_j·σ(Beta_j·t + Gamma_j) + Delta.
type Gadget struct {
	Name               string
	Alpha, Beta, Gamma []*big.Rat
	Delta              *big.Rat
}

// Cost is the number of ReLU neurons one unit of the gadget uses.
func (g Gadget) Cost() int { return len(g.Alpha) }

// Apply evaluates ρ(t) exactly, from the ReLU form (what the network computes).
func (g Gadget) Apply(t *big.Rat) *big.Rat {
	out := new(big.Rat).Set(g.Delta)
	var v big.Rat
	for j := range g.Alpha {
		v.Mul(g.Beta[j], t)
		v.Add(&v, g.Gamma[j])
		if v.Sign() > 0 {
			out.Add(out, v.Mul(&v, g.Alpha[j]))
		}
	}
	return out
}

// HardTanh is σH(t) = σ(t+1) − σ(t−1) − 1 (eq. 23): 2 ReLUs.
var HardTanh = Gadget{
	Name:  "hard-tanh σH",
	Alpha: oracle.Rats(1, -1),
	Beta:  oracle.Rats(1, 1),
	Gamma: oracle.Rats(1, -1),
	Delta: big.NewRat(-1, 1),
}

// Expand returns the ReLU layer realising the units ρ(W_u·h + b_u), k rows per
// unit in unit order.
func (g Gadget) Expand(W [][]*big.Rat, b []*big.Rat) oracle.Layer {
	if len(W) != len(b) {
		panic(fmt.Sprintf("construction: Expand: %d rows, %d biases", len(W), len(b)))
	}
	var l oracle.Layer
	for u, row := range W {
		for j := range g.Alpha {
			r := make([]*big.Rat, len(row))
			for i, w := range row {
				r[i] = mulCoef(new(big.Rat), w, g.Beta[j])
			}
			bias := mulCoef(new(big.Rat), b[u], g.Beta[j])
			l.W = append(l.W, r)
			l.B = append(l.B, bias.Add(bias, g.Gamma[j]))
		}
	}
	return l
}

// Readout returns the affine layer computing C·ρ(units) + c from the ReLU
// outputs of Expand.
func (g Gadget) Readout(C [][]*big.Rat, c []*big.Rat) oracle.Layer {
	if len(C) != len(c) {
		panic(fmt.Sprintf("construction: Readout: %d rows, %d biases", len(C), len(c)))
	}
	var l oracle.Layer
	for r, row := range C {
		out := make([]*big.Rat, 0, len(row)*g.Cost())
		bias := new(big.Rat).Set(c[r])
		var t big.Rat
		for _, w := range row {
			for j := range g.Alpha {
				out = append(out, mulCoef(new(big.Rat), w, g.Alpha[j]))
			}
			bias.Add(bias, mulCoef(&t, w, g.Delta))
		}
		l.W = append(l.W, out)
		l.B = append(l.B, bias)
	}
	return l
}

// mulCoef sets z = w·c and returns z. A gadget's coefficients are mostly 0
// and ±1; for those it copies instead of multiplying, which skips
// big.Rat's normalisation (a gcd of w's numerator and denominator, most of
// the cost of Expand and Readout on wide weights).
func mulCoef(z, w, c *big.Rat) *big.Rat {
	if c.IsInt() && c.Num().IsInt64() {
		switch c.Num().Int64() {
		case 0:
			return z.SetInt64(0)
		case 1:
			return z.Set(w)
		case -1:
			return z.Neg(w)
		}
	}
	return z.Mul(w, c)
}
