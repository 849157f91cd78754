package oracle

// Restriction of a ReLU network to a line.
//
// For a network g, a point p and a direction u, φ(t) = g(p + t·u) is a
// continuous piecewise-linear function of t ∈ ℚ. We compute it exactly, layer
// by layer, keeping every neuron of the current layer as a continuous
// piecewise-linear function on one common sorted set of points B:
//
//   - its values V[j][i] at the points B[i], and
//   - its slopes L[j], R[j] on the two rays t < B[0] and t > B[last].
//
// Between consecutive points of B every neuron is affine, so the values at B
// and the two ray slopes determine the function.
//
// Layer 1 is affine in t: neuron k has pre-activation a_k·t + c_k with
// a_k = W1_k·u and c_k = W1_k·p + b1_k, and its ReLU has one kink at −c_k/a_k
// (none when a_k = 0). The next layer's rows Σ_k W_jk·σ(a_k t + c_k) + b_j are
// computed by a sweep over the sorted kinks: the slope left of every kink is
// Σ_{a_k<0} W_jk·a_k and grows by W_jk·|a_k| at the kink of neuron k. This
// costs O(rows·n_1) instead of O(rows·n_1²) and is what makes 2-layer networks
// with thousands of neurons cheap (every network of Theorem 4.4).
//
// A later ReLU can only add breakpoints where a neuron changes sign. Between
// two points of B a neuron is affine, so it changes sign there at most once, at
// the root of the chord; on a ray it changes sign iff its value and slope point
// towards zero. We insert every such root into B, interpolate each neuron's
// values at the new points, clamp at zero, and apply the next affine layer
// pointwise: values at B combine linearly, and so do the ray slopes. Nothing is
// rounded, so the final function agrees with Eval everywhere; the tests check
// this at random points, at every breakpoint and between them.
//
// B always contains t = 0 (an anchor that may or may not be a breakpoint), so
// it is never empty; PiecewiseLinear.Breakpoints drops points where the slope
// does not change.

import (
	"fmt"
	"math/big"
	"sort"
)

// PiecewiseLinear is a continuous piecewise-linear function ℚ → ℚ given by its
// values at sorted points (a superset of its breakpoints, never empty) and its
// slopes on the two outer rays.
type PiecewiseLinear struct {
	Points []*big.Rat // strictly increasing, len ≥ 1
	Values []*big.Rat // φ(Points[i])
	Left   *big.Rat   // slope on t < Points[0]
	Right  *big.Rat   // slope on t > Points[last]
	sorted *Sorted    // Points with their floats, once Prepare ran
}

// Prepare readies f for many Evals: its points get a float filter (see
// Sorted). f must not change afterwards.
func (f *PiecewiseLinear) Prepare() {
	f.sorted = NewSorted(f.Points)
}

// Eval returns φ(t) exactly.
func (f *PiecewiseLinear) Eval(t *big.Rat) *big.Rat {
	n := len(f.Points)
	var i int
	var at bool
	if f.sorted != nil {
		i, at = f.sorted.Search(t)
	} else {
		i = sort.Search(n, func(i int) bool { return f.Points[i].Cmp(t) >= 0 })
		at = i < n && f.Points[i].Cmp(t) == 0
	}
	var d big.Rat
	switch {
	case at:
		return new(big.Rat).Set(f.Values[i])
	case i == 0:
		d.Sub(t, f.Points[0])
		return d.Add(d.Mul(&d, f.Left), f.Values[0])
	case i == n:
		d.Sub(t, f.Points[n-1])
		return d.Add(d.Mul(&d, f.Right), f.Values[n-1])
	}
	return lerp(f.Points[i-1], f.Values[i-1], f.Points[i], f.Values[i], t)
}

// evalSorted is Eval at every point of ts, sorted ascending, in one merge
// with Points: no binary search, and one slope per piece instead of a lerp
// per point (relu evaluates every unit at the merged breakpoints of all of
// them, which made this most of Restrict's time on 3-layer networks with wide
// weights). The values are the same rationals as Eval's.
func (f *PiecewiseLinear) evalSorted(ts []*big.Rat) []*big.Rat {
	n := len(f.Points)
	out := make([]*big.Rat, len(ts))
	i := 0 // first point ≥ t
	var slope, d big.Rat
	slopeOf := -1 // the piece slope holds, by its right end
	for k, t := range ts {
		for i < n && f.Points[i].Cmp(t) < 0 {
			i++
		}
		switch {
		case i < n && f.Points[i].Cmp(t) == 0:
			out[k] = new(big.Rat).Set(f.Values[i])
		case i == 0:
			v := new(big.Rat).Sub(t, f.Points[0])
			out[k] = v.Add(v.Mul(v, f.Left), f.Values[0])
		case i == n:
			v := new(big.Rat).Sub(t, f.Points[n-1])
			out[k] = v.Add(v.Mul(v, f.Right), f.Values[n-1])
		default:
			if slopeOf != i {
				slope.Sub(f.Values[i], f.Values[i-1])
				slope.Quo(&slope, d.Sub(f.Points[i], f.Points[i-1]))
				slopeOf = i
			}
			v := new(big.Rat).Sub(t, f.Points[i-1])
			out[k] = v.Add(v.Mul(v, &slope), f.Values[i-1])
		}
	}
	return out
}

