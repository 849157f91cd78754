package drive

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"iter"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/internal/search"
	"github.com/ftcheck/ftcheck/oracle"
	"github.com/ftcheck/ftcheck/props"
	"pgregory.net/rapid"
)

// rapidChecks is the number of rapid cases every test here configures.
const rapidChecks = 30

// ranChecks is how many of n configured checks rapid runs: a fifth under
// -short (rapid's own rule, engine.go).
func ranChecks(n int) int {
	if testing.Short() {
		return n / 5
	}
	return n
}

func TestMain(m *testing.M) {
	flag.Parse() // before Configure, which would otherwise parse no flags
	search.Configure(7, rapidChecks)
	m.Run()
}

// lineGrid is every T ⊆ [K] on x_i = i, z alternating 2, −1 on T, for
// K = 3..maxK: 8 + 16 + … cases.
func lineGrid(maxK int) iter.Seq[Case] {
	return func(yield func(Case) bool) {
		for K := 3; K <= maxK; K++ {
			for mask := 0; mask < 1<<K; mask++ {
				x, z := make([]*big.Rat, K), make([]*big.Rat, K)
				sign := int64(2)
				for i := range x {
					x[i], z[i] = big.NewRat(int64(i+1), 1), new(big.Rat)
					if mask>>i&1 == 1 {
						z[i].SetInt64(sign)
						sign = 1 - sign
					}
				}
				if !yield(Case{FT: &props.FineTune{Inst: instance.OnLine(x, z)}}) {
					return
				}
			}
		}
	}
}

func gridSize(maxK int) int {
	n := 0
	for K := 3; K <= maxK; K++ {
		n += 1 << K
	}
	return n
}

// drawn instances: K 3..12, d 1..3, with a frozen f.
var drawn = rapid.Custom(func(t *rapid.T) Case {
	return Case{FT: props.Instance(props.InstanceOptions{MinK: 3, MaxK: 12, MaxD: 3}).Draw(t, "ft")}
})

// twoLayer is a correct part: Theorem 4.4's network within min{3N+1, K−1}.
func twoLayer() Part {
	return Part{
		Name: "test/T4.4", Grid: lineGrid(5), Draw: drawn,
		Build: func(c Case) ([]*construction.Built, error) {
			b, err := construction.TwoLayer(c.FT.Inst)
			return []*construction.Built{b}, err
		},
		Limit: func(c Case, _ *construction.Built) (int, string, error) {
			N, K := c.FT.Inst.N(), c.FT.Inst.K()
			return min(3*N+1, K-1), "min{3N+1, K−1}", nil
		},
	}
}

// A correct construction holds, and the outcome counts every case it ran:
// the whole grid and rapid's whole budget.
func TestCorrectPartHolds(t *testing.T) {
	seen := 0
	p := twoLayer()
	p.See = func(Case, []*construction.Built) { seen++ }
	o := Run(Config{Seed: 1, Checks: rapidChecks}, p)
	if o.Verdict() != Holds || o.Fail != nil || o.Stopped != "" {
		t.Fatalf("verdict %s, fail %v, stopped %q", o.Verdict(), o.Fail, o.Stopped)
	}
	if n := ranChecks(rapidChecks); o.Grid != gridSize(5) || o.Drawn != n || o.Passed() != gridSize(5)+n || seen != o.Passed() {
		t.Fatalf("grid %d (want %d), drawn %d (want %d), seen %d", o.Grid, gridSize(5), o.Drawn, n, seen)
	}
	res := Judge(Config{}, "repro", o)
	if res.Verdict != Holds || res.Checked != o.Passed() || len(res.Findings) != 0 {
		t.Fatalf("judge: %+v", res)
	}
}

// Every planted fault turns the correct part into a counterexample whose
// instance reproduces the failure, or, for the build that never returns,
// into inconclusive; never holds.
func TestFaultsNeverHold(t *testing.T) {
	for _, f := range Faults {
		t.Run(f.Name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
			defer cancel()
			cfg := Config{Ctx: ctx, Seed: 1, Checks: rapidChecks, Fault: f.Fault}
			o := Run(cfg, twoLayer())
			res := Judge(cfg, "ftcheck check X", o)
			if f.Stops {
				if res.Verdict != Inconclusive || o.Stopped == "" || o.Fail != nil {
					t.Fatalf("want inconclusive with a reason, got %s (%s)", res.Verdict, res.Evidence)
				}
				return
			}
			if res.Verdict != Counterexample || len(res.Findings) != 1 {
				t.Fatalf("want one counterexample, got %s: %s", res.Verdict, res.Evidence)
			}
			fd := res.Findings[0]
			if fd.Kind != FindCounterexample || fd.Reproduce != "ftcheck check X" || fd.Instance.Params["part"] != "test/T4.4" {
				t.Fatalf("finding %+v", fd)
			}
			c, err := CaseOf(fd.Instance)
			if err != nil {
				t.Fatal(err)
			}
			if Replay(Config{Fault: f.Fault}, twoLayer(), c) == nil {
				t.Fatalf("the counterexample %v does not reproduce", fd.Instance)
			}
			if Replay(Config{}, twoLayer(), c) != nil {
				t.Fatalf("the counterexample fails without the fault too")
			}
		})
	}
}

