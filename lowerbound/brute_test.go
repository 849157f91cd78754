package lowerbound

// An independent, slow model of the minimum breakpoint count: try every set
// of r breakpoint positions from a finite candidate set and decide exactly, by
// Gaussian elimination over ℚ, whether some φ(t) = c0 + c1·t + Σ d_j (t − β_j)_+
// passes through the data. Candidates: the data points and every meeting
// point of two lines through pairs of data points. It shares no code with the
// scan. Feasible at r proves R ≤ r; infeasibility within the candidates is
// evidence (not proof) that R > r, and the proof in breakpoints.go covers
// the rest.

import (
	"math/big"
	"sort"
)

// candidates returns sorted distinct positions in [t_1, t_K].
func candidates(ln *Line) []*big.Rat {
	K := len(ln.T)
	var pos []*big.Rat
	pos = append(pos, ln.T...)
	type line struct{ a, b *big.Rat } // y = a t + b
	var lines []line
	for i := 0; i < K; i++ {
		for j := i + 1; j < K; j++ {
			a := new(big.Rat).Sub(ln.V[j], ln.V[i])
			a.Quo(a, new(big.Rat).Sub(ln.T[j], ln.T[i]))
			b := new(big.Rat).Sub(ln.V[i], new(big.Rat).Mul(a, ln.T[i]))
			lines = append(lines, line{a, b})
		}
	}
	for i := range lines {
		for j := i + 1; j < len(lines); j++ {
			da := new(big.Rat).Sub(lines[i].a, lines[j].a)
			if da.Sign() == 0 {
				continue
			}
			x := new(big.Rat).Sub(lines[j].b, lines[i].b)
			x.Quo(x, da)
			if x.Cmp(ln.T[0]) > 0 && x.Cmp(ln.T[K-1]) < 0 {
				pos = append(pos, x)
			}
		}
	}
	sort.Slice(pos, func(i, j int) bool { return pos[i].Cmp(pos[j]) < 0 })
	out := pos[:0]
	for i, p := range pos {
		if i == 0 || p.Cmp(out[len(out)-1]) != 0 {
			out = append(out, p)
		}
	}
	return out
}

// feasible reports whether some φ with breakpoints ⊆ B interpolates the data.
func feasible(ln *Line, B []*big.Rat) bool {
	K, n := len(ln.T), len(B)+2
	rows := make([][]*big.Rat, K)
	for i := range rows {
		r := make([]*big.Rat, n+1)
		r[0], r[1] = big.NewRat(1, 1), new(big.Rat).Set(ln.T[i])
		for j, b := range B {
			d := new(big.Rat).Sub(ln.T[i], b)
			if d.Sign() < 0 {
				d.SetInt64(0)
			}
			r[2+j] = d
		}
		r[n] = new(big.Rat).Set(ln.V[i])
		rows[i] = r
	}
	return consistent(rows, n)
}

// consistent runs Gaussian elimination on the augmented rows (n unknowns).
func consistent(rows [][]*big.Rat, n int) bool {
	var tmp big.Rat
	rank := 0
	for col := 0; col < n && rank < len(rows); col++ {
		p := -1
		for i := rank; i < len(rows); i++ {
			if rows[i][col].Sign() != 0 {
				p = i
				break
			}
		}
		if p < 0 {
			continue
		}
		rows[rank], rows[p] = rows[p], rows[rank]
		for i := rank + 1; i < len(rows); i++ {
			if rows[i][col].Sign() == 0 {
				continue
			}
			f := new(big.Rat).Quo(rows[i][col], rows[rank][col])
			for c := col; c <= n; c++ {
				rows[i][c].Sub(rows[i][c], tmp.Mul(f, rows[rank][c]))
			}
		}
		rank++
	}
	for i := rank; i < len(rows); i++ {
		if rows[i][n].Sign() != 0 {
			return false
		}
	}
	return true
}

// bruteFeasible reports whether r breakpoints from the candidates suffice.
func bruteFeasible(ln *Line, r int) bool {
	cand := candidates(ln)
	if r > len(cand) {
		r = len(cand)
	}
	idx := make([]int, r)
	var rec func(k, from int) bool
	rec = func(k, from int) bool {
		if k == r {
			B := make([]*big.Rat, r)
			for i, j := range idx {
				B[i] = cand[j]
			}
			return feasible(ln, B)
		}
		for j := from; j < len(cand); j++ {
			idx[k] = j
			if rec(k+1, j+1) {
				return true
			}
		}
		return false
	}
	return rec(0, 0)
}

// bruteMin is the least r ≤ K−2 feasible within the candidates.
func bruteMin(ln *Line) int {
	for r := 0; ; r++ {
		if bruteFeasible(ln, r) {
			return r
		}
	}
}

// runFormula is the closed form of the scan, written separately: the sum
// over maximal runs of b equal nonzero turns of ⌈b/2⌉.
func runFormula(ln *Line) int {
	turns := Turns(ln.Slopes())
	total, run, sign := 0, 0, 0
	for _, d := range append(turns, 0) {
		if d != 0 && d == sign {
			run++
			continue
		}
		total += (run + 1) / 2
		run, sign = 0, d
		if d != 0 {
			run = 1
		}
	}
	return total
}

// dataPointsOnly is a planted bug: breakpoints only at data points, i.e. one
// per nonzero turn.
func dataPointsOnly(ln *Line) int {
	n := 0
	for _, d := range Turns(ln.Slopes()) {
		if d != 0 {
			n++
		}
	}
	return n
}
