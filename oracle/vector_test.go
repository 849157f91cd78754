package oracle

// Tests of networks with C > 1 outputs: EvalVec and the vector evaluator
// against single-output copies of each output row, VerifyVec's first
// mismatch (row, then output), and the C-label data format.

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
	"pgregory.net/rapid"
)

// withOutputs replaces the last layer of n by C rows drawn from w (C ≥ 1).
func withOutputs(t *rapid.T, n *Network, C int, w *rapid.Generator[*big.Rat]) *Network {
	last := &n.Layers[len(n.Layers)-1]
	in := last.In()
	last.W, last.B = make([][]*big.Rat, C), make([]*big.Rat, C)
	for c := range last.W {
		last.W[c] = ratVec(w, in, fmt.Sprintf("Wout[%d]", c+1)).Draw(t, "row")
		last.B[c] = w.Draw(t, fmt.Sprintf("bout[%d]", c+1))
	}
	return n
}

// vectorNetwork draws a network with C = 1..4 outputs, a third of the time
// with a rank-one first layer (the 1-D lookup path).
func vectorNetwork() *rapid.Generator[*Network] {
	return rapid.Custom(func(t *rapid.T) *Network {
		var g *Network
		if rapid.IntRange(0, 2).Draw(t, "rank one") == 0 {
			g = rankOneNetwork(3, 4).Draw(t, "g")
		} else {
			g = anyNetwork(3, 4).Draw(t, "g")
		}
		return withOutputs(t, g, rapid.IntRange(1, 4).Draw(t, "C"), smallRat())
	})
}

// copyOutput is the single-output network of output c built by copying
// every layer (not by Output, whose sharing it checks).
func copyOutput(n *Network, c int) *Network {
	k := n.Clone()
	last := &k.Layers[len(k.Layers)-1]
	last.W, last.B = [][]*big.Rat{last.W[c]}, []*big.Rat{last.B[c]}
	return k
}

// TestEvalVecIsEveryOutput: for every network with C outputs and every
// input, EvalVec(x)[c], Output(c).Eval(x) and the vector evaluator's Eval
// and EvalAll all equal Eval of a separate copy of output c.
func TestEvalVecIsEveryOutput(t *testing.T) {
	checkRounds(t, 10, func(t *rapid.T) {
		g := vectorNetwork().Draw(t, "g")
		if err := g.Validate(); err != nil {
			t.Fatalf("drawn network invalid: %v", err)
		}
		X := rapid.SliceOfN(ratVec(smallRat(), g.InputDim(), "x"), 1, 5).Draw(t, "X")
		e := NewVecEvaluator(g)
		all := e.EvalAll(X)
		for c := 0; c < g.Outputs(); c++ {
			want := copyOutput(g, c)
			view := g.Output(c)
			for i, x := range X {
				w := want.Eval(x)
				for name, got := range map[string]*big.Rat{
					"EvalVec": g.EvalVec(x)[c], "Output(c).Eval": view.Eval(x),
					"VecEvaluator.Eval": e.Eval(x)[c], "VecEvaluator.EvalAll": all[i][c],
				} {
					if got.Cmp(w) != 0 {
						t.Fatalf("row %d output %d: %s = %s, copy of the output row gives %s", i+1, c+1, name, got.RatString(), w.RatString())
					}
				}
			}
		}
	})
}

// TestOutputSharesHiddenLayers: Output(c) has one output and the hidden
// layers of n themselves (no copy), and out-of-range c panics.
func TestOutputSharesHiddenLayers(t *testing.T) {
	n := &Network{Layers: []Layer{
		{W: [][]*big.Rat{Rats(1), Rats(-1)}, B: Rats(0, 0)},
		{W: [][]*big.Rat{Rats(1, 0), Rats(0, 1), Rats(2, 3)}, B: Rats(0, 1, 2)},
	}}
	if n.Outputs() != 3 {
		t.Fatalf("Outputs = %d, want 3", n.Outputs())
	}
	v := n.Output(2)
	if v.Outputs() != 1 || &v.Layers[0].W[0][0] != &n.Layers[0].W[0][0] {
		t.Fatal("Output(2) does not share the hidden layer")
	}
	if got := v.Eval(Rats(-2)); got.Cmp(rat(8, 1)) != 0 { // 2·0 + 3·2 + 2
		t.Fatalf("output 3 at −2 = %s, want 8", got.RatString())
	}
	for _, c := range []int{-1, 3} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Output(%d) did not panic", c)
				}
			}()
			n.Output(c)
		}()
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "EvalVec") {
			t.Errorf("Eval of a 3-output network: panic %v, want one naming EvalVec", r)
		}
	}()
	n.Eval(Rats(1))
}

