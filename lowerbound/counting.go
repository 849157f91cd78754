package lowerbound

// Counting lower bounds: two bounds on the neurons of a fine-tuning network
// that hold for every dataset, not only for the 1-D witnesses of Sec. 4.1.
// Both count parameters; neither uses the geometry of the data beyond its
// affine dimension.
//
// # Parameter counting (exact fine-tuning)
//
// A net with input dimension d and hidden widths n_1, …, n_{L−1} (output
// width n_L = 1) has P = Σ_l n_l·(n_{l−1} + 1) parameters, n_0 = d (Params).
// Fix the data x_1..x_K ∈ ℝ^d, let r ≤ min{d, K−1} be the dimension of
// their affine hull, and let Φ(θ) = (g_θ(x_1), …, g_θ(x_K)) ∈ ℝ^K. Then:
//
//  1. Φ depends on the first layer only through its action on the affine
//     hull: with x_i = x_0 + A·t_i (A ∈ ℝ^{d×r}), W1·x_i + b1 =
//     (W1·A)·t_i + (W1·x_0 + b1), so Φ factors through a linear surjection
//     onto a space with n_0 = r.
//  2. ReLU is positively homogeneous: scaling a hidden neuron's incoming
//     row (weights and bias) by c > 0 and its outgoing column by 1/c leaves
//     g unchanged. Going through the hidden layers in order, every θ gives
//     the same g as a θ' whose hidden rows lie on a unit sphere S^{n_{l−1}}
//     or are zero (a zero row outputs σ(0) = 0; set its outgoing column to
//     zero too). The set of such θ' is a finite union of smooth manifolds
//     of dimension at most P_eff = P − (number of hidden neurons)
//     (EffectiveParams, with n_0 = r). A net with a hidden layer of width 0
//     is constant: P_eff = 1.
//  3. Φ is locally Lipschitz (and semi-algebraic: ReLU is), so the image of
//     a P_eff-dimensional manifold has Hausdorff dimension ≤ P_eff and, as a
//     semi-algebraic set, dimension ≤ P_eff (Bochnak, Coste, Roy, Real
//     Algebraic Geometry, 1998, Thm 2.8.8).
//
// Statement (certified). For every K distinct points in ℝ^d with affine
// dimension r, every T ⊆ [K] with |T| = N and every architecture with
// P_eff < N, the targets z ∈ ℝ^T that the architecture fine-tunes (g = z on
// T, 0 off T) form a semi-algebraic set of dimension < N: Lebesgue-null and
// nowhere dense, inside a proper algebraic hypersurface, so it misses
// rational points in every box (e.g. in [−1, 1]^N). Hence almost every
// instance, and some rational one, needs P_eff ≥ N; CountingLower2 and
// CountingLower3 give the least m with that, exactly, in integers. No
// general position is needed: r enters only through P_eff.
//
// The homogeneity step is what makes P_eff sharper than P by one per
// hidden neuron; it is certified by the normalisation above. We do not
// subtract more (e.g. for the K − N zero constraints): those need not cut
// the dimension.
//
// # VC dimension (sign-only fine-tuning)
//
// Sign-only fine-tuning asks (f+g)(x_i) < 0 < f(x_i) or the reverse on T
// and the sign of f kept off T, strictly. Take f ≡ +1 or f ≡ −1 (a shift
// the output bias absorbs, so the class of patterns is that of sgn g) and
// K ≥ N + ⌊N/2⌋: for any S ⊆ [K] with |S| = N and any U ⊆ S, either
// |U| ≤ K − N (f ≡ 1, T = U plus N−|U| points off S) or |S∖U| ≤ K − N
// (f ≡ −1, T = S∖U plus |U| points off S) realises the pattern "negative
// exactly on U" on S, since min{|U|, N−|U|} ≤ ⌊N/2⌋. So an architecture
// that sign-fine-tunes every such instance shatters N points, and
// 2^N ≤ Π(N), its growth function.
//
// Π is bounded layer by layer as in the proof of Theorem 7 of Bartlett,
// Harvey, Liaw, Mehrabian, "Nearly-tight VC-dimension and pseudodimension
// bounds for piecewise linear neural networks", JMLR 20(63), 2019 (Theorem
// 6 of arXiv:1703.02930): on n fixed inputs, the pre-activations of layer i
// are, on each cell of the partition fixed by layers < i, polynomials of
// degree ≤ i (ReLU: one break point, linear pieces) in the W_i parameters
// of layers 1..i; there are n·k_i of them (k_i = width of layer i, k_L = 1),
// and m ≥ W polynomials of degree ≤ D in W variables take at most
// 2(2emD/W)^W sign patterns (Anthony and Bartlett, Neural Network
// Learning, 1999, Thm 8.3; BHLM Lemma 17; after Warren 1968). With the
// trivial 2^{n·k_i}:
//
//	Π(n) ≤ ∏_{i=1}^{L} B_i,  B_i = min{2^{n·k_i}, 2(2e·n·k_i·i/W_i)^{W_i}} (second term only if n·k_i ≥ W_i).
//
// We use this product form, not BHLM's closed form L + L̄W·log₂(…), whose
// constants we could not confirm from the sources at hand; the closed form
// is derived from the product, so the product is never weaker.
//
// Certified evaluation. log₂ B_i involves e and logarithms; it is enclosed
// in [Lo, Hi] with github.com/ALTree/bigfloat at 128 bits, every big.Float
// operation rounded outward (ToNegativeInf for Lo, ToPositiveInf for Hi),
// and each bigfloat logarithm widened by 2^-96 relatively and absolutely,
// far beyond its error at 128 bits (the tests check the enclosure against
// an independent exact bit-by-bit log₂ and against exact comparisons of
// 2^n with ∏ B_i, e replaced by rational bounds). An architecture is
// declared unable to shatter n points only when n > Hi; otherwise it may
// (conservative), so the least m reported is never above the true least m
// of the formula. The sum is never an integer (e^k is transcendental), so
// the outward rounding decides every case in practice; VCCheck says
// whether it did.

