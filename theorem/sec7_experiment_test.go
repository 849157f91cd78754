package theorem

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/ftcheck/ftcheck/experiment"
)

// fittedSweep is a finished sweep whose fitted exponents are e3 and e2.
func fittedSweep(e3, e2 float64) *experiment.Result {
	return &experiment.Result{
		Config: experiment.QuickConfig(s7Seed),
		Fits:   map[int]experiment.Fit{3: {Exponent: e3, Min: e3, Max: e3}, 2: {Exponent: e2, Min: e2, Max: e2}},
	}
}

// With no spread (s.e. 0, one exponent for every restart) and a 2-layer
// exponent far above, S7 holds exactly when the 3-layer exponent lies in
// [1/4, 3/4]; just outside either end, or at the 2-layer rate 1, the check
// reports a counterexample with the command that reproduces the run.
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

// proofSteps are the proof-step findings of res.
func proofSteps(res Result) []Finding {
	var out []Finding
	for _, f := range res.Findings {
		if f.Kind == FindProofStep {
			out = append(out, f)
		}
	}
	return out
}

// When the 3-layer exponent is not below the 2-layer one with confidence,
// the run does not separate Thm 5.1's growth from Thm 4.1's: inconclusive,
// never holds, with a finding that says so.
func TestS7FlagsNoSeparation(t *testing.T) {
	if res := judgeS7(fittedSweep(0.5, 0.9)); res.Verdict != Holds || len(proofSteps(res)) != 0 {
		t.Errorf("separated exponents: %s, findings %+v", res.Verdict, res.Findings)
	}
	res := judgeS7(fittedSweep(0.4, 0.4))
	if fs := proofSteps(res); res.Verdict != Inconclusive || len(fs) != 1 || !strings.Contains(fs[0].Text, "does not separate") {
		t.Errorf("equal exponents: %s, findings %+v, want inconclusive with one proof-step", res.Verdict, res.Findings)
	}
	// 0.5 ± 1.96·0.1 = 0.304..0.696 against 0.75 ± 1.96·0.05 = 0.652..0.848:
	// the intervals overlap, so the run does not separate them.
	r := fittedSweep(0.5, 0.75)
	r.Fits[3] = experiment.Fit{Exponent: 0.5, StdErr: 0.1, Min: 0.5, Max: 0.5}
	r.Fits[2] = experiment.Fit{Exponent: 0.75, StdErr: 0.05, Min: 0.75, Max: 0.75}
	if v := judgeS7(r).Verdict; v != Inconclusive {
		t.Errorf("overlapping intervals: %s", v)
	}
	r.Fits[2] = experiment.Fit{Exponent: 0.95, StdErr: 0.05, Min: 0.95, Max: 0.95} // 0.852..1.048
	if v := judgeS7(r).Verdict; v != Holds {
		t.Errorf("separated intervals: %s", v)
	}
}

// An interval that reaches over an edge of the band is inconclusive; one
// wholly outside is a counterexample; the restarts' spread widens it; no
// standard error is inconclusive.
func TestS7IntervalAgainstBand(t *testing.T) {
	cases := []struct {
		f    experiment.Fit
		want Verdict
	}{
		{experiment.Fit{Exponent: 0.33, StdErr: 0.05, Min: 0.33, Max: 0.33}, Inconclusive},    // 0.232..0.428
		{experiment.Fit{Exponent: 0.33, StdErr: 0.02, Min: 0.33, Max: 0.33}, Holds},           // 0.291..0.369
		{experiment.Fit{Exponent: 0.33, StdErr: 0.02, Min: 0.2, Max: 0.4}, Inconclusive},      // spread 0.2..0.4
		{experiment.Fit{Exponent: 0.1, StdErr: 0.05, Min: 0.1, Max: 0.1}, Counterexample},     // 0.002..0.198
		{experiment.Fit{Exponent: 0.9, StdErr: 0.1, Min: 0.9, Max: 0.9}, Inconclusive},        // 0.704..1.096
		{experiment.Fit{Exponent: 0.5, StdErr: math.NaN(), Min: 0.5, Max: 0.5}, Inconclusive}, // no s.e.
	}
	for _, c := range cases {
		r := fittedSweep(0.5, 2)
		r.Fits[3] = c.f
		if v := judgeS7(r).Verdict; v != c.want {
			t.Errorf("fit %+v: %s, want %s", c.f, v, c.want)
		}
	}
}