// TestVerifyVecFirstMismatch: labels equal to the exact outputs verify; with
// some cells changed, VerifyVec names the least changed row and, in it, the
// least changed output, with f+g as with g alone.
func TestVerifyVecFirstMismatch(t *testing.T) {
	checkRounds(t, 5, func(t *rapid.T) {
		g := vectorNetwork().Draw(t, "g")
		C := g.Outputs()
		var f *Network
		if rapid.Bool().Draw(t, "with f") {
			f = withOutputs(t, anyNetwork(2, 3).Draw(t, "f0"), C, smallRat())
			if f.InputDim() != g.InputDim() {
				f = nil
			}
		}
		X := rapid.SliceOfN(ratVec(smallRat(), g.InputDim(), "x"), 1, 6).Draw(t, "X")
		Ys := make([][]*big.Rat, len(X))
		for i, x := range X {
			Ys[i] = g.EvalVec(x)
			if f != nil {
				for c, v := range f.EvalVec(x) {
					Ys[i][c].Add(Ys[i][c], v)
				}
			}
		}
		if _, err := VerifyVec(g, f, X, Ys); err != nil {
			t.Fatalf("exact labels refused: %v", err)
		}
		cells := rapid.SliceOfN(rapid.IntRange(0, len(X)*C-1), 1, 3).Draw(t, "changed cells")
		first := len(X) * C
		for _, k := range cells {
			Ys[k/C][k%C] = new(big.Rat).Add(Ys[k/C][k%C], rat(1, 7))
			first = min(first, k) // row-major: least row, then least output
		}
		_, err := VerifyVec(g, f, X, Ys)
		var mm *Mismatch
		if !errors.As(err, &mm) {
			t.Fatalf("changed labels: %v, want a *Mismatch", err)
		}
		wantOut := first%C + 1
		if C == 1 {
			wantOut = 0
		}
		if mm.Row != first/C+1 || mm.Output != wantOut || mm.Want.Cmp(Ys[first/C][first%C]) != 0 {
			t.Fatalf("mismatch %v, want row %d output %d", mm, first/C+1, wantOut)
		}
	})
}

// TestVerifyVecShapes: label counts and output counts that differ are
// errors, not panics; Verify refuses a vector network.
func TestVerifyVecShapes(t *testing.T) {
	g := &Network{Layers: []Layer{{W: [][]*big.Rat{Rats(1), Rats(2)}, B: Rats(0, 0)}}}
	f := &Network{Layers: []Layer{{W: [][]*big.Rat{Rats(1)}, B: Rats(0)}}}
	X := [][]*big.Rat{Rats(1)}
	if _, err := VerifyVec(g, nil, X, [][]*big.Rat{Rats(1)}); err == nil || !strings.Contains(err.Error(), "1 labels, network has 2 outputs") {
		t.Errorf("one label for two outputs: %v", err)
	}
	if _, err := VerifyVec(g, f, X, [][]*big.Rat{Rats(1, 2)}); err == nil || !strings.Contains(err.Error(), "1 outputs but the data have 2") {
		t.Errorf("f with one output beside g with two: %v", err)
	}
	if _, err := Verify(g, nil, X, Rats(1)); err == nil || !strings.Contains(err.Error(), "2 outputs") {
		t.Errorf("Verify of a 2-output network: %v", err)
	}
	if _, err := VerifyVec(g, nil, X, [][]*big.Rat{Rats(1, 2)}); err != nil {
		t.Errorf("g(1) = (1, 2): %v", err)
	}
}

