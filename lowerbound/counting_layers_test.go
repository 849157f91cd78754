package lowerbound

import (
	"fmt"
	"testing"
)

// GrowthLayers of input dimension 2 and hidden widths 3, 4, by hand: layer
// 1 has 3 units of degree 1 in its 3·(2+1) = 9 parameters; layer 2 has 4
// units of degree 2 in the 9 + 4·(3+1) = 25 parameters of layers 1..2; the
// output is 1 unit of degree 3 in all 25 + (4+1) = 30.
func TestGrowthLayersByHand(t *testing.T) {
	got := fmt.Sprint(GrowthLayers(2, []int{3, 4}))
	want := fmt.Sprint([]GrowthLayer{{K: 3, Deg: 1, W: 9}, {K: 4, Deg: 2, W: 25}, {K: 1, Deg: 3, W: 30}})
	if got != want {
		t.Fatalf("GrowthLayers(2, [3 4]) = %s, want %s", got, want)
	}
}
