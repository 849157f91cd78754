package lowerbound

// Piece counts of ReLU networks on a line, and the lower bounds on m they give.
//
// 2-layer (paper Sec. 4.1, citing Yun et al. 2019, Thm 3.3): on a line
// φ(t) = b + Σ_k w_k σ(a_k t + c_k) has a kink only at −c_k/a_k, so at most
// m breakpoints and m + 1 pieces.
//
// 3-layer, widths d1, d2 (paper Sec. 5.1): the paper uses 2·d1·d2 + d2 + 1.
// A sharper count: every second-layer pre-activation p_k is a 2-layer
// function of t with d1 units (affine between the d1 first-layer kinks), and
// the output g is affine in σ(p_1), …, σ(p_d2), so the breakpoints of g lie
// among the d1 kinks and the points where some p_k changes sign inside one of
// its d1 + 1 pieces (at most one per piece). Hence at most d1 + d2(d1+1)
// breakpoints, (d1+1)(d2+1) pieces, never above the paper's count
// (2d1d2 + d2 + 1 − (d1+1)(d2+1) = d1(d2 − 1) ≥ 0). Smaller widths do less:
//
//   - d1 = 1: p_k = w σ(a t + c) + b is monotone: one sign change: d2 + 2.
//   - d1 = 2: p_k has at most 2 sign changes. Three would need piece slopes
//     of strictly alternating signs, and 2 units give slopes (0, x, y),
//     (x, y, 0), (−w, 0, w') or (−w, w' − w, w') in the order of their kinks
//     (right/left-facing units are flat on the left/right), none of which
//     alternates (the last needs w < 0 < w' and w' − w < 0, or the
//     reverse). So at most 2 + 2d2 breakpoints: 2d2 + 3 pieces.
//   - d2 = 1, d1 ≥ 3: g = w σ(p) + b breaks only where p changes sign
//     (inside a piece, so between consecutive entries of the sign sequence
//     of p at −∞, β_1, …, β_d1, +∞) or at a kink with p ≥ 0 (count p = 0 as
//     positive: it only over-counts). Changes plus positive kinks is at most
//     (d1 + 1) + (number of runs of positive kinks) ≤ d1 + 1 + ⌈d1/2⌉, since
//     inside a run of L positive kinks L − 1 edges have no change. So
//     d1 + 2 + ⌈d1/2⌉ pieces.
//
// MaxPieces3 is this bound. It is attained: for d1 ≥ 3 by ZigzagNet
// (zigzag.go), for d1 ≤ 2 by the search of search.go; the tests count the
// pieces with the oracle. So (d1+1)(d2+1) is attained exactly when d1 ≥ 3
// and d2 ≥ 2 (checked for d1 ≤ 6, d2 ≤ 5).
//
// Lower bounds on m. A witness needs R + 1 pieces. 2-layer: m ≥ R. 3-layer,
// the paper: min{3N, K−2} ≤ 2d1d2 + d2 ≤ m²/2 + m/2, i.e.
// m ≥ √(2M + 1/4) − 1/2 with M = min{3N, K−2}; for integer m this is
// m(m+1) ≥ 2M (square both sides of m + 1/2 ≥ √(2M + 1/4)). Note that the
// paper's "2d1d2 + d2 is largest at d1 = d2 = m/2" is not right: over the
// reals the maximum of 2d1(m−d1) + m − d1 is at d1 = m/2 − 1/4 and equals
// m²/2 + m/2 + 1/8. The inequality still holds for integer widths, because
// 2d1d2 + d2 and m²/2 + m/2 = m(m+1)/2 are integers; the claim checks this
// over a grid. Sharper (beyond the paper): the least m = d1 + d2 with
// max over d1 + d2 = m of MaxPieces3(d1, d2) ≥ R + 1.

// TwoLayerPieces is the most pieces of a 2-layer net with m neurons on a line.
func TwoLayerPieces(m int) int { return m + 1 }

// PaperThreeLayerPieces is the paper's count 2·d1·d2 + d2 + 1.
func PaperThreeLayerPieces(d1, d2 int) int { return 2*d1*d2 + d2 + 1 }

// SharpThreeLayerPieces is (d1+1)(d2+1).
func SharpThreeLayerPieces(d1, d2 int) int { return (d1 + 1) * (d2 + 1) }

// MaxPieces3 is the proven bound of the file comment: d2 + 2 if d1 = 1,
// 2d2 + 3 if d1 = 2, d1 + 2 + ⌈d1/2⌉ if d2 = 1, else (d1+1)(d2+1).
func MaxPieces3(d1, d2 int) int {
	switch {
	case d1 == 1:
		return d2 + 2
	case d1 == 2:
		return 2*d2 + 3
	case d2 == 1:
		return d1 + 2 + (d1+1)/2
	}
	return SharpThreeLayerPieces(d1, d2)
}

// PaperThreeLayerLower is the least integer m ≥ √(2M + 1/4) − 1/2, i.e. the
// least m ≥ 0 with m(m+1) ≥ 2M (compared exactly).
func PaperThreeLayerLower(M int) int {
	m := 0
	for m*(m+1) < 2*M {
		m++
	}
	return m
}

// PaperStepMax is max over integer d1 + d2 = m, d1, d2 ≥ 0, of 2d1d2 + d2,
// with the maximising d1 (the smallest if several).
func PaperStepMax(m int) (best, argD1 int) {
	best = -1
	for d1 := 0; d1 <= m; d1++ {
		if v := 2*d1*(m-d1) + (m - d1); v > best {
			best, argD1 = v, d1
		}
	}
	return best, argD1
}

// MaxPiecesAtTotal is max over d1 + d2 = m, d1, d2 ≥ 1, of bound(d1, d2).
func MaxPiecesAtTotal(m int, bound func(d1, d2 int) int) int {
	best := 0
	for d1 := 1; d1 < m; d1++ {
		best = max(best, bound(d1, m-d1))
	}
	return best
}

// ThreeLayerLowerFromPieces is the least m = d1 + d2 (d1, d2 ≥ 1) for which
// some widths admit `pieces` pieces under bound; 0 when pieces ≤ 1 (a
// constant needs no neuron).
func ThreeLayerLowerFromPieces(pieces int, bound func(d1, d2 int) int) int {
	if pieces <= 1 {
		return 0
	}
	m := 2
	for MaxPiecesAtTotal(m, bound) < pieces {
		m++
	}
	return m
}

// SharpThreeLayerLower is ThreeLayerLowerFromPieces(M+1, MaxPieces3): the
// least m of a 3-layer net that can have the M+1 pieces a witness with
// R = M needs.
func SharpThreeLayerLower(M int) int {
	return ThreeLayerLowerFromPieces(M+1, MaxPieces3)
}
