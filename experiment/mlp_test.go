package experiment

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// gradFunc returns a loss and writes its gradient into g.
type gradFunc func(p, g []float64) float64

// maxGradError compares the gradient of fn at p with central finite
// differences of step h and returns the largest error relative to
// max(1, |∂|) over all coordinates.
func maxGradError(fn gradFunc, p []float64, h float64) float64 {
	g := make([]float64, len(p))
	fn(p, g)
	scratch := make([]float64, len(p))
	worst := 0.0
	for i := range p {
		old := p[i]
		p[i] = old + h
		up := fn(p, scratch)
		p[i] = old - h
		down := fn(p, scratch)
		p[i] = old
		fd := (up - down) / (2 * h)
		e := math.Abs(fd-g[i]) / math.Max(1, math.Abs(fd))
		worst = math.Max(worst, e)
	}
	return worst
}

// mlpGrad is the backpropagation gradient of net's MSE on (X, z).
func mlpGrad(net *MLP, X *mat.Dense, z []float64) gradFunc {
	ws := net.NewWorkspace(len(z))
	return func(p, g []float64) float64 {
		copy(net.Params, p)
		loss := ws.LossGrad(X, z)
		copy(g, ws.Grad)
		return loss
	}
}

func randomProblem(rng *rand.Rand, k, d int) (*mat.Dense, []float64) {
	X := mat.NewDense(k, d, nil)
	z := make([]float64, k)
	for i := 0; i < k; i++ {
		for j := 0; j < d; j++ {
			X.Set(i, j, rng.NormFloat64())
		}
		z[i] = 2*rng.Float64() - 1
	}
	return X, z
}

// Backpropagation equals the central finite-difference gradient of the mean
// squared error, for 2-, 3- and 4-layer ReLU networks, to 1e−6 relative.
func TestBackpropMatchesFiniteDifferences(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, sizes := range [][]int{{3, 5, 1}, {4, 3, 2, 1}, {10, 6, 5, 1}, {2, 4, 3, 3, 1}} {
		net := NewMLP(sizes...)
		net.Init(rng)
		for i := range net.B {
			for j := range net.B[i] {
				net.B[i][j] = 0.3 * rng.NormFloat64()
			}
		}
		X, z := randomProblem(rng, 17, sizes[0])
		p := append([]float64(nil), net.Params...)
		if e := maxGradError(mlpGrad(net, X, z), p, 1e-6); e > 1e-6 {
			t.Errorf("sizes %v: backprop differs from finite differences by %.3g", sizes, e)
		}
	}
}

// The finite-difference check is able to fail: a gradient with one
// coordinate 1% off, or with the ReLU mask dropped, is caught.
func TestGradCheckCatchesPlantedBugs(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	net := NewMLP(4, 5, 3, 1)
	net.Init(rng)
	X, z := randomProblem(rng, 20, 4)
	p := append([]float64(nil), net.Params...)
	good := mlpGrad(net, X, z)
	offByOnePercent := func(p, g []float64) float64 {
		l := good(p, g)
		g[7] *= 1.01
		return l
	}
	if e := maxGradError(offByOnePercent, p, 1e-6); e <= 1e-6 {
		t.Errorf("a gradient 1%% off in one coordinate passed the check (error %.3g)", e)
	}
	// Backprop without the ReLU mask: a linear network's gradient.
	noMask := func(p, g []float64) float64 {
		copy(net.Params, p)
		ws := net.NewWorkspace(len(z))
		out := ws.Forward(X)
		L := len(net.W)
		dL := ws.D[L-1].RawMatrix().Data
		loss := 0.0
		for i := range z {
			e := out[i] - z[i]
			loss += e * e
			dL[i] = 2 * e / float64(len(z))
		}
		for l := L - 1; l >= 0; l-- {
			prev := mat.Matrix(X)
			if l > 0 {
				prev = ws.A[l-1]
			}
			ws.gradW[l].Mul(ws.D[l].T(), prev)
			colSums(ws.gradB[l], ws.D[l])
			if l > 0 {
				ws.D[l-1].Mul(ws.D[l], net.W[l]) // mask forgotten
			}
		}
		copy(g, ws.Grad)
		return loss / float64(len(z))
	}
	if e := maxGradError(noMask, p, 1e-6); e <= 1e-6 {
		t.Errorf("backprop without the ReLU mask passed the check (error %.3g)", e)
	}
}

// Forward agrees with a plain per-sample evaluation of the same weights.
func TestForwardMatchesPerSample(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	net := NewMLP(3, 4, 2, 1)
	net.Init(rng)
	X, _ := randomProblem(rng, 9, 3)
	out := net.NewWorkspace(9).Forward(X)
	for i := 0; i < 9; i++ {
		h := mat.Row(nil, i, X)
		for l, w := range net.W {
			r, _ := w.Dims()
			next := make([]float64, r)
			for j := 0; j < r; j++ {
				v := net.B[l][j] + floatsDot(mat.Row(nil, j, w), h)
				if l < len(net.W)-1 {
					v = math.Max(v, 0)
				}
				next[j] = v
			}
			h = next
		}
		if math.Abs(h[0]-out[i]) > 1e-12 {
			t.Fatalf("row %d: Forward %v, per sample %v", i, out[i], h[0])
		}
	}
}

func floatsDot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// Adam drives a least-squares problem to its minimum.
func TestAdamFitsLinearModel(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	X, _ := randomProblem(rng, 50, 3)
	z := make([]float64, 50)
	for i := range z {
		z[i] = 1.5*X.At(i, 0) - 2*X.At(i, 2) + 0.25
	}
	net := NewMLP(3, 1) // linear: no hidden layer
	res := Train(net, X, z, TrainOptions{Epochs: 3000, LR: 0.05})
	if res.Loss > 1e-8 {
		t.Fatalf("Adam left loss %.3g on an exactly linear target", res.Loss)
	}
	if w := net.W[0].At(0, 0); math.Abs(w-1.5) > 1e-3 {
		t.Fatalf("recovered weight %v, want 1.5", w)
	}
}
