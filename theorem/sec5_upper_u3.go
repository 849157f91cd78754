package theorem

// The U3 part of T5.1-U (Thm 5.1.1, Sec. 5.2, Fig. 8): checkT51U3 builds
// construction.U3 — a Yun-style net fitted on the kept set J only, layer 1
// hard-tanh windows (eq. 28–29), layer 2 σL units — lets the oracle decide
// exactly whether f + g fits, and counts its ReLUs against U3 = 6√(3N+2) as
// written, compared exactly by squaring (m ≤ 6√(3N+2) ⇔ m² ≤ 36(3N+2)).
// The lead's T5.1-U check combines it with U1 and U2.
//
// Parts:
//
//   - count grid, exact integer arithmetic: for N = 0..gridN and every K ≥ N
//     (K ≥ 3), the worst case |J| = min{3N+2, K} (Lemma 4.7; attained), the
//     count 2M + 4G of the shape (M, G) = construction.U3Shape(|J|) computed
//     by brute force here, and every (N, K) where it exceeds 6√(3N+2);
//   - ratio sweep: m/√(3N+2) over N = 1..sweepN, exactly (m² / (3N+2) as a
//     rational), and m ≤ 6√(3N+2) + 6 at every N;
//   - builds: the worst case x_i = i, K = 3N+2, T = {3, …, 3N} for
//     N = 0..buildN (verified, count = the brute-force count), and a rapid
//     search over props.Instance (K up to maxK, d 1..8, N 0..K, every point
//     and T shape, targets in [−1, 1] and outside); |J| is counted here from
//     eq. 14, independently of construction.Kept.
//
// Verdict: Counterexample when a network fails to fine-tune or its count
// differs from 2M + 4G; Holds otherwise. Counts above 6√(3N+2) are a
// proof-step finding (integer widths), as are the discontinuous σL and the
// paper's betweenness claim for α²; fitting on T alone is a beyond-paper
// finding.

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/ftcheck/ftcheck/bounds"
	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
	"github.com/ftcheck/ftcheck/props"
	"github.com/ftcheck/ftcheck/theorem/drive"
	"pgregory.net/rapid"
)

// u3Budget sizes the U3 check.
type u3Budget struct {
	gridN, sweepN, buildN, maxK int
}

var u3Default = u3Budget{gridN: 300, sweepN: 10000, buildN: 40, maxK: 256}

func checkT51U3(cfg Config) Result {
	return checkT51U3With(cfg, construction.U3, u3BudgetOf(cfg))
}

// u3BudgetOf is U3's budget at cfg.Checks.
func u3BudgetOf(cfg Config) u3Budget {
	bud := u3Default
	bud.buildN, bud.maxK = scaled(cfg, bud.buildN, 10), scaled(cfg, bud.maxK, 32)
	return bud
}

// u3Count is min over G of 2M + 4G with M = ⌈√n⌉ groups and M·G ≥ n — the
// paper's √n × √n shape rounded up — by brute force: the least G ≥ 1 with
// M·G ≥ n. 0 for n = 0.
func u3Count(n int) int {
	if n == 0 {
		return 0
	}
	M := 1
	for M*M < n {
		M++
	}
	G := 1
	for M*G < n {
		G++
	}
	return 2*M + 4*G
}

// aboveU3 reports m > 6√(3N+2), the paper's U3 (bounds.Thm51U3), exactly.
func aboveU3(m, N int) bool { return !bounds.LeqInt(m, bounds.Thm51U3(N)) }

// keptCount is |J| from eq. 14 on the line order of in: a sample is kept if
// it is changed or a neighbour along the projection is changed or missing.
func keptCount(in *instance.Instance) (int, error) {
	p, err := construction.Separate(in.X)
	if err != nil {
		return 0, err
	}
	n := 0
	changed := func(k int) bool { return k < 0 || k >= len(p.Order) || in.Z[p.Order[k]].Sign() != 0 }
	for k := range p.Order {
		if changed(k) || changed(k-1) || changed(k+1) {
			n++
		}
	}
	return n, nil
}

// u3Tally is what the U3 check saw.
type u3Tally struct {
	built, maxBits   int
	exceed           *threeFailure // smallest built instance above 6√(3N+2)
	exceedN, exceedK int
	builtAbove       int
}

