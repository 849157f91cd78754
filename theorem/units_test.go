package theorem

import (
	"context"
	"strings"
	"testing"
)

// A claim divided into units fails closed: a unit that panics, a Combine
// that panics, a wrong number of results and a deadline reached are never
// Holds; with every unit passing, Run is Combine of the units in order.
func TestUnitsFailClosed(t *testing.T) {
	ok := func(name string) Unit {
		return Unit{Name: name, Check: func(Config) Result { return Result{Verdict: Holds, Evidence: name} }}
	}
	combine := func(_ Config, rs []Result) Result {
		res := Result{Verdict: Holds}
		for _, r := range rs {
			if r.Verdict != Holds {
				res.Verdict = r.Verdict
			}
			res.Evidence += r.Evidence + ";"
		}
		return res
	}
	c := Claim{ID: "FIX-units", Units: []Unit{ok("a"), ok("b")}, Combine: combine}
	if res := Run(c, Config{Seed: 1, Checks: 1}); res.Verdict != Holds || res.Evidence != "a;b;" || res.Findings == nil {
		t.Fatalf("two passing units: %+v", res)
	}
	boom := c
	boom.Units = []Unit{ok("a"), {Name: "b", Check: func(Config) Result { panic("planted") }}}
	if res := Run(boom, Config{Seed: 1, Checks: 1}); res.Verdict != Inconclusive || !strings.Contains(res.Evidence, "the unit b crashed: planted") {
		t.Fatalf("a unit that panics: %+v", res)
	}
	bad := c
	bad.Combine = func(Config, []Result) Result { panic("planted") }
	if res := Run(bad, Config{Seed: 1, Checks: 1}); res.Verdict != Inconclusive || !strings.Contains(res.Evidence, "crashed") {
		t.Fatalf("a Combine that panics: %+v", res)
	}
	if res := CombineUnits(c, Config{}, []Result{{Verdict: Holds}}); res.Verdict != Inconclusive {
		t.Fatalf("one result for two units: %+v", res)
	}
	if res := RunUnit(c, 2, Config{}); res.Verdict != Inconclusive {
		t.Fatalf("unit 2 of 2: %+v", res)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if res := Run(c, Config{Ctx: ctx, Seed: 1, Checks: 1}); res.Verdict != Inconclusive {
		t.Fatalf("deadline reached: %+v", res)
	}
}

// T5.1-U is divided into U1, U2, U3 and the theorem level, in that order
// (combineT51U reads the last as the theorem level).
func TestT51UUnits(t *testing.T) {
	c, ok := Lookup("T5.1-U")
	if !ok || c.Combine == nil || len(c.Units) != 4 {
		t.Fatalf("T5.1-U: %d units", len(c.Units))
	}
	for i, want := range []string{"U1", "U2", "U3", "min"} {
		if c.Units[i].Name != want || c.Units[i].Check == nil || c.Units[i].Cost <= 0 {
			t.Fatalf("unit %d: %+v, want %s with a check and a cost", i, c.Units[i].Name, want)
		}
	}
	subs := []Result{{Verdict: Holds, Evidence: "u1"}, {Verdict: Counterexample, Evidence: "u2", Findings: []Finding{{Text: "bad"}}}, {Verdict: Holds, Evidence: "u3"}, {Verdict: Holds, Evidence: "min."}}
	res := combineT51U(Config{}, subs)
	if res.Verdict != Counterexample || len(res.Findings) != 1 || res.Findings[0].Text != "U2: bad" || !strings.HasPrefix(res.Evidence, "min. Parts: U1: holds (u1); U2: counterexample (u2)") {
		t.Fatalf("combined: %+v", res)
	}
}
