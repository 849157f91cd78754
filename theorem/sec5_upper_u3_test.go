package theorem

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/bounds"
	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/internal/search"
)

// TestCheckT51U3Holds: the U3 part holds on a reduced budget (rapid K ≤ 64),
// with the rounding proof step at (N, K) = (1, 5), the σL and betweenness
// proof steps, and the beyond-paper T-only finding.
func TestCheckT51U3Holds(t *testing.T) {
	search.Configure(13, 30)
	bud := u3Default
	bud.maxK = 64
	res := checkT51U3With(Config{Seed: 13, Checks: 30}, construction.U3, bud)
	if res.Verdict != Holds {
		t.Fatalf("verdict %s: %s %+v", res.Verdict, res.Evidence, res.Findings)
	}
	want := map[string]bool{"first at N = 1, K = 5": false, "σL(t)": false, "different groups": false, "does not need J": false}
	for _, f := range res.Findings {
		for k := range want {
			want[k] = want[k] || strings.Contains(f.Text, k)
		}
	}
	for k, ok := range want {
		if !ok {
			t.Errorf("no finding mentioning %q", k)
		}
	}
	t.Log(res.Evidence)
}

// TestAboveU3MatchesBounds: m > 6√(3N+2) by squaring agrees with the bounds
// package's exact surd comparison, and the first excess is N = 1, |J| = 5:
// 2⌈√5⌉ + 4⌈5/3⌉ = 14 > 6√5 ≈ 13.42 (by hand).
func TestAboveU3MatchesBounds(t *testing.T) {
	for N := 0; N <= 200; N++ {
		for m := 0; m <= 120; m++ {
			if aboveU3(m, N) == bounds.LeqInt(m, bounds.Thm51U3(N)) {
				t.Fatalf("N=%d m=%d: squaring says above=%v, bounds says ≤ %v", N, m, aboveU3(m, N), bounds.LeqInt(m, bounds.Thm51U3(N)))
			}
		}
	}
	if u3Count(5) != 14 || !aboveU3(14, 1) || aboveU3(u3Count(4), 1) || aboveU3(u3Count(2), 0) {
		t.Fatalf("u3Count(5) = %d, u3Count(4) = %d, u3Count(2) = %d", u3Count(5), u3Count(4), u3Count(2))
	}
	if _, n, k := u3GridText(10); n != 1 || k != 5 {
		t.Fatalf("first excess at N=%d K=%d, want N=1 K=5", n, k)
	}
}

// TestCheckT51U3CatchesPlantedBugs: λ = 0, a window off by one group and σL
// one ReLU short are each found by the rapid search and shrunk small.
func TestCheckT51U3CatchesPlantedBugs(t *testing.T) {
	short := construction.SigmaL(big.NewRat(1, 1))
	short.Alpha, short.Beta, short.Gamma = short.Alpha[:3], short.Beta[:3], short.Gamma[:3]
	tampers := map[string]construction.Tamper{
		"λ = 0": {Lambda: func(*big.Rat) *big.Rat { return new(big.Rat) }},
		"window off by one group": {Windows: func(ws []construction.Window) {
			if len(ws) > 2 {
				ws[0].R = ws[1].R
			}
		}},
		"σL one ReLU short": {Gadget: &short},
	}
	search.Configure(9, 100)
	for name, tp := range tampers {
		build := func(in *instance.Instance) (*construction.Built, error) {
			return construction.U3With(in, construction.U3Options{Tamper: tp})
		}
		res := checkT51U3With(Config{Seed: 9, Checks: 100}, build, u3Budget{gridN: 3, sweepN: 3, buildN: -1, maxK: 24})
		if res.Verdict != Counterexample || res.Findings[0].Instance == nil {
			t.Fatalf("%s: verdict %s, %+v", name, res.Verdict, res.Findings)
		}
		if k := res.Findings[0].Instance.K; k > 8 {
			t.Errorf("%s: shrunk only to K = %d", name, k)
		}
		t.Logf("%s: K = %d, T = %v: %s", name, res.Findings[0].Instance.K, res.Findings[0].Instance.T, res.Findings[0].Text)
	}
}

// TestU3ExceedList: the excess list for N ≤ 8 against a hand computation of
// the cost c(n) = 2⌈√n⌉ + 4⌈n/⌈√n⌉⌉ at n = |J| = min{3N+2, K}:
// N=1: 6√5 ≈ 13.42, c(4) = 12, c(5) = 14 → from K = 5;
// N=2: 6√8 ≈ 16.97, c(6) = 14, c(7) = 18 → K = 7;
// N=3: 6√11 ≈ 19.90, c(9) = 18, c(10) = 20 → K = 10;
// N=4: 6√14 ≈ 22.45, c(12) = 20, c(13) = 24 → K = 13;
// N=5: 6√17 ≈ 24.74, c(16) = 24, c(17) = 26 → K = 17;
// N=6: 6√20 ≈ 26.83 ≥ c(20) = 26 → never; N=0: c(2) = 8 ≤ 6√2 ≈ 8.49 → never;
// N=7: 6√23 ≈ 28.78, c(20) = 26, c(21) = 30 → K = 21;
// N=8: 6√26 ≈ 30.59, c(25) = 30, c(26) = 32 → K = 26.
func TestU3ExceedList(t *testing.T) {
	if got := u3ExceedList(8); got != "1:5 2:7 3:10 4:13 5:17 7:21 8:26" {
		t.Fatalf("got %q", got)
	}
}