// lerp is the value at t of the line through (t0, v0) and (t1, v1).
func lerp(t0, v0, t1, v1, t *big.Rat) *big.Rat {
	var num, den big.Rat
	num.Sub(v1, v0)
	num.Mul(&num, den.Sub(t, t0))
	den.Sub(t1, t0)
	num.Quo(&num, &den)
	return num.Add(&num, v0)
}

// Slope returns the slope on the i-th piece between Points, for i in
// 0..len(Points): piece 0 is the left ray and piece len(Points) the right ray.
func (f *PiecewiseLinear) Slope(i int) *big.Rat {
	switch i {
	case 0:
		return f.Left
	case len(f.Points):
		return f.Right
	}
	var dv, dt big.Rat
	dv.Sub(f.Values[i], f.Values[i-1])
	dt.Sub(f.Points[i], f.Points[i-1])
	return dv.Quo(&dv, &dt)
}

// Breakpoints returns the points where the slope of φ changes, sorted.
func (f *PiecewiseLinear) Breakpoints() []*big.Rat {
	var out []*big.Rat
	prev := f.Slope(0)
	for i := range f.Points {
		s := f.Slope(i + 1)
		if s.Cmp(prev) != 0 {
			out = append(out, f.Points[i])
		}
		prev = s
	}
	return out
}

// Pieces is the number of maximal affine pieces of φ (breakpoints + 1), after
// merging adjacent pieces that are the same affine function.
func (f *PiecewiseLinear) Pieces() int { return len(f.Breakpoints()) + 1 }

// Restrict computes φ(t) = g(p + t·u) exactly. It panics if p or u do not have
// the network's input dimension.
func (n *Network) Restrict(p, u []*big.Rat) *PiecewiseLinear {
	n.mustSingle("Restrict")
	d := n.InputDim()
	if len(p) != d || len(u) != d {
		panic(fmt.Sprintf("oracle: Restrict: line in dimension %d/%d, network wants %d", len(p), len(u), d))
	}
	first := n.Layers[0]
	a := make([]*big.Rat, first.Out())
	c := make([]*big.Rat, first.Out())
	for k, row := range first.W {
		a[k] = dot(row, u, new(big.Rat))
		c[k] = dot(row, p, new(big.Rat).Set(first.B[k]))
	}
	var lf *lineFuncs
	if len(n.Layers) == 1 {
		lf = affineFuncs(a, c)
	} else {
		lf = sweepFirstLayer(a, c, n.Layers[1])
		for _, l := range n.Layers[2:] {
			lf = lf.relu().affine(l)
		}
	}
	return &PiecewiseLinear{Points: lf.B, Values: lf.V[0], Left: lf.L[0], Right: lf.R[0]}
}

func dot(row, x []*big.Rat, acc *big.Rat) *big.Rat {
	var t big.Rat
	for i, w := range row {
		if w.Sign() != 0 && x[i].Sign() != 0 {
			acc.Add(acc, t.Mul(w, x[i]))
		}
	}
	return acc
}

// lineFuncs holds the neurons of one layer as functions on the common points B.
type lineFuncs struct {
	B    []*big.Rat
	V    [][]*big.Rat
	L, R []*big.Rat
}

// affineFuncs is t ↦ a_k t + c_k on B = {0}.
func affineFuncs(a, c []*big.Rat) *lineFuncs {
	lf := &lineFuncs{B: []*big.Rat{new(big.Rat)}, V: make([][]*big.Rat, len(a)), L: a, R: a}
	for k := range a {
		lf.V[k] = []*big.Rat{c[k]}
	}
	return lf
}

// sweepFirstLayer applies σ to the affine first layer and the affine map next,
// by the kink sweep described at the top of this file.
func sweepFirstLayer(a, c []*big.Rat, next Layer) *lineFuncs {
	kinks := []*big.Rat{new(big.Rat)}
	for k := range a {
		if a[k].Sign() != 0 {
			kinks = append(kinks, new(big.Rat).Neg(new(big.Rat).Quo(c[k], a[k])))
		}
	}
	B := sortUnique(kinks)
	at := make([]int, len(a)) // index in B of neuron k's kink, −1 if none
	for k := range a {
		at[k] = -1
		if a[k].Sign() != 0 {
			kink := new(big.Rat).Neg(new(big.Rat).Quo(c[k], a[k]))
			at[k] = sort.Search(len(B), func(i int) bool { return B[i].Cmp(kink) >= 0 })
		}
	}
	// Post-activations at B[0], and |a_k|.
	post0 := make([]*big.Rat, len(a))
	absA := make([]*big.Rat, len(a))
	for k := range a {
		v := new(big.Rat).Mul(a[k], B[0])
		v.Add(v, c[k])
		if v.Sign() < 0 {
			v.SetInt64(0)
		}
		post0[k] = v
		absA[k] = new(big.Rat).Abs(a[k])
	}
	out := &lineFuncs{B: B, V: make([][]*big.Rat, next.Out()), L: make([]*big.Rat, next.Out()), R: make([]*big.Rat, next.Out())}
	var t big.Rat
	for j, row := range next.W {
		delta := make([]big.Rat, len(B))
		left, right := new(big.Rat), new(big.Rat)
		for k, w := range row {
			if w.Sign() == 0 || at[k] < 0 {
				continue
			}
			t.Mul(w, a[k])
			if a[k].Sign() < 0 {
				left.Add(left, &t)
			} else {
				right.Add(right, &t)
			}
			delta[at[k]].Add(&delta[at[k]], t.Mul(w, absA[k]))
		}
		vals := make([]*big.Rat, len(B))
		vals[0] = dot(row, post0, new(big.Rat).Set(next.B[j]))
		s := new(big.Rat).Set(left)
		s.Add(s, &delta[0])
		for i := 1; i < len(B); i++ {
			t.Sub(B[i], B[i-1])
			v := new(big.Rat).Mul(s, &t)
			vals[i] = v.Add(v, vals[i-1])
			s.Add(s, &delta[i])
		}
		out.V[j], out.L[j], out.R[j] = vals, left, right
	}
	return out
}