// A panic on 2-D inputs only, with no grid, is found by rapid and shrunk to
// d = 2; the grid-free run records the case, not just rapid's log.
func TestRapidPanicIsShrunkCounterexample(t *testing.T) {
	p := twoLayer()
	p.Grid = nil
	p.Build = func(c Case) ([]*construction.Built, error) {
		if c.FT.Inst.Dim() >= 2 {
			panic("planted")
		}
		b, err := construction.TwoLayer(c.FT.Inst)
		return []*construction.Built{b}, err
	}
	o := Run(Config{Seed: 1, Checks: rapidChecks}, p)
	if o.Verdict() != Counterexample || o.Fail == nil {
		t.Fatalf("verdict %s", o.Verdict())
	}
	in := o.Fail.Case.FT.Inst
	if in.Dim() != 2 || in.K() != 3 || !strings.Contains(o.Fail.Msg, "panic: planted") {
		t.Fatalf("shrunk to K = %d, d = %d: %s", in.K(), in.Dim(), o.Fail.Msg)
	}
}

// The first failing grid case is reported and the run stops there.
func TestGridFailureStops(t *testing.T) {
	p := twoLayer()
	calls := 0
	p.Build = func(c Case) ([]*construction.Built, error) {
		calls++
		if calls == 5 {
			return nil, errors.New("fifth")
		}
		b, err := construction.TwoLayer(c.FT.Inst)
		return []*construction.Built{b}, err
	}
	o := Run(Config{}, p)
	if o.Fail == nil || o.Grid != 4 || o.Drawn != 0 || calls != 5 || o.Fail.Msg != "construction error: fifth" {
		t.Fatalf("fail %v, grid %d, drawn %d, calls %d", o.Fail, o.Grid, o.Drawn, calls)
	}
}

// Every way a case can go wrong fails it.
func TestCaseFailures(t *testing.T) {
	c := Case{FT: &props.FineTune{Inst: instance.OnLine(oracle.Rats(1, 2, 3), oracle.Rats(0, 1, 0))}}
	good := func(Case) ([]*construction.Built, error) {
		b, err := construction.TwoLayer(c.FT.Inst)
		return []*construction.Built{b}, err
	}
	cases := map[string]Part{
		"no network": {Build: func(Case) ([]*construction.Built, error) { return nil, nil }},
		"nil network": {Build: func(Case) ([]*construction.Built, error) {
			return []*construction.Built{{Name: "x"}}, nil
		}},
		"check":        {Build: good, Check: func(Case, *construction.Built) error { return errors.New("bad layer") }},
		"see panics":   {Build: good, See: func(Case, []*construction.Built) { panic("tally") }},
		"over limit":   {Build: good, Limit: func(Case, *construction.Built) (int, string, error) { return 0, "zero", nil }},
		"measure":      {Build: good, Limit: func(Case, *construction.Built) (int, string, error) { return 5, "five", nil }, Measure: func(*construction.Built) int { return 6 }},
		"build error":  {Build: func(Case) ([]*construction.Built, error) { return nil, errors.New("no") }},
		"check panics": {Build: good, Check: func(Case, *construction.Built) error { panic("check") }},
	}
	for name, p := range cases {
		if err := Replay(Config{}, p, c); err == nil {
			t.Errorf("%s: passed", name)
		}
	}
	if err := Replay(Config{}, Part{Build: good, Limit: func(Case, *construction.Built) (int, string, error) { return 2, "two", nil }}, c); err != nil {
		t.Errorf("a network at its limit fails: %v", err)
	}
	if err := Replay(Config{}, Part{Build: good, Limit: func(Case, *construction.Built) (int, string, error) { return 1, "one", nil }}, c); err == nil ||
		!strings.Contains(err.Error(), "has 2 > one = 1") {
		t.Errorf("over the limit by one: %v", err)
	}
}

