package oracle

// Fixed-width exact evaluation: the fast path of Evaluator for networks whose
// first layer is not rank one, on blocks of rows.
//
// The integer form is inteval.go's: layer l is W_l = A_l/D_l, b_l = c_l/D_l
// with integer A_l, c_l; a row x is scaled by E_0, the least common multiple
// of its denominators, to integers H_0 = E_0·x; and layer l maps (H, E) to
//
//	Z = A_l·H + c_l·E,   E' = D_l·E,   H' = σ(Z) (Z for the last layer),
//
// so that every hidden vector is h = H/E with E > 0 and each ReLU is the sign
// of an integer. Here the same integers are computed in float64, int64 or
// 128-bit two's complement, chosen from an a-priori bound.
//
// # The bound
//
// Let S_l = max_r (Σ_j |A_l[r][j]| + |c_l[r]|) and F_l = max(S_l, D_l), and
// let B_l ≥ 1 bound |H_j| and E at the input of layer l. Every product
// A[r][j]·H_j, every partial sum of the terms of Z_r taken in any order, Z_r
// itself and E' are at most
//
//	T_l = F_l·B_l
//
// in absolute value, since each is a sum of some of the terms
// |A[r][j]|·|H_j| and |c_r|·E, each at most its coefficient times B_l. So
// B_{l+1} = T_l, and by induction T_l = G_l·B_0 with G_l = F_0·F_1·…·F_l,
// where B_0 = max(E_0, max_j |H_0[j]|) depends on the row alone.
//
// Three widths follow, per layer and per block of rows (B_0 the block's
// largest):
//
//   - T_l < 2^53: float64. Integers of magnitude below 2^53 are floats, and
//     a product or sum of such floats whose exact result is below 2^53 is
//     computed without rounding, in whatever order a matrix product adds
//     its terms. So the layer is one gonum Dgemm, exact.
//   - T_l < 2^63: int64 multiply-adds.
//   - T_l < 2^127: 128-bit two's complement through math/bits.
//
// G_l grows with l, so the widths only widen along the network. A row whose
// B_0 is too large for 128 bits at the last layer (or whose numbers do not
// fit int64 to begin with) takes inteval.go's big.Int path alone. Nothing
// here is a tolerance: each width is used only where its arithmetic is exact,
// and the final value Z/E is returned as an unreduced exact fraction.
//
// The thresholds are precomputed as the largest B_0 each layer admits in
// each width, lim_l = ⌊(2^k − 1)/G_l⌋, so planning a block is a comparison
// of B_0 with a few integers. The tests check this path against Eval at ReLU
// kinks, across every width and at rows too wide for it (fasteval_test.go).

import (
	"fmt"
	"math/big"
	"runtime"
	"sync"
	"sync/atomic"
)

// Widths of a layer's arithmetic, narrowest first.
const (
	modeFloat = iota // float64 holding integers below 2^53
	modeInt64
	modeInt128
	numModes
)

// modeBits[m] is k with every value of mode m below 2^k in magnitude.
var modeBits = [numModes]uint{53, 63, 127}

// fastLayer is one layer over its common denominator, as dense rows [A | c]
// of length in+1 (the last column multiplies E).
type fastLayer struct {
	in, out int
	fw      []float64 // [A | c] row by row; nil when S_l ≥ 2^53
	iw      []int64   // the same in int64; nil when an entry does not fit
	dF      float64
	dI      int64
	lim     [numModes]uint64 // largest B_0 for which T_l fits mode m; 0: none
}

// fastNet evaluates a network on blocks of rows in fixed width, with the
// integer path ints for rows that need more.
type fastNet struct {
	ints   *intNet
	d      int
	width  int // largest in+1 or out+1 of a layer
	layers []fastLayer
	// floor is the ReLU's threshold in scaled integers: Z < floor becomes 0.
	// It is 0; the tests plant floor = −1 (a kink one unit off) to show that
	// the properties catch a wrong sign decision.
	floor int64
}

var maxB0 = uint64(1)<<63 - 1

