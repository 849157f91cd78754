package oracle

// Tests of Evaluator and Verify: the rank-one detection that picks the 1-D
// path, both exact paths against Eval, the parallel loop, and Verify's
// certificates and mismatches on examples computed by hand.

import (
	"errors"
	"fmt"
	"math/big"
	"runtime"
	"sync/atomic"
	"testing"

	"pgregory.net/rapid"
)

// TestRankOneDirection: the first row that is not zero is returned when every
// other row is a multiple of it (zero rows and a zero first coordinate
// included), nil otherwise.
func TestRankOneDirection(t *testing.T) {
	cases := []struct {
		name string
		W1   [][]*big.Rat
		want []*big.Rat // nil: not rank one
	}{
		{"multiple", [][]*big.Rat{Rats(1, 2), Rats(2, 4)}, Rats(1, 2)},
		{"multiple by 2 of 2", [][]*big.Rat{Rats(2, 3), Rats(4, 6)}, Rats(2, 3)},
		{"fractional multiple", [][]*big.Rat{Rats(3, 6), {rat(1, 2), rat(1, 1)}}, Rats(3, 6)},
		{"zero rows and signs", [][]*big.Rat{Rats(0, 0), Rats(3, -1), Rats(-6, 2), Rats(0, 0)}, Rats(3, -1)},
		{"zero first coordinate", [][]*big.Rat{Rats(0, 1, 2), Rats(0, -3, -6)}, Rats(0, 1, 2)},
		{"one row", [][]*big.Rat{Rats(5, 0, 7)}, Rats(5, 0, 7)},
		{"rank two", [][]*big.Rat{Rats(1, 2), Rats(2, 5)}, nil},
		{"rank two, last coordinate", [][]*big.Rat{Rats(1, 2, 3), Rats(2, 4, 7)}, nil},
		{"unit vectors", [][]*big.Rat{Rats(0, 1), Rats(1, 0)}, nil},
		{"full row then a row with a zero", [][]*big.Rat{Rats(1, 1), Rats(1, 0)}, nil},
		{"zero matrix", [][]*big.Rat{Rats(0, 0), Rats(0, 0)}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := &Network{Layers: []Layer{{W: c.W1, B: Zeros(len(c.W1))}, {W: [][]*big.Rat{Zeros(len(c.W1))}, B: Rats(0)}}}
			got := n.RankOneDirection()
			if (got == nil) != (c.want == nil) || (got != nil && !equalRats(got, c.want)) {
				t.Fatalf("RankOneDirection = %v, want %v", got, c.want)
			}
		})
	}
}

// rankOneNetwork draws a network of depth 2..maxDepth on ℚ^d whose first
// weight matrix has rows λ_k·aᵀ (some λ_k zero), as in Theorem 4.4.
func rankOneNetwork(maxDepth, maxWidth int) *rapid.Generator[*Network] {
	return rapid.Custom(func(t *rapid.T) *Network {
		d := rapid.IntRange(1, 3).Draw(t, "d")
		depth := rapid.IntRange(2, maxDepth).Draw(t, "depth")
		widths := rapid.SliceOfN(rapid.IntRange(1, maxWidth), depth-1, depth-1).Draw(t, "widths")
		n := genNetwork(d, widths, smallRat()).Draw(t, "g")
		a := ratVec(smallRat(), d, "a").Draw(t, "a")
		for k, row := range n.Layers[0].W {
			lambda := smallRat().Draw(t, fmt.Sprintf("lambda[%d]", k+1))
			for j := range row {
				row[j] = new(big.Rat).Mul(lambda, a[j])
			}
		}
		return n
	})
}

// TestEvaluatorAgreesWithEval: NewEvaluator(g).Eval and EvalAll equal
// layer-by-layer Eval on every row, for networks of every shape (integer
// path) and for networks with a rank-one first layer, which take the 1-D path
// whenever that layer is not zero.
func TestEvaluatorAgreesWithEval(t *testing.T) {
	checkRounds(t, 10, func(t *rapid.T) {
		var g *Network
		rankOne := rapid.Bool().Draw(t, "rank one")
		if rankOne {
			g = rankOneNetwork(4, 5).Draw(t, "g")
		} else {
			g = anyNetwork(4, 5).Draw(t, "g")
		}
		e := NewEvaluator(g)
		if rankOne && !isZeroMatrix(g.Layers[0].W) && !e.Fast() {
			t.Fatalf("rank-one first layer but no 1-D path: %#v", g)
		}
		x := rapid.Custom(func(t *rapid.T) []*big.Rat {
			return ratVec(smallRat(), g.InputDim(), "x").Draw(t, "x")
		})
		X := rapid.SliceOfN(x, 1, 6).Draw(t, "X")
		all := e.EvalAll(X)
		for i, xi := range X {
			want := g.Eval(xi)
			if got := e.Eval(xi); got.Cmp(want) != 0 {
				t.Fatalf("row %d: Evaluator %s, Eval %s (fast %v)", i+1, got.RatString(), want.RatString(), e.Fast())
			}
			if all[i].Cmp(want) != 0 {
				t.Fatalf("row %d: EvalAll %s, Eval %s", i+1, all[i].RatString(), want.RatString())
			}
		}
	})
}

func isZeroMatrix(W [][]*big.Rat) bool {
	for _, row := range W {
		for _, v := range row {
			if v.Sign() != 0 {
				return false
			}
		}
	}
	return true
}