// A case over a limit only the existence claim asks for makes the run
// inconclusive, records the first such case and counts them, and the run
// goes on.
func TestOverLimitInconclusive(t *testing.T) {
	p := twoLayer()
	p.Draw = nil
	p.OverLimit = Inconclusive
	p.Limit = func(c Case, _ *construction.Built) (int, string, error) { return 1, "one", nil }
	o := Run(Config{}, p)
	if o.Verdict() != Inconclusive || o.Fail != nil || o.Grid != gridSize(5) || o.OverCount == 0 || o.OverCount >= o.Grid {
		t.Fatalf("verdict %s, grid %d, over %d", o.Verdict(), o.Grid, o.OverCount)
	}
	if o.Over == nil || o.Over.Case.FT.Inst.K() != 3 {
		t.Fatalf("first over: %+v", o.Over)
	}
	if res := Judge(Config{}, "", o); res.Verdict != Inconclusive || !strings.Contains(res.Evidence, "over the limit") {
		t.Fatalf("judge: %+v", res)
	}
}

// A case outside the hypotheses is skipped, not passed.
func TestNotApplicableIsSkipped(t *testing.T) {
	p := twoLayer()
	p.Draw = nil
	p.Build = func(c Case) ([]*construction.Built, error) {
		if c.FT.Inst.N() == 0 {
			return nil, fmt.Errorf("collides: %w", ErrNotApplicable)
		}
		b, err := construction.TwoLayer(c.FT.Inst)
		return []*construction.Built{b}, err
	}
	o := Run(Config{}, p)
	if o.Verdict() != Holds || o.Skipped != 3 || o.Grid != gridSize(5)-3 {
		t.Fatalf("verdict %s, skipped %d, grid %d", o.Verdict(), o.Skipped, o.Grid)
	}
	if !strings.Contains(Judge(Config{}, "", o).Evidence, "3 outside the hypotheses") {
		t.Fatal("the evidence does not say how many were skipped")
	}
}

// A deadline that passed before the run, or during it, is never holds.
func TestDeadline(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	cfg := Config{Ctx: ctx}
	o := Run(cfg, twoLayer())
	if o.Verdict() != Inconclusive || o.Passed() != 0 || o.Stopped == "" {
		t.Fatalf("expired before the run: %s, %d passed", o.Verdict(), o.Passed())
	}
	if res := Judge(cfg, ""); res.Verdict != Inconclusive {
		t.Fatalf("no outcome: %s", res.Verdict)
	}
	ctx2, cancel2 := context.WithCancel(context.Background())
	defer cancel2()
	p := twoLayer()
	p.Grid = nil
	n := 0
	p.See = func(Case, []*construction.Built) {
		if n++; n == 3 {
			cancel2()
		}
	}
	o = Run(Config{Ctx: ctx2}, p)
	if o.Verdict() != Inconclusive || o.Drawn != 3 || o.Stopped == "" {
		t.Fatalf("expired during rapid: %s, drawn %d, %q", o.Verdict(), o.Drawn, o.Stopped)
	}
	held := Judge(Config{Ctx: ctx2}, "", &Outcome{Part: "done", Grid: 1})
	if held.Verdict != Inconclusive {
		t.Fatalf("a run judged after the deadline holds")
	}
}

// A generator that fails leaves no case to show: inconclusive, with
// rapid's log as the reason.
func TestGeneratorFailure(t *testing.T) {
	p := twoLayer()
	p.Grid = nil
	p.Draw = rapid.Custom(func(t *rapid.T) Case {
		if rapid.IntRange(0, 3).Draw(t, "k") >= 1 { // fails on 3 draws of 4: within a -short budget too
			panic("generator")
		}
		return drawn.Draw(t, "c")
	})
	o := Run(Config{}, p)
	if o.Verdict() != Inconclusive || o.Fail != nil || !strings.Contains(o.Stopped, "generator") {
		t.Fatalf("verdict %s, stopped %q", o.Verdict(), o.Stopped)
	}
}

// RunAll stops after a failing part; Judge takes the worst verdict and sums
// what passed.
func TestRunAllAndJudge(t *testing.T) {
	bad := twoLayer()
	bad.Name = "bad"
	bad.Build = func(Case) ([]*construction.Built, error) { return nil, errors.New("no") }
	good := twoLayer()
	good.Draw = nil
	outs := RunAll(Config{}, good, bad, good)
	if len(outs) != 2 || outs[1].Fail == nil {
		t.Fatalf("ran %d parts", len(outs))
	}
	res := Judge(Config{}, "r", outs...)
	if res.Verdict != Counterexample || res.Checked != gridSize(5) || len(res.Findings) != 1 ||
		!strings.HasPrefix(res.Findings[0].Text, "bad fails") {
		t.Fatalf("%+v", res)
	}
	if outs := RunAll(Config{}, good, good); len(outs) != 2 || Judge(Config{}, "", outs...).Checked != 2*gridSize(5) {
		t.Fatal("two passing parts")
	}
}

