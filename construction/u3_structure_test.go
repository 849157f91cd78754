package construction

import (
	"fmt"
	"math/big"
	"testing"
)

// TestCheapestShapeTies: among the shapes of least cost 2M + 4G with
// M·G ≥ n, CheapestShape takes the one with fewest layer-2 units G (its
// documented tie rule), by brute force over every (M, G).
func TestCheapestShapeTies(t *testing.T) {
	for n := 1; n <= 400; n++ {
		bc, bg := -1, -1
		for G := 1; G <= n; G++ {
			for M := 1; M <= n; M++ {
				if c := 2*M + 4*G; M*G >= n && (bc < 0 || c < bc || c == bc && G < bg) {
					bc, bg = c, G
				}
			}
		}
		if M, G := CheapestShape(n); G != bg || 2*M+4*G != bc {
			t.Fatalf("n=%d: CheapestShape (%d, %d), want cost %d with G = %d", n, M, G, bc, bg)
		}
	}
}

// TestU3ZonesBoundary: a sample exactly at a window's right end R_j belongs
// to zone j ("the first window whose right end it does not pass"). On
// x_i = i, K = 9, T = {1, 9}: J = {1, 2, 8, 9}, two groups {1, 2}, {8, 9},
// R_1 = (2 + 8)/2 = 5, so zone 1 holds samples 1..5 and zone 2 samples 6..9.
func TestU3ZonesBoundary(t *testing.T) {
	z := make([]*big.Rat, 9)
	for i := range z {
		z[i] = new(big.Rat)
	}
	z[0], z[8] = big.NewRat(1, 2), big.NewRat(-1, 1)
	p, err := project(onLine3(z...))
	if err != nil {
		t.Fatal(err)
	}
	keep := Kept(9, 0, []int{0, 8})
	y := newYunFit(p, keep, 2, 2)
	if y.ws[0].R.Cmp(big.NewRat(5, 1)) != 0 {
		t.Fatalf("R_1 = %s, want 5", y.ws[0].R.RatString())
	}
	y.zones()
	if got := fmt.Sprint(y.zone); got != "[[0 1 2 3 4] [5 6 7 8]]" {
		t.Fatalf("zones (0-based positions) %s, want [[0 1 2 3 4] [5 6 7 8]]", got)
	}
}
