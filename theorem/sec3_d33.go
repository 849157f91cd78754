package theorem

// sec3_d33.go: Def. 3.3, m* and N* as monotone inverses, checked on the
// paper's stated bound functions (Thm 4.1 and Thm 5.1).
//
// The equivalence itself is an argument, not a computation (derived_grid.go:
// fine-tunability is monotone in N because z_j = 0 is allowed, and in m).
// What can be checked is that the stated bounds respect it, at every grid
// point (N, K), 0 ≤ N ≤ K, 3 ≤ K ≤ 200, for each theorem's integer bounds
// lo ≤ m* ≤ hi:
//
//  1. consistency: lo(N, K) ≤ hi(N, K) (else the theorem contradicts itself);
//  2. monotonicity: lo and hi are nondecreasing in N and in K (m* is: an
//     instance with one sample more, z = 0 there, restricts to the smaller);
//  3. round trip: with inv_f(m, K) = max{N ≤ K : f(N, K) ≤ m} (−1 if none),
//     min{m : inv_f(m, K) ≥ N} = f(N, K) for f = lo and f = hi, so that the
//     N*-bounds obtained by inverting the m*-bounds invert back.

import "fmt"

const gridKD33 = 200

// inverse is max{N ≤ K : f(N, K) ≤ m}, or −1.
func inverse(f func(N, K int) int, m, K int) int {
	out := -1
	for N := 0; N <= K; N++ {
		if f(N, K) <= m {
			out = N
		}
	}
	return out
}

// checkD33 checks b at every (N, K) with 3 ≤ K ≤ kMax; it returns the
// number of grid points.
func checkD33(cfg Config, b mBounds, kMax int, l *failureLog) (int, bool) {
	return checkD33With(cfg, b, kMax, inverse, l)
}

// d33Inverse is the definition of N* from m* that the round trip inverts
// back: inverse for Def. 3.3 as stated; planted.go plants another.
type d33Inverse func(f func(N, K int) int, m, K int) int

// checkD33With is checkD33 with the definition of N* as a parameter.
func checkD33With(cfg Config, b mBounds, kMax int, inv d33Inverse, l *failureLog) (int, bool) {
	n := 0
	for K := 3; K <= kMax; K++ {
		if cfg.Expired() {
			return n, false
		}
		for N := 0; N <= K; N++ {
			n++
			checkD33Point(l, b, N, K)
		}
		checkD33RoundTrip(l, b, K, inv)
	}
	return n, true
}

func checkD33Point(l *failureLog, b mBounds, N, K int) {
	p := gridPoint{m: -1, N: N, K: K}
	lo, hi := b.lo(N, K), b.hi(N, K)
	if lo > hi {
		l.add(FindProofStep, decidedFalse, b.name+": lower bound exceeds upper bound", p, func() string {
			return fmt.Sprintf("lo = %d > hi = %d", lo, hi)
		})
	}
	for _, f := range []struct {
		name string
		fn   func(N, K int) int
	}{{"lower", b.lo}, {"upper", b.hi}} {
		if N < K && f.fn(N+1, K) < f.fn(N, K) {
			l.add(FindProofStep, undecided, fmt.Sprintf("%s: %s bound on m* decreases in N", b.name, f.name), p, func() string {
				return fmt.Sprintf("%d at N+1 < %d at N", f.fn(N+1, K), f.fn(N, K))
			})
		}
		if f.fn(N, K+1) < f.fn(N, K) {
			l.add(FindProofStep, undecided, fmt.Sprintf("%s: %s bound on m* decreases in K", b.name, f.name), p, func() string {
				return fmt.Sprintf("%d at K+1 < %d at K", f.fn(N, K+1), f.fn(N, K))
			})
		}
	}
}

// checkD33RoundTrip checks min{m : inv_f(m, K) ≥ N} = f(N, K) for every N.
func checkD33RoundTrip(l *failureLog, b mBounds, K int, invert d33Inverse) {
	for _, f := range []struct {
		name string
		fn   func(N, K int) int
	}{{"lower", b.lo}, {"upper", b.hi}} {
		top := 0
		for N := 0; N <= K; N++ {
			top = max(top, f.fn(N, K))
		}
		inv := make([]int, top+1)
		for m := range inv {
			inv[m] = invert(f.fn, m, K)
		}
		for N := 0; N <= K; N++ {
			back := -1
			for m := range inv {
				if inv[m] >= N {
					back = m
					break
				}
			}
			if want := max(f.fn(N, K), 0); back != want {
				p := gridPoint{m: -1, N: N, K: K}
				l.add(FindProofStep, undecided, fmt.Sprintf("%s: the %s bound does not round-trip through N* = max{N : m* ≤ m}", b.name, f.name), p, func() string {
					return fmt.Sprintf("min{m : max{N' : bound(N', K) ≤ m} ≥ %d} = %d, bound = %d", N, back, want)
				})
			}
		}
	}
}

func runD33(cfg Config) Result { return d33Run(cfg, inverse, exhaustiveK(cfg, gridKD33)) }

// d33Run checks both theorems' bounds for 3 ≤ K ≤ kMax with the definition
// inv and assembles the claim's Result.
func d33Run(cfg Config, inv d33Inverse, kMax int) Result {
	l := newFailureLog()
	n2, done2 := checkD33With(cfg, thm41, kMax, inv, l)
	n3, done3 := checkD33With(cfg, newThm51Table(kMax+1).bounds(), kMax, inv, l)
	ev := fmt.Sprintf("every (N, K) with 0 ≤ N ≤ K, 3 ≤ K ≤ %d, exhaustive and exact, for Thm 4.1 (%d points) and Thm 5.1 "+
		"(%d points, ⌈lower⌉ and ⌊upper⌋ from exact surds): lower ≤ upper, both nondecreasing in N and K, and both round-trip "+
		"through N*(m, K) = max{N ≤ K : m*(N, K) ≤ m}. The equivalence itself rests on fine-tunability being monotone in N "+
		"(z_j = 0 is allowed) and in m (dead neurons), an argument, not a computation.", kMax, n2, n3)
	return derivedResult(cfg, "D3.3", l, n2+n3, done2 && done3, ev)
}
