package experiment

import (
	"math/big"
	"testing"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// LineInstance has K distinct points and exactly N nonzero targets, each
// in [−1, 1], and is the same for the same seed.
func TestLineInstance(t *testing.T) {
	in := LineInstance(40, 7, 3)
	if err := in.Validate(); err != nil {
		t.Fatal(err)
	}
	if in.K() != 40 || in.N() != 7 {
		t.Fatalf("K=%d N=%d, want 40, 7", in.K(), in.N())
	}
	one := big.NewRat(1, 1)
	for _, z := range in.Z {
		if new(big.Rat).Abs(z).Cmp(one) > 0 {
			t.Fatalf("target %v outside [−1, 1]", z)
		}
	}
	again := LineInstance(40, 7, 3)
	for i := range in.Z {
		if in.Z[i].Cmp(again.Z[i]) != 0 {
			t.Fatalf("same seed, different targets at %d", i)
		}
	}
}

// Every construction counted for the figures verifies exactly on small
// instances, and its count is the network's hidden width.
func TestConstructionsVerify(t *testing.T) {
	for _, c := range Constructions(30, []int{1, 4, 12}, 1) {
		if !c.Verified || c.Neurons <= 0 {
			t.Errorf("%s N=%d: verified %v, %d neurons, err %q", c.Name, c.N, c.Verified, c.Neurons, c.Err)
		}
	}
}

// A construction that does not fine-tune (planted: the zero network) is
// recorded as not verified, so the figures never draw it.
func TestConstructionsRejectWrongNetwork(t *testing.T) {
	wrong := func(in *instance.Instance) (*construction.Built, error) {
		net := oracle.Zero(in.Dim())
		return construction.NewBuilt("wrong", net, 0), nil
	}
	if c := countOne("wrong", 2, wrong, 20, 3, 1); c.Verified {
		t.Fatalf("the zero network was counted as fine-tuning an instance with N = 3")
	}
}
