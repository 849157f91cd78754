package theorem

// T4.4 (Theorem 4.4) and T4.1-U (Theorem 4.1.1): the 2-layer upper bounds,
// checked by building the paper's network for adversarial instances and
// verifying f+g = y exactly with the oracle, on a rapid sample (K in [3, 64],
// d in [1, 8]) and exhaustively over every T ⊆ [K] for K ≤ 9 on two layouts.

import (
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/internal/search"
	"github.com/ftcheck/ftcheck/lowerbound"
	"github.com/ftcheck/ftcheck/oracle"
	"github.com/ftcheck/ftcheck/props"
	"pgregory.net/rapid"
)

func init() {
	Register(Claim{
		ID: "T4.4", Paper: "Thm 4.4",
		Statement: "If aᵀx_1 < … < aᵀx_K, a network W2·σ(1_m aᵀx + b1) + b2 fine-tunes (x, T, z) with m ≤ K − 1 − Σ_{P∈P([K]∖T)} max{|P|−2, 0}.",
		Method:    "build the paper's network (J = T ∪ block end points, Lemma 4.5 on J) and its pruned form; verify f+g = y exactly with the oracle; recompute the order along a and the bound independently; rapid sample plus every T ⊆ [K], K ≤ 9",
		Cost:      "seconds",
		Check:     checkT44,
	})
	Register(Claim{
		ID: "T4.1-U", Paper: "Thm 4.1.1",
		Statement: "For K ≥ 3 every instance (x, T, z) is fine-tuned by a 2-layer ReLU network with m ≤ min{3N+1, K−1}.",
		Method:    "build Theorem 4.4's network, verify f+g = y exactly, compare its neuron count with min{3N+1, K−1}; rapid sample plus every T ⊆ [K], K ≤ 9; the oriented variant checked against 3N for K ≥ 3N+2",
		Cost:      "seconds",
		Check:     checkT41U,
	})
}

// tlCheck is one per-instance check: nil when the instance passes.
type tlCheck func(ft *props.FineTune) error

// tlRun runs chk on drawn problems; on failure it returns the shrunk problem
// and its message.
func tlRun(name string, maxK int, chk tlCheck) (out search.Outcome, n int, fail *props.FineTune, msg string) {
	out = search.Run(name, func(t *rapid.T) {
		ft := twoLayerProblem(maxK).Draw(t, "ft")
		n++
		if err := chk(ft); err != nil {
			fail, msg = ft, err.Error()
			t.Fatalf("%v", err)
		}
	})
	return out, n, fail, msg
}

// fineTunes verifies f+g = y exactly (g alone = z when ft.F is nil).
func fineTunes(ft *props.FineTune, b *construction.Built) error {
	if ft.F == nil {
		_, err := ft.Inst.Verify(b.Net)
		return wrap(b, err)
	}
	_, err := oracle.Verify(b.Net, ft.F, ft.Inst.X, ft.Y)
	return wrap(b, err)
}

func wrap(b *construction.Built, err error) error {
	if err != nil {
		return fmt.Errorf("%s network (m = %d) does not fine-tune: %v", b.Name, b.Net.Hidden(), err)
	}
	return nil
}

// eq12Bound is K − 1 − Σ_{P∈P([K]∖T)} max{|P|−2, 0}, T as 1-based positions
// along the projection.
func eq12Bound(K int, T []int) int {
	s := 0
	for _, P := range construction.ConsecutivePartition(construction.Complement(K, 1, T)) {
		s += max(len(P)-2, 0)
	}
	return K - 1 - s
}

// t44Check checks one instance against Theorem 4.4 with the given builders
// of the paper's (unpruned) and pruned networks.
func t44Check(paper, pruned func(*instance.Instance) (*construction.Built, error)) tlCheck {
	return t44CheckBound(paper, pruned, eq12Bound)
}

