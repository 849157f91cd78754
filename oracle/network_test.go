package oracle

import (
	"errors"
	"math/big"
	"testing"
)

// TestCheckDistinct: equal inputs are found whatever their written form
// (2/4 = 1/2), and named by their 1-based rows.
func TestCheckDistinct(t *testing.T) {
	X := [][]*big.Rat{{big.NewRat(1, 2), big.NewRat(3, 1)}, Rats(3, 4), {MustRat("2/4"), MustRat("3.0")}, Rats(3, 4)}
	var dup *DuplicatePointError
	if err := CheckDistinct(X); !errors.As(err, &dup) || dup.I != 1 || dup.J != 3 {
		t.Fatalf("CheckDistinct = %v, want rows 1 and 3", err)
	}
	if err := CheckDistinct(X[:2]); err != nil {
		t.Fatalf("distinct rows reported: %v", err)
	}
}

// TestZeroNetwork: Zero(d) is valid, has no hidden neurons, and is 0 on
// points and on every line.
func TestZeroNetwork(t *testing.T) {
	z := Zero(3)
	if err := z.Validate(); err != nil || z.Hidden() != 0 || z.Depth() != 1 || z.InputDim() != 3 {
		t.Fatalf("Zero(3): %v, m=%d, depth %d, d %d", err, z.Hidden(), z.Depth(), z.InputDim())
	}
	if v := z.Eval(Rats(1, -2, 5)); v.Sign() != 0 {
		t.Fatalf("Zero(3)(x) = %s", v)
	}
	phi := z.Restrict(Rats(1, 2, 3), Rats(-1, 0, 7))
	if phi.Pieces() != 1 || phi.Eval(big.NewRat(5, 3)).Sign() != 0 {
		t.Fatalf("Zero restricted to a line: %#v", phi)
	}
	if cert, err := Verify(z, nil, [][]*big.Rat{Rats(1, 1, 1)}, Rats(0)); err != nil || cert.Rows != 1 {
		t.Fatalf("Verify(Zero): %v %v", cert, err)
	}
}

// TestCloneIsDeep: changing a clone's weights leaves the original alone.
func TestCloneIsDeep(t *testing.T) {
	n := &Network{Layers: []Layer{{W: [][]*big.Rat{Rats(1, 2), Rats(3, 4)}, B: Rats(5, 6)}, {W: [][]*big.Rat{Rats(7, 8)}, B: Rats(9)}}}
	c := n.Clone()
	c.Layers[0].W[1][0].SetInt64(100)
	c.Layers[1].B[0].SetInt64(100)
	if n.Layers[0].W[1][0].Cmp(big.NewRat(3, 1)) != 0 || n.Layers[1].B[0].Cmp(big.NewRat(9, 1)) != 0 {
		t.Fatal("Clone shares weights with the original")
	}
	if n.Hidden() != 2 || len(n.Widths()) != 1 || n.Widths()[0] != 2 || n.Depth() != 2 {
		t.Fatalf("m=%d widths %v depth %d", n.Hidden(), n.Widths(), n.Depth())
	}
}

// TestBitSize: the largest numerator or denominator bit length (2^70 has 71
// bits; 1/3 has 2).
func TestBitSize(t *testing.T) {
	n := &Network{Layers: []Layer{{W: [][]*big.Rat{{big.NewRat(1, 3)}}, B: Rats(0)}}}
	if n.BitSize() != 2 {
		t.Fatalf("BitSize = %d, want 2", n.BitSize())
	}
	n.Layers[0].B[0] = new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Lsh(big.NewInt(1), 70))
	if n.BitSize() != 71 {
		t.Fatalf("BitSize = %d, want 71", n.BitSize())
	}
}

// TestEvalPanicsOnMisuse: a wrong input length is programmer misuse: a panic
// with the package prefix.
func TestEvalPanicsOnMisuse(t *testing.T) {
	n := Zero(2)
	defer func() {
		if r, ok := recover().(string); !ok || r[:8] != "oracle: " {
			t.Fatalf("recovered %v, want an oracle: panic", r)
		}
	}()
	n.Eval(Rats(1))
}
