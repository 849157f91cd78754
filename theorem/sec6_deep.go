package theorem

// P6.1 (Prop. 6.1, Appendix B): for L ≥ 4 an L-layer ReLU network of
// maximum width d ≤ 4·min{√(3N/⌊(L−1)/2⌋ + 5), √K} + 2 fine-tunes any
// instance. The check builds construction.Deep (T split into ⌊(L−1)/2⌋
// parts, one 3-layer block per part, stacked with carrier and accumulator
// units as in Yun et al. Fig. 2), verifies f + g exactly with the oracle,
// checks the depth is L, and compares the maximum hidden width with the
// stated bound as written (bounds.Prop61Width, exact).
//
// Verdict: Counterexample when the network does not fine-tune (the proof's
// wiring fails) or has the wrong depth; Holds when every instance is fitted
// within the stated width; Inconclusive when some instance was fitted only
// with a wider network (the existence claim is then not certified there:
// the blocks available are wider than App. B's 4·min{√(3|T_i|+2), √K}), with
// a proof-step finding that names the smallest such instance and why.

import (
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/bounds"
	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
	"github.com/ftcheck/ftcheck/props"
	"github.com/ftcheck/ftcheck/theorem/drive"
	"pgregory.net/rapid"
)

// p61Budget sizes the check: the grid K = 3..gridK, the sweep over
// K ∈ sweepK, rapid draws with K ≤ maxK.
type p61Budget struct {
	gridK, maxK int
	sweepK      []int
}

// p61Build is the construction under check (a planted bug in tests).
type p61Build func(in *instance.Instance, L int) (*construction.Built, error)

// p61BudgetOf is P6.1's budget at cfg.Checks.
func p61BudgetOf(cfg Config) p61Budget {
	sweep := []int{64, 128, 256}
	if cfg.Checks < 100 {
		sweep = sweep[:1]
	}
	return p61Budget{gridK: scaled(cfg, 24, 8), maxK: scaled(cfg, 48, 16), sweepK: sweep}
}

// p61Parts are P6.1's parts at cfg's budget.
func p61Parts(cfg Config) []drive.Part {
	return []drive.Part{p61Part(construction.Deep, p61BudgetOf(cfg), &p61Tally{})}
}

func checkP61(cfg Config) Result {
	res := p61Check(cfg, construction.Deep, p61BudgetOf(cfg))
	if res.Verdict != Counterexample && !cfg.Expired() {
		res.Findings = append(res.Findings, p61BlockWidthFinding(cfg, 30)...)
	}
	return res
}

// p61Point is one checked instance.
type p61Point struct {
	in      *instance.Instance
	L, N, K int
	w       int
	stated  bounds.Surd
}

type p61Tally struct {
	checked, wide, maxBits int
	firstWide              *p61Point
}

// p61Part is build (construction.Deep, or a planted bug) as a drive.Part:
// the grid L = 4..8 × K = 3..bud.gridK, then the K ≫ N sweep at every L,
// then rapid draws with L in 4..8. Each network must fine-tune with depth
// L; a maximum width over the stated bound only leaves the existence claim
// unproven there (Inconclusive), it does not refute it.
func p61Part(build p61Build, bud p61Budget, tl *p61Tally) drive.Part {
	return drive.Part{
		Name: "P6.1",
		Grid: func(yield func(drive.Case) bool) {
			for L := 4; L <= 8; L++ {
				for K := 3; K <= bud.gridK; K++ {
					for _, ft := range yunGridInstances(K) {
						if !yield(drive.Case{FT: ft, L: L}) {
							return
						}
					}
				}
			}
			for _, ft := range p61Sweep(bud.sweepK) {
				for L := 4; L <= 8; L++ {
					if !yield(drive.Case{FT: ft, L: L}) {
						return
					}
				}
			}
		},
		Draw: rapid.Custom(func(t *rapid.T) drive.Case {
			L := rapid.IntRange(4, 8).Draw(t, "L")
			return drive.Case{FT: yunDraw(t, yunBudget{maxK: bud.maxK}), L: L}
		}),
		Build: func(c drive.Case) ([]*construction.Built, error) {
			b, err := build(c.FT.Inst, c.L)
			return []*construction.Built{b}, err
		},
		Measure: maxWidth,
		Limit: func(c drive.Case, _ *construction.Built) (int, string, error) {
			w := bounds.Prop61Width(c.FT.Inst.N(), c.FT.Inst.K(), c.L)
			return int(w.Floor().Int64()), "4·min{√(3N/⌊(L−1)/2⌋ + 5), √K} + 2", nil
		},
		OverLimit: Inconclusive,
		Check: func(c drive.Case, b *construction.Built) error {
			if b.Net.Depth() != c.L {
				return fmt.Errorf("L = %d: the network has %d layers", c.L, b.Net.Depth())
			}
			return nil
		},
		See: func(c drive.Case, nets []*construction.Built) {
			in := c.FT.Inst
			tl.see(&p61Point{in: in, L: c.L, N: in.N(), K: in.K(), w: maxWidth(nets[0]),
				stated: bounds.Prop61Width(in.N(), in.K(), c.L)}, nets[0].Net.BitSize())
		},
	}
}