// TestEvaluatorAffineIsLayerByLayer: an affine g (one layer) is a single dot
// product, so it is not compiled to a line, even though its one row is
// trivially of rank one; its values are still exact.
func TestEvaluatorAffineIsLayerByLayer(t *testing.T) {
	g := &Network{Layers: []Layer{{W: [][]*big.Rat{Rats(2, -1)}, B: Rats(1)}}}
	e := NewEvaluator(g)
	if e.Fast() {
		t.Fatal("affine network compiled to a line")
	}
	if v := e.Eval(Rats(3, 4)); v.Cmp(rat(3, 1)) != 0 { // 6 − 4 + 1
		t.Fatalf("g(3, 4) = %s, want 3", v.RatString())
	}
}

// TestParallelForVisitsEachIndexOnce: parallelFor calls body exactly once for
// every index below n, on one worker or several, for n around its threshold
// of 64 and for sizes that do not divide evenly among the workers.
func TestParallelForVisitsEachIndexOnce(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(3))
	for _, procs := range []int{1, 2, 3} {
		runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, 63, 64, 65, 100, 101, 1000} {
			counts := make([]atomic.Int32, n+1)
			parallelFor(n, func(i int) { counts[i].Add(1) })
			for i := 0; i <= n; i++ {
				want := int32(1)
				if i == n {
					want = 0
				}
				if c := counts[i].Load(); c != want {
					t.Fatalf("GOMAXPROCS %d, n %d: body(%d) called %d times, want %d", procs, n, i, c, want)
				}
			}
		}
	}
}

// TestEvalAllManyRows: EvalAll over enough rows to be split among workers
// returns each row's own value, in order.
func TestEvalAllManyRows(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(3))
	g := benchNet(2, []int{4, 3}, 9)
	X := make([][]*big.Rat, 200)
	for i := range X {
		X[i] = []*big.Rat{rat(int64(i), 7), rat(int64(i%13)-6, 5)}
	}
	for i, v := range NewEvaluator(g).EvalAll(X) {
		if want := g.Eval(X[i]); v == nil || v.Cmp(want) != 0 {
			t.Fatalf("row %d: EvalAll %v, Eval %s", i+1, v, want.RatString())
		}
	}
}

// rankOneHand is g(x) = σ(x1 + x2) − 2σ(x1 + x2 − 1): with s = x1 + x2 it is
// s on [0, 1], 2 − s beyond, 0 below 0.
func rankOneHand() *Network {
	return &Network{Layers: []Layer{
		{W: [][]*big.Rat{Rats(1, 1), Rats(1, 1)}, B: Rats(0, -1)},
		{W: [][]*big.Rat{Rats(1, -2)}, B: Rats(0)},
	}}
}

// TestVerifyByHand: Verify certifies g alone and f+g on labels computed by
// hand, names its method, and reports the first wrong row (1-based) with the
// exact value obtained.
func TestVerifyByHand(t *testing.T) {
	g := rankOneHand()
	f := &Network{Layers: []Layer{{W: [][]*big.Rat{Rats(1, -1)}, B: Rats(0)}}} // x1 − x2
	X := [][]*big.Rat{Rats(1, 1), {rat(0, 1), rat(1, 2)}, Rats(-3, 1), Rats(2, 2)}
	// s = 2, 1/2, −2, 4: g = 0, 1/2, 0, −2; f = 0, −1/2, −4, 0.
	gY := []*big.Rat{rat(0, 1), rat(1, 2), rat(0, 1), rat(-2, 1)}
	fgY := []*big.Rat{rat(0, 1), rat(0, 1), rat(-4, 1), rat(-2, 1)}
	cert, err := Verify(g, nil, X, gY)
	if err != nil || cert.Rows != 4 || cert.Method != "exact (1-D lookup)" {
		t.Fatalf("Verify(g) = %+v, %v; want 4 rows by 1-D lookup", cert, err)
	}
	if cert, err = Verify(g, f, X, fgY); err != nil || cert.Rows != 4 {
		t.Fatalf("Verify(f+g) = %+v, %v", cert, err)
	}
	// handNet2's first layer has rank 2: layer by layer. At (t, 5) it is φ(t).
	Xh := [][]*big.Rat{Rats(0, 5), Rats(1, 5), Rats(3, 5)}
	if cert, err = Verify(handNet2(), nil, Xh, Rats(4, 5, 3)); err != nil || cert.Method != "exact (layer by layer)" || cert.Rows != 3 {
		t.Fatalf("Verify(handNet2) = %+v, %v", cert, err)
	}
	for _, c := range []struct {
		f    *Network
		Y    []*big.Rat
		row  int
		got  *big.Rat
		text string
	}{
		{nil, []*big.Rat{rat(0, 1), rat(1, 2), rat(1, 1), rat(-2, 1)}, 3, rat(0, 1), "row 3: got 0, want 1"},
		{f, []*big.Rat{rat(0, 1), rat(1, 2), rat(-4, 1), rat(-2, 1)}, 2, rat(0, 1), "row 2: got 0, want 1/2"},
		{f, []*big.Rat{rat(1, 3), rat(1, 2), rat(-4, 1), rat(-2, 1)}, 1, rat(0, 1), "row 1: got 0, want 1/3"},
		{f, []*big.Rat{rat(0, 1), rat(0, 1), rat(-4, 1), rat(2, 1)}, 4, rat(-2, 1), "row 4: got -2, want 2"},
	} {
		_, err := Verify(g, c.f, X, c.Y)
		var mm *Mismatch
		if !errors.As(err, &mm) || mm.Row != c.row || mm.Got.Cmp(c.got) != 0 || err.Error() != c.text {
			t.Errorf("Verify = %v, want %q", err, c.text)
		}
	}
}
