package construction

// Theorem 4.4 and the upper bound of Theorem 4.1.1: a 2-layer network
// g(x) = W2·σ(1_m aᵀx + b1) + b2 that fine-tunes any instance (x, T, z).
//
// 1. Project: a with aᵀx pairwise distinct (projection.go); relabel the
//    samples by the order of aᵀx, so "consecutive" means adjacent on the line.
// 2. Keep J = T ∪ {end points of the blocks of P([K]∖T)} (partition.go,
//    eq. 14); |J| = K − Σ max{|P|−2, 0} (eq. 15).
// 3. Interpolate (aᵀx_j, z_j), j ∈ J, with Lemma 4.5 (interpolate.go):
//    m = |J| − 1 neurons, which is eq. 12's bound.
// 4. A dropped sample i lies in a block with kept end points l < i < r,
//    z_l = z_r = 0 and no kept point between them, so the interpolant is
//    affine and zero on [aᵀx_l, aᵀx_r]: g(x_i) = 0 = z_i.
//
// Lemma 4.7 gives |J| ≤ min{3N+2, K}, so m ≤ min{3N+1, K−1}: Theorem 4.1.1.
//
// TwoLayer returns that network after Prune (prune.go): a neuron whose
// outgoing weight is zero (the slope does not change at its knot, e.g. inside
// a run of zeros or where three kept points are collinear) is removed.
// Built.Unpruned = |J| − 1 is the paper's count; Built.Neurons the pruned one.
// N = 0 gives J = {first, last}, one neuron of weight 0, and after pruning the
// network with no neurons at all (g = 0): a fine answer.
//
// Beyond the paper (TwoLayerOriented). The interpolant φ on J need not be
// constant left of its first knot. Let φ continue its outer chords on both
// rays (slopes s_first, s_last); its breakpoints B are the interior kept
// points where the slope changes, δ_j the change at knot j. A hinge may open
// to the right, δ_j·σ(s − w_j), or to the left, δ_j·σ(w_j − s): both change
// the slope by δ_j at w_j, and the left one adds slope −δ_j on the far left.
// For S ⊆ B (the hinges opened to the left),
//
//	g(s) = Σ_{j∈S} δ_j·σ(w_j − s) + Σ_{j∈B∖S} δ_j·σ(s − w_j) + c,
//	c = z_first − Σ_{j∈S} δ_j·(w_j − w_first),
//
// has the slope changes of φ, left slope −Σ_{j∈S} δ_j and g(w_first) =
// z_first, so g = φ iff Σ_{j∈S} δ_j = −s_first: |B| neurons. If no such S
// exists, make the left ray flat as Lemma 4.5 does: |B| + 1. We look for S
// among the empty set, the prefixes {j ≤ p} (the sum is s_p − s_first, so
// this works iff some chord p is flat), single knots, and all subsets when
// |B| ≤ 18. Whenever a block of [K]∖T has two or more samples, its two kept
// end points have z = 0 and the chord between them is flat. If K ≥ 3N+2, the
// K−N ≥ 2N+2 unchanged samples fall into at most N+1 blocks, so some block
// has ≥ 2, and |B| ≤ |J| − 2 ≤ 3N. With Theorem 4.1.2 (m ≥ min{3N, K−2} = 3N)
// this gives m*(N, K) = 3N exactly for K ≥ 3N+2, one below the paper's upper
// bound.

import (
	"fmt"
	"math/big"
	"math/bits"

	"github.com/ftcheck/ftcheck/instance"
)

// SizeError reports an instance outside Theorem 4.1's setting: K < 3, or
// N > K.
type SizeError struct {
	K, N int
}

func (e *SizeError) Error() string {
	if e.N > e.K {
		return fmt.Sprintf("N = %d changed samples but only K = %d samples", e.N, e.K)
	}
	return fmt.Sprintf("K = %d samples: Theorem 4.1 assumes K ≥ 3", e.K)
}

// Plan is what Theorem 4.4 computes before building a network: the
// projection, the positions of T along it, and the kept set J.
type Plan struct {
	Proj    *Projection
	T       []int      // positions (0-based, along Proj.Order) of the changed samples
	J       []int      // kept positions (eq. 14), sorted
	Removed int        // Σ max{|P|−2, 0} = K − |J|
	W, Z    []*big.Rat // aᵀx and z at the kept positions, increasing in W
}

