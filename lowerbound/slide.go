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
// (0, 1, 0, 1) needs 3 = K − 1; even K ≥ 6 is settled by slideAllRight
// below.) Each net is verified by the oracle before it is used.

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

// Even K: slide every breakpoint of a zigzag to the right.
//
// For a zigzag (R = K−2 ≥ 3, turn signs σ_1, …, σ_R alternating at
// t_2, …, t_{K−1}, 1-based), move breakpoint i from t_{i+1} into the open
// interval (t_{i+1}, t_{i+2}) on its right. Then the slope p_i after it is
// free in the open ray beyond s_{i+1} in the direction σ_i, independently
// for every i (interval i+1 has one kink with left value p_{i−1} and right
// value p_i, and s_{i+1} lies strictly between them exactly when p_i is on
// the far side, which alternation makes consistent); p_0 = s_1 and ρ = p_R.
// Face units 1 and 2 right and the rest left: the net exists iff
// δ_1 + δ_2 = p_2 − s_1 = ρ = p_R, i.e. p_2 − p_R = s_1. The rays of p_2
// and p_R point the same way iff σ_2 = σ_R iff R is even, and then p_2 − p_R
// takes every real value. So for even K ≥ 6 every zigzag needs only K − 2
// units too; with the odd case above: for every K ≥ 5, every 1-D instance
// is fine-tuned with K − 2 units.

// slideAllRight builds that net for a zigzag with R ≥ 3; nil if it does not
// apply or does not verify.
func slideAllRight(ln *Line) []unit {
	K := len(ln.T)
	R := K - 2
	if R < 3 || ln.MinBreakpoints() != R {
		return nil
	}
	s := ln.Slopes()
	sig := func(i int) int { return s[i].Cmp(s[i-1]) } // turn at data point i (0-based)
	p := make([]*big.Rat, R+1)
	p[0] = s[0]
	for i := 1; i <= R; i++ {
		p[i] = new(big.Rat).Add(s[i], big.NewRat(int64(sig(i)), 1))
	}
	if sig(2) == sig(R) { // p_2 − p_R = s_0 with p_2 = s_2 + σx, p_R = s_R + σy
		D := new(big.Rat).Sub(s[0], s[2])
		D.Add(D, s[R])
		sD := new(big.Rat).Mul(big.NewRat(int64(sig(2)), 1), D) // x − y
		y := big.NewRat(1, 1)
		if sD.Sign() < 0 {
			y.Sub(y, sD)
		}
		x := new(big.Rat).Add(y, sD)
		p[2] = new(big.Rat).Add(s[2], new(big.Rat).Mul(big.NewRat(int64(sig(2)), 1), x))
		p[R] = new(big.Rat).Add(s[R], new(big.Rat).Mul(big.NewRat(int64(sig(R)), 1), y))
	}
	br := make([]*big.Rat, R)
	jumps := make([]*big.Rat, R)
	for i := 1; i <= R; i++ {
		ell := new(big.Rat).Sub(ln.T[i+1], ln.T[i])
		a := new(big.Rat).Sub(p[i], s[i])
		a.Mul(a, ell)
		a.Quo(a, new(big.Rat).Sub(p[i], p[i-1]))
		br[i-1] = new(big.Rat).Add(ln.T[i], a)
		jumps[i-1] = new(big.Rat).Sub(p[i], p[i-1])
	}
	u := orient(br, jumps, func(j int) bool { return j <= 1 })
	if _, err := instance.OnLine(ln.T, ln.V).Verify(netFromUnits(ln, u)); err != nil {
		return nil
	}
	return u
}
