package construction

import (
	"math/big"
	"testing"
)

// paperBump is σB exactly as Sec. 5.2 writes it, piece by piece:
// 0 off [c−δ, c+δ], (h/δ)(t − c + δ) on [c−δ, c), −(h/δ)(t − c − δ) on [c, c+δ).
func paperBump(c, delta, h, t *big.Rat) *big.Rat {
	lo := new(big.Rat).Sub(c, delta)
	hi := new(big.Rat).Add(c, delta)
	slope := new(big.Rat).Quo(h, delta)
	switch {
	case t.Cmp(lo) < 0 || t.Cmp(hi) >= 0:
		return new(big.Rat)
	case t.Cmp(c) < 0:
		return slope.Mul(slope, new(big.Rat).Sub(t, lo))
	default:
		return slope.Mul(slope.Neg(slope), new(big.Rat).Sub(t, hi))
	}
}

// TestBumpIsPaperSigmaB: the 3-ReLU gadget equals the paper's σB at every
// point of a fine grid around several centres, widths and heights (including
// negative heights and the breakpoints themselves), so σB is continuous and
// costs 3 ReLUs; the gadget one ReLU short differs somewhere.
func TestBumpIsPaperSigmaB(t *testing.T) {
	for _, c := range []*big.Rat{big.NewRat(0, 1), big.NewRat(1, 2), big.NewRat(-3, 1)} {
		for _, delta := range []*big.Rat{big.NewRat(1, 1), big.NewRat(1, 7)} {
			for _, h := range []*big.Rat{big.NewRat(1, 1), big.NewRat(-5, 3)} {
				g := Bump(c, delta, h)
				if g.Cost() != 3 {
					t.Fatalf("σB costs %d ReLUs, the paper counts 3", g.Cost())
				}
				short, differs := gadgetDropLast(g), false
				for n := -60; n <= 60; n++ {
					x := new(big.Rat).Add(c, new(big.Rat).Mul(delta, big.NewRat(int64(n), 24)))
					want := paperBump(c, delta, h, x)
					if got := g.Apply(x); got.Cmp(want) != 0 {
						t.Fatalf("σB(c=%s δ=%s h=%s)(%s) = %s, paper %s", c, delta, h, x, got, want)
					}
					differs = differs || short.Apply(x).Cmp(want) != 0
				}
				if !differs {
					t.Fatal("the gadget one ReLU short agrees with σB everywhere")
				}
			}
		}
	}
}
