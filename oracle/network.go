package oracle

import (
	"fmt"
	"math/big"
)

// Layer is one affine map x ↦ W·x + B with W of shape out × in.
type Layer struct {
	W [][]*big.Rat
	B []*big.Rat
}

// Out is the number of outputs of the layer.
func (l Layer) Out() int { return len(l.W) }

// In is the number of inputs of the layer (0 for a layer with no rows).
func (l Layer) In() int {
	if len(l.W) == 0 {
		return 0
	}
	return len(l.W[0])
}

// Network is a feed-forward ReLU network with C ≥ 1 outputs (the rows of its
// last layer): ReLU after every layer but the last. Most of the package
// speaks of one output (C = 1, the paper's setting); a network with C > 1
// outputs is evaluated with EvalVec and NewVecEvaluator, verified with
// VerifyVec, or taken one output at a time with Output.
type Network struct {
	Layers []Layer
}

// ShapeError reports a network whose layers do not fit together, naming the
// layer (0-based) and what is wrong.
type ShapeError struct {
	Layer int
	Msg   string
}

func (e *ShapeError) Error() string {
	return fmt.Sprintf("layer %d: %s", e.Layer, e.Msg)
}

// Validate checks the invariants of the package doc: at least one layer,
// rectangular W, len(B) = rows, chained shapes, at least one output (C ≥ 1),
// no nil entries.
func (n *Network) Validate() error {
	if n == nil || len(n.Layers) == 0 {
		return &ShapeError{0, "network has no layers"}
	}
	in := n.Layers[0].In()
	if in == 0 {
		return &ShapeError{0, "input dimension is 0"}
	}
	for li, l := range n.Layers {
		if l.Out() == 0 && li != len(n.Layers)-1 {
			// Zero-width hidden layers are allowed only as the zero network,
			// which Zero builds as a single affine layer; reject elsewhere.
			return &ShapeError{li, "layer has no rows"}
		}
		if len(l.B) != l.Out() {
			return &ShapeError{li, fmt.Sprintf("W has %d rows but b has %d entries", l.Out(), len(l.B))}
		}
		for r, row := range l.W {
			if len(row) != in {
				return &ShapeError{li, fmt.Sprintf("row %d of W has %d entries, want %d", r, len(row), in)}
			}
			for c, v := range row {
				if v == nil {
					return &ShapeError{li, fmt.Sprintf("W[%d][%d] is missing", r, c)}
				}
			}
			if l.B[r] == nil {
				return &ShapeError{li, fmt.Sprintf("b[%d] is missing", r)}
			}
		}
		in = l.Out()
	}
	if last := n.Layers[len(n.Layers)-1]; last.Out() < 1 {
		return &ShapeError{len(n.Layers) - 1, "last layer has no outputs, want at least 1"}
	}
	return nil
}

func (n *Network) mustValid() {
	if err := n.Validate(); err != nil {
		panic("oracle: invalid network: " + err.Error())
	}
}

// mustSingle is mustValid for the functions of one output: a network with
// C > 1 outputs passed to them is programmer misuse (use the vector
// functions, or Output(c)).
func (n *Network) mustSingle(what string) {
	n.mustValid()
	if c := n.Outputs(); c != 1 {
		panic(fmt.Sprintf("oracle: %s: network has C = %d outputs, want 1 (use the vector functions or Output(c))", what, c))
	}
}

// Outputs is C, the number of outputs (rows of the last layer).
func (n *Network) Outputs() int { return n.Layers[len(n.Layers)-1].Out() }

// Output is the single-output network x ↦ g(x)_c (0 ≤ c < C): the hidden
// layers of n, shared (not copied), and row c of its last layer. Changing a
// weight of n's hidden layers changes every view.
func (n *Network) Output(c int) *Network {
	last := n.Layers[len(n.Layers)-1]
	if c < 0 || c >= last.Out() {
		panic(fmt.Sprintf("oracle: Output(%d) of a network with %d outputs", c, last.Out()))
	}
	layers := make([]Layer, len(n.Layers))
	copy(layers, n.Layers)
	layers[len(layers)-1] = Layer{W: last.W[c : c+1 : c+1], B: last.B[c : c+1 : c+1]}
	return &Network{Layers: layers}
}

