package theorem

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/internal/search"
	"github.com/ftcheck/ftcheck/lowerbound"
)

func lbConfig() Config {
	search.Configure(11, 100)
	return Config{Ctx: context.Background(), Seed: 11, Checks: 100}
}

func hasFinding(res Result, kind FindingKind, text string) bool {
	for _, f := range res.Findings {
		if f.Kind == kind && strings.Contains(f.Text, text) {
			return true
		}
	}
	return false
}

// TestT41LHolds: the claim holds with our witnesses, and the paper's K = 2N+1
// witness is reported as a proof-step finding with the smallest instance
// N = 2, K = 5, whose R = 2 was worked by hand (turns + + −).
func TestT41LHolds(t *testing.T) {
	res := checkT41L(lbConfig())
	if res.Verdict != Holds {
		t.Fatalf("verdict %s: %s", res.Verdict, res.Evidence)
	}
	found := false
	for _, f := range res.Findings {
		if f.Kind == FindProofStep && f.Instance != nil && f.Instance.K == 5 && f.Instance.N == 2 && f.Instance.Params["R"] == "2" {
			found = true
		}
	}
	if !found {
		t.Fatalf("no proof-step finding for the paper's K=2N+1 witness at N=2, K=5: %+v", res.Findings)
	}
	if !hasFinding(res, FindProofStep, "m = 1 neurons") {
		t.Fatalf("no literal-reading finding with a 1-neuron net: %+v", res.Findings)
	}
	if !hasFinding(res, FindLooseBound, "for every K ≥ 5 every instance") {
		t.Fatalf("no K ≥ 5 finding: %+v", res.Findings)
	}
	if !hasFinding(res, FindLooseBound, "(N=1,K=3)") {
		t.Fatalf("no loose-bound finding for (0,1,0): %+v", res.Findings)
	}
	t.Log(res.Evidence)
	for _, f := range res.Findings {
		t.Log(f.Kind, f.Text)
	}
}

// TestT41LPlantedBoundMinusOne: a counting lemma of m pieces (one fewer) is
// refuted by the generated or searched nets.
func TestT41LPlantedBoundMinusOne(t *testing.T) {
	res := checkT41LWith(lbConfig(), lbBudget{gridK: 12, certK: 0}, func(m int) int { return m }, func(N, K int) (*instance.Instance, error) {
		return lowerbound.Witness("T4.1-L", N, K)
	})
	if res.Verdict != Counterexample {
		t.Fatalf("planted m-piece lemma not refuted: %s", res.Verdict)
	}
}

// TestT41LPlantedWitness: a witness with one label changed (the first
// changed sample's sign flipped) is reported.
func TestT41LPlantedWitness(t *testing.T) {
	res := checkT41LWith(lbConfig(), lbBudget{gridK: 12, certK: 0}, lowerbound.TwoLayerPieces, func(N, K int) (*instance.Instance, error) {
		in, err := lowerbound.Witness("T4.1-L", N, K)
		if err == nil && N > 0 {
			i := in.T()[0]
			in.Z[i] = new(big.Rat).Neg(in.Z[i])
		}
		return in, err
	})
	if res.Verdict == Holds || !hasFinding(res, FindProofStep, "harness's witness forces fewer") {
		t.Fatalf("planted witness label not caught: %s %+v", res.Verdict, res.Findings)
	}
}

// TestT51LHolds: the claim holds; the algebra finding (the maximiser of
// 2d1d2 + d2 is not d1 = d2 = m/2) and the beyond-paper bound are reported.
func TestT51LHolds(t *testing.T) {
	res := checkT51L(lbConfig())
	if res.Verdict != Holds {
		t.Fatalf("verdict %s: %s %+v", res.Verdict, res.Evidence, res.Findings)
	}
	if !hasFinding(res, FindProofStep, "m/2 − 1/4") || !hasFinding(res, FindBeyondPaper, "(d1+1)(d2+1)") ||
		!hasFinding(res, FindProofStep, "m = 2 neurons") {
		t.Fatalf("findings: %+v", res.Findings)
	}
	t.Log(res.Evidence)
}

// TestT51LPlantedCountMinusOne: a piece count one below the paper's is
// refuted by generated or searched nets (e.g. d1 = d2 = 1 reaches 3 pieces).
func TestT51LPlantedCountMinusOne(t *testing.T) {
	res := checkT51LWith(lbConfig(), lbBudget{gridK: 10}, func(d1, d2 int) int {
		return lowerbound.MaxPieces3(d1, d2) - 1
	})
	if res.Verdict != Counterexample {
		t.Fatalf("planted count not refuted: %s", res.Verdict)
	}
}
