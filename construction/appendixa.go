package construction

// Appendix A: a 3-layer network with 4N+4 ReLUs that fine-tunes any instance.
//
// Projection and groups. Take v with pairwise distinct c_i = vᵀx_i (Separate)
// and sort. With T = {T_1 < … < T_N} (positions along the line) and the
// paper's dummies T_0 = 1, T_{N+1} = K, the 2N+1 groups are the stretches
// s_1 = {1, …, T_1−1}, s_3 = {T_1+1, …, T_2−1}, …, s_{2N+1} = {T_N+1, …, K}
// alternating with the singletons s_{2k} = {T_k}.
//
// Empty groups. The paper notes that s_1 is empty when T_1 = 1 and s_{2N+1}
// when T_N = K, but eq. 28–29 need s_j^min and s_j^max, which an empty group
// has not; and it does not mention the interior stretches that are empty when
// two changed samples are adjacent (T_{k+1} = T_k + 1). We keep all 2N+1
// groups, so the count stays 4N+4 exactly, by giving each empty stretch one
// virtual point with target 0 where no sample is: c_1 − 1 before the first
// sample, c_K + 1 after the last, the midpoint of the two adjacent changed
// samples otherwise. A virtual point is a singleton group; nothing is
// evaluated there, so it only fixes its window (Built.Notes counts them).
//
// Layer 1: the 2N+1 windows of eq. 28–29 (window.go), ε = 1. β¹_j(x) =
// σH(α¹_j(x)) is strictly inside (−1, 1) for members of s_j, −s_j for samples
// left of s_j and +s_j right of it (s_j = (−1)^{j−1}).
//
// Layer 2, eq. 30–35. S holds the least member i_j of every group (its
// leftmost point, or its virtual point). Eq. 30 asks α²(x_{i_j}) = z_{i_j},
// the linear system K·[W2; b2] = z_S of eq. 33–34, whose row j is
// (+s_1, …, +s_{j−1}, κ_j, −s_{j+1}, …, −s_{2N+1}, 1) with κ_j = α¹_j(x_{i_j}) ∈
// (−1, 1). Subtracting row j from row j+1 leaves (s_j − κ_j) in column j and
// (κ_{j+1} − s_j) in column j+1 (s_{j+1} = −s_j), both nonzero because |κ| < 1;
// these 2N difference rows are independent (bidiagonal) and row 1 has a 1 in
// the bias column where they have 0, so rank K = 2N+1 (the paper's condition
// (1)). The difference rows also give the null vector in closed form,
//
//	ν_1 = 1,  ν_{j+1} = ν_j·(s_j − κ_j)/(s_j − κ_{j+1}) > 0,  ν_b = −(row 1 of K)·ν,
//
// positive in its first 2N+1 entries (condition (2)), and a particular
// solution μ with μ_1 = 0: μ_{j+1} = (z_{j+1} − z_j − μ_j(s_j − κ_j))/(κ_{j+1} − s_j),
// then μ_b from row 1. Everything costs O(N) exact operations.
//
// The exact λ. A sample x_i ∉ S lies in a stretch s_j (j odd, so s_j = +1) to
// the right of i_j; its layer-1 vector equals that of x_{i_j} except in
// coordinate j, where it is larger. So, with W2 = μ + λν,
//
//	α²(x_i) = z_{i_j} + W2_j·(α¹_j(x_i) − κ_j) = W2_j·(α¹_j(x_i) − κ_j),
//
// since z_{i_j} = 0 off T. σT zeroes it only if α²(x_i) ≥ 1 + δ. Eq. 31 asks
// only α²(x_i) ∉ [−1, 1]; that is not enough, because σT(t) = t for t < −1, so
// a solution with α²(x_i) < −1 would give g(x_i) = α²(x_i) ≠ 0 (the A check
// builds one: a proof-step finding). With g_j = α¹_j(second point of s_j) − κ_j
// > 0, the least gap in window j, W2_j ≥ (1+δ)/g_j makes every x_i of s_j other
// than i_j reach α² ≥ 1 + δ. Hence the sufficient choice
//
//	λ = max(0, max over odd j with |s_j| ≥ 2 of ((1+δ)/g_j − μ_j)/ν_j),
//
// exact, and W2_j = μ_j + λν_j ≥ (1+δ)/g_j because ν_j > 0. The selected
// samples keep α² = z (ν is in the null space). With z ≤ 1, σT(z) = z: every
// changed sample gets z_i, every other sample 0. We take δ = 1.
//
// Count: 2N+1 σH units (2 ReLUs each) and one σT unit (2 ReLUs, sigmat.go),
// 4N+4 ReLUs, widths (4N+2, 2). Targets outside [−1, 1] are divided by
// s = max|z_i| and the output layer multiplies by s (Built.Scale).

