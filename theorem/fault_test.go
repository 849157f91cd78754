package theorem

import (
	"context"
	"fmt"
	"strings"
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

// plantedWant is what a claim's Planted check must report: its verdict, and
// a finding whose text contains text and whose instance names the point at
// (the smallest point where the planted bound fails, derived by hand in
// planted.go).
type plantedWant struct {
	verdict Verdict
	text    string
	at      map[string]string
}

var plantedWants = map[string]plantedWant{
	"D3.3":   {Inconclusive, "Thm 4.1: the lower bound does not round-trip", map[string]string{"N": "0", "K": "3"}},
	"T4.1-L": {Inconclusive, "forces fewer than min{3N, K−2} + 1 breakpoints", map[string]string{"N": "0", "K": "3"}},
	"R2":     {Inconclusive, "m*+1 ≤ K does not follow", map[string]string{"N": "3", "K": "3"}},
	"C4.2":   {Counterexample, "lower bound ⌊(m−1)/3⌋ ≤ N*", map[string]string{"m": "1", "K": "4"}},
	"D4.3":   {Counterexample, "P(Example 1's I)", map[string]string{"K": "13", "I": "{1,2,3,5,6,8,10,11,12,13}"}},
	"L4.6":   {Counterexample, "|P(I)| = 1 > min{|I|, |[K]∖I|} = 0", map[string]string{"K": "1", "I": "{1}"}},
	"L4.7":   {Counterexample, "Σ max{|P|−2,0} = 0 < max{K−3N−1, 0} = 1", map[string]string{"K": "2", "N": "0"}},
	"T5.1-L": {Counterexample, "M = 2: the stated bound 3", map[string]string{"M": "2", "N": "1", "K": "4"}},
	"R5":     {Inconclusive, "lower bound below N/2", map[string]string{"N": "3", "K": "3"}},
	"C5.2":   {Counterexample, "upper bound N* ≤ (m²+m)/6", map[string]string{"m": "1", "K": "3"}},
	"R4":     {Counterexample, "every block has ≤ 2 elements at K = 2 > 1", map[string]string{"K": "2"}},
	"S7":     {Counterexample, "outside [0.25, 0.75]", map[string]string{"exponent3": "1.00", "seed": "1"}},
}

// TestPlantedBoundsNeverHold runs, for every claim of the table whose check
// builds no network, the check with its stated bound off by one
// (Claim.Planted). No verdict may be Holds; each must be the one derived by
// hand, with a finding that names the smallest failing point and a command,
// and every counterexample finding must carry an instance and a command.
// Every claim has Parts or Planted, so a claim added later without either
// fails here.
func TestPlantedBoundsNeverHold(t *testing.T) {
	search.Configure(3, 10)
	planted := 0
	for _, c := range Claims() {
		if c.Parts == nil && c.Planted == nil {
			t.Errorf("%s has neither Parts nor Planted: nothing shows its check could fail", c.ID)
		}
		if c.Planted == nil {
			continue
		}
		planted++
		t.Run(c.ID, func(t *testing.T) {
			want, ok := plantedWants[c.ID]
			if !ok {
				t.Fatalf("no expected verdict for the planted %s: derive one by hand and add it", c.ID)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			start := time.Now()
			res := Run(Claim{ID: c.ID, Check: c.Planted}, Config{Ctx: ctx, Seed: 3, Checks: 10})
			t.Logf("%s in %v: %s", res.Verdict, time.Since(start).Round(time.Millisecond), firstLine(res))
			if res.Verdict == Holds || res.Verdict != want.verdict {
				t.Fatalf("verdict %s, want %s: %s", res.Verdict, want.verdict, res.Evidence)
			}
			named := false
			for _, fd := range res.Findings {
				if fd.Kind == FindCounterexample && (fd.Instance == nil || fd.Reproduce == "") {
					t.Errorf("a counterexample without an instance or a command: %+v", fd)
				}
				if strings.Contains(fd.Text, want.text) && fd.Reproduce != "" && names(fd.Instance, want.at) {
					named = true
				}
			}
			if !named {
				t.Fatalf("no finding %q at %v; findings: %+v", want.text, want.at, res.Findings)
			}
		})
	}
	if planted < len(plantedWants) {
		t.Fatalf("%d claims have Planted, %d expected", planted, len(plantedWants))
	}
}

// names reports whether inst names the point at: each key is a parameter,
// or K or N of the instance's data.
func names(inst *Instance, at map[string]string) bool {
	if inst == nil {
		return false
	}
	for k, v := range at {
		got, ok := inst.Params[k]
		if !ok && inst.K > 0 && (k == "K" || k == "N") {
			got, ok = fmt.Sprint(map[string]int{"K": inst.K, "N": inst.N}[k]), true
		}
		if !ok || got != v {
			return false
		}
	}
	return true
}
