package theorem

// sec5_corollary.go: Cor. 5.2, derived from Thm 5.1 (3-layer networks), checked
// over an exact grid of (m, K) (see derived_grid.go for the method).
//
// Thm 5.1 as stated: √(2·min{3N, K−2} + 1/4) − 1/2 ≤ m* ≤
// min{2√K + min{2√K, 3N}, 6√(3N+2)}. As integers (m* is an integer):
// lo = ⌈√(2M + 1/4) − 1/2⌉ with M = min{3N, K−2}, the least m with
// m(m+1)/2 ≥ M, and hi = min{⌊4√K⌋, ⌊2√K⌋ + 3N, ⌊6√(3N+2)⌋}. Every floor
// and ceiling comes from bounds.Surd (exact).
//
// Cor 5.2: K ≤ ⌊m²/16⌋ ⇒ N* = K; ⌊m²/16⌋+1 ≤ K < (m²+m+4)/2 ⇒
// ⌊m²/108 − 2/3⌋ ≤ N* ≤ K; K ≥ (m²+m+4)/2 ⇒ ⌊m²/108 − 2/3⌋ ≤ N* ≤ (m²+m)/6.
//
// Besides "does each bound follow", the check walks the steps of the paper's
// proof, as stated and with integer widths:
//
//   - regime 1: "4√K ≤ m" (as stated), and that one of the paper's three
//     constructions fits in m ReLUs with integer widths: U1 needs
//     2·min{a+b : a·b ≥ K} (a windows of b points, hard-tanh = 2 ReLUs, the
//     repo's construction/u1.go shape), U2 needs 2⌊√K⌋ + 3N, U3 needs 2M + 4G
//     with M = ⌈√n⌉, G = ⌈n/M⌉, n = min{3N+2, K} (construction/u3.go);
//   - regimes 2–3: "4√K ≥ m for K ≥ ⌊m²/16⌋+1" and "6√(3A+2) ≤ m" with
//     A = ⌊m²/108 − 2/3⌋ (as stated), and the same integer-width fit at N = A;
//   - regime 3: the step "m ≥ √(min{6N, m²+m} + 1/4) − 1/2 simplifies to
//     m ≥ √(6N + 1/4) − 1/2" needs 2(K−2) > m²+m; at K = (m²+m+4)/2 it is
//     equality and the lower bound then says nothing (found by the bound check).
//
// Where an integer-width step fails, the corollary is still decided true at
// that point if some verified construction fits: the 2-layer network of
// Thm 4.1.1 lifted to 3 layers by one carrier neuron (construction/lift.go,
// min{3N+1, K−1} + 1 ReLUs).

import (
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/bounds"
	"github.com/ftcheck/ftcheck/lowerbound"
)

// thm51Table caches Thm 5.1's integer bounds for K ≤ kMax.
type thm51Table struct {
	f4rK, f2rK []int // ⌊4√K⌋, ⌊2√K⌋ by K
	f6r        []int // ⌊6√(3N+2)⌋ by N
	ceilLo     []int // ⌈√(2M + 1/4) − 1/2⌉ by M
	sharpLo    []int // lowerbound.SharpThreeLayerLower(M) by M (filled on first use)
}

func newThm51Table(kMax int) *thm51Table {
	t := &thm51Table{}
	for K := 0; K <= kMax; K++ {
		t.f4rK = append(t.f4rK, int(bounds.Thm51U1(K).Floor().Int64()))
		t.f2rK = append(t.f2rK, int(bounds.SqrtInt(K).MulInt(2).Floor().Int64()))
		t.f6r = append(t.f6r, int(bounds.Thm51U3(K).Floor().Int64()))
	}
	for M := 0; M <= 3*kMax; M++ {
		// Thm51Lower(N, K) depends on N, K only through M = min{3N, K−2};
		// N = 0, K = M+2 gives min{0, M} = 0, so use N = M, K = M+2.
		t.ceilLo = append(t.ceilLo, int(bounds.Thm51Lower(M, M+2).Ceil().Int64()))
	}
	return t
}

