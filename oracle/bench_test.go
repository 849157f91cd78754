package oracle

// Benchmarks of the fast exact paths beside their baselines: Restrict (a whole
// line compiled at once) against direct layer-by-layer Eval, Verify through
// the rank-one 1-D lookup against Eval row by row, and gonum float64 EvalBatch.
// Every benchmark reports ns/point so the paths compare at equal work.
// They only run with -bench; sizes are flags:
//
//	go test ./oracle -run '^$' -bench . -benchtime 3x \
//	    -oracle.widths '1000;10000;100,100' -oracle.k 100000 -oracle.m 3000 -oracle.d 8

import (
	"flag"
	"fmt"
	"github.com/ftcheck/ftcheck/internal/cpuwatch"
	"math/big"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

var (
	benchWidths = flag.String("oracle.widths", "1000;10000;100,100", "benchmarks: hidden widths of the Restrict networks, ';'-separated")
	benchK      = flag.Int("oracle.k", 100000, "benchmarks: rows K for BenchmarkVerify")
	benchM      = flag.Int("oracle.m", 3000, "benchmarks: neurons of the rank-one 2-layer net of BenchmarkVerify")
	benchD      = flag.Int("oracle.d", 8, "benchmarks: input dimension")
	benchSample = flag.Int("oracle.sample", 200, "benchmarks: points per op for the direct Eval baselines")
)

// perPoint reports wall and CPU time per point: ns/point and cpu-ns/point
// (CPU time sums all cores, so it exceeds wall time for parallel paths and is
// what to compare on a loaded machine).
func perPoint(b *testing.B, cpu0 int64, points int) {
	n := float64(b.N) * float64(points)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/point")
	b.ReportMetric(float64(cpuNanos()-cpu0)/n, "cpu-ns/point")
}

// startCPU collects the garbage of the setup (so its GC is not charged to the
// benchmark) and returns the CPU time so far.
func startCPU() int64 {
	runtime.GC()
	return cpuNanos()
}

// benchRat is p/q with |p| ≤ 9, 1 ≤ q ≤ 8: weights of the size the
// constructions produce.
func benchRat(r *rand.Rand) *big.Rat {
	return big.NewRat(int64(r.IntN(19)-9), int64(1+r.IntN(8)))
}

func benchVec(r *rand.Rand, d int) []*big.Rat {
	v := make([]*big.Rat, d)
	for i := range v {
		v[i] = benchRat(r)
	}
	return v
}

// benchNet is a network on ℚ^d with the given hidden widths and random
// benchRat weights (seeded, so every run benchmarks the same network).
func benchNet(d int, widths []int, seed uint64) *Network {
	r := rand.New(rand.NewPCG(seed, 7))
	n := &Network{}
	in := d
	for _, w := range append(append([]int{}, widths...), 1) {
		l := Layer{W: make([][]*big.Rat, w), B: make([]*big.Rat, w)}
		for k := range l.W {
			l.W[k], l.B[k] = benchVec(r, in), benchRat(r)
		}
		n.Layers = append(n.Layers, l)
		in = w
	}
	return n
}

func parseWidths(b *testing.B) [][]int {
	var out [][]int
	for _, spec := range strings.Split(*benchWidths, ";") {
		var ws []int
		for _, f := range strings.Split(spec, ",") {
			w, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || w < 1 {
				b.Fatalf("-oracle.widths: bad width %q", f)
			}
			ws = append(ws, w)
		}
		out = append(out, ws)
	}
	return out
}

func widthsName(ws []int) string {
	s := make([]string, len(ws))
	for i, w := range ws {
		s[i] = strconv.Itoa(w)
	}
	return "widths=" + strings.Join(s, "x")
}

// BenchmarkRestrict compiles g to the line p + t·u; "points" is how many
// points φ keeps and "pieces" its piece count.
func BenchmarkRestrict(b *testing.B) {
	for _, ws := range parseWidths(b) {
		b.Run(widthsName(ws), func(b *testing.B) {
			g := benchNet(*benchD, ws, 1)
			r := rand.New(rand.NewPCG(2, 3))
			p, u := benchVec(r, *benchD), benchVec(r, *benchD)
			var phi *PiecewiseLinear
			cpu0 := startCPU()
			for b.Loop() {
				phi = g.Restrict(p, u)
			}
			b.ReportMetric(float64(len(phi.Points)), "points")
			b.ReportMetric(float64(phi.Pieces()), "pieces")
			perPoint(b, cpu0, len(phi.Points))
		})
	}
}

// BenchmarkRestrictEvalDirect is the baseline of BenchmarkRestrict: Eval at
// -oracle.sample points of the same line (multiply ns/point by the points of
// BenchmarkRestrict for the cost of the same evaluations done directly).
func BenchmarkRestrictEvalDirect(b *testing.B) {
	for _, ws := range parseWidths(b) {
		b.Run(widthsName(ws), func(b *testing.B) {
			g := benchNet(*benchD, ws, 1)
			xs := linePoints(*benchD, *benchSample)
			cpu0 := startCPU()
			for b.Loop() {
				for _, x := range xs {
					g.Eval(x)
				}
			}
			perPoint(b, cpu0, len(xs))
		})
	}
}

// linePoints are n points p + t·u of the line of BenchmarkRestrict.
func linePoints(d, n int) [][]*big.Rat {
	r := rand.New(rand.NewPCG(2, 3))
	p, u := benchVec(r, d), benchVec(r, d)
	xs := make([][]*big.Rat, n)
	for i := range xs {
		t := benchRat(r)
		xs[i] = make([]*big.Rat, d)
		for j := range p {
			xs[i][j] = new(big.Rat).Add(p[j], new(big.Rat).Mul(t, u[j]))
		}
	}
	return xs
}

// rankOneBench is the Verify workload: a 2-layer net g(x) = W2·σ(λ·aᵀx + b1)
// + b2 with -oracle.m neurons on ℚ^d, K rows and their exact labels.
type rankOneBench struct {
	g *Network
	X [][]*big.Rat
	Y []*big.Rat
}

var rankOneCache = map[string]*rankOneBench{}

func rankOneWorkload(b *testing.B) *rankOneBench {
	key := fmt.Sprint(*benchK, *benchM, *benchD)
	if w := rankOneCache[key]; w != nil {
		return w
	}
	r := rand.New(rand.NewPCG(4, 5))
	g := benchNet(*benchD, []int{*benchM}, 6)
	a := benchVec(r, *benchD)
	a[0] = big.NewRat(1, 1)
	for k, row := range g.Layers[0].W {
		lambda := big.NewRat(int64(1+r.IntN(5))*int64(1-2*(k%2)), int64(1+r.IntN(3)))
		for j := range row {
			row[j] = new(big.Rat).Mul(lambda, a[j])
		}
	}
	w := &rankOneBench{g: g, X: make([][]*big.Rat, *benchK)}
	for i := range w.X {
		w.X[i] = benchVec(r, *benchD)
	}
	w.Y = NewEvaluator(g).EvalAll(w.X) // labels; checked against Eval in the tests
	rankOneCache[key] = w
	return w
}

// BenchmarkVerify runs Verify on K rows of the rank-one workload: the 1-D
// lookup path (compile once, then a dot product and a binary search per row).
func BenchmarkVerify(b *testing.B) {
	w := rankOneWorkload(b)
	b.ResetTimer()
	cpu0 := startCPU()
	for b.Loop() {
		cert, err := Verify(w.g, nil, w.X, w.Y)
		if err != nil || cert.Method != "exact (1-D lookup)" {
			b.Fatalf("%v %v", cert, err)
		}
	}
	perPoint(b, cpu0, len(w.X))
}

// BenchmarkVerifyEvalDirect is the baseline of BenchmarkVerify: Eval
// layer by layer on -oracle.sample of its rows (ns/point × K is the cost of
// verifying all K rows this way).
func BenchmarkVerifyEvalDirect(b *testing.B) {
	w := rankOneWorkload(b)
	n := min(*benchSample, len(w.X))
	b.ResetTimer()
	cpu0 := startCPU()
	for b.Loop() {
		for i := 0; i < n; i++ {
			if w.g.Eval(w.X[i]).Cmp(w.Y[i]) != 0 {
				b.Fatalf("row %d", i+1)
			}
		}
	}
	perPoint(b, cpu0, n)
}

// BenchmarkVerifyFloat is gonum float64 EvalBatch on all K rows of the same
// workload (conversion to float64 not timed): the speed a float check would
// have, with none of its exactness.
func BenchmarkVerifyFloat(b *testing.B) {
	w := rankOneWorkload(b)
	f := NewFloat(w.g)
	X := mat.NewDense(len(w.X), *benchD, nil)
	for i, x := range w.X {
		for j, v := range x {
			fv, _ := v.Float64()
			X.Set(i, j, fv)
		}
	}
	b.ResetTimer()
	cpu0 := startCPU()
	for b.Loop() {
		f.EvalBatch(X)
	}
	perPoint(b, cpu0, len(w.X))
}

// BenchmarkEvaluatorInteger is the integer common-denominator path of
// NewEvaluator (networks whose first layer is not rank one) on the Restrict
// networks, at -oracle.sample points: compare with BenchmarkRestrictEvalDirect.
func BenchmarkEvaluatorInteger(b *testing.B) {
	for _, ws := range parseWidths(b) {
		b.Run(widthsName(ws), func(b *testing.B) {
			g := benchNet(*benchD, ws, 1)
			e := NewEvaluator(g)
			if e.Fast() {
				b.Fatal("random first layer of rank one")
			}
			xs := linePoints(*benchD, *benchSample)
			cpu0 := startCPU()
			for b.Loop() {
				for _, x := range xs {
					e.Eval(x)
				}
			}
			perPoint(b, cpu0, len(xs))
		})
	}
}

// cpuNanos is the user+system CPU time of this process so far: benchmarks
// report it beside wall time, which a loaded machine inflates.
func cpuNanos() int64 { return int64(cpuwatch.CPUTime()) }
