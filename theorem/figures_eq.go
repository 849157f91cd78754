package theorem

// F's displayed equations and restatements (exact integer and rational
// grids), the activations as ReLU gadgets, the proof-step findings, and the
// claim's check. The figures' networks are in figures.go.

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/ftcheck/ftcheck/bounds"
	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/lowerbound"
)

// figEq is one displayed equation or restatement: at checks every grid
// point it owns and returns "" or what fails at the first point.
type figEq struct {
	name string
	at   func(maxK int) (points int, fail string)
}

// figEquations are the identities the paper states twice or displays.
var figEquations = []figEq{
	{"Thm 4.1 proof: K−1−max{K−3N−2,0} = min{3N+1,K−1}", func(maxK int) (int, string) {
		return overNK(maxK, func(N, K int) (int, int) { return K - 1 - max(K-3*N-2, 0), bounds.Thm41Upper(N, K) })
	}},
	{"eq. 9: p(K)−1 = Thm 4.1.2's min{3N,K−2}", func(maxK int) (int, string) {
		return overNK(maxK, func(N, K int) (int, int) {
			p := K - 1
			if K >= 3*N+2 {
				p = 3*N + 1
			}
			return p - 1, bounds.Thm41Lower(N, K)
		})
	}},
	{"Lemma 4.7: K−max{K−3N−2,0} = min{3N+2,K} (|J| bound)", func(maxK int) (int, string) {
		return overNK(maxK, func(N, K int) (int, int) { return K - max(K-3*N-2, 0), min(3*N+2, K) })
	}},
	{"Cor 4.2 proof: K ≥ m+2 ⇒ min{3⌊(m−1)/3⌋+1, K−1} = 3⌊(m−1)/3⌋+1 ≤ m", func(maxK int) (int, string) {
		n := 0
		for m := 1; m+2 <= maxK; m++ {
			f := 3*((m-1)/3) + 1
			for K := max(m+2, 3); K <= maxK; K++ {
				n++
				if min(f, K-1) != f || f > m {
					return n, fmt.Sprintf("m = %d, K = %d: min{%d, %d} ≠ %d or > m", m, K, f, K-1, f)
				}
			}
		}
		return n, ""
	}},
	{"Cor 5.2 proof (eq. 18): min{4√K, 2√K+3K, 6√(3K+2)} = 4√K", func(maxK int) (int, string) {
		for K := 3; K <= maxK; K++ {
			// 4√K ≤ 2√K+3K ⇔ 4K ≤ 9K²; 4√K ≤ 6√(3K+2) ⇔ 16K ≤ 36(3K+2).
			if 4*K > 9*K*K || 16*K > 36*(3*K+2) {
				return K - 2, fmt.Sprintf("K = %d", K)
			}
		}
		return maxK - 2, ""
	}},
	{"eq. 22: 6√(3(m²/108 − 2/3) + 2) = m", func(maxK int) (int, string) {
		for m := 1; m <= maxK; m++ {
			q := new(big.Rat).Sub(big.NewRat(int64(m*m), 108), big.NewRat(2, 3))
			q.Mul(q, big.NewRat(3, 1)).Add(q, big.NewRat(2, 1)).Mul(q, big.NewRat(36, 1))
			if q.Cmp(big.NewRat(int64(m*m), 1)) != 0 {
				return m, fmt.Sprintf("m = %d: 36(3(m²/108 − 2/3) + 2) = %s ≠ m²", m, q.RatString())
			}
		}
		return maxK, ""
	}},
	{"Fig. 5 caption: A = ⌊m²/108 − 2/3⌋, B = (m²+m)/6 are eq. 19–20's bounds; ⌊m²/16⌋ < (m²+m+4)/2, A ≤ B", func(maxK int) (int, string) {
		for m := 1; m <= maxK; m++ {
			A := new(big.Rat).Sub(big.NewRat(int64(m*m), 108), big.NewRat(2, 3))
			a := new(big.Int).Div(A.Num(), A.Denom()) // floor: Denom > 0
			B := big.NewRat(int64(m*m+m), 6)
			switch {
			case a.Int64() != int64(bounds.Cor52NLower(m)) || B.Cmp(bounds.Cor52NUpper(m)) != 0:
				return m, fmt.Sprintf("m = %d: caption A = %s, B = %s; eq. 19–20 give %d, %s", m, a, B.RatString(), bounds.Cor52NLower(m), bounds.Cor52NUpper(m).RatString())
			case big.NewRat(int64(m*m/16), 1).Cmp(bounds.Cor52LargeK(m)) >= 0 || big.NewRat(a.Int64(), 1).Cmp(B) > 0:
				return m, fmt.Sprintf("m = %d: the regions of Fig. 5 are out of order", m)
			}
		}
		return maxK, ""
	}},
	{"Remark 5 with constants: L = √(2·min{3N,K−2}+1/4) − 1/2 ≥ 2√N if 3N ≤ K−2, ≥ √(K/3) ≥ √(N/3) if 3N > K−2", func(maxK int) (int, string) {
		return overNK(maxK, func(N, K int) (int, int) {
			if N == 0 {
				return 0, 0
			}
			// L ≥ c√X ⇔ 2M − c²X ≥ c√X ⇔ 2M − c²X ≥ 0 and (2M − c²X)² ≥ c²X,
			// squared by hand: c² = 4, X = N; c² = 1/3, X = K (times 9).
			if M := min(3*N, K-2); 3*N <= K-2 {
				if d := 2*M - 4*N; d < 0 || d*d < 4*N {
					return 1, 0
				}
			} else if d := 6*M - K; d < 0 || d*d < 3*K {
				return 1, 0
			}
			return 0, 0
		})
	}},
	{"eq. 23 σH, σT (App. A), σB (Sec. 5.2) = the 2-, 2-, 3-ReLU gadgets", func(int) (int, string) {
		return gadgetsAgree()
	}},
}

