package construction

// Vector outputs (beyond the paper): Theorem 4.4's network for C ≥ 1
// outputs with ONE hidden layer shared by all outputs, at the neuron count
// of a single output.
//
// Setting. Targets z_i = y_i − f(x_i) ∈ ℚ^C (instance.Vector), T = {i :
// z_i ≠ 0} the rows where any output changes, N = |T|. A network g with C
// outputs fine-tunes when g(x_i)_c = z_{i,c} for every i and c.
//
// Claim. Some g(x) = W2·σ(1_m aᵀx + b1) + b2 with W2 ∈ ℚ^{C×m} fine-tunes,
// with m ≤ K − 1 − Σ_{P∈P([K]∖T)} max{|P|−2, 0} ≤ min{3N+1, K−1}: the bound
// of Theorem 4.4 and 4.1.1 for one output, whatever C is.
//
// Proof. Follow twolayer.go step by step and watch what each step reads.
//
//  1. The direction a (projection.go) depends on x only.
//  2. The kept set J = T ∪ {end points of the blocks of P([K]∖T)} (eq. 14)
//     depends on the set T only, not on the values z.
//  3. For output c, Lemma 4.5 on the points (w_j, z_{j,c}), j ∈ J, gives
//     h_c(s) = Σ_{k=1..m} c_{k,c}·σ(s − w_k) + z_{1,c}, m = |J| − 1, with
//     c_{1,c} = s_{1,c}, c_{k,c} = s_{k,c} − s_{k−1,c} (chord slopes of
//     output c). The knots w_1..w_m are the kept abscissae aᵀx_j: they are
//     the same for every c. Only the output weights c_{k,c} and the bias
//     z_{1,c} depend on c, and linearly in z_{·,c}. So one hidden layer
//     σ(1_m aᵀx − w) serves every output: W2[c][k] = c_{k,c},
//     b2[c] = z_{1,c}.
//  4. Each output interpolates: h_c(w_j) = z_{j,c} on J by Lemma 4.5. A
//     dropped sample i lies in a block of [K]∖T with kept end points
//     l < i < r and no kept point between; l, r ∉ T, so z_l = z_r = 0 ∈ ℚ^C
//     and in particular z_{l,c} = z_{r,c} = 0 for every c. h_c is affine on
//     [w_l, w_r] (no knot inside), hence zero there, and h_c(aᵀx_i) = 0 =
//     z_{i,c} since i ∉ T.
//  5. Count: m = |J| − 1, and Lemma 4.7, a statement about the set T alone,
//     gives |J| ≤ min{3N+2, K}. ∎
//
// Pruning (prune.go) removes a neuron only when its weight is zero in every
// output, and merges duplicate hinges column by column: each output keeps
// its function.
//
// The saving. C single-output networks, one per output c with its own
// T_c = {i : z_{i,c} ≠ 0} ⊆ T, stacked side by side, use Σ_c (|J_c| − 1)
// neurons, up to C·min{3N+1, K−1}; the shared layer uses |J| − 1, at most
// the largest single bound. The V check reports both counts.
//
// Which other constructions share the property (hidden layers independent
// of the values z, given the set T):
//
//   - TwoLayerOriented: no. Its knots B are where output c's interpolant
//     changes slope, and the set S of left-opening hinges solves
//     Σ_{j∈S} δ_j = −s_first in output c's slopes: both depend on z, and
//     two outputs need different S in general. FlatEnd, TwoPeak and
//     MinInterpolant place their breakpoints from the values too: no.
//   - U1 (yun.go, u1.go): layer 1 (the hard-tanh windows) depends on x
//     only; layer 2 solves the rank-k system for the targets τ = ±z and
//     rescales by max|z|: it depends on z. Fallback: share layer 1, C
//     copies of layer 2 (2⌊√K⌋ + C·2G ReLUs).
//   - U2 (u2.go): yes. Layer 1 is U1's (x only); the layer-2 unit of i ∈ T
//     solves the system with targets τ ∈ {0, 1} fixed by (x, T) alone, and
//     the heights z_i are output weights: g = Σ_{i∈T} z_i·σB(α²_i). With T
//     the rows where any output changes, one network with C output rows
//     z_{i,c} serves every output at m = 2⌊√K⌋ + 3N (and U2Groups(·, 1) at
//     3N + 2). Built here as U2Vector: U2 of the support instance (z_i = 1
//     on T), its output layer replaced by the C rows Σ_{i∈T} z_{i,c}·σB(α²_i)
//     (bump.go's Readout). Each output is then exactly U2's network for
//     that output's targets (with T the union, a bump for a row where this
//     output does not change gets weight 0), which fine-tunes by u2.go's
//     argument.
//   - U3 (u3.go) and Appendix A (appendixa.go): layer 1 (windows over J or
//     over the groups of T) depends on (x, T) only, but layer 2 solves for
//     the targets (eq. 33–35, with σL or σT clipping to [−1, 1] after
//     rescaling by max|z|): it depends on z. Fallback: share layer 1, C
//     copies of layer 2.
//   - P6.1 (deep.go) sums 3-layer networks of the parts of T: it inherits
//     what its parts have.
//
// For every construction that does not share, the fallback of C copies
// (or the concatenation: hidden layers side by side, a block-diagonal
// output layer) fine-tunes all outputs with the sum of the counts.

