package theorem

// sec5_r5.go: Remark 5, m* = Θ(√N) for 3-layer networks, from Thm 5.1's
// bounds as stated.
//
// Over a sweep of nested exact grids S_1 ⊂ S_2 ⊂ … of (N, K), N ≥ 1,
// K ≥ max{N, 3}, the check verifies at every point, exactly:
//
//	(1/2)·√N ≤ L(N, K)   and   U(N, K) ≤ 6√5·√N,
//
// with L, U Thm 5.1's lower and upper bounds (so √N/2 ≤ m* ≤ 6√5·√N on the
// grid), and computes the exact supremum of U/L on each S_j: the argmax is
// found by exact ratio comparison (bounds.CmpRatio, a sign of a sum of square
// roots decided by squaring), after pruning with exact rational enclosures.
// "Θ(√N)" is read as: the ratio does not grow along the sweep (the sup over
// the points new to the last grid does not exceed the sup of the grid before).
// A ratio that still grows is reported, and the verdict is then inconclusive.

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/ftcheck/ftcheck/bounds"
)

// r5Bounds are the two bound functions compared (Thm 5.1 by default; tests
// plant others).
type r5Bounds struct {
	lower, upper func(N, K int) bounds.Surd
}

var paperR5 = r5Bounds{lower: bounds.Thm51Lower, upper: bounds.Thm51Upper}

// r5Rate is the growth Remark 5 states, with the constants the check puts
// on it: lower(N) ≤ L and U ≤ upper(N) at every point.
type r5Rate struct {
	name                 string // "√N"
	lower, upper         func(N int) bounds.Surd
	lowerName, upperName string // "√N/2", "6√5·√N"
	upperForm            string // upper(N) as a closed form: "6√(5N)"
}

// sqrtRate is Remark 5's Θ(√N): √N/2 ≤ L, and U ≤ 6√(3N+2) ≤ 6√(5N) for N ≥ 1.
var sqrtRate = r5Rate{
	name:      "√N",
	lower:     func(N int) bounds.Surd { return bounds.SqrtInt(N).Mul(big.NewRat(1, 2)) },
	upper:     func(N int) bounds.Surd { return bounds.SqrtInt(5 * N).MulInt(6) },
	lowerName: "√N/2", upperName: "6√5·√N", upperForm: "6√(5N)",
}

// r5Level is one grid of the sweep: 1 ≤ N ≤ nMax, max{N,3} ≤ K ≤ kMax.
type r5Level struct{ nMax, kMax int }

func r5Sweep(checks int) []r5Level {
	levels := []r5Level{{8, 32}, {16, 64}, {32, 128}, {64, 256}}
	for n, k, c := 128, 512, 1000; checks >= c && n <= 1<<14; n, k, c = 2*n, 2*k, 2*c {
		levels = append(levels, r5Level{n, k}) // N ≤ 128 from 1000 checks, 256 from 2000, …
	}
	return levels
}

// ratioPoint is a point with its exact ratio U/L.
type ratioPoint struct {
	N, K   int
	u, l   bounds.Surd
	lo, hi *big.Rat // exact rational enclosure of u/l (l > 0)
}

func newRatioPoint(b r5Bounds, N, K int) ratioPoint {
	p := ratioPoint{N: N, K: K, u: b.upper(N, K), l: b.lower(N, K)}
	if p.l.Sign() > 0 {
		ul, uh := p.u.Enclose(40)
		ll, lh := p.l.Enclose(40)
		if ll.Sign() > 0 {
			p.lo, p.hi = new(big.Rat).Quo(ul, lh), new(big.Rat).Quo(uh, ll)
		}
	}
	return p
}

func (p ratioPoint) String() string {
	return fmt.Sprintf("(%v)/(%v) ≈ %s at N=%d, K=%d", p.u, p.l, p.lo.FloatString(4), p.N, p.K)
}

// checkR5 runs the sweep; for each level it returns the exact sup of U/L
// over the whole grid and over the points new to that level (the annulus
// S_j ∖ S_{j−1}), and the number of points checked.
func checkR5(cfg Config, b r5Bounds, levels []r5Level, l *failureLog) (sups, rims, newNs []ratioPoint, n int, done bool) {
	return checkR5Rate(cfg, b, sqrtRate, levels, l)
}