// u3Part is build (U3, or a planted bug) as a drive.Part: the worst-case
// lines N = 0..bud.buildN, then rapid draws. Each network must fine-tune,
// have |J| ≤ min{3N+2, K} (counted here from eq. 14) and exactly the
// brute-force count u3Count(|J|); tl records the passing ones.
func u3Part(build builder, bud u3Budget, tl *u3Tally) drive.Part {
	return drive.Part{
		Name: "T5.1-U/U3",
		Grid: func(yield func(drive.Case) bool) {
			for N := 0; N <= bud.buildN; N++ {
				if !yield(drive.Case{FT: worstLine(N)}) {
					return
				}
			}
		},
		Draw: rapid.Custom(func(t *rapid.T) drive.Case {
			unit := rapid.Bool().Draw(t, "zInUnit")
			return drive.Case{FT: props.Instance(props.InstanceOptions{MinK: 3, MaxK: bud.maxK, MaxD: 8, ZInUnit: unit}).Draw(t, "problem")}
		}),
		Build: func(c drive.Case) ([]*construction.Built, error) {
			b, err := build(c.FT.Inst)
			return []*construction.Built{b}, err
		},
		Limit: func(c drive.Case, _ *construction.Built) (int, string, error) {
			n, err := keptCount(c.FT.Inst)
			return u3Count(n), "the count 2⌈√|J|⌉ + 4⌈|J|/⌈√|J|⌉⌉", err
		},
		Check: func(c drive.Case, b *construction.Built) error {
			in := c.FT.Inst
			n, err := keptCount(in)
			if err != nil {
				return err
			}
			N, K, m := in.N(), in.K(), b.Net.Hidden()
			if n > min(3*N+2, K) {
				return fmt.Errorf("|J| = %d > min{3N+2, K} = %d (Lemma 4.7)", n, min(3*N+2, K))
			}
			if m != u3Count(n) {
				return fmt.Errorf("U3 uses %d ReLUs, the shape ⌈√|J|⌉ × ⌈|J|/⌈√|J|⌉⌉ with |J| = %d costs %d", m, n, u3Count(n))
			}
			return nil
		},
		See: func(c drive.Case, nets []*construction.Built) { tl.see(c.FT.Inst, nets[0]) },
	}
}

// checkT51U3With runs the U3 check on build (U3, or a planted bug).
func checkT51U3With(cfg Config, build builder, bud u3Budget) Result {
	var tl u3Tally
	o := drive.Run(cfg, u3Part(build, bud, &tl))
	return u3Result(cfg, bud, &tl, o)
}

// see records a verified network.
func (tl *u3Tally) see(in *instance.Instance, b *construction.Built) {
	N, K, m := in.N(), in.K(), b.Net.Hidden()
	tl.built++
	tl.maxBits = max(tl.maxBits, b.Net.BitSize())
	if aboveU3(m, N) {
		tl.builtAbove++
		if tl.exceed == nil || K < tl.exceedK || (K == tl.exceedK && N < tl.exceedN) {
			n, _ := keptCount(in) // counted without error by the Check that passed
			tl.exceed, tl.exceedN, tl.exceedK = &threeFailure{in, fmt.Sprintf("m = %d, |J| = %d", m, n)}, N, K
		}
	}
}

// u3GridText runs the count grid: for N = 0..gridN and K ≥ max{N, 3}, the
// worst-case count u3Count(min{3N+2, K}) against 6√(3N+2).
func u3GridText(gridN int) (text string, firstN, firstK int) {
	pairs, above, allAbove := 0, 0, 0
	firstN = -1
	for N := 0; N <= gridN; N++ {
		for K := max(N, 3); K <= 3*N+2; K++ { // K = 3N+2 stands for every K ≥ 3N+2
			pairs++
			if aboveU3(u3Count(min(3*N+2, K)), N) {
				above++
				if firstN < 0 {
					firstN, firstK = N, K
				}
			}
		}
		if aboveU3(u3Count(3*N+2), N) {
			allAbove++
		}
	}
	text = fmt.Sprintf("count grid (N = 0..%d, K = max{N,3}..3N+2, the last standing for every K ≥ 3N+2; worst case "+
		"|J| = min{3N+2, K}): the construction exceeds 6√(3N+2) at %d of %d (N, K) points, and for all K ≥ 3N+2 at "+
		"%d of %d values of N", gridN, above, pairs, allAbove, gridN+1)
	return text, firstN, firstK
}