// PlanTwoLayer validates the instance and computes the Plan along the
// direction Separate finds.
func PlanTwoLayer(in *instance.Instance) (*Plan, error) {
	if err := checkSize(in); err != nil {
		return nil, err
	}
	return planAlong(in, separate(in.X)), nil
}

// CollisionError reports a direction a with aᵀx_I = aᵀx_J (1-based rows):
// Theorem 4.4 needs aᵀx_1 < … < aᵀx_K after sorting (eq. 11).
type CollisionError struct {
	I, J int
}

func (e *CollisionError) Error() string {
	return fmt.Sprintf("the direction a projects rows %d and %d to the same value", e.I, e.J)
}

// PlanAlong is PlanTwoLayer along a given direction a (len d), which must
// separate the samples (*CollisionError otherwise): Theorem 4.4 holds for
// every such a, with the partition taken in the order a induces.
func PlanAlong(in *instance.Instance, a []*big.Rat) (*Plan, error) {
	if err := checkSize(in); err != nil {
		return nil, err
	}
	if len(a) != in.Dim() {
		return nil, &DimensionError{Row: 0, Got: len(a), Want: in.Dim()}
	}
	p := tryDirection(in.X, a)
	if p == nil {
		return nil, collision(in.X, a)
	}
	p.Method = "given"
	return planAlong(in, p), nil
}

func collision(X [][]*big.Rat, a []*big.Rat) error {
	seen := map[string]int{}
	var t big.Rat
	for i, x := range X {
		v := new(big.Rat)
		for k := range a {
			v.Add(v, t.Mul(a[k], x[k]))
		}
		if j, ok := seen[v.RatString()]; ok {
			return &CollisionError{I: j + 1, J: i + 1}
		}
		seen[v.RatString()] = i
	}
	return nil
}

func checkSize(in *instance.Instance) error {
	if err := in.Validate(); err != nil {
		return err
	}
	if K := in.K(); K < 3 {
		return &SizeError{K: K, N: in.N()}
	}
	return nil
}

func planAlong(in *instance.Instance, proj *Projection) *Plan {
	p := &Plan{Proj: proj}
	for pos, row := range p.Proj.Order {
		if in.Z[row].Sign() != 0 {
			p.T = append(p.T, pos)
		}
	}
	K := in.K()
	p.J = Kept(K, 0, p.T)
	p.Removed = K - len(p.J)
	for _, pos := range p.J {
		row := p.Proj.Order[pos]
		p.W = append(p.W, p.Proj.Values[row])
		p.Z = append(p.Z, in.Z[row])
	}
	return p
}

// Network builds Lemma 4.5's network on the plan's kept points (unpruned,
// |J| − 1 neurons, every first-layer row a).
func (p *Plan) Network() *Built {
	h, err := Interpolate(p.W, p.Z)
	if err != nil {
		panic("construction: " + err.Error()) // unreachable: W strictly increasing, |J| ≥ 2
	}
	return NewBuilt("T4.4-unpruned", h.Network(p.Proj.A), h.Len(), p.notes()...)
}

// TwoLayer builds Theorem 4.4's network for in, pruned (see the file
// comment). Bad input gives typed errors: *SizeError (K < 3),
// *oracle.DuplicatePointError, or the instance's validation error.
func TwoLayer(in *instance.Instance) (*Built, error) {
	p, err := PlanTwoLayer(in)
	if err != nil {
		return nil, err
	}
	paper := p.Network()
	b := NewBuilt("T4.4", Prune(paper.Net), paper.Unpruned, p.notes()...)
	if b.Neurons == 0 {
		b.Notes = append(b.Notes, "no neurons needed: g is constant on the samples (every z_i is 0 or the kept points are collinear)")
	}
	return b, nil
}

// TwoLayerPaper is TwoLayer without pruning: Lemma 4.5's network on J with
// exactly |J| − 1 neurons, every first-layer row equal to a, as the paper
// builds it (Built.Neurons = Built.Unpruned).
func TwoLayerPaper(in *instance.Instance) (*Built, error) {
	p, err := PlanTwoLayer(in)
	if err != nil {
		return nil, err
	}
	return p.Network(), nil
}

