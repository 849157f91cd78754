// Package lowerbound is the lower-bound side of the paper's Theorems 4.1 and
// 5.1 (claims T4.1-L and T5.1-L of SPEC.md), checked independently of the
// paper's own reasoning.
//
// Notation follows the paper: K samples, the changed set T with N = |T|,
// targets z_i (0 off T), m hidden neurons (m = d1 + d2 for a 3-layer net).
//
// A lower bound is a witness plus a counting argument:
//
//   - Witnesses (witness.go): 1-D instances x_i = i·u whose every
//     interpolant has many linear pieces. The paper's two explicit families
//     (K ≥ 3N+2 and K = 2N+1) are built exactly as written; ZigzagWitness is
//     our own family for every N ≤ K.
//   - The exact minimum number of breakpoints R of any continuous
//     piecewise-linear function through given 1-D points (breakpoints.go,
//     with the proof of the algorithm), and an interpolant attaining it
//     (interpolant.go).
//   - Piece counts (pieces.go): a 2-layer net with m neurons has at most m+1
//     pieces on a line; a 3-layer net with widths d1, d2 at most
//     (d1+1)(d2+1) (the paper uses 2·d1·d2 + d2 + 1), less for d1 ≤ 2 or
//     d2 = 1 (MaxPieces3). Searches that maximise exact piece counts
//     (search.go) and an explicit zigzag net (zigzag.go) attain them.
//   - Certificates (certificate.go, certificate3.go): for 1-D data, exact
//     intervals [lo, hi] for the least number of neurons of a 2-layer and of
//     a 3-layer net, lo from R and the piece bounds, hi from a network built
//     here and verified by the oracle. A 2-layer net needs R or R+1 units;
//     exact2.go decides which for small data by exact LPs (lp.go) over
//     every placement, orientation and sign of R units.
//   - Counting bounds (counting.go) for every dataset, not only 1-D
//     witnesses: the parameter count (with one degree of freedom less per
//     ReLU, by positive rescaling) must reach N for generic targets, and the
//     growth-function bound of Bartlett, Harvey, Liaw, Mehrabian (JMLR 2019)
//     for sign-only fine-tuning, its logarithms enclosed with bigfloat and
//     rounded outward so that the bound is never overstated.
//
// Nothing here is rounded: slopes, breakpoints and bounds are big.Rat or
// integers, and square roots are compared by squaring; the one use of
// floating point, the logarithms of counting.go, is certified by outward
// rounding.
package lowerbound
