package construction

// An exact direction a with pairwise distinct projections aᵀx_i (eq. 11).
//
// Theorem 4.4 needs a ∈ ℚ^d with aᵀx_1, …, aᵀx_K pairwise distinct; the paper
// only says one exists. We find one deterministically, small integers first.
//
// Moment curve. Try a(s) = (1, s, s², …, s^{d−1}) for s = 0, 1, 2, … For a
// pair i ≠ j, p_ij(s) = a(s)ᵀ(x_i − x_j) = Σ_k (x_i − x_j)_k s^{k−1} is a
// polynomial in s of degree ≤ d−1, and it is not the zero polynomial because
// its coefficients are the coordinates of x_i − x_j ≠ 0. So p_ij has at most
// d−1 roots, and the C(K,2) pairs rule out at most (d−1)·K(K−1)/2 values of s:
// some integer s ≤ (d−1)·K(K−1)/2 separates every pair (for d ≤ 3 this is
// ≤ K², and for d = 1, s = 0 always works). This is a proof of existence, not
// luck: the search visits s in order and returns the least s that works.
//
// Each try costs a sort of K projections, and an adversary can place points
// so that every small s collides (d = 2: x = (0,0) and (s,−1) collide at s).
// After MomentTries values we stop and use a direction that separates by
// construction. Lexicographic direction: let δ > 0 be the least positive gap
// between two values of one coordinate, over all coordinates, and D the
// largest spread max_i x_ik − min_i x_ik. With ε = δ/(D+2δ) and
// a = (1, ε, …, ε^{d−1}), take i ≠ j whose first differing coordinate is k:
// |Δ_k| ≥ δ, and the later coordinates add at most
// D·(ε + ε² + …) = D·ε/(1−ε) = D·δ/(D+δ) < δ in absolute value, after
// dividing by ε^{k−1}; so aᵀx_i ≠ aᵀx_j (a orders the points
// lexicographically). Its entries are larger, which is why it comes second.

import (
	"fmt"
	"math/big"
	"sort"

	"github.com/ftcheck/ftcheck/oracle"
)

// MomentTries is how many values s = 0, 1, … the moment-curve search tries
// before it falls back to the lexicographic direction.
const MomentTries = 64

// Projection is a direction with pairwise distinct projections of the samples.
type Projection struct {
	A      []*big.Rat // the direction a
	S      int64      // a = (1, S, …, S^{d−1}) when Method is "moment"
	Method string     // "moment" or "lexicographic"
	Values []*big.Rat // aᵀx_i, by row
	Order  []int      // rows by increasing aᵀx: Values[Order[0]] < Values[Order[1]] < …
}

// DimensionError reports a row whose dimension differs from row 1 (1-based;
// Row 0 is a direction a of the wrong length).
type DimensionError struct {
	Row, Got, Want int
}

func (e *DimensionError) Error() string {
	if e.Row == 0 {
		return fmt.Sprintf("direction a has %d coordinates, the samples have %d", e.Got, e.Want)
	}
	return fmt.Sprintf("row %d has %d coordinates, row 1 has %d", e.Row, e.Got, e.Want)
}

// Separate returns a direction separating the rows of X exactly (see the file
// comment). Equal rows give an *oracle.DuplicatePointError naming both,
// ragged rows a *DimensionError.
func Separate(X [][]*big.Rat) (*Projection, error) {
	if len(X) == 0 {
		return nil, fmt.Errorf("construction: no samples to project")
	}
	d := len(X[0])
	for i, x := range X {
		if len(x) != d || d == 0 {
			return nil, &DimensionError{Row: i + 1, Got: len(x), Want: d}
		}
	}
	if err := oracle.CheckDistinct(X); err != nil {
		return nil, err
	}
	return separate(X), nil
}

// separate is Separate on rows already known to be distinct and rectangular.
func separate(X [][]*big.Rat) *Projection {
	d := len(X[0])
	for s := int64(0); s < MomentTries; s++ {
		if p := tryDirection(X, Moment(d, big.NewRat(s, 1))); p != nil {
			p.S, p.Method = s, "moment"
			return p
		}
	}
	p := tryDirection(X, Moment(d, lexEpsilon(X)))
	if p == nil {
		panic("construction: lexicographic direction failed to separate distinct points")
	}
	p.Method = "lexicographic"
	return p
}

// Moment returns (1, s, s², …, s^{d−1}).
func Moment(d int, s *big.Rat) []*big.Rat {
	a := make([]*big.Rat, d)
	a[0] = big.NewRat(1, 1)
	for k := 1; k < d; k++ {
		a[k] = new(big.Rat).Mul(a[k-1], s)
	}
	return a
}

// tryDirection projects X on a and returns the projection if the values are
// pairwise distinct, nil otherwise.
func tryDirection(X [][]*big.Rat, a []*big.Rat) *Projection {
	vals := make([]*big.Rat, len(X))
	var t big.Rat
	for i, x := range X {
		v := new(big.Rat)
		for k, c := range a {
			if c.Sign() != 0 && x[k].Sign() != 0 {
				v.Add(v, t.Mul(c, x[k]))
			}
		}
		vals[i] = v
	}
	order := make([]int, len(X))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return vals[order[i]].Cmp(vals[order[j]]) < 0 })
	for i := 1; i < len(order); i++ {
		if vals[order[i-1]].Cmp(vals[order[i]]) == 0 {
			return nil
		}
	}
	return &Projection{A: a, Values: vals, Order: order}
}

// lexEpsilon is ε = δ/(D+2δ) of the file comment.
func lexEpsilon(X [][]*big.Rat) *big.Rat {
	var delta, spread *big.Rat
	col := make([]*big.Rat, len(X))
	for k := range X[0] {
		for i := range X {
			col[i] = X[i][k]
		}
		sort.Slice(col, func(i, j int) bool { return col[i].Cmp(col[j]) < 0 })
		sp := new(big.Rat).Sub(col[len(col)-1], col[0])
		if spread == nil || sp.Cmp(spread) > 0 {
			spread = sp
		}
		for i := 1; i < len(col); i++ {
			gap := new(big.Rat).Sub(col[i], col[i-1])
			if gap.Sign() > 0 && (delta == nil || gap.Cmp(delta) < 0) {
				delta = gap
			}
		}
	}
	if delta == nil { // a single point: any direction separates
		return big.NewRat(1, 1)
	}
	den := new(big.Rat).Add(spread, delta)
	den.Add(den, delta)
	return den.Quo(delta, den)
}
