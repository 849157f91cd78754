package lowerbound

// Exact m* of a 2-layer net for small 1-D data: decide whether R units
// suffice (else R+1 do, certificate.go).
//
// A net with R units g(t) = b + Σ_j δ_j (±(t − β_j))_+ fits data with R
// breakpoints only if all R kinks lie in [t_1, t_K] (a kink outside acts
// affinely on the data, leaving R−1 kinks for R breakpoints). Enumerate, for
// each unit, the data interval [t_a, t_{a+1}] holding its kink (a multiset:
// units are interchangeable), its orientation and the sign of δ_j. With
// c_j = δ_j β_j the unit's value at a data point is linear in (δ_j, c_j):
//
//	right-facing: δ_j t_i − c_j if t_i ≥ t_{a+1}, 0 if t_i ≤ t_a;
//	left-facing:  c_j − δ_j t_i if t_i ≤ t_a,     0 if t_i ≥ t_{a+1};
//
// and β_j ∈ [t_a, t_{a+1}] is σ_j(c_j − δ_j t_a) ≥ 0, σ_j(δ_j t_{a+1} − c_j) ≥ 0
// with σ_j δ_j ≥ 0 (σ_j the chosen sign; δ_j = 0 is a dead unit, still a net
// with R units). So each case is an exact linear feasibility problem
// (lp.go), and R units suffice iff some case is feasible. Every case covers
// every net with its kinks in those intervals, so infeasibility of all cases
// proves m* = R+1. A feasible case gives the net, which the oracle verifies.
//
// Cost: C(K−2+R, R)·4^R small LPs, so this is for K ≤ 6 or so.

