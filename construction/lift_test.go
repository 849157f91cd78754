package construction

import (
	"math/big"
	"testing"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
	"pgregory.net/rapid"
)

// TestLiftAgreesOnSamples: lifting a 2-layer network adds exactly one neuron
// and one layer, and the lifted network agrees with the original on every
// sample (so it fine-tunes whatever the original fine-tunes).
func TestLiftAgreesOnSamples(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := rapid.IntRange(1, 5).Draw(t, "m")
		small := func(label string) *big.Rat {
			return big.NewRat(int64(rapid.IntRange(-4, 4).Draw(t, label)), int64(rapid.IntRange(1, 3).Draw(t, label+"/q")))
		}
		hidden := oracle.Layer{}
		out := oracle.Layer{W: [][]*big.Rat{nil}, B: []*big.Rat{small("b2")}}
		for k := 0; k < m; k++ {
			hidden.W = append(hidden.W, []*big.Rat{small("w1")})
			hidden.B = append(hidden.B, small("b1"))
			out.W[0] = append(out.W[0], small("w2"))
		}
		g := &oracle.Network{Layers: []oracle.Layer{hidden, out}}
		K := rapid.IntRange(1, 8).Draw(t, "K")
		in := &instance.Instance{}
		for i := 0; i < K; i++ {
			x := []*big.Rat{big.NewRat(int64(i*3-7), 2)}
			in.X = append(in.X, x)
			in.Z = append(in.Z, g.Eval(x))
		}
		lifted, err := Lift(NewBuilt("g", g, m), in)
		if err != nil {
			t.Fatal(err)
		}
		if lifted.Neurons != m+1 || lifted.Net.Depth() != 3 {
			t.Fatalf("lifted: %d neurons, depth %d; want %d, 3", lifted.Neurons, lifted.Net.Depth(), m+1)
		}
		if _, err := in.Verify(lifted.Net); err != nil {
			t.Fatalf("lifted network misses a sample: %v", err)
		}
	})
}
