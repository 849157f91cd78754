package lowerbound

// Exact minimum number of breakpoints of a continuous piecewise-linear
// interpolant of 1-D data.
//
// Problem. Given points (t_1, v_1), …, (t_K, v_K) with t_1 < … < t_K, find
// R = the least number of breakpoints (points where the slope changes) of a
// continuous piecewise-linear φ: ℝ → ℝ with φ(t_i) = v_i. Breakpoints may lie
// anywhere, not only at data points.
//
// Notation. s_i = (v_{i+1} − v_i)/(t_{i+1} − t_i) is the slope of chord i on
// I_i = [t_i, t_{i+1}], i = 1..K−1. The turn at an interior point t_i is
// sign(s_i − s_{i−1}) ∈ {+, −, 0} (convex, concave, straight).
//
// Algorithm (a three-state scan of the chord slopes). Keep a state S, a set of
// slopes of one of the forms {p}, [p, ∞) ("up"), (−∞, p] ("down"), and a count
// R. Start with S = {s_1}, R = 0. For each next chord slope s = s_i:
//
//	s ∈ S                 → S = {s}              (no new breakpoint)
//	s ∉ S, S lies below s → S = [s, ∞), R = R+1
//	s ∉ S, S lies above s → S = (−∞, s], R = R+1
//
// In words: R is the sum over maximal runs of b consecutive turns of the same
// nonzero sign of ⌈b/2⌉ (straight turns end a run). Two consecutive convex
// turns at t_{i−1}, t_i cost one breakpoint, placed strictly inside
// (t_{i−1}, t_i) where the lines of chords i−2 and i meet; a breakpoint only at
// data points would need two.
//
// Proof. Let φ be an interpolant and h = φ' (piecewise constant). A breakpoint
// at or outside t_1 or t_K can be removed by extending the neighbouring piece,
// so R is the least number of jumps of h inside (t_1, t_K) subject to
// ∫_{I_i} h = v_{i+1} − v_i, i.e. h has mean s_i on I_i; conversely every
// such h integrates to an interpolant. On I_i write L_i, R_i for the values of
// h just right of t_i and just left of t_{i+1}, and k_i for its number of
// jumps inside the open interval. Since the mean of h on I_i is s_i:
//
//	(a) k_i = 0 iff L_i = R_i = s_i;
//	(b) k_i = 1 is possible iff s_i lies strictly between L_i and R_i (a
//	    mean of two different values with positive weights; conversely the
//	    jump goes at t_i + |I_i|·(R_i − s_i)/(R_i − L_i));
//	(c) k_i = 2 allows any L_i, R_i (the middle value absorbs the mean).
//
// A jump exactly at t_{i+1} costs 1 iff R_i ≠ L_{i+1}. Let F_i(x) be the least
// number of jumps in (t_1, t_{i+1}) over h on [t_1, t_{i+1}) meeting the first
// i constraints with R_i = x, m_i = min F_i and S_i = argmin F_i; R = m_{K−1}
// since R_{K−1} is free. The cost of entering I_{i+1} with L_{i+1} = y is
// G(y) = min_x F_i(x) + [x ≠ y] = m_i on S_i and m_i + 1 elsewhere, so only
// (m_i, S_i) matters. For I_{i+1} with mean s, by (a)–(c):
//
//	F_{i+1}(s) = G(s)                      (k = 0; k = 1 cannot end at s; k = 2 costs ≥ m_i+2)
//	F_{i+1}(x) = 1 + min{G(y) : y on the other side of s from x}, x ≠ s (k = 1; k = 2 is no better)
//
// If s ∈ S_i then F_{i+1}(s) = m_i and every x ≠ s costs ≥ m_i + 1, so
// m_{i+1} = m_i, S_{i+1} = {s}. If s ∉ S_i, every value costs ≥ m_i + 1;
// s costs m_i + 1 (a jump at t_{i+1}); x > s costs m_i + 1 iff S_i has a
// point below s, and x < s iff S_i has a point above s. S_i is a point or a
// closed ray ending at its own chord slope, so exactly one side holds: S_{i+1}
// = [s, ∞) or (−∞, s], m_{i+1} = m_i + 1. For I_1, L_1 is free at no cost, so
// F_1(s_1) = 0 and S_1 = {s_1}. This is the scan above; by induction it
// computes m_{K−1} = R. The run form follows: from a ray state a turn of the
// ray's own sign, or a straight turn, is free and returns to a point state;
// every other nonzero turn costs 1 and enters the ray of its sign.
//
// The scan costs O(K) rational comparisons after sorting (O(K log K)).