import (
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// Tamper plants a defect in AppendixA or U3. It exists so that tests and
// claim checks can show that the exact checks catch such bugs; the zero value
// builds the paper's network.
type Tamper struct {
	Lambda  func(exact *big.Rat) *big.Rat // replaces the exact λ of each layer-2 unit
	Windows func(ws []Window)             // edits the layer-1 windows after eq. 28–29
	Gadget  *Gadget                       // replaces σT (A) or σL (U3)
}

// AppendixA builds the 4N+4-neuron network of Appendix A for in.
func AppendixA(in *instance.Instance) (*Built, error) {
	return AppendixAWith(in, Tamper{})
}

// AppendixAWith is AppendixA with a planted defect (see Tamper).
func AppendixAWith(in *instance.Instance, tp Tamper) (*Built, error) {
	return appendixA(in, tp, paperLayout)
}

// aLayout chooses Appendix A's windows and layer-2 unit for the groups (the
// windows after tp.Windows), with a note saying how.
type aLayout func(groups []aGroup, delta *big.Rat, tp Tamper) ([]Window, *layer2, string, error)

// paperLayout is the paper's: the windows of eq. 28–29 (ε = 1), then the
// least λ of the file comment.
func paperLayout(groups []aGroup, delta *big.Rat, tp Tamper) ([]Window, *layer2, string, error) {
	ws := GroupWindows(groupExtremes(groups))
	if tp.Windows != nil {
		tp.Windows(ws)
	}
	sys, err := appendixLayer2(groups, ws, delta, tp)
	return ws, sys, "windows of eq. 28–29 (ends at the midpoints between groups), W2 = μ + λν", err
}

// appendixA builds Appendix A's network with the windows and layer 2 of
// layout.
func appendixA(in *instance.Instance, tp Tamper, layout aLayout) (*Built, error) {
	p, err := project(in)
	if err != nil {
		return nil, err
	}
	groups, virtual := appendixGroups(p)
	delta := big.NewRat(1, 1)
	ws, sys, how, err := layout(groups, delta, tp)
	if err != nil {
		return nil, err
	}
	act := SigmaT(delta)
	if tp.Gadget != nil {
		act = *tp.Gadget
	}
	W1, b1 := windowLayer(ws, p.v)
	pre2 := HardTanh.Readout([][]*big.Rat{sys.w}, []*big.Rat{sys.b})
	net := &oracle.Network{Layers: []oracle.Layer{
		HardTanh.Expand(W1, b1),
		act.Expand(pre2.W, pre2.B),
		act.Readout([][]*big.Rat{{p.scale}}, []*big.Rat{new(big.Rat)}),
	}}
	N := len(groups) / 2
	notes := append(p.notes,
		fmt.Sprintf("Appendix A: %d groups (2N+1, N = %d), %d of them empty and given a virtual point; λ = %s",
			len(groups), N, virtual, oracle.FormatRat(sys.lambda)),
		how, "σT with δ = 1: 2 ReLUs; σH windows: 2 ReLUs each")
	b := NewBuilt("A", net, 4*N+4, notes...)
	b.Scale = p.scale
	return b, nil
}

// groupExtremes are the least and largest positions of every group and
// the margin ε = 1 (the arguments of GroupWindows).
func groupExtremes(groups []aGroup) (lo, hi []*big.Rat, eps *big.Rat) {
	lo, hi = make([]*big.Rat, len(groups)), make([]*big.Rat, len(groups))
	for j, g := range groups {
		lo[j], hi[j] = g.c[0], g.c[len(g.c)-1]
	}
	return lo, hi, big.NewRat(1, 1)
}

// appendixLayer2 sets up eq. 33–34 for the least member of every group and
// solves it with the exact λ of the file comment: w_j ≥ (1+δ)/g_j for every
// group with a second member, g_j its least gap in window j.
func appendixLayer2(groups []aGroup, ws []Window, delta *big.Rat, tp Tamper) (*layer2, error) {
	kappa, tau, need := make([]*big.Rat, len(ws)), make([]*big.Rat, len(ws)), make([]*big.Rat, len(ws))
	for j, g := range groups {
		kappa[j], tau[j] = ws[j].Pre(g.c[0]), g.z
		if len(g.c) >= 2 {
			gap := new(big.Rat).Sub(ws[j].Pre(g.c[1]), kappa[j])
			if gap.Sign() <= 0 {
				return nil, fmt.Errorf("construction: A: window %d does not increase across its group", j+1)
			}
			need[j] = gap.Quo(new(big.Rat).Add(big.NewRat(1, 1), delta), gap)
		}
	}
	return solveLayer2(kappa, tau, need, tp)
}

// aGroup is one group s_j of Appendix A: its positions c (sorted; one virtual
// point for an empty stretch) and the target of its least member.
type aGroup struct {
	c []*big.Rat
	z *big.Rat
}

// appendixGroups cuts the sorted line into the 2N+1 groups and counts the
// empty stretches that got a virtual point.
func appendixGroups(p *projected) ([]aGroup, int) {
	K := len(p.c)
	var groups []aGroup
	virtual := 0
	stretch := func(a, b int) { // positions a..b−1
		if a < b {
			groups = append(groups, aGroup{c: p.c[a:b], z: new(big.Rat)})
			return
		}
		virtual++
		var v *big.Rat
		switch {
		case a == 0:
			v = new(big.Rat).Sub(p.c[0], big.NewRat(1, 1))
		case a == K:
			v = new(big.Rat).Add(p.c[K-1], big.NewRat(1, 1))
		default:
			v = new(big.Rat).Add(p.c[a-1], p.c[a])
			v.Mul(v, big.NewRat(1, 2))
		}
		groups = append(groups, aGroup{c: []*big.Rat{v}, z: new(big.Rat)})
	}
	start := 0
	for i := 0; i < K; i++ {
		if p.z[i].Sign() != 0 {
			stretch(start, i)
			groups = append(groups, aGroup{c: p.c[i : i+1], z: p.z[i]})
			start = i + 1
		}
	}
	stretch(start, K)
	return groups, virtual
}

// layer2 is one layer-2 unit from eq. 33–35: the particular solution μ, the
// positive null vector ν (last entries: the bias), λ, and W2 = μ + λν.
type layer2 struct {
	mu, nu []*big.Rat
	lambda *big.Rat
	w      []*big.Rat
	b      *big.Rat
}

// solveLayer2 solves K·[w; b] = τ for the matrix of eq. 34 (row j:
// +s_{j'} left of the diagonal, κ_j on it, −s_{j'} right of it, 1 last) in
// closed form (file comment), then takes the least λ ≥ 0 with w_j ≥ need_j
// for every j with need_j ≠ nil. An error means some |κ_j| ≥ 1: a selected
// point outside its own window, which only a tampered window produces.
func solveLayer2(kappa, tau, need []*big.Rat, tp Tamper) (*layer2, error) {
	G := len(kappa)
	for j, k := range kappa {
		if k.Cmp(big.NewRat(-1, 1)) <= 0 || k.Cmp(big.NewRat(1, 1)) >= 0 {
			return nil, fmt.Errorf("construction: selected point of group %d is outside its window (α¹ = %s)", j+1, k.RatString())
		}
	}
	s := func(j int) *big.Rat { return big.NewRat(int64(altSign(j)), 1) }
	mu, nu := make([]*big.Rat, G+1), nullVector(kappa)
	mu[0] = new(big.Rat)
	var a, c big.Rat
	for j := 0; j+1 < G; j++ {
		a.Sub(s(j), kappa[j])   // s_j − κ_j
		c.Sub(kappa[j+1], s(j)) // κ_{j+1} − s_j
		m := new(big.Rat).Sub(tau[j+1], tau[j])
		m.Sub(m, new(big.Rat).Mul(mu[j], &a))
		mu[j+1] = m.Quo(m, &c)
	}
	mu[G] = new(big.Rat).Sub(tau[0], new(big.Rat).Mul(kappa[0], mu[0]))
	for j := 1; j < G; j++ { // row 1 has −s_j in column j > 1
		mu[G].Add(mu[G], new(big.Rat).Mul(s(j), mu[j]))
	}
	lambda := new(big.Rat)
	for j, t := range need {
		if t == nil {
			continue
		}
		l := new(big.Rat).Sub(t, mu[j])
		if l.Quo(l, nu[j]); l.Cmp(lambda) > 0 {
			lambda = l
		}
	}
	if tp.Lambda != nil {
		lambda = tp.Lambda(lambda)
	}
	out := &layer2{mu: mu, nu: nu, lambda: lambda, w: make([]*big.Rat, G)}
	for j := range out.w {
		out.w[j] = new(big.Rat).Add(mu[j], new(big.Rat).Mul(lambda, nu[j]))
	}
	out.b = new(big.Rat).Add(mu[G], new(big.Rat).Mul(lambda, nu[G]))
	return out, nil
}

// nullVector is the null vector of eq. 34 with diagonal κ (file comment):
// ν_1 = 1, ν_{j+1} = ν_j·(s_j − κ_j)/(s_j − κ_{j+1}), ν_b = −(row 1)·ν.
func nullVector(kappa []*big.Rat) []*big.Rat {
	G := len(kappa)
	nu := make([]*big.Rat, G+1)
	nu[0] = big.NewRat(1, 1)
	var a, c big.Rat
	for j := 0; j+1 < G; j++ {
		s := big.NewRat(int64(altSign(j)), 1)
		a.Sub(s, kappa[j])
		c.Sub(s, kappa[j+1])
		n := new(big.Rat).Mul(nu[j], &a)
		nu[j+1] = n.Quo(n, &c)
	}
	nu[G] = new(big.Rat).Neg(new(big.Rat).Mul(kappa[0], nu[0]))
	for j := 1; j < G; j++ {
		nu[G].Add(nu[G], new(big.Rat).Mul(big.NewRat(int64(altSign(j)), 1), nu[j]))
	}
	return nu
}

// System is Appendix A's layer-2 linear system for an instance, exposed so
// that checks can verify the paper's two conditions on it independently:
// Matrix is K of eq. 34, computed from the windows' actual outputs
// β¹_{j'}(x_{i_j}) at the selected points (not from the closed form), with a
// last column of ones; Targets is z_S (scaled); Mu, Nu are the particular
// solution and the null vector the construction uses, Lambda its λ (so that
// the network's [W2; b2] is Mu + Lambda·Nu).
type System struct {
	Matrix          [][]*big.Rat
	Targets, Mu, Nu []*big.Rat
	Lambda          *big.Rat
}

// AppendixASystem returns the System of AppendixA(in).
func AppendixASystem(in *instance.Instance) (*System, error) {
	return appendixASystem(in, paperLayout)
}

// appendixASystem is the System of appendixA with layout.
func appendixASystem(in *instance.Instance, layout aLayout) (*System, error) {
	p, err := project(in)
	if err != nil {
		return nil, err
	}
	groups, _ := appendixGroups(p)
	ws, sys, _, err := layout(groups, big.NewRat(1, 1), Tamper{})
	if err != nil {
		return nil, err
	}
	out := &System{Mu: sys.mu, Nu: sys.nu, Lambda: sys.lambda}
	for _, g := range groups {
		row := make([]*big.Rat, 0, len(ws)+1)
		for _, w := range ws {
			row = append(row, w.Out(g.c[0]))
		}
		out.Matrix = append(out.Matrix, append(row, big.NewRat(1, 1)))
		out.Targets = append(out.Targets, g.z)
	}
	return out, nil
}