// t44CheckBound is t44Check against the bound function given (eq12Bound as
// stated; tests plant others).
func t44CheckBound(paper, pruned func(*instance.Instance) (*construction.Built, error), eq12 func(K int, T []int) int) tlCheck {
	return func(ft *props.FineTune) error {
		in := ft.Inst
		plan, err := construction.PlanTwoLayer(in)
		if err != nil {
			return err
		}
		T, err := positionsAlong(in, plan.Proj.A)
		if err != nil {
			return err
		}
		bound := eq12(in.K(), T)
		for _, build := range []func(*instance.Instance) (*construction.Built, error){paper, pruned} {
			b, err := build(in)
			if err != nil {
				return err
			}
			if err := fineTunes(ft, b); err != nil {
				return err
			}
			if m := b.Net.Hidden(); m > bound {
				return fmt.Errorf("%s network has m = %d > K−1−Σmax{|P|−2,0} = %d", b.Name, m, bound)
			}
			if b.Net.Depth() == 2 && !rowsEqual(b.Net.Layers[0].W, plan.Proj.A) && b.Name == "T4.4-unpruned" {
				return fmt.Errorf("first layer is not 1_m aᵀ")
			}
		}
		return nil
	}
}

func rowsEqual(W [][]*big.Rat, a []*big.Rat) bool {
	for _, row := range W {
		for k := range row {
			if row[k].Cmp(a[k]) != 0 {
				return false
			}
		}
	}
	return true
}

// t41UCheck checks one instance against Theorem 4.1.1 with builder build and
// the bound function (min{3N+1, K−1} as stated).
func t41UCheck(build func(*instance.Instance) (*construction.Built, error), bound func(N, K int) int) tlCheck {
	return func(ft *props.FineTune) error {
		b, err := build(ft.Inst)
		if err != nil {
			return err
		}
		if err := fineTunes(ft, b); err != nil {
			return err
		}
		N, K := ft.Inst.N(), ft.Inst.K()
		if m := b.Net.Hidden(); m > bound(N, K) {
			return fmt.Errorf("%s network has m = %d > %d at N = %d, K = %d", b.Name, m, bound(N, K), N, K)
		}
		return nil
	}
}

// T41UBound is Theorem 4.1.1's min{3N+1, K−1}.
func T41UBound(N, K int) int { return min(3*N+1, K-1) }

// exhaustiveLayouts runs chk on every T ⊆ [K], 3 ≤ K ≤ maxK, for two
// layouts: x_i = i on the line, and x_i = (i mod 3, ⌊i/3⌋) in the plane (a
// grid: collinear triples, and (1, 1, …) collides pairs); z alternates 2, −1
// along T. It returns the count and the first failure.
func exhaustiveLayouts(cfg Config, maxK int, chk tlCheck) (int, *props.FineTune, error) {
	n := 0
	for K := 3; K <= maxK && !cfg.Expired(); K++ {
		for mask := 0; mask < 1<<K; mask++ {
			for layout := 0; layout < 2; layout++ {
				ft := &props.FineTune{Inst: layoutInstance(K, mask, layout)}
				n++
				if err := chk(ft); err != nil {
					return n, ft, err
				}
			}
		}
	}
	return n, nil, nil
}

func layoutInstance(K, mask, layout int) *instance.Instance {
	in := &instance.Instance{}
	sign := int64(2)
	for i := 1; i <= K; i++ {
		x := []*big.Rat{big.NewRat(int64(i), 1)}
		if layout == 1 {
			x = []*big.Rat{big.NewRat(int64(i%3), 1), big.NewRat(int64(i/3), 1)}
		}
		z := new(big.Rat)
		if mask>>(i-1)&1 == 1 {
			z.SetInt64(sign)
			sign = 1 - sign // 2, −1, 2, …
		}
		in.X, in.Z = append(in.X, x), append(in.Z, z)
	}
	return in
}

func tlCounterexample(id string, cfg Config, ft *props.FineTune, msg string) Finding {
	return Finding{Kind: FindCounterexample, Reproduce: tlReproduce(id, cfg),
		Instance: FromInstance(ft.Inst, nil), Text: "fails on this (shrunk) instance: " + msg}
}