// TestReadDataVector: headers y1..yC and z1..zC give C labels; y alone is
// C = 1; mixed letters, gaps and rows of the wrong length are errors naming
// file:line; WriteCSV writes what ReadData reads back.
func TestReadDataVector(t *testing.T) {
	d, err := ReadData(strings.NewReader("x1,x2,y1,y2,y3\n1,2,3,4,5\n\n0,1,1/2,-1,0\n"), "d.csv")
	if err != nil {
		t.Fatal(err)
	}
	if d.Outputs() != 3 || d.K() != 2 || d.Dim() != 2 || d.Y != nil || d.Label != "y" || d.Lines[1] != 4 {
		t.Fatalf("read %+v", d)
	}
	if got := d.Labels(1)[0]; got.Cmp(rat(1, 2)) != 0 {
		t.Fatalf("row 2 y1 = %s", got.RatString())
	}
	var b strings.Builder
	if err := d.WriteCSV(&b); err != nil || b.String() != "x1,x2,y1,y2,y3\n1,2,3,4,5\n0,1,1/2,-1,0\n" {
		t.Fatalf("WriteCSV: %q, %v", b.String(), err)
	}
	one, err := ReadData(strings.NewReader("x1,z1\n1,2\n"), "d.csv")
	if err != nil || one.Outputs() != 1 || one.Y[0].Cmp(rat(2, 1)) != 0 || one.Label != "z" {
		t.Fatalf("x1,z1: %+v, %v", one, err)
	}
	for _, c := range []struct{ src, want string }{
		{"x1,y1,z2\n1,2,3\n", "d.csv:1: header column 3 is \"z2\", want \"y2\""},
		{"x1,y1,z2\n1,2,3\n", "not both"},
		{"x1,y1,y3\n1,2,3\n", "want \"y2\""},
		{"x1,y,y2\n1,2,3\n", "want \"y1\""},
		{"x1,y1,y2\n1,2,3\n1,2\n", "d.csv:3: row has 2 fields, header has 3"},
		{"x1,y1,y2\n1,2,3,4\n", "d.csv:2: row has 4 fields"},
		{"x1,x2\n1,2\n", "last header column is \"x2\""},
		{"x1,w\n1,2\n", "last header column is \"w\""},
		{"x2,y\n1,2\n", "header column 1 is \"x2\""},
	} {
		if _, err := ReadData(strings.NewReader(c.src), "d.csv"); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.src, err, c.want)
		}
	}
	dr, err := NewDataReader(strings.NewReader("x1,y1,y2\n1,2,3\n"), "d.csv", DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := dr.Next(); err == nil || !strings.Contains(err.Error(), "d.csv:2") {
		t.Errorf("Next on 2 labels: %v, want an error naming d.csv:2", err)
	}
}

// TestEvalBatchVecExactOnSmallIntegers: on a network and inputs of small
// integers every float64 operation is exact, so EvalBatchVec equals EvalVec
// on every output; EvalBatch refuses C > 1.
func TestEvalBatchVecExactOnSmallIntegers(t *testing.T) {
	n := &Network{Layers: []Layer{
		{W: [][]*big.Rat{Rats(1, -2), Rats(-1, 3), Rats(2, 2)}, B: Rats(0, 1, -3)},
		{W: [][]*big.Rat{Rats(1, 0, 2), Rats(0, -1, 1)}, B: Rats(5, -4)},
	}}
	X := [][]*big.Rat{Rats(0, 0), Rats(1, 2), Rats(-3, 1), Rats(4, -2), Rats(2, 2)}
	fx := mat.NewDense(len(X), 2, nil)
	for i, x := range X {
		for j, v := range x {
			f, _ := v.Float64()
			fx.Set(i, j, f)
		}
	}
	got := NewFloat(n).EvalBatchVec(fx)
	for i, x := range X {
		for c, want := range n.EvalVec(x) {
			if w, _ := want.Float64(); got[i][c] != w {
				t.Fatalf("row %d output %d: float %v, exact %s", i+1, c+1, got[i][c], want.RatString())
			}
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("EvalBatch of a 2-output network did not panic")
		}
	}()
	NewFloat(n).EvalBatch(fx)
}
