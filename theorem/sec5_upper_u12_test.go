package theorem

import (
	"context"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/internal/search"
)

func yunCfg() Config {
	search.Configure(7, 100)
	return Config{Ctx: context.Background(), Seed: 7, Checks: 100}
}

// TestT51U1Holds: U1 fine-tunes every grid and sampled problem, its count is
// 2⌈2√K⌉ (the brute-force least), and it is above 4√K exactly at non-square
// K, reported as a proof-step finding at the smallest such K with N ≥ 1 (K = 3, where
// m = 8 > 4√3).
func TestT51U1Holds(t *testing.T) {
	res := yunCheck(yunCfg(), yunU1Spec(), yunBudget{gridK: 30, maxK: 48})
	if res.Verdict != Holds {
		t.Fatalf("verdict %s: %s %+v", res.Verdict, res.Evidence, res.Findings)
	}
	if len(res.Findings) != 1 || res.Findings[0].Kind != FindProofStep || res.Findings[0].Instance.K != 3 || res.Findings[0].Instance.N != 1 {
		t.Fatalf("want one proof-step finding at K = 3, got %+v", res.Findings)
	}
	if res.Findings[0].Instance.Params["m"] != "8" {
		t.Fatalf("K = 3: want m = 8 (hard-tanh widths 1 and 3), got %v", res.Findings[0].Instance.Params)
	}
	t.Log(res.Evidence)
	lean := yunLeanFinding(yunCfg(), yunBudget{gridK: 16, maxK: 32})
	if len(lean) != 1 || lean[0].Kind != FindBeyondPaper {
		t.Fatalf("the one-sided-clip U1 should fit within 4√K everywhere: %+v", lean)
	}
	t.Log(lean[0].Text)
}

// TestT51U2Holds: U2 fine-tunes every problem within 2√K + 3N; the literal
// recipe of the paper fails (proof step) and the one-window U2 is reported
// beyond the paper.
func TestT51U2Holds(t *testing.T) {
	cfg := yunCfg()
	res := yunCheck(cfg, yunU2Spec(), yunBudget{gridK: 20, maxK: 64, maxN: 12})
	res.Findings = append(res.Findings, yunU2PaperFinding(cfg)...)
	res.Findings = append(res.Findings, yunOneGroupFinding(cfg, 20)...)
	if res.Verdict != Holds {
		t.Fatalf("verdict %s: %s %+v", res.Verdict, res.Evidence, res.Findings)
	}
	kinds := map[FindingKind]int{}
	for _, f := range res.Findings {
		kinds[f.Kind]++
		t.Log(f.Kind, f.Text)
	}
	if kinds[FindProofStep] != 1 || kinds[FindBeyondPaper] != 1 || len(res.Findings) != 2 {
		t.Fatalf("want one proof-step and one beyond-paper finding, got %+v", res.Findings)
	}
	if !strings.Contains(res.Evidence, "above it at 0 of") {
		t.Fatalf("U2 should never exceed 2√K + 3N: %s", res.Evidence)
	}
	t.Log(res.Evidence)
}

// TestYunChecksCatchPlantedBugs: λ = 0, a hard-tanh or bump one ReLU short,
// each makes the check return a counterexample shrunk to a small instance.
func TestYunChecksCatchPlantedBugs(t *testing.T) {
	cases := []struct {
		name string
		spec yunSpec
	}{
		{"U1 λ=0", yunFaulty(yunU1Spec(), func(in *instance.Instance) (*construction.Built, error) {
			return construction.U1With(in, construction.Fault{LambdaZero: true})
		})},
		{"U1 σH one ReLU short", yunFaulty(yunU1Spec(), func(in *instance.Instance) (*construction.Built, error) {
			return construction.U1With(in, construction.Fault{DropReLU: true})
		})},
		{"U2 λ=0", yunFaulty(yunU2Spec(), func(in *instance.Instance) (*construction.Built, error) {
			return construction.U2With(in, construction.Fault{LambdaZero: true})
		})},
		{"U2 σB one ReLU short", yunFaulty(yunU2Spec(), func(in *instance.Instance) (*construction.Built, error) {
			return construction.U2With(in, construction.Fault{DropReLU: true})
		})},
	}
	for _, c := range cases {
		res := yunCheck(yunCfg(), c.spec, yunBudget{gridK: 0, maxK: 64, maxN: 16})
		if res.Verdict != Counterexample || len(res.Findings) == 0 || res.Findings[0].Instance == nil {
			t.Fatalf("%s: not caught: %s %+v", c.name, res.Verdict, res.Evidence)
		}
		in := res.Findings[0].Instance
		if in.K > 8 {
			t.Errorf("%s: shrunk only to K = %d", c.name, in.K)
		}
		t.Logf("%s: caught at K=%d N=%d T=%v x=%v z=%v", c.name, in.K, in.N, in.T, in.X, in.Z)
	}
}

func yunFaulty(s yunSpec, build func(*instance.Instance) (*construction.Built, error)) yunSpec {
	s.build = build
	return s
}
