package theorem

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/internal/search"
)

// TestCheckAHolds: the A check passes with its default budget (exhaustive
// T ⊆ [K] for K ≤ 8, rapid draws up to K = 256, d ≤ 8) and reports the eq. 31
// proof step with an exact instance.
func TestCheckAHolds(t *testing.T) {
	search.Configure(11, 30)
	res := checkA(Config{Seed: 11, Checks: 30})
	if res.Verdict != Holds {
		t.Fatalf("verdict %s: %s %+v", res.Verdict, res.Evidence, res.Findings)
	}
	found := false
	for _, f := range res.Findings {
		found = found || (f.Kind == FindProofStep && f.Instance != nil && strings.Contains(f.Text, "eq. 31"))
	}
	if !found {
		t.Fatalf("no demonstrated eq. 31 finding: %+v", res.Findings)
	}
	t.Log(res.Evidence)
}

// plantedBuilds are A's two networks with the planted bugs.
func plantedABuilds() map[string]aBuilds {
	short := construction.SigmaT(big.NewRat(1, 1))
	short.Alpha, short.Beta, short.Gamma = short.Alpha[:1], short.Beta[:1], short.Gamma[:1]
	tampers := map[string]construction.Tamper{
		"λ = 0": {Lambda: func(*big.Rat) *big.Rat { return new(big.Rat) }},
		"window off by one group": {Windows: func(ws []construction.Window) {
			if len(ws) > 2 {
				ws[0].R = ws[1].R
			}
		}},
		"σT one ReLU short": {Gadget: &short},
	}
	out := map[string]aBuilds{}
	for name, tp := range tampers {
		paper := func(in *instance.Instance) (*construction.Built, error) { return construction.AppendixAWith(in, tp) }
		uniform := func(in *instance.Instance) (*construction.Built, error) {
			return construction.AppendixAUniformWith(in, tp)
		}
		out[name] = aBuilds{paper: paper, uniform: construction.AppendixAUniform}
		out[name+" (uniform)"] = aBuilds{paper: construction.AppendixA, uniform: uniform}
	}
	return out
}

// TestCheckACatchesPlantedBugs: with the exhaustive grid off, the rapid
// search finds every planted bug, in either network, and shrinks it to a
// small instance.
func TestCheckACatchesPlantedBugs(t *testing.T) {
	search.Configure(5, 100)
	for name, build := range plantedABuilds() {
		res := checkAWith(Config{Seed: 5, Checks: 100}, build, aBudget{gridK: 0, maxK: 24, maxD: 3, uniformK: 24})
		if res.Verdict != Counterexample || len(res.Findings) == 0 || res.Findings[0].Instance == nil {
			t.Fatalf("%s: verdict %s, %+v", name, res.Verdict, res.Findings)
		}
		if k := res.Findings[0].Instance.K; k > 6 {
			t.Errorf("%s: shrunk only to K = %d", name, k)
		}
		t.Logf("%s: K = %d, T = %v: %s", name, res.Findings[0].Instance.K, res.Findings[0].Instance.T, res.Findings[0].Text)
	}
}

// TestCheckAExpired: a cancelled context gives Inconclusive, never Holds.
func TestCheckAExpired(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if res := checkA(Config{Ctx: ctx, Seed: 1, Checks: 10}); res.Verdict != Inconclusive {
		t.Fatalf("verdict %s", res.Verdict)
	}
}

// TestABelowThm51: by hand, 4N+4 = 8 < 2√K + 3 first at K = 7 for N = 1
// (2√6 + 3 ≈ 7.90, 2√7 + 3 ≈ 8.29, 6√5 ≈ 13.4), and the last N with
// 4N+4 < 6√(3N+2) is 5 (24 < 6√17 ≈ 24.7; 28 > 6√20 ≈ 26.8).
func TestABelowThm51(t *testing.T) {
	below, _, first, largestN := aBelowThm51(12, 400)
	if below == 0 || first != [2]int{1, 7} || largestN != 5 {
		t.Fatalf("below %d, first %v, largest N %d; want first (1, 7), largest N 5", below, first, largestN)
	}
}