// u3ExceedList lists, for N = 0..gridN, the least K0 with the worst-case
// count above 6√(3N+2) for every K ≥ K0, as "N:K0" items. The count is
// non-decreasing in |J| = min{3N+2, K}, so each N's excess set is K ≥ K0
// (checked here: an N whose excess set is not of that form is listed with
// all its K).
func u3ExceedList(gridN int) string {
	var out []string
	for N := 0; N <= gridN; N++ {
		var ks []int
		for K := max(N, 3); K <= 3*N+2; K++ {
			if aboveU3(u3Count(min(3*N+2, K)), N) {
				ks = append(ks, K)
			}
		}
		switch {
		case len(ks) == 0:
		case ks[len(ks)-1] == 3*N+2 && ks[len(ks)-1]-ks[0] == len(ks)-1:
			out = append(out, fmt.Sprintf("%d:%d", N, ks[0]))
		default:
			out = append(out, fmt.Sprintf("%d:%v", N, ks))
		}
	}
	return strings.Join(out, " ")
}

// u3SweepText checks the ratio m/√(3N+2) over N = 1..sweepN exactly; ok is
// false if m > 6√(3N+2) + 6 somewhere (the ratio would not be bounded by 6 + o(1)).
func u3SweepText(sweepN int) (text string, ok bool) {
	best, bestN := new(big.Rat), 0
	ok = true
	for N := 1; N <= sweepN; N++ {
		n := 3*N + 2
		m := u3Count(n)
		if r := big.NewRat(int64(m*m), int64(n)); r.Cmp(best) > 0 {
			best, bestN = r, N
		}
		if m > 6 && (m-6)*(m-6) > 36*n {
			ok = false
		}
	}
	last := u3Count(3*sweepN + 2)
	f1, _ := best.Float64()
	f2, _ := big.NewRat(int64(last*last), int64(3*sweepN+2)).Float64()
	text = fmt.Sprintf("ratio sweep N = 1..%d on the worst case |J| = 3N+2: max (m/√(3N+2))² = %s (ratio ≈ %.4f, "+
		"display only) at N = %d; at N = %d the ratio is ≈ %.4f; m ≤ 6√(3N+2) + 6 at every N: %v",
		sweepN, best.RatString(), sqrtDisplay(f1), bestN, sweepN, sqrtDisplay(f2), ok)
	return text, ok
}

// sqrtDisplay is √x for display in evidence text (never in a verdict).
func sqrtDisplay(x float64) float64 {
	r := x
	for i := 0; i < 60 && r > 0; i++ {
		r = (r + x/r) / 2
	}
	return r
}

// u3Result turns a tally into a Result.
func u3Result(cfg Config, bud u3Budget, tl *u3Tally, o *drive.Outcome) Result {
	repro := fmt.Sprintf("ftcheck check T5.1-U -seed %d -checks %d", cfg.Seed, cfg.Checks)
	res := drive.Judge(cfg, repro, o)
	if res.Verdict != Holds {
		return res
	}
	scope := fmt.Sprintf("U3 (Yun-style net on J, σH windows + σL units): %d networks built and verified exactly on "+
		"f + g: the Lemma 4.7 worst case x_i = i, K = 3N+2, T = {3, …, 3N} for N = 0..%d, in full, and %d rapid draws "+
		"(K 3..%d, d 1..8, N 0..K, points random/collinear/simplex/grid/10⁻⁹ apart, T random/alternating/clustered/"+
		"ends, targets in [−1, 1] and outside); count = 2⌈√|J|⌉ + 4⌈|J|/⌈√|J|⌉⌉ and |J| ≤ min{3N+2, K} at each; "+
		"largest weight %d bits", tl.built, bud.buildN, o.Drawn, bud.maxK, tl.maxBits)
	grid, gN, gK := u3GridText(bud.gridN)
	sweep, ok := u3SweepText(bud.sweepN)
	res.Evidence = scope + "; all fine-tune. " + grid + ". " + sweep
	if !ok {
		res.Verdict = Counterexample
		res.Findings = append(res.Findings, Finding{Kind: FindCounterexample,
			Text: "the U3 count is not within 6√(3N+2) + 6 over the sweep: " + sweep})
	}
	res.Findings = append(res.Findings, u3RoundingFinding(tl, gN, gK, repro), u3SigmaLFinding())
	res.Findings = append(res.Findings, u3BetweenFinding(repro)...)
	res.Findings = append(res.Findings, u3OnTFinding(cfg, bud)...)
	return res
}

