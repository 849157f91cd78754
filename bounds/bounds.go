package bounds

// bounds.go writes the bounds of Thm 4.1, Thm 5.1, Prop 6.1, Cor 4.2 and
// Cor 5.2 exactly as the paper states them (see doc.go for the list).
// Arguments are the paper's integer parameters; negative ones are programmer
// errors and panic.

import (
	"fmt"
	"math/big"
)

func nonneg(fn string, vals ...int) {
	for _, v := range vals {
		if v < 0 {
			panic(fmt.Sprintf("bounds: %s: negative argument %d", fn, v))
		}
	}
}

// Thm41Upper is min{3N+1, K−1}, the 2-layer upper bound of Thm 4.1.1.
func Thm41Upper(N, K int) int {
	nonneg("Thm41Upper", N, K)
	return min(3*N+1, K-1)
}

// Thm41Lower is min{3N, K−2}, the 2-layer lower bound of Thm 4.1.2.
func Thm41Lower(N, K int) int {
	nonneg("Thm41Lower", N, K)
	return min(3*N, K-2)
}

// Thm51U1 is U1 = 4√K (Yun et al.'s memorization net on all K points).
func Thm51U1(K int) Surd {
	nonneg("Thm51U1", K)
	return SqrtInt(K).MulInt(4)
}

// Thm51U2 is U2 = 2√K + 3N (layer 1 of U1, one bump unit per changed sample).
func Thm51U2(N, K int) Surd {
	nonneg("Thm51U2", N, K)
	return SqrtInt(K).MulInt(2).AddInt(3 * N)
}

// Thm51U3 is U3 = 6√(3N+2) (the net fitted on the kept set J only).
func Thm51U3(N int) Surd {
	nonneg("Thm51U3", N)
	return SqrtInt(3*N + 2).MulInt(6)
}

// Thm51Upper is min{2√K + min{2√K, 3N}, 6√(3N+2)} = min{U1, U2, U3}, the
// 3-layer upper bound of Thm 5.1.1, as written.
func Thm51Upper(N, K int) Surd {
	twoRootK := SqrtInt(K).MulInt(2)
	inner := Min(twoRootK, FromInt(3*N))
	first := twoRootK.Add(inner) // same radical or rational: a Surd
	return Min(first, Thm51U3(N))
}

// Thm51Lower is √(2·min{3N, K−2} + 1/4) − 1/2, the 3-layer lower bound of
// Thm 5.1.2. For K = 2 (min = 0 when N ≥ 0) it is 0; it panics for K < 2,
// where the radicand would be negative.
func Thm51Lower(N, K int) Surd {
	nonneg("Thm51Lower", N, K)
	mn := int64(min(3*N, K-2))
	r := new(big.Rat).Add(big.NewRat(2*mn, 1), big.NewRat(1, 4))
	return Sqrt(r).AddRat(big.NewRat(-1, 2))
}

// Prop61Width is 4·min{√(3N/⌊(L−1)/2⌋ + 5), √K} + 2, the width bound of
// Prop 6.1 for an L-layer network, L ≥ 4.
func Prop61Width(N, K, L int) Surd {
	nonneg("Prop61Width", N, K)
	if L < 4 {
		panic(fmt.Sprintf("bounds: Prop61Width: L = %d < 4", L))
	}
	parts := int64((L - 1) / 2)
	r := new(big.Rat).Add(big.NewRat(int64(3*N), parts), big.NewRat(5, 1))
	return Min(Sqrt(r), SqrtInt(K)).MulInt(4).AddInt(2)
}

// Cor42NLower is ⌊(m−1)/3⌋, the lower bound on N* of Cor 4.2.1 (−1 at m = 0).
func Cor42NLower(m int) int {
	nonneg("Cor42NLower", m)
	return int(floorRat(big.NewRat(int64(m-1), 3)).Int64())
}

// Cor42NUpper is m/3, the upper bound on N* of Cor 4.2.1.
func Cor42NUpper(m int) *big.Rat {
	nonneg("Cor42NUpper", m)
	return big.NewRat(int64(m), 3)
}

// Cor42Regime is 1 when K ≥ m+2 (Cor 4.2.1) and 2 when K ≤ m+1 (N* = K).
func Cor42Regime(m, K int) int {
	if K >= m+2 {
		return 1
	}
	return 2
}

// Cor52SmallK is ⌊m²/16⌋: for K up to it, Cor 5.2.1 says N* = K.
func Cor52SmallK(m int) int {
	nonneg("Cor52SmallK", m)
	return m * m / 16
}

// Cor52LargeK is (m²+m+4)/2: from it on, Cor 5.2.3 bounds N* by (m²+m)/6.
func Cor52LargeK(m int) *big.Rat {
	nonneg("Cor52LargeK", m)
	return big.NewRat(int64(m*m+m+4), 2)
}

// Cor52NLower is ⌊m²/108 − 2/3⌋, the lower bound on N* of Cor 5.2.2–3.
func Cor52NLower(m int) int {
	nonneg("Cor52NLower", m)
	q := new(big.Rat).Sub(big.NewRat(int64(m*m), 108), big.NewRat(2, 3))
	return int(floorRat(q).Int64())
}

// Cor52NUpper is (m²+m)/6, the upper bound on N* of Cor 5.2.3.
func Cor52NUpper(m int) *big.Rat {
	nonneg("Cor52NUpper", m)
	return big.NewRat(int64(m*m+m), 6)
}

// Cor52Regime returns 1, 2 or 3: K ≤ ⌊m²/16⌋, ⌊m²/16⌋+1 ≤ K < (m²+m+4)/2,
// or K ≥ (m²+m+4)/2.
func Cor52Regime(m, K int) int {
	switch {
	case K <= Cor52SmallK(m):
		return 1
	case big.NewRat(int64(K), 1).Cmp(Cor52LargeK(m)) < 0:
		return 2
	default:
		return 3
	}
}
