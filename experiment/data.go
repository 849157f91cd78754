package experiment

// The synthetic data of Sec. 7 and the pre-trained network f.

import (
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// Data is the pre-training set D = {(x_i, y_i)}: X is K × d.
type Data struct {
	X *mat.Dense
	Y []float64
}

// Synthetic draws K samples x_i ~ N(0, I_d), y_i ~ U[−1, 1] (Sec. 7).
func Synthetic(rng *rand.Rand, k, d int) *Data {
	X := mat.NewDense(k, d, nil)
	y := make([]float64, k)
	for i := 0; i < k; i++ {
		for j := 0; j < d; j++ {
			X.Set(i, j, rng.NormFloat64())
		}
		y[i] = uniform(rng)
	}
	return &Data{X: X, Y: y}
}

func uniform(rng *rand.Rand) float64 { return 2*rng.Float64() - 1 }

// Relabel returns the residual targets z_i = y'_i − f(x_i) of the fine-tuning
// set D': N samples chosen uniformly without replacement get fresh labels
// y'_i ~ U[−1, 1], the others keep y'_i = y_i. fx holds f(x_i).
func Relabel(rng *rand.Rand, y, fx []float64, n int) (z []float64, changed []int) {
	k := len(y)
	changed = rng.Perm(k)[:n]
	yNew := append([]float64(nil), y...)
	for _, i := range changed {
		yNew[i] = uniform(rng)
	}
	z = make([]float64, k)
	for i := range z {
		z[i] = yNew[i] - fx[i]
	}
	return z, changed
}

// PretrainOptions fixes the architecture and training of f.
type PretrainOptions struct {
	Hidden []int // hidden widths of f
	Train  TrainOptions
}

// Pretrain trains f on D and returns it with its outputs f(x_i) and its
// training MSE (the paper asks for f to fit D).
func Pretrain(rng *rand.Rand, data *Data, opt PretrainOptions) (f *MLP, fx []float64, mse float64) {
	_, d := data.X.Dims()
	sizes := append(append([]int{d}, opt.Hidden...), 1)
	f = NewMLP(sizes...)
	f.Init(rng)
	Train(f, data.X, data.Y, opt.Train)
	ws := f.NewWorkspace(len(data.Y))
	mse = ws.Loss(data.X, data.Y)
	fx = append([]float64(nil), ws.Forward(data.X)...)
	return f, fx, mse
}