// sharpFacts decides where Thm 5.1 leaves a Cor 5.2 upper bound undecided,
// with the sharper piece count: a 3-layer net with widths d1, d2 has at most
// (d1+1)(d2+1) pieces on a line (lowerbound.MaxPieces3: each layer-2
// pre-activation has ≤ d1+1 pieces, so its ReLU adds ≤ d1+1 breakpoints),
// and the zigzag witness with N of K samples changed needs R = min{3N, K−2}
// breakpoints (lowerbound.ZigzagWitness, R recomputed exactly here). So
// N* ≤ max{N ≤ K : SharpThreeLayerLower(min{3N, K−2}) ≤ m}.
func (t *thm51Table) sharpFacts(m, K int) *nFacts {
	for M := len(t.sharpLo); M <= K; M++ {
		t.sharpLo = append(t.sharpLo, lowerbound.SharpThreeLayerLower(M))
	}
	hi := 0
	for N := 0; N <= K; N++ {
		if t.sharpLo[min(3*N, K-2)] <= m {
			hi = N
		}
	}
	f := &nFacts{lo: 0, hi: hi, how: func() string { return "" }}
	f.hiHow = func() string { return sharpWhy(m, hi+1, K) }
	return f
}

// sharpWhy checks the witness at N = n1 exactly and says why m neurons
// cannot fine-tune it.
func sharpWhy(m, n1, K int) string {
	M := min(3*n1, K-2)
	w, err := lowerbound.ZigzagWitness(n1, K)
	var R int
	if err == nil {
		R, err = lowerbound.InstanceBreakpoints(w)
	}
	if err != nil || R != M {
		return fmt.Sprintf("(the zigzag witness at N = %d did not verify: R = %d, err %v; do not trust this decision)", n1, R, err)
	}
	most := fmt.Sprintf("a 3-layer net with d1 + d2 = %d has at most %d pieces ((d1+1)(d2+1), beyond the paper's 2·d1·d2 + d2 + 1)",
		m, lowerbound.MaxPiecesAtTotal(m, lowerbound.MaxPieces3))
	if m < 2 {
		most = fmt.Sprintf("no 3-layer net (d1, d2 ≥ 1) has %d neuron(s)", m)
	}
	return fmt.Sprintf("but the zigzag witness with N = %d of K = %d changed needs R = %d breakpoints (exact, lowerbound.MinBreakpoints), "+
		"i.e. %d pieces, and %s, so N* < %d", n1, K, R, R+1, most, n1)
}

func (t *thm51Table) bounds() mBounds {
	return mBounds{
		name: "Thm 5.1",
		lo:   func(N, K int) int { return t.ceilLo[min(3*N, K-2)] },
		hi:   func(N, K int) int { return min(t.f4rK[K], t.f2rK[K]+3*N, t.f6r[N]) },
	}
}

// Integer-width neuron counts of the constructions (independent formulas,
// not calls into construction/).

// u1Int is 2·min{a + b : a·b ≥ K}, by exhaustive search over a.
func u1Int(K int) int {
	best := -1
	for a := 1; a <= K; a++ {
		b := (K + a - 1) / a
		if c := 2 * (a + b); best < 0 || c < best {
			best = c
		}
	}
	return best
}

// u2Int is 2⌊√K⌋ + 3N.
func u2Int(N, K int) int { return 2*isqrt(K) + 3*N }

// u3Int is 2M + 4G, M = ⌈√n⌉, G = ⌈n/M⌉, n = min{3N+2, K}.
func u3Int(N, K int) int {
	n := min(3*N+2, K)
	M := isqrt(n)
	if M*M < n {
		M++
	}
	return 2*M + 4*((n+M-1)/M)
}

