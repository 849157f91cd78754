package oracle

// The kernels of fasteval.go: scaling a row of rationals to int64, one layer
// on a block of rows in each width, and the conversions between widths. A
// block holds one row per input row, [H | E] of length in+1, row-major.

import (
	"math/big"
	"math/bits"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
)

// fastWorker owns the scratch of one goroutine: two blocks per width (input
// and output of a layer), allocated on first use.
type fastWorker struct {
	fn   *fastNet
	rows []int // indices in the chunk of the rows in the block
	plan []int // the width of each layer for the last block
	wide int   // rows of the last chunk that took the big.Int path
	f    [2][]float64
	i    [2][]int64
	w    [2][]i128
	t    big.Int
}

func (fn *fastNet) newWorker() *fastWorker {
	return &fastWorker{fn: fn, rows: make([]int, 0, fastChunk)}
}

func grow[T any](b *[]T, n int) []T {
	if len(*b) < n {
		*b = make([]T, n)
	}
	return (*b)[:n]
}

// evalChunk sets out[i] to g(X[i]) exactly, for every row of the chunk.
func (w *fastWorker) evalChunk(X [][]*big.Rat, out []frac) {
	fn := w.fn
	d1 := fn.d + 1
	in := grow(&w.i[0], len(X)*d1)
	lastLim := fn.rowLimit()
	rows, B0 := w.rows[:0], uint64(0)
	w.plan, w.wide = w.plan[:0], 0
	for i, x := range X {
		k := len(rows)
		b, ok := scaleRow(x, in[k*d1:(k+1)*d1])
		if !ok || b > lastLim {
			fn.ints.evalFrac(x, &out[i])
			w.wide++
			continue
		}
		rows, B0 = append(rows, i), max(B0, b)
	}
	w.rows = rows
	if len(rows) == 0 {
		return
	}
	mode, src := modeInt64, 0
	for li := range fn.layers {
		l := &fn.layers[li]
		m := modeFloat
		for B0 > l.lim[m] {
			m++ // ends at modeInt128 at the latest: B0 ≤ lastLim ≤ l.lim[modeInt128]
		}
		w.plan = append(w.plan, m)
		src = w.convert(len(rows), l.in+1, mode, m, src)
		mode, src = m, w.layer(l, len(rows), m, src, li < len(fn.layers)-1)
	}
	w.extract(mode, src, out)
}

// layer runs l on the block in buffer src of width m and returns the buffer
// holding the result.
func (w *fastWorker) layer(l *fastLayer, nb, m, src int, relu bool) int {
	dst := 1 - src
	n := nb * (l.out + 1)
	switch m {
	case modeFloat:
		floatLayer(l, nb, w.f[src], grow(&w.f[dst], n), relu, float64(w.fn.floor))
	case modeInt64:
		int64Layer(l, nb, w.i[src], grow(&w.i[dst], n), relu, w.fn.floor)
	default:
		int128Layer(l, nb, w.w[src], grow(&w.w[dst], n), relu, i128From(w.fn.floor))
	}
	return dst
}

// floatLayer is Z = [H | E]·[A | c]ᵀ by Dgemm, exact because every partial
// sum is an integer below 2^53 (fasteval.go), then σ and E' = D·E.
func floatLayer(l *fastLayer, nb int, H, Z []float64, relu bool, floor float64) {
	in1, out1 := l.in+1, l.out+1
	blas64.Gemm(blas.NoTrans, blas.Trans, 1,
		blas64.General{Rows: nb, Cols: in1, Stride: in1, Data: H[:nb*in1]},
		blas64.General{Rows: l.out, Cols: in1, Stride: in1, Data: l.fw},
		0, blas64.General{Rows: nb, Cols: l.out, Stride: out1, Data: Z[:nb*out1]})
	for k := range nb {
		z := Z[k*out1 : (k+1)*out1]
		if relu {
			for r, v := range z[:l.out] {
				if v < floor {
					z[r] = 0
				}
			}
		}
		z[l.out] = H[k*in1+l.in] * l.dF
	}
}

// int64Layer is floatLayer in int64, by dot products.
func int64Layer(l *fastLayer, nb int, H, Z []int64, relu bool, floor int64) {
	in1, out1 := l.in+1, l.out+1
	for k := range nb {
		h, z := H[k*in1:(k+1)*in1], Z[k*out1:(k+1)*out1]
		for r := range l.out {
			a := l.iw[r*in1 : (r+1)*in1]
			h := h[:len(a)]
			var s0, s1 int64
			j := 0
			for ; j+1 < len(a); j += 2 {
				s0 += a[j] * h[j]
				s1 += a[j+1] * h[j+1]
			}
			if j < len(a) {
				s0 += a[j] * h[j]
			}
			s := s0 + s1
			if relu && s < floor {
				s = 0
			}
			z[r] = s
		}
		z[l.out] = h[l.in] * l.dI
	}
}

