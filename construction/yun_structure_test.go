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

// TestU2GroupsRange: U2Groups takes 1 ≤ m ≤ K groups, both ends included
// (m = K: one sample per group), and refuses 0 and K + 1.
func TestU2GroupsRange(t *testing.T) {
	in := yunLineInstance(big.NewRat(1, 2), new(big.Rat), big.NewRat(-3, 1), new(big.Rat), big.NewRat(1, 1))
	for _, m := range []int{1, 2, 5} {
		b, err := U2Groups(in, m)
		if err != nil {
			t.Fatalf("m = %d: %v", m, err)
		}
		if _, err := in.Verify(b.Net); err != nil {
			t.Fatalf("m = %d: %v", m, err)
		}
		if b.Neurons != 2*m+3*in.N() {
			t.Fatalf("m = %d: %d neurons, want 2m + 3N = %d", m, b.Neurons, 2*m+3*in.N())
		}
	}
	for _, m := range []int{0, 6} {
		if _, err := U2Groups(in, m); err == nil {
			t.Fatalf("m = %d accepted for K = 5", m)
		}
	}
}

// TestCharitableDelta: half the least nonzero distance to pre[i], by hand:
// from 3 the values 0, 3, 5, 1/2, 3 are at 3, 0, 2, 5/2, 0, so δ = 1; with
// every value equal, δ = 1 by convention.
func TestCharitableDelta(t *testing.T) {
	pre := []*big.Rat{new(big.Rat), big.NewRat(3, 1), big.NewRat(5, 1), big.NewRat(1, 2), big.NewRat(3, 1)}
	if got := charitableDelta(pre, 1); got.Cmp(big.NewRat(1, 1)) != 0 {
		t.Fatalf("δ = %s, want 1", got.RatString())
	}
	if got := charitableDelta(pre, 3); got.Cmp(big.NewRat(1, 4)) != 0 { // from 1/2: 1/2, 5/2, 9/2
		t.Fatalf("δ = %s, want 1/4", got.RatString())
	}
	same := []*big.Rat{big.NewRat(-2, 1), big.NewRat(-2, 1)}
	if got := charitableDelta(same, 0); got.Cmp(big.NewRat(1, 1)) != 0 {
		t.Fatalf("all equal: δ = %s, want 1", got.RatString())
	}
}
