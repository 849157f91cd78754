// Package workload is issue 11's benchmark setting, one definition for the
// benchmarks (finetune, oracle) and for internal/cmd/ftload, which writes
// it as files: a frozen f of shape 16-64-64-1 with weights and biases
// k/1000 in [−1, 1], and rows of 16 inputs k/10⁴ in [−1, 1], row i drawn from
// a PCG seeded by i (so every K has the same first rows).
package workload

import (
	"math/big"
	"math/rand/v2"

	"github.com/ftcheck/ftcheck/oracle"
)

// Dim is the input dimension, N the number of rows relabelled.
const (
	Dim = 16
	N   = 1000
)

// Network is f.
func Network() *oracle.Network {
	r := rand.New(rand.NewPCG(1, 2))
	w := func() *big.Rat { return big.NewRat(int64(r.IntN(2001)-1000), 1000) }
	var layers []oracle.Layer
	in := Dim
	for _, out := range []int{64, 64, 1} {
		l := oracle.Layer{}
		for o := 0; o < out; o++ {
			row := make([]*big.Rat, in)
			for k := range row {
				row[k] = w()
			}
			l.W, l.B = append(l.W, row), append(l.B, w())
		}
		layers, in = append(layers, l), out
	}
	return &oracle.Network{Layers: layers}
}

// Row is row i as integers k (x = k/10⁴).
func Row(i int) [Dim]int {
	r := rand.New(rand.NewPCG(uint64(i), 7))
	var x [Dim]int
	for k := range x {
		x[k] = r.IntN(20001) - 10000
	}
	return x
}

// RatRow is row i as rationals.
func RatRow(i int) []*big.Rat {
	x := make([]*big.Rat, Dim)
	for k, v := range Row(i) {
		x[k] = big.NewRat(int64(v), 10000)
	}
	return x
}