// int128Layer is floatLayer in 128-bit two's complement.
func int128Layer(l *fastLayer, nb int, H, Z []i128, relu bool, floor i128) {
	in1, out1 := l.in+1, l.out+1
	for k := range nb {
		h, z := H[k*in1:(k+1)*in1], Z[k*out1:(k+1)*out1]
		for r := range l.out {
			a := l.iw[r*in1 : (r+1)*in1]
			h := h[:len(a)]
			var s i128
			for j, v := range a {
				s = s.mulAdd(h[j], v)
			}
			if relu && s.less(floor) {
				s = i128{}
			}
			z[r] = s
		}
		z[l.out] = i128{}.mulAdd(h[l.in], l.dI)
	}
}

// convert moves an nb × cols block from buffer src of width from to a buffer
// of width to (the same one when from = to) and returns its index. Widening
// is exact: every value is below the narrower width's bound.
func (w *fastWorker) convert(nb, cols, from, to, src int) int {
	if from == to {
		return src
	}
	n := nb * cols
	switch {
	case from == modeInt64 && to == modeFloat:
		dst := grow(&w.f[0], n)
		for k, v := range w.i[src][:n] {
			dst[k] = float64(v)
		}
	case from == modeFloat && to == modeInt64:
		dst := grow(&w.i[0], n)
		for k, v := range w.f[src][:n] {
			dst[k] = int64(v)
		}
	case from == modeFloat && to == modeInt128:
		dst := grow(&w.w[0], n)
		for k, v := range w.f[src][:n] {
			dst[k] = i128From(int64(v))
		}
	case from == modeInt64 && to == modeInt128:
		dst := grow(&w.w[0], n)
		for k, v := range w.i[src][:n] {
			dst[k] = i128From(v)
		}
	default:
		panic("oracle: fast path narrows a width")
	}
	return 0
}

// extract sets out[i] = Z/E for each row i of the block (the last layer has
// one output, so the block rows are [Z, E]).
func (w *fastWorker) extract(mode, src int, out []frac) {
	for k, i := range w.rows {
		o := &out[i]
		switch mode {
		case modeFloat:
			b := w.f[src][2*k : 2*k+2]
			o.num.SetInt64(int64(b[0]))
			o.den.SetInt64(int64(b[1]))
		case modeInt64:
			b := w.i[src][2*k : 2*k+2]
			o.num.SetInt64(b[0])
			o.den.SetInt64(b[1])
		default:
			b := w.w[src][2*k : 2*k+2]
			b[0].big(&o.num, &w.t)
			b[1].big(&o.den, &w.t)
		}
	}
}

// scaleRow writes E·x and E to dst, E the least common multiple of the
// denominators of x, and returns B_0 = max(E, max_j |E·x_j|). It reports
// false when a value does not fit int64.
func scaleRow(x []*big.Rat, dst []int64) (uint64, bool) {
	E := uint64(1)
	for _, v := range x {
		if v.IsInt() {
			continue
		}
		q := v.Denom()
		if !q.IsUint64() {
			return 0, false
		}
		qq := q.Uint64()
		hi, lo := bits.Mul64(E/gcd(E, qq), qq)
		if hi != 0 || lo > maxB0 {
			return 0, false
		}
		E = lo
	}
	b := E
	for j, v := range x {
		n := v.Num()
		if !n.IsInt64() {
			return 0, false
		}
		m := E
		if !v.IsInt() {
			m = E / v.Denom().Uint64()
		}
		nn := n.Int64()
		u := uint64(nn)
		if nn < 0 {
			u = -u
		}
		hi, lo := bits.Mul64(u, m)
		if hi != 0 || lo > maxB0 {
			return 0, false
		}
		b = max(b, lo)
		dst[j] = int64(lo)
		if nn < 0 {
			dst[j] = -dst[j]
		}
	}
	dst[len(x)] = int64(E)
	return b, true
}

func gcd(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// i128 is a 128-bit two's complement integer.
type i128 struct{ hi, lo uint64 }

func i128From(v int64) i128 { return i128{uint64(v >> 63), uint64(v)} }

// mulAdd is s + h·a modulo 2^128, which is the exact value whenever that is
// below 2^127 in magnitude: with a sign-extended to (ahi, alo), h·a mod 2^128
// is h.lo·alo + ((h.hi·alo + h.lo·ahi) mod 2^64)·2^64.
func (s i128) mulAdd(h i128, a int64) i128 {
	alo, ahi := uint64(a), uint64(a>>63)
	p1, p0 := bits.Mul64(h.lo, alo)
	p1 += h.hi*alo + h.lo*ahi
	lo, c := bits.Add64(s.lo, p0, 0)
	hi, _ := bits.Add64(s.hi, p1, c)
	return i128{hi, lo}
}

// less reports s < t as signed integers.
func (s i128) less(t i128) bool {
	if s.hi != t.hi {
		return int64(s.hi) < int64(t.hi)
	}
	return s.lo < t.lo
}

// big sets z to s, using t as scratch.
func (s i128) big(z, t *big.Int) {
	neg := int64(s.hi) < 0
	if neg {
		var b uint64
		s.lo, b = bits.Sub64(0, s.lo, 0)
		s.hi, _ = bits.Sub64(0, s.hi, b)
	}
	z.SetUint64(s.hi)
	z.Lsh(z, 64)
	z.Add(z, t.SetUint64(s.lo))
	if neg {
		z.Neg(z)
	}
}
