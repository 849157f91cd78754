package oracle

// Benchmarks of exact verification of a dense network beside float64: a
// 16-64-64-1 network with 3-decimal weights and K rows of 16 inputs with 4
// decimals (docs/performance.md records a run). Each path reports ns/row,
// cpu-ns/row and allocations per op (all K rows):
//
//	go test ./oracle -run '^$' -bench Dense -benchtime 3x -oracle.dense-k 10000,100000
//
// Verify is the fixed-width path (fasteval.go); VerifyBigInt is Verify as it
// was before it, the big.Int path of inteval.go on every row, run on
// -oracle.dense-sample rows; EvalRat is layer-by-layer big.Rat Eval on
// -oracle.sample rows; Float is gonum float64 EvalBatch on all K rows. The
// rows are given as *big.Rat to the exact paths and as a float64 matrix to
// Float (conversion not timed): no path parses.

import (
	"flag"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

var (
	denseK      = flag.String("oracle.dense-k", "10000,100000", "benchmarks: row counts K of BenchmarkDense, ','-separated")
	denseSample = flag.Int("oracle.dense-sample", 10000, "benchmarks: rows for the big.Int Verify baseline of BenchmarkDense")
)

// decimal is k/10^places with k uniform in [−10^places, 10^places].
func decimal(r *rand.Rand, places int) *big.Rat {
	q := int64(1)
	for range places {
		q *= 10
	}
	return big.NewRat(r.Int64N(2*q+1)-q, q)
}

// denseNet is the 16-64-64-1 network with weights and biases of 3 decimals
// in [−1, 1] (seeded).
func denseNet() *Network {
	r := rand.New(rand.NewPCG(16, 64))
	n := &Network{}
	in := 16
	for _, w := range []int{64, 64, 1} {
		l := Layer{W: make([][]*big.Rat, w), B: make([]*big.Rat, w)}
		for k := range l.W {
			l.W[k] = make([]*big.Rat, in)
			for j := range l.W[k] {
				l.W[k][j] = decimal(r, 3)
			}
			l.B[k] = decimal(r, 3)
		}
		n.Layers = append(n.Layers, l)
		in = w
	}
	return n
}

type denseBench struct {
	g *Network
	X [][]*big.Rat
	Y []*big.Rat
	F *mat.Dense // X in float64
}

var denseCache = map[int]*denseBench{}

// denseWorkload is K rows of 16 inputs with 4 decimals in [−1, 1] and their
// exact labels, computed by the fixed-width path and checked against Eval on
// the first 20 rows (the tests check that path on every kind of row).
func denseWorkload(b *testing.B, K int) *denseBench {
	if w := denseCache[K]; w != nil {
		return w
	}
	r := rand.New(rand.NewPCG(4, uint64(K)))
	w := &denseBench{g: denseNet(), X: make([][]*big.Rat, K), F: mat.NewDense(K, 16, nil)}
	for i := range w.X {
		w.X[i] = make([]*big.Rat, 16)
		for j := range w.X[i] {
			w.X[i][j] = decimal(r, 4)
			v, _ := w.X[i][j].Float64()
			w.F.Set(i, j, v)
		}
	}
	w.Y = NewEvaluator(w.g).EvalAll(w.X)
	for i := range min(20, K) {
		if w.g.Eval(w.X[i]).Cmp(w.Y[i]) != 0 {
			b.Fatalf("row %d: label differs from Eval", i+1)
		}
	}
	denseCache[K] = w
	return w
}

func denseKs(b *testing.B) []int {
	var ks []int
	for _, f := range strings.Split(*denseK, ",") {
		k, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || k < 1 {
			b.Fatalf("-oracle.dense-k: bad K %q", f)
		}
		ks = append(ks, k)
	}
	return ks
}

// perRow reports ns/row and cpu-ns/row over b.N runs of rows, and the
// allocations per run.
func perRow(b *testing.B, cpu0 int64, rows int) {
	perPoint(b, cpu0, rows)
	b.ReportAllocs()
}

// BenchmarkDense verifies the dense workload by each path at each K.
func BenchmarkDense(b *testing.B) {
	for _, K := range denseKs(b) {
		w := denseWorkload(b, K)
		b.Run("K="+strconv.Itoa(K)+"/Verify", func(b *testing.B) {
			cpu0 := startCPU()
			for b.Loop() {
				if _, err := Verify(w.g, nil, w.X, w.Y); err != nil {
					b.Fatal(err)
				}
			}
			perRow(b, cpu0, K)
		})
		b.Run("K="+strconv.Itoa(K)+"/VerifyBigInt", func(b *testing.B) {
			n := min(K, *denseSample)
			ints := newIntNet(w.g)
			cpu0 := startCPU()
			for b.Loop() {
				got := make([]*big.Rat, n)
				parallelFor(n, func(i int) { got[i] = ints.eval(w.X[i]) })
				for i := range got {
					if got[i].Cmp(w.Y[i]) != 0 {
						b.Fatalf("row %d", i+1)
					}
				}
			}
			perRow(b, cpu0, n)
		})
		b.Run("K="+strconv.Itoa(K)+"/EvalRat", func(b *testing.B) {
			n := min(K, *benchSample)
			cpu0 := startCPU()
			for b.Loop() {
				for i := range n {
					if w.g.Eval(w.X[i]).Cmp(w.Y[i]) != 0 {
						b.Fatalf("row %d", i+1)
					}
				}
			}
			perRow(b, cpu0, n)
		})
		b.Run("K="+strconv.Itoa(K)+"/Float", func(b *testing.B) {
			f := NewFloat(w.g)
			cpu0 := startCPU()
			for b.Loop() {
				f.EvalBatch(w.F)
			}
			perRow(b, cpu0, K)
		})
	}
}