// maxWidth is the largest hidden width of b.
func maxWidth(b *construction.Built) int {
	w := 0
	for _, v := range b.Net.Widths() {
		w = max(w, v)
	}
	return w
}

func p61Check(cfg Config, build p61Build, bud p61Budget) Result {
	var tl p61Tally
	o := drive.Run(cfg, p61Part(build, bud, &tl))
	return p61Result(cfg, bud, &tl, o)
}

func (tl *p61Tally) see(p *p61Point, bits int) {
	tl.checked++
	tl.maxBits = max(tl.maxBits, bits)
	if bounds.LeqInt(p.w, p.stated) {
		return
	}
	tl.wide++
	f := tl.firstWide
	if f == nil || p.K < f.K || (p.K == f.K && (p.N < f.N || (p.N == f.N && p.L < f.L))) {
		tl.firstWide = p
	}
}

func p61Result(cfg Config, bud p61Budget, tl *p61Tally, o *drive.Outcome) Result {
	repro := fmt.Sprintf("ftcheck check P6.1 -seed %d -checks %d", cfg.Seed, cfg.Checks)
	res := drive.Judge(cfg, repro, o)
	if res.Verdict == Counterexample || o.Stopped != "" || cfg.Expired() {
		return res
	}
	scope := fmt.Sprintf("%d L-layer networks built and verified exactly on f + g: a grid of %d 1-D problems "+
		"(L = 4..8, K = 3..%d, N ∈ {0, 1, 2, ⌈K/3⌉, K}, targets distinct, equal, and up to ±K), in full, and %d rapid draws "+
		"(L 4..8, K 3..%d, d 1..8, adversarial points, T and targets); largest weight %d bits",
		tl.checked, o.Grid, bud.gridK, o.Drawn, bud.maxK, tl.maxBits)
	if len(bud.sweepK) > 0 {
		scope += fmt.Sprintf("; the grid includes a sweep over K ∈ %v, N = 1, 4, …, 22 (T evenly spaced, "+
			"targets equal and distinct), where K ≫ N makes the √(3N/⌊(L−1)/2⌋ + 5) branch bind", bud.sweepK)
	}
	res.Evidence = scope + fmt.Sprintf("; all fine-tune with depth L; maximum width within the stated bound at %d of %d",
		tl.checked-tl.wide, tl.checked)
	if tl.firstWide != nil {
		p := tl.firstWide
		res.Verdict = Inconclusive
		res.Findings = append(res.Findings, Finding{Kind: FindProofStep,
			Text: fmt.Sprintf("L = %d, N = %d, K = %d: the narrowest 3-layer blocks built here (U1, U2, U2 with one window, "+
				"U3 of Fig. 8, each with its width-minimising integer shape) give maximum width %d > %s. App. B needs blocks "+
				"of width ≤ 4·min{√(3|T_i|+2), √K}; integer widths do not give it here. Not certified at %d of %d instances",
				p.L, p.N, p.K, p.w, p.stated, tl.wide, tl.checked),
			Instance:  FromInstance(p.in, map[string]string{"L": fmt.Sprint(p.L), "width": fmt.Sprint(p.w), "stated": p.stated.String()}),
			Reproduce: repro})
	}
	return res
}

