package oracle

// Networks with C > 1 outputs (classifiers' logits): exact evaluation of all
// outputs and exact verification against K × C labels.
//
// The reference is Network.EvalVec, which evaluates the hidden layers once.
// The fast evaluators of this package (the 1-D lookup of line.go, the
// fixed-width and big.Int paths of fasteval.go and inteval.go) compute one
// output; VecEvaluator runs one of them per output view Output(c), which
// shares the hidden layers' weights but evaluates them once per output. So
// a vector network costs C single-output evaluations, and at C = 1
// VecEvaluator is exactly the Evaluator of before: no single-output path
// changes. The property tests (vector_test.go) check every output of the
// fast evaluators against EvalVec.

import (
	"fmt"
	"math/big"
)

// VecEvaluator computes the C outputs of a network exactly, output c by
// the Evaluator of Output(c).
type VecEvaluator struct {
	net  *Network
	outs []*Evaluator
}

// NewVecEvaluator prepares n (C ≥ 1 outputs) for repeated exact evaluation.
func NewVecEvaluator(n *Network) *VecEvaluator {
	n.mustValid()
	e := &VecEvaluator{net: n, outs: make([]*Evaluator, n.Outputs())}
	if len(e.outs) == 1 {
		e.outs[0] = NewEvaluator(n)
		return e
	}
	for c := range e.outs {
		e.outs[c] = NewEvaluator(n.Output(c))
	}
	return e
}

// Outputs is C.
func (e *VecEvaluator) Outputs() int { return len(e.outs) }

// Output is the Evaluator of output c (0-based).
func (e *VecEvaluator) Output(c int) *Evaluator { return e.outs[c] }

// Fast reports whether every output uses the 1-D lookup path.
func (e *VecEvaluator) Fast() bool {
	for _, o := range e.outs {
		if !o.Fast() {
			return false
		}
	}
	return true
}

// Eval returns g(x)_1..g(x)_C exactly.
func (e *VecEvaluator) Eval(x []*big.Rat) []*big.Rat {
	out := make([]*big.Rat, len(e.outs))
	for c, o := range e.outs {
		out[c] = o.Eval(x)
	}
	return out
}

// EvalAll evaluates every row of X on all cores: K rows of C outputs.
func (e *VecEvaluator) EvalAll(X [][]*big.Rat) [][]*big.Rat {
	out := make([][]*big.Rat, len(X))
	for i := range out {
		out[i] = make([]*big.Rat, len(e.outs))
	}
	for c, o := range e.outs {
		for i, v := range o.EvalAll(X) {
			out[i][c] = v
		}
	}
	return out
}

// VerifyVec checks exactly that (f+g)(X[i])_c = Ys[i][c] for every row i and
// every output c (g alone when f is nil); g, f and every row of Ys have the
// same C ≥ 1. It returns a certificate, or a *Mismatch naming the first
// failing row and, in it, the first failing output (Output 1-based when
// C > 1, 0 when C = 1, as Verify gives). Shapes that do not fit are errors.
func VerifyVec(g, f *Network, X [][]*big.Rat, Ys [][]*big.Rat) (*Certificate, error) {
	if len(X) != len(Ys) {
		return nil, fmt.Errorf("%d inputs but %d label rows", len(X), len(Ys))
	}
	if g == nil {
		return nil, &ShapeError{0, "network g has no layers"}
	}
	if err := g.Validate(); err != nil {
		return nil, err
	}
	C := g.Outputs()
	for i, y := range Ys {
		if len(y) != C {
			return nil, fmt.Errorf("row %d has %d labels, network has %d outputs", i+1, len(y), C)
		}
	}
	if err := checkPair(g, f, X, C); err != nil {
		return nil, err
	}
	eg := NewVecEvaluator(g)
	var ef *VecEvaluator
	if f != nil {
		ef = NewVecEvaluator(f)
	}
	row, out := len(X), 0
	col := make([]*big.Rat, len(X))
	for c := 0; c < C; c++ {
		for i, y := range Ys {
			col[i] = y[c]
		}
		var fc *Evaluator
		if ef != nil {
			fc = ef.Output(c)
		}
		// A mismatch of an earlier output at the same row wins: the least c
		// reaching the least row is the first output of the first row.
		if i := firstMismatch(eg.Output(c), fc, X[:row], col[:row]); i < row {
			row, out = i, c
		}
	}
	if row < len(X) {
		got := eg.Output(out).Eval(X[row])
		if ef != nil {
			got.Add(got, ef.Output(out).Eval(X[row]))
		}
		m := &Mismatch{Row: row + 1, Got: got, Want: Ys[row][out]}
		if C > 1 {
			m.Output = out + 1
		}
		return nil, m
	}
	method := "exact (layer by layer)"
	if eg.Fast() {
		method = "exact (1-D lookup)"
	}
	return &Certificate{Rows: len(X), Method: method}, nil
}