// Verdicts order counterexample, inconclusive, not checked, holds.
func TestWorse(t *testing.T) {
	order := []Verdict{Holds, NotChecked, Inconclusive, Counterexample}
	for i, a := range order {
		for j, b := range order {
			want := order[max(i, j)]
			if got := Worse(a, b); got != want {
				t.Errorf("Worse(%s, %s) = %s, want %s", a, b, got, want)
			}
		}
	}
	if Worse(Holds, "garbage") != "garbage" {
		t.Error("an unknown verdict counts as a pass")
	}
}

// CaseOf rebuilds a case from its finding, parameters included.
func TestCaseOfRoundTrip(t *testing.T) {
	in := &instance.Instance{X: [][]*big.Rat{oracle.Rats(1, 2), {big.NewRat(-1, 3), big.NewRat(5, 1)}}, Z: oracle.Rats(0, 7)}
	c := Case{FT: &props.FineTune{Inst: in}, L: 5, Dir: []*big.Rat{big.NewRat(1, 2), big.NewRat(-3, 1)}}
	fi := FromInstance(in, c.Params("P", map[string]string{"m": "4"}))
	if fi.K != 2 || fi.N != 1 || len(fi.T) != 1 || fi.T[0] != 2 || fi.X[1][0] != "-1/3" || fi.Params["m"] != "4" || fi.Params["part"] != "P" {
		t.Fatalf("%+v", fi)
	}
	back, err := CaseOf(fi)
	if err != nil {
		t.Fatal(err)
	}
	if back.L != 5 || len(back.Dir) != 2 || back.Dir[0].Cmp(big.NewRat(1, 2)) != 0 || back.Dir[1].Cmp(big.NewRat(-3, 1)) != 0 {
		t.Fatalf("L %d, a %v", back.L, back.Dir)
	}
	for i := range in.X {
		for q := range in.X[i] {
			if back.FT.Inst.X[i][q].Cmp(in.X[i][q]) != 0 {
				t.Fatalf("x[%d][%d]", i, q)
			}
		}
		if back.FT.Inst.Z[i].Cmp(in.Z[i]) != 0 {
			t.Fatalf("z[%d]", i)
		}
	}
	if p := (Case{FT: c.FT}).Params("Q", nil); len(p) != 1 {
		t.Fatalf("a case without L or a has params %v", p)
	}
	for _, bad := range []*Instance{nil, {X: [][]string{{"1"}}, Z: nil}, {X: [][]string{{"x"}}, Z: []string{"0"}},
		{X: [][]string{{"1"}}, Z: []string{"y"}}, {X: [][]string{{"1"}}, Z: []string{"0"}, Params: map[string]string{"L": "four"}},
		{X: [][]string{{"1"}}, Z: []string{"0"}, Params: map[string]string{"a": "1 b"}}} {
		if _, err := CaseOf(bad); err == nil {
			t.Errorf("CaseOf(%+v) accepted", bad)
		}
	}
}

