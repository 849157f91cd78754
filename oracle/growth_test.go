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