// p61Sweep are 1-D problems with K ≫ N: N = 1, 4, …, 22 evenly spaced
// changed samples among K, targets all 1/2 or distinct in [−1, 1].
func p61Sweep(Ks []int) []*props.FineTune {
	var out []*props.FineTune
	for _, K := range Ks {
		for N := 1; N <= 22 && N <= K; N += 3 {
			for kind := 0; kind < 2; kind++ {
				z := make([]*big.Rat, K)
				for i := range z {
					z[i] = new(big.Rat)
				}
				for s := 0; s < N; s++ {
					if kind == 0 {
						z[s*K/N].SetFrac64(1, 2)
					} else {
						z[s*K/N].SetFrac64(int64(2*(s%2)-1)*int64(s+1), int64(N))
					}
				}
				out = append(out, yunFrozen(K, z))
			}
		}
	}
	return out
}

// p61BlockWidthFinding checks App. B's premise that the Fig. 8 block for
// |T| = n has maximum width ≤ 4√(3n+2), on the instances with |J| = 3n+2
// (K = 3n+2, T = {3, 6, …, 3n}), for n = 1..maxN: U3 with the paper's shape
// (⌈√|J|⌉ groups) is built, verified, and its width compared exactly; the
// smallest n where it is wider is a proof-step finding (integer widths),
// together with the width the width-minimising shape gets there.
func p61BlockWidthFinding(cfg Config, maxN int) []Finding {
	var first *Finding
	for n := 1; n <= maxN && !cfg.Expired(); n++ {
		ft, stated := p61WorstJ(n), bounds.SqrtInt(3*n+2).MulInt(4)
		paper, err1 := p61BlockWidth(ft, construction.U3Options{})
		narrow, err2 := p61BlockWidth(ft, construction.U3Options{Shape: construction.NarrowU3Shape})
		if err1 != nil || err2 != nil || !bounds.LeqInt(narrow, stated) {
			return nil // the repair does not hold: no claim of it
		}
		if first == nil && !bounds.LeqInt(paper, stated) {
			first = &Finding{Kind: FindProofStep,
				Text: fmt.Sprintf("App. B takes the Fig. 8 network g_{θ,T} to have maximum width 4·min{√(3|T|+2), √K}; with "+
					"the paper's √|J| × √|J| grouping rounded to integers (construction.U3) it has width %d > 4√%d at |T| = %d, "+
					"K = |J| = %d (verified network). The grouping that minimises the width (construction.NarrowU3Shape: more "+
					"groups, fewer σL units) gives width %d and stays within 4√(3|T|+2) for every |T| = 1..%d on these |J| = 3|T|+2 "+
					"instances (verified); construction.Deep uses it.", paper, 3*n+2, n, 3*n+2, narrow, maxN),
				Instance: FromInstance(ft.Inst, map[string]string{"width": fmt.Sprint(paper), "stated": stated.String()})}
		}
	}
	if first == nil || cfg.Expired() {
		return nil
	}
	return []Finding{*first}
}

// p61WorstJ is the instance with |J| = K = 3n+2: T = {3, 6, …, 3n}.
func p61WorstJ(n int) *props.FineTune {
	K := 3*n + 2
	z := make([]*big.Rat, K)
	for i := range z {
		z[i] = new(big.Rat)
		if (i+1)%3 == 0 {
			z[i].SetFrac64(int64(2*(i%2)-1), 2)
		}
	}
	return yunFrozen(K, z)
}

// p61BlockWidth builds U3 with opt, verifies it and returns its maximum width.
func p61BlockWidth(ft *props.FineTune, opt construction.U3Options) (int, error) {
	b, err := construction.U3With(ft.Inst, opt)
	if err != nil {
		return 0, err
	}
	if _, err := oracle.Verify(b.Net, ft.F, ft.Inst.X, ft.Y); err != nil {
		return 0, err
	}
	w := 0
	for _, v := range b.Net.Widths() {
		w = max(w, v)
	}
	return w, nil
}