// newFastNet prepares in's network for fixed-width evaluation, or returns nil
// when no row could use it (weights too wide for 128 bits at the last layer).
func newFastNet(in *intNet, d int) *fastNet { return newFastNetBits(in, d, modeBits) }

// newFastNetBits is newFastNet with the claimed exact bit width of each mode
// given (the tests plant a wrong one).
func newFastNetBits(in *intNet, d int, modeBits [numModes]uint) *fastNet {
	fn := &fastNet{ints: in, d: d, width: d + 1, layers: make([]fastLayer, len(in.layers))}
	G := big.NewInt(1)
	prevIn := d
	for li, il := range in.layers {
		l := &fn.layers[li]
		l.in, l.out = prevIn, len(il.c)
		fn.width = max(fn.width, l.in+1, l.out+1)
		S := l.fill(il)
		if S.Cmp(il.D) < 0 {
			S.Set(il.D)
		}
		G.Mul(G, S)
		for m := range numModes {
			l.lim[m] = limitB0(G, modeBits[m])
		}
		if l.iw == nil || !il.D.IsInt64() {
			l.lim[modeInt64], l.lim[modeInt128] = 0, 0
		} else {
			l.dI = il.D.Int64()
			l.dF = float64(l.dI) // exact where used: D ≤ T_l < 2^53
		}
		if l.fw == nil {
			l.lim[modeFloat] = 0
		}
		if li > 0 { // a width a layer cannot use is not used after it
			for m := range numModes {
				l.lim[m] = min(l.lim[m], fn.layers[li-1].lim[m])
			}
		}
		prevIn = l.out
	}
	if fn.rowLimit() == 0 {
		return nil
	}
	return fn
}

// rowLimit is the largest B_0 of a row that the fixed widths take through
// every layer (the lims decrease along the network).
func (fn *fastNet) rowLimit() uint64 {
	return fn.layers[len(fn.layers)-1].lim[modeInt128]
}

// fill stores the dense rows [A | c] of il in int64 and, where S < 2^53, in
// float64, and returns S = max_r (Σ_j |A[r][j]| + |c_r|).
func (l *fastLayer) fill(il intLayer) *big.Int {
	S := new(big.Int)
	var rowSum, a big.Int
	fits := true
	for r := range il.c {
		rowSum.Abs(il.c[r])
		fits = fits && il.c[r].IsInt64()
		for _, v := range il.vals[r] {
			rowSum.Add(&rowSum, a.Abs(v))
			fits = fits && v.IsInt64()
		}
		if rowSum.Cmp(S) > 0 {
			S.Set(&rowSum)
		}
	}
	if !fits {
		return S
	}
	in1 := l.in + 1
	l.iw = make([]int64, l.out*in1)
	for r := range il.c {
		row := l.iw[r*in1 : (r+1)*in1]
		for k, j := range il.cols[r] {
			row[j] = il.vals[r][k].Int64()
		}
		row[l.in] = il.c[r].Int64()
	}
	if S.BitLen() <= 53 {
		l.fw = make([]float64, len(l.iw))
		for i, v := range l.iw {
			l.fw[i] = float64(v)
		}
	}
	return S
}

// limitB0 is ⌊(2^k − 1)/G⌋, capped at 2^63 − 1 (rows wider than that are
// not scaled to int64 at all).
func limitB0(G *big.Int, k uint) uint64 {
	q := new(big.Int).Lsh(big.NewInt(1), k)
	q.Sub(q, big.NewInt(1))
	q.Quo(q, G)
	if !q.IsUint64() || q.Uint64() > maxB0 {
		return maxB0
	}
	return q.Uint64()
}

// frac is an exact, unreduced value num/den with den > 0.
type frac struct{ num, den big.Int }

// fastChunk is how many rows a worker evaluates as one block: the hidden
// block (width × fastChunk numbers) stays in cache and is reused.
const fastChunk = 128

