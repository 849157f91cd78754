package theorem

// sec4_corollary.go: the statements derived from Thm 4.1 (2-layer networks),
// C4.2 and R2, checked over exact grids (see derived_grid.go for the method).
//
// Thm 4.1: min{3N, K−2} ≤ m*(N, K) ≤ min{3N+1, K−1} for K ≥ 3.
//
// Cor 4.2 (m ∈ ℕ, K ≥ 3): K ≥ m+2 ⇒ ⌊(m−1)/3⌋ ≤ N* ≤ m/3; K ≤ m+1 ⇒ N* = K.
// What the theorem gives: for K ≥ m+2, K−1 > m, so hi(N, K) ≤ m ⟺ 3N+1 ≤ m
// and Nlo = ⌊(m−1)/3⌋: the lower bound follows. For K ≥ m+3, K−2 > m, so
// lo(N, K) ≤ m ⟺ 3N ≤ m and Nhi = ⌊m/3⌋: the upper bound follows. At
// K = m+2 exactly, lo(N, K) = min{3N, m} ≤ m for every N, so Thm 4.1.2 gives
// only N* ≤ K: the paper's step "due to Theorem 4.1.2 and K ≥ m+2" needs
// K−2 > m, i.e. K ≥ m+3. The check finds this without being told, then
// decides those points from exact facts beyond the theorem: the flat-piece
// and two-peak networks (sec4_corollary_flatend.go, sec4_corollary_twopeak.go) fine-tune
// every instance with N = ⌊m/3⌋+1 of K = m+2 samples with m neurons for every
// m ≥ 2, so N* > m/3 there (false); at m = 1 the exact 1-D decision of
// lowerbound shows z = (0, 1, 0) needs 2 neurons, so N* = 0 (true).
//
// Remark 2 (N = K): m*+1 ≤ K ≤ m*+2, i.e. K−2 ≤ m*(K, K) ≤ K−1.

import (
	"fmt"
	"math/big"
	"math/bits"
	"sync"

	"github.com/ftcheck/ftcheck/bounds"
	"github.com/ftcheck/ftcheck/lowerbound"
)

// thm41 are Thm 4.1's bounds as stated (already integers).
var thm41 = mBounds{name: "Thm 4.1", lo: bounds.Thm41Lower, hi: bounds.Thm41Upper}

// cor42Statement is Cor. 4.2 as data, so that tests can plant a wrong one.
type cor42Statement struct {
	nLower func(m int) int      // regime K ≥ m+2: ⌊(m−1)/3⌋ ≤ N*
	nUpper func(m int) *big.Rat // regime K ≥ m+2: N* ≤ m/3
	split  func(m int) int      // first K of regime 1: m+2
}

var paperCor42 = cor42Statement{
	nLower: bounds.Cor42NLower,
	nUpper: bounds.Cor42NUpper,
	split:  func(m int) int { return m + 2 },
}

const (
	gridM2 = 60  // 2-layer grid: 1 ≤ m ≤ 60
	gridK2 = 200 // 3 ≤ K ≤ 200
)

// checkCor42 checks st against th at every (m, K) with 1 ≤ m ≤ mMax,
// 3 ≤ K ≤ kMax; it returns the number of grid points.
func checkCor42(cfg Config, st cor42Statement, th mBounds, mMax, kMax int, l, exact *failureLog) (int, bool) {
	n := 0
	for m := 1; m <= mMax; m++ {
		if cfg.Expired() {
			return n, false
		}
		for K := 3; K <= kMax; K++ {
			n++
			nlo, nhi := th.nRange(m, K)
			p := gridPoint{m: m, N: -1, K: K}
			facts := flatEndFacts(m, K)
			if K >= st.split(m) {
				lower := st.nLower(m)
				checkN(l, p, nStatement{
					lower: lower, upper: st.nUpper(m),
					lowerWhat: "Cor 4.2.1 lower bound ⌊(m−1)/3⌋ ≤ N* (K ≥ m+2)",
					upperWhat: "Cor 4.2.1 upper bound N* ≤ m/3 (K ≥ m+2)",
					lowerTrue: lower <= 0,
				}, nlo, nhi, th.name, facts)
				if facts.lo == nhi {
					exact.add(FindBeyondPaper, decidedTrue, "N* is determined exactly", p, func() string {
						return fmt.Sprintf("N* = %d: the flat-piece network gives N* ≥ %d and Thm 4.1.2 gives N* ≤ %d", nhi, nhi, nhi)
					})
				}
				continue
			}
			checkN(l, p, nStatement{
				lower: K, lowerWhat: "Cor 4.2.2 N* = K (K ≤ m+1)",
			}, nlo, nhi, th.name, facts)
		}
	}
	return n, true
}

