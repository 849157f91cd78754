package theorem

import (
	"math"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/experiment"
)

// fittedSweep is a finished sweep whose fitted exponents are e3 and e2.
func fittedSweep(e3, e2 float64) *experiment.Result {
	return &experiment.Result{
		Config: experiment.QuickConfig(s7Seed),
		Fits:   map[int]experiment.Fit{3: {Exponent: e3, Min: e3, Max: e3}, 2: {Exponent: e2, Min: e2, Max: e2}},
	}
}

// S7 holds exactly when the 3-layer exponent lies in [1/4, 3/4]; just
// outside either end, or at the 2-layer rate 1, the check reports a
// counterexample with the command that reproduces the run.
func TestS7VerdictFollowsBand(t *testing.T) {
	cases := []struct {
		e3   float64
		want Verdict
	}{
		{0.5, Holds}, {0.25, Holds}, {0.75, Holds},
		{0.249, Counterexample}, {0.751, Counterexample}, {1.0, Counterexample}, {0, Counterexample},
		{math.NaN(), Inconclusive},
	}
	for _, c := range cases {
		res := judgeS7(fittedSweep(c.e3, 2))
		if res.Verdict != c.want {
			t.Errorf("3-layer exponent %v: verdict %s, want %s", c.e3, res.Verdict, c.want)
		}
		if c.want == Counterexample && (len(res.Findings) == 0 || !strings.Contains(res.Findings[0].Reproduce, "experiment fig9 -quick")) {
			t.Errorf("3-layer exponent %v: counterexample without a reproducing command: %+v", c.e3, res.Findings)
		}
		if !strings.Contains(res.Evidence, "float64") {
			t.Errorf("evidence does not say the arithmetic is float64: %q", res.Evidence)
		}
	}
}

// A sweep cut short is inconclusive, never a pass.
func TestS7PartialIsInconclusive(t *testing.T) {
	r := fittedSweep(0.5, 1)
	r.Partial = true
	if v := judgeS7(r).Verdict; v != Inconclusive {
		t.Fatalf("partial sweep: verdict %s", v)
	}
}

// When the 3-layer exponent is not below the 2-layer one, the run does not
// separate Thm 5.1's growth from Thm 4.1's, and a finding says so.
func TestS7FlagsNoSeparation(t *testing.T) {
	if fs := judgeS7(fittedSweep(0.5, 0.9)).Findings; len(fs) != 0 {
		t.Errorf("separated exponents gave findings %+v", fs)
	}
	fs := judgeS7(fittedSweep(0.4, 0.4)).Findings
	if len(fs) != 1 || fs[0].Kind != FindProofStep {
		t.Errorf("equal exponents: findings %+v, want one proof-step", fs)
	}
}

// The parameter-count finding appears when the least 2- and 3-layer g at
// the largest N have parameter counts within 25% (m = 69 and 46 at d = 10:
// 829 each), and not when they are far apart (m = 69 against m = 10).
func TestS7SameParamsFinding(t *testing.T) {
	r := fittedSweep(0.5, 0.9)
	n := r.Config.Ns[len(r.Config.Ns)-1]
	withM := func(m2, m3 int) *experiment.Result {
		c := *r
		c.Points = []experiment.Point{{Depth: 2, N: n, LeastM: m2}, {Depth: 3, N: n, LeastM: m3}}
		return &c
	}
	has := func(res Result) bool {
		for _, f := range res.Findings {
			if f.Kind == FindBeyondPaper {
				return true
			}
		}
		return false
	}
	if !has(judgeS7(withM(69, 46))) {
		t.Errorf("equal parameter counts (829, 829): no finding")
	}
	if has(judgeS7(withM(69, 10))) {
		t.Errorf("parameter counts 829 and %d: finding anyway", experiment.Params(3, 10, 10))
	}
}