func checkT44(cfg Config) Result {
	chk := t44Check(construction.TwoLayerPaper, construction.TwoLayer)
	ex, exFail, err := exhaustiveLayouts(cfg, tlLayoutK, chk)
	if err != nil {
		return Result{Verdict: Counterexample, Checked: ex, Evidence: "exhaustive sweep failed",
			Findings: []Finding{tlCounterexample("T4.4", cfg, exFail, err.Error())}}
	}
	out, n, fail, msg := tlRun("T4.4", tlMaxK, chk)
	if out.Failed {
		return Result{Verdict: Counterexample, Checked: ex + n, Evidence: "rapid found a failing instance",
			Findings: []Finding{tlCounterexample("T4.4", cfg, fail, msg)}}
	}
	if ft := trapProblem(); chk(ft) != nil {
		return Result{Verdict: Counterexample, Checked: ex + n, Evidence: "the moment-trap instance failed",
			Findings: []Finding{tlCounterexample("T4.4", cfg, ft, chk(ft).Error())}}
	}
	ex++
	outA, nA, coll, failA, msgA := anyDirectionRun()
	if outA.Failed {
		return Result{Verdict: Counterexample, Checked: ex + n + nA, Evidence: "rapid found a failing instance along a drawn direction",
			Findings: []Finding{tlCounterexample("T4.4", cfg, failA, msgA)}}
	}
	n += nA
	return Result{Verdict: Holds, Checked: ex + n, Evidence: fmt.Sprintf(
		"Built the paper's network (|J|−1 neurons, first layer 1_m aᵀ) and its pruned form for %d instances and verified f+g = y exactly with the oracle; "+
			"the order along a and the bound K−1−Σmax{|P|−2,0} were recomputed independently of the construction. "+
			"Exhaustive: every T ⊆ [K] for 3 ≤ K ≤ 9 on x_i = i and on a planar grid, z alternating 2, −1 on T, plus one instance of 128 planar points on which every a = (1, s) with s < 64 collides two samples, "+
			"so the lexicographic direction is used (%d instances). "+
			"Sampled: %d rapid instances (K in [3, %d]; K in [3, 24] for the drawn directions below), d in [1, 8], N in [0, K], T random/alternating/clustered/at the ends, z equal/tiny/huge/small, "+
			"points random/collinear/simplex/grid/10⁻⁹-close and moment-curve traps, f random ReLU nets of depth 1–3; "+
			"%d of them built along a direction a drawn at random (small rationals) instead of the harness's, since the theorem holds for every a with (11) "+
			"(%d further drawn directions collided two samples and were confirmed to collide independently).",
		ex+n, ex, n, tlMaxK, nA-coll, coll)}
}

func checkT41U(cfg Config) Result {
	chk := t41UCheck(construction.TwoLayer, T41UBound)
	paper := t41UCheck(construction.TwoLayerPaper, T41UBound)
	both := func(ft *props.FineTune) error {
		if err := paper(ft); err != nil {
			return err
		}
		return chk(ft)
	}
	ex, exFail, err := exhaustiveLayouts(cfg, tlLayoutK, both)
	if err != nil {
		return Result{Verdict: Counterexample, Checked: ex, Evidence: "exhaustive sweep failed",
			Findings: []Finding{tlCounterexample("T4.1-U", cfg, exFail, err.Error())}}
	}
	out, n, fail, msg := tlRun("T4.1-U", tlMaxK, both)
	if out.Failed {
		return Result{Verdict: Counterexample, Checked: ex + n, Evidence: "rapid found a failing instance",
			Findings: []Finding{tlCounterexample("T4.1-U", cfg, fail, msg)}}
	}
	res := Result{Verdict: Holds, Checked: ex + n, Evidence: fmt.Sprintf(
		"Theorem 4.4's network, unpruned (|J|−1 neurons) and pruned, verified exactly (f+g = y, oracle) with m ≤ min{3N+1, K−1} on %d instances: "+
			"exhaustive over every T ⊆ [K], 3 ≤ K ≤ 9, on the line and a planar grid (%d), and %d rapid instances (K in [3, %d], d in [1, 8], N in [0, K], adversarial T, z, points and f of depth 1–3). "+
			"N = 0 gives the network with no neurons.", ex+n, ex, n, tlMaxK)}
	res.Findings = append(res.Findings, orientedFinding(cfg)...)
	res.Findings = append(res.Findings, exactTwoLayerFinding(cfg)...)
	return res
}

