package theorem

import (
	"math/big"
	"testing"

	"github.com/ftcheck/ftcheck/oracle"
	"pgregory.net/rapid"
)

// fiveLine draws 5 increasing rational positions and targets with |T| = 2.
func fiveLine(t *rapid.T) (ts, z []*big.Rat) {
	x := big.NewRat(int64(rapid.IntRange(-20, 20).Draw(t, "t1")), 1)
	for i := 0; i < 5; i++ {
		if i > 0 {
			gap := big.NewRat(int64(rapid.IntRange(1, 30).Draw(t, "gap")), int64(rapid.IntRange(1, 7).Draw(t, "gapden")))
			x = new(big.Rat).Add(x, gap)
		}
		ts = append(ts, x)
	}
	T := rapid.SampledFrom([][2]int{{0, 1}, {0, 2}, {0, 3}, {0, 4}, {1, 2}, {1, 3}, {1, 4}, {2, 3}, {2, 4}, {3, 4}}).Draw(t, "T")
	for i := 0; i < 5; i++ {
		v := new(big.Rat)
		if i == T[0] || i == T[1] {
			v.SetFrac64(int64(rapid.IntRange(-9, 9).Draw(t, "z")), int64(rapid.IntRange(1, 5).Draw(t, "zden")))
		}
		z = append(z, v)
	}
	return ts, z
}

// TestFiveNet: every instance with 2 changed samples among 5 on a line, at
// any positions and targets, is fine-tuned exactly by ≤ 3 neurons.
func TestFiveNet(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ts, z := fiveLine(t)
		g, err := fiveNet(ts, z)
		if err != nil {
			t.Fatal(err)
		}
		X := make([][]*big.Rat, 5)
		for i := range X {
			X[i] = []*big.Rat{ts[i]}
		}
		if _, err := oracle.Verify(g, nil, X, z); err != nil {
			t.Fatalf("t=%v z=%v: %v", ts, z, err)
		}
		if g.Hidden() > 3 {
			t.Fatalf("t=%v z=%v: %d neurons", ts, z, g.Hidden())
		}
	})
}

// TestTwoPeakBothBranches: the direct branch (s_1 ≤ p + q) and the mirrored
// one both verify: (0,1,0,1,0) and (0,5,0,1,0) on t = 1..5 (s_1 = 5 > 2).
func TestTwoPeakBothBranches(t *testing.T) {
	ts := []*big.Rat{big.NewRat(1, 1), big.NewRat(2, 1), big.NewRat(3, 1), big.NewRat(4, 1), big.NewRat(5, 1)}
	X := [][]*big.Rat{{ts[0]}, {ts[1]}, {ts[2]}, {ts[3]}, {ts[4]}}
	for _, z := range [][]*big.Rat{oracle.Rats(0, 1, 0, 1, 0), oracle.Rats(0, 5, 0, 1, 0), oracle.Rats(0, -1, 0, -7, 0)} {
		g, _ := fiveNet(ts, z)
		if _, err := oracle.Verify(g, nil, X, z); err != nil || g.Hidden() != 3 {
			t.Fatalf("z=%v: %v, %d neurons", z, err, g.Hidden())
		}
	}
}
