package lowerbound

// An interpolant with exactly R breakpoints, built from the scan of
// breakpoints.go.
//
// The scan marks each interior data point t_j as straight, costly or merged.
// A costly point that is not followed by a merged one becomes a breakpoint at
// t_j itself. A costly point t_{j−1} followed by a merged t_j (both turns of
// the same sign, say convex: s_{j−2} < s_{j−1} < s_j) becomes one breakpoint c
// strictly inside (t_{j−1}, t_j): the line A of chord j−2 (through
// (t_{j−1}, v_{j−1}), slope s_{j−2}) and the line B of chord j (through
// (t_j, v_j), slope s_j) satisfy, with ℓ = t_j − t_{j−1},
//
//	A − B = ℓ(s_j − s_{j−1}) > 0 at t_{j−1},   A − B = ℓ(s_{j−2} − s_{j−1}) < 0 at t_j,
//
// so they meet at c = t_{j−1} + ℓ(s_{j−1} − s_j)/(s_{j−2} − s_j) strictly
// inside. The interpolant follows A up to c and B after it (the concave case is
// the same with the signs reversed). Every other interval follows its own
// chord. The middle chord j−1 of a pair is never the middle of another pair,
// and chords j−2 and j are not either (their end points are costly or the
// pair's own), so the pieces fit together. The interpolant has one breakpoint
// per costly turn, R in all; tests verify it exactly at the data and count its
// breakpoints with the oracle's PiecewiseLinear.

import (
	"math/big"

	"github.com/ftcheck/ftcheck/oracle"
)

// MinInterpolant returns a continuous piecewise-linear function through the
// points (t_i, v_i) with exactly MinBreakpoints(t, v) breakpoints. Its Points
// are the sorted data points and the breakpoints placed between them.
func MinInterpolant(t, v []*big.Rat) (*oracle.PiecewiseLinear, error) {
	ln, err := SortLine(t, v)
	if err != nil {
		return nil, err
	}
	if len(ln.T) == 0 {
		return nil, &DataError{0, "no points"}
	}
	return ln.MinInterpolant(), nil
}

// MinInterpolant is the interpolant for sorted, nonempty data.
func (ln *Line) MinInterpolant() *oracle.PiecewiseLinear {
	K := len(ln.T)
	if K == 1 {
		return &oracle.PiecewiseLinear{Points: []*big.Rat{ln.T[0]}, Values: []*big.Rat{ln.V[0]}, Left: new(big.Rat), Right: new(big.Rat)}
	}
	s := ln.Slopes()
	_, merged := scanTurns(Turns(s))
	pl := &oracle.PiecewiseLinear{Left: s[0], Right: s[K-2]}
	for j := 0; j < K; j++ {
		// merged[i] is the turn at data point i+1: merged[j−1] means data
		// point j is the second point of a pair and the cut lies in
		// (t_{j−1}, t_j).
		if j >= 1 && j-1 < len(merged) && merged[j-1] {
			c, cv := pairCut(ln, s, j)
			pl.Points = append(pl.Points, c)
			pl.Values = append(pl.Values, cv)
		}
		pl.Points = append(pl.Points, ln.T[j])
		pl.Values = append(pl.Values, ln.V[j])
	}
	return pl
}

// pairCut is the meeting point (c, φ(c)) of the lines of chords j−2 and j,
// strictly inside (t_{j−1}, t_j).
func pairCut(ln *Line, s []*big.Rat, j int) (*big.Rat, *big.Rat) {
	ell := new(big.Rat).Sub(ln.T[j], ln.T[j-1])
	u := new(big.Rat).Sub(s[j-1], s[j])
	u.Mul(u, ell)
	u.Quo(u, new(big.Rat).Sub(s[j-2], s[j]))
	c := new(big.Rat).Add(ln.T[j-1], u)
	cv := new(big.Rat).Mul(s[j-2], u)
	cv.Add(cv, ln.V[j-1])
	return c, cv
}