import (
	"fmt"
	"math/big"
	"sort"

	"github.com/ftcheck/ftcheck/oracle"
)

// DataError reports malformed 1-D data: mismatched lengths or a missing
// value, naming the row (1-based; 0 when no row is at fault).
type DataError struct {
	Row int
	Msg string
}

func (e *DataError) Error() string {
	if e.Row == 0 {
		return "lowerbound: " + e.Msg
	}
	return fmt.Sprintf("lowerbound: row %d: %s", e.Row, e.Msg)
}

// Line is 1-D data sorted by T (strictly increasing), with Perm[i] the
// original 0-based row of point i.
type Line struct {
	T, V []*big.Rat
	Perm []int
}

// SortLine validates and sorts the points (t_i, v_i). Equal t's give an
// *oracle.DuplicatePointError naming both original rows (1-based).
func SortLine(t, v []*big.Rat) (*Line, error) {
	if len(t) != len(v) {
		return nil, &DataError{0, fmt.Sprintf("%d inputs but %d values", len(t), len(v))}
	}
	for i := range t {
		if t[i] == nil || v[i] == nil {
			return nil, &DataError{i + 1, "missing value"}
		}
	}
	perm := make([]int, len(t))
	sorted := true
	for i := range perm {
		perm[i] = i
		if i > 0 && t[i-1].Cmp(t[i]) >= 0 {
			sorted = false
		}
	}
	if !sorted {
		sort.SliceStable(perm, func(a, b int) bool { return t[perm[a]].Cmp(t[perm[b]]) < 0 })
	}
	ln := &Line{T: make([]*big.Rat, len(t)), V: make([]*big.Rat, len(t)), Perm: perm}
	for i, p := range perm {
		ln.T[i], ln.V[i] = t[p], v[p]
		if i > 0 && ln.T[i-1].Cmp(ln.T[i]) == 0 {
			a, b := perm[i-1]+1, p+1
			if a > b {
				a, b = b, a
			}
			return nil, &oracle.DuplicatePointError{I: a, J: b}
		}
	}
	return ln, nil
}

// Slopes returns the chord slopes s_i of sorted data, len K−1.
func (ln *Line) Slopes() []*big.Rat {
	if len(ln.T) < 2 {
		return nil
	}
	s := make([]*big.Rat, len(ln.T)-1)
	var dt big.Rat
	for i := range s {
		s[i] = new(big.Rat).Sub(ln.V[i+1], ln.V[i])
		s[i].Quo(s[i], dt.Sub(ln.T[i+1], ln.T[i]))
	}
	return s
}

// Turns returns sign(s_i − s_{i−1}) for the interior points, len K−2.
func Turns(s []*big.Rat) []int {
	if len(s) < 2 {
		return nil
	}
	d := make([]int, len(s)-1)
	for i := range d {
		d[i] = s[i+1].Cmp(s[i])
	}
	return d
}

// ray is the scan state: 0 = the point {p}, +1 = [p, ∞), −1 = (−∞, p]. The
// point p is always the last chord slope, so only the kind is stored.
type ray int

// scanTurns runs the three-state scan on the turns and reports, for each
// interior point, whether its turn costs a breakpoint (cost[i]) and whether
// it is absorbed into the breakpoint of the previous turn (merged[i]).
func scanTurns(turns []int) (cost, merged []bool) {
	cost = make([]bool, len(turns))
	merged = make([]bool, len(turns))
	state := ray(0)
	for i, d := range turns {
		switch {
		case d == 0: // s equals the point or the ray's end: free
			state = 0
		case state == 0 || int(state) != d: // s on the far side of S
			cost[i], state = true, ray(d)
		default: // s inside the ray: the previous breakpoint absorbs this turn
			merged[i], state = true, 0
		}
	}
	return cost, merged
}

// MinBreakpoints returns R, the least number of breakpoints of any
// continuous piecewise-linear function through the points (t_i, v_i), in
// any order. Errors: mismatched lengths, nil entries, equal t's (naming
// both rows).
func MinBreakpoints(t, v []*big.Rat) (int, error) {
	ln, err := SortLine(t, v)
	if err != nil {
		return 0, err
	}
	return ln.MinBreakpoints(), nil
}

// MinBreakpoints is R for sorted data.
func (ln *Line) MinBreakpoints() int {
	cost, _ := scanTurns(Turns(ln.Slopes()))
	r := 0
	for _, c := range cost {
		if c {
			r++
		}
	}
	return r
}
