package construction

// U2: m ≤ 2√K + 3N (Sohn et al. Sec. 5.2, "Proof of m ≤ 2√K + 3N", Fig. 7).
//
// The paper keeps layer 1 of U1 (m = ⌊√K⌋ hard-tanh windows, 2m ReLUs) and
// puts in layer 2 one unit per changed sample i ∈ T, with the bump σB of
// bump.go as activation (3 ReLUs), so m_U2 = 2m + 3N. The paper takes for
// sample i "the neuron [of U1's layer 2] containing z_i in the non-clipping
// region" and centres the bump at z_i with half-width
// δ < min_{i≠j}|z_i − z_j|/2. Read literally this does not always work: the
// unit of rank k has every rank-k point of every group in its non-clipping
// region, with values τ_j = ±z (same sign for the same rank), so two changed
// samples of the same rank with equal targets (z_1 = z_4 = 1/2 with K = 4,
// groups {1,2},{3,4}, both of rank 1) fall under the same bump and each gets
// 2z; and δ as written is 0 as soon as two targets are equal. The theorem
// check reports this as a proof-step finding (theorem/sec5_upper_u12.go).
//
// What is built here, the same shape and count: for i ∈ T of group j_i and
// rank k_i, solve the rank-k_i system of yun.go with its own targets
//
//	τ_{j_i} = 0,   τ_j = 1 for j ≠ j_i,
//
// and the λ of yun.go (margin 2). On the samples the pre-activation α²_i is
// then 0 at x_i, exactly 1 at the rank-k_i points of the other groups, ≥ 2
// or ≤ −2 on the other ranks of group j_i, and ≥ 3 or ≤ −1 on the other ranks
// of the other groups. The unit hat σB(t) = σ(t+1) − 2σ(t) + σ(t−1)
// (Bump(0, 1, 1), 1 at 0, 0 for |t| ≥ 1) is therefore 1 at x_i and 0 at every
// other sample, and the output layer g = Σ_{i∈T} z_i·σB(α²_i) fine-tunes the
// instance for any targets (no rescaling: the heights are output weights).
//
// Beyond the paper: nothing here needs m = ⌊√K⌋ groups. With one group
// (U2Groups(in, 1)) layer 1 is a single window (2 ReLUs) and m = 3N + 2,
// below 2√K + 3N for every K ≥ 2; the theorem check verifies it.