import (
	"fmt"
	"math/big"

	"github.com/ALTree/bigfloat"
)

// Params is the number of weights and biases of a net with input dimension
// d and the given hidden widths (one output): Σ_l n_l(n_{l−1}+1). A 2-layer
// net has m(d+1) + m + 1, a 3-layer net d1(d+1) + d2(d1+1) + d2 + 1.
func Params(d int, widths []int) int {
	if d < 0 {
		panic(fmt.Sprintf("lowerbound: Params: input dimension %d < 0", d))
	}
	p, in := 0, d
	for _, w := range widths {
		if w < 0 {
			panic(fmt.Sprintf("lowerbound: Params: width %d < 0", w))
		}
		p += w * (in + 1)
		in = w
	}
	return p + in + 1
}

// EffectiveParams is P_eff = Params(r, widths) − Σ widths, the dimension
// bound of the counting argument for data of affine dimension r; 1 when a
// hidden layer is empty (the net is constant).
func EffectiveParams(r int, widths []int) int {
	h := 0
	for _, w := range widths {
		if w == 0 {
			return 1
		}
		h += w
	}
	return Params(r, widths) - h
}

// CountingLower2 is the least m such that a 2-layer net with m neurons has
// P_eff = m(r+1) + 1 ≥ N: every 2-layer net with fewer neurons fine-tunes
// only a null set of targets on any N samples of affine dimension r.
func CountingLower2(N, r int) int {
	countingArgs("CountingLower2", N, r)
	m := 0
	for EffectiveParams(r, []int{m}) < N {
		m++
	}
	return m
}