import (
	"math/big"
	"sort"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// TwoLayerExact1D decides m* of a 2-layer net exactly for 1-D data whose R
// is at most maxR (an error otherwise): Lo = Hi = m*, with a verified net.
func TwoLayerExact1D(t, z []*big.Rat, maxR int) (*Interval, error) {
	iv, err := TwoLayerMin1D(t, z)
	if err != nil || iv.Decided {
		return iv, err
	}
	if iv.Breaks > maxR {
		return nil, &DataError{0, "R is too large for the exact 2-layer decision"}
	}
	ln, _ := SortLine(t, z)
	if net := searchRUnits(ln, iv.Breaks); net != nil {
		if _, err := instance.OnLine(ln.T, ln.V).Verify(net); err != nil {
			return nil, &DataError{0, "internal: the exact R-unit net does not verify: " + err.Error()}
		}
		iv.Net, iv.Hi, iv.HiWhy = net, iv.Breaks, "R units: found by the exact case analysis"
	} else {
		iv.Lo, iv.LoWhy = iv.Breaks+1, "R+1: every placement, orientation and sign of R units is infeasible (exact LPs)"
	}
	iv.Decided = true
	return iv, nil
}

// searchRUnits returns an R-unit net through the data, or nil if none exists.
// Two exact filters skip hopeless cases: every data point with a nonzero
// turn needs a kink in (t_{i−1}, t_{i+1}) (else φ is affine across it), so
// some unit's interval is i−1 or i; and a placement and orientation whose
// equalities alone are inconsistent is infeasible for every sign. When the
// equalities fix δ_j, only its own sign is tried (a fixed δ_j = 0 is a dead
// unit: either sign, so +).
func searchRUnits(ln *Line, R int) *oracle.Network {
	K := len(ln.T)
	turns := Turns(ln.Slopes())
	if net := canonicalFirst(ln, R); net != nil {
		return net
	}
	slot := make([]int, R)
	var rec func(j, from int) *oracle.Network
	rec = func(j, from int) *oracle.Network {
		if j == R {
			if !coversTurns(turns, slot) {
				return nil
			}
			return trySlots(ln, slot)
		}
		for a := from; a < K-1; a++ {
			slot[j] = a
			if net := rec(j+1, a); net != nil {
				return net
			}
		}
		return nil
	}
	return rec(0, 0)
}

// canonicalFirst tries first the intervals where the interpolant of
// interpolant.go has its breakpoints (a breakpoint at data point t_i in either
// neighbouring interval): usually where a net with R units is found.
func canonicalFirst(ln *Line, R int) *oracle.Network {
	br, _, _ := shape(ln.MinInterpolant())
	if len(br) != R || R > 12 {
		return nil
	}
	var opts [][]int
	for _, b := range br {
		i := sort.Search(len(ln.T), func(i int) bool { return ln.T[i].Cmp(b) >= 0 })
		switch {
		case ln.T[i].Cmp(b) == 0:
			opts = append(opts, []int{i - 1, i})
		default:
			opts = append(opts, []int{i - 1})
		}
	}
	slot := make([]int, R)
	var rec func(j int) *oracle.Network
	rec = func(j int) *oracle.Network {
		if j == R {
			return trySlots(ln, slot)
		}
		for _, a := range opts[j] {
			slot[j] = a
			if net := rec(j + 1); net != nil {
				return net
			}
		}
		return nil
	}
	return rec(0)
}

// trySlots tries every orientation and sign for units in the given intervals.
func trySlots(ln *Line, slot []int) *oracle.Network {
	R := len(slot)
	for orient := 0; orient < 1<<R; orient++ {
		fixed, ok := equalitiesSolve(ln, slot, orient)
		if !ok {
			continue
		}
		for signs := 0; signs < 1<<R; signs++ {
			if !signsAgree(signs, fixed) {
				continue
			}
			if net := tryCase(ln, slot, orient|signs<<R); net != nil {
				return net
			}
		}
	}
	return nil
}

// coversTurns: every nonzero turn at data point i (turns[i−1]) has a unit in
// interval i−1 or i.
func coversTurns(turns []int, slot []int) bool {
	for k, d := range turns {
		i := k + 1
		if d == 0 {
			continue
		}
		ok := false
		for _, a := range slot {
			if a == i-1 || a == i {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// equalitiesSolve runs the interpolation equalities of a case (any sign)
// through Gauss–Jordan elimination: ok = consistent; fixed[j] = ±1 when the
// equalities force the sign of δ_j (+1 when they force δ_j = 0), 0 when δ_j
// is free.
func equalitiesSolve(ln *Line, slot []int, orient int) (fixed []int, ok bool) {
	Aeq, beq := caseEqualities(ln, slot, orient)
	R, n := len(slot), 2*len(slot)+1
	rows := make([][]*big.Rat, len(Aeq))
	for i := range Aeq {
		rows[i] = append(copyRats(Aeq[i]), new(big.Rat).Set(beq[i]))
	}
	pivotRow, ok := gaussJordan(rows, n)
	if !ok {
		return nil, false
	}
	fixed = make([]int, R)
	for j := 0; j < R; j++ {
		r, isPivot := pivotRow[1+j]
		if !isPivot {
			continue
		}
		free := false
		for c := 0; c < n; c++ {
			if _, p := pivotRow[c]; !p && rows[r][c].Sign() != 0 {
				free = true
				break
			}
		}
		if !free {
			fixed[j] = 1
			if rows[r][n].Sign() < 0 {
				fixed[j] = -1
			}
		}
	}
	return fixed, true
}

// signsAgree: bit j of signs set means δ_j ≥ 0; fixed signs must match.
func signsAgree(signs int, fixed []int) bool {
	for j, f := range fixed {
		pos := signs>>j&1 == 1
		if (f == 1 && !pos) || (f == -1 && pos) {
			return false
		}
	}
	return true
}

// gaussJordan reduces the augmented rows (n unknowns) to reduced row echelon
// form in place; it returns the pivot row of each pivot column and whether
// the system is consistent.
func gaussJordan(rows [][]*big.Rat, n int) (map[int]int, bool) {
	var tmp big.Rat
	pivot := map[int]int{}
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
		inv := new(big.Rat).Inv(rows[rank][col])
		for c := col; c <= n; c++ {
			rows[rank][c].Mul(rows[rank][c], inv)
		}
		for i := range rows {
			if i == rank || rows[i][col].Sign() == 0 {
				continue
			}
			f := new(big.Rat).Set(rows[i][col])
			for c := col; c <= n; c++ {
				rows[i][c].Sub(rows[i][c], tmp.Mul(f, rows[rank][c]))
			}
		}
		pivot[col] = rank
		rank++
	}
	for i := rank; i < len(rows); i++ {
		if rows[i][n].Sign() != 0 {
			return nil, false
		}
	}
	return pivot, true
}

func copyRats(v []*big.Rat) []*big.Rat {
	out := make([]*big.Rat, len(v))
	for i, x := range v {
		out[i] = new(big.Rat).Set(x)
	}
	return out
}

// caseEqualities are the data equations of a case: one row per data point
// over x = (b, δ_1..δ_R, c_1..c_R).
func caseEqualities(ln *Line, slot []int, orient int) ([][]*big.Rat, []*big.Rat) {
	R, K := len(slot), len(ln.T)
	var Aeq [][]*big.Rat
	var beq []*big.Rat
	for i := 0; i < K; i++ {
		r := oracle.Zeros(2*R + 1)
		r[0].SetInt64(1)
		for j, a := range slot {
			switch right := orient>>j&1 == 1; {
			case right && i >= a+1:
				r[1+j].Set(ln.T[i])
				r[1+R+j].SetInt64(-1)
			case !right && i <= a:
				r[1+j].Neg(ln.T[i])
				r[1+R+j].SetInt64(1)
			}
		}
		Aeq, beq = append(Aeq, r), append(beq, ln.V[i])
	}
	return Aeq, beq
}

// tryCase sets up and solves one case: unit j has its kink in
// [t_slot[j], t_slot[j]+1], faces right iff bit j of mask, and has δ_j ≥ 0
// iff bit R+j. Variables x = (b, δ_1..δ_R, c_1..c_R).
func tryCase(ln *Line, slot []int, mask int) *oracle.Network {
	R := len(slot)
	n := 2*R + 1
	right := func(j int) bool { return mask>>j&1 == 1 }
	sign := func(j int) int64 {
		if mask>>(R+j)&1 == 1 {
			return 1
		}
		return -1
	}
	row := func() []*big.Rat { return oracle.Zeros(n) }
	Aeq, beq := caseEqualities(ln, slot, mask&(1<<R-1))
	var G [][]*big.Rat
	var h []*big.Rat
	for j, a := range slot {
		s := big.NewRat(sign(j), 1)
		r := row()
		r[1+j].Set(s)
		G, h = append(G, r), append(h, new(big.Rat))
		r = row() // σ(c − δ t_a) ≥ 0
		r[1+R+j].Set(s)
		r[1+j].Neg(new(big.Rat).Mul(s, ln.T[a]))
		G, h = append(G, r), append(h, new(big.Rat))
		r = row() // σ(δ t_{a+1} − c) ≥ 0
		r[1+j].Mul(s, ln.T[a+1])
		r[1+R+j].Neg(s)
		G, h = append(G, r), append(h, new(big.Rat))
	}
	x := feasibleLP(Aeq, beq, G, h, n)
	if x == nil {
		return nil
	}
	return caseNet(x, R, right)
}

// caseNet builds the net of an LP solution: unit j is σ(±(t − β_j)) with
// β_j = c_j/δ_j and weight δ_j (dead units get weight 0 at β = 0).
func caseNet(x []*big.Rat, R int, right func(int) bool) *oracle.Network {
	l1 := oracle.Layer{}
	l2 := oracle.Layer{W: [][]*big.Rat{{}}, B: []*big.Rat{x[0]}}
	for j := 0; j < R; j++ {
		d, c := x[1+j], x[1+R+j]
		beta := new(big.Rat)
		if d.Sign() != 0 {
			beta.Quo(c, d)
		}
		if right(j) {
			l1.W = append(l1.W, []*big.Rat{big.NewRat(1, 1)})
			l1.B = append(l1.B, new(big.Rat).Neg(beta))
		} else {
			l1.W = append(l1.W, []*big.Rat{big.NewRat(-1, 1)})
			l1.B = append(l1.B, beta)
		}
		l2.W[0] = append(l2.W[0], d)
	}
	if R == 0 {
		return &oracle.Network{Layers: []oracle.Layer{{W: [][]*big.Rat{{new(big.Rat)}}, B: []*big.Rat{x[0]}}}}
	}
	return &oracle.Network{Layers: []oracle.Layer{l1, l2}}
}
