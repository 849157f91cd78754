package construction

// Appendix A with one layer-2 weight for every window, W2 = (W, …, W): the
// same 4N+4 ReLUs as the paper's network, with weights of the bit size of
// one sample and one target instead of all of them (issue 11).
//
// Where the paper-literal weights grow. Subtracting row j from row j+1 of
// eq. 34 (appendixa.go) leaves
//
//	(s_j − κ_j)·W2_j + (κ_{j+1} − s_j)·W2_{j+1} = z_{j+1} − z_j,      (D_j)
//
// so with the windows of eq. 28–29 every W2_j is a chain of these relations:
// its denominator collects those of all the targets z_1..z_j (the rapid
// draws with targets 1/n for 64–512-bit n gave 25 691-bit weights at
// K = 256, about Σ_i bits(den z_i)), and the null vector ν_{j+1} = ν_j·(s_j −
// κ_j)/(s_j − κ_{j+1}) multiplies the ratios of the data's gaps (on rapid's
// other draws, e.g. 672 bits at K = 256, d = 8, where the data have 5).
// λ = max_j ((1+δ)/g_j − μ_j)/ν_j and W2 = μ + λν inherit both.
//
// The freedom the proof leaves. Eq. 28–29 fix each window's ends at the
// midpoints between groups, but the proof uses only these properties of
// window j, on the sorted projected line c = vᵀx with groups s_1, …, s_G
// (G = 2N+1; odd j: stretches of unchanged samples, or one virtual point;
// even j: the singletons {T_k}), extreme positions lo_j ≤ hi_j, and
// hi_0 = lo_1 − ε, lo_{G+1} = hi_G + ε:
//
//	(P1) α¹_j(c) = s_j·(2c − L_j − R_j)/(R_j − L_j) with L_j < R_j, s_j = (−1)^{j−1};
//	(P2) hi_{j−1} < L_j < lo_j and hi_j < R_j < lo_{j+1}.
//
// From (P1)–(P2) every member of s_j lands strictly inside (−1, 1) and every
// point of an earlier (later) group at or beyond −s_j (+s_j), so β¹_j is
// clipped to ∓s_j there: the paper's "α¹_j(x_i) ∈ [−1, 1] iff i ∈ s_j".
// After the windows the proof uses that and nothing else: row j of eq. 34 is
// (+s_1, …, +s_{j−1}, κ_j, −s_{j+1}, …, −s_G, 1) with κ_j = α¹_j(lo_j) ∈
// (−1, 1); the rank (condition (1)) and ν > 0 (condition (2)) need only
// |κ_j| < 1; and the λ step needs, for a later member c of a stretch j, the
// same clipped values as lo_j in every other window and α¹_j(c) > κ_j (the
// map increases for s_j = +1). Any solution of eq. 33 is μ + λν for some λ,
// so choosing the windows and then one solution is choosing λ.
//
// The choice. Put every W2_j = W. Then (D_j) reads W·(κ_{j+1} − κ_j) =
// z_{j+1} − z_j, which holds when κ_j = κ + z_{i_j}/W for one constant κ.
// The stretches have z_{i_j} = 0 (unchanged samples, virtual points), so
// only the singleton windows carry a target, each its own. Concretely, for
// r = 2^{−p} and κ = (r − 1)/(r + 1) ∈ (−1, 0]:
//
//	s_j = +1 (stretches):   R_j = (hi_j + lo_{j+1})/2,  L_j = lo_j − r·(R_j − lo_j);
//	s_j = −1 (singletons):  L_j = (hi_{j−1} + lo_j)/2,  R_j = lo_j + r_j·(lo_j − L_j),
//	                        r_j = (1 + κ_j)/(1 − κ_j),  κ_j = κ + z_{i_j}/W;
//	W2 = (W, …, W),  b2 = −κ·W.
//
// The kept ends are eq. 28–29's midpoints. Window values at lo_j: for
// s_j = +1, α¹_j(lo_j) = (lo_j − L_j − (R_j − lo_j))/(R_j − L_j) =
// (r − 1)/(r + 1) = κ; for s_j = −1, α¹_j(lo_j) = −(1 − r_j)/(1 + r_j) = κ_j.
// Eq. 30 holds: in row j, Σ_{k<j} s_k·W − Σ_{k>j} s_k·W is 0 for odd j and
// W − W = 0 for even j (the s_k alternate from +1 and G is odd), so
// α²(x_{i_j}) = κ_j·W − κ·W = z_{i_j}.
//
// Conditions. (a) |z_{i_j}| ≤ 1 (targets are scaled) and W ≥ (1 + r)/r give
// |κ_j − κ| ≤ r/(1 + r) = (1 + κ)/2, so κ_j ∈ [(κ − 1)/2, (3κ + 1)/2]:
// 1 + κ_j ≥ (1 + κ)/2 > 0 and 1 − κ_j ≥ (1 − 3κ)/2 ≥ 1/2, hence
// 0 < r_j ≤ 3(1 + κ)/(1 − 3κ) = 3r/(2 − r) ≤ 3r. (b) (P1): R_j − L_j is
// (1 + r)(R_j − lo_j) > 0, resp. (1 + r_j)(lo_j − L_j) > 0. (P2): the kept
// end is a midpoint, strictly between its neighbours; the moved end has
// lo_j − L_j = r·(R_j − lo_j) > 0, resp. R_j − lo_j = r_j·(lo_j − L_j) > 0
// (so R_j > hi_j = lo_j: singletons have one member; a group with s_j = −1
// and two members is refused), and stays inside its gap iff
//
//	s_j = +1:  r   < (lo_j − hi_{j−1})/(R_j − lo_j),
//	s_j = −1:  r_j < (lo_{j+1} − lo_j)/(lo_j − L_j) = 2(lo_{j+1} − lo_j)/(lo_j − hi_{j−1}).
//
// Both bounds are positive; the largest r = 2^{−p} ≤ 1 with 3r below every
// bound meets both, by (a). (c) The λ step: a later member c of a stretch j
// reaches α²(c) = z_{i_j} + W·(α¹_j(c) − κ) = W·g_j(c) with g_j(c) =
// 2(c − lo_j)/(R_j − L_j) > 0, least at the stretch's second member; σT
// gives 0 iff α² ≥ 1 + δ. So W is the least number with W ≥ (1 + r)/r and
// W ≥ (1 + δ)/g_j for every stretch with two members (exact). (d) A changed
// sample gets σT(z) = z (z ≤ 1); every other sample is a later member of a
// stretch: 0. So the network fine-tunes, with 2N+1 σH units and one σT
// unit, 4N+4 ReLUs; the paper's conditions (1), (2) hold for its system as
// for any |κ_j| < 1 (AppendixAUniformSystem exposes it, with Mu = [W2; b2],
// λ = 0 and the closed-form ν).
//
// Bit sizes. Layer 2 holds W and κ·W, layer 1 per window the data of two or
// three groups, r_j (one target over W) and 2^p. p is the bit length of the
// largest ratio of a stretch (plus half the next gap) to the gap before it;
// W is (1 + δ) over the least relative gap in a stretch. Nothing is summed
// or multiplied along the windows.
//
// The paper-literal windows (eq. 28–29) and W2 = μ + λν stay in AppendixA:
// the A check builds both, reports the paper's weight sizes from AppendixA
// and checks large K with AppendixAUniform.

