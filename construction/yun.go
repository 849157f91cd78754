package construction

// The 3-layer memorization network of Yun, Sra, Jadbabaie 2019 (Thm 3.1), as
// Sohn et al. reuse it in Sec. 5.2 (Fig. 6, the U1 and U2 constructions) and
// Appendix B (Prop. 6.1). The 2019 paper is not available here; this follows
// shared/paper/yun2019.md §3 ([C]: a correct construction matching every
// detail Sohn et al. report, checked by the oracle, not the 2019 text letter
// for letter).
//
// Step 0, projection. c_i = uᵀx_i with pairwise distinct values, u from
// Separate (projection.go: the moment curve u(s) = (1, s, …, s^{d−1}); uᵀ(x_i
// − x_j) is a nonzero polynomial of degree ≤ d−1 in s, so at most
// (d−1)·K(K−1)/2 values of s fail).
//
// Step 1, groups. Sort c_1 < … < c_K, pad with dummy positions c_K+1, c_K+2,
// … (on the line only: they are never evaluated) to n = m·G positions and cut
// them into m consecutive groups of G.
//
// Step 2, layer 1: one hard-tanh window per group with alternating
// orientation s_j = (−1)^{j−1} (Sohn eq. 28–29). With L_1 = c_1 − 1,
// R_m = c_n + 1 and the midpoints between groups as the other ends,
// α¹_j = s_j(2c − L_j − R_j)/(R_j − L_j) maps L_j ↦ −s_j and R_j ↦ s_j, so
// a¹_j = σH(α¹_j) lies strictly inside (−1, 1) on group j and is clipped
// to −s_j on every group left of j and to +s_j on every group right of j.
//
// Step 3, rank. In group j the rank r of a point is its position from the
// left when j is odd and from the right when j is even, so a¹_j increases
// strictly with the rank on group j. δ_j is the least gap between the a¹_j
// values of consecutive ranks (δ_j is unused when G = 1).
//
// Step 4, layer 2: one hard-tanh unit per rank k with pre-activation
// α²_k = Σ_j w_j a¹_j + β. On the rank-k point of group j every coordinate
// but the j-th is ±s_{j'} (fixed by the side of j'), so the m conditions
// α²_k = τ_j form the system K^{(k)}[w; β] = τ with row j equal to
// (+s_1, …, +s_{j−1}, κ_j, −s_{j+1}, …, −s_m, 1), κ_j = a¹_j(rank-k point).
// Subtracting row j from row j+1 leaves (s_j − κ_j)·w_j − (s_j − κ_{j+1})·w_{j+1}
// = τ_{j+1} − τ_j, a bidiagonal system with nonzero diagonal (|κ| < 1), so
// rank K^{(k)} = m and
//
//	μ: w_1 = 0, w_{j+1} = ((s_j − κ_j)w_j − (τ_{j+1} − τ_j)) / (s_j − κ_{j+1}),
//	   β = τ_1 − κ_1 w_1 + Σ_{j>1} s_j w_j  (row 1)
//	ν: ν_1 = 1, ν_{j+1} = ν_j (s_j − κ_j)/(s_j − κ_{j+1}) > 0,
//	   ν_β = −κ_1 ν_1 + Σ_{j>1} s_j ν_j
//
// are a particular solution and a null vector positive in its first m
// entries; every solution is μ + λν (Sohn eq. 35).
//
// The choice of λ (Yun's Lemma B.1, made explicit). A point of group j with
// rank r ≠ k differs from the rank-k point only in coordinate j, so
// α²_k − τ_j = w_j(a¹_j − κ_j), and |a¹_j − κ_j| ≥ δ_j with the sign of r − k.
// If w_j ≥ 2/δ_j then α²_k ≥ τ_j + 2 for r > k and α²_k ≤ τ_j − 2 for r < k:
// clipped to ±1 whenever τ_j ∈ [−1, 1]. Since w_j = μ_j + λν_j with ν_j > 0,
// the least λ ≥ 0 that does it is
//
//	λ = max{0, max_j (2/δ_j − μ_j)/ν_j}   (terms with G = 1 omitted),
//
// which is exact and rational. (The margin 2 is what both U1 and U2 need:
// U1 clips at ±1 from targets in [−1, 1]; U2 keeps other points at distance
// ≥ 1 from the centre of its bump.)
//
// Step 5 (U1's output layer) and the bump of U2 are in u1.go and u2.go.

import (
	"fmt"
	"math/big"
	"sort"

	"github.com/ftcheck/ftcheck/instance"
)