// liftInt is bestTwoLayer + 1: the best 2-layer network (Thm 4.1.1's, or the
// flat-piece one of sec4_corollary_flatend.go) plus one carrier neuron.
func liftInt(N, K int) int { return bestTwoLayer(N, K) + 1 }

func isqrt(n int) int { return int(new(big.Int).Sqrt(big.NewInt(int64(n))).Int64()) }

// paperInt is the fewest ReLUs of the paper's three constructions with
// integer widths, and which one.
func paperInt(N, K int) (int, string) {
	c, name := u1Int(K), "U1"
	if v := u2Int(N, K); v < c {
		c, name = v, "U2"
	}
	if v := u3Int(N, K); v < c {
		c, name = v, "U3"
	}
	return c, name
}

// cor52Statement is Cor. 5.2 as data, so that tests can plant a wrong one.
type cor52Statement struct {
	smallK func(m int) int      // regime 1 is K ≤ smallK(m)
	largeK func(m int) *big.Rat // regime 3 is K ≥ largeK(m)
	nLower func(m int) int      // regimes 2–3
	nUpper func(m int) *big.Rat // regime 3
}

var paperCor52 = cor52Statement{
	smallK: bounds.Cor52SmallK, largeK: bounds.Cor52LargeK,
	nLower: bounds.Cor52NLower, nUpper: bounds.Cor52NUpper,
}

const gridM3 = 60

// kMax3 is the last K of the 3-layer grid for m: (m²+m+4)/2 plus a margin.
func kMax3(m int) int { return (m*m+m+4)/2 + m + 10 }

func (st cor52Statement) regime(m, K int) int {
	switch {
	case K <= st.smallK(m):
		return 1
	case big.NewRat(int64(K), 1).Cmp(st.largeK(m)) < 0:
		return 2
	}
	return 3
}

// checkCor52 walks every (m, K), 1 ≤ m ≤ mMax, 3 ≤ K ≤ kMax3(m).
func checkCor52(cfg Config, st cor52Statement, tab *thm51Table, mMax int, l *failureLog) (int, bool) {
	th := tab.bounds()
	n := 0
	for m := 1; m <= mMax; m++ {
		if cfg.Expired() {
			return n, false
		}
		for K := 3; K <= kMax3(m); K++ {
			n++
			nlo, nhi := th.nRange(m, K)
			p := gridPoint{m: m, N: -1, K: K}
			r := st.regime(m, K)
			if r == 1 {
				checkN(l, p, nStatement{lower: K, lowerWhat: "Cor 5.2.1 N* = K (K ≤ ⌊m²/16⌋)"}, nlo, nhi, th.name, nil)
				checkCor52Steps1(l, m, K)
				continue
			}
			A := st.nLower(m)
			s := nStatement{
				lower: A, lowerTrue: A <= 0,
				lowerWhat: fmt.Sprintf("Cor 5.2.%d lower bound ⌊m²/108 − 2/3⌋ ≤ N*", r),
			}
			if r == 3 {
				s.upper, s.upperWhat = st.nUpper(m), "Cor 5.2.3 upper bound N* ≤ (m²+m)/6 (K ≥ (m²+m+4)/2)"
			}
			checkN(l, p, s, nlo, nhi, th.name, tab.sharpFacts(m, K))
			checkCor52Steps23(l, m, K, A)
		}
	}
	return n, true
}

// checkCor52Steps1 walks the regime-1 proof: 4√K ≤ m, then a construction
// with integer widths at N = K.
func checkCor52Steps1(l *failureLog, m, K int) {
	p := gridPoint{m: m, N: K, K: K}
	if bounds.Thm51U1(K).CmpInt(m) > 0 {
		l.add(FindProofStep, undecided, "Cor 5.2.1 step 4√K ≤ m fails", p, func() string {
			return fmt.Sprintf("4√K = %v > %d", bounds.Thm51U1(K), m)
		})
	}
	integerFit(l, "Cor 5.2.1 step \"4√K ≤ m ⇒ the U1 network fits in m neurons\"", p, m, K, K)
}