import (
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/instance"
)

// AppendixAUniform builds Appendix A's 4N+4-neuron network with W2 = (W, …,
// W) and windows moved within (P1)–(P2) (file comment): the same groups,
// σH windows and σT unit as AppendixA.
func AppendixAUniform(in *instance.Instance) (*Built, error) {
	return AppendixAUniformWith(in, Tamper{})
}

// AppendixAUniformWith is AppendixAUniform with a planted defect (Tamper;
// Lambda replaces W).
func AppendixAUniformWith(in *instance.Instance, tp Tamper) (*Built, error) {
	return appendixA(in, tp, uniformLayout)
}

// AppendixAUniformSystem returns the System of AppendixAUniform(in).
func AppendixAUniformSystem(in *instance.Instance) (*System, error) {
	s, err := appendixASystem(in, uniformLayout)
	if err != nil {
		return nil, err
	}
	kappa := make([]*big.Rat, len(s.Matrix))
	for j, row := range s.Matrix {
		kappa[j] = row[j]
	}
	s.Nu = nullVector(kappa)
	return s, nil
}

// uniformLayout is the choice of the file comment.
func uniformLayout(groups []aGroup, delta *big.Rat, tp Tamper) ([]Window, *layer2, string, error) {
	lo, hi, eps := groupExtremes(groups)
	ws := GroupWindows(lo, hi, eps) // checks separation; its midpoints are the kept ends
	r := uniformR(ws, lo, hi, eps)
	one := big.NewRat(1, 1)
	kappa := new(big.Rat).Sub(r, one)
	kappa.Quo(kappa, new(big.Rat).Add(r, one))
	W := new(big.Rat).Quo(new(big.Rat).Add(one, r), r) // W ≥ (1+r)/r
	for j := range ws {
		if ws[j].Sign < 0 {
			continue
		}
		d := new(big.Rat).Sub(ws[j].R, lo[j])
		ws[j].L = d.Sub(lo[j], d.Mul(d, r))
		if c := groups[j].c; len(c) >= 2 {
			g := new(big.Rat).Sub(ws[j].Pre(c[1]), kappa) // g_j > 0 by (P1)
			if need := g.Quo(new(big.Rat).Add(one, delta), g); need.Cmp(W) > 0 {
				W = need
			}
		}
	}
	if tp.Lambda != nil {
		W = tp.Lambda(W)
	}
	for j := range ws {
		if ws[j].Sign > 0 || W.Sign() == 0 {
			continue
		}
		// κ_j = κ + z/W; |κ_j| ≥ 1 only with a tampered W
		kj := new(big.Rat).Quo(groups[j].z, W)
		if kj.Add(kj, kappa); new(big.Rat).Abs(kj).Cmp(one) >= 0 {
			return nil, nil, "", fmt.Errorf("construction: selected point of group %d is outside its window (κ_j = %s)", j+1, kj.RatString())
		}
		rj := new(big.Rat).Add(one, kj)
		rj.Quo(rj, kj.Sub(one, kj))
		d := new(big.Rat).Sub(lo[j], ws[j].L)
		ws[j].R = d.Add(lo[j], d.Mul(d, rj))
	}
	if tp.Windows != nil {
		tp.Windows(ws)
	}
	l2 := &layer2{lambda: new(big.Rat), w: make([]*big.Rat, len(ws)), b: new(big.Rat).Neg(new(big.Rat).Mul(kappa, W))}
	for j := range l2.w {
		l2.w[j] = W
	}
	l2.mu = append(append([]*big.Rat{}, l2.w...), l2.b)
	how := fmt.Sprintf("uniform layer 2 (appendixa_uniform.go): W2 = (W, …, W), W = %s, b2 = −κW, κ = %s; windows within (P1)–(P2)",
		W.RatString(), kappa.RatString())
	return ws, l2, how, nil
}

