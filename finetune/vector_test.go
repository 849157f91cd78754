package finetune

import (
	"errors"
	"fmt"
	"math/big"
	"testing"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
	"github.com/ftcheck/ftcheck/props"
	"pgregory.net/rapid"
)

// vectorBase draws a frozen network on ℚ^d with C outputs.
func vectorBase(t *rapid.T, d, C int) *oracle.Network {
	f := props.AnyNetwork(2, 3, d).Draw(t, "f")
	last := &f.Layers[len(f.Layers)-1]
	in := last.In()
	last.W, last.B = nil, nil
	for c := 0; c < C; c++ {
		row := make([]*big.Rat, in)
		for k := range row {
			row[k] = props.SmallRat().Draw(t, fmt.Sprintf("f out[%d][%d]", c+1, k+1))
		}
		last.W, last.B = append(last.W, row), append(last.B, props.SmallRat().Draw(t, "f bias"))
	}
	return f
}

// TestSmallestVectorVerifiesEveryOutput: with a frozen f of C outputs and
// labels y = f(x) + z, SmallestVector returns a g with C outputs and m ≤
// min{3N+1, K−1} (depth 2) or 3N + 2 (depth 3) such that f+g = y on every row and output, checked again
// here with the reference EvalVec.
func TestSmallestVectorVerifiesEveryOutput(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		v := props.VectorInstance(3, 8, 2, 3).Draw(t, "v")
		f := vectorBase(t, v.Dim(), v.Outputs())
		Ys := make([][]*big.Rat, v.K())
		for i, x := range v.X {
			Ys[i] = f.EvalVec(x)
			for c := range Ys[i] {
				Ys[i][c].Add(Ys[i][c], v.Z[i][c])
			}
		}
		depth := rapid.IntRange(2, 3).Draw(t, "depth")
		r, err := SmallestVector(v, depth, VectorOptions{Base: f, Ys: Ys})
		if err != nil {
			t.Fatal(err)
		}
		bound := min(3*v.N()+1, v.K()-1)
		if depth == 3 {
			bound = 3*v.N() + 2
		}
		if r.Net.Outputs() != v.Outputs() || r.Net.Depth() > depth || r.Neurons > bound {
			t.Fatalf("%s: %d outputs, m = %d (N = %d, K = %d)", r.Name, r.Net.Outputs(), r.Neurons, v.N(), v.K())
		}
		for i, x := range v.X {
			g, fx := r.Net.EvalVec(x), f.EvalVec(x)
			for c := range g {
				if g[c].Add(g[c], fx[c]).Cmp(Ys[i][c]) != 0 {
					t.Fatalf("row %d output %d: f+g = %s, y = %s", i+1, c+1, g[c].RatString(), Ys[i][c].RatString())
				}
			}
		}
	})
}

// TestSmallestVectorSkipsBroken: a planted candidate with fewer neurons
// whose second output's bias is off fails verification at output 2 and is
// skipped; the real one is chosen. Depth 3 is a *DepthError.
func TestSmallestVectorSkipsBroken(t *testing.T) {
	v := &instance.Vector{
		X: [][]*big.Rat{oracle.Rats(0), oracle.Rats(1), oracle.Rats(2), oracle.Rats(3)},
		Z: [][]*big.Rat{oracle.Rats(0, 0), oracle.Rats(1, 2), oracle.Rats(0, 0), oracle.Rats(0, 0)},
	}
	broken := func(v *instance.Vector) (*construction.Built, error) {
		b, err := construction.TwoLayerVector(v)
		if err != nil {
			return nil, err
		}
		n := b.Net.Clone()
		n.Layers[len(n.Layers)-1].B[1].Add(n.Layers[len(n.Layers)-1].B[1], big.NewRat(1, 3))
		return construction.NewBuilt("broken", n, 0), nil
	}
	cands := func(int) []VectorCandidate {
		return append([]VectorCandidate{{"broken", broken}}, VectorCandidates(2)...)
	}
	r, err := SmallestVector(v, 2, VectorOptions{Candidates: cands})
	if err != nil {
		t.Fatal(err)
	}
	if r.Name != "T4.4-vector" || r.Tried[0].Outcome != Failed || r.Tried[0].Mismatch.Output != 2 {
		t.Fatalf("chose %s; tried %v (first mismatch %v)", r.Name, r.Tried, r.Tried[0].Mismatch)
	}
	var de *DepthError
	if _, err := SmallestVector(v, 4, VectorOptions{}); !errors.As(err, &de) || de.C != 2 {
		t.Fatalf("depth 4: %v, want a *DepthError for C = 2", err)
	}
	r3, err := SmallestVector(v, 3, VectorOptions{})
	if err != nil || r3.Name != "U2-vector[1 group]" || r3.Neurons != 5 { // N = 1: 3N + 2
		t.Fatalf("depth 3: %v, %v", r3, err)
	}
}