// checkR5Rate is checkR5 against the growth rate.
func checkR5Rate(cfg Config, b r5Bounds, rate r5Rate, levels []r5Level, l *failureLog) (sups, rims, newNs []ratioPoint, n int, done bool) {
	var best *ratioPoint
	prev := r5Level{0, 0}
	for _, lv := range levels {
		var rim, newN *ratioPoint
		for N := 1; N <= lv.nMax; N++ {
			if cfg.Expired() {
				return sups, rims, newNs, n, false
			}
			for K := max(N, 3); K <= lv.kMax; K++ {
				if N <= prev.nMax && K <= prev.kMax {
					continue // already seen on a smaller level
				}
				n++
				p := newRatioPoint(b, N, K)
				checkR5Point(l, p, rate)
				if p.lo != nil {
					rim = maxRatio(rim, p)
					if N > prev.nMax {
						newN = maxRatio(newN, p)
					}
				}
			}
		}
		if rim == nil {
			continue
		}
		best = maxRatio(best, *rim)
		sups, rims, newNs = append(sups, *best), append(rims, *rim), append(newNs, *newN)
		prev = lv
	}
	return sups, rims, newNs, n, true
}

// maxRatio returns the point of larger U/L (the earlier one on ties),
// pruning with exact rational enclosures before the exact comparison.
func maxRatio(best *ratioPoint, p ratioPoint) *ratioPoint {
	if best == nil {
		return &p
	}
	if p.hi.Cmp(best.lo) < 0 || (p.u.Cmp(best.u) == 0 && p.l.Cmp(best.l) == 0) {
		return best
	}
	if bounds.CmpRatio(p.u, p.l, best.u, best.l) > 0 {
		return &p
	}
	return best
}

// checkR5Point checks rate.lower ≤ L and U ≤ rate.upper (√N/2 and 6√5·√N
// for Remark 5) at one point.
func checkR5Point(l *failureLog, p ratioPoint, rate r5Rate) {
	g := gridPoint{m: -1, N: p.N, K: p.K}
	half := rate.lower(p.N)
	if p.l.Cmp(half) < 0 {
		l.add(FindProofStep, undecided, fmt.Sprintf("lower bound below %s (no Ω(%s) with this constant)", rate.lowerName, rate.name), g, func() string {
			return fmt.Sprintf("L = %v < %s = %v", p.l, rate.lowerName, half)
		})
	}
	top := rate.upper(p.N)
	if p.u.Cmp(top) > 0 {
		l.add(FindProofStep, undecided, fmt.Sprintf("upper bound above %s (no O(%s) with this constant)", rate.upperName, rate.name), g, func() string {
			return fmt.Sprintf("U = %v > %s = %v", p.u, rate.upperForm, top)
		})
	}
}

func runR5(cfg Config) Result { return r5Run(cfg, sqrtRate, r5Sweep(cfg.Checks)) }

// r5Run sweeps Thm 5.1's bounds over levels against rate and assembles the
// claim's Result.
func r5Run(cfg Config, rate r5Rate, levels []r5Level) Result {
	l := newFailureLog()
	sups, rims, newNs, n, done := checkR5Rate(cfg, paperR5, rate, levels, l)
	return r5ResultRate(cfg, rate, l, levels, sups, rims, newNs, n, done)
}

// r5Result reads the sweep: the sup over the points new to the last level
// must not exceed the sup over the level before.
func r5Result(cfg Config, l *failureLog, levels []r5Level, sups, rims, newNs []ratioPoint, n int, done bool) Result {
	return r5ResultRate(cfg, sqrtRate, l, levels, sups, rims, newNs, n, done)
}

// r5ResultRate is r5Result for a sweep against rate.
func r5ResultRate(cfg Config, rate r5Rate, l *failureLog, levels []r5Level, sups, rims, newNs []ratioPoint, n int, done bool) Result {
	var trail []string
	for i := range sups {
		trail = append(trail, fmt.Sprintf("N ≤ %d, K ≤ %d: sup %v; over the points new to this grid %v; over its new N only %v",
			levels[i].nMax, levels[i].kMax, sups[i], rims[i], newNs[i]))
	}
	ev := fmt.Sprintf("%d points (N, K), 1 ≤ N, max{N,3} ≤ K, exhaustive on a sweep of nested grids, exact: "+
		"%s ≤ lower and upper ≤ %s at every point; exact sup of upper/lower per grid: %s.",
		n, rate.lowerName, rate.upperName, strings.Join(trail, "; "))
	if k := len(sups); done && k >= 2 {
		a, b := sups[k-2], rims[k-1]
		if bounds.CmpRatio(b.u, b.l, a.u, a.l) > 0 {
			l.add(FindProofStep, undecided, "the ratio upper/lower still grows along the sweep", gridPoint{m: -1, N: b.N, K: b.K}, func() string {
				return fmt.Sprintf("sup %v over the points new to the last grid exceeds %v, the sup of the grid before", b, a)
			})
		}
	}
	return derivedResult(cfg, "R5", l, n, done, ev)
}
