package lowerbound

// Sliding both outer breakpoints: R units for zigzag data with K odd.
//
// Suppose the interpolant of interpolant.go has R ≥ 2 breakpoints, the first
// at t_2 and the last at t_{K−1} (1-based: the turns there are costly and not
// merged). Slide the first into (t_1, t_2): the first piece becomes the line
// through (t_1, v_1) with slope λ meeting the line of chord 2 inside
// (t_1, t_2), which happens exactly for λ in the open ray beyond s_1 away
// from s_2 (λ = s_1 + (s_1 − s_2)(ℓ − a)/a for a ∈ (0, ℓ)). Likewise the
// last piece may take any slope ρ in the open ray beyond s_{K−1} away from
// s_{K−2}. Nothing else changes. Now face the first unit right and all
// others left (A = {1}): the net exists iff Σ_A δ = ρ, i.e.
// s_2 − λ = ρ, i.e. λ + ρ = s_2 (symmetrically A = all but the last unit
// needs λ + ρ = s_{K−2}). When the two rays point in opposite directions,
// λ + ρ takes every real value, so this always succeeds.
//
// For zigzag data (every turn nonzero and consecutive turns of opposite
// signs, i.e. R = K − 2) the ray of λ points against the first turn's sign
// and the ray of ρ along the last turn's sign; turns alternate, so the first
// and last (K − 3 apart) have the same sign iff K is odd, and then the rays
// are opposite. Hence: for odd K ≥ 5 every zigzag needs only R = K − 2
// units, and every other 1-D instance has R ≤ K − 3 and needs at most
// R + 1 ≤ K − 2. So for odd K ≥ 5 every instance (in any dimension, after
// a projection with distinct values, as in Thm 4.4) is fine-tuned by a
// 2-layer net with K − 2 neurons. (For K = 4 the rays point the same way and
// (0, 1, 0, 1) needs 3 = K − 1; for even K ≥ 6 the exact search of exact2.go
// finds K − 2 on every instance tried, without a proof here.) Each net is
// verified by the oracle before it is used.

import (
	"math/big"

	"github.com/ftcheck/ftcheck/instance"
)

// slideBoth tries the construction above; nil if it does not apply or the
// net does not verify.
func slideBoth(ln *Line, br, jumps, slopes []*big.Rat) []unit {
	K, R := len(ln.T), len(br)
	if R < 2 || br[0].Cmp(ln.T[1]) != 0 || br[R-1].Cmp(ln.T[K-2]) != 0 {
		return nil
	}
	s := ln.Slopes()
	dl := s[0].Cmp(slopes[1])     // λ's ray: s_1 + dl·(0, ∞)
	dr := s[K-2].Cmp(slopes[R-1]) // ρ's ray: s_{K−1} + dr·(0, ∞)
	for _, firstRight := range []bool{true, false} {
		C := slopes[R-1]
		if firstRight {
			C = slopes[1]
		}
		lambda, rho := splitSum(C, s[0], s[K-2], dl, dr)
		if lambda == nil {
			continue
		}
		c1 := meetLines(ln.T[0], ln.V[0], lambda, ln.T[1], ln.V[1], slopes[1])
		cR := meetLines(ln.T[K-1], ln.V[K-1], rho, ln.T[K-2], ln.V[K-2], slopes[R-1])
		nb := append(append([]*big.Rat{c1}, br[1:R-1]...), cR)
		nj := append(append([]*big.Rat{new(big.Rat).Sub(slopes[1], lambda)}, jumps[1:R-1]...), new(big.Rat).Sub(rho, slopes[R-1]))
		u := orient(nb, nj, func(j int) bool {
			if firstRight {
				return j == 0
			}
			return j != R-1
		})
		if _, err := instance.OnLine(ln.T, ln.V).Verify(netFromUnits(ln, u)); err == nil {
			return u
		}
	}
	return nil
}

// splitSum finds λ = a + dl·x, ρ = b + dr·y with x, y > 0 and λ + ρ = C, or
// nils when the rays point the same way and C is out of reach.
func splitSum(C, a, b *big.Rat, dl, dr int) (*big.Rat, *big.Rat) {
	if dl == 0 || dr == 0 {
		return nil, nil
	}
	D := new(big.Rat).Sub(C, a)
	D.Sub(D, b) // need dl·x + dr·y = D
	dD := new(big.Rat).Mul(big.NewRat(int64(dl), 1), D)
	var x, y *big.Rat
	if dl == -dr { // dl(x − y) = D: x − y = dl·D
		y = big.NewRat(1, 1)
		if dD.Sign() < 0 {
			y.Sub(y, dD)
		}
		x = new(big.Rat).Add(y, dD)
	} else { // dl(x + y) = D
		if dD.Sign() <= 0 {
			return nil, nil
		}
		x = new(big.Rat).Quo(dD, big.NewRat(2, 1))
		y = new(big.Rat).Set(x)
	}
	lambda := new(big.Rat).Add(a, new(big.Rat).Mul(big.NewRat(int64(dl), 1), x))
	rho := new(big.Rat).Add(b, new(big.Rat).Mul(big.NewRat(int64(dr), 1), y))
	return lambda, rho
}

// meetLines is where the line through (x0, y0) with slope p meets the line
// through (x1, y1) with slope q (p ≠ q).
func meetLines(x0, y0, p, x1, y1, q *big.Rat) *big.Rat {
	// y0 + p(c − x0) = y1 + q(c − x1)  ⇒  c(p − q) = y1 − y0 + p x0 − q x1
	num := new(big.Rat).Sub(y1, y0)
	num.Add(num, new(big.Rat).Mul(p, x0))
	num.Sub(num, new(big.Rat).Mul(q, x1))
	return num.Quo(num, new(big.Rat).Sub(p, q))
}
