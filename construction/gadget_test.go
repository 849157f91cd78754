package construction

import (
	"math/big"
	"testing"

	"github.com/ftcheck/ftcheck/oracle"
)

// TestHardTanhIsClip: the ReLU form of σH equals max{−1, min{1, t}} on a grid
// of rationals including ±1 and points between.
func TestHardTanhIsClip(t *testing.T) {
	for n := -40; n <= 40; n++ {
		x := big.NewRat(int64(n), 8)
		want := new(big.Rat).Set(x)
		if x.Cmp(big.NewRat(1, 1)) > 0 {
			want.SetInt64(1)
		}
		if x.Cmp(big.NewRat(-1, 1)) < 0 {
			want.SetInt64(-1)
		}
		if got := HardTanh.Apply(x); got.Cmp(want) != 0 {
			t.Fatalf("σH(%s) = %s, want %s", x, got, want)
		}
	}
}

// TestExpandReadout: the network Readout∘σ∘Expand equals C·ρ(W·x + b) + c
// computed unit by unit with Apply.
func TestExpandReadout(t *testing.T) {
	W := [][]*big.Rat{oracle.Rats(2, -1), oracle.Rats(1, 3)}
	b := []*big.Rat{big.NewRat(1, 2), big.NewRat(-1, 1)}
	C := [][]*big.Rat{oracle.Rats(3, -2)}
	c := []*big.Rat{big.NewRat(5, 7)}
	net := &oracle.Network{Layers: []oracle.Layer{HardTanh.Expand(W, b), HardTanh.Readout(C, c)}}
	for i := -6; i <= 6; i++ {
		x := []*big.Rat{big.NewRat(int64(i), 3), big.NewRat(int64(i*i-7), 5)}
		want := new(big.Rat).Set(c[0])
		for u := range W {
			pre := new(big.Rat).Set(b[u])
			for k := range x {
				pre.Add(pre, new(big.Rat).Mul(W[u][k], x[k]))
			}
			want.Add(want, new(big.Rat).Mul(C[0][u], HardTanh.Apply(pre)))
		}
		if got := net.Eval(x); got.Cmp(want) != 0 {
			t.Fatalf("x=%v: network %s, want %s", x, got, want)
		}
	}
	if net.Hidden() != 2*HardTanh.Cost() {
		t.Fatalf("hidden %d, want %d", net.Hidden(), 2*HardTanh.Cost())
	}
}