// checkCor52Steps23 walks the regime-2/3 proof at N = A.
func checkCor52Steps23(l *failureLog, m, K, A int) {
	p := gridPoint{m: m, N: A, K: K}
	if bounds.Thm51U1(K).CmpInt(m) < 0 {
		l.add(FindProofStep, undecided, "Cor 5.2.2–3 step 4√K ≥ m (K ≥ ⌊m²/16⌋+1) fails", p, func() string {
			return fmt.Sprintf("4√K = %v < %d", bounds.Thm51U1(K), m)
		})
	}
	if A < 1 {
		return // N* ≥ A ≤ 0 needs no network
	}
	if bounds.Thm51U3(A).CmpInt(m) > 0 {
		l.add(FindProofStep, undecided, "Cor 5.2.2–3 step 6√(3A+2) ≤ m fails", p, func() string {
			return fmt.Sprintf("6√(3A+2) = %v > %d", bounds.Thm51U3(A), m)
		})
	}
	integerFit(l, "Cor 5.2.2–3 step \"6√(3A+2) ≤ m ⇒ the U3 network fits in m neurons\"", p, m, A, K)
}

// integerFit reports when none of the paper's constructions fits in m ReLUs
// at (N, K) with integer widths; the statement is then decided true if the
// lifted 2-layer network fits, else left undecided.
func integerFit(l *failureLog, step string, p gridPoint, m, N, K int) {
	c, name := paperInt(N, K)
	if c <= m {
		return
	}
	status := stepOnly
	if liftInt(N, K) <= m {
		status = decidedTrue
	}
	what := step + " fails for integer widths"
	l.add(FindProofStep, status, what, p, func() string {
		s := fmt.Sprintf("the paper's constructions with integer widths need at least %d ReLUs (cheapest %s; U1 %d, U2 %d, U3 %d) > m = %d",
			c, name, u1Int(K), u2Int(N, K), u3Int(N, K), m)
		if status == decidedTrue {
			s += fmt.Sprintf("; the best 2-layer network lifted by one carrier neuron (min{3N+1, K−1, flat-end count} + 1 = %d ≤ m) fits, so N* ≥ %d holds", liftInt(N, K), N)
		}
		return s
	})
}

func runCor52(cfg Config) Result { return cor52Run(cfg, paperCor52, exhaustiveK(cfg, gridM3)) }

// cor52Run checks st on the grid 1 ≤ m ≤ mMax, 3 ≤ K ≤ kMax3(m) and
// assembles the claim's Result.
func cor52Run(cfg Config, st cor52Statement, mMax int) Result {
	l := newFailureLog()
	tab := newThm51Table(kMax3(mMax))
	n, done := checkCor52(cfg, st, tab, mMax, l)
	ev := fmt.Sprintf("every (m, K) with 1 ≤ m ≤ %d, 3 ≤ K ≤ (m²+m+4)/2 + m + 10 (%d points, exhaustive, exact): "+
		"N* bracketed by inverting Thm 5.1's bounds as stated (⌊upper⌋, ⌈lower⌉ from exact surds); each regime's bounds "+
		"and each step of the proof (as stated and with integer widths) checked. %d point(s) where a bound does not follow and is undecided, %d where it is false; "+
		"%d point(s) where a bound does not follow or an integer-width step fails but exact facts decide it true, %d where an integer-width step fails and nothing checked here fits. "+
		"A verdict of holds is conditional on Thm 5.1 as stated: where its constructions with integer widths fall short (proof-step findings), the lower bounds on N* rest on the theorem's real-valued bounds.",
		mMax, n, l.count(undecided), l.count(decidedFalse), l.count(decidedTrue), l.count(stepOnly))
	return derivedResult(cfg, "C5.2", l, n, done, ev)
}