// TwoLayerOriented builds the beyond-paper variant of the file comment:
// the interpolant on J with both outer chords continued and each hinge opened
// to the left or to the right, |B| or |B| + 1 neurons.
func TwoLayerOriented(in *instance.Instance) (*Built, error) {
	p, err := PlanTwoLayer(in)
	if err != nil {
		return nil, err
	}
	h := OrientedHinges(p.W, p.Z)
	net := Prune(h.Network(p.Proj.A))
	return NewBuilt("T4.4-oriented", net, h.Len(), p.notes()...), nil
}

func (p *Plan) notes() []string {
	return PlanNotes(p.Proj.S, p.Proj.Method, len(p.J), p.Removed)
}

// PlanNotes are the notes Theorem 4.4's networks carry: the projection
// (method "moment" with s, "lexicographic" or "given") and |J|.
func PlanNotes(s int64, method string, kept, removed int) []string {
	dir := fmt.Sprintf("projection a = (1, s, …, s^(d−1)) with s = %d", s)
	switch method {
	case "lexicographic":
		dir = "projection a lexicographic (no s < 64 separated the samples)"
	case "given":
		dir = "projection along the given direction a"
	}
	return []string{dir, fmt.Sprintf("|J| = %d kept of K = %d (removed %d)", kept, kept+removed, removed)}
}

// OrientedHinges interpolates the points (w_i, z_i) (w strictly increasing,
// at least two points) with |B| hinges when some S of the file comment is
// found, |B| + 1 otherwise.
func OrientedHinges(w, z []*big.Rat) *Hinges {
	s := Slopes(w, z)
	var knots []int
	var deltas []*big.Rat
	for j := 1; j < len(w)-1; j++ {
		if d := new(big.Rat).Sub(s[j], s[j-1]); d.Sign() != 0 {
			knots, deltas = append(knots, j), append(deltas, d)
		}
	}
	left := leftSet(deltas, new(big.Rat).Neg(s[0]))
	if left == nil { // Lemma 4.5's form: flat left of w_1
		h := &Hinges{Bias: new(big.Rat).Set(z[0])}
		h.add(w[0], 1, s[0])
		for i, j := range knots {
			h.add(w[j], 1, deltas[i])
		}
		return h
	}
	h := &Hinges{Bias: new(big.Rat).Set(z[0])}
	var t big.Rat
	for i, j := range knots {
		if left[i] {
			h.add(w[j], -1, deltas[i])
			h.Bias.Sub(h.Bias, t.Mul(deltas[i], t.Sub(w[j], w[0])))
		} else {
			h.add(w[j], 1, deltas[i])
		}
	}
	return h
}

// leftSet returns a mask S with Σ_{i∈S} δ_i = target, trying the empty set,
// prefixes, single entries and (for at most 18 entries) every subset; nil if
// none is found.
func leftSet(delta []*big.Rat, target *big.Rat) []bool {
	n := len(delta)
	mask := make([]bool, n)
	sum := new(big.Rat)
	if sum.Cmp(target) == 0 {
		return mask
	}
	for i := range delta { // prefixes: a flat chord
		sum.Add(sum, delta[i])
		mask[i] = true
		if sum.Cmp(target) == 0 {
			return mask
		}
	}
	for i := range delta {
		if delta[i].Cmp(target) == 0 {
			single := make([]bool, n)
			single[i] = true
			return single
		}
	}
	if n > 18 {
		return nil
	}
	sum.SetInt64(0)
	mask = make([]bool, n)
	for g := 1; g < 1<<n; g++ { // Gray code: flip one entry per step
		i := bits.TrailingZeros(uint(g))
		if mask[i] = !mask[i]; mask[i] {
			sum.Add(sum, delta[i])
		} else {
			sum.Sub(sum, delta[i])
		}
		if sum.Cmp(target) == 0 {
			return mask
		}
	}
	return nil
}

func (h *Hinges) add(knot *big.Rat, dir int, out *big.Rat) {
	h.Knots = append(h.Knots, new(big.Rat).Set(knot))
	h.Dir = append(h.Dir, dir)
	h.Out = append(h.Out, out)
}