// CountingLower3 is the least m = d1 + d2 such that some 3-layer net with
// widths d1, d2 has P_eff = d1·r + d1·d2 + d2 + 1 ≥ N, with a pair of
// widths attaining it (d1 = d2 = 0 when N ≤ 1).
func CountingLower3(N, r int) (m, d1, d2 int) {
	countingArgs("CountingLower3", N, r)
	if N <= 1 {
		return 0, 0, 0
	}
	for m = 2; ; m++ {
		for a := 1; a < m; a++ {
			if EffectiveParams(r, []int{a, m - a}) >= N {
				return m, a, m - a
			}
		}
	}
}

func countingArgs(name string, N, r int) {
	if N < 0 || r < 1 {
		panic(fmt.Sprintf("lowerbound: %s: need N ≥ 0 and r ≥ 1, got N = %d, r = %d", name, N, r))
	}
}

// Enclosure is a certified interval [Lo, Hi] around a real number.
type Enclosure struct{ Lo, Hi *big.Float }

// vcPrec is the working precision of the VC evaluation, in bits.
const vcPrec = 128

// margin is the relative and absolute widening of each bigfloat logarithm:
// 2^-96, against errors of a few units in the last place (2^-127) of the
// logarithm and of the argument's rounding to vcPrec bits.
var margin = new(big.Float).SetPrec(vcPrec).SetMantExp(big.NewFloat(1), -96)

func newF(mode big.RoundingMode) *big.Float {
	return new(big.Float).SetPrec(vcPrec).SetMode(mode)
}

// lnEnclose encloses ln q for a rational q ≥ 1: q rounded to vcPrec bits
// (relative error ≤ 2^-128, so ln moves by less than that), bigfloat.Log,
// then widened by margin.
func lnEnclose(q *big.Rat) Enclosure {
	x := newF(big.ToNearestEven).SetRat(q)
	l := bigfloat.Log(x)
	return widen(l, l)
}

// widen moves lo down and hi up by margin·|x| + margin, rounding outward.
func widen(lo, hi *big.Float) Enclosure {
	l := newF(big.ToNegativeInf).Abs(lo)
	l.Mul(l, margin).Add(l, margin)
	l.Sub(newF(big.ToNegativeInf).Set(lo), l)
	h := newF(big.ToPositiveInf).Abs(hi)
	h.Mul(h, margin).Add(h, margin)
	h.Add(newF(big.ToPositiveInf).Set(hi), h)
	return Enclosure{Lo: l, Hi: h}
}

var ln2 = lnEnclose(big.NewRat(2, 1))

// Log2TwoEQ encloses log₂(2·e·q) = 1 + (1 + ln q)/ln 2 for a rational
// q ≥ 1, rounding outward.
func Log2TwoEQ(q *big.Rat) Enclosure {
	if q.Cmp(big.NewRat(1, 1)) < 0 {
		panic(fmt.Sprintf("lowerbound: Log2TwoEQ: q = %s < 1", q.RatString()))
	}
	ln := lnEnclose(q)
	lo := newF(big.ToNegativeInf).SetInt64(1)
	lo.Add(lo, ln.Lo).Quo(lo, ln2.Hi).Add(lo, big.NewFloat(1))
	hi := newF(big.ToPositiveInf).SetInt64(1)
	hi.Add(hi, ln.Hi).Quo(hi, ln2.Lo).Add(hi, big.NewFloat(1))
	return Enclosure{Lo: lo, Hi: hi}
}

// GrowthLayer is one factor B_i of the growth-function bound: k units of
// polynomial degree Deg in the W parameters of layers 1..i.
type GrowthLayer struct{ K, Deg, W int }

// GrowthLayers lists the layers of a net with input dimension d and the
// given hidden widths (all ≥ 1), output last: layer i has the width of
// hidden layer i, degree i, and W_i = the parameters of layers 1..i.
func GrowthLayers(d int, widths []int) []GrowthLayer {
	var out []GrowthLayer
	for i := range widths {
		// Params counts the output layer (widths[i] + 1 entries) too.
		out = append(out, GrowthLayer{K: widths[i], Deg: i + 1, W: Params(d, widths[:i+1]) - widths[i] - 1})
	}
	return append(out, GrowthLayer{K: 1, Deg: len(widths) + 1, W: Params(d, widths)})
}

