package finetune

// Benchmarks of finetune at issue 11's scale, rows in memory (the streaming
// path has its own, bench_stream_test.go): Smallest at depth 2 and 3 on the
// same instance, beside the exact Verify of the network it returns (f + g on
// every row), in one run. docs/performance.md records a run:
//
//	go test ./finetune -run '^$' -bench Scale -benchtime 1x -finetune.scale-k 10000,100000
//
// Workload (seeded): f is benchF (16-64-64-1, weights k/1000); K rows of 16
// inputs k/10⁴ in [−1, 1]; N = 1000 rows relabelled with y = f(x) + z,
// z = ±k/1000 ≠ 0, the others keep y = f(x) (z = 0). The instance (x, z) is
// built before the timer; the op is Smallest(in, depth, {Base: f, Y: y}),
// which builds every candidate of the depth and verifies f + g exactly.

import (
	"flag"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/internal/workload"
	"github.com/ftcheck/ftcheck/oracle"
)

var scaleK = flag.String("finetune.scale-k", "10000,100000", "comma-separated K of BenchmarkScale")

// scaleInstance is the workload at K: the instance and the labels y.
func scaleInstance(f *oracle.Network, K int) (*instance.Instance, []*big.Rat) {
	r := rand.New(rand.NewPCG(8, uint64(K)))
	X := make([][]*big.Rat, K)
	for i := range X {
		X[i] = make([]*big.Rat, workload.Dim)
		for j := range X[i] {
			X[i][j] = big.NewRat(r.Int64N(20001)-10000, 10000)
		}
	}
	fy := oracle.NewEvaluator(f).EvalAll(X)
	z := oracle.Zeros(K)
	for _, i := range r.Perm(K)[:benchN] {
		for z[i].Sign() == 0 {
			z[i].SetFrac64(r.Int64N(2001)-1000, 1000)
		}
	}
	Y := make([]*big.Rat, K)
	for i := range Y {
		Y[i] = new(big.Rat).Add(fy[i], z[i])
	}
	return &instance.Instance{X: X, Z: z}, Y
}

func cpuNow() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkScale: Smallest at depth 2 and 3, and Verify of depth 2's g,
// reporting cpu-ns/row (user + system, both cores) and the neurons found.
func BenchmarkScale(b *testing.B) {
	f := benchF()
	for _, s := range strings.Split(*scaleK, ",") {
		K, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || K < benchN {
			b.Fatalf("-finetune.scale-k: bad K %q", s)
		}
		in, Y := scaleInstance(f, K)
		opt := Options{Base: f, Y: Y}
		var g *oracle.Network
		for _, depth := range []int{2, 3} {
			b.Run("K="+strconv.Itoa(K)+"/depth="+strconv.Itoa(depth), func(b *testing.B) {
				b.ReportAllocs()
				var res *Result
				cpu0 := cpuNow()
				for b.Loop() {
					if res, err = Smallest(in, depth, opt); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(cpuNow()-cpu0)/float64(b.N)/float64(K), "cpu-ns/row")
				b.ReportMetric(float64(res.Built.Neurons), "neurons")
				if depth == 2 {
					g = res.Built.Net
				}
			})
		}
		b.Run("K="+strconv.Itoa(K)+"/verify", func(b *testing.B) {
			if g == nil {
				b.Skip("no depth-2 network")
			}
			b.ReportAllocs()
			cpu0 := cpuNow()
			for b.Loop() {
				if _, err := oracle.Verify(g, f, in.X, Y); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuNow()-cpu0)/float64(b.N)/float64(K), "cpu-ns/row")
		})
	}
}
