package oracle

// The float64 baseline against Eval. With dyadic weights and inputs of few
// bits every float64 operation is exact, so the two must agree exactly, and
// any difference is a bug of the baseline, not rounding.

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// dyadicNet is a network on ℚ^d with the given hidden widths and weights
// p/4, |p| ≤ 8.
func dyadicNet(r *rand.Rand, d int, widths []int) *Network {
	n := &Network{}
	in := d
	for _, w := range append(append([]int{}, widths...), 1) {
		l := Layer{W: make([][]*big.Rat, w), B: make([]*big.Rat, w)}
		for k := range l.W {
			l.W[k] = make([]*big.Rat, in)
			for j := range l.W[k] {
				l.W[k][j] = big.NewRat(int64(r.IntN(17)-8), 4)
			}
			l.B[k] = big.NewRat(int64(r.IntN(17)-8), 4)
		}
		n.Layers = append(n.Layers, l)
		in = w
	}
	return n
}

// TestFloatMatchesEvalExactly: EvalBatch returns one output per row, in
// order, equal to Eval's, for batches smaller than, equal to and larger than
// its block of rows, and Eval on a single row agrees.
func TestFloatMatchesEvalExactly(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	shapes := [][]int{nil, {1}, {3}, {4, 2}, {2, 3, 2}}
	for trial, K := range []int{1, 2, 7, floatBlock - 1, floatBlock, floatBlock + 1, 2*floatBlock + 5} {
		d := 1 + trial%3
		g := dyadicNet(r, d, shapes[trial%len(shapes)])
		f := NewFloat(g)
		X := mat.NewDense(K, d, nil)
		rows := make([][]*big.Rat, K)
		for i := range rows {
			rows[i] = make([]*big.Rat, d)
			for j := range rows[i] {
				rows[i][j] = big.NewRat(int64(r.IntN(33)-16), 2)
				v, _ := rows[i][j].Float64()
				X.Set(i, j, v)
			}
		}
		out := f.EvalBatch(X)
		if len(out) != K {
			t.Fatalf("K = %d: %d outputs", K, len(out))
		}
		for i, x := range rows {
			want, exact := g.Eval(x).Float64()
			if !exact {
				t.Fatalf("test network too fine for exact float64: %s", g.Eval(x).RatString())
			}
			if out[i] != want {
				t.Fatalf("K = %d, row %d: EvalBatch %v, Eval %v; g = %#v", K, i+1, out[i], want, g)
			}
			if i < 3 {
				if v := f.Eval(X.RawRowView(i)); v != want {
					t.Fatalf("row %d: Eval %v, want %v", i+1, v, want)
				}
			}
		}
	}
}

// TestFloatByHand: g(x) = 3σ(x1 − 2x2) − σ(5x2 + 1/2) − 7 (all exact in
// float64) at (1, 2), (4, 1) and (0, −1): −35/2, −13/2 and −1.
func TestFloatByHand(t *testing.T) {
	g := &Network{Layers: []Layer{
		{W: [][]*big.Rat{Rats(1, -2), Rats(0, 5)}, B: []*big.Rat{rat(0, 1), rat(1, 2)}},
		{W: [][]*big.Rat{Rats(3, -1)}, B: Rats(-7)},
	}}
	// (1, 2): 3σ(−3) − σ(10.5) − 7 = −17.5; (4, 1): 3·2 − 5.5 − 7 = −6.5;
	// (0, −1): 3·2 − σ(−4.5) − 7 = −1.
	X := mat.NewDense(3, 2, []float64{1, 2, 4, 1, 0, -1})
	want := []float64{-17.5, -6.5, -1}
	got := NewFloat(g).EvalBatch(X)
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d: %v, want %v", i+1, got[i], want[i])
		}
	}
}
