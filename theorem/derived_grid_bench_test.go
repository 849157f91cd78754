package theorem

// Benchmarks of the derived-claim checks and of the flat-piece network
// (build + exact verification) beside plain layer-by-layer Network.Eval.

import (
	"math/big"
	"testing"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/oracle"
)

func BenchmarkCheckCor42(b *testing.B) {
	for i := 0; i < b.N; i++ {
		checkCor42(testCfg(), paperCor42, thm41, gridM2, gridK2, newFailureLog(), newFailureLog())
	}
}

func BenchmarkCheckCor52(b *testing.B) {
	for i := 0; i < b.N; i++ {
		checkCor52(testCfg(), paperCor52, newThm51Table(kMax3(gridM3)), gridM3, newFailureLog())
	}
}

// flatBenchLine is K = 2·10³ samples on a line with every third one changed.
func flatBenchLine() (t, z []*big.Rat, X [][]*big.Rat) {
	const K = 2000
	for i := 0; i < K; i++ {
		t = append(t, big.NewRat(int64(10*i+i%7), 10))
		v := new(big.Rat)
		if i%3 == 1 {
			v.SetFrac64(int64(i%11-5), int64(i%4+1))
		}
		z = append(z, v)
		X = append(X, []*big.Rat{t[i]})
	}
	return t, z, X
}

// BenchmarkFlatPieceBuildVerify: build the flat-piece network for 2·10³
// samples and verify it exactly with oracle.Verify.
func BenchmarkFlatPieceBuildVerify(b *testing.B) {
	t, z, X := flatBenchLine()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g := construction.FlatEnd(t, z)
		if _, err := oracle.Verify(g, nil, X, z); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFlatPieceEvalBaseline: the same network evaluated point by point
// with the reference Network.Eval (layer by layer, big.Rat).
func BenchmarkFlatPieceEvalBaseline(b *testing.B) {
	t, z, X := flatBenchLine()
	g := construction.FlatEnd(t, z)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for r, x := range X {
			if g.Eval(x).Cmp(z[r]) != 0 {
				b.Fatal("mismatch")
			}
		}
	}
}