// orientedCheck: the oriented variant (construction.TwoLayerOriented)
// fine-tunes with m ≤ min{3N+1, K−1}, and m ≤ 3N when K ≥ 3N+2.
func orientedCheck(ft *props.FineTune) error {
	b, err := construction.TwoLayerOriented(ft.Inst)
	if err != nil {
		return err
	}
	if err := fineTunes(ft, b); err != nil {
		return err
	}
	N, K, m := ft.Inst.N(), ft.Inst.K(), b.Net.Hidden()
	if m > T41UBound(N, K) || (K >= 3*N+2 && m > 3*N) {
		return fmt.Errorf("oriented network has m = %d at N = %d, K = %d", m, N, K)
	}
	return nil
}

// orientedFinding reports m*(N, K) = 3N for K ≥ 3N+2 (the upper bound 3N+1
// is loose by one) when the oriented variant passes every check, with the
// smallest instance where Theorem 4.4's network, even pruned, has 3N+1.
func orientedFinding(cfg Config) []Finding {
	ex, _, err := exhaustiveLayouts(cfg, tlLayoutK, orientedCheck)
	if err != nil {
		return nil
	}
	out, n, _, _ := tlRun("T4.1-U/oriented", tlMaxK, orientedCheck)
	if out.Failed {
		return nil
	}
	exact, err := witnessesExact(cfg)
	if err != nil {
		return nil
	}
	in := instance.OnLine(oracle.Rats(1, 2, 3, 4, 5), oracle.Rats(1, 0, 0, 0, 0))
	paper, err1 := construction.TwoLayer(in)
	or, err2 := construction.TwoLayerOriented(in)
	if err1 != nil || err2 != nil {
		return nil
	}
	if _, err := in.Verify(or.Net); err != nil {
		return nil
	}
	var sb strings.Builder
	_ = or.Net.WriteJSON(&sb)
	js := sb.String()
	return []Finding{{Kind: FindLooseBound, Reproduce: tlReproduce("T4.1-U", cfg),
		Instance: FromInstance(in, map[string]string{"m_paper": fmt.Sprint(paper.Neurons), "m_oriented": fmt.Sprint(or.Neurons), "network": js}),
		Text: fmt.Sprintf("For K ≥ 3N+2 the bound 3N+1 is loose by one: m*(N, K) = 3N. Proof: continue the interpolant on J linearly on both rays and open each "+
			"hinge towards a flat chord (δ_j·σ(w_j − s) left of it, δ_j·σ(s − w_j) right of it); then the neurons are the interior breakpoints, at most |J|−2 ≤ 3N. "+
			"A flat chord exists because the K−N ≥ 2N+2 unchanged samples lie in at most N+1 blocks, so some block has two kept end points with z = 0. "+
			"With Theorem 4.1.2's min{3N, K−2} = 3N this is exact; on the paper's witness (Sec. 4.1) the exact minimum breakpoint count R equals 3N and the "+
			"verified oriented network has exactly 3N neurons at all %d grid points 1 ≤ N ≤ 8, 3N+2 ≤ K ≤ 3N+12. Verified (oracle, f+g = y) on %d instances (%d exhaustive, every T ⊆ [K], K ≤ 9; %d rapid), "+
			"never above 3N when K ≥ 3N+2 nor above min{3N+1, K−1} otherwise. Smallest instance where Theorem 4.4's network, even pruned, has 3N+1: "+
			"K = 5, x_i = i, T = {1}, z_1 = 1: %d neurons; the oriented network g(x) = σ(2 − x) has %d.", exact, ex+n, ex, n, paper.Neurons, or.Neurons)}}
}