func runCor42(cfg Config) Result {
	return cor42Run(cfg, paperCor42, exhaustiveK(cfg, gridM2), exhaustiveK(cfg, gridK2))
}

// cor42Run checks st on the grid 1 ≤ m ≤ mMax, 3 ≤ K ≤ kMax and assembles
// the claim's Result.
func cor42Run(cfg Config, st cor42Statement, mMax, kMax int) Result {
	l, exact := newFailureLog(), newFailureLog()
	n, done := checkCor42(cfg, st, thm41, mMax, kMax, l, exact)
	ev := fmt.Sprintf("every (m, K) with 1 ≤ m ≤ %d, 3 ≤ K ≤ %d (%d points, exhaustive, exact integers): "+
		"N* bracketed by Nlo = max{N ≤ K : min{3N+1, K−1} ≤ m} and Nhi = max{N ≤ K : min{3N, K−2} ≤ m}; "+
		"each stated bound checked against them. %d point(s) where a stated bound does not follow and is undecided, %d where it is false.",
		mMax, kMax, n, l.count(undecided), l.count(decidedFalse))
	res := derivedResult(cfg, "C4.2", l, n, done, ev)
	for _, g := range exact.sorted() {
		res.Findings = append(res.Findings, Finding{
			Kind: FindBeyondPaper,
			Text: fmt.Sprintf("%s at %d of the grid points with K ≥ m+2 (every K ≥ m+3); smallest %s: %s. "+
				"So N* = ⌊m/3⌋ for K ≥ m+3; more generally m*(N, K) = min{3N, K−2} exactly for every K ≥ 2N+2, one below Thm 4.1.1 "+
				"(flat-piece network of construction/flatend.go, beyond the paper, verified exactly on every T ⊆ [K] for K ≤ 11 by its tests). %s",
				g.what, g.count, g.first, g.detail, priorExactTwoLayer),
			Instance:  g.first.instance(),
			Reproduce: reproduce("C4.2", cfg),
		})
	}
	return res
}

// flatEndFacts is max{N ≤ K : bestTwoLayer(N, K) ≤ m},
// the lower bound on N* of every construction used here, with a sentence
// that names the flat-end network and verifies it at (N, K) exactly.
func flatEndFacts(m, K int) *nFacts {
	lo := 0
	for N := 0; N <= K; N++ {
		if bestTwoLayer(N, K) <= m {
			lo = N
		}
	}
	return &nFacts{lo: lo, hi: -1, upTo: func(b int) (bool, string) { return exactWitness(m, K, b+1) }, how: func() string {
		return fmt.Sprintf("but every instance with N = %d of K = %d samples is fine-tuned by the flat-piece network "+
			"(beyond the paper: construction/flatend.go, and construction/twopeak.go at N = 2, K = 5; data in any dimension reduce to a line by "+
			"Thm 4.4's exact projection) with at most %d ≤ m neurons, so N* ≥ %d; %s",
			lo, K, bestTwoLayer(lo, K), lo, verifyFlatEnd(lo, K))
	}}
}

// derivedResult assembles a Result from a failure log.
func derivedResult(cfg Config, id string, l *failureLog, n int, done bool, ev string) Result {
	res := Result{Verdict: verdictOf(l), Evidence: ev, Checked: n, Exhaustive: done, Findings: l.findings(id, cfg)}
	if !done {
		res.Verdict = Inconclusive
		res.Evidence = "stopped by the timeout; partial: " + ev
	}
	return res
}

// r2Statement is Remark 2 as data: lo(K) ≤ m*(K, K) ≤ hi(K).
type r2Statement struct{ lo, hi func(K int) int }

var paperR2 = r2Statement{
	lo: func(K int) int { return K - 2 }, // K ≤ m*+2
	hi: func(K int) int { return K - 1 }, // m*+1 ≤ K
}

