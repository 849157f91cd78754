package theorem

// derived_test.go tests the grid checks of derived*.go: the paper's
// statements give the findings worked out by hand in the file comments, and
// planted wrong statements (a bound off by one) are reported at the smallest
// point an independent computation predicts.

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/bounds"
)

func testCfg() Config { return Config{Ctx: context.Background(), Seed: 1, Checks: 100} }

// groupAt returns the failure group whose text contains what, or nil.
func groupAt(l *failureLog, what string) *failureGroup {
	for _, g := range l.sorted() {
		if strings.Contains(g.what, what) {
			return g
		}
	}
	return nil
}

func wantGroup(t *testing.T, l *failureLog, what string, status truth, first gridPoint, count int) {
	t.Helper()
	var g *failureGroup
	for _, h := range l.sorted() {
		if strings.Contains(h.what, what) && h.status == status {
			g = h
			break
		}
	}
	if g == nil {
		t.Fatalf("no failure %q; groups: %v", what, describe(l))
	}
	if g.first != first || (count >= 0 && g.count != count) {
		t.Fatalf("%q: status %d first %v count %d, want status %d first %v count %d",
			what, g.status, g.first, g.count, status, first, count)
	}
}

func describe(l *failureLog) []string {
	var out []string
	for _, g := range l.sorted() {
		out = append(out, g.what+" @ "+g.first.String())
	}
	return out
}

// TestCor42Paper: the only failures are the upper bound at K = m+2, once per
// m (1 ≤ m ≤ 60, all with m+2 ≤ 200): Thm 4.1.2 gives min{3N, m} ≤ m there,
// no information. With N = ⌊m/3⌋ + 1, the flat-piece network needs K − 2 = m
// neurons as soon as K > 2N + 1, i.e. m − 1 > 2⌊m/3⌋: m = 2 and every m ≥ 4
// (58 points, smallest m=2, K=4), where the statement is false; at m = 3
// (K = 5, N = 2) the two-peak network needs 3 neurons: false too (59 in
// all). At m = 1 the exact 1-D decision shows z = (0, 1, 0) needs 2
// neurons: true. For K ≥ m+3, N* = ⌊m/3⌋ exactly (beyond the paper), at
// Σ_m (198 − m) points.
func TestCor42Paper(t *testing.T) {
	l, exact := newFailureLog(), newFailureLog()
	n, _ := checkCor42(testCfg(), paperCor42, thm41, gridM2, gridK2, l, exact)
	if n != gridM2*(gridK2-2) {
		t.Fatalf("checked %d points", n)
	}
	if len(l.groups) != 2 {
		t.Fatalf("groups: %v", describe(l))
	}
	wantGroup(t, l, "upper bound N* ≤ m/3", decidedTrue, gridPoint{1, -1, 3}, 1)
	wantGroup(t, l, "upper bound N* ≤ m/3", decidedFalse, gridPoint{2, -1, 4}, 59)
	wantGroup(t, exact, "N* is determined exactly", decidedTrue, gridPoint{1, -1, 4}, gridM2*198-gridM2*(gridM2+1)/2)
	res := runCor42(testCfg())
	if res.Verdict != Counterexample || len(res.Findings) != 3 {
		t.Fatalf("result %+v", res)
	}
	if f := res.Findings[1]; f.Kind != FindCounterexample || f.Instance.Params["m"] != "2" || f.Instance.Params["K"] != "4" ||
		!strings.Contains(f.Text, "all 4 sets T") {
		t.Fatalf("second finding %+v", f)
	}
}

// TestCor42PlantedLowerPlusOne: with ⌊(m−1)/3⌋ + 1 in place of ⌊(m−1)/3⌋ the
// lower bound fails at every point of regime 1. It is decided false where
// it exceeds Nhi = ⌊m/3⌋ (K ≥ m+3), i.e. for m ≢ 0 (mod 3); smallest m=1,
// K=4. At K = m+2 (Nhi = K) it stays undecided; smallest m=1, K=3.
func TestCor42PlantedLowerPlusOne(t *testing.T) {
	st := paperCor42
	st.nLower = func(m int) int { return bounds.Cor42NLower(m) + 1 }
	l := newFailureLog()
	checkCor42(testCfg(), st, thm41, gridM2, gridK2, l, newFailureLog())
	falseCount := 0
	for m := 1; m <= gridM2; m++ {
		if m%3 != 0 {
			falseCount += gridK2 - (m + 3) + 1
		}
	}
	wantGroup(t, l, "lower bound ⌊(m−1)/3⌋ ≤ N*", decidedFalse, gridPoint{1, -1, 4}, falseCount)
	g := l.groups["proof-step|0|Cor 4.2.1 lower bound ⌊(m−1)/3⌋ ≤ N* (K ≥ m+2) does not follow from Thm 4.1"]
	if g == nil || g.first != (gridPoint{1, -1, 3}) {
		t.Fatalf("undecided lower group missing or misplaced: %v", describe(l))
	}
	if verdictOf(l) != Counterexample {
		t.Fatal("a decided-false point must give a counterexample verdict")
	}
}

