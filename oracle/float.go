package oracle

import (
	"fmt"
	"gonum.org/v1/gonum/mat"
)

// FloatNetwork is a float64 copy of a Network, evaluated with gonum. It is a
// speed baseline and the arithmetic of the paper's training experiment; no
// verdict in ftcheck is ever computed with it.
type FloatNetwork struct {
	W []*mat.Dense
	B []*mat.VecDense
}

// NewFloat rounds every weight of n to the nearest float64.
func NewFloat(n *Network) *FloatNetwork {
	n.mustValid()
	f := &FloatNetwork{}
	for _, l := range n.Layers {
		w := mat.NewDense(l.Out(), l.In(), nil)
		for r, row := range l.W {
			for c, v := range row {
				x, _ := v.Float64()
				w.Set(r, c, x)
			}
		}
		b := mat.NewVecDense(l.Out(), nil)
		for r, v := range l.B {
			x, _ := v.Float64()
			b.SetVec(r, x)
		}
		f.W, f.B = append(f.W, w), append(f.B, b)
	}
	return f
}

// floatBlock is how many rows EvalBatch evaluates at once, so that the hidden
// activations (width × block) stay small and are reused instead of width × K.
const floatBlock = 256

// EvalBatch evaluates the rows of X (K × d) and returns the K outputs of a
// single-output network (it panics on C > 1: use EvalBatchVec).
func (f *FloatNetwork) EvalBatch(X *mat.Dense) []float64 {
	if c, _ := f.W[len(f.W)-1].Dims(); c != 1 {
		panic(fmt.Sprintf("oracle: EvalBatch: network has C = %d outputs, want 1 (use EvalBatchVec)", c))
	}
	K, _ := X.Dims()
	out := make([]float64, 0, K)
	f.evalBlocks(X, func(h *mat.Dense) { out = append(out, h.RawRowView(0)...) })
	return out
}

// EvalBatchVec evaluates the rows of X (K × d) of a network with C ≥ 1
// outputs: K rows of C outputs.
func (f *FloatNetwork) EvalBatchVec(X *mat.Dense) [][]float64 {
	K, _ := X.Dims()
	out := make([][]float64, 0, K)
	f.evalBlocks(X, func(h *mat.Dense) {
		C, n := h.Dims()
		for j := 0; j < n; j++ {
			row := make([]float64, C)
			for c := range row {
				row[c] = h.At(c, j)
			}
			out = append(out, row)
		}
	})
	return out
}

// evalBlocks evaluates X in blocks of rows and hands each block's output
// (C × rows) to emit, in order.
func (f *FloatNetwork) evalBlocks(X *mat.Dense, emit func(h *mat.Dense)) {
	K, d := X.Dims()
	bufs := make([]*mat.Dense, len(f.W)) // per layer, reused across blocks
	for lo := 0; lo < K; lo += floatBlock {
		hi := min(lo+floatBlock, K)
		var in mat.Dense
		in.CloneFrom(X.Slice(lo, hi, 0, d).T())
		h := &in
		for li, w := range f.W {
			rows, _ := w.Dims()
			if b := bufs[li]; b == nil || b.RawMatrix().Cols != hi-lo {
				bufs[li] = mat.NewDense(rows, hi-lo, nil)
			}
			bufs[li].Mul(w, h)
			f.biasReLU(bufs[li], li)
			h = bufs[li]
		}
		emit(h)
	}
}

// biasReLU adds layer li's bias to every column of h and, for a hidden layer,
// applies σ.
func (f *FloatNetwork) biasReLU(h *mat.Dense, li int) {
	raw := h.RawMatrix()
	last := li == len(f.W)-1
	for i := 0; i < raw.Rows; i++ {
		b := f.B[li].AtVec(i)
		row := raw.Data[i*raw.Stride : i*raw.Stride+raw.Cols]
		for j, v := range row {
			v += b
			if !last && v < 0 {
				v = 0
			}
			row[j] = v
		}
	}
}

// Eval evaluates one input.
func (f *FloatNetwork) Eval(x []float64) float64 {
	return f.EvalBatch(mat.NewDense(1, len(x), append([]float64(nil), x...)))[0]
}
