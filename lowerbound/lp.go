package lowerbound

// Exact linear feasibility: is there x ∈ ℚⁿ (free) with Aeq·x = beq and
// G·x ≥ h? Used by the exact 2-layer decision (exact2.go).
//
// Method: the textbook phase-1 simplex in exact rationals. Write x = x⁺ − x⁻
// with x⁺, x⁻ ≥ 0, turn G·x ≥ h into G·x − s = h with s ≥ 0, flip rows to
// make right-hand sides non-negative, add one artificial variable per row and
// minimise their sum. The system is feasible iff that minimum is 0. Bland's
// rule (least index entering and leaving) prevents cycling, and exact
// arithmetic makes "is 0" a plain comparison.

import "math/big"

// feasibleLP returns some x with Aeq x = beq, G x ≥ h, or nil if none exists.
func feasibleLP(Aeq [][]*big.Rat, beq []*big.Rat, G [][]*big.Rat, h []*big.Rat, n int) []*big.Rat {
	rows := len(Aeq) + len(G)
	// Columns: x⁺ (n), x⁻ (n), slacks (len(G)), artificials (rows), rhs.
	cols := 2*n + len(G) + rows
	T := make([][]*big.Rat, rows+1)
	for i := range T {
		T[i] = make([]*big.Rat, cols+1)
		for j := range T[i] {
			T[i][j] = new(big.Rat)
		}
	}
	put := func(i int, coef []*big.Rat, rhs *big.Rat, slack int) {
		for j := 0; j < n; j++ {
			T[i][j].Set(coef[j])
			T[i][n+j].Neg(coef[j])
		}
		if slack >= 0 {
			T[i][2*n+slack].SetInt64(-1)
		}
		T[i][cols].Set(rhs)
		if rhs.Sign() < 0 {
			for j := 0; j <= cols; j++ {
				T[i][j].Neg(T[i][j])
			}
		}
		T[i][2*n+len(G)+i].SetInt64(1)
	}
	for i := range Aeq {
		put(i, Aeq[i], beq[i], -1)
	}
	for k := range G {
		put(len(Aeq)+k, G[k], h[k], k)
	}
	basis := make([]int, rows)
	obj := T[rows] // minimise Σ artificials: reduced costs = −Σ rows
	for i := 0; i < rows; i++ {
		basis[i] = 2*n + len(G) + i
		for j := 0; j <= cols; j++ {
			if j < 2*n+len(G) || j == cols {
				obj[j].Sub(obj[j], T[i][j])
			}
		}
	}
	simplex(T, basis, cols)
	if obj[cols].Sign() != 0 {
		return nil
	}
	x := make([]*big.Rat, n)
	for j := range x {
		x[j] = new(big.Rat)
	}
	for i, b := range basis {
		switch {
		case b < n:
			x[b].Add(x[b], T[i][cols])
		case b < 2*n:
			x[b-n].Sub(x[b-n], T[i][cols])
		}
	}
	return x
}

// simplex pivots the tableau T (last row the objective's reduced costs, last
// column the right-hand side) to optimality with Bland's rule.
func simplex(T [][]*big.Rat, basis []int, cols int) {
	rows := len(basis)
	obj := T[rows]
	var ratio, best, tmp big.Rat
	for {
		enter := -1
		for j := 0; j < cols; j++ {
			if obj[j].Sign() < 0 {
				enter = j
				break
			}
		}
		if enter < 0 {
			return
		}
		leave := -1
		for i := 0; i < rows; i++ {
			if T[i][enter].Sign() <= 0 {
				continue
			}
			ratio.Quo(T[i][cols], T[i][enter])
			if c := ratio.Cmp(&best); leave < 0 || c < 0 || (c == 0 && basis[i] < basis[leave]) {
				leave = i
				best.Set(&ratio)
			}
		}
		if leave < 0 {
			return // unbounded; cannot happen for phase 1 (objective ≥ 0)
		}
		p := new(big.Rat).Set(T[leave][enter])
		for j := 0; j <= cols; j++ {
			T[leave][j].Quo(T[leave][j], p)
		}
		for i := 0; i <= rows; i++ {
			if i == leave || T[i][enter].Sign() == 0 {
				continue
			}
			f := new(big.Rat).Set(T[i][enter])
			for j := 0; j <= cols; j++ {
				if T[leave][j].Sign() != 0 {
					T[i][j].Sub(T[i][j], tmp.Mul(f, T[leave][j]))
				}
			}
		}
		basis[leave] = enter
	}
}
