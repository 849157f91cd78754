package construction

// Tests of the vector-output construction: every output verified exactly,
// the count within min{3N+1, K−1} with N the rows where any output changes,
// and planted bugs (an output weight off, a neuron pruned because one output
// does not use it) caught.

import (
	"errors"
	"math/big"
	"testing"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
	"github.com/ftcheck/ftcheck/props"
	"pgregory.net/rapid"
)

// TestTwoLayerVectorFineTunes: for every vector instance with C = 1..4
// outputs, TwoLayerVector has C outputs, fine-tunes every output exactly
// (oracle.VerifyVec), has m ≤ |J| − 1 ≤ min{3N+1, K−1}, and the stacked
// fallback fine-tunes too; at C = 1 it is TwoLayer's network.
func TestTwoLayerVectorFineTunes(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		v := props.VectorInstance(3, 9, 3, 4).Draw(t, "v")
		b, err := TwoLayerVector(v)
		if err != nil {
			t.Fatal(err)
		}
		if b.Net.Outputs() != v.Outputs() {
			t.Fatalf("%d outputs for C = %d", b.Net.Outputs(), v.Outputs())
		}
		if _, err := v.Verify(b.Net); err != nil {
			t.Fatalf("TwoLayerVector does not fine-tune: %v\n%#v", err, b.Net)
		}
		N, K := v.N(), v.K()
		if lim := min(3*N+1, K-1); b.Neurons > b.Unpruned || b.Unpruned > lim {
			t.Fatalf("m = %d, unpruned %d, limit min{3N+1, K−1} = %d (N = %d, K = %d)", b.Neurons, b.Unpruned, lim, N, K)
		}
		paper, err := TwoLayerVectorPaper(v)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := v.Verify(paper.Net); err != nil || paper.Neurons != paper.Unpruned {
			t.Fatalf("unpruned network: %v, m = %d, |J| − 1 = %d", err, paper.Neurons, paper.Unpruned)
		}
		st, err := TwoLayerStacked(v)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := v.Verify(st.Net); err != nil {
			t.Fatalf("stacked fallback does not fine-tune: %v", err)
		}
		if v.Outputs() == 1 {
			one, err := TwoLayer(v.Output(0))
			if err != nil {
				t.Fatal(err)
			}
			if one.Net.GoString() != b.Net.GoString() {
				t.Fatalf("C = 1: TwoLayerVector\n%#v\nTwoLayer\n%#v", b.Net, one.Net)
			}
		}
	})
}

// TestTwoLayerVectorOutputWeightOff: a planted bug, one output row's weight
// (or bias) off by 1/7, is caught by the exact verification, naming that
// output. Every hidden neuron is active at the last sample along a, so any
// weight change shows.
func TestTwoLayerVectorOutputWeightOff(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		v := props.VectorInstance(3, 7, 2, 4).Draw(t, "v")
		b, err := TwoLayerVector(v)
		if err != nil {
			t.Fatal(err)
		}
		n := b.Net.Clone()
		last := &n.Layers[len(n.Layers)-1]
		c := rapid.IntRange(0, v.Outputs()-1).Draw(t, "output")
		k := rapid.IntRange(0, len(last.W[c])).Draw(t, "weight (last: the bias)")
		w := last.B[c]
		if k < len(last.W[c]) {
			w = last.W[c][k]
		}
		w.Add(w, big.NewRat(1, 7))
		_, err = v.Verify(n)
		var mm *oracle.Mismatch
		if !errors.As(err, &mm) {
			t.Fatalf("output %d weight %d off by 1/7 verified: %v", c+1, k+1, err)
		}
		if v.Outputs() > 1 && mm.Output != c+1 {
			t.Fatalf("mismatch names output %d, the bug is in output %d", mm.Output, c+1)
		}
	})
}

// pruneByFirstOutput is a planted bug: Prune deciding from output 1 alone
// whether a neuron is idle.
func pruneByFirstOutput(n *oracle.Network) *oracle.Network {
	k := n.Clone()
	l1, l2 := &k.Layers[0], &k.Layers[1]
	var keep []int
	for j := range l1.W {
		if l2.W[0][j].Sign() != 0 {
			keep = append(keep, j)
		}
	}
	if len(keep) == 0 {
		keep = []int{0} // keep a valid network; the bug is in the others
	}
	var h oracle.Layer
	out := make([][]*big.Rat, len(l2.W))
	for _, j := range keep {
		h.W, h.B = append(h.W, l1.W[j]), append(h.B, l1.B[j])
		for c := range out {
			out[c] = append(out[c], l2.W[c][j])
		}
	}
	k.Layers = []oracle.Layer{h, {W: out, B: l2.B}}
	return k
}