// overNK runs f over 0 ≤ N ≤ K, 3 ≤ K ≤ maxK; f returns the two sides.
func overNK(maxK int, f func(N, K int) (int, int)) (int, string) {
	n := 0
	for K := 3; K <= maxK; K++ {
		for N := 0; N <= K; N++ {
			n++
			if l, r := f(N, K); l != r {
				return n, fmt.Sprintf("N = %d, K = %d: %d ≠ %d", N, K, l, r)
			}
		}
	}
	return n, ""
}

// gadgetsAgree compares each activation as the paper prints it with the
// ReLU gadget the constructions use. Both are continuous and piecewise
// linear with breakpoints among the gadget's kinks k_1 < … < k_r (checked
// first), so agreeing at every kink and one point beyond each end makes
// them equal everywhere: each piece is fixed by two points.
func gadgetsAgree() (int, string) {
	r := func(a, b int64) *big.Rat { return big.NewRat(a, b) }
	clamp := func(t *big.Rat) *big.Rat {
		if t.Cmp(r(-1, 1)) < 0 {
			return r(-1, 1)
		}
		if t.Cmp(r(1, 1)) > 0 {
			return r(1, 1)
		}
		return t
	}
	type act struct {
		name  string
		g     construction.Gadget
		cost  int
		paper func(*big.Rat) *big.Rat
	}
	acts := []act{{"σH (eq. 23)", construction.HardTanh, 2, clamp}}
	for _, d := range []*big.Rat{r(1, 1), r(1, 3)} {
		acts = append(acts, act{"σT, δ = " + d.RatString(), construction.SigmaT(d), 2, func(t *big.Rat) *big.Rat {
			one := r(1, 1)
			switch {
			case t.Cmp(one) < 0:
				return t
			case t.Cmp(new(big.Rat).Add(one, d)) < 0: // −(t − 1 − δ)/δ
				v := new(big.Rat).Sub(t, one)
				return v.Sub(v, d).Quo(v, d).Neg(v)
			}
			return new(big.Rat)
		}})
	}
	for _, z := range []*big.Rat{r(1, 2), r(-1, 1)} {
		d := r(1, 4)
		acts = append(acts, act{"σB, z = " + z.RatString(), construction.Bump(z, d, z), 3, func(t *big.Rat) *big.Rat {
			lo, hi := new(big.Rat).Sub(z, d), new(big.Rat).Add(z, d)
			s := new(big.Rat).Quo(z, d)
			switch {
			case t.Cmp(lo) < 0 || t.Cmp(hi) >= 0:
				return new(big.Rat)
			case t.Cmp(z) < 0: // (z/δ)(t − z + δ)
				return new(big.Rat).Mul(s, new(big.Rat).Sub(t, lo))
			}
			return new(big.Rat).Mul(s, new(big.Rat).Sub(hi, t)) // −(z/δ)(t − z − δ)
		}})
	}
	n := 0
	for _, a := range acts {
		if a.g.Cost() != a.cost {
			return n, fmt.Sprintf("%s: %d ReLUs, the paper says %d", a.name, a.g.Cost(), a.cost)
		}
		var ts []*big.Rat
		for j := range a.g.Alpha {
			if a.g.Beta[j].Sign() == 0 {
				return n, a.name + ": a ReLU with zero slope"
			}
			ts = append(ts, new(big.Rat).Neg(new(big.Rat).Quo(a.g.Gamma[j], a.g.Beta[j])))
		}
		lo, hi := ts[0], ts[0]
		for _, t := range ts {
			if t.Cmp(lo) < 0 {
				lo = t
			}
			if t.Cmp(hi) > 0 {
				hi = t
			}
		}
		ts = append(ts, new(big.Rat).Sub(lo, r(1, 1)), new(big.Rat).Add(hi, r(1, 1)))
		for _, t := range ts {
			n++
			if got, want := a.g.Apply(t), a.paper(t); got.Cmp(want) != 0 {
				return n, fmt.Sprintf("%s at t = %s: gadget %s, paper %s", a.name, t.RatString(), got.RatString(), want.RatString())
			}
		}
	}
	return n, ""
}

