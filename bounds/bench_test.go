package bounds

// Benchmarks of the exact surd arithmetic beside plain baselines: the
// integer square root it starts from, and big.Float at 256 bits (inexact;
// shown only to price exactness).

import (
	"math/big"
	"testing"
)

// BenchmarkFloor4RootK: ⌊4√K⌋ through Surd.Floor (exact, corrected).
func BenchmarkFloor4RootK(b *testing.B) {
	for i := 0; i < b.N; i++ {
		_ = Thm51U1(1000 + i%1000).Floor()
	}
}

// BenchmarkFloor4RootKIntSqrt is the baseline: ⌊√(16K)⌋ by Int.Sqrt alone.
func BenchmarkFloor4RootKIntSqrt(b *testing.B) {
	for i := 0; i < b.N; i++ {
		_ = new(big.Int).Sqrt(big.NewInt(int64(16 * (1000 + i%1000))))
	}
}

// BenchmarkCmpTwoRadicals: 2√K + 3N against 6√(3N+2), decided by squaring.
func BenchmarkCmpTwoRadicals(b *testing.B) {
	for i := 0; i < b.N; i++ {
		N, K := 1+i%50, 100+i%900
		_ = Thm51U2(N, K).Cmp(Thm51U3(N))
	}
}

// BenchmarkCmpTwoRadicalsFloat is the inexact baseline with big.Float.
func BenchmarkCmpTwoRadicalsFloat(b *testing.B) {
	for i := 0; i < b.N; i++ {
		N, K := 1+i%50, 100+i%900
		x := new(big.Float).SetPrec(256).SetInt64(int64(K))
		x.Sqrt(x).Mul(x, big.NewFloat(2)).Add(x, new(big.Float).SetInt64(int64(3*N)))
		y := new(big.Float).SetPrec(256).SetInt64(int64(3*N + 2))
		y.Sqrt(y).Mul(y, big.NewFloat(6))
		_ = x.Cmp(y)
	}
}

// BenchmarkCmpRatio: upper/lower of Thm 5.1 at two points, exactly.
func BenchmarkCmpRatio(b *testing.B) {
	u1, l1 := Thm51Upper(2, 3), Thm51Lower(2, 3)
	for i := 0; i < b.N; i++ {
		N, K := 1+i%50, 60+i%200
		_ = CmpRatio(Thm51Upper(N, K), Thm51Lower(N, K), u1, l1)
	}
}
