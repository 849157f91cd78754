package theorem

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/internal/search"
	"github.com/ftcheck/ftcheck/theorem/drive"
)

// TestFaultSuite plants every fault of drive.Faults (a panic, the output
// bias off by 2⁻⁴⁰, one neuron fewer, a count one above the limit, an
// error, a build that never returns before the deadline) into every network
// of every claim of the table whose check builds networks, a claim added
// later included. No verdict may be Holds; a build that never returns must
// give Inconclusive; every counterexample must carry an instance that,
// replayed through its part with the same fault, fails again, and passes
// without it.
func TestFaultSuite(t *testing.T) {
	search.Configure(3, 10)
	builders := 0
	for _, c := range Claims() {
		if c.Parts == nil {
			continue
		}
		builders++
		for _, f := range drive.Faults {
			t.Run(c.ID+"/"+f.Name, func(t *testing.T) {
				limit := time.Minute
				if f.Stops {
					limit = time.Second
				}
				ctx, cancel := context.WithTimeout(context.Background(), limit)
				defer cancel()
				var reached atomic.Int64
				fault := func(s *drive.Site) ([]*construction.Built, error) {
					reached.Add(1)
					return f.Fault(s)
				}
				cfg := Config{Ctx: ctx, Seed: 3, Checks: 10, Fault: fault}
				res := Run(c, cfg)
				if reached.Load() == 0 {
					t.Fatalf("the fault never reached a network: does the check build through its Parts?")
				}
				switch {
				case res.Verdict == Holds:
					t.Fatalf("holds with a planted fault: %s", res.Evidence)
				case f.Stops && res.Verdict != Inconclusive:
					t.Fatalf("a build that never returns gave %s, want inconclusive: %s", res.Verdict, res.Evidence)
				}
				t.Logf("%s: %s", res.Verdict, firstLine(res))
				replayCounterexamples(t, c, cfg, f.Fault, res)
			})
		}
	}
	if builders < 8 {
		t.Fatalf("only %d claims build networks through drive.Parts; T4.4, T4.1-U, L4.5, T5.1-U, A, P6.1, D1.1=D3.1 and R1 do", builders)
	}
}

// replayCounterexamples rebuilds the case of every counterexample of res
// and replays it through the part that found it.
func replayCounterexamples(t *testing.T, c Claim, cfg Config, fault drive.Fault, res Result) {
	t.Helper()
	parts := map[string]drive.Part{}
	for _, p := range c.Parts(Config{Seed: cfg.Seed, Checks: cfg.Checks}) {
		parts[p.Name] = p
	}
	for _, fd := range res.Findings {
		if fd.Kind != FindCounterexample {
			continue
		}
		if fd.Instance == nil || fd.Reproduce == "" {
			t.Fatalf("a counterexample without an instance or a command: %+v", fd)
		}
		p, ok := parts[fd.Instance.Params["part"]]
		if !ok {
			t.Fatalf("the counterexample names part %q, not one of the claim's Parts", fd.Instance.Params["part"])
		}
		cs, err := drive.CaseOf(fd.Instance)
		if err != nil {
			t.Fatal(err)
		}
		if drive.Replay(Config{Fault: fault}, p, cs) == nil {
			t.Fatalf("the counterexample does not reproduce: %+v", fd.Instance)
		}
		if err := drive.Replay(Config{}, p, cs); err != nil {
			t.Fatalf("the counterexample fails without the fault: %v", err)
		}
	}
}

func firstLine(res Result) string {
	for _, fd := range res.Findings {
		if fd.Kind == FindCounterexample {
			return fd.Text
		}
	}
	return res.Evidence
}