// figEqMaxK is the grid of the equations: 200, growing with the budget.
func figEqMaxK(cfg Config) int { return 200 * (exhaustiveK(cfg, 10) - 9) }

func checkF(cfg Config) Result {
	repro := reproduce("F", cfg)
	res, outs, ok := runParts(cfg, repro, figParts(cfg)...)
	if !ok {
		return res
	}
	var cases []string
	for _, o := range outs {
		cases = append(cases, fmt.Sprintf("%s %d", o.Part, o.Grid))
	}
	maxK := figEqMaxK(cfg)
	var eqs []string
	for _, e := range figEquations {
		n, fail := e.at(maxK)
		if fail != "" {
			res.Verdict = Counterexample
			res.Findings = append(res.Findings, Finding{Kind: FindCounterexample, Reproduce: repro,
				Instance: &Instance{Params: map[string]string{"equation": e.name, "at": fail}},
				Text:     e.name + " fails: " + fail})
			continue
		}
		eqs = append(eqs, fmt.Sprintf("%s (%d points)", e.name, n))
	}
	res.Evidence = fmt.Sprintf("The figures' networks built and verified exactly by the oracle, every stated set and count compared "+
		"(cases per part: %s); the displayed equations and restatements over exact grids up to K, m = %d: %s.",
		strings.Join(cases, ", "), maxK, strings.Join(eqs, "; "))
	res.Exhaustive = true
	res.Findings = append(res.Findings, figFindings(repro)...)
	return res
}

// figFindings are the proof steps the figures and displays state wrongly
// (or twice, differently), each computed here, not asserted.
func figFindings(repro string) []Finding {
	var out []Finding
	for _, f := range []func(string) *Finding{eq27Finding, fig3Finding, eq13Finding, witnessRangeFinding, fig10NameFinding} {
		if fd := f(repro); fd != nil {
			out = append(out, *fd)
		}
	}
	return out
}

