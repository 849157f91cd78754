package oracle

import (
	"errors"
	"math/big"
	"strings"
	"testing"
)

// TestGrowthInputDenominatorBound: an input row whose common denominator has
// exactly MaxBits bits is within the limit, so the error names the layer that
// passes it; one more bit and the row itself is named.
func TestGrowthInputDenominatorBound(t *testing.T) {
	n := &Network{Layers: []Layer{{W: [][]*big.Rat{Rats(1)}, B: Rats(0)}}}
	g, err := NewGrowth(n, "n.json", 10)
	if err != nil {
		t.Fatal(err)
	}
	var le *LimitError
	// 1/512: E = 2⁹ has 10 bits, at the limit; layer 0 then needs more.
	if err := g.Check([]*big.Rat{big.NewRat(1, 512)}); !errors.As(err, &le) || !strings.Contains(err.Error(), "n.json: layers[0]:") {
		t.Errorf("E of 10 bits: %v, want the limit passed at layers[0]", err)
	}
	// 1/1024: E = 2¹⁰ has 11 bits, over the limit before any layer.
	if err := g.Check([]*big.Rat{big.NewRat(1, 1024)}); !errors.As(err, &le) || le.Got != 11 || !strings.Contains(err.Error(), "input row") {
		t.Errorf("E of 11 bits: %v, want the input row named with 11 bits", err)
	}
}

// TestGrowthBoundByHand: the documented bound, worked by hand for
// g(x) = 3x1 + 5x2 on x = (1, 1): D = 1 (1 bit), the largest numerator 5
// (3 bits) scaled to D has 3 + 1 = 4 bits, fan 2 (2 bits); the input has
// h = 1 + e = 1 + 1 = 2, so layer 0 may need max(4 + 2 + 2, 4 + 1) + 1 = 9
// bits. MaxBits ≤ 0 is no limit at all.
func TestGrowthBoundByHand(t *testing.T) {
	n := &Network{Layers: []Layer{{W: [][]*big.Rat{Rats(3, 5)}, B: Rats(0)}}}
	for max, want := range map[int]int{1: 9, 8: 9} {
		g, err := NewGrowth(n, "n.json", max)
		if err != nil {
			t.Fatal(err)
		}
		var le *LimitError
		if err := g.Check(Rats(1, 1)); !errors.As(err, &le) || le.Got != want || le.Max != max {
			t.Errorf("MaxBits %d: %v, want %d bits at layers[0]", max, err, want)
		}
	}
	g, _ := NewGrowth(n, "n.json", 9)
	if err := g.Check(Rats(1, 1)); err != nil {
		t.Errorf("9 bits within MaxBits 9: %v", err)
	}
	g, _ = NewGrowth(n, "n.json", 0)
	if err := g.Check(Rats(1, 1)); err != nil {
		t.Errorf("MaxBits 0 is no limit: %v", err)
	}
}
