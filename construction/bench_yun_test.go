package construction

// Benchmarks of the Yun-style constructions (U1, U2, Prop. 6.1), each beside
// the plain layer-by-layer oracle.Network.Eval baseline. Run with
//
//	go test ./construction -run '^$' -bench 'U1|U2|Deep' -benchtime 1x -timeout 2h
//
// Verification uses instance.Verify (the oracle's exact 1-D path for these
// rank-one networks). The baseline evaluates every sample with Network.Eval
// for K ≤ 2500 and, at K = 10⁴, a fixed 20-sample slice (ns/op is then per
// 20 samples: multiply by 500 for all K).

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/ftcheck/ftcheck/instance"
)

// benchYunInstance is K distinct points of ℚ³ from a fixed LCG, with every
// (K/N)-th target in [−1, 1] nonzero.
func benchYunInstance(K, N int) *instance.Instance {
	X := make([][]*big.Rat, K)
	z := make([]*big.Rat, K)
	s := uint64(12345)
	next := func() int64 { s = s*6364136223846793005 + 1442695040888963407; return int64(s>>40) % 1000 }
	for i := range X {
		X[i] = []*big.Rat{big.NewRat(int64(i), 1), big.NewRat(next(), 7), big.NewRat(next(), 11)}
		z[i] = new(big.Rat)
		if N > 0 && i%(K/N) == 0 && i/(K/N) < N {
			z[i].SetFrac64(next()%17-8, 9)
			if z[i].Sign() == 0 {
				z[i].SetInt64(1)
			}
		}
	}
	return &instance.Instance{X: X, Z: z}
}

type benchYunCase struct {
	name  string
	K, N  int
	build func(*instance.Instance) (*Built, error)
	evalN int // samples the baseline evaluates (0: all)
}

func benchYunCases() []benchYunCase {
	u1 := func(in *instance.Instance) (*Built, error) { return U1(in) }
	u2 := func(in *instance.Instance) (*Built, error) { return U2(in) }
	deep := func(in *instance.Instance) (*Built, error) { return Deep(in, 6) }
	return []benchYunCase{
		{"U1", 2500, 25, u1, 0}, {"U1", 10000, 100, u1, 20},
		{"U2", 2500, 25, u2, 0}, {"U2", 10000, 100, u2, 20},
		{"Deep-L6", 2500, 100, deep, 0},
	}
}

func BenchmarkYunBuild(b *testing.B) {
	for _, c := range benchYunCases() {
		in := benchYunInstance(c.K, c.N)
		b.Run(fmt.Sprintf("%s/K=%d/N=%d", c.name, c.K, c.N), func(b *testing.B) {
			var built *Built
			for b.Loop() {
				var err error
				if built, err = c.build(in); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(built.Neurons), "neurons")
			b.ReportMetric(float64(built.Net.BitSize()), "max-bits")
		})
	}
}

func BenchmarkYunVerify(b *testing.B) {
	for _, c := range benchYunCases() {
		in := benchYunInstance(c.K, c.N)
		built, err := c.build(in)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%s/K=%d/N=%d", c.name, c.K, c.N), func(b *testing.B) {
			for b.Loop() {
				if _, err := in.Verify(built.Net); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkYunEvalBaseline is plain Network.Eval, layer by layer, on the
// same networks (all samples, or the first evalN).
func BenchmarkYunEvalBaseline(b *testing.B) {
	for _, c := range benchYunCases() {
		in := benchYunInstance(c.K, c.N)
		built, err := c.build(in)
		if err != nil {
			b.Fatal(err)
		}
		X := in.X
		if c.evalN > 0 {
			X = X[:c.evalN]
		}
		b.Run(fmt.Sprintf("%s/K=%d/N=%d/samples=%d", c.name, c.K, c.N, len(X)), func(b *testing.B) {
			for b.Loop() {
				for i, x := range X {
					if built.Net.Eval(x).Cmp(in.Z[i]) != 0 {
						b.Fatalf("sample %d misfit", i+1)
					}
				}
			}
		})
	}
}
