package construction

import (
	"math/big"
	"strings"
	"testing"
)

// TestU1Notes: U1 notes a rescaling exactly when some |z_i| > 1, and notes
// that m exceeds 4√K exactly when K is not a perfect square.
func TestU1Notes(t *testing.T) {
	for K := 3; K <= 17; K++ {
		for _, v := range []*big.Rat{big.NewRat(1, 1), big.NewRat(-1, 2), big.NewRat(3, 2), big.NewRat(-5, 1)} {
			b, err := U1(yunOneChanged(K, K/2, v))
			if err != nil {
				t.Fatal(err)
			}
			notes := strings.Join(b.Notes, "\n")
			big := new(big.Rat).Abs(v).Cmp(big.NewRat(1, 1)) > 0
			if strings.Contains(notes, "targets divided by") != big {
				t.Fatalf("K=%d z=%s: notes %q", K, v, b.Notes)
			}
			square := isqrtLoop(K)*isqrtLoop(K) == K
			if strings.Contains(notes, "exceeds the stated 4√K") == square {
				t.Fatalf("K=%d (square %v): notes %q", K, square, b.Notes)
			}
		}
	}
}
