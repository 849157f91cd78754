package oracle

import (
	"fmt"
	"math/big"
	"runtime"
	"sync"
)

// Evaluator computes g(x) exactly, choosing the fastest exact path for the
// network: a 1-D lookup when the first layer has rank one (g(x) = φ(aᵀx) with
// φ compiled once by Restrict), layer-by-layer integer common-denominator
// evaluation otherwise (inteval.go), in fixed width on blocks of rows where
// an a-priori bound allows it (fasteval.go). All are tested against Eval.
type Evaluator struct {
	net  *Network
	ints *intNet          // integer common-denominator path when phi is nil
	fast *fastNet         // its fixed-width form for EvalAll and Verify, or nil
	dir  []*big.Rat       // a, when the first layer is a multiple of aᵀ row by row
	phi  *PiecewiseLinear // φ(s) = g(s·a/(aᵀa))
	proj *Projector       // x ↦ aᵀx, when phi is set
}

// NewEvaluator prepares n for repeated exact evaluation.
func NewEvaluator(n *Network) *Evaluator {
	n.mustSingle("NewEvaluator")
	e := &Evaluator{net: n}
	if len(n.Layers) > 1 {
		if a := n.RankOneDirection(); a != nil {
			var aa big.Rat
			dot(a, a, &aa)
			u := make([]*big.Rat, len(a))
			for i := range a {
				u[i] = new(big.Rat).Quo(a[i], &aa)
			}
			e.setLine(a, n.Restrict(Zeros(len(a)), u))
		}
	}
	if e.phi == nil {
		e.ints = newIntNet(n)
		e.fast = newFastNet(e.ints, n.InputDim())
	}
	return e
}

// NewLineEvaluator is NewEvaluator for x ↦ φ(aᵀx) when φ is already known
// as the piecewise-linear function pl (a network on ℚ restricted to the
// line t ↦ t), so its pieces are not computed twice; a must be nonzero.
// It evaluates what NewEvaluator of the composed network does (tested).
func NewLineEvaluator(a []*big.Rat, pl *PiecewiseLinear) *Evaluator {
	if isZero(a) {
		panic("oracle: NewLineEvaluator: a = 0")
	}
	e := &Evaluator{}
	e.setLine(a, pl)
	return e
}

// setLine makes e the 1-D lookup x ↦ φ(aᵀx), φ = pl.
func (e *Evaluator) setLine(a []*big.Rat, pl *PiecewiseLinear) {
	e.dir, e.phi, e.proj = a, pl, NewProjector(a)
	pl.Prepare()
}

// RankOneDirection returns a nonzero a with every row of the first weight
// matrix a rational multiple of aᵀ, or nil if there is none (or W1 = 0).
func (n *Network) RankOneDirection() []*big.Rat {
	var a []*big.Rat
	for _, row := range n.Layers[0].W {
		if isZero(row) {
			continue
		}
		if a == nil {
			a = row
			continue
		}
		if !parallel(a, row) {
			return nil
		}
	}
	return a
}

func isZero(v []*big.Rat) bool {
	for _, x := range v {
		if x.Sign() != 0 {
			return false
		}
	}
	return true
}

// parallel reports whether b = λa for some λ (a ≠ 0).
func parallel(a, b []*big.Rat) bool {
	p := 0
	for a[p].Sign() == 0 {
		p++
	}
	lambda := new(big.Rat).Quo(b[p], a[p])
	var t big.Rat
	for i := range a {
		if t.Mul(lambda, a[i]).Cmp(b[i]) != 0 {
			return false
		}
	}
	return true
}

// Eval returns g(x) exactly.
func (e *Evaluator) Eval(x []*big.Rat) *big.Rat {
	if e.phi == nil {
		if len(x) != e.net.InputDim() {
			panic(fmt.Sprintf("oracle: Eval: input has %d coordinates, network wants %d", len(x), e.net.InputDim()))
		}
		return e.ints.eval(x)
	}
	if len(x) != len(e.dir) {
		panic(fmt.Sprintf("oracle: Eval: input has %d coordinates, network wants %d", len(x), len(e.dir)))
	}
	return e.phi.Eval(dot(e.dir, x, new(big.Rat)))
}

