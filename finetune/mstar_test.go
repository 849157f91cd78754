package finetune

import (
	"math/big"
	"testing"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
	"pgregory.net/rapid"
)

// line draws 1-D data: K ≥ 3 distinct positions, targets with some zeros.
func line(t *rapid.T) *instance.Instance {
	K := rapid.IntRange(3, 9).Draw(t, "K")
	x := big.NewRat(int64(rapid.IntRange(-10, 10).Draw(t, "t1")), 1)
	var ts, z []*big.Rat
	for i := 0; i < K; i++ {
		if i > 0 {
			x = new(big.Rat).Add(x, big.NewRat(int64(rapid.IntRange(1, 9).Draw(t, "gap")), int64(rapid.IntRange(1, 3).Draw(t, "gapden"))))
		}
		ts = append(ts, x)
		z = append(z, big.NewRat(int64(rapid.SampledFrom([]int{0, 0, 1, -1, 2}).Draw(t, "z")), 1))
	}
	return instance.OnLine(ts, z)
}

// TestMStarBracketsVerified: on 1-D data the certified intervals bracket
// the verified networks. R ≤ 2-layer lo ≤ the m of the best verified 2-layer
// network (BestTwoLayer); 3-layer lo ≤ 3-layer hi ≤ the m of the smallest
// verified 3-layer candidate (Smallest); and the network behind each hi
// fine-tunes the data (checked again here with oracle.Verify) with exactly
// hi neurons.
func TestMStarBracketsVerified(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := line(t)
		c, err := MStar1D(in, Options{})
		if err != nil {
			t.Fatal(err)
		}
		two, _, err := BestTwoLayer(in)
		if err != nil {
			t.Fatal(err)
		}
		three, err := Smallest(in, 3, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if c.Two.Lo > two.Neurons || c.Two.Lo > c.Two.Hi || c.Breaks > c.Two.Lo {
			t.Fatalf("2-layer [%d, %d], R = %d, verified m = %d", c.Two.Lo, c.Two.Hi, c.Breaks, two.Neurons)
		}
		if c.Three.Lo > three.Neurons || c.Three.Hi > three.Neurons || c.Three.Lo > c.Three.Hi {
			t.Fatalf("3-layer [%d, %d], verified m = %d (%s)", c.Three.Lo, c.Three.Hi, three.Neurons, three.Name)
		}
		for _, iv := range []struct {
			name string
			net  *oracle.Network
			hi   int
		}{{"2-layer", c.Two.Net, c.Two.Hi}, {"3-layer", c.Three.Net, c.Three.Hi}} {
			if _, err := oracle.Verify(iv.net, nil, in.X, in.Z); err != nil || iv.net.Hidden() != iv.hi {
				t.Fatalf("%s hi = %d: network with %d neurons: %v", iv.name, iv.hi, iv.net.Hidden(), err)
			}
		}
		if len(Failures(c.Tried)) != 0 {
			t.Fatalf("failures %v", Failures(c.Tried))
		}
	})
}

// TestMStarByHand: z = (0, 1, 0) on t = 0, 1, 2 is a strict maximum: R = 1,
// but a single ReLU unit is monotone, so the 2-layer m* is exactly 2 (two
// units σ(t) − 2σ(t − 1) do it); a 3-layer net needs d1, d2 ≥ 1, so m* ≥ 2,
// and the 2-layer net lifted by one carrier gives 3 at most.
func TestMStarByHand(t *testing.T) {
	in := instance.OnLine(oracle.Rats(0, 1, 2), oracle.Rats(0, 1, 0))
	c, err := MStar1D(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Breaks != 1 || c.Two.Lo != 2 || c.Two.Hi != 2 || c.Three.Lo < 2 || c.Three.Hi > 3 {
		t.Fatalf("R = %d, 2-layer [%d, %d], 3-layer [%d, %d]", c.Breaks, c.Two.Lo, c.Two.Hi, c.Three.Lo, c.Three.Hi)
	}
	if _, err := MStar1D(&instance.Instance{X: [][]*big.Rat{oracle.Rats(0, 1), oracle.Rats(1, 0), oracle.Rats(2, 2)}, Z: oracle.Rats(0, 1, 0)}, Options{}); err == nil {
		t.Fatal("2-D data accepted")
	}
}

// TestMStarPlantedBroken: a broken 3-layer candidate smaller than every
// other is reported among the failures and does not lower the 3-layer hi.
func TestMStarPlantedBroken(t *testing.T) {
	in := fig3()
	honest, err := MStar1D(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tiny := Candidate{"tiny", func(in *instance.Instance) (*construction.Built, error) {
		return construction.NewBuilt("tiny", oracle.Zero(1), 0), nil
	}}
	c, err := MStar1D(in, Options{Candidates: func(d int) []Candidate { return append([]Candidate{tiny}, Candidates(d)...) }})
	if err != nil {
		t.Fatal(err)
	}
	if f := Failures(c.Tried); len(f) != 1 || f[0].Name != "tiny" || c.Three.Hi != honest.Three.Hi || c.Three.HiWhy != honest.Three.HiWhy {
		t.Fatalf("failures %v, hi %d (%s), honest %d", f, c.Three.Hi, c.Three.HiWhy, honest.Three.Hi)
	}
}
