package lowerbound

// Equivalent mutants.
//
// /work/shared/checks/mutate.py plants one-token bugs in this package. The
// ones below change nothing any caller can observe, each for the reason
// given; the tests cannot kill them and do not try. Everything else it
// plants here is killed by `go test -short ./lowerbound/`.
//
// breakpoints.go
//   - SortLine, `t[i-1].Cmp(t[i]) >= 0` → `> 0`: equal neighbours then skip
//     the (stable) sort, which would have kept their order anyway; the
//     duplicate scan that follows reports the same pair.
//   - SortLine, `if a > b` → `a >= b`: a and b are two different rows.
//
// interpolant.go
//   - MinInterpolant, `j >= 1` → `j > 1`: merged[0] is always false (the
//     first nonzero turn leaves the point state and always costs), so j = 1
//     never adds a cut either way.
//
// certificate.go
//   - TwoLayerMin1D, `iv.Hi > R` → `>=`: provedExtra is true only where R
//     units provably do not suffice, so Hi = R never meets it.
//   - provedExtra, `len(s) > 0` → `>= 0`: provedExtra runs only when Hi > R,
//     and one data point (len(s) = 0) is constant, fitted with no unit.
//   - provedExtra, `s[0].Sign()*s[1].Sign() < 0` → `<= 0`: a zero chord
//     slope at K = 3 is a piece of slope 0, realised with R units, so
//     provedExtra is not reached.
//   - netFromUnits, `tmp.Sign() > 0` → `>= 0`: a unit at value 0 at t_1
//     subtracts 0 from the bias.
//   - slideOuter, the six bounds on the slid breakpoint c (`> t_1`,
//     `<= t_2`, `< br[1]` and the mirror `< t_K`, `>= t_{K−1}`, `> br[r−2]`)
//     with the other strictness: that branch runs only when the first (last)
//     breakpoint is the data point t_2 (t_{K−1}) itself (interpolant.go puts
//     no cut in the first or last interval), and then c = t_2 (c = t_{K−1})
//     would need v_1 = v_2 (v_{K−1} = v_K), a piece of slope 0 handled
//     before; c = t_1 (c = t_K) would need no turn at t_2 (t_{K−1}); and
//     c ≤ t_2 < br[1] (c ≥ t_{K−1} > br[r−2]).
//
// pieces.go
//   - PaperStepMax, `v > best` → `>=`: v(d1) = (m − d1)(2d1 + 1) has
//     v(d1+1) − v(d1) = 2m − 3 − 4d1, odd, so no two widths tie and the
//     maximiser is the same.
//
// witness.go
//   - ZigzagWitness, `K >= 3*N+2` → `K > 3*N+2`: at K = 3N+2 the zigzag
//     spreads two zeros into each of the N+1 gaps and labels the changed
//     sample i with 2 if i is even, −1 if odd — i = 3, 6, …, so exactly the
//     paper's instance (2 if 6 | i, −1 if i ≡ 3 mod 6).
//
// zigzag.go
//   - ZigzagNet, `L <= 4` → `< 4` and `Rg <= 4` → `< 4`: the search always
//     stops at L = 1, Rg = 2 (the jumps are −2, then ±2 alternating, then
//     3·(−1)^{d1}; the target 2·(−1)^{d1} is the first jump alone for
//     d1 = 3 and the middle jump at j = d1 − 3 for d1 ≥ 4, while L = 1,
//     Rg = 1 needs an odd sum of even jumps), so the fourth value is never
//     reached.
//   - zigzagWith, `v.Sign() > 0` → `>= 0`: a unit at value 0 adds 0 to p1.
//
// slide.go
//   - splitSum, `dD.Sign() < 0` → `<= 0`, and slideAllRight,
//     `sD.Sign() < 0` → `<= 0`: for a difference of 0, y = 1 − 0 = 1 either
//     way.
//
// lp.go
//   - feasibleLP, `rhs.Sign() < 0` → `<= 0`: negating a row whose
//     right-hand side is 0 (slack sign included) states the same constraint.
//   - simplex, `i < rows` → `i <= rows` in the ratio test: the extra row is
//     the objective, whose entry in the entering column is negative (that is
//     why the column enters), so the row is skipped.
//   - simplex, `basis[i] < basis[leave]` → `<=`: basic variables are
//     distinct.
//
// certificate3.go
//   - deepen, `v.Sign() < 0` → `<= 0` and `Neg(v).Cmp(C) > 0` → `>= 0`:
//     both only add cases that set C to the value it already has.
//
// counting.go
//   - CountingLower3, `a < m` → `a <= m`: a = m leaves d2 = 0, a constant net
//     with P_eff = 1, which never reaches N ≥ 2.
//
// exact2.go
//   - canonicalFirst, `R > 12` → `R >= 12`: the limit only decides whether
//     the ordered first try runs before the exhaustive search, which then
//     reaches the same answer; the test at R = 12 checks canonicalFirst
//     itself.
//   - trySlots, `orient < 1<<R` and `signs < 1<<R` → `<=`: the extra
//     iteration repeats a case already tried (bit R of orient or of signs is
//     never read as an orientation or a sign of units 0..R−1), so it cannot
//     find a net the earlier cases missed.
//   - gaussJordan, `rank < len(rows)` → `<=`: with rank = len(rows) there is
//     no row left to pivot on, so the extra columns are skipped.
