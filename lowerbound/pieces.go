package lowerbound

// Piece counts of ReLU networks on a line, and the lower bounds on m they give.
//
// 2-layer (paper Sec. 4.1, citing Yun et al. 2019, Thm 3.3): on a line
// φ(t) = b + Σ_k w_k σ(a_k t + c_k) has a kink only at −c_k/a_k, so at most
// m breakpoints and m + 1 pieces.
//
// 3-layer, widths d1, d2 (paper Sec. 5.1): the paper uses 2·d1·d2 + d2 + 1.
// A sharper count: the d1 first-layer kinks split the line into at most
// d1 + 1 intervals on which every second-layer pre-activation is affine, so
// each of the d2 second-layer ReLUs adds at most one breakpoint per interval:
// at most d1 + d2(d1+1) breakpoints, (d1+1)(d2+1) pieces. It is never above
// the paper's (2d1d2 + d2 + 1 − (d1+1)(d2+1) = d1(d2 − 1) ≥ 0). When d1 = 1
// the only first-layer unit σ(a t + c) is constant on one side of its kink,
// where every second-layer pre-activation is constant too: at most 1 + d2
// breakpoints, d2 + 2 pieces. MaxPieces3 is this proven bound; the searches of
// search.go look for nets that attain it.
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

// MaxPieces3 is the proven bound: (d1+1)(d2+1), and d2 + 2 when d1 = 1.
func MaxPieces3(d1, d2 int) int {
	if d1 == 1 {
		return d2 + 2
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
