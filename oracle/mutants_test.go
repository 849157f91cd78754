package oracle

// Equivalent mutants
//
// The mutation check (/work/shared/checks/mutate.py: comparison flips, +1→+2,
// Add↔Sub, Neg→Set, Mul→Quo, min↔max) plants these changes in oracle's code.
// Each leaves every observable result unchanged, so no test can kill it;
// they are listed here, by file and the code they touch, so that a survivor
// not on this list is a missing test.
//
// line.go
//   - `// slope on t < Points[0]`, `// slope on t > Points[last]` (< → <=,
//     > → >=): the mutated text is a comment.
//   - PiecewiseLinear.Eval, sort.Search `Cmp(t) >= 0` → `> 0`: a t equal to
//     a point then lands on the next piece (or the right ray) at offset 0,
//     which yields the same value, freshly allocated as before.
//   - sweepFirstLayer, `if v.Sign() < 0` → `<= 0`: sets a zero to zero.
//   - sweepFirstLayer, `if a[k].Sign() < 0` → `<= 0`: neurons with a_k = 0
//     were skipped just above (at[k] < 0).
//   - relu, `if len(roots) > 0` → `>= 0`: re-sorting the already sorted,
//     duplicate-free B gives the same points.
//   - relu, `if vals[i].Sign() < 0` → `<= 0`: sets a zero to zero.
//   - relu, `f.Eval(probe…).Sign() > 0` → `>= 0` (left and right ray): after
//     the ray roots are inserted a neuron has one sign on each ray, so a zero
//     one unit beyond the end means the ray slope is 0, and copying a zero
//     slope changes nothing.
//   - sortUnique, comparator `Cmp < 0` → `<= 0`: sort.Slice still orders
//     distinct values, and equal ones are merged right after.
//
// network.go
//   - Eval, `s.Sign() < 0` → `<= 0`: sets a zero to zero.
//   - BitSize, `b > best` → `b >= best` (numerator and denominator): the
//     maximum is the same.
//
// inteval.go
//   - eval, `acc.Sign() < 0` → `<= 0`: sets a zero to zero.
//
// float.go
//   - biasReLU, `v < 0` → `v <= 0`: sets a zero to zero (0 and −0 compare
//     equal and stay 0 through every later layer).
//
// verify.go
//   - parallelFor, `n < 64` → `n <= 64` and `workers < 2` → `<= 2`: which
//     sizes run on one goroutine; every index is still visited once
//     (TestParallelForVisitsEachIndexOnce).
//   - parallelFor, `w < workers` → `w <= workers`: the extra worker's range
//     starts at workers·⌈n/workers⌉ ≥ n and is empty.
//
// fasteval.go
//   - forChunks, `workers <= 1` → `< 1`: a single worker then runs the
//     chunks in one goroutine instead of inline, in the same order.
//   - firstMismatch, `skip := lo >= first` → `>`: chunks are disjoint, so
//     lo = first only for the empty chunk at lo = n; only work is saved.
//   - forChunks, `lo < n` → `<= n` and `c >= chunks` → `> chunks`: the extra
//     chunk starts at n or beyond, at or past first, and is skipped.
//   - newFastNetBits, `S.Cmp(il.D) < 0` → `<= 0`: sets S to the equal D.
//   - fill, `rowSum.Cmp(S) > 0` → `>= 0`; limitB0, `q.Uint64() > maxB0` →
//     `>=`: the maximum, and the cap, are the same.
//
// fastkernel.go
//   - grow, `len(*b) < n` → `<= n`: a buffer of exactly n is reallocated;
//     every entry is written before it is read.
//   - scaleRow, `nn < 0` → `<= 0` (twice): negates a zero.
//
// readnet.go
//   - describe, `c >= ' '` → `> ' '`: describe never sees a space; peek
//     skips white space before every byte it is given.