// TestCor42PlantedUpperMinusThird: N* ≤ (m−1)/3 fails where Nhi = ⌊m/3⌋ >
// (m−1)/3, i.e. m ≡ 0 (mod 3) for K ≥ m+3, besides the paper's 60 points
// at K = m+2.
func TestCor42PlantedUpperMinusThird(t *testing.T) {
	st := paperCor42
	st.nUpper = func(m int) *big.Rat { return big.NewRat(int64(m-1), 3) }
	l := newFailureLog()
	checkCor42(testCfg(), st, thm41, gridM2, gridK2, l, newFailureLog())
	extra := 0
	for m := 3; m <= gridM2; m += 3 {
		extra += gridK2 - (m + 3) + 1
	}
	total := 0
	for _, g := range l.sorted() {
		if strings.Contains(g.what, "upper bound N* ≤ m/3") {
			total += g.count
		}
	}
	if total != gridM2+extra {
		t.Fatalf("%d upper-bound failures, want %d", total, gridM2+extra)
	}
}

// TestR2: Remark 2 follows at every K; planted m* ≥ K−1 is undecided from
// K = 3 on, planted m* ≤ K−3 is false from K = 3 on.
func TestR2(t *testing.T) {
	l := newFailureLog()
	if n := checkR2(paperR2, thm41, gridK2, l); n != gridK2-2 || len(l.groups) != 0 {
		t.Fatalf("paper R2: %d points, %v", n, describe(l))
	}
	l = newFailureLog()
	checkR2(r2Statement{lo: func(K int) int { return K - 1 }, hi: paperR2.hi}, thm41, gridK2, l)
	wantGroup(t, l, "K ≤ m*+2", undecided, gridPoint{-1, 3, 3}, gridK2-2)
	l = newFailureLog()
	checkR2(r2Statement{lo: paperR2.lo, hi: func(K int) int { return K - 3 }}, thm41, gridK2, l)
	wantGroup(t, l, "m*+1 ≤ K", decidedFalse, gridPoint{-1, 3, 3}, gridK2-2)
}

// TestThm51Table: the cached integer bounds equal ⌊Thm51Upper⌋ and
// ⌈Thm51Lower⌉ computed directly.
func TestThm51Table(t *testing.T) {
	tab := newThm51Table(80)
	b := tab.bounds()
	for K := 3; K <= 80; K += 7 {
		for N := 0; N <= K; N++ {
			if got, want := b.hi(N, K), int(bounds.Thm51Upper(N, K).Floor().Int64()); got != want {
				t.Fatalf("hi(%d,%d) = %d, want %d", N, K, got, want)
			}
			if got, want := b.lo(N, K), int(bounds.Thm51Lower(N, K).Ceil().Int64()); got != want {
				t.Fatalf("lo(%d,%d) = %d, want %d", N, K, got, want)
			}
		}
	}
}

// TestU1Int: 2·min{a+b : ab ≥ K} = 2⌈2√K⌉ (⌈2√K⌉ = least s with s² ≥ 4K).
func TestU1Int(t *testing.T) {
	for K := 1; K <= 500; K++ {
		s := 0
		for s*s < 4*K {
			s++
		}
		if got := u1Int(K); got != 2*s {
			t.Fatalf("u1Int(%d) = %d, want %d", K, got, 2*s)
		}
	}
}

// TestCor52Paper: the bound failures are exactly the regime-3 boundary
// K = (m²+m+4)/2, once per m (2(K−2) = m²+m: the lower bound says nothing),
// all decided true by the (d1+1)(d2+1) piece count and the zigzag witness;
// the first integer-width failure of the regime-1 step is m = 7, K = 3
// (2⌈2√3⌉ = 8 > 7), decided true by the lifted network (min{3·3+1, 2}+1 = 3).
func TestCor52Paper(t *testing.T) {
	l := newFailureLog()
	checkCor52(testCfg(), paperCor52, newThm51Table(kMax3(gridM3)), gridM3, l)
	wantGroup(t, l, "upper bound N* ≤ (m²+m)/6", decidedTrue, gridPoint{1, -1, 3}, gridM3)
	if g := groupAt(l, "lower bound ⌊m²/108"); g != nil {
		t.Fatalf("lower bound should follow everywhere: %v", describe(l))
	}
	if g := groupAt(l, "N* = K"); g != nil {
		t.Fatalf("regime 1 should follow everywhere: %v", describe(l))
	}
	g := l.groups["proof-step|2|Cor 5.2.1 step \"4√K ≤ m ⇒ the U1 network fits in m neurons\" fails for integer widths"]
	if g == nil || g.first != (gridPoint{7, 3, 3}) {
		t.Fatalf("regime-1 integer step: %v", describe(l))
	}
}

