package oracle

// Searching sorted rationals with a float64 filter, exactly.
//
// Rounding to the nearest float64 is monotone: s ≤ t implies fl(s) ≤ fl(t)
// (big.Rat.Float64 rounds correctly, and overflow to ±Inf keeps the order).
// So fl(v) < fl(t) proves v < t and fl(v) > fl(t) proves v > t; only equal
// floats need the exact comparison. A binary search over breakpoints then
// costs float comparisons and, at most near v, one or two big.Rat ones.

import (
	"math/big"
	"sort"
)

// Sorted is an increasing list of rationals with their nearest floats.
type Sorted struct {
	Vals []*big.Rat
	fl   []float64
}

// NewSorted prepares vals (increasing) for Search.
func NewSorted(vals []*big.Rat) *Sorted {
	s := &Sorted{Vals: vals, fl: make([]float64, len(vals))}
	for i, v := range vals {
		s.fl[i], _ = v.Float64()
	}
	return s
}

// Search returns the least i with Vals[i] ≥ v (len(Vals) if none), and
// whether Vals[i] = v.
func (s *Sorted) Search(v *big.Rat) (int, bool) {
	vf, _ := v.Float64()
	i := sort.Search(len(s.fl), func(i int) bool {
		switch {
		case s.fl[i] < vf:
			return false
		case s.fl[i] > vf:
			return true
		}
		return s.Vals[i].Cmp(v) >= 0
	})
	return i, i < len(s.Vals) && s.fl[i] == vf && s.Vals[i].Cmp(v) == 0
}
