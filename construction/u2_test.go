package construction

import (
	"math/big"
	"testing"
)

// TestU2FitsSmall: U2 (and its one-group variant) fine-tunes every K = 3..30
// line instance with T = every s-th sample (s = 1, 2, 3) and equal targets,
// the case where the paper's literal bump recipe collides.
func TestU2FitsSmall(t *testing.T) {
	for K := 3; K <= 30; K++ {
		for s := 1; s <= 3; s++ {
			z := make([]*big.Rat, K)
			for j := range z {
				z[j] = new(big.Rat)
				if j%s == 0 {
					z[j].SetFrac64(7, 2)
				}
			}
			in := lineInstance(z...)
			for _, build := range []func() (*Built, error){func() (*Built, error) { return U2(in) }, func() (*Built, error) { return U2Groups(in, 1) }} {
				b, err := build()
				if err != nil {
					t.Fatal(err)
				}
				if _, err := in.Verify(b.Net); err != nil {
					t.Fatalf("K=%d s=%d %s: %v", K, s, b.Name, err)
				}
			}
		}
	}
}