// u3RoundingFinding reports where integer widths push U3 above 6√(3N+2),
// with the smallest built instance that shows it.
func u3RoundingFinding(tl *u3Tally, gN, gK int, repro string) Finding {
	text := fmt.Sprintf("integer widths: the paper counts √|J| hard-tanh windows and √|J| σL units, 6√|J| ≤ 6√(3N+2) "+
		"ReLUs, but widths are integers (every (N, K) with N ≤ %d where the worst case exceeds: params, as N:K0 meaning all K ≥ K0; "+
		"N ≤ 20: %s): ⌈√|J|⌉ groups of ⌈|J|/⌈√|J|⌉⌉ points cost 2⌈√|J|⌉ + 4⌈|J|/⌈√|J|⌉⌉, above "+
		"6√(3N+2) unless the rounding is absorbed (first at N = %d, K = %d; %d of the %d built networks). The gadgets "+
		"cost what the paper counts (σH 2, σL 4 ReLUs); the excess is rounding only, at most 6 ReLUs (ratio sweep).",
		u3Default.gridN, u3ExceedList(20), gN, gK, tl.builtAbove, tl.built)
	f := Finding{Kind: FindProofStep, Text: text}
	if tl.exceed != nil {
		f.Instance = FromInstance(tl.exceed.in, map[string]string{"count": tl.exceed.msg,
			"stated": fmt.Sprintf("6√%d", 3*tl.exceedN+2), "exceeds (N:K0 = every K ≥ K0)": u3ExceedList(u3Default.gridN)})
		f.Reproduce = repro
	}
	return f
}

// u3SigmaLFinding: σL as written cannot be a ReLU network.
func u3SigmaLFinding() Finding {
	return Finding{Kind: FindProofStep,
		Text: "σL(t) = t if |t| ≤ 1, 0 if |t| ≥ 1 (Sec. 5.2) is contradictory at t = ±1 and discontinuous there; no ReLU " +
			"network computes it. Its stated cost of 4 ReLUs fits the continuous version with ramps to 0 on " +
			"[1, 1+δ] and [−1−δ, −1] (construction.SigmaL, δ = 1), which keeps the construction correct because λ puts " +
			"every unfitted layer-2 input at |t| ≥ 1 + δ (u3.go); all U3 networks here use it and are verified."}
}

// u3OnTFinding verifies U3 fitted on T alone (beyond the paper) on the
// worst-case lines and the rapid-free grid, and checks its count against
// 6√(3N+2) for every N of the sweep, exactly.
func u3OnTFinding(cfg Config, bud u3Budget) []Finding {
	built := 0
	for N := 0; N <= bud.buildN && !cfg.Expired(); N++ {
		ft := worstLine(N)
		for _, shape := range []func(int) (int, int){nil, construction.CheapestShape} {
			b, err := construction.U3With(ft.Inst, construction.U3Options{OnT: true, Shape: shape})
			if err != nil {
				return nil
			}
			if _, err := oracle.Verify(b.Net, ft.F, ft.Inst.X, ft.Y); err != nil {
				return nil
			}
			if shape == nil && b.Net.Hidden() != u3Count(N) {
				return nil
			}
			built++
		}
	}
	if cfg.Expired() {
		return nil
	}
	worst, worstN := new(big.Rat), 0
	for N := 1; N <= bud.sweepN; N++ {
		m := u3Count(N)
		if aboveU3(m, N) {
			return nil
		}
		if r := big.NewRat(int64(m*m), int64(N)); r.Cmp(worst) > 0 {
			worst, worstN = r, N
		}
	}
	M, G := construction.CheapestShape(3*bud.sweepN + 2)
	return []Finding{{Kind: FindBeyondPaper,
		Text: fmt.Sprintf("U3 does not need J: its λ already sends every sample other than a unit's fitted point to "+
			"|α²| ≥ 1 + δ, whether or not it lies between kept zero-valued samples, so fitting on T alone works "+
			"(construction.U3With(in, U3Options{OnT: true}), verified on %d networks: worst-case lines N = 0..%d, paper "+
			"and cheapest shapes). Its count 2⌈√N⌉ + 4⌈N/⌈√N⌉⌉ ≤ 6√N + 6 is ≤ 6√(3N+2) at every N = 1..%d (exact, "+
			"m² ≤ 36(3N+2)), so with this change the stated U3 bound holds for integer widths; max (m/√N)² = %s at N = %d. "+
			"With the cheapest shape (more windows than σL units, construction.CheapestShape) the count tends to "+
			"4√2·√n ≈ 5.66√n instead of 6√n (at n = %d: %d windows, %d σL units, %d ReLUs). %s",
			built, bud.buildN, bud.sweepN, worst.RatString(), worstN, 3*bud.sweepN+2, M, G, 2*M+4*G, priorRepairs)}}
}

