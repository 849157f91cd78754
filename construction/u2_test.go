package construction

import (
	"github.com/ftcheck/ftcheck/oracle"
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
			in := yunLineInstance(z...)
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

// TestU2PaperLiteralFails: the paper's bump recipe read literally gives 2z at
// two changed samples of equal rank and equal target (K = 4, groups {1,2},
// {3,4}, samples 1 and 4 both of rank 1, z = 1/2): the oracle rejects it at
// sample 1 with value 1, while U2 fine-tunes the same instance.
func TestU2PaperLiteralFails(t *testing.T) {
	h := big.NewRat(1, 2)
	in := yunLineInstance(h, new(big.Rat), new(big.Rat), h)
	b, err := U2Paper(in)
	if err != nil {
		t.Fatal(err)
	}
	_, err = in.Verify(b.Net)
	mm, ok := err.(*oracle.Mismatch)
	if !ok || mm.Row != 1 || mm.Got.Cmp(big.NewRat(1, 1)) != 0 {
		t.Fatalf("literal recipe: want mismatch at row 1 with value 1, got %v", err)
	}
	good, err := U2(in)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := in.Verify(good.Net); err != nil {
		t.Fatalf("U2: %v", err)
	}
	// With distinct targets the literal recipe works on the same points.
	in2 := yunLineInstance(h, new(big.Rat), new(big.Rat), big.NewRat(-1, 3))
	if b, err = U2Paper(in2); err != nil {
		t.Fatal(err)
	}
	if _, err := in2.Verify(b.Net); err != nil {
		t.Fatalf("literal recipe, distinct targets: %v", err)
	}
}