// witnessesExact checks, for 1 ≤ N ≤ 8 and 3N+2 ≤ K ≤ 3N+12, that the
// paper's witness has exact minimum breakpoint count R = 3N (so m ≥ 3N) and
// that the oriented network fine-tunes it with 3N neurons (verified).
func witnessesExact(cfg Config) (int, error) {
	n := 0
	for N := 1; N <= 8 && !cfg.Expired(); N++ {
		for K := 3*N + 2; K <= 3*N+12; K++ {
			in, err := lowerbound.PaperWitness(N, K)
			if err != nil {
				return n, err
			}
			R, err := lowerbound.InstanceBreakpoints(in)
			if err != nil {
				return n, err
			}
			b, err := construction.TwoLayerOriented(in)
			if err != nil {
				return n, err
			}
			if _, err := in.Verify(b.Net); err != nil {
				return n, err
			}
			if R != 3*N || b.Neurons != 3*N {
				return n, fmt.Errorf("N = %d, K = %d: R = %d, oriented m = %d", N, K, R, b.Neurons)
			}
			n++
		}
	}
	return n, nil
}

// anyDirectionRun: along a drawn direction a (entries small rationals),
// either a collides two samples (confirmed independently) or the paper's
// network built along a fine-tunes f+g = y with m ≤ eq. 12's bound in the
// order a induces. It returns the outcome, the count, how many directions
// collided, and the shrunk failure.
func anyDirectionRun() (search.Outcome, int, int, *props.FineTune, string) {
	n, coll := 0, 0
	var fail *props.FineTune
	var msg string
	out := search.Run("T4.4/any a", func(t *rapid.T) {
		ft := twoLayerProblem(24).Draw(t, "problem")
		d := ft.Inst.Dim()
		a := rapid.SliceOfN(props.SmallRat(), d, d).Draw(t, "a")
		n++
		err := anyDirection(ft, a)
		if err == errCollides {
			coll++
			return
		}
		if err != nil {
			fail, msg = ft, fmt.Sprintf("a = %v: %v", a, err)
			t.Fatalf("%s", msg)
		}
	})
	return out, n, coll, fail, msg
}

var errCollides = fmt.Errorf("direction collides")

func anyDirection(ft *props.FineTune, a []*big.Rat) error {
	T, sepErr := positionsAlong(ft.Inst, a)
	p, err := construction.PlanAlong(ft.Inst, a)
	var ce *construction.CollisionError
	switch {
	case errors.As(err, &ce) && sepErr != nil:
		return errCollides
	case err != nil || sepErr != nil:
		return fmt.Errorf("construction says %v, independent check says %v", err, sepErr)
	}
	b := p.Network()
	if err := fineTunes(ft, b); err != nil {
		return err
	}
	if m, bound := b.Net.Hidden(), eq12Bound(ft.Inst.K(), T); m > bound {
		return fmt.Errorf("m = %d > K−1−Σmax{|P|−2,0} = %d", m, bound)
	}
	return nil
}

// trapProblem is 128 points in the plane, pairs p and p + (s, −1) for
// s = 0..63, which collide under a = (1, s): the projection search must fall
// back to its lexicographic direction. Every third sample is changed.
func trapProblem() *props.FineTune {
	in := &instance.Instance{}
	for s := int64(0); s < construction.MomentTries; s++ {
		p := []*big.Rat{big.NewRat(1000*s, 1), big.NewRat(7*s*s, 1)}
		q := []*big.Rat{big.NewRat(1000*s+s, 1), big.NewRat(7*s*s-1, 1)}
		in.X = append(in.X, p, q)
	}
	for i := range in.X {
		z := new(big.Rat)
		if i%3 == 0 {
			z.SetFrac64(int64(i%7)-3, 2)
		}
		in.Z = append(in.Z, z)
	}
	return &props.FineTune{Inst: in}
}