// relu applies σ to every function, inserting the sign changes into B.
func (lf *lineFuncs) relu() *lineFuncs {
	var roots []*big.Rat
	last := len(lf.B) - 1
	for j, v := range lf.V {
		for i := 0; i < last; i++ {
			if v[i].Sign()*v[i+1].Sign() < 0 {
				roots = append(roots, rootOf(lf.B[i], v[i], lf.B[i+1], v[i+1]))
			}
		}
		if s := lf.L[j].Sign(); s != 0 && v[0].Sign() == s {
			roots = append(roots, rayRoot(lf.B[0], v[0], lf.L[j]))
		}
		if s := lf.R[j].Sign(); s != 0 && v[last].Sign() == -s {
			roots = append(roots, rayRoot(lf.B[last], v[last], lf.R[j]))
		}
	}
	B := lf.B
	if len(roots) > 0 {
		B = sortUnique(append(append([]*big.Rat{}, lf.B...), roots...))
	}
	out := &lineFuncs{B: B, V: make([][]*big.Rat, len(lf.V)), L: make([]*big.Rat, len(lf.V)), R: make([]*big.Rat, len(lf.V))}
	f := &PiecewiseLinear{Points: lf.B}
	var probe big.Rat
	one := big.NewRat(1, 1)
	for j := range lf.V {
		f.Values, f.Left, f.Right = lf.V[j], lf.L[j], lf.R[j]
		vals := f.evalSorted(B)
		for _, v := range vals {
			if v.Sign() < 0 {
				v.SetInt64(0)
			}
		}
		out.V[j] = vals
		out.L[j], out.R[j] = new(big.Rat), new(big.Rat)
		if f.Eval(probe.Sub(B[0], one)).Sign() > 0 {
			out.L[j].Set(lf.L[j])
		}
		if f.Eval(probe.Add(B[len(B)-1], one)).Sign() > 0 {
			out.R[j].Set(lf.R[j])
		}
	}
	return out
}

// rootOf is the zero of the chord through (t0, v0), (t1, v1), v0·v1 < 0.
func rootOf(t0, v0, t1, v1 *big.Rat) *big.Rat {
	var dt, dv big.Rat
	dt.Sub(t1, t0)
	dv.Sub(v0, v1)
	r := new(big.Rat).Mul(v0, &dt)
	r.Quo(r, &dv)
	return r.Add(r, t0)
}

// rayRoot is t0 − v0/s, where the ray through (t0, v0) with slope s is zero.
func rayRoot(t0, v0, s *big.Rat) *big.Rat {
	r := new(big.Rat).Quo(v0, s)
	return r.Sub(t0, r)
}

// affine applies the layer W·h + b pointwise on B and to the ray slopes.
func (lf *lineFuncs) affine(l Layer) *lineFuncs {
	out := &lineFuncs{B: lf.B, V: make([][]*big.Rat, l.Out()), L: make([]*big.Rat, l.Out()), R: make([]*big.Rat, l.Out())}
	var t big.Rat
	for r, row := range l.W {
		vals := make([]*big.Rat, len(lf.B))
		for i := range vals {
			vals[i] = new(big.Rat).Set(l.B[r])
		}
		left, right := new(big.Rat), new(big.Rat)
		for j, w := range row {
			if w.Sign() == 0 {
				continue
			}
			for i, v := range lf.V[j] {
				if v.Sign() != 0 {
					vals[i].Add(vals[i], t.Mul(w, v))
				}
			}
			left.Add(left, t.Mul(w, lf.L[j]))
			right.Add(right, t.Mul(w, lf.R[j]))
		}
		out.V[r], out.L[r], out.R[r] = vals, left, right
	}
	return out
}

func sortUnique(v []*big.Rat) []*big.Rat {
	sort.Slice(v, func(i, j int) bool { return v[i].Cmp(v[j]) < 0 })
	out := v[:0]
	for i, x := range v {
		if i == 0 || x.Cmp(out[len(out)-1]) != 0 {
			out = append(out, x)
		}
	}
	return out
}