// Fault plants one bug in the Yun-style constructions. It exists only so
// that tests and claim checks can show that the exact checks catch such bugs
// (STYLE.md, habit 8); every exported constructor uses the zero Fault.
type Fault struct {
	LambdaZero    bool     // skip the null-space scaling: λ = 0 (w = μ)
	DropReLU      bool     // each layer-2 unit one ReLU short (σH or σB)
	CarrierOffset *big.Rat // Deep: add this to the carrier's bias without compensating
}

// yunLine is steps 0–3: the projection, the padded sorted positions, the
// groups and the layer-1 values by rank.
type yunLine struct {
	u     []*big.Rat   // projection direction
	m, G  int          // groups, points (ranks) per group
	c     []*big.Rat   // padded sorted positions, len m·G
	row   []int        // sample at each position, −1 for a dummy
	where []int        // where[i] = position of sample i
	L, R  []*big.Rat   // window ends of group j
	a1    [][]*big.Rat // a1[j][r]: a¹_j of the rank-r point of group j (0-based r)
	delta []*big.Rat   // δ_j, nil when G = 1
}

// sign is s_j = (−1)^j for 0-based j.
func yunSign(j int) int64 {
	if j%2 == 0 {
		return 1
	}
	return -1
}

// yunShape is the U1 shape: m = ⌊√K⌋ groups of G = ⌈K/m⌉ points. It
// minimises m + G subject to m·G ≥ K (m + G = ⌈2√K⌉), and m ≤ √K.
func yunShape(K int) (m, G int) {
	m = yunIsqrt(K)
	return m, (K + m - 1) / m
}

func yunIsqrt(n int) int {
	return int(new(big.Int).Sqrt(big.NewInt(int64(n))).Int64())
}

// newYunLine lays out the samples of in on m groups of G points (m·G ≥ K).
func newYunLine(in *instance.Instance, m, G int) (*yunLine, error) {
	K := in.K()
	if m < 1 || G < 1 || m*G < K {
		return nil, fmt.Errorf("construction: %d groups of %d cannot hold %d samples", m, G, K)
	}
	u, c, err := yunProjection(in.X)
	if err != nil {
		return nil, err
	}
	l := &yunLine{u: u, m: m, G: G, where: make([]int, K)}
	order := make([]int, K)
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return c[order[a]].Cmp(c[order[b]]) < 0 })
	for p, i := range order {
		l.c = append(l.c, c[i])
		l.row = append(l.row, i)
		l.where[i] = p
	}
	for len(l.c) < m*G {
		l.c = append(l.c, new(big.Rat).Add(l.c[len(l.c)-1], big.NewRat(1, 1)))
		l.row = append(l.row, -1)
	}
	l.windows()
	return l, nil
}

// windows sets L_j, R_j, the layer-1 values by rank and δ_j.
func (l *yunLine) windows() {
	n, one, half := len(l.c), big.NewRat(1, 1), big.NewRat(1, 2)
	for j := 0; j < l.m; j++ {
		lo, hi := j*l.G, (j+1)*l.G-1
		L := new(big.Rat).Sub(l.c[0], one)
		if j > 0 {
			L.Add(l.c[lo-1], l.c[lo]).Mul(L, half)
		}
		R := new(big.Rat).Add(l.c[n-1], one)
		if j < l.m-1 {
			R.Add(l.c[hi], l.c[hi+1]).Mul(R, half)
		}
		l.L, l.R = append(l.L, L), append(l.R, R)
		vals := make([]*big.Rat, l.G)
		for r := range vals {
			vals[r] = l.alpha1(j, l.c[l.pos(j, r)])
		}
		l.a1 = append(l.a1, vals)
		if l.G > 1 {
			d := new(big.Rat).Sub(vals[1], vals[0])
			for r := 2; r < l.G; r++ {
				if g := new(big.Rat).Sub(vals[r], vals[r-1]); g.Cmp(d) < 0 {
					d = g
				}
			}
			l.delta = append(l.delta, d)
		}
	}
}

// pos is the padded position of the rank-r point of group j (snake order).
func (l *yunLine) pos(j, r int) int {
	if j%2 == 1 {
		r = l.G - 1 - r
	}
	return j*l.G + r
}

// groupRank returns the group and rank of sample i.
func (l *yunLine) groupRank(i int) (j, r int) {
	p := l.where[i]
	j, r = p/l.G, p%l.G
	if j%2 == 1 {
		r = l.G - 1 - r
	}
	return j, r
}

