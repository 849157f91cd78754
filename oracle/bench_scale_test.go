package oracle

// Benchmarks of issue 11's setting at scale: exact verification of f + g
// from CSV text beside a batched gonum float64 forward pass of f and g on
// the same text, in one run (docs/performance.md records a run):
//
//	go test ./oracle -run '^$' -bench Scale -benchtime 1x -oracle.scale-k 10000,100000
//	go test ./oracle -run '^$' -bench Scale -benchtime 1x -oracle.scale-k 1000000
//
// Workload (seeded): f is the 16-64-64-1 network of BenchmarkDense
// (weights and biases k/1000); g is a 2-layer patch of 3N − 1 = 2999 ReLUs
// (N = 1000) of the shape finetune -depth 2 returns: every hidden row the
// same direction a (3 decimals), biases −t_k at sorted 4-decimal
// breakpoints, output weights k/1000. The K rows have 16 inputs k/10⁴ in
// [−1, 1] and the exact label y = f(x) + g(x), written as CSV text (header
// x1,…,x16,y) before the timer starts. Both paths read the text in chunks of
// 4096 rows and keep only the chunk:
//
//   - Exact: DataReader.NextVec (exact parse into big.Rat) and Verify(g, f)
//     on each chunk: every row's f + g = y decided exactly.
//   - Float: the same lines split by hand, strconv.ParseFloat (a label p/q
//     as two floats divided), FloatNetwork.EvalBatch of f and of g (gonum
//     Dgemm, dense 16 × 2999 for g), |f + g − y| ≤ 10⁻⁶ counted.
//
// Reported per row: wall ns/row and cpu-ns/row (user + system of the
// process, both cores summed: compare these on a loaded machine), and per
// op: allocations (testing's B/op, allocs/op), peak-live-MB (the largest
// runtime/metrics /gc/heap/live:bytes — the heap marked live by a GC —
// sampled every 2 ms during the op, minus its value at the start: the op's
// own live heap, the CSV text excluded; a GC is forced before the op) and
// maxrss-MB (getrusage's ru_maxrss of the whole process, which includes the
// CSV text and the garbage GOGC lets accumulate, and never decreases).

import (
	"bufio"
	"bytes"
	"flag"
	"io"
	"math"
	"math/big"
	"math/rand/v2"
	"runtime/metrics"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"gonum.org/v1/gonum/mat"
)

var scaleK = flag.String("oracle.scale-k", "10000,100000", "benchmarks: row counts K of BenchmarkScale, ','-separated (1000000 for the long run)")

const scaleChunk = 4096

// patchNet is g: 2999 ReLUs σ(aᵀx − t_k), a of 3 decimals, t_k sorted
// 4-decimal breakpoints in [−2, 2], output weights of 3 decimals.
func patchNet() *Network {
	r := rand.New(rand.NewPCG(3, 1000))
	a := make([]*big.Rat, 16)
	for j := range a {
		a[j] = decimal(r, 3)
	}
	const m = 2999
	ts := make([]int64, m)
	for k := range ts {
		ts[k] = r.Int64N(40001) - 20000
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i] < ts[j] })
	l1 := Layer{W: make([][]*big.Rat, m), B: make([]*big.Rat, m)}
	l2 := Layer{W: [][]*big.Rat{make([]*big.Rat, m)}, B: []*big.Rat{new(big.Rat)}}
	for k := range m {
		l1.W[k] = a
		l1.B[k] = big.NewRat(-ts[k], 10000)
		l2.W[0][k] = decimal(r, 3)
	}
	return &Network{Layers: []Layer{l1, l2}}
}

type scaleWork struct {
	f, g *Network
	csv  []byte
}

var scaleCache = map[int]*scaleWork{}

// scaleWorkload writes the K rows and their exact labels as CSV text,
// computing f + g exactly chunk by chunk (Evaluator; checked against Eval
// on the first 5 rows).
func scaleWorkload(b *testing.B, K int) *scaleWork {
	if w := scaleCache[K]; w != nil {
		return w
	}
	w := &scaleWork{f: denseNet(), g: patchNet()}
	ef, eg := NewEvaluator(w.f), NewEvaluator(w.g)
	r := rand.New(rand.NewPCG(5, uint64(K)))
	var buf bytes.Buffer
	for j := 1; j <= 16; j++ {
		buf.WriteString("x" + strconv.Itoa(j) + ",")
	}
	buf.WriteString("y\n")
	for lo := 0; lo < K; lo += scaleChunk {
		X := make([][]*big.Rat, min(scaleChunk, K-lo))
		for i := range X {
			X[i] = make([]*big.Rat, 16)
			for j := range X[i] {
				X[i][j] = decimal(r, 4)
			}
		}
		fy, gy := ef.EvalAll(X), eg.EvalAll(X)
		for i, x := range X {
			y := new(big.Rat).Add(fy[i], gy[i])
			if lo == 0 && i < 5 && new(big.Rat).Add(w.f.Eval(x), w.g.Eval(x)).Cmp(y) != 0 {
				b.Fatalf("row %d: label differs from Eval", i+1)
			}
			for _, v := range x {
				buf.WriteString(v.FloatString(4) + ",")
			}
			buf.WriteString(FormatRat(y) + "\n")
		}
	}
	w.csv = buf.Bytes()
	scaleCache[K] = w
	return w
}