// checkR2 checks that [st.lo, st.hi] contains Thm 4.1's interval at N = K.
func checkR2(st r2Statement, th mBounds, kMax int, l *failureLog) int {
	n := 0
	for K := 3; K <= kMax; K++ {
		n++
		tlo, thi := th.lo(K, K), th.hi(K, K)
		p := gridPoint{m: -1, N: K, K: K}
		if st.lo(K) > tlo {
			status := undecided
			if st.lo(K) > thi {
				status = decidedFalse
			}
			l.add(FindProofStep, status, "Remark 2's K ≤ m*+2 does not follow from Thm 4.1", p, func() string {
				return fmt.Sprintf("stated m* ≥ %d but Thm 4.1 gives only m* ≥ %d (and m* ≤ %d)", st.lo(K), tlo, thi)
			})
		}
		if st.hi(K) < thi {
			status := undecided
			if st.hi(K) < tlo {
				status = decidedFalse
			}
			l.add(FindProofStep, status, "Remark 2's m*+1 ≤ K does not follow from Thm 4.1", p, func() string {
				return fmt.Sprintf("stated m* ≤ %d but Thm 4.1 gives only m* ≤ %d (and m* ≥ %d)", st.hi(K), thi, tlo)
			})
		}
	}
	return n
}

func runR2(cfg Config) Result { return r2Run(cfg, paperR2, exhaustiveK(cfg, gridK2)) }

// r2Run checks st for 3 ≤ K ≤ kMax and assembles the claim's Result.
func r2Run(cfg Config, st r2Statement, kMax int) Result {
	l := newFailureLog()
	n := checkR2(st, thm41, kMax, l)
	ev := fmt.Sprintf("every K with 3 ≤ K ≤ %d at N = K (%d points, exhaustive, exact integers): "+
		"Thm 4.1 gives min{3K, K−2} = K−2 ≤ m*(K,K) ≤ min{3K+1, K−1} = K−1, compared with m*+1 ≤ K ≤ m*+2.",
		kMax, n)
	return derivedResult(cfg, "R2", l, n, true, ev)
}

// exactWitness looks, for K ≤ 5, for a 1-D instance on t = 1..K with N1
// changed samples that no 2-layer net with m neurons fine-tunes, deciding m*
// of each candidate exactly (lowerbound.TwoLayerExact1D: every placement,
// orientation and sign of R units as exact LPs). If one exists, N* < N1
// (fine-tunability is monotone in N). The worst m* per (K, N1) is cached.
func exactWitness(m, K, N1 int) (bool, string) {
	if K > 5 || N1 < 1 || N1 > K {
		return false, ""
	}
	w := exactWorst(K, N1)
	if w.lo <= m {
		return false, ""
	}
	return true, fmt.Sprintf("but the 1-D instance z = %v on t = 1..%d needs exactly %d > m neurons "+
		"(lowerbound.TwoLayerExact1D, exact LPs), so N* ≤ %d", w.z, K, w.lo, N1-1)
}

type exactWorstLine struct {
	lo int
	z  []string
}

var exactCache = struct {
	sync.Mutex
	m map[[2]int]exactWorstLine
}{m: map[[2]int]exactWorstLine{}}

// exactWorst is the largest exact m* over N1-subsets of [K] and a few target
// patterns on the unit grid.
func exactWorst(K, N1 int) exactWorstLine {
	exactCache.Lock()
	defer exactCache.Unlock()
	if w, ok := exactCache.m[[2]int{K, N1}]; ok {
		return w
	}
	var w exactWorstLine
	for mask := uint64(0); mask < 1<<K; mask++ {
		if bits.OnesCount64(mask) != N1 {
			continue
		}
		for _, pat := range [][]int64{{1, 1, 1}, {1, -1, 1}, {2, -1, 3}} {
			t, z := exactWitnessLine(K, mask, pat)
			if iv, err := lowerbound.TwoLayerExact1D(t, z, K); err == nil && iv.Lo > w.lo {
				w = exactWorstLine{iv.Lo, ratStrings(z)}
			}
		}
	}
	exactCache.m[[2]int{K, N1}] = w
	return w
}

func exactWitnessLine(K int, mask uint64, pat []int64) (t, z []*big.Rat) {
	j := 0
	for i := 0; i < K; i++ {
		t = append(t, big.NewRat(int64(i+1), 1))
		v := new(big.Rat)
		if mask&(1<<i) != 0 {
			v.SetInt64(pat[j%len(pat)])
			j++
		}
		z = append(z, v)
	}
	return t, z
}

func ratStrings(v []*big.Rat) []string {
	out := make([]string, len(v))
	for i, x := range v {
		out[i] = x.RatString()
	}
	return out
}