// uniformR is the largest r = 2^{−p} ≤ 1 with 3r below every bound of the
// file comment, for the windows ws of eq. 28–29 over groups lo, hi. It
// panics on a group with s_j = −1 and two members (programmer misuse).
func uniformR(ws []Window, lo, hi []*big.Rat, eps *big.Rat) *big.Rat {
	G := len(ws)
	var least *big.Rat
	for j := range G {
		var num, den *big.Rat
		if ws[j].Sign > 0 {
			prev := new(big.Rat).Sub(lo[0], eps)
			if j > 0 {
				prev = hi[j-1]
			}
			num, den = new(big.Rat).Sub(lo[j], prev), new(big.Rat).Sub(ws[j].R, lo[j])
		} else {
			if lo[j].Cmp(hi[j]) != 0 {
				panic(fmt.Sprintf("construction: AppendixAUniform: group %d has sign −1 and more than one member", j+1))
			}
			next := new(big.Rat).Add(hi[G-1], eps)
			if j < G-1 {
				next = lo[j+1]
			}
			num, den = new(big.Rat).Sub(next, lo[j]), new(big.Rat).Sub(lo[j], ws[j].L)
		}
		if b := num.Quo(num, den); least == nil || b.Cmp(least) < 0 {
			least = b
		}
	}
	r, pow := big.NewRat(1, 1), big.NewInt(1)
	for new(big.Rat).Mul(r, big.NewRat(3, 1)).Cmp(least) >= 0 {
		pow.Lsh(pow, 1)
		r.SetFrac(big.NewInt(1), pow)
	}
	return r
}