// eq27Finding: eq. 27 says β¹_j(x_6) ∈ (β¹_j(x_5), β¹_j(x_8)) for every j,
// an open interval; on Fig. 8's own instance the clipped windows give
// β¹_j(x_5) = β¹_j(x_6) = β¹_j(x_8), which the next sentence of the text
// states itself.
func eq27Finding(repro string) *Finding {
	ft := figLine(16, map[int]*big.Rat{2: fig8Targets[0], 4: fig8Targets[1], 9: fig8Targets[2]})
	b, err := construction.U3(ft.Inst)
	if err != nil {
		return nil
	}
	a1, _, err := alphas(b.Net, ft.Inst.X, 3, 0)
	if err != nil {
		return nil
	}
	var bad, vals []string
	for j := range 3 {
		be := func(i int) *big.Rat { return construction.HardTanh.Apply(a1[i-1][j]) }
		b5, b6, b8 := be(5), be(6), be(8)
		vals = append(vals, fmt.Sprintf("β¹_%d(x_5, x_6, x_8) = (%s, %s, %s)", j+1, b5.RatString(), b6.RatString(), b8.RatString()))
		if !strictlyBetween(b6, b5, b8) {
			if !(b6.Cmp(minRat(b5, b8)) >= 0 && b6.Cmp(maxRat(b5, b8)) <= 0) {
				return nil // not even the closed interval: the window check of the part would have failed
			}
			bad = append(bad, fmt.Sprint(j+1))
		}
	}
	if len(bad) == 0 {
		return nil
	}
	return &Finding{Kind: FindProofStep, Reproduce: repro,
		Instance: FromInstance(ft.Inst, map[string]string{"figure": "Fig. 8"}),
		Text: fmt.Sprintf("Sec. 5.2, eq. 27 states β¹_j(x_6) ∈ (β¹_j(x_5), β¹_j(x_8)), an open interval, for every j; on Fig. 8's own "+
			"instance (K = 16, T = {2, 4, 9}, x_i = i, U3's windows verified) it fails for j ∈ {%s}: %s. The next sentence of the "+
			"text ('β¹_1(x_6) = +1, … β¹_3(x_6) = −1') says so itself. The closed interval holds (σH is monotone), and that is "+
			"what the argument uses.", strings.Join(bad, ", "), strings.Join(vals, "; "))}
}

func minRat(a, b *big.Rat) *big.Rat {
	if a.Cmp(b) < 0 {
		return a
	}
	return b
}

func maxRat(a, b *big.Rat) *big.Rat {
	if a.Cmp(b) > 0 {
		return a
	}
	return b
}

// fig3Finding: Sec. 4.1 says Fig. 3's witness "has K − 1 = 8 pieces". The
// connect-the-dots interpolant has; the argument needs every interpolant
// to, and the least is R + 1.
func fig3Finding(repro string) *Finding {
	ft := witness(9, 4, 2)
	t := make([]*big.Rat, 9)
	for i := range t {
		t[i] = big.NewRat(int64(i+1), 1)
	}
	R, err := lowerbound.MinBreakpoints(t, ft.Inst.Z)
	if err != nil || R+1 >= 8 {
		return nil
	}
	m := "not decided"
	if iv, err := lowerbound.TwoLayerMin1D(t, ft.Inst.Z); err == nil {
		m = fmt.Sprintf("in [%d, %d]", iv.Lo, iv.Hi)
		if iv.Lo == iv.Hi {
			m = fmt.Sprintf("exactly %d (lower: R, as a 2-layer net has at most m breakpoints on a line; upper: a %d-neuron network verified by the oracle)", iv.Hi, iv.Hi)
		}
	}
	return &Finding{Kind: FindProofStep, Reproduce: repro,
		Instance: FromInstance(ft.Inst, map[string]string{"figure": "Fig. 3", "R": fmt.Sprint(R)}),
		Text: fmt.Sprintf("Sec. 4.1 says Fig. 3's instance (K = 9 = 2N+1, T = {2, 4, 6, 8}) 'has K − 1 = 8 pieces'. The drawn "+
			"interpolant has, but the argument needs every interpolant to: the least number of breakpoints is R = %d (%d pieces, "+
			"turns shared between samples), so it forces m ≥ %d, not min{3N, K−2} = 7; the least 2-layer m of this instance is %s. "+
			"(T4.1-L reports the K = 2N+1 witness family and its repair.)", R, R+1, R, m)}
}

