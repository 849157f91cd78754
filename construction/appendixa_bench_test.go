package construction_test

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"syscall"
	"testing"
	"time"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
	"github.com/ftcheck/ftcheck/props"
)

// cpuTime is the process's user + system CPU time so far (getrusage).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// aScaleInstance is K points of ℚ^3 drawn as props.Points does in one shape
// (props.ShapeRandom, ShapeClose: a base point plus offsets of 10⁻⁹), with
// N = K/2 changed samples at random, targets ±p/q, q ≤ 6 (props' "unit"
// targets) or, tiny, ±1/n with n random of 64 to 512 bits (props' "tiny"
// targets), all from seed.
func aScaleInstance(K, shape int, tiny bool, seed int) *instance.Instance {
	X := props.PointsShaped(K, 3, shape).Example(seed)
	r := rand.New(rand.NewPCG(uint64(seed), 11))
	z := oracle.Zeros(K)
	for _, i := range r.Perm(K)[:K/2] {
		q := 1 + r.IntN(6)
		z[i].SetFrac64(int64((1+r.IntN(q))*(2*r.IntN(2)-1)), int64(q))
		if tiny {
			n := new(big.Int).Lsh(big.NewInt(1), uint(63+r.IntN(449)))
			z[i].SetFrac(big.NewInt(int64(2*r.IntN(2)-1)), n.Add(n, big.NewInt(r.Int64())))
		}
	}
	return &instance.Instance{X: X, Z: z}
}

// BenchmarkAppendixAScale: build + exact verify of Appendix A at K = 256,
// 1000 and 4096 (aScaleInstance: shapes random and close, targets p/q, and
// close with tiny targets), with the
// paper-literal windows of eq. 28–29 and with the uniform layer 2 (appendixa_uniform.go).
// It reports the largest weight's bit size and the CPU time (user + system,
// both cores) per build + verify. The paper's windows take minutes from
// K = 1000 on: select with -bench 'AppendixAScale/K=256' or
// 'AppendixAScale/.*/(random|close)/(uniform|tinyz)/uniform'.
func BenchmarkAppendixAScale(b *testing.B) {
	builds := []struct {
		name  string
		build func(*instance.Instance) (*construction.Built, error)
	}{{"paper", construction.AppendixA}, {"uniform", construction.AppendixAUniform}}
	for _, K := range []int{256, 1000, 4096} {
		ins := map[string]*instance.Instance{
			"random":      aScaleInstance(K, props.ShapeRandom, false, 1),
			"close":       aScaleInstance(K, props.ShapeClose, false, 1),
			"close/tinyz": aScaleInstance(K, props.ShapeClose, true, 1),
		}
		for _, shape := range []string{"random", "close", "close/tinyz"} {
			in := ins[shape]
			for _, bd := range builds {
				b.Run(fmt.Sprintf("K=%d/%s/%s", K, shape, bd.name), func(b *testing.B) {
					var bits int
					cpu0 := cpuTime()
					for b.Loop() {
						g, err := bd.build(in)
						if err != nil {
							b.Fatal(err)
						}
						if _, err := in.Verify(g.Net); err != nil {
							b.Fatal(err)
						}
						bits = g.Net.BitSize()
					}
					b.ReportMetric(float64(bits), "weight-bits")
					b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/1e9, "cpu-s/op")
				})
			}
		}
	}
}
