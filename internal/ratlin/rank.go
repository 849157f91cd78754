// Package ratlin is exact linear algebra over ℚ that gonum (float-only)
// cannot give: what the checks of the paper's linear systems (eq. 33–35)
// need, and no more.
package ratlin

import "math/big"

// Rank is the rank of a rational matrix (rows may be empty), by Gaussian
// elimination on a copy; A is not modified.
func Rank(A [][]*big.Rat) int {
	M := make([][]*big.Rat, len(A))
	for i, row := range A {
		M[i] = make([]*big.Rat, len(row))
		for j, v := range row {
			M[i][j] = new(big.Rat).Set(v)
		}
	}
	r := 0
	for col := 0; len(M) > 0 && col < len(M[0]) && r < len(M); col++ {
		p := r
		for p < len(M) && M[p][col].Sign() == 0 {
			p++
		}
		if p == len(M) {
			continue
		}
		M[r], M[p] = M[p], M[r]
		var t big.Rat
		for i := r + 1; i < len(M); i++ {
			f := new(big.Rat).Quo(M[i][col], M[r][col])
			for j := col; j < len(M[i]); j++ {
				M[i][j].Sub(M[i][j], t.Mul(f, M[r][j]))
			}
		}
		r++
	}
	return r
}