// TestPruneKeepsNeuronsAnotherOutputNeeds: output 1 is zero everywhere, so
// every neuron has weight 0 in it; output 2 needs them. Prune keeps them
// and the pruned network verifies; the planted prune that looks at output 1
// only is caught by the verification, at output 2.
func TestPruneKeepsNeuronsAnotherOutputNeeds(t *testing.T) {
	v := &instance.Vector{
		X: [][]*big.Rat{oracle.Rats(0), oracle.Rats(1), oracle.Rats(2), oracle.Rats(3)},
		Z: [][]*big.Rat{oracle.Rats(0, 0), oracle.Rats(0, 1), oracle.Rats(0, -1), oracle.Rats(0, 0)},
	}
	paper, err := TwoLayerVectorPaper(v)
	if err != nil {
		t.Fatal(err)
	}
	good := Prune(paper.Net)
	if _, err := v.Verify(good); err != nil || good.Hidden() != 3 {
		t.Fatalf("Prune: m = %d, %v; want 3 neurons that verify", good.Hidden(), err)
	}
	_, err = v.Verify(pruneByFirstOutput(paper.Net))
	var mm *oracle.Mismatch
	if !errors.As(err, &mm) || mm.Output != 2 {
		t.Fatalf("the planted prune was not caught at output 2: %v", err)
	}
}

// TestPruneVectorKeepsEveryOutput: Prune of a random 2-layer network with C
// outputs computes the same C outputs at every drawn point, and drops a
// neuron only if no output uses it (no neuron of weight 0 everywhere is
// left, and the count never grows).
func TestPruneVectorKeepsEveryOutput(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := rapid.IntRange(1, 2).Draw(t, "d")
		n := props.AnyNetwork(2, 5, d).Draw(t, "g")
		if n.Depth() != 2 {
			return
		}
		C := rapid.IntRange(1, 3).Draw(t, "C")
		last := &n.Layers[1]
		last.W, last.B = nil, nil
		for c := 0; c < C; c++ {
			row := make([]*big.Rat, n.Layers[0].Out())
			for k := range row {
				row[k] = new(big.Rat)
				if rapid.Bool().Draw(t, "used") {
					row[k] = props.SmallRat().Draw(t, "w")
				}
			}
			last.W, last.B = append(last.W, row), append(last.B, props.SmallRat().Draw(t, "b"))
		}
		p := Prune(n)
		if p.Outputs() != C || p.Hidden() > n.Hidden() {
			t.Fatalf("pruned: %d outputs, %d neurons (from %d)", p.Outputs(), p.Hidden(), n.Hidden())
		}
		if p.Depth() == 2 {
			for k := range p.Layers[0].W {
				if allZeroColumn(p.Layers[1].W, k) {
					t.Fatalf("neuron %d kept with weight 0 in every output", k+1)
				}
			}
		}
		X := rapid.SliceOfN(rapid.SliceOfN(props.SmallRat(), d, d), 1, 6).Draw(t, "X")
		for _, x := range X {
			a, b := n.EvalVec(x), p.EvalVec(x)
			for c := range a {
				if a[c].Cmp(b[c]) != 0 {
					t.Fatalf("output %d at %v: %s before pruning, %s after", c+1, x, a[c].RatString(), b[c].RatString())
				}
			}
		}
	})
}

// TestU2VectorFineTunes: U2Vector (both hidden layers shared by the C
// outputs) fine-tunes every output exactly with exactly U2's count for the
// rows where any output changes, 2⌊√K⌋ + 3N, and 3N + 2 with one group; an
// output weight off by 1/5 is caught.
func TestU2VectorFineTunes(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		v := props.VectorInstance(3, 12, 3, 4).Draw(t, "v")
		N, K := v.N(), v.K()
		for groups, want := range map[int]int{0: 2*yunIsqrt(K) + 3*N, 1: 3*N + 2} {
			b, err := u2Vector(v, groups)
			if err != nil {
				t.Fatal(err)
			}
			if N == 0 {
				want = 0
			}
			if b.Neurons != want || b.Net.Outputs() != v.Outputs() {
				t.Fatalf("groups %d: m = %d, want %d; %d outputs", groups, b.Neurons, want, b.Net.Outputs())
			}
			if _, err := v.Verify(b.Net); err != nil {
				t.Fatalf("groups %d: %v", groups, err)
			}
			if N == 0 {
				continue
			}
			n := b.Net.Clone()
			last := n.Layers[len(n.Layers)-1]
			c := rapid.IntRange(0, v.Outputs()-1).Draw(t, "output")
			last.W[c][0].Add(last.W[c][0], big.NewRat(1, 5))
			if _, err := v.Verify(n); err == nil {
				// the first ReLU of the first bump may be 0 at every sample;
				// the bias is seen everywhere
				last.B[c].Add(last.B[c], big.NewRat(1, 5))
				if _, err := v.Verify(n); err == nil {
					t.Fatalf("output %d off by 1/5 verified", c+1)
				}
			}
		}
	})
}
