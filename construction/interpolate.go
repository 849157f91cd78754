package construction

// Lemma 4.5: interpolation through m+1 points on a line with m ReLU neurons.
//
// Given w_1 < … < w_{m+1} and values z_1, …, z_{m+1}, let s_i be the slope of
// the chord from (w_i, z_i) to (w_{i+1}, z_{i+1}), i = 1..m. The network
//
//	h(s) = Σ_{k=1..m} c_k·σ(s − w_k) + z_1,   c_1 = s_1,  c_k = s_k − s_{k−1},
//
// is the piecewise-linear interpolant of the points, constant (= z_1) left of
// w_1 and continued with slope s_m right of w_m (eq. 16). Proof: on
// [w_i, w_{i+1}] exactly the neurons k ≤ i are active, so h is affine there
// with slope c_1 + … + c_i = s_i (the sum telescopes); h(w_1) = z_1, and an
// affine function with slope s_i through (w_i, z_i) passes through
// (w_{i+1}, z_{i+1}), so by induction h(w_i) = z_i for every i. In the paper's
// form W2·σ(1_m s + b1) + b2: b1 = −w_{1..m}, W2 = c, b2 = z_1.
//
// The paper's induction step, read literally, appends the neuron σ(s − w_{k+1})
// with weight (z_{k+1} − z_{k+2})/(w_{k+1} − w_{k+2}) = s_{k+1}, the new slope
// itself, not the change of slope s_{k+1} − s_k; then h has slope
// s_1 + … + s_i on [w_i, w_{i+1}] and misses z_3 already for three points with
// s_1 ≠ 0 (e.g. (0,0), (1,1), (2,0)). InterpolatePaperLiteral builds that
// network so the L4.5 check can report the proof step with an exact instance;
// Interpolate builds the corrected one. The lemma itself holds.
//
// With a direction a and projected samples aᵀx_i = w_i, the 2-layer network
// x ↦ h(aᵀx) has first layer 1_m aᵀ (every row a) and biases −w_k: that is
// Theorem 4.4's g_θ(x) = W2·σ(1_m aᵀx + b1) + b2.

import (
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/oracle"
)

// Hinges is the 1-D network h(s) = Σ_k Out_k·σ(Dir_k·(s − Knot_k)) + Bias,
// with Dir_k = ±1: Dir +1 is a hinge that is 0 left of its knot (Lemma 4.5
// uses only these), Dir −1 one that is 0 right of its knot.
type Hinges struct {
	Knots []*big.Rat
	Dir   []int
	Out   []*big.Rat
	Bias  *big.Rat
}

// Len is the number of hinges (hidden neurons).
func (h *Hinges) Len() int { return len(h.Knots) }

// InterpolationError reports points Lemma 4.5 cannot take: fewer than two,
// lengths that differ, or abscissae not strictly increasing (I, J are the
// 1-based offending positions).
type InterpolationError struct {
	I, J int
	Msg  string
}

func (e *InterpolationError) Error() string {
	if e.I > 0 {
		return fmt.Sprintf("interpolation points %d and %d: %s", e.I, e.J, e.Msg)
	}
	return "interpolation: " + e.Msg
}

func checkPoints(w, z []*big.Rat) error {
	if len(w) != len(z) {
		return &InterpolationError{Msg: fmt.Sprintf("%d abscissae but %d values", len(w), len(z))}
	}
	if len(w) < 2 {
		return &InterpolationError{Msg: fmt.Sprintf("Lemma 4.5 needs m+1 ≥ 2 points, got %d", len(w))}
	}
	for i := 1; i < len(w); i++ {
		if w[i-1].Cmp(w[i]) >= 0 {
			return &InterpolationError{I: i, J: i + 1, Msg: "abscissae are not strictly increasing"}
		}
	}
	return nil
}

// Slopes returns the chord slopes s_i = (z_{i+1} − z_i)/(w_{i+1} − w_i).
func Slopes(w, z []*big.Rat) []*big.Rat {
	s := make([]*big.Rat, len(w)-1)
	var dw big.Rat
	for i := range s {
		s[i] = new(big.Rat).Sub(z[i+1], z[i])
		s[i].Quo(s[i], dw.Sub(w[i+1], w[i]))
	}
	return s
}

// Interpolate returns Lemma 4.5's network through the m+1 points (w_i, z_i):
// m hinges at w_1..w_m, constant left of w_1 (see the file comment).
func Interpolate(w, z []*big.Rat) (*Hinges, error) {
	if err := checkPoints(w, z); err != nil {
		return nil, err
	}
	s := Slopes(w, z)
	h := &Hinges{Bias: new(big.Rat).Set(z[0])}
	for k := range s {
		c := new(big.Rat).Set(s[k])
		if k > 0 {
			c.Sub(c, s[k-1])
		}
		h.Knots = append(h.Knots, new(big.Rat).Set(w[k]))
		h.Dir = append(h.Dir, 1)
		h.Out = append(h.Out, c)
	}
	return h, nil
}

// InterpolatePaperLiteral is the network of Lemma 4.5's induction read
// literally: the weight of the k-th hinge is the k-th chord slope s_k. It
// interpolates only when s_1 = … = s_{m−1} = 0 (see the file comment); it
// exists so the L4.5 check can show the proof step fails.
func InterpolatePaperLiteral(w, z []*big.Rat) (*Hinges, error) {
	if err := checkPoints(w, z); err != nil {
		return nil, err
	}
	h := &Hinges{Bias: new(big.Rat).Set(z[0])}
	for k, s := range Slopes(w, z) {
		h.Knots = append(h.Knots, new(big.Rat).Set(w[k]))
		h.Dir = append(h.Dir, 1)
		h.Out = append(h.Out, s)
	}
	return h, nil
}

// Network composes the hinges with the projection s = aᵀx: a 2-layer network
// on ℚ^d whose i-th first-layer row is Dir_i·aᵀ with bias −Dir_i·Knot_i. With
// no hinges it is the constant Bias (one affine layer, no neurons).
func (h *Hinges) Network(a []*big.Rat) *oracle.Network {
	zero := make([]*big.Rat, len(a))
	for i := range zero {
		zero[i] = new(big.Rat)
	}
	if h.Len() == 0 {
		return &oracle.Network{Layers: []oracle.Layer{{W: [][]*big.Rat{zero}, B: []*big.Rat{new(big.Rat).Set(h.Bias)}}}}
	}
	neg := make([]*big.Rat, len(a))
	for i, v := range a {
		neg[i] = new(big.Rat).Neg(v)
	}
	var l1 oracle.Layer
	for k, w := range h.Knots {
		src, b := a, new(big.Rat).Neg(w)
		if h.Dir[k] < 0 {
			src, b = neg, new(big.Rat).Set(w)
		}
		row := make([]*big.Rat, len(src)) // no aliasing between rows
		for i, v := range src {
			row[i] = new(big.Rat).Set(v)
		}
		l1.W = append(l1.W, row)
		l1.B = append(l1.B, b)
	}
	out := make([]*big.Rat, h.Len())
	for k, c := range h.Out {
		out[k] = new(big.Rat).Set(c)
	}
	l2 := oracle.Layer{W: [][]*big.Rat{out}, B: []*big.Rat{new(big.Rat).Set(h.Bias)}}
	return &oracle.Network{Layers: []oracle.Layer{l1, l2}}
}
