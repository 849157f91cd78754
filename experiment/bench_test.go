package experiment

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/ftcheck/ftcheck/oracle"
)

// toOracle copies net into an exact oracle.Network (SetFloat64 is exact).
func toOracle(net *MLP) *oracle.Network {
	var layers []oracle.Layer
	for l, w := range net.W {
		r, c := w.Dims()
		L := oracle.Layer{W: make([][]*big.Rat, r), B: make([]*big.Rat, r)}
		for i := 0; i < r; i++ {
			L.W[i] = make([]*big.Rat, c)
			for j := 0; j < c; j++ {
				L.W[i][j] = new(big.Rat).SetFloat64(w.At(i, j))
			}
			L.B[i] = new(big.Rat).SetFloat64(net.B[l][i])
		}
		layers = append(layers, L)
	}
	return &oracle.Network{Layers: layers}
}

// Forward agrees with the oracle's float64 baseline on the same weights.
func TestForwardMatchesOracleFloat(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	net := NewMLP(10, 8, 7, 1)
	net.Init(rng)
	data := Synthetic(rng, 50, 10)
	want := oracle.NewFloat(toOracle(net)).EvalBatch(data.X)
	got := net.NewWorkspace(50).Forward(data.X)
	for i := range want {
		if d := got[i] - want[i]; d > 1e-12 || d < -1e-12 {
			t.Fatalf("row %d: Forward %v, oracle float %v", i, got[i], want[i])
		}
	}
}

// BenchmarkEpoch times one full-batch forward and backward pass (K = 1000,
// d = 10) of the 3-layer g at the sizes Fig. 9 trains, and of a 2-layer g.
func BenchmarkEpoch(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	data := Synthetic(rng, 1000, 10)
	for _, sizes := range [][]int{{10, 10, 10, 1}, {10, 25, 25, 1}, {10, 50, 1}, {10, 150, 1}} {
		net := NewMLP(sizes...)
		net.Init(rng)
		ws := net.NewWorkspace(1000)
		b.Run(fmt.Sprint(sizes[1:len(sizes)-1]), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				ws.LossGrad(data.X, data.Y)
			}
		})
	}
}

// BenchmarkForward compares the batched forward pass with the baseline
// oracle.FloatNetwork.EvalBatch (gonum, allocating per layer) and with exact
// layer-by-layer oracle.Network.Eval, on K = 1000 samples.
func BenchmarkForward(b *testing.B) {
	rng := rand.New(rand.NewPCG(2, 2))
	data := Synthetic(rng, 1000, 10)
	net := NewMLP(10, 25, 25, 1)
	net.Init(rng)
	ws := net.NewWorkspace(1000)
	exact := toOracle(net)
	fl := oracle.NewFloat(exact)
	b.Run("workspace", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			ws.Forward(data.X)
		}
	})
	b.Run("baseline-oracle-float", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			fl.EvalBatch(data.X)
		}
	})
	xs := make([][]*big.Rat, 50)
	for i := range xs {
		xs[i] = make([]*big.Rat, 10)
		for j := range xs[i] {
			xs[i][j] = new(big.Rat).SetFloat64(data.X.At(i, j))
		}
	}
	b.Run("baseline-oracle-exact-50rows", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, x := range xs {
				exact.Eval(x)
			}
		}
	})
}
