package bounds

// Equivalent mutants.
//
// /work/shared/checks/mutate.py plants one-token bugs in this package. The
// ones below change nothing any caller can observe, each for the reason
// given; the tests cannot kill them and do not try. Everything else it
// plants here is killed by `go test -short ./bounds/`.
//
// radsum.go
//   - primes, the sort comparator `< 0` → `<= 0`: the primes are distinct.
//   - the comment after `var squareCache` (`n < 2³²` → `n <= 2³²`).
//   - squarePart, `n.Uint64() < 1<<32` → `<=`: whether 2³² itself is cached
//     changes only the time of the second call.
//
// surd.go
//   - Min and Max, `<= 0` → `< 0` and `>= 0` → `> 0`: on equal values both
//     arguments are the same canonical Surd (r square-free, perfect squares
//     folded into c), so returning either is the same.
//   - Floor, `if s.a.Sign() < 0` → `<= 0`: that branch runs only for a ≠ 0.
//   - Floor, the correction loops `s < n` → `s <= n` and `s >= n+1` →
//     `s > n+1`: they differ only when s is an integer, i.e. rational
//     (a = 0), and then the estimate ⌊c⌋ is already exact and the first
//     loop's extra step is undone by the second.
//   - Enclose, `if s.a.Sign() < 0` → `<= 0`: a = 0 has returned before.