// u3BetweenFinding searches x_i = i, K = 4..9, every T, for a dropped sample
// x between kept neighbours a < x < b where some layer-2 unit's input α²(x)
// is not strictly between α²(a) and α²(b), contrary to the proof's "Eq. 27
// implies α²_j(x6) ∈ (α²_j(x5), α²_j(x8))".
func u3BetweenFinding(repro string) []Finding {
	sigmaL := construction.SigmaL(big.NewRat(1, 1))
	for K := 4; K <= 9; K++ {
		for mask := 1; mask < 1<<K; mask++ {
			z := make([]*big.Rat, K)
			for i := range z {
				z[i] = new(big.Rat)
				if mask>>i&1 == 1 {
					z[i].SetFrac64(int64(2*(i%2)-1), 2)
				}
			}
			ft := lineProblem(z)
			b, err := construction.U3(ft.Inst)
			if err != nil {
				return nil
			}
			if f := betweenViolation(ft.Inst, b, sigmaL, repro); f != nil {
				return []Finding{*f}
			}
		}
	}
	return nil
}

// betweenViolation checks the betweenness claim on one 1-D instance (samples
// sorted, x_i = i) and returns a finding for the first violation.
func betweenViolation(in *instance.Instance, b *construction.Built, g construction.Gadget, repro string) *Finding {
	K := in.K()
	kept := func(i int) bool {
		ch := func(k int) bool { return k < 0 || k >= K || in.Z[k].Sign() != 0 }
		return ch(i) || ch(i-1) || ch(i+1)
	}
	units := b.Net.Widths()[1] / g.Cost()
	for i := 1; i < K-1; i++ {
		if kept(i) {
			continue
		}
		a, c := i-1, i+1
		for !kept(a) {
			a--
		}
		for !kept(c) {
			c++
		}
		for u := 0; u < units; u++ {
			va, vx, vc := layer2Input(b.Net, g, u, in.X[a]), layer2Input(b.Net, g, u, in.X[i]), layer2Input(b.Net, g, u, in.X[c])
			lo, hi := va, vc
			if lo.Cmp(hi) > 0 {
				lo, hi = hi, lo
			}
			if vx.Cmp(lo) > 0 && vx.Cmp(hi) < 0 {
				continue
			}
			return &Finding{Kind: FindProofStep,
				Text: fmt.Sprintf("Sec. 5.2 claims that for a dropped sample x between kept x_a, x_b, Eq. 27 and positive W2 "+
					"imply α²_j(x) ∈ (α²_j(x_a), α²_j(x_b)). Not when x_a and x_b lie in different groups: two layer-1 "+
					"coordinates change between them, in opposite directions. Here x_%d lies between kept x_%d and x_%d, and "+
					"layer-2 unit %d has α²(x_%d) = %s, α²(x_%d) = %s, α²(x_%d) = %s. The conclusion g(x) = 0 survives: the "+
					"construction's λ covers every sample of the unit's zone, so |α²(x)| ≥ 1 + δ regardless (verified).",
					i+1, a+1, c+1, u+1, a+1, oracle.FormatRat(va), i+1, oracle.FormatRat(vx), c+1, oracle.FormatRat(vc)),
				Instance: FromInstance(in, nil), Reproduce: repro}
		}
	}
	return nil
}
