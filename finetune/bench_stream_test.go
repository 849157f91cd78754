package finetune

import (
	"flag"
	"fmt"
	"math/big"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/internal/workload"
	"github.com/ftcheck/ftcheck/oracle"
)

// The streaming workload of issue 11: f of shape 16-64-64-1 with weights
// k/1000 in [−1, 1], K rows of 16 inputs k/10⁴ in [−1, 1], N = 1000 of them
// relabelled (y = f(x) + z, z = ±1), the other K − N kept (z = 0, as with
// finetune -keep). Rows are generated afresh on every pass from their index,
// so the source itself holds nothing: what the benchmark's peak heap shows is
// the streamer's own memory.
//
//	go test ./finetune -run '^$' -bench Stream -benchtime 1x -finetune.stream-k 10000,100000,1000000
var streamK = flag.String("finetune.stream-k", "10000,100000", "comma-separated K of BenchmarkStream")

const (
	benchN, benchChunk = workload.N, 4096
)

func benchF() *oracle.Network { return workload.Network() }

// genSource is K generated rows: rows i·K/N (i < N) are the data rows, with
// labels, the rest keep points.
type genSource struct {
	K      int
	dataX  [][]*big.Rat
	dataY  []*big.Rat
	peak   uint64
	chunks int
}

func benchRow(i int) []*big.Rat { return workload.RatRow(i) }

func newGenSource(K int, f *oracle.Network) *genSource {
	g := &genSource{K: K}
	ev := oracle.NewEvaluator(f)
	for i := 0; i < benchN; i++ {
		x := benchRow(i * (K / benchN))
		y := ev.Eval(x)
		y.Add(y, big.NewRat(int64(2*(i%2)-1), 1))
		g.dataX, g.dataY = append(g.dataX, x), append(g.dataY, y)
	}
	return g
}

func (g *genSource) sample() {
	g.chunks++
	if g.chunks%8 != 1 {
		return
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	g.peak = max(g.peak, ms.HeapInuse)
}

func (g *genSource) Pass(fn func(c *Chunk) error) error {
	if err := fn(&Chunk{X: g.dataX, Y: g.dataY, Name: "data"}); err != nil {
		return err
	}
	g.sample()
	step := g.K / benchN
	for lo := 0; lo < g.K; lo += benchChunk {
		c := &Chunk{Name: "keep"}
		for i := lo; i < min(lo+benchChunk, g.K); i++ {
			if i%step != 0 || i/step >= benchN {
				c.X = append(c.X, benchRow(i))
			}
		}
		if err := fn(c); err != nil {
			return err
		}
		g.sample()
	}
	return nil
}

func benchKs(b *testing.B) []int {
	var ks []int
	for _, s := range strings.Split(*streamK, ",") {
		k, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || k < benchN {
			b.Fatalf("-finetune.stream-k: bad K %q (want integers ≥ %d)", s, benchN)
		}
		ks = append(ks, k)
	}
	return ks
}

// BenchmarkStream: Stream at depth 2 on K rows; the generator's cost (one
// row drawn and converted per row per pass) is included. Reports ns per
// row-pass, the passes made and the peak heap in use.
func BenchmarkStream(b *testing.B) {
	f := benchF()
	for _, K := range benchKs(b) {
		b.Run(fmt.Sprintf("K=%d", K), func(b *testing.B) {
			src := newGenSource(K, f)
			runtime.GC()
			var r *StreamResult
			for b.Loop() {
				var err error
				if r, err = Stream(src, f, 2, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*K), "ns/row")
			b.ReportMetric(float64(r.Passes), "passes")
			b.ReportMetric(float64(src.peak)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(r.Neurons), "m")
		})
	}
}

// BenchmarkInMemory is the same work as BenchmarkStream through Smallest,
// with every row held: the baseline for the streamer's memory.
func BenchmarkInMemory(b *testing.B) {
	f := benchF()
	for _, K := range benchKs(b) {
		b.Run(fmt.Sprintf("K=%d", K), func(b *testing.B) {
			src := newGenSource(K, f)
			var X [][]*big.Rat
			var Z []*big.Rat
			src.Pass(func(c *Chunk) error {
				X = append(X, c.X...)
				for i := range c.X {
					if c.Y != nil {
						Z = append(Z, new(big.Rat).Sub(c.Y[i], f.Eval(c.X[i])))
					} else {
						Z = append(Z, new(big.Rat))
					}
				}
				return nil
			})
			var ms runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&ms)
			in := &instance.Instance{X: X, Z: Z}
			var r *Result
			for b.Loop() {
				var err error
				if r, err = Smallest(in, 2, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*K), "ns/row")
			b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "rows-heap-MB")
			b.ReportMetric(float64(r.Neurons), "m")
		})
	}
}
