package oracle_test

import (
	"math/big"
	"testing"

	"github.com/ftcheck/ftcheck/oracle"
	"pgregory.net/rapid"
)

// TestLineEvaluatorEqualsComposed: the evaluator built from φ's pieces
// gives, on every row, what Eval of the composed network x ↦ φ(aᵀx) gives.
func TestLineEvaluatorEqualsComposed(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		phi := drawNet(t, 1)
		d := rapid.IntRange(1, 3).Draw(t, "d")
		a := rapid.SliceOfN(anyRat(), d, d).Filter(func(a []*big.Rat) bool {
			for _, v := range a {
				if v.Sign() != 0 {
					return true
				}
			}
			return false
		}).Draw(t, "a")
		g := phi.Clone()
		for r, row := range g.Layers[0].W {
			nr := make([]*big.Rat, d)
			for k := range a {
				nr[k] = new(big.Rat).Mul(row[0], a[k])
			}
			g.Layers[0].W[r] = nr
		}
		X := drawRows(t, d)
		ev := oracle.NewLineEvaluator(a, phi.Restrict(oracle.Zeros(1), oracle.Rats(1)))
		for i, v := range ev.EvalAll(X) {
			if want := g.Eval(X[i]); v.Cmp(want) != 0 {
				t.Fatalf("row %d: %s, composed network gives %s", i+1, v.RatString(), want.RatString())
			}
			if w := ev.Eval(X[i]); w.Cmp(v) != 0 {
				t.Fatalf("row %d: Eval %s, EvalAll %s", i+1, w.RatString(), v.RatString())
			}
		}
	})
}