// Each fault does exactly what its name says, computed on a known network.
func TestFaultsPlantWhatTheySay(t *testing.T) {
	in := instance.OnLine(oracle.Rats(1, 2, 3, 4), oracle.Rats(0, 1, 0, 0))
	b, err := construction.TwoLayer(in)
	if err != nil {
		t.Fatal(err)
	}
	site := func() *Site {
		return &Site{Case: Case{FT: &props.FineTune{Inst: in}}, Nets: []*construction.Built{b},
			Limit: func(*construction.Built) (int, bool) { return 5, true }, Measure: func(b *construction.Built) int { return b.Net.Hidden() }}
	}
	m := b.Net.Hidden()
	off, _ := WeightOff(site())
	eps := new(big.Rat).SetFrac64(1, 1<<40)
	for _, x := range []int64{0, 1, 2, 3, 4, 9} {
		d := new(big.Rat).Sub(off[0].Net.Eval(oracle.Rats(x)), b.Net.Eval(oracle.Rats(x)))
		if d.Cmp(eps) != 0 {
			t.Fatalf("weight off: difference %s at %d", d, x)
		}
	}
	fewer, _ := NeuronFewer(site())
	if fewer[0].Net.Hidden() != m-1 || fewer[0].Neurons != m-1 || b.Net.Hidden() != m || fewer[0].Net.Validate() != nil {
		t.Fatalf("one neuron fewer: %d from %d", fewer[0].Net.Hidden(), m)
	}
	above, _ := CountAbove(site())
	if above[0].Net.Hidden() != 6 || above[0].Net.Validate() != nil {
		t.Fatalf("count above: %d, want 6", above[0].Net.Hidden())
	}
	for _, x := range []int64{-1, 1, 2, 3, 4, 7} {
		if above[0].Net.Eval(oracle.Rats(x)).Cmp(b.Net.Eval(oracle.Rats(x))) != 0 {
			t.Fatalf("count above changed the function at %d", x)
		}
	}
	s := site()
	s.Limit = func(*construction.Built) (int, bool) { return 0, false }
	if same, _ := CountAbove(s); same[0].Net.Hidden() != m {
		t.Fatal("count above without a limit changed the network")
	}
	if _, err := ErrorWhenChanged(1)(site()); err == nil {
		t.Fatal("no error at N = 1")
	}
	if nets, err := ErrorWhenChanged(2)(site()); err != nil || nets[0] != b {
		t.Fatal("error at N = 1 < 2")
	}
	if nets, err := PanicWhenChanged(2)(site()); err != nil || nets[0] != b {
		t.Fatal("panic fault changed a case below its threshold")
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Fatal("no panic at N = 1")
			}
		}()
		PanicWhenChanged(1)(site())
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	s = site()
	s.Ctx = ctx
	start := time.Now()
	if nets, _ := Hang(s); nets[0] != b || ctx.Err() == nil || time.Since(start) < 15*time.Millisecond {
		t.Fatal("hang returned before the deadline")
	}
	s = site()
	s.Err = errors.New("kept")
	for _, f := range []Fault{WeightOff, NeuronFewer, CountAbove} {
		if _, err := f(s); err == nil || err.Error() != "kept" {
			t.Fatalf("a fault dropped Build's error: %v", err)
		}
	}
}

// Search fails closed like Run: a panic is a shrunk failing case, a
// failing generator or the deadline stops it, and it counts what passed.
func TestSearch(t *testing.T) {
	ints := rapid.IntRange(0, 1000)
	f := Search(Config{}, "ok", ints, func(int) error { return nil })
	if f.Verdict() != Holds || f.Passed != ranChecks(rapidChecks) {
		t.Fatalf("passing search: %s, %d passed", f.Verdict(), f.Passed)
	}
	f = Search(Config{}, "panic", ints, func(n int) error {
		if n >= 10 {
			panic("big")
		}
		return nil
	})
	if f.Verdict() != Counterexample || f.Fail == nil || *f.Fail != 10 || f.Msg != "panic: big" {
		t.Fatalf("panic: %s, %v, %q", f.Verdict(), f.Fail, f.Msg)
	}
	f = Search(Config{}, "error", ints, func(n int) error {
		if n%2 == 1 { // half the draws fail: found within a -short budget too
			return fmt.Errorf("n = %d", n)
		}
		return nil
	})
	if f.Fail == nil || *f.Fail != 1 || f.Msg != "n = 1" {
		t.Fatalf("error: %v, %q", f.Fail, f.Msg)
	}
	bad := rapid.Custom(func(t *rapid.T) int {
		if n := ints.Draw(t, "n"); n > 100 {
			panic("generator")
		}
		return 0
	})
	if f = Search(Config{}, "generator", bad, func(int) error { return nil }); f.Verdict() != Inconclusive || f.Fail != nil {
		t.Fatalf("generator: %s", f.Verdict())
	}
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	f = Search(Config{Ctx: ctx}, "deadline", ints, func(int) error {
		if n++; n == 4 {
			cancel()
		}
		return nil
	})
	if f.Verdict() != Inconclusive || f.Passed != 4 || f.Stopped == "" {
		t.Fatalf("deadline: %s, %d passed", f.Verdict(), f.Passed)
	}
	ctx2, cancel2 := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel2()
	f = Search(Config{Ctx: ctx2}, "hang", ints, func(int) error { <-ctx2.Done(); time.Sleep(time.Millisecond); return nil })
	if f.Verdict() != Inconclusive || f.Passed != 0 {
		t.Fatalf("hang: %s, %d passed", f.Verdict(), f.Passed)
	}
}
