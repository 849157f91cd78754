package lowerbound

// An explicit 3-layer net with the most pieces on a line, for d1 ≥ 3.
//
// Layer 1 (d1 units) builds one zigzag p(t) with kinks β_j = 2j, values
// p(β_j) = (−1)^{j+1} (alternating around 0, inner slopes ∓1), a left ray
// rising from −∞ and a right ray heading back across 0. So p changes sign
// once on each of its d1 + 1 pieces. Its slope jumps δ_j must split into
// right- and left-facing units with Σ_A δ = right slope (certificate.go);
// the outer slopes are searched over small integers until subsetSum finds
// such a split (possible for d1 ≥ 3, never for d1 ≤ 2: a 1- or 2-unit net
// cannot alternate its slope signs three times, which is why the bound is
// smaller there).
//
// Layer 2 (d2 units): row 0 is p, row k ≥ 1 is (−1)^k p + k/(2 d2 + 2).
// Each row crosses 0 once per piece of p at points distinct from every other
// row (the shifts are distinct and smaller than 1 = |p| at the kinks), row 0
// keeps the kinks where p > 0 and row 1 those where p < 0. The output sums
// the rows: no slope change cancels (at a kink every active row changes
// slope by the same ±δ_j with the same sign). Breakpoints: d1 kinks (all
// kept when d2 ≥ 2) plus d2(d1 + 1) crossings, so (d1+1)(d2+1) pieces; with
// d2 = 1 only the ⌈d1/2⌉ positive kinks survive. The tests count the pieces
// with the oracle, never by this argument.

import (
	"math/big"

	"github.com/ftcheck/ftcheck/oracle"
)

// ZigzagNet returns the 3-layer net above (input dimension 1), or nil when
// d1 < 3 or no split of the slope jumps was found.
func ZigzagNet(d1, d2 int) *oracle.Network {
	if d1 < 3 || d2 < 1 {
		return nil
	}
	for L := int64(1); L <= 4; L++ {
		for Rg := int64(1); Rg <= 4; Rg++ {
			if net := zigzagWith(d1, d2, L, Rg); net != nil {
				return net
			}
		}
	}
	return nil
}

// zigzagWith tries left slope L > 0 and right slope magnitude Rg.
func zigzagWith(d1, d2 int, L, Rg int64) *oracle.Network {
	br := make([]*big.Rat, d1)
	slopes := []*big.Rat{big.NewRat(L, 1)}
	for j := 1; j <= d1; j++ {
		br[j-1] = big.NewRat(int64(2*j), 1)
		if j < d1 { // from (−1)^{j+1} to (−1)^{j+2} over length 2
			slopes = append(slopes, big.NewRat(int64(sgn(j)), 1))
		}
	}
	// Right ray heads away from the last kink value's sign.
	slopes = append(slopes, big.NewRat(-Rg*int64(sgn(d1+1)), 1))
	jumps := make([]*big.Rat, d1)
	for j := range jumps {
		jumps[j] = new(big.Rat).Sub(slopes[j+1], slopes[j])
	}
	A := subsetSum(jumps, slopes[d1])
	if A == nil {
		return nil
	}
	units := orient(br, jumps, func(j int) bool { return A[j] })
	l1 := oracle.Layer{}
	w := make([]*big.Rat, d1)
	// p(β_1) without bias, to set the bias so that p(β_1) = 1.
	p1 := new(big.Rat)
	for j, u := range units {
		l1.W = append(l1.W, []*big.Rat{u.a})
		l1.B = append(l1.B, u.c)
		w[j] = u.w
		v := new(big.Rat).Mul(u.a, br[0])
		if v.Add(v, u.c); v.Sign() > 0 {
			p1.Add(p1, v.Mul(v, u.w))
		}
	}
	bias := new(big.Rat).Sub(big.NewRat(1, 1), p1)
	l2 := oracle.Layer{}
	out := oracle.Layer{W: [][]*big.Rat{{}}, B: []*big.Rat{new(big.Rat)}}
	for k := 0; k < d2; k++ {
		s := big.NewRat(int64(sgn(k)), 1) // (−1)^k
		row := make([]*big.Rat, d1)
		for j := range row {
			row[j] = new(big.Rat).Mul(s, w[j])
		}
		b := new(big.Rat).Mul(s, bias)
		b.Add(b, big.NewRat(int64(k), int64(2*d2+2)))
		l2.W, l2.B = append(l2.W, row), append(l2.B, b)
		out.W[0] = append(out.W[0], big.NewRat(1, 1))
	}
	return &oracle.Network{Layers: []oracle.Layer{l1, l2, out}}
}

// sgn is (−1)^k.
func sgn(k int) int {
	if k%2 == 0 {
		return 1
	}
	return -1
}