// forChunks calls body on consecutive chunks [lo, hi) of n rows, from
// min(GOMAXPROCS, chunks) goroutines that each own a state from newState.
// Chunks are handed out in increasing order.
func forChunks[S any](n int, newState func() S, body func(s S, lo, hi int)) {
	chunks := (n + fastChunk - 1) / fastChunk
	workers := min(runtime.GOMAXPROCS(0), chunks)
	if workers <= 1 {
		s := newState()
		for lo := 0; lo < n; lo += fastChunk {
			body(s, lo, min(lo+fastChunk, n))
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := newState()
			for {
				c := int(next.Add(1)) - 1
				if c >= chunks {
					return
				}
				body(s, c*fastChunk, min((c+1)*fastChunk, n))
			}
		}()
	}
	wg.Wait()
}

// chunker evaluates chunks of rows for one goroutine, by whichever path the
// Evaluator uses, into reused fractions.
type chunker struct {
	e    *Evaluator
	w    *fastWorker
	proj *Projector // aᵀx of the 1-D lookup path
	s    big.Rat
	out  []frac
}

func (e *Evaluator) newChunker() *chunker {
	c := &chunker{e: e}
	if e.fast != nil {
		c.w = e.fast.newWorker()
	}
	if e.proj != nil {
		c.proj = e.proj.Clone()
	}
	return c
}

// eval returns g(X[k]) for every row of the chunk, valid until the next call.
func (c *chunker) eval(X [][]*big.Rat) []frac {
	out := grow(&c.out, len(X))
	if c.proj != nil {
		for k, x := range X {
			if len(x) != len(c.proj.A) {
				panic(fmt.Sprintf("oracle: Eval: input has %d coordinates, network wants %d", len(x), len(c.proj.A)))
			}
			v := c.e.phi.Eval(c.proj.Project(x, &c.s))
			out[k].num.Set(v.Num())
			out[k].den.Set(v.Denom())
		}
		return out
	}
	if c.w == nil {
		for k, x := range X {
			v := c.e.Eval(x)
			out[k].num.Set(v.Num())
			out[k].den.Set(v.Denom())
		}
		return out
	}
	for _, x := range X {
		if len(x) != c.e.fast.d {
			panic(fmt.Sprintf("oracle: Eval: input has %d coordinates, network wants %d", len(x), c.e.fast.d))
		}
	}
	c.w.evalChunk(X, out)
	return out
}

// firstMismatch is the least i with (f+g)(X[i]) ≠ Y[i] (g alone when f is
// nil), or len(X). Chunks are checked on all cores; a chunk past a known
// mismatch is skipped, since it cannot hold an earlier one.
func firstMismatch(g, f *Evaluator, X [][]*big.Rat, Y []*big.Rat) int {
	type state struct {
		g, f *chunker
		t    [2]big.Int
	}
	var mu sync.Mutex
	first := len(X)
	newState := func() *state {
		s := &state{g: g.newChunker()}
		if f != nil {
			s.f = f.newChunker()
		}
		return s
	}
	forChunks(len(X), newState, func(s *state, lo, hi int) {
		mu.Lock()
		skip := lo >= first
		mu.Unlock()
		if skip {
			return
		}
		gx := s.g.eval(X[lo:hi])
		var fx []frac
		if f != nil {
			fx = s.f.eval(X[lo:hi])
		}
		for k := range gx {
			var fk *frac
			if fx != nil {
				fk = &fx[k]
			}
			if !sumEquals(&gx[k], fk, Y[lo+k], &s.t) {
				mu.Lock()
				first = min(first, lo+k)
				mu.Unlock()
				return
			}
		}
	})
	return first
}

// sumEquals reports g + f = y exactly (g alone when f is nil), by cross
// multiplication: (g.num·f.den + f.num·g.den)·y.den = y.num·g.den·f.den.
func sumEquals(g, f *frac, y *big.Rat, t *[2]big.Int) bool {
	a, b := &t[0], &t[1]
	if f == nil {
		a.Mul(&g.num, y.Denom())
		b.Mul(y.Num(), &g.den)
		return a.Cmp(b) == 0
	}
	a.Mul(&g.num, &f.den)
	b.Mul(&f.num, &g.den)
	a.Add(a, b)
	a.Mul(a, y.Denom())
	b.Mul(&g.den, &f.den)
	b.Mul(b, y.Num())
	return a.Cmp(b) == 0
}
