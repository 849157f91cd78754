package ratlin

import (
	"math/big"
	"testing"
)

func rats(rows ...[]int64) [][]*big.Rat {
	out := make([][]*big.Rat, len(rows))
	for i, r := range rows {
		for _, v := range r {
			out[i] = append(out[i], big.NewRat(v, 1))
		}
	}
	return out
}

// TestRank: ranks of matrices whose rank is known by construction (identity,
// a row that is the sum of two others, a zero matrix, a wide matrix, a column
// of zeros first), and the input is left untouched.
func TestRank(t *testing.T) {
	for _, c := range []struct {
		A    [][]*big.Rat
		want int
	}{
		{rats([]int64{1, 0, 0}, []int64{0, 1, 0}, []int64{0, 0, 1}), 3},
		{rats([]int64{1, 2, 3}, []int64{4, 5, 6}, []int64{5, 7, 9}), 2},
		{rats([]int64{0, 0}, []int64{0, 0}), 0},
		{rats([]int64{0, 1, 2, 3}, []int64{0, 2, 4, 7}), 2},
		{rats([]int64{2, 4}, []int64{1, 2}, []int64{3, 6}), 1},
		{nil, 0},
	} {
		before := ""
		for _, row := range c.A {
			for _, v := range row {
				before += v.String() + ","
			}
		}
		if got := Rank(c.A); got != c.want {
			t.Errorf("Rank(%v) = %d, want %d", c.A, got, c.want)
		}
		after := ""
		for _, row := range c.A {
			for _, v := range row {
				after += v.String() + ","
			}
		}
		if before != after {
			t.Errorf("Rank modified its input")
		}
	}
}