// peakHeap samples the live heap (as of the last GC) every 2 ms until stop
// is called, which returns the largest increase over the value at the start,
// in bytes.
func peakHeap() (stop func() uint64) {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	read := func() uint64 { metrics.Read(s); return s[0].Value.Uint64() }
	base := read()
	var peak atomic.Uint64
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			if v := read(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-finished
		if p := peak.Load(); p > base {
			return p - base
		}
		return 0
	}
}

func maxRSS() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024 // KiB → MiB
}

// runScale times body over b.N ops of K rows with the metrics of the file
// comment.
func runScale(b *testing.B, K int, body func()) {
	b.ReportAllocs()
	cpu0 := startCPU()
	stop := peakHeap()
	for b.Loop() {
		body()
	}
	peak := stop()
	perRow(b, cpu0, K)
	b.ReportMetric(float64(peak)/(1<<20), "peak-live-MB")
	b.ReportMetric(maxRSS(), "maxrss-MB")
}

// verifyCSV is the exact path: parse a chunk, verify it, drop it.
func verifyCSV(b *testing.B, w *scaleWork, K int) {
	dr, err := NewDataReader(bytes.NewReader(w.csv), "scale.csv", DefaultLimits)
	if err != nil {
		b.Fatal(err)
	}
	rows := 0
	X, Y := make([][]*big.Rat, 0, scaleChunk), make([]*big.Rat, 0, scaleChunk)
	flush := func() {
		if _, err := Verify(w.g, w.f, X, Y); err != nil {
			b.Fatalf("rows %d..: %v", rows-len(X)+1, err)
		}
		X, Y = X[:0], Y[:0]
	}
	for {
		x, y, err := dr.NextVec()
		if err == io.EOF {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		X, Y = append(X, x), append(Y, y[0])
		if rows++; len(X) == scaleChunk {
			flush()
		}
	}
	if len(X) > 0 {
		flush()
	}
	if rows != K {
		b.Fatalf("%d rows, want %d", rows, K)
	}
}

// parseFloat is strconv.ParseFloat, with p/q read as p divided by q.
func parseFloat(b *testing.B, s string) float64 {
	if p, q, ok := strings.Cut(s, "/"); ok {
		return parseFloat(b, p) / parseFloat(b, q)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		b.Fatal(err)
	}
	return v
}

// floatCSV is the float64 path on the same text and chunks; it returns how
// many rows have |f + g − y| > 10⁻⁶ (none on this workload).
func floatCSV(b *testing.B, w *scaleWork, ff, fg *FloatNetwork, K int) int {
	sc := bufio.NewScanner(bytes.NewReader(w.csv))
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	sc.Scan() // header
	X := mat.NewDense(scaleChunk, 16, nil)
	y := make([]float64, scaleChunk)
	rows, bad, n := 0, 0, 0
	flush := func() {
		v := X.Slice(0, n, 0, 16).(*mat.Dense)
		fy, gy := ff.EvalBatch(v), fg.EvalBatch(v)
		for i := range n {
			if math.Abs(fy[i]+gy[i]-y[i]) > 1e-6 {
				bad++
			}
		}
		n = 0
	}
	for sc.Scan() {
		line := sc.Text()
		for j := range 17 {
			field, rest, _ := strings.Cut(line, ",")
			if j < 16 {
				X.Set(n, j, parseFloat(b, field))
			} else {
				y[n] = parseFloat(b, field)
			}
			line = rest
		}
		rows++
		if n++; n == scaleChunk {
			flush()
		}
	}
	if n > 0 {
		flush()
	}
	if rows != K {
		b.Fatalf("%d rows, want %d", rows, K)
	}
	return bad
}

// BenchmarkScale runs both paths on the same CSV text at each K.
func BenchmarkScale(b *testing.B) {
	for _, f := range strings.Split(*scaleK, ",") {
		K, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || K < 1 {
			b.Fatalf("-oracle.scale-k: bad K %q", f)
		}
		w := scaleWorkload(b, K)
		b.Run("K="+strconv.Itoa(K)+"/Exact", func(b *testing.B) {
			runScale(b, K, func() { verifyCSV(b, w, K) })
		})
		b.Run("K="+strconv.Itoa(K)+"/Float", func(b *testing.B) {
			ff, fg := NewFloat(w.f), NewFloat(w.g)
			bad := 0
			runScale(b, K, func() { bad = floatCSV(b, w, ff, fg, K) })
			b.ReportMetric(float64(bad), "float-mismatches")
		})
		delete(scaleCache, K)
	}
}
