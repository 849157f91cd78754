package construction

// Benchmarks of Theorem 4.4 at the size: K = 10⁵ samples, N = 10³
// changed, d = 8. Run with
//
//	go test -run '^$' -bench TwoLayer -benchtime 1x ./construction
//
// BenchmarkTwoLayerEvalLayerByLayer is the baseline: plain oracle.Network.Eval
// of the same network, one point per iteration (ns/op is per point; the full
// 10⁵ points would take 10⁵ × that).
//
// The machine is shared, so each benchmark also reports cpu-s/op: the
// process's user+system CPU seconds per iteration (getrusage), which
// contention inflates far less than wall time.

import (
	"math/big"
	"math/rand"
	"sync"
	"syscall"
	"testing"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

var twoLayerBench struct {
	sync.Once
	in *instance.Instance
	b  *Built
}

func twoLayerBenchInstance(b *testing.B) (*instance.Instance, *Built) {
	twoLayerBench.Do(func() {
		r := rand.New(rand.NewSource(7))
		const K, N, d = 100000, 1000, 8
		in := &instance.Instance{}
		for i := 0; i < K; i++ {
			x := make([]*big.Rat, d)
			for k := range x {
				x[k] = big.NewRat(int64(r.Intn(1<<20)), int64(1+r.Intn(4)))
			}
			x[0] = big.NewRat(int64(i), 1) // distinct rows
			in.X = append(in.X, x)
			in.Z = append(in.Z, new(big.Rat))
		}
		for _, i := range r.Perm(K)[:N] {
			in.Z[i] = big.NewRat(int64(r.Intn(2001)-1000), int64(1+r.Intn(7)))
			if in.Z[i].Sign() == 0 {
				in.Z[i].SetInt64(1)
			}
		}
		built, err := TwoLayer(in)
		if err != nil {
			b.Fatal(err)
		}
		twoLayerBench.in, twoLayerBench.b = in, built
	})
	return twoLayerBench.in, twoLayerBench.b
}

// BenchmarkTwoLayerBuild: Theorem 4.4's network for K = 10⁵, N = 10³, d = 8.
func BenchmarkTwoLayerBuild(b *testing.B) {
	in, _ := twoLayerBenchInstance(b)
	b.ResetTimer()
	cpu0 := cpuSeconds()
	defer func() { reportCPU(b, cpu0) }()
	for i := 0; i < b.N; i++ {
		if _, err := TwoLayer(in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTwoLayerBuildVerify: build, then verify exactly on all 10⁵ rows
// with the oracle (its 1-D lookup path for rank-one first layers).
func BenchmarkTwoLayerBuildVerify(b *testing.B) {
	in, _ := twoLayerBenchInstance(b)
	b.ResetTimer()
	cpu0 := cpuSeconds()
	defer func() { reportCPU(b, cpu0) }()
	for i := 0; i < b.N; i++ {
		built, err := TwoLayer(in)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := in.Verify(built.Net); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(built.Neurons), "neurons")
		b.ReportMetric(float64(built.Unpruned), "unpruned")
	}
}

// BenchmarkTwoLayerVerify: exact verification alone, all 10⁵ rows.
func BenchmarkTwoLayerVerify(b *testing.B) {
	in, built := twoLayerBenchInstance(b)
	b.ResetTimer()
	cpu0 := cpuSeconds()
	defer func() { reportCPU(b, cpu0) }()
	for i := 0; i < b.N; i++ {
		if _, err := in.Verify(built.Net); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTwoLayerEvalLayerByLayer: the baseline, plain big.Rat
// layer-by-layer Eval of the same network, one sample per iteration, checked
// against its target.
func BenchmarkTwoLayerEvalLayerByLayer(b *testing.B) {
	in, built := twoLayerBenchInstance(b)
	b.ResetTimer()
	cpu0 := cpuSeconds()
	defer func() { reportCPU(b, cpu0) }()
	for i := 0; i < b.N; i++ {
		row := (i * 7919) % in.K()
		if got := built.Net.Eval(in.X[row]); got.Cmp(in.Z[row]) != 0 {
			b.Fatalf("row %d: got %s want %s", row+1, oracle.FormatRat(got), oracle.FormatRat(in.Z[row]))
		}
	}
}

// cpuSeconds is the user+system CPU time of the process so far.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	sec := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return sec(ru.Utime) + sec(ru.Stime)
}

// reportCPU adds the cpu-s/op metric for the iterations since start.
func reportCPU(b *testing.B, start float64) {
	b.ReportMetric((cpuSeconds()-start)/float64(b.N), "cpu-s/op")
}