// window returns the affine map t ↦ a·t + b of group j's window on the line.
func (l *yunLine) window(j int) (a, b *big.Rat) {
	w := new(big.Rat).Sub(l.R[j], l.L[j])
	s := big.NewRat(yunSign(j), 1)
	a = new(big.Rat).Quo(big.NewRat(2*yunSign(j), 1), w)
	b = new(big.Rat).Add(l.R[j], l.L[j])
	b.Mul(b, s).Neg(b).Quo(b, w)
	return a, b
}

// alpha1 is α¹_j at position t.
func (l *yunLine) alpha1(j int, t *big.Rat) *big.Rat {
	a, b := l.window(j)
	return a.Mul(a, t).Add(a, b)
}

// layer1 returns the m hard-tanh units of layer 1 as affine maps of x:
// row j is a_j·uᵀ, bias b_j.
func (l *yunLine) layer1() (W [][]*big.Rat, B []*big.Rat) {
	for j := 0; j < l.m; j++ {
		a, b := l.window(j)
		row := make([]*big.Rat, len(l.u))
		for q := range row {
			row[q] = new(big.Rat).Mul(a, l.u[q])
		}
		W, B = append(W, row), append(B, b)
	}
	return W, B
}

// solve returns the layer-2 unit of rank k for targets τ (one per group):
// [w; β] = μ + λν with λ as in the file comment (λ = 0 under f.LambdaZero).
func (l *yunLine) solve(k int, tau []*big.Rat, f Fault) (w []*big.Rat, beta *big.Rat) {
	m := l.m
	kappa := make([]*big.Rat, m)
	for j := range kappa {
		kappa[j] = l.a1[j][k]
	}
	mu, nu := make([]*big.Rat, m), make([]*big.Rat, m)
	mu[0], nu[0] = new(big.Rat), big.NewRat(1, 1)
	for j := 0; j+1 < m; j++ {
		s := big.NewRat(yunSign(j), 1)
		left := new(big.Rat).Sub(s, kappa[j])    // s_j − κ_j
		right := new(big.Rat).Sub(s, kappa[j+1]) // s_j − κ_{j+1}
		mu[j+1] = new(big.Rat).Mul(left, mu[j])
		mu[j+1].Sub(mu[j+1], new(big.Rat).Sub(tau[j+1], tau[j])).Quo(mu[j+1], right)
		nu[j+1] = new(big.Rat).Mul(left, nu[j])
		nu[j+1].Quo(nu[j+1], right)
	}
	lambda := new(big.Rat)
	if !f.LambdaZero && l.G > 1 {
		for j := 0; j < m; j++ {
			need := new(big.Rat).Quo(big.NewRat(2, 1), l.delta[j])
			need.Sub(need, mu[j]).Quo(need, nu[j])
			if need.Cmp(lambda) > 0 {
				lambda = need
			}
		}
	}
	w = make([]*big.Rat, m)
	for j := range w {
		w[j] = new(big.Rat).Mul(lambda, nu[j])
		w[j].Add(w[j], mu[j])
	}
	// β from row 1 of the system: κ_1 w_1 − Σ_{j>1} s_j w_j + β = τ_1.
	beta = new(big.Rat).Sub(tau[0], new(big.Rat).Mul(kappa[0], w[0]))
	for j := 1; j < m; j++ {
		beta.Add(beta, new(big.Rat).Mul(big.NewRat(yunSign(j), 1), w[j]))
	}
	return w, beta
}

// yunProjection returns the direction u of projection.go (Separate: the
// least s with u = (1, s, …, s^{d−1}) separating the samples, or the
// lexicographic fallback) and c_i = uᵀx_i by row. Sharing Separate with U3
// puts every 3-layer block of the deep construction on the same line.
func yunProjection(X [][]*big.Rat) (u, c []*big.Rat, err error) {
	p, err := Separate(X)
	if err != nil {
		return nil, nil, err
	}
	return p.A, p.Values, nil
}

// yunCheckInstance validates in for the Yun constructions: a valid instance
// (distinct samples, matching dimensions) with K ≥ 3 as Theorem 5.1 assumes.
func yunCheckInstance(in *instance.Instance) error {
	if in == nil {
		return fmt.Errorf("construction: nil instance")
	}
	if err := in.Validate(); err != nil {
		return err
	}
	if in.K() < 3 {
		return &SmallKError{K: in.K()}
	}
	return nil
}

// SmallKError: the 3-layer constructions follow Theorem 5.1, which assumes
// K ≥ 3 samples.
type SmallKError struct{ K int }

func (e *SmallKError) Error() string {
	return fmt.Sprintf("construction: K = %d < 3 samples (Theorem 5.1 assumes K ≥ 3)", e.K)
}