// TestCor52PlantedSmallKPlusOne: with regime 1 up to ⌊m²/16⌋ + 1, N* = K
// stops following where ⌊4√K⌋ > m at K = ⌊m²/16⌋ + 1 (K ≥ 3): found by an
// integer search here, independently of the check.
func TestCor52PlantedSmallKPlusOne(t *testing.T) {
	st := paperCor52
	st.smallK = func(m int) int { return bounds.Cor52SmallK(m) + 1 }
	l := newFailureLog()
	checkCor52(testCfg(), st, newThm51Table(kMax3(20)), 20, l)
	var first gridPoint
	for m := 1; m <= 20; m++ {
		K := m*m/16 + 1
		s := 0 // ⌊4√K⌋ = max{s : s² ≤ 16K}
		for (s+1)*(s+1) <= 16*K {
			s++
		}
		if K >= 3 && s > m {
			first = gridPoint{m, -1, K}
			break
		}
	}
	wantGroup(t, l, "N* = K", undecided, first, -1)
}

// TestD33Paper: both theorems' bounds pass consistency, monotonicity and the
// round trip.
func TestD33Paper(t *testing.T) {
	if res := runD33(testCfg()); res.Verdict != Holds || len(res.Findings) != 0 {
		t.Fatalf("D3.3: %+v", res)
	}
}

// TestD33PlantedDip: an upper bound that dips by 5 at N = 5 decreases in N
// first at (N=4, K=5) (min{13,4} = 4 → min{16,4}−5 = −1), falls below the
// lower bound at (N=5, K=5) (min{15,3} = 3 > −1), and breaks the round trip.
func TestD33PlantedDip(t *testing.T) {
	b := mBounds{name: "planted", lo: thm41.lo, hi: func(N, K int) int {
		if N == 5 {
			return thm41.hi(N, K) - 5
		}
		return thm41.hi(N, K)
	}}
	l := newFailureLog()
	checkD33(testCfg(), b, 40, l)
	wantGroup(t, l, "upper bound on m* decreases in N", undecided, gridPoint{-1, 4, 5}, -1)
	wantGroup(t, l, "lower bound exceeds upper bound", decidedFalse, gridPoint{-1, 5, 5}, -1)
	if groupAt(l, "the upper bound does not round-trip") == nil {
		t.Fatalf("round trip not caught: %v", describe(l))
	}
}

// TestR5Paper: on the sweep, the sup of upper/lower is 4√3 at N = 2, K = 3
// (upper min{2√3 + min{2√3, 6}, 6√8} = 4√3, lower √(2·1 + 1/4) − 1/2 = 1, by
// hand), no point is bigger (checked here by exact enclosures, not by the
// ratio comparison of the check), and the ratio does not grow.
func TestR5Paper(t *testing.T) {
	l := newFailureLog()
	levels := []r5Level{{8, 32}, {16, 64}}
	sups, rims, newNs, n, _ := checkR5(testCfg(), paperR5, levels, l)
	res := r5Result(testCfg(), l, levels, sups, rims, newNs, n, true)
	if res.Verdict != Holds || len(res.Findings) != 0 {
		t.Fatalf("R5: %+v", res)
	}
	if s := sups[1]; s.N != 2 || s.K != 3 || s.u.String() != "4√3" || s.l.String() != "1" {
		t.Fatalf("sup at %v", s)
	}
	top := bounds.SqrtInt(48) // 4√3
	for N := 1; N <= 16; N++ {
		for K := max(N, 3); K <= 64; K++ {
			u, lo := bounds.Thm51Upper(N, K), bounds.Thm51Lower(N, K)
			_, uh := u.Enclose(60)
			ll, _ := lo.Enclose(60)
			th, _ := top.Enclose(60)
			// u/lo ≤ 4√3 is certain when uh ≤ th·ll − slack; else compare exactly.
			if new(big.Rat).Mul(th, ll).Cmp(uh) < 0 && bounds.CmpRatio(u, lo, top, bounds.FromInt(1)) > 0 {
				t.Fatalf("ratio at N=%d K=%d exceeds 4√3", N, K)
			}
		}
	}
}

// TestR5PlantedLinearUpper: an upper bound 3N+1 (Θ(N), not Θ(√N)) exceeds
// 6√5·√N first at N = 20 ((3N+1)² > 180N, integer search) and its ratio to
// the lower bound keeps growing along the sweep.
func TestR5PlantedLinearUpper(t *testing.T) {
	b := r5Bounds{lower: bounds.Thm51Lower, upper: func(N, K int) bounds.Surd { return bounds.FromInt(3*N + 1) }}
	first := 1
	for (3*first+1)*(3*first+1) <= 180*first {
		first++
	}
	l := newFailureLog()
	levels := []r5Level{{8, 32}, {16, 64}, {32, 128}}
	sups, rims, newNs, n, _ := checkR5(testCfg(), b, levels, l)
	res := r5Result(testCfg(), l, levels, sups, rims, newNs, n, true)
	wantGroup(t, l, "upper bound above 6√5·√N", undecided, gridPoint{-1, first, max(first, 3)}, -1)
	if groupAt(l, "still grows") == nil || res.Verdict != Inconclusive {
		t.Fatalf("growth not caught: %v", describe(l))
	}
}
