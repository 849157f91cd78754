package construction

import (
	"math/big"
	"testing"

	"github.com/ftcheck/ftcheck/instance"
)

// benchInstance is K samples x_i = (i, i² mod 97) ∈ ℚ² with N changed
// samples spread evenly (every ⌊K/N⌋-th) and targets ±(i mod 7 + 1)/8.
func benchInstance(K, N int) *instance.Instance {
	in := &instance.Instance{}
	for i := 0; i < K; i++ {
		in.X = append(in.X, []*big.Rat{big.NewRat(int64(i), 1), big.NewRat(int64(i*i%97), 1)})
		in.Z = append(in.Z, new(big.Rat))
	}
	for s := 0; s < N; s++ {
		i := s * (K / N)
		in.Z[i].SetFrac64(int64((2*(s%2)-1)*(i%7+1)), 8)
	}
	return in
}

// benchBuildVerify builds with build and verifies exactly (oracle fast
// path), reporting the neurons and the largest weight's bit size.
func benchBuildVerify(b *testing.B, in *instance.Instance, build func(*instance.Instance) (*Built, error)) {
	var bits, m int
	for b.Loop() {
		g, err := build(in)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := in.Verify(g.Net); err != nil {
			b.Fatal(err)
		}
		bits, m = g.Net.BitSize(), g.Neurons
	}
	b.ReportMetric(float64(bits), "weight-bits")
	b.ReportMetric(float64(m), "neurons")
}

// benchPlainEval is the baseline: plain layer-by-layer oracle.Network.Eval
// of the already built network on every sample.
func benchPlainEval(b *testing.B, in *instance.Instance, build func(*instance.Instance) (*Built, error)) {
	g, err := build(in)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		for i, x := range in.X {
			if g.Net.Eval(x).Cmp(in.Z[i]) != 0 {
				b.Fatalf("row %d", i+1)
			}
		}
	}
}

// BenchmarkAppendixA: Appendix A for N = 10³ changed samples among K = 3·10³.
func BenchmarkAppendixA(b *testing.B) {
	in := benchInstance(3000, 1000)
	b.Run("N=1000/build+verify", func(b *testing.B) { benchBuildVerify(b, in, AppendixA) })
	b.Run("N=1000/plain-Eval", func(b *testing.B) { benchPlainEval(b, in, AppendixA) })
}

// BenchmarkU3: U3 for K = 10⁴, N = 10².
func BenchmarkU3(b *testing.B) {
	in := benchInstance(10000, 100)
	b.Run("K=10000,N=100/build+verify", func(b *testing.B) { benchBuildVerify(b, in, U3) })
	b.Run("K=10000,N=100/plain-Eval", func(b *testing.B) { benchPlainEval(b, in, U3) })
}
