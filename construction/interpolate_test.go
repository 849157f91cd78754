package construction

import (
	"errors"
	"math/big"
	"math/rand"
	"testing"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// randomPoints draws n strictly increasing abscissae and values with small
// numerators and denominators, zeros and repeats included.
func randomPoints(r *rand.Rand, n int) (w, z []*big.Rat) {
	x := big.NewRat(int64(r.Intn(7)-3), 1)
	for i := 0; i < n; i++ {
		x = new(big.Rat).Add(x, big.NewRat(int64(1+r.Intn(5)), int64(1+r.Intn(3))))
		w = append(w, x)
		z = append(z, big.NewRat(int64(r.Intn(9)-4), int64(1+r.Intn(3))))
	}
	return w, z
}

// TestInterpolateLemma45: m+1 points are interpolated exactly by m neurons,
// the function is constant left of w_1 and continues the last chord right of
// w_m (eq. 16), checked by the oracle and its line restriction.
func TestInterpolateLemma45(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	one := []*big.Rat{big.NewRat(1, 1)}
	for trial := 0; trial < 300; trial++ {
		w, z := randomPoints(r, 2+r.Intn(12))
		h, err := Interpolate(w, z)
		if err != nil {
			t.Fatal(err)
		}
		net := h.Network(one)
		if net.Hidden() != len(w)-1 {
			t.Fatalf("%d points: %d neurons, want %d", len(w), net.Hidden(), len(w)-1)
		}
		if _, err := instance.OnLine(w, z).Verify(net); err != nil {
			t.Fatalf("w=%v z=%v: %v", w, z, err)
		}
		phi := net.Restrict([]*big.Rat{new(big.Rat)}, one)
		last := new(big.Rat).Sub(z[len(z)-1], z[len(z)-2])
		last.Quo(last, new(big.Rat).Sub(w[len(w)-1], w[len(w)-2]))
		if phi.Left.Sign() != 0 || phi.Right.Cmp(last) != 0 {
			t.Fatalf("outer slopes %s, %s, want 0, %s", phi.Left, phi.Right, last)
		}
	}
}

// TestInterpolatePaperLiteralFails: the induction step as printed (new weight
// = new chord slope) misses z_3 for (0,0), (1,1), (2,0): h(2) = 1·2 − 1·1 = 1.
func TestInterpolatePaperLiteralFails(t *testing.T) {
	w, z := oracle.Rats(0, 1, 2), oracle.Rats(0, 1, 0)
	h, err := InterpolatePaperLiteral(w, z)
	if err != nil {
		t.Fatal(err)
	}
	_, err = instance.OnLine(w, z).Verify(h.Network(oracle.Rats(1)))
	var mm *oracle.Mismatch
	if !errors.As(err, &mm) || mm.Row != 3 || mm.Got.Cmp(big.NewRat(1, 1)) != 0 {
		t.Fatalf("want a mismatch at row 3 with value 1, got %v", err)
	}
}

// TestInterpolateErrors: too few points, unequal lengths, and abscissae out
// of order are typed errors naming the positions.
func TestInterpolateErrors(t *testing.T) {
	var ie *InterpolationError
	if _, err := Interpolate(oracle.Rats(1), oracle.Rats(0)); !errors.As(err, &ie) {
		t.Fatalf("one point: %v", err)
	}
	if _, err := Interpolate(oracle.Rats(1, 2), oracle.Rats(0)); !errors.As(err, &ie) {
		t.Fatalf("lengths: %v", err)
	}
	_, err := Interpolate(oracle.Rats(1, 3, 3), oracle.Rats(0, 1, 2))
	if !errors.As(err, &ie) || ie.I != 2 || ie.J != 3 {
		t.Fatalf("order: %v", err)
	}
}