// Fast reports whether the 1-D lookup path is in use.
func (e *Evaluator) Fast() bool { return e.phi != nil }

// EvalAll evaluates every row of X on all cores.
func (e *Evaluator) EvalAll(X [][]*big.Rat) []*big.Rat {
	out := make([]*big.Rat, len(X))
	if e.fast == nil && e.proj == nil {
		parallelFor(len(X), func(i int) { out[i] = e.Eval(X[i]) })
		return out
	}
	forChunks(len(X), e.newChunker, func(c *chunker, lo, hi int) {
		for k, v := range c.eval(X[lo:hi]) {
			out[lo+k] = new(big.Rat).SetFrac(&v.num, &v.den)
		}
	})
	return out
}

func parallelFor(n int, body func(i int)) {
	workers := runtime.GOMAXPROCS(0)
	if n < 64 || workers < 2 {
		for i := 0; i < n; i++ {
			body(i)
		}
		return
	}
	var wg sync.WaitGroup
	chunk := (n + workers - 1) / workers
	for w := 0; w < workers; w++ {
		lo, hi := w*chunk, min((w+1)*chunk, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				body(i)
			}
		}()
	}
	wg.Wait()
}

// Certificate records a successful exact verification.
type Certificate struct {
	Rows   int    // rows checked, all of them
	Method string // "exact (1-D lookup)" or "exact (layer by layer)"
}

// Mismatch is a failed verification: the first row (1-based) whose output is
// not its label, with the exact value obtained. For a network with C > 1
// outputs (VerifyVec) Output is the first failing output of that row
// (1-based); it is 0 for C = 1.
type Mismatch struct {
	Row       int
	Output    int
	Got, Want *big.Rat
}

func (m *Mismatch) Error() string {
	if m.Output > 0 {
		return fmt.Sprintf("row %d, output %d: got %s, want %s", m.Row, m.Output, FormatRat(m.Got), FormatRat(m.Want))
	}
	return fmt.Sprintf("row %d: got %s, want %s", m.Row, FormatRat(m.Got), FormatRat(m.Want))
}

// Verify checks exactly that (f+g)(X[i]) = Y[i] for every row (g alone when f
// is nil). It returns a certificate, or a *Mismatch for the first failing row.
// Networks and data of the wrong dimension are reported as errors, not panics.
func Verify(g, f *Network, X [][]*big.Rat, Y []*big.Rat) (*Certificate, error) {
	if len(X) != len(Y) {
		return nil, fmt.Errorf("%d inputs but %d labels", len(X), len(Y))
	}
	if g == nil {
		return nil, &ShapeError{0, "network g has no layers"}
	}
	if err := checkPair(g, f, X, 1); err != nil {
		return nil, err
	}
	eg := NewEvaluator(g)
	var ef *Evaluator
	if f != nil {
		ef = NewEvaluator(f)
	}
	if i := firstMismatch(eg, ef, X, Y); i < len(X) {
		got := eg.Eval(X[i])
		if ef != nil {
			got.Add(got, ef.Eval(X[i]))
		}
		return nil, &Mismatch{Row: i + 1, Got: got, Want: Y[i]}
	}
	method := "exact (layer by layer)"
	if eg.Fast() {
		method = "exact (1-D lookup)"
	}
	return &Certificate{Rows: len(X), Method: method}, nil
}

// checkPair validates g and f (f may be nil): valid networks with C outputs
// each, taking the dimension of every row of X.
func checkPair(g, f *Network, X [][]*big.Rat, C int) error {
	for _, n := range []*Network{g, f} {
		if n == nil {
			continue
		}
		if err := n.Validate(); err != nil {
			return err
		}
		if c := n.Outputs(); c != C {
			return &ShapeError{len(n.Layers) - 1, fmt.Sprintf("network has %d outputs but the data have %d labels per row", c, C)}
		}
		for i, x := range X {
			if len(x) != n.InputDim() {
				return fmt.Errorf("row %d has %d coordinates, network wants %d", i+1, len(x), n.InputDim())
			}
		}
	}
	return nil
}
