package construction

import (
	"math/big"
	"testing"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// lineInstance is x_i = i (1-based) with the given targets.
func yunLineInstance(z ...*big.Rat) *instance.Instance {
	t := make([]*big.Rat, len(z))
	for i := range t {
		t[i] = big.NewRat(int64(i+1), 1)
	}
	return instance.OnLine(t, z)
}

// TestU1FitsSmall: U1 fine-tunes every K = 3..40 line instance with one
// changed sample at every position and targets of both signs, verified by
// the oracle.
func TestU1FitsSmall(t *testing.T) {
	for K := 3; K <= 40; K++ {
		for i := 0; i < K; i++ {
			z := make([]*big.Rat, K)
			for j := range z {
				z[j] = new(big.Rat)
			}
			z[i].SetFrac64(int64(2*(i%2)-1)*int64(i+1), int64(K))
			in := yunLineInstance(z...)
			b, err := U1(in)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := in.Verify(b.Net); err != nil {
				t.Fatalf("K=%d T={%d}: %v", K, i+1, err)
			}
		}
	}
	_ = oracle.Rats
}