// GrowthLog2 encloses log₂ of the bound ∏ B_i on the growth function at n
// points. A factor that is the trivial 2^{n·k} is exact.
func GrowthLog2(n int, layers []GrowthLayer) Enclosure {
	lo, hi := newF(big.ToNegativeInf), newF(big.ToPositiveInf)
	for _, l := range layers {
		t := GrowthTerm(n, l)
		lo.Add(lo, t.Lo)
		hi.Add(hi, t.Hi)
	}
	return Enclosure{Lo: lo, Hi: hi}
}

// GrowthTerm encloses log₂ B_i for one layer at n points.
func GrowthTerm(n int, l GrowthLayer) Enclosure {
	trivial := newF(big.ToNearestEven).SetInt64(int64(n) * int64(l.K))
	if int64(n)*int64(l.K) < int64(l.W) {
		return Enclosure{Lo: trivial, Hi: trivial}
	}
	q := new(big.Rat).SetFrac64(int64(n)*int64(l.K)*int64(l.Deg), int64(l.W))
	e := Log2TwoEQ(q)
	w := newF(big.ToNearestEven).SetInt64(int64(l.W))
	lo := newF(big.ToNegativeInf).Mul(e.Lo, w)
	lo.Add(lo, big.NewFloat(1))
	hi := newF(big.ToPositiveInf).Mul(e.Hi, w)
	hi.Add(hi, big.NewFloat(1))
	if lo.Cmp(trivial) > 0 {
		lo = trivial
	}
	if hi.Cmp(trivial) > 0 {
		hi = trivial
	}
	return Enclosure{Lo: lo, Hi: hi}
}

// VCCheck is the certified answer to "may a net of these widths shatter n
// points by the growth-function bound?".
type VCCheck struct {
	May     bool // false: certified 2^n > ∏ B_i, the net cannot shatter n points
	Decided bool // the enclosure did not straddle n (always, in practice)
}

// MayShatter decides 2^n ≤ ∏ B_i for a net with input dimension d and
// hidden widths; a net with an empty hidden layer is constant and shatters
// at most one point. Undecided cases count as May (conservative).
func MayShatter(n, d int, widths []int) VCCheck {
	for _, w := range widths {
		if w == 0 {
			return VCCheck{May: n <= 1, Decided: true}
		}
	}
	g := GrowthLog2(n, GrowthLayers(d, widths))
	N := newF(big.ToNearestEven).SetInt64(int64(n))
	switch {
	case N.Cmp(g.Hi) > 0:
		return VCCheck{May: false, Decided: true}
	case N.Cmp(g.Lo) <= 0:
		return VCCheck{May: true, Decided: true}
	}
	return VCCheck{May: true, Decided: false}
}

// VCLower2 is the least m such that a 2-layer net with m neurons and input
// dimension d may shatter N points: a certified lower bound on the neurons
// that sign-only fine-tuning of N labels needs (K ≥ N + ⌊N/2⌋). undecided
// counts the widths where the enclosure straddled N.
func VCLower2(N, d int) (m, undecided int) {
	countingArgs("VCLower2", N, d)
	for m = 0; ; m++ {
		c := MayShatter(N, d, []int{m})
		if !c.Decided {
			undecided++
		}
		if c.May {
			return m, undecided
		}
	}
}

// VCLower3 is the least d1 + d2 such that a 3-layer net with widths d1, d2
// may shatter N points, with the widths attaining it.
func VCLower3(N, d int) (m, d1, d2, undecided int) {
	countingArgs("VCLower3", N, d)
	if N <= 1 {
		return 0, 0, 0, 0
	}
	for m = 2; ; m++ {
		for a := 1; a < m; a++ {
			c := MayShatter(N, d, []int{a, m - a})
			if !c.Decided {
				undecided++
			}
			if c.May {
				return m, a, m - a, undecided
			}
		}
	}
}
