package oracle

import (
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
// activations (width × block) stay small instead of width × K.
const floatBlock = 256

// EvalBatch evaluates the rows of X (K × d) and returns the K outputs.
func (f *FloatNetwork) EvalBatch(X *mat.Dense) []float64 {
	K, d := X.Dims()
	out := make([]float64, 0, K)
	for lo := 0; lo < K; lo += floatBlock {
		hi := min(lo+floatBlock, K)
		out = append(out, f.evalBlock(X.Slice(lo, hi, 0, d))...)
	}
	return out
}

func (f *FloatNetwork) evalBlock(X mat.Matrix) []float64 {
	var h mat.Dense
	h.CloneFrom(X.T())
	for li := range f.W {
		var next mat.Dense
		next.Mul(f.W[li], &h)
		raw := next.RawMatrix()
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
		h = next
	}
	return mat.Row(nil, 0, &h)
}

// Eval evaluates one input.
func (f *FloatNetwork) Eval(x []float64) float64 {
	return f.EvalBatch(mat.NewDense(1, len(x), append([]float64(nil), x...)))[0]
}
