package experiment

// MLP: a float64 ReLU network whose parameters are one flat vector, with the
// mean-squared-error gradient by backpropagation (written once, here, and
// tested against central finite differences in mlp_test.go).
//
// For layers l = 1..L with A_0 = X (K × d, one sample per row):
//
//	Z_l = A_{l−1}·W_lᵀ + 1·b_lᵀ,   A_l = σ(Z_l) for l < L,   A_L = Z_L (K × 1),
//	loss = (1/K)·Σ_i (A_L[i] − z_i)².
//
// Backward, with D_l = ∂loss/∂Z_l:
//
//	D_L = (2/K)·(A_L − z),
//	∂loss/∂W_l = D_lᵀ·A_{l−1},   ∂loss/∂b_l = column sums of D_l,
//	D_{l−1} = (D_l·W_l) ⊙ [A_{l−1} > 0]   (σ'(0) taken as 0).

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// MLP is a fully connected ReLU network R^d → R in float64: ReLU after every
// layer but the last. Params holds every weight and bias; W and B are views
// into it (W[l] is out × in, row-major), so an optimizer sees one vector.
type MLP struct {
	Sizes  []int // d, n_1, …, n_{L−1}, 1
	Params []float64
	W      []*mat.Dense
	B      [][]float64
}

// NewMLP allocates a network with the given layer sizes (input dimension
// first, 1 last) and all parameters zero. It panics on sizes that do not
// describe such a network (programmer misuse).
func NewMLP(sizes ...int) *MLP {
	if len(sizes) < 2 || sizes[len(sizes)-1] != 1 {
		panic(fmt.Sprintf("experiment: NewMLP: sizes %v must be d, hidden…, 1", sizes))
	}
	n := 0
	for l := 1; l < len(sizes); l++ {
		if sizes[l-1] < 1 || sizes[l] < 1 {
			panic(fmt.Sprintf("experiment: NewMLP: sizes %v must be positive", sizes))
		}
		n += sizes[l]*sizes[l-1] + sizes[l]
	}
	net := &MLP{Sizes: append([]int(nil), sizes...), Params: make([]float64, n)}
	net.W, net.B = views(net.Sizes, net.Params)
	return net
}

// views cuts p into the weight matrices and bias vectors of sizes.
func views(sizes []int, p []float64) ([]*mat.Dense, [][]float64) {
	var ws []*mat.Dense
	var bs [][]float64
	off := 0
	for l := 1; l < len(sizes); l++ {
		out, in := sizes[l], sizes[l-1]
		ws = append(ws, mat.NewDense(out, in, p[off:off+out*in:off+out*in]))
		off += out * in
		bs = append(bs, p[off:off+out:off+out])
		off += out
	}
	return ws, bs
}

// Hidden is the number of hidden neurons m (the paper's count).
func (n *MLP) Hidden() int {
	m := 0
	for _, s := range n.Sizes[1 : len(n.Sizes)-1] {
		m += s
	}
	return m
}

// Init draws He-normal weights (standard deviation √(2/fan-in); √(1/fan-in)
// for the linear output layer) and zero biases.
func (n *MLP) Init(rng *rand.Rand) {
	for l, w := range n.W {
		out, in := w.Dims()
		std := math.Sqrt(2 / float64(in))
		if l == len(n.W)-1 {
			std = math.Sqrt(1 / float64(in))
		}
		for r := 0; r < out; r++ {
			for c := 0; c < in; c++ {
				w.Set(r, c, std*rng.NormFloat64())
			}
		}
		clear(n.B[l])
	}
}

// Workspace holds the activations and gradients of one network on one batch
// of K rows, so that training allocates nothing per epoch.
type Workspace struct {
	net   *MLP
	A     []*mat.Dense // A[l] is K × Sizes[l+1], the output of layer l+1
	D     []*mat.Dense // D[l] = ∂loss/∂Z_{l+1}
	Grad  []float64    // same layout as Params
	gradW []*mat.Dense
	gradB [][]float64
}

// NewWorkspace allocates the buffers of net for batches of k rows.
func (n *MLP) NewWorkspace(k int) *Workspace {
	ws := &Workspace{net: n, Grad: make([]float64, len(n.Params))}
	for l := 1; l < len(n.Sizes); l++ {
		ws.A = append(ws.A, mat.NewDense(k, n.Sizes[l], nil))
		ws.D = append(ws.D, mat.NewDense(k, n.Sizes[l], nil))
	}
	ws.gradW, ws.gradB = views(n.Sizes, ws.Grad)
	return ws
}

// Forward evaluates the network on the rows of X and returns the K outputs
// (a view into the workspace, valid until the next call).
func (ws *Workspace) Forward(X *mat.Dense) []float64 {
	n := ws.net
	prev := mat.Matrix(X)
	last := len(n.W) - 1
	for l, w := range n.W {
		a := ws.A[l]
		a.Mul(prev, w.T())
		raw := a.RawMatrix()
		b := n.B[l]
		for i := 0; i < raw.Rows; i++ {
			row := raw.Data[i*raw.Stride : i*raw.Stride+raw.Cols]
			for j := range row {
				v := row[j] + b[j]
				if l < last && v < 0 {
					v = 0
				}
				row[j] = v
			}
		}
		prev = a
	}
	return ws.A[last].RawMatrix().Data
}

// LossGrad returns the mean squared error of the network against z on the
// rows of X, and leaves its gradient with respect to Params in ws.Grad.
func (ws *Workspace) LossGrad(X *mat.Dense, z []float64) float64 {
	out := ws.Forward(X)
	n := ws.net
	L := len(n.W)
	k := float64(len(z))
	dL := ws.D[L-1].RawMatrix().Data
	loss := 0.0
	for i, zi := range z {
		e := out[i] - zi
		loss += e * e
		dL[i] = 2 * e / k
	}
	for l := L - 1; l >= 0; l-- {
		d := ws.D[l]
		prev := mat.Matrix(X)
		if l > 0 {
			prev = ws.A[l-1]
		}
		ws.gradW[l].Mul(d.T(), prev)
		colSums(ws.gradB[l], d)
		if l > 0 {
			dp := ws.D[l-1]
			dp.Mul(d, n.W[l])
			maskReLU(dp, ws.A[l-1])
		}
	}
	return loss / k
}

// Loss is the mean squared error without the gradient.
func (ws *Workspace) Loss(X *mat.Dense, z []float64) float64 {
	out := ws.Forward(X)
	s := 0.0
	for i, zi := range z {
		e := out[i] - zi
		s += e * e
	}
	return s / float64(len(z))
}

// colSums writes the column sums of d into dst.
func colSums(dst []float64, d *mat.Dense) {
	clear(dst)
	raw := d.RawMatrix()
	for i := 0; i < raw.Rows; i++ {
		row := raw.Data[i*raw.Stride : i*raw.Stride+raw.Cols]
		for j, v := range row {
			dst[j] += v
		}
	}
}

// maskReLU zeroes the entries of d where the ReLU output a is not positive.
func maskReLU(d, a *mat.Dense) {
	rd, ra := d.RawMatrix(), a.RawMatrix()
	for i := 0; i < rd.Rows; i++ {
		dr := rd.Data[i*rd.Stride : i*rd.Stride+rd.Cols]
		ar := ra.Data[i*ra.Stride : i*ra.Stride+ra.Cols]
		for j := range dr {
			if ar[j] <= 0 {
				dr[j] = 0
			}
		}
	}
}