// eq13Finding: in the case eq. 13 (every block of P([K]∖T) has ≤ 2
// elements) the proof of Thm 4.4 says "it suffices to prove m ≤ K", while
// eq. 12 claims K − 1 there.
func eq13Finding(repro string) *Finding {
	K, T := 3, []int{2} // the smallest case: blocks {1}, {3}
	if b := eq12Bound(K, T); b != K-1 {
		return nil
	}
	return &Finding{Kind: FindProofStep, Reproduce: repro,
		Instance: &Instance{K: K, N: len(T), T: T, Params: map[string]string{"eq. 12": fmt.Sprint(K - 1)}},
		Text: "Proof of Thm 4.4, case eq. 13 (every block of P([K]∖T) has ≤ 2 elements): 'it suffices to prove m ≤ K', but " +
			"eq. 12 claims K − 1 − 0 = K − 1 there, so m ≤ K is one too weak (smallest: K = 3, T = {2}, blocks {1}, {3}: eq. 12 " +
			"says 2). The cited Lemma 4.5 gives K − 1 (K points, K − 1 neurons), so the theorem holds; the step's target and its " +
			"'K neurons can represent K data points' state a different number than the theorem."}
}

// witnessRangeFinding: Sec. 4.1 defines "x_i = iu for all i ∈ [N]" but
// uses T = {3, 6, …, 3N} ⊄ [N] (and all K samples).
func witnessRangeFinding(repro string) *Finding {
	N, K := 1, 5 // the smallest witness with K ≥ 3N+2
	if 3*N <= N {
		return nil
	}
	return &Finding{Kind: FindProofStep, Reproduce: repro,
		Instance: &Instance{K: K, N: N, T: []int{3}},
		Text: "Sec. 4.1 defines the witness's samples as 'x_i = iu for all i ∈ [N]', but T = {3, 6, …, 3N} and the K ≥ 3N+2 " +
			"samples need i up to K: x_3 is undefined already at N = 1, K = 5. Read i ∈ [K], as Fig. 2 (K = 14, N = 4) draws it; " +
			"the checks here and in T4.1-L use that reading."}
}

// fig10NameFinding: Fig. 10's caption calls 4N + 4 "U3", Sec. 5.2 defines
// U3 = 6√(3N+2): one name, two numbers, equal at no N.
func fig10NameFinding(repro string) *Finding {
	const maxN = 1000
	cross := -1
	for N := 0; N <= maxN; N++ {
		l, r := 16*(N+1)*(N+1), 36*(3*N+2) // (4N+4)² against (6√(3N+2))²
		if l == r {
			return nil
		}
		if l > r && cross < 0 {
			cross = N
		}
	}
	return &Finding{Kind: FindProofStep, Reproduce: repro,
		Instance: &Instance{Params: map[string]string{"first N with 4N+4 > 6√(3N+2)": fmt.Sprint(cross)}},
		Text: fmt.Sprintf("Fig. 10's caption names the Appendix A bound 'U3 = 4N + 4', but Sec. 5.2 defines U3 = 6√(3N+2) and "+
			"Thm 5.1.1 uses that one: one name for two numbers, equal at no N (compared squared, exactly, N = 0..%d); 4N+4 is "+
			"the smaller for N < %d and the larger from N = %d. Claim A checks 4N+4, T5.1-U checks 6√(3N+2).", maxN, cross, cross)}
}
