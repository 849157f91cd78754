package theorem

import (
	"math/big"
	"os"
	"testing"
	"time"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
)

// TestP61Grid: the App. B network fine-tunes every grid, sweep and sampled
// problem with depth L and within the stated width (the sweep at K = 128
// includes N = 13, L = 5, where U1 and U2 blocks are too wide and the
// paper's U3 block with its √n × √n shape gives width 22 > 14√2 + 2: only
// the width-minimising U3 shape certifies it).
func TestP61Grid(t *testing.T) {
	res := p61Check(yunCfg(), construction.Deep, p61Budget{gridK: 10, maxK: 16, sweepK: []int{128}})
	t.Log(res.Verdict, res.Evidence)
	for _, f := range res.Findings {
		t.Log(f.Kind, f.Text)
	}
	if res.Verdict != Holds {
		t.Fatalf("verdict %s: %+v", res.Verdict, res.Findings)
	}
}

// TestP61CatchesCarrierOff: a carrier whose bias is off by −(spread + 2)
// is cut by its ReLU on the leftmost samples; the check must return a
// counterexample shrunk to a small instance.
func TestP61CatchesCarrierOff(t *testing.T) {
	build := func(in *instance.Instance, L int) (*construction.Built, error) {
		return construction.DeepWith(in, L, construction.Fault{CarrierOffset: big.NewRat(-1, 1)})
	}
	res := p61Check(yunCfg(), build, p61Budget{gridK: 0, maxK: 24})
	if res.Verdict != Counterexample {
		t.Fatalf("carrier off not caught: %s %s", res.Verdict, res.Evidence)
	}
	in := res.Findings[0].Instance
	t.Logf("caught at L=%s K=%d N=%d T=%v x=%v z=%v", in.Params["L"], in.K, in.N, in.T, in.X, in.Z)
	if in.K > 8 {
		t.Errorf("shrunk only to K = %d", in.K)
	}
}

// TestYunDefaultChecks runs checkT51U1, checkT51U2 and checkP61 with their
// default budgets (what `ftcheck check` runs); set FTCHECK_LONG=1.
func TestYunDefaultChecks(t *testing.T) {
	if os.Getenv("FTCHECK_LONG") == "" {
		t.Skip("set FTCHECK_LONG=1 to run the default budgets")
	}
	for name, check := range map[string]func(Config) Result{"U1": checkT51U1, "U2": checkT51U2, "P6.1": checkP61} {
		start := time.Now()
		res := check(yunCfg())
		t.Logf("%s: %s in %v: %s", name, res.Verdict, time.Since(start), res.Evidence)
		for _, f := range res.Findings {
			t.Logf("  %s: %s", f.Kind, f.Text)
		}
		if res.Verdict == Counterexample {
			t.Errorf("%s: counterexample", name)
		}
	}
}

// TestP61BlockWidthFinding: the paper's U3 grouping is wider than
// 4√(3n+2) for some small n (integer widths; e.g. |J| = 23 needs 5 σL units
// of 4 ReLUs, 20 > 4√23): the finding names it with a verified network.
func TestP61BlockWidthFinding(t *testing.T) {
	f := p61BlockWidthFinding(yunCfg(), 30)
	if len(f) != 1 || f[0].Kind != FindProofStep {
		t.Fatalf("want one proof-step finding, got %+v", f)
	}
	t.Log(f[0].Text)
}
