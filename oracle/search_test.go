package oracle

import (
	"math/big"
	"slices"
	"sort"
	"testing"

	"pgregory.net/rapid"
)

// TestSortedSearchExact: Search agrees with a big.Rat binary search, also
// for values a float cannot tell apart (rationals 2⁻⁸⁰ apart, equal floats)
// and for values beyond float64's range.
func TestSortedSearchExact(t *testing.T) {
	tiny := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Lsh(big.NewInt(1), 80))
	huge := new(big.Rat).SetInt(new(big.Int).Lsh(big.NewInt(1), 1100))
	gen := rapid.Custom(func(t *rapid.T) *big.Rat {
		v := big.NewRat(rapid.Int64Range(-50, 50).Draw(t, "n"), rapid.Int64Range(1, 7).Draw(t, "d"))
		switch rapid.IntRange(0, 3).Draw(t, "kind") {
		case 1:
			v.Add(v, tiny)
		case 2:
			v.Sub(v, tiny)
		case 3:
			if rapid.Bool().Draw(t, "neg") {
				v.Sub(v, huge)
			} else {
				v.Add(v, huge)
			}
		}
		return v
	})
	rapid.Check(t, func(t *rapid.T) {
		vals := rapid.SliceOf(gen).Draw(t, "vals")
		slices.SortFunc(vals, func(a, b *big.Rat) int { return a.Cmp(b) })
		vals = slices.CompactFunc(vals, func(a, b *big.Rat) bool { return a.Cmp(b) == 0 })
		s := NewSorted(vals)
		v := gen.Draw(t, "v")
		want := sort.Search(len(vals), func(i int) bool { return vals[i].Cmp(v) >= 0 })
		got, eq := s.Search(v)
		if got != want || eq != (want < len(vals) && vals[want].Cmp(v) == 0) {
			t.Fatalf("Search(%s) = %d, %v; want %d", v.RatString(), got, eq, want)
		}
	})
}