import (
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// U2 builds the U2 network for in: layer 1 of U1, one σB unit per i ∈ T.
func U2(in *instance.Instance) (*Built, error) { return U2With(in, Fault{}) }

// U2With is U2 with a planted fault (tests and checks of the checker only).
func U2With(in *instance.Instance, f Fault) (*Built, error) {
	if err := yunCheckInstance(in); err != nil {
		return nil, err
	}
	m, _ := yunShape(in.K())
	return u2Build(in, m, f)
}

// U2Groups is U2 with layer 1 cut into m groups instead of ⌊√K⌋ (m = 1 is
// the beyond-paper 3N + 2 network of the file comment).
func U2Groups(in *instance.Instance, m int) (*Built, error) {
	if err := yunCheckInstance(in); err != nil {
		return nil, err
	}
	if m < 1 || m > in.K() {
		return nil, fmt.Errorf("construction: U2Groups: %d groups for K = %d", m, in.K())
	}
	return u2Build(in, m, Fault{})
}

func u2Build(in *instance.Instance, m int, f Fault) (*Built, error) {
	K := in.K()
	G := (K + m - 1) / m
	l, err := newYunLine(in, m, G)
	if err != nil {
		return nil, err
	}
	T := in.T()
	if len(T) == 0 {
		return NewBuilt("U2", oracle.Zero(in.Dim()), 0, "T is empty: g = 0"), nil
	}
	W1, B1 := l.layer1()
	var W2 [][]*big.Rat
	var B2 []*big.Rat
	bs := bumpSolvers{l: l, f: f, byRank: map[int]*bumpSolver{}}
	for _, i := range T {
		w, beta := bs.solve(l.groupRank(i))
		W2, B2 = append(W2, w), append(B2, beta)
	}
	bump := Bump(new(big.Rat), big.NewRat(1, 1), big.NewRat(1, 1))
	if f.DropReLU {
		bump = gadgetDropLast(bump)
	}
	mid := HardTanh.Readout(W2, B2)
	out := make([]*big.Rat, len(T))
	for q, i := range T {
		out[q] = new(big.Rat).Set(in.Z[i])
	}
	net := &oracle.Network{Layers: []oracle.Layer{
		HardTanh.Expand(W1, B1),
		bump.Expand(mid.W, mid.B),
		bump.Readout([][]*big.Rat{out}, []*big.Rat{new(big.Rat)}),
	}}
	b := NewBuilt("U2", net, net.Hidden(),
		fmt.Sprintf("layer 1 of U1 with %d groups (%d ReLUs), %d σB units (3 ReLUs each)", m, 2*m, len(T)))
	if m != yunIsqrt(K) {
		b.Name = fmt.Sprintf("U2[%d groups]", m)
	}
	b.Notes = append(b.Notes, "targets of any size: the bump heights are output weights (no rescaling)")
	return b, nil
}

// U2Paper is the paper's U2 recipe read literally, kept to show where it
// fails (file comment): U1's layer 1, and for each i ∈ T the layer-2 unit of
// U1 whose non-clipping region holds x_i (the unit of x_i's rank), with a
// bump of height z_i centred at that unit's pre-activation c_i at x_i. The
// half-width is the most charitable δ: half the least distance from c_i to a
// different pre-activation value of that unit at a sample, so the bump
// vanishes at every sample whose value differs from c_i. It fails exactly
// when another sample has the same value, e.g. two changed samples of equal
// target and equal rank in different groups.
func U2Paper(in *instance.Instance) (*Built, error) {
	u1, err := U1(in)
	if err != nil {
		return nil, err
	}
	m, G := yunShape(in.K())
	l, err := newYunLine(in, m, G)
	if err != nil {
		return nil, err
	}
	T := in.T()
	if len(T) == 0 {
		return NewBuilt("U2 (paper, literal)", oracle.Zero(in.Dim()), 0), nil
	}
	first, second := u1.Net.Layers[0], u1.Net.Layers[1]
	h := make([][]*big.Rat, in.K())
	for i, x := range in.X {
		h[i] = reluLayer(first, x)
	}
	var mid, out oracle.Layer
	out.B = []*big.Rat{new(big.Rat)}
	out.W = [][]*big.Rat{nil}
	for _, i := range T {
		_, k := l.groupRank(i)
		row, bias := second.W[2*k], new(big.Rat).Sub(second.B[2*k], big.NewRat(1, 1)) // α²_k = row·h + bias
		pre := make([]*big.Rat, in.K())
		for q := range pre {
			pre[q] = yunDot(row, h[q])
			pre[q].Add(pre[q], bias)
		}
		bump := Bump(pre[i], charitableDelta(pre, i), in.Z[i])
		e := bump.Expand([][]*big.Rat{row}, []*big.Rat{bias})
		mid.W, mid.B = append(mid.W, e.W...), append(mid.B, e.B...)
		out.W[0] = append(out.W[0], bump.Alpha...)
	}
	net := &oracle.Network{Layers: []oracle.Layer{first, mid, out}}
	return NewBuilt("U2 (paper, literal)", net, net.Hidden(), "the paper's bump recipe on U1's layer-2 units, read literally"), nil
}

// charitableDelta is half the least |pre[q] − pre[i]| over pre[q] ≠ pre[i]
// (1 when every value equals pre[i]).
func charitableDelta(pre []*big.Rat, i int) *big.Rat {
	var best *big.Rat
	for _, v := range pre {
		d := new(big.Rat).Sub(v, pre[i])
		d.Abs(d)
		if d.Sign() > 0 && (best == nil || d.Cmp(best) < 0) {
			best = d
		}
	}
	if best == nil {
		return big.NewRat(1, 1)
	}
	return best.Mul(best, big.NewRat(1, 2))
}

// reluLayer is σ(W·x + B).
func reluLayer(l oracle.Layer, x []*big.Rat) []*big.Rat {
	h := make([]*big.Rat, len(l.W))
	for r, row := range l.W {
		h[r] = yunDot(row, x)
		h[r].Add(h[r], l.B[r])
		if h[r].Sign() < 0 {
			h[r].SetInt64(0)
		}
	}
	return h
}

func yunDot(a, b []*big.Rat) *big.Rat {
	s, t := new(big.Rat), new(big.Rat)
	for q := range a {
		s.Add(s, t.Mul(a[q], b[q]))
	}
	return s
}

// U2's layer-2 systems in closed form. Unit i of U2 solves yunLine.solve's
// system for the rank k of x_i with targets τ = 1 − e_j (0 in x_i's group j,
// 1 elsewhere). Its null vector ν depends on k only, and its particular
// solution μ (μ_0 = 0, μ_{t+1} = ((s_t − κ_t)μ_t − (τ_{t+1} − τ_t))/(s_t −
// κ_{t+1})) is, because τ changes only around j:
//
//	μ_t = 0 for t < j,  μ_j = 1/(s_{j−1} − κ_j) (j ≥ 1; μ_0 = 0),
//	μ_{j+1} = ((s_j − κ_j)μ_j − 1)/(s_j − κ_{j+1}),  μ_t = c·ν_t for t > j+1,
//
// with c = μ_{j+1}/ν_{j+1} (for t > j+1 the recursion is ν's). So
// λ = max(0, max_t (need_t − μ_t)/ν_t), need_t = 2/δ_t, is the maximum of
// the prefix max_{t<j} need_t/ν_t, the two terms at j and j+1, and the
// suffix max_{t>j+1} need_t/ν_t minus c; and β = τ_0 − κ_0w_0 + Σ_{t≥1}
// s_tw_t = τ_0 + λ·Σ_t e_tν_t + Σ_t e_tμ_t (e_0 = −κ_0, e_t = s_t) takes
// suffix sums of e_tν_t. Per rank k that is O(m) once; per unit O(1) and the
// m products of w. The values are the same rationals as yunLine.solve's
// (TestBumpSolverMatchesSolve); before, U2 spent about half of a depth-3
// finetune's build time re-running the O(m) recursions for every unit.
type bumpSolvers struct {
	l      *yunLine
	f      Fault
	byRank map[int]*bumpSolver
}

// bumpSolver is what unit solves of one rank k share.
type bumpSolver struct {
	kappa, nu, ratio []*big.Rat // κ_t, ν_t, need_t/ν_t
	pre, suf         []*big.Rat // pre[t] = max_{q<t} ratio_q (nil for t = 0), suf[t] = max_{q≥t} ratio_q (nil for t = m)
	eSuf             []*big.Rat // eSuf[t] = Σ_{q≥t} e_qν_q
}

func (bs *bumpSolvers) solver(k int) *bumpSolver {
	if s := bs.byRank[k]; s != nil {
		return s
	}
	l, m := bs.l, bs.l.m
	s := &bumpSolver{kappa: make([]*big.Rat, m), nu: make([]*big.Rat, m), ratio: make([]*big.Rat, m),
		pre: make([]*big.Rat, m+1), suf: make([]*big.Rat, m+1), eSuf: make([]*big.Rat, m+1)}
	for t := range m {
		s.kappa[t] = l.a1[t][k]
	}
	s.nu[0] = big.NewRat(1, 1)
	for t := 0; t+1 < m; t++ {
		n := new(big.Rat).Mul(bs.left(s, t), s.nu[t])
		s.nu[t+1] = n.Quo(n, bs.right(s, t))
	}
	lambdaFree := bs.f.LambdaZero || l.G <= 1
	for t := range m {
		if !lambdaFree {
			s.ratio[t] = new(big.Rat).Quo(big.NewRat(2, 1), l.delta[t])
			s.ratio[t].Quo(s.ratio[t], s.nu[t])
			s.pre[t+1] = maxRat(s.pre[t], s.ratio[t])
		}
	}
	s.eSuf[m] = new(big.Rat)
	for t := m - 1; t >= 0; t-- {
		if !lambdaFree {
			s.suf[t] = maxRat(s.suf[t+1], s.ratio[t])
		}
		s.eSuf[t] = new(big.Rat).Add(s.eSuf[t+1], new(big.Rat).Mul(bs.e(s, t), s.nu[t]))
	}
	bs.byRank[k] = s
	return s
}

func (bs *bumpSolvers) left(s *bumpSolver, t int) *big.Rat { // s_t − κ_t
	return new(big.Rat).Sub(big.NewRat(yunSign(t), 1), s.kappa[t])
}

func (bs *bumpSolvers) right(s *bumpSolver, t int) *big.Rat { // s_t − κ_{t+1}
	return new(big.Rat).Sub(big.NewRat(yunSign(t), 1), s.kappa[t+1])
}

func (bs *bumpSolvers) e(s *bumpSolver, t int) *big.Rat { // β's coefficient of w_t
	if t == 0 {
		return new(big.Rat).Neg(s.kappa[0])
	}
	return big.NewRat(yunSign(t), 1)
}

// maxRat is the larger of a and b; a nil a is −∞.
func maxRat(a, b *big.Rat) *big.Rat {
	if a == nil || b.Cmp(a) > 0 {
		return b
	}
	return a
}

// solve is yunLine.solve(k, 1 − e_j, f) in closed form (type comment).
func (bs *bumpSolvers) solve(j, k int) (w []*big.Rat, beta *big.Rat) {
	s, m := bs.solver(k), bs.l.m
	mu := map[int]*big.Rat{j: new(big.Rat)} // μ_j, μ_{j+1}: the nonzero terms not on c·ν
	if j >= 1 {
		mu[j].Inv(bs.right(s, j-1))
	}
	c := new(big.Rat)
	if j+1 < m {
		mj1 := new(big.Rat).Mul(bs.left(s, j), mu[j])
		mj1.Sub(mj1, big.NewRat(1, 1)).Quo(mj1, bs.right(s, j))
		mu[j+1] = mj1
		c.Quo(mj1, s.nu[j+1])
	}
	lambda := new(big.Rat)
	if !bs.f.LambdaZero && bs.l.G > 1 {
		if s.pre[j] != nil { // t < j
			lambda = maxRat(lambda, s.pre[j])
		}
		for t, mt := range mu { // t = j, j+1
			r := new(big.Rat).Quo(mt, s.nu[t])
			lambda = maxRat(lambda, r.Sub(s.ratio[t], r))
		}
		if j+2 < m { // t > j+1: need_t/ν_t − c
			lambda = maxRat(lambda, new(big.Rat).Sub(s.suf[j+2], c))
		}
	}
	w = make([]*big.Rat, m)
	lc := new(big.Rat).Add(lambda, c)
	for t := range w {
		switch {
		case t < j:
			w[t] = new(big.Rat).Mul(lambda, s.nu[t])
		case t <= j+1:
			w[t] = new(big.Rat).Mul(lambda, s.nu[t])
			w[t].Add(w[t], mu[t])
		default:
			w[t] = new(big.Rat).Mul(lc, s.nu[t])
		}
	}
	// β = τ_0 + λ·Σ e_tν_t + e_jμ_j + e_{j+1}μ_{j+1} + c·Σ_{t>j+1} e_tν_t, τ_0 = [j ≠ 0].
	beta = new(big.Rat).Mul(lambda, s.eSuf[0])
	if j != 0 {
		beta.Add(beta, big.NewRat(1, 1))
	}
	for t, mt := range mu {
		beta.Add(beta, new(big.Rat).Mul(bs.e(s, t), mt))
	}
	if j+2 <= m {
		beta.Add(beta, new(big.Rat).Mul(c, s.eSuf[j+2]))
	}
	return w, beta
}