// InputDim is the input dimension d.
func (n *Network) InputDim() int { return n.Layers[0].In() }

// Depth is the number of affine layers L (a 2-layer net has one hidden layer).
func (n *Network) Depth() int { return len(n.Layers) }

// Widths are the hidden widths n_1, …, n_{L−1}.
func (n *Network) Widths() []int {
	w := make([]int, 0, len(n.Layers)-1)
	for _, l := range n.Layers[:len(n.Layers)-1] {
		w = append(w, l.Out())
	}
	return w
}

// Hidden is m, the number of hidden ReLU neurons (all hidden layers together).
func (n *Network) Hidden() int {
	m := 0
	for _, w := range n.Widths() {
		m += w
	}
	return m
}

// Eval computes g(x) exactly, layer by layer. It is the reference model every
// faster evaluation in ftcheck is tested against. It panics if len(x) is not
// the input dimension or if n has more than one output (use EvalVec).
func (n *Network) Eval(x []*big.Rat) *big.Rat {
	if c := n.Outputs(); c != 1 {
		panic(fmt.Sprintf("oracle: Eval: network has C = %d outputs, want 1 (use EvalVec)", c))
	}
	return n.EvalVec(x)[0]
}

// EvalVec computes the C outputs g(x)_1..g(x)_C exactly, layer by layer,
// the hidden layers once: the reference model of the vector evaluators. It
// panics if len(x) is not the input dimension.
func (n *Network) EvalVec(x []*big.Rat) []*big.Rat {
	if len(x) != n.InputDim() {
		panic(fmt.Sprintf("oracle: Eval: input has %d coordinates, network wants %d", len(x), n.InputDim()))
	}
	h := x
	var t big.Rat
	for li, l := range n.Layers {
		next := make([]*big.Rat, l.Out())
		for r, row := range l.W {
			s := new(big.Rat).Set(l.B[r])
			for c, w := range row {
				if w.Sign() == 0 || h[c].Sign() == 0 {
					continue
				}
				s.Add(s, t.Mul(w, h[c]))
			}
			if li < len(n.Layers)-1 && s.Sign() < 0 {
				s.SetInt64(0)
			}
			next[r] = s
		}
		h = next
	}
	return h
}

// Clone returns a deep copy of n.
func (n *Network) Clone() *Network {
	c := &Network{Layers: make([]Layer, len(n.Layers))}
	for i, l := range n.Layers {
		c.Layers[i] = Layer{W: make([][]*big.Rat, len(l.W)), B: make([]*big.Rat, len(l.B))}
		for r, row := range l.W {
			c.Layers[i].W[r] = make([]*big.Rat, len(row))
			for j, v := range row {
				c.Layers[i].W[r][j] = new(big.Rat).Set(v)
			}
		}
		for r, v := range l.B {
			c.Layers[i].B[r] = new(big.Rat).Set(v)
		}
	}
	return c
}

// Zero is the network with no hidden neurons that is 0 everywhere on ℚ^d:
// the right answer when nothing needs fine-tuning (N = 0).
func Zero(d int) *Network {
	row := make([]*big.Rat, d)
	for i := range row {
		row[i] = new(big.Rat)
	}
	return &Network{Layers: []Layer{{W: [][]*big.Rat{row}, B: []*big.Rat{new(big.Rat)}}}}
}

// BitSize is the largest bit length of a numerator or denominator among the
// weights and biases of n: how many bits its exact weights need.
func (n *Network) BitSize() int {
	best := 0
	see := func(r *big.Rat) {
		if b := r.Num().BitLen(); b > best {
			best = b
		}
		if b := r.Denom().BitLen(); b > best {
			best = b
		}
	}
	for _, l := range n.Layers {
		for _, row := range l.W {
			for _, v := range row {
				see(v)
			}
		}
		for _, v := range l.B {
			see(v)
		}
	}
	return best
}