// The g = 0 baseline: 3K·0.04/2 = 60 at the paper's K = 1000 and 12 at the
// quick K = 200 (whose smallest N, 20, is above it: g = 0 has loss
// 2·20/600 = 1/15, 1.7 times the threshold); a sweep with N = 10 lists it.
func TestS7Baseline(t *testing.T) {
	r := fittedSweep(0.5, 2)
	f := s7Baseline(r)
	if f.Kind != FindBeyondPaper || !strings.Contains(f.Text, "N ≤ 60 in the paper's setting") || !strings.Contains(f.Text, "N ≤ 12 here") ||
		!strings.Contains(f.Text, "none of this sweep's N") || !strings.Contains(f.Text, "only 1.7×") {
		t.Fatalf("baseline: %s", f.Text)
	}
	r.Config.Ns = append([]int{10}, r.Config.Ns...)
	if f := s7Baseline(r); !strings.Contains(f.Text, "N ∈ {10} of this sweep") {
		t.Fatalf("baseline with N = 10: %s", f.Text)
	}
}

// A 3-layer curve with local slopes 1, 1/2, 0 (median m 4, 8, 16·… by
// hand: m = 4 at N = 20, 8 at 40, 8·√2 at 80 rounds to 11, 11 at 160)
// flattens and is reported; a straight √N curve is not.
func TestS7Saturation(t *testing.T) {
	r := fittedSweep(0.5, 2)
	r.Config.Ns = []int{20, 40, 80, 160}
	pts := func(ms ...int) []experiment.Point {
		var out []experiment.Point
		for i, m := range ms {
			out = append(out, experiment.Point{Depth: 3, N: r.Config.Ns[i], LeastM: m})
		}
		return out
	}
	r.Points = pts(4, 8, 11, 11)
	if _, ok := s7Saturation(r); !ok {
		t.Fatalf("slopes %v not reported", s7LocalSlopes(r, 3))
	}
	r.Points = pts(4, 6, 8, 11) // slopes 0.58, 0.42, 0.46
	if f, ok := s7Saturation(r); ok {
		t.Fatalf("a straight curve reported: %s", f.Text)
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
			if f.Kind == FindBeyondPaper && strings.Contains(f.Text, "same number of parameters") {
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

// A variant separates √N from N only when its 3-layer interval lies wholly
// below its 2-layer one. Planted: a variant whose 3-layer curve has the
// 2-layer exponent does not separate (for a single sweep and over seeds),
// one with 1/2 against 1 does; a sweep cut short or a seed with no
// exponent concludes nothing.
func TestS7VariantSeparation(t *testing.T) {
	single := func(e3, se3, e2, se2 float64) s7Var {
		r := fittedSweep(e3, e2)
		r.Fits[3] = experiment.Fit{Exponent: e3, StdErr: se3, Min: e3, Max: e3}
		r.Fits[2] = experiment.Fit{Exponent: e2, StdErr: se2, Min: e2, Max: e2}
		return s7FromRun(s7Var{name: "planted"}, r)
	}
	text := func(v s7Var) string { return v.finding(Config{Seed: 1, Checks: 20}).Text }
	if v := single(0.9, 0.05, 0.9, 0.05); v.separated() || !strings.Contains(text(v), "does not separate") {
		t.Errorf("3-layer exponent = 2-layer exponent: separated = %v, %s", v.separated(), text(v))
	}
	if v := single(0.5, 0.05, 1, 0.05); !v.separated() || !strings.Contains(text(v), "separates the √N growth") ||
		!strings.Contains(text(v), "3-layer 0.50 (95% interval 0.40..0.60), 2-layer 1.00 (95% interval 0.90..1.10)") {
		t.Errorf("0.5 against 1: separated = %v, %s", v.separated(), text(v))
	}
	// 0.5 ± 0.196 = 0.304..0.696 against 0.8 ± 0.196 = 0.604..0.996: overlap.
	if v := single(0.5, 0.1, 0.8, 0.1); v.separated() {
		t.Errorf("overlapping intervals separated")
	}
	if v := single(0.5, math.NaN(), 1, 0.05); v.separated() || !strings.Contains(text(v), "no conclusion") {
		t.Errorf("no standard error: separated = %v, %s", v.separated(), text(v))
	}
	cut := single(0.5, 0.05, 1, 0.05)
	cut.partial = true
	if cut.separated() || !strings.Contains(text(cut), "Cut short") {
		t.Errorf("a sweep cut short: separated = %v, %s", cut.separated(), text(cut))
	}

	seeds := func(e3, e2 []float64) s7Var {
		var runs []*experiment.Result
		for i := range e3 {
			runs = append(runs, fittedSweep(e3[i], e2[i]))
		}
		return s7OverSeeds(s7Var{name: "planted seeds"}, runs)
	}
	if v := seeds([]float64{0.9, 1.0, 1.1, 1.0}, []float64{1.0, 0.9, 1.0, 1.1}); v.separated() {
		t.Errorf("seeds with the 2-layer exponent separated: %+v", v)
	}
	if v := seeds([]float64{0.5, 0.45, 0.55, 0.5}, []float64{1.0, 0.9, 1.0, 1.1}); !v.separated() {
		t.Errorf("seeds with 1/2 against 1 not separated: %+v", v)
	}
	if v := seeds([]float64{0.5, math.NaN(), 0.55, 0.5}, []float64{1.0, 0.9, 1.0, 1.1}); v.separated() || v.ok {
		t.Errorf("a seed without an exponent: %+v", v)
	}
	if v := seeds([]float64{0.5}, []float64{1}); v.separated() || v.ok {
		t.Errorf("one seed: %+v", v)
	}
}

// The variants are findings only: S7's verdict stays the paper's setting's.
// At the default budget the reduced versions run, above it the full ones.
func TestS7VariantBudget(t *testing.T) {
	if s7Full(Config{Checks: 100}) || !s7Full(Config{Checks: 101}) {
		t.Fatal("the full variants must run above -checks 100 only")
	}
}

// Restricting a sweep to its first restart keeps exactly that restart's
// points and trainings and refits them.
func TestS7FirstRestarts(t *testing.T) {
	r := fittedSweep(0.5, 1)
	for restart := 0; restart < 3; restart++ {
		for _, n := range []int{20, 40, 80} {
			m := 2 * (restart + 1) * n / 20 // exponent 1 within each restart
			r.Points = append(r.Points, experiment.Point{Depth: 3, N: n, Restart: restart, LeastM: m})
			r.Runs = append(r.Runs, experiment.Run{Depth: 3, N: n, Restart: restart, M: m})
		}
	}
	one := s7FirstRestarts(r, 1)
	if len(one.Points) != 3 || len(one.Runs) != 3 || one.Config.Restarts != 1 || math.Abs(one.Fits[3].Exponent-1) > 1e-12 {
		t.Fatalf("first restart: %d points, %d runs, restarts %d, exponent %v", len(one.Points), len(one.Runs), one.Config.Restarts, one.Fits[3].Exponent)
	}
	if len(r.Points) != 9 {
		t.Fatal("the original sweep changed")
	}
	if all := s7FirstRestarts(r, 3); all != r {
		t.Fatal("restricting to every restart must give the sweep itself")
	}
}

// The median least m per N, per depth, of a sweep: 3 restarts at N = 20
// with m 4, 9, 6 have median 6; a capped median is marked.
func TestS7Medians(t *testing.T) {
	r := fittedSweep(0.5, 1)
	r.Config.Ns = []int{20, 40}
	r.Points = []experiment.Point{{Depth: 3, N: 20, LeastM: 4}, {Depth: 3, N: 20, Restart: 1, LeastM: 9}, {Depth: 3, N: 20, Restart: 2, LeastM: 6},
		{Depth: 3, N: 40, LeastM: 80, Capped: true}, {Depth: 2, N: 20, LeastM: 5}}
	if got, want := s7Medians(r), "3-layer 6, >80; 2-layer 5, –"; got != want {
		t.Fatalf("s7Medians = %q, want %q", got, want)
	}
	// Uncapped medians at the largest N = 40, by hand at d = 10: 3-layer
	// m = 17 (widths 9, 8) has 10·9+9 + 9·8+8 + 8+1 = 188 parameters,
	// 2-layer m = 16 has 10·16+16 + 16+1 = 193.
	r.Points = append(r.Points[:3], experiment.Point{Depth: 3, N: 40, LeastM: 17}, experiment.Point{Depth: 2, N: 40, LeastM: 16})
	want := "3-layer 6, 17; 2-layer –, 16 (at N = 40 the median least g have 188 (3-layer) and 193 (2-layer) parameters; K = 200)"
	if got := s7Medians(r); got != want {
		t.Fatalf("s7Medians = %q, want %q", got, want)
	}

}

// Past the deadline no variant sweep starts, and both variants say they
// were cut short.
func TestS7VariantsAfterDeadline(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	vs := s7Variants(ctx, Config{Seed: 1, Checks: 20}, fittedSweep(0.5, 1))
	if time.Since(start) > time.Second || len(vs) != 2 {
		t.Fatalf("%d variants after %s", len(vs), time.Since(start))
	}
	for _, v := range vs {
		if v.separated() || !strings.Contains(v.finding(Config{Seed: 1, Checks: 20}).Text, "not started, the deadline was reached first. Cut short") {
			t.Errorf("%s: %+v", v.name, v)
		}
	}
}
