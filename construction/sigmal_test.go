package construction

import (
	"math/big"
	"testing"
)

// sigmaLPaper is the paper's σL where it is defined unambiguously: t for
// |t| < 1, 0 for |t| > 1 (ok = false at t = ±1, where its two cases disagree).
func sigmaLPaper(t *big.Rat) (v *big.Rat, ok bool) {
	a := new(big.Rat).Abs(t)
	switch a.Cmp(big.NewRat(1, 1)) {
	case -1:
		return new(big.Rat).Set(t), true
	case 1:
		return new(big.Rat), true
	}
	return nil, false
}

// TestSigmaLAgreesOutsideRamps: the 4-ReLU σL_δ equals the paper's σL on
// |t| ≤ 1 (value t, including ±1 where the paper's first case applies) and
// on |t| ≥ 1+δ (value 0), and is the linear ramp in between.
func TestSigmaLAgreesOutsideRamps(t *testing.T) {
	for _, delta := range []*big.Rat{big.NewRat(1, 1), big.NewRat(1, 4)} {
		g := SigmaL(delta)
		if g.Cost() != 4 {
			t.Fatalf("σL costs %d ReLUs, the paper counts 4", g.Cost())
		}
		top := new(big.Rat).Add(big.NewRat(1, 1), delta)
		for n := -48; n <= 48; n++ {
			x := big.NewRat(int64(n), 16)
			got := g.Apply(x)
			a := new(big.Rat).Abs(x)
			switch {
			case a.Cmp(big.NewRat(1, 1)) <= 0:
				if got.Cmp(x) != 0 {
					t.Fatalf("σL(%s) = %s, want %s", x, got, x)
				}
			case a.Cmp(top) >= 0:
				if want, _ := sigmaLPaper(x); got.Cmp(want) != 0 {
					t.Fatalf("σL(%s) = %s, want 0", x, got)
				}
			default: // ramp: (1+δ−|t|)/δ·sgn t
				want := new(big.Rat).Sub(top, a)
				want.Quo(want, delta)
				if x.Sign() < 0 {
					want.Neg(want)
				}
				if got.Cmp(want) != 0 {
					t.Fatalf("σL(%s) = %s on the ramp, want %s", x, got, want)
				}
			}
		}
	}
}

// TestSigmaLPaperIsDiscontinuous documents why the ramp is needed: the
// paper's σL has values ±1 just inside ±1 and 0 just outside, for every
// offset, so no continuous function (no ReLU network) equals it.
func TestSigmaLPaperIsDiscontinuous(t *testing.T) {
	for k := int64(1); k <= 1<<20; k *= 32 {
		in := new(big.Rat).Sub(big.NewRat(1, 1), big.NewRat(1, k+1))
		out := new(big.Rat).Add(big.NewRat(1, 1), big.NewRat(1, k+1))
		a, _ := sigmaLPaper(in)
		b, _ := sigmaLPaper(out)
		jump := new(big.Rat).Sub(a, b)
		if jump.Cmp(big.NewRat(1, 2)) < 0 {
			t.Fatalf("paper's σL: jump %s across 1 at offset 1/%d", jump, k+1)
		}
	}
	if _, ok := sigmaLPaper(big.NewRat(1, 1)); ok {
		t.Fatal("the paper's two cases of σL should disagree at t = 1")
	}
}
