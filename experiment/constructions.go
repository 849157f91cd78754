package experiment

// The exact constructions' neuron counts on generated instances, for the
// Fig. 9 plot: each network is built by package construction and verified
// exactly by the oracle (instance.Verify) before its count is used.

import (
	"math/big"
	"math/rand/v2"
	"runtime"
	"sort"
	"sync"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
)

// ConstructionCount is one verified construction on one generated instance.
type ConstructionCount struct {
	Name     string // "T4.4", "U1", "U2", "U3", "A"
	Depth    int
	K, N     int
	Neurons  int
	Verified bool   // exact verification passed
	Err      string // construction or verification error, if any
}

// u2VerifyLimit caps N for U2: its 3N bump units make exact verification of
// K = 1000 samples take minutes per instance, and U2 = 2√K + 3N is above
// U1 = 4√K for every N > (2/3)√K anyway.
const u2VerifyLimit = 200

// namedConstruction is one construction the figure counts.
type namedConstruction struct {
	name  string
	depth int
	build func(*instance.Instance) (*construction.Built, error)
}

// constructions lists them.
var constructions = []namedConstruction{
	{"T4.4", 2, construction.TwoLayer},
	{"U1", 3, construction.U1},
	{"U2", 3, construction.U2},
	{"U3", 3, construction.U3},
	{"A", 3, construction.AppendixA},
}

// LineInstance generates the instance the constructions are counted on: K
// points x_i = i on a line (every construction projects to a line first, so
// the counts depend on K, N and T only), a random T of size N, and targets
// z_i = ±k/8 ∈ [−1, 1] \ {0} on T.
func LineInstance(k, n int, seed uint64) *instance.Instance {
	rng := rand.New(rand.NewPCG(seed, streamID(3, k, n)))
	ts, zs := make([]*big.Rat, k), make([]*big.Rat, k)
	for i := range ts {
		ts[i], zs[i] = big.NewRat(int64(i+1), 1), new(big.Rat)
	}
	for _, i := range rng.Perm(k)[:n] {
		v := int64(rng.IntN(8) + 1)
		if rng.IntN(2) == 0 {
			v = -v
		}
		zs[i] = big.NewRat(v, 8)
	}
	return instance.OnLine(ts, zs)
}

// Constructions builds and verifies every construction on LineInstance(k, N)
// for each N, on all cores; U2 only for N ≤ u2VerifyLimit.
func Constructions(k int, ns []int, seed uint64) []ConstructionCount {
	type task struct{ ci, n int }
	var tasks []task
	for _, n := range ns {
		for ci, c := range constructions {
			if c.name == "U2" && n > u2VerifyLimit {
				continue
			}
			tasks = append(tasks, task{ci, n})
		}
	}
	out := make([]ConstructionCount, len(tasks))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				t := tasks[i]
				out[i] = countOne(constructions[t.ci].name, constructions[t.ci].depth, constructions[t.ci].build, k, t.n, seed)
			}
		}()
	}
	for i := range tasks {
		next <- i
	}
	close(next)
	wg.Wait()
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].N < out[j].N
	})
	return out
}

func countOne(name string, depth int, build func(*instance.Instance) (*construction.Built, error), k, n int, seed uint64) ConstructionCount {
	c := ConstructionCount{Name: name, Depth: depth, K: k, N: n}
	in := LineInstance(k, n, seed)
	b, err := build(in)
	if err != nil {
		c.Err = err.Error()
		return c
	}
	c.Neurons = b.Neurons
	if _, err := in.Verify(b.Net); err != nil {
		c.Err = err.Error()
		return c
	}
	c.Verified = true
	return c
}
