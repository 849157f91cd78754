package props

// Vector-output instances (beyond the paper): C ≥ 1 targets per sample.

import (
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/instance"
	"pgregory.net/rapid"
)

// VectorInstance draws a vector instance with K ∈ [minK, maxK] samples in
// d ∈ [1, maxD] and C ∈ [1, maxC] outputs, labelled "K", "d", "C", "x",
// "T", "z[i][c]". T (the rows where some output changes) is drawn as in
// Instance; on a row of T each output is zero or not by a draw, with at
// least one nonzero, so that the outputs' own changed sets T_c differ.
func VectorInstance(minK, maxK, maxD, maxC int) *rapid.Generator[*instance.Vector] {
	return rapid.Custom(func(t *rapid.T) *instance.Vector {
		K := rapid.IntRange(minK, maxK).Draw(t, "K")
		d := rapid.IntRange(1, maxD).Draw(t, "d")
		C := rapid.IntRange(1, maxC).Draw(t, "C")
		X := Points(K, d).Draw(t, "x")
		T := TSet(K, 0, K).Draw(t, "T")
		return &instance.Vector{X: X, Z: VectorTargets(K, C, T).Draw(t, "z")}
	})
}

// VectorTargets draws K × C targets with row i nonzero exactly for i ∈ T
// (0-based): each output of a changed row is 0 or a nonzero small
// rational, the first nonzero one forced when all others are 0.
func VectorTargets(K, C int, T []int) *rapid.Generator[[][]*big.Rat] {
	return rapid.Custom(func(t *rapid.T) [][]*big.Rat {
		Z := make([][]*big.Rat, K)
		for i := range Z {
			Z[i] = make([]*big.Rat, C)
			for c := range Z[i] {
				Z[i][c] = new(big.Rat)
			}
		}
		if len(T) == 0 {
			rapid.Bool().Draw(t, "no changed row") // a Custom generator must draw something
		}
		for _, i := range T {
			some := false
			for c := 0; c < C; c++ {
				label := fmt.Sprintf("z[%d][%d]", i+1, c+1)
				if c == C-1 && !some || rapid.Bool().Draw(t, label+" ≠ 0") {
					Z[i][c] = nonzero(SmallRat().Draw(t, label))
					some = true
				}
			}
		}
		return Z
	})
}