import (
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// TwoLayerVector builds the shared-hidden-layer network of the file
// comment for v (C ≥ 1 outputs), pruned: Built.Unpruned = |J| − 1.
func TwoLayerVector(v *instance.Vector) (*Built, error) {
	paper, err := TwoLayerVectorPaper(v)
	if err != nil {
		return nil, err
	}
	b := NewBuilt("T4.4-vector", Prune(paper.Net), paper.Unpruned, paper.Notes...)
	if b.Neurons == 0 {
		b.Notes = append(b.Notes, "no neurons needed: every output is constant on the samples")
	}
	return b, nil
}

// TwoLayerVectorPaper is TwoLayerVector without pruning: exactly |J| − 1
// neurons, every first-layer row a, C output rows.
func TwoLayerVectorPaper(v *instance.Vector) (*Built, error) {
	if err := v.Validate(); err != nil {
		return nil, err
	}
	p, err := PlanTwoLayer(v.Support()) // a, T and J: the values are not read
	if err != nil {
		return nil, err
	}
	C := v.Outputs()
	var hidden oracle.Layer
	out := oracle.Layer{W: make([][]*big.Rat, C), B: make([]*big.Rat, C)}
	for c := 0; c < C; c++ {
		z := make([]*big.Rat, len(p.J))
		for q, pos := range p.J {
			z[q] = v.Z[p.Proj.Order[pos]][c]
		}
		h, err := Interpolate(p.W, z)
		if err != nil {
			panic("construction: " + err.Error()) // unreachable: W strictly increasing, |J| ≥ 2
		}
		n := h.Network(p.Proj.A)
		if c == 0 {
			hidden = n.Layers[0] // knots w_1..w_m: the same for every output
		}
		out.W[c], out.B[c] = n.Layers[1].W[0], n.Layers[1].B[0]
	}
	net := &oracle.Network{Layers: []oracle.Layer{hidden, out}}
	notes := append(p.notes(), fmt.Sprintf("C = %d outputs share one hidden layer (knots at the kept points; T = rows where any output changes)", C))
	return NewBuilt("T4.4-vector-unpruned", net, len(p.J)-1, notes...), nil
}

// U2Vector is the 3-layer network of U2 (u2.go) with C outputs sharing
// both hidden layers: m = 2⌊√K⌋ + 3N, N the rows where any output changes
// (see the file comment). U2VectorGroups is the same with layer 1 cut into
// groups windows (1: m = 3N + 2).
func U2Vector(v *instance.Vector) (*Built, error) { return u2Vector(v, 0) }

// U2VectorGroups is U2Vector with layer 1 cut into groups windows.
func U2VectorGroups(v *instance.Vector, groups int) (*Built, error) { return u2Vector(v, groups) }

func u2Vector(v *instance.Vector, groups int) (*Built, error) {
	if err := v.Validate(); err != nil {
		return nil, err
	}
	sup := v.Support()
	var b *Built
	var err error
	if groups == 0 {
		b, err = U2(sup)
	} else {
		b, err = U2Groups(sup, groups)
	}
	if err != nil {
		return nil, err
	}
	C, T := v.Outputs(), sup.T()
	if len(T) == 0 { // g = 0 on every output
		z := oracle.Zero(v.Dim())
		for c := 1; c < C; c++ {
			z.Layers[0].W = append(z.Layers[0].W, oracle.Zeros(v.Dim()))
			z.Layers[0].B = append(z.Layers[0].B, new(big.Rat))
		}
		return NewBuilt(b.Name+"-vector", z, 0, b.Notes...), nil
	}
	rows := make([][]*big.Rat, C)
	for c := range rows {
		for _, i := range T {
			rows[c] = append(rows[c], new(big.Rat).Set(v.Z[i][c]))
		}
	}
	net := b.Net.Clone()
	bump := Bump(new(big.Rat), big.NewRat(1, 1), big.NewRat(1, 1))
	net.Layers[len(net.Layers)-1] = bump.Readout(rows, oracle.Zeros(C))
	notes := append(append([]string{}, b.Notes...), fmt.Sprintf("C = %d outputs share both hidden layers (the σB units depend on x and T only)", C))
	return NewBuilt(b.Name+"-vector", net, b.Unpruned, notes...), nil
}

// TwoLayerStacked is the fallback the file comment compares with: one
// pruned Theorem 4.4 network per output (each with its own T_c), side by
// side in one network with a block output layer. Its neuron count is the
// sum of the single-output counts.
func TwoLayerStacked(v *instance.Vector) (*Built, error) {
	if err := v.Validate(); err != nil {
		return nil, err
	}
	C := v.Outputs()
	var parts []*oracle.Network
	unpruned := 0
	for c := 0; c < C; c++ {
		b, err := TwoLayer(v.Output(c))
		if err != nil {
			return nil, err
		}
		parts, unpruned = append(parts, b.Net), unpruned+b.Unpruned
	}
	return NewBuilt("T4.4-stacked", Concat(parts), unpruned, fmt.Sprintf("%d single-output Theorem 4.4 networks side by side", C)), nil
}

// Concat puts 2-layer (or 1-layer) single-output networks on the same input
// side by side: their hidden neurons concatenated, output c reading only
// the neurons of network c. The result has len(nets) outputs and as many
// neurons as the networks together.
func Concat(nets []*oracle.Network) *oracle.Network {
	d := nets[0].InputDim()
	var hidden oracle.Layer
	out := oracle.Layer{W: make([][]*big.Rat, len(nets)), B: make([]*big.Rat, len(nets))}
	offsets := make([]int, len(nets))
	for c, n := range nets {
		if n.Depth() > 2 || n.Outputs() != 1 {
			panic(fmt.Sprintf("construction: Concat: network %d has depth %d and %d outputs, want depth ≤ 2 and one output", c, n.Depth(), n.Outputs()))
		}
		offsets[c] = len(hidden.W)
		if n.Depth() == 2 {
			k := n.Clone().Layers[0]
			hidden.W, hidden.B = append(hidden.W, k.W...), append(hidden.B, k.B...)
		}
	}
	m := len(hidden.W)
	for c, n := range nets {
		last := n.Layers[len(n.Layers)-1]
		out.W[c] = oracle.Zeros(m)
		out.B[c] = new(big.Rat).Set(last.B[0])
		if n.Depth() == 2 {
			for k, w := range last.W[0] {
				out.W[c][offsets[c]+k].Set(w)
			}
		}
	}
	if m == 0 {
		z := oracle.Zero(d)
		z.Layers[0].W, z.Layers[0].B = nil, nil
		for c := range nets {
			z.Layers[0].W = append(z.Layers[0].W, oracle.Zeros(d))
			z.Layers[0].B = append(z.Layers[0].B, out.B[c])
		}
		return z
	}
	return &oracle.Network{Layers: []oracle.Layer{hidden, out}}
}
