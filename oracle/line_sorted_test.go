package oracle

import (
	"math/big"
	"math/rand/v2"
	"sort"
	"testing"
)

// TestEvalSortedMatchesEval: evalSorted at sorted points (the function's
// own breakpoints, points between them, several in one piece, and on both
// rays) gives exactly Eval's values, on random piecewise-linear functions
// with 0 to 12 breakpoints and wide rationals.
func TestEvalSortedMatchesEval(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	wide := func() *big.Rat {
		num := new(big.Int)
		for range 1 + r.IntN(4) { // up to 256 bits
			num.Lsh(num, 64).Add(num, new(big.Int).SetUint64(r.Uint64()>>uint(r.IntN(64))))
		}
		if r.IntN(2) == 0 {
			num.Neg(num)
		}
		return new(big.Rat).SetFrac(num, big.NewInt(1+r.Int64N(1<<40)))
	}
	for trial := 0; trial < 500; trial++ {
		n := r.IntN(13)
		pts := make([]*big.Rat, 0, n)
		for len(pts) < n {
			pts = append(pts, wide())
		}
		pts = sortUnique(pts)
		f := &PiecewiseLinear{Points: pts, Left: wide(), Right: wide()}
		for range pts {
			f.Values = append(f.Values, wide())
		}
		if len(pts) == 0 {
			f.Points, f.Values = []*big.Rat{new(big.Rat)}, []*big.Rat{wide()}
		}
		ts := append([]*big.Rat{}, f.Points...)
		for range r.IntN(30) {
			ts = append(ts, wide())
		}
		sort.Slice(ts, func(i, j int) bool { return ts[i].Cmp(ts[j]) < 0 })
		got := f.evalSorted(ts)
		for k, tk := range ts {
			if want := f.Eval(tk); got[k].Cmp(want) != 0 {
				t.Fatalf("trial %d: at %s: %s, want %s", trial, tk, got[k], want)
			}
		}
		for k := range got { // fresh values: changing one changes no other, nor f
			for q := range k {
				if got[k] == got[q] {
					t.Fatalf("trial %d: values %d and %d share storage", trial, q, k)
				}
			}
		}
	}
}
