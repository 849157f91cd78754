package construction

import (
	"math/big"
	"testing"
)

// TestDeepFitsSmall: Deep(in, L) fine-tunes line instances with K = 3..14,
// T = every s-th sample and targets of both signs outside [−1, 1], for every
// L = 4..8, and has depth L.
func TestDeepFitsSmall(t *testing.T) {
	for K := 3; K <= 14; K++ {
		for s := 1; s <= 3; s++ {
			z := make([]*big.Rat, K)
			for j := range z {
				z[j] = new(big.Rat)
				if j%s == 0 {
					z[j].SetFrac64(int64(5-j), 2)
				}
			}
			in := yunLineInstance(z...)
			for L := 4; L <= 8; L++ {
				b, err := Deep(in, L)
				if err != nil {
					t.Fatal(err)
				}
				if b.Net.Depth() != L {
					t.Fatalf("K=%d L=%d: depth %d", K, L, b.Net.Depth())
				}
				if _, err := in.Verify(b.Net); err != nil {
					t.Fatalf("K=%d s=%d L=%d: %v (%v)", K, s, L, err, b.Notes)
				}
			}
		}
	}
}
