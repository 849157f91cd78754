package oracle

// Growth of exact values through a network's layers, bounded before any
// evaluation. Exact evaluation carries, after layer l, integers over the
// common denominator E_l = E_{l−1}·D_l (inteval.go): so with e_l the bits of
// E_l and h_l a bound on the bits of the integer numerators,
//
//	e_l = e_{l−1} + bits(D_l),
//	h_l ≤ max(bits(A_l) + h_{l−1} + bits(fan_l), bits(c_l) + e_{l−1}) + 1,
//
// where bits(A_l), bits(c_l) are the largest entries of the integer weights
// and biases and fan_l the most nonzero weights of a row. A 1-D lookup
// (line.go) works with numbers of the same order. Growth checks these bounds
// against Limits.MaxBits and names the first layer that passes it.

import (
	"fmt"
	"math/big"
	"math/bits"
)

// Growth holds, per layer, bits(D_l), max(bits(A_l), bits(c_l)) and
// bits(fan_l).
type Growth struct {
	name          string
	max           int
	den, num, fan []int
}

// NewGrowth prepares the bound for n (name labels errors). It fails with a
// *LimitError when a layer's common denominator alone passes maxBits (then
// it stops computing it); maxBits ≤ 0 means no limit.
func NewGrowth(n *Network, name string, maxBits int) (*Growth, error) {
	n.mustValid()
	g := &Growth{name: name, max: maxBits}
	e := 0
	for li, l := range n.Layers {
		D := big.NewInt(1)
		var q big.Int
		num, fan := 0, 0
		see := func(v *big.Rat) {
			if !v.IsInt() {
				q.GCD(nil, nil, D, v.Denom())
				D.Mul(D, q.Quo(v.Denom(), &q))
			}
			num = max(num, v.Num().BitLen())
		}
		for r, row := range l.W {
			nz := 0
			for _, v := range row {
				if v.Sign() != 0 {
					nz++
				}
				see(v)
				if maxBits > 0 && D.BitLen()+e > maxBits {
					return nil, g.limit(li, D.BitLen()+e)
				}
			}
			see(l.B[r])
			fan = max(fan, nz)
		}
		// Entries scaled to D: v·D has at most bits(num) + bits(D) bits.
		g.den = append(g.den, D.BitLen())
		g.num = append(g.num, num+D.BitLen())
		g.fan = append(g.fan, bits.Len(uint(fan)))
		e += D.BitLen()
	}
	return g, nil
}

func (g *Growth) limit(layer, got int) error {
	return &LimitError{Limit: "max-bits", Max: g.max, Got: got,
		What: fmt.Sprintf("%s: layers[%d]: exact values may need bits", g.name, layer)}
}

// Check reports a *LimitError naming the first layer whose values, on input
// x, may pass the limit; nil when every layer stays within it.
func (g *Growth) Check(x []*big.Rat) error {
	if g.max <= 0 {
		return nil
	}
	E := big.NewInt(1)
	var q big.Int
	h := 0
	for _, v := range x {
		if !v.IsInt() {
			q.GCD(nil, nil, E, v.Denom())
			E.Mul(E, q.Quo(v.Denom(), &q))
			if E.BitLen() > g.max {
				return &LimitError{Limit: "max-bits", Max: g.max, Got: E.BitLen(), What: g.name + ": the common denominator of an input row has bits"}
			}
		}
		h = max(h, v.Num().BitLen())
	}
	e := E.BitLen()
	h += e
	for l := range g.den {
		h = max(g.num[l]+h+g.fan[l], g.num[l]+e) + 1
		e += g.den[l]
		if m := max(h, e); m > g.max {
			return g.limit(l, m)
		}
	}
	return nil
}
