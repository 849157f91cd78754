package construction

import (
	"math/big"
	"testing"

	"github.com/ftcheck/ftcheck/oracle"
)

// sigmaTPaper is σT exactly as Appendix A writes it, case by case.
func sigmaTPaper(t, delta *big.Rat) *big.Rat {
	one := big.NewRat(1, 1)
	top := new(big.Rat).Add(one, delta)
	switch {
	case t.Cmp(one) < 0:
		return new(big.Rat).Set(t)
	case t.Cmp(top) < 0: // −(t − 1 − δ)/δ
		v := new(big.Rat).Sub(top, t)
		return v.Quo(v, delta)
	}
	return new(big.Rat)
}

// TestSigmaTIsPaper: the 2-ReLU form of σT equals the paper's three cases on
// a grid through the breakpoints 1 and 1+δ, for several δ, both through
// Apply and through the network Expand/Readout build.
func TestSigmaTIsPaper(t *testing.T) {
	for _, delta := range []*big.Rat{big.NewRat(1, 1), big.NewRat(1, 3), big.NewRat(5, 2)} {
		g := SigmaT(delta)
		if g.Cost() != 2 {
			t.Fatalf("σT costs %d ReLUs, the paper counts 2", g.Cost())
		}
		net := &oracle.Network{Layers: []oracle.Layer{
			g.Expand([][]*big.Rat{oracle.Rats(1)}, []*big.Rat{new(big.Rat)}),
			g.Readout([][]*big.Rat{oracle.Rats(1)}, []*big.Rat{new(big.Rat)}),
		}}
		for n := -40; n <= 60; n++ {
			x := big.NewRat(int64(n), 12)
			want := sigmaTPaper(x, delta)
			if got := g.Apply(x); got.Cmp(want) != 0 {
				t.Fatalf("δ=%s: σT(%s) = %s, want %s", delta, x, got, want)
			}
			if got := net.Eval([]*big.Rat{x}); got.Cmp(want) != 0 {
				t.Fatalf("δ=%s: network σT(%s) = %s, want %s", delta, x, got, want)
			}
		}
	}
}

// TestSigmaTOneReLUFewerDiffers: dropping either ReLU of σT changes it
// somewhere on the grid (the gadget-cost test above could not pass with one).
func TestSigmaTOneReLUFewerDiffers(t *testing.T) {
	delta := big.NewRat(1, 1)
	for drop := 0; drop < 2; drop++ {
		g := SigmaT(delta)
		g.Alpha = append(append([]*big.Rat{}, g.Alpha[:drop]...), g.Alpha[drop+1:]...)
		g.Beta = append(append([]*big.Rat{}, g.Beta[:drop]...), g.Beta[drop+1:]...)
		g.Gamma = append(append([]*big.Rat{}, g.Gamma[:drop]...), g.Gamma[drop+1:]...)
		differs := false
		for n := -8; n <= 8 && !differs; n++ {
			x := big.NewRat(int64(n), 2)
			differs = g.Apply(x).Cmp(sigmaTPaper(x, delta)) != 0
		}
		if !differs {
			t.Fatalf("σT without ReLU %d still equals the paper's σT", drop+1)
		}
	}
}
