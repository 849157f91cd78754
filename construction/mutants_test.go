package construction

// Equivalent mutants
//
// Mutations of this package's code (shared/checks/mutate.py's operators)
// that change nothing observable, so no test can kill them:
//
//   - appendixa.go, solveLayer2, `mu[G] = … Sub(tau[0], κ_1·μ_1)` → Add:
//     μ_1 = 0 always, so the product is 0.
//   - appendixa.go, solveLayer2, `κ_1·ν_1` Mul → Quo: ν_1 = 1.
//   - appendixa.go, solveLayer2, `column j > 1`: inside a comment.
//   - appendixa.go, solveLayer2, `l.Cmp(lambda) > 0` → `>= 0`: on equality
//     λ takes the same value.
//   - deep.go, narrowestBlock, `r*r < K` → `<=`: for square K the square
//     shape gets ⌈√K⌉+1 groups, strictly wider than U1's own √K × √K shape
//     listed before it, so it is never chosen.
//   - deep.go, DeepWith, `C.Sign() < 0` → `<= 0`: sets 0 to 0.
//   - deep.go, yunMinRat, `<` → `<=`: the same minimum value.
//   - deep.go, deepStack / deepSecond / accumulate, `prev.accum >= 0` →
//     `> 0`: the accumulator is never column 0 (the carrier precedes it in
//     every layer).
//   - deep.go, NarrowU3Shape, `best < 0` → `<= 0`: best is −1 or a width ≥ 6.
//   - gadget.go, Apply, `v.Sign() > 0` → `>= 0`: adds α·0.
//   - interpolate.go, Network, `h.Dir[k] < 0` → `<= 0`: every Dir is ±1.
//   - lift.go, Lift, `v.Sign() < 0` → `<= 0` and `Cmp(C) > 0` → `>= 0`:
//     C ≥ 0, so v = 0 never raises it, and equality keeps its value.
//   - prune.go, Prune, `l1.B[k].Sign() > 0` → `>= 0`: adds c·0.
//   - projection.go, `Values[Order[0]] < …`: inside a comment.
//   - projection.go, tryDirection and lexEpsilon, sort `Cmp < 0` → `<= 0`:
//     only the order of equal values changes; equal projections are
//     rejected after the sort either way and lexEpsilon reads only the
//     sorted values.
//   - projection.go, lexEpsilon, `sp.Cmp(spread) > 0` → `>=` and
//     `gap.Cmp(delta) < 0` → `<=`: the same extreme value.
//   - twolayer.go, collision, `v.Add` → `v.Sub`: computes −aᵀx, and two rows
//     collide under −a exactly when they collide under a.
//   - u1.go, u1Build, `Mul(y_i, ±1)` → Quo and `Mul(scale, ±1)` → Quo:
//     dividing by ±1 is multiplying by ±1.
//   - u1.go, yunUnitTargets, `a.Cmp(scale) > 0` → `>= 0`: the same maximum.
//   - u1.go, LeqPlusSqrt, `d.Sign() <= 0` → `< 0`: for d = 0 the squared
//     test 0 ≤ b²r holds too.
//   - u1.go, U1Lean, `yunSign(m-1) < 0` → `<= 0`: the sign is never 0.
//   - u1.go, U1Lean, `G > 1` → `>= 1`: U1's shape has G = ⌈K/⌊√K⌋⌉ ≥ 2 for
//     K ≥ 3.
//   - u2.go, U2Paper, `second.B[2k] − 1` → `+ 1`: shifts the pre-activation
//     and the bump's centre (taken from the same pre-activation) by the same
//     amount.
//   - u2.go, charitableDelta, `d.Cmp(best) < 0` → `<= 0`: the same minimum.
//   - u2.go, reluLayer, `h.Sign() < 0` → `<= 0`: sets 0 to 0.
//   - u3.go, CheapestShape, `best < 0` → `<= 0`: best is −1 or a cost ≥ 6.
//   - u3.go, newYunFit, padding `len(y.pc) < M*G` → `<=`: one more dummy
//     past position M·G, which no group, window or rank ever reads.
//   - u3.go, gap, `d.Cmp(best) < 0` → `<= 0`: the same least gap.
//   - window.go, Affine, `w.Sign > 0` → `>= 0`: Sign is ±1, never 0.
//   - window.go, GroupWindows, `prev.Cmp(lo[j]) >= 0` → `> 0`: for j > 0
//     the previous group's check hi_{j−1} < lo_j has already panicked on
//     equality, and for j = 0 prev = lo_1 − ε < lo_1.
//   - window.go, project, `a.Cmp(p.scale) > 0` → `>= 0`: the same maximum.
//   - yun.go, newYunLine, sort `Cmp < 0` → `<= 0`: the projections are
//     pairwise distinct.
//   - yun.go, windows, `g.Cmp(d) < 0` → `<= 0`: the same least gap δ_j.
//   - yun.go, solve, `need.Cmp(lambda) > 0` → `>= 0`: the same λ.
