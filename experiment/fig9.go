package experiment

// The Fig. 9 sweep: for each N of a grid, each restart and each depth of g,
// the least m with ℓ_FT ≤ target, found by Search over independent trainings
// run on all cores.

import (
	"context"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"runtime"
	"sort"
	"sync"
	"time"
)

// Config fixes a Fig. 9 sweep. Everything random derives from Seed, and every
// training has its own stream, so results do not depend on scheduling.
type Config struct {
	Name     string // "full" or "quick"
	K, D     int
	Ns       []int // grid of N
	Restarts int   // independent relabellings and initialisations per N
	Seed     uint64
	Target   float64 // ℓ_FT threshold (the paper: 0.04)
	// Relative, when > 0, replaces Target by a threshold relative to the
	// g = 0 loss: ℓ_FT ≤ Relative·2N/(3K) at each N (2N/(3K) is the
	// expected ℓ_FT of g = 0, since E(y'−y)² = 2/3 for independent
	// y, y' ~ U[−1, 1]). Beyond the paper: with it, m = 0 never passes by
	// the threshold's shape alone.
	Relative float64
	Pretrain PretrainOptions
	Train    TrainOptions // for g; Target is set from Target
	MaxM     [4]int       // search cap per depth (index 2 and 3)
	Workers  int          // 0: GOMAXPROCS
}

// FullConfig is the paper's setting: K = 1000, d = 10, N up to 500.
func FullConfig(seed uint64) Config {
	return Config{
		Name: "full", K: 1000, D: 10, Ns: []int{100, 150, 200, 300, 400, 500}, Restarts: 3,
		Seed: seed, Target: 0.04,
		Pretrain: PretrainOptions{Hidden: []int{64, 64}, Train: TrainOptions{Epochs: 1500, LR: 0.003}},
		Train:    TrainOptions{Epochs: 3000, LR: 0.01, Patience: 400},
		MaxM:     [4]int{2: 999, 3: 200},
	}
}

// QuickConfig is a small version for tests and the claim check: K = 200,
// the full grid scaled by 1/5 (same ratios N/K), shorter training.
func QuickConfig(seed uint64) Config {
	return Config{
		Name: "quick", K: 200, D: 10, Ns: []int{20, 30, 40, 60, 80, 100}, Restarts: 3,
		Seed: seed, Target: 0.04,
		Pretrain: PretrainOptions{Hidden: []int{32, 32}, Train: TrainOptions{Epochs: 1000, LR: 0.005}},
		Train:    TrainOptions{Epochs: 1500, LR: 0.01, Patience: 300},
		MaxM:     [4]int{2: 199, 3: 80},
	}
}

// Split is the hidden widths of a g with m neurons and the given depth:
// 2-layer (m) or 3-layer (⌈m/2⌉, ⌊m/2⌋).
func Split(depth, m int) []int {
	if depth == 2 {
		return []int{m}
	}
	return []int{(m + 1) / 2, m / 2}
}

// Run is one training of g.
type Run struct {
	Depth, N, Restart, M int
	Loss                 float64
	Epochs               int
	Reached              bool
}

// Point is the least m found for one (depth, N, restart).
type Point struct {
	Depth, N, Restart int
	LeastM            int     // 0 when g = 0 already meets the target
	Loss              float64 // ℓ_FT reached at LeastM
	Capped            bool    // no m up to the cap met the target; LeastM is the cap
	Trainings         int
}

// Result is a finished (or cancelled) sweep.
type Result struct {
	Config  Config
	FMSE    float64 // training MSE of the pre-trained f
	Points  []Point // sorted by depth, N, restart
	Runs    []Run   // every training, sorted by depth, N, restart, m
	Fits    map[int]Fit
	Elapsed time.Duration
	CPU     time.Duration // trainings' summed wall time across workers
	Partial bool          // cancelled before every point finished
}

// streamID hashes labels into an RNG stream, so that each relabelling and
// each initialisation has its own reproducible stream.
func streamID(parts ...int) uint64 {
	h := fnv.New64a()
	for _, p := range parts {
		fmt.Fprintf(h, "%d/", p)
	}
	return h.Sum64()
}

// job is one (depth, N, restart) search.
type job struct{ depth, n, restart int }

// Fig9 runs the sweep. progress (may be nil) is called after each finished
// point with the count done, the total and the trainings so far.
func Fig9(ctx context.Context, cfg Config, progress func(done, total, trainings int)) (*Result, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	start := time.Now()
	rng := rand.New(rand.NewPCG(cfg.Seed, streamID(0)))
	data := Synthetic(rng, cfg.K, cfg.D)
	_, fx, mse := Pretrain(rng, data, cfg.Pretrain)
	res := &Result{Config: cfg, FMSE: mse}
	jobs := cfg.jobs()
	points := make([]*Point, len(jobs))
	runs := make([][]Run, len(jobs))
	var mu sync.Mutex
	done, trainings := 0, 0
	var cpu time.Duration
	next := make(chan int)
	var wg sync.WaitGroup
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				t0 := time.Now()
				p, rs := cfg.search(ctx, data, fx, jobs[i])
				mu.Lock()
				points[i], runs[i] = p, rs
				done++
				trainings += len(rs)
				cpu += time.Since(t0)
				if progress != nil {
					progress(done, len(jobs), trainings)
				}
				mu.Unlock()
			}
		}()
	}
	for i := range jobs {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	for i, p := range points {
		if p == nil {
			res.Partial = true
			continue
		}
		res.Points = append(res.Points, *p)
		res.Runs = append(res.Runs, runs[i]...)
	}
	res.sort()
	res.Fits = FitExponents(res.Points)
	res.Elapsed, res.CPU = time.Since(start), cpu
	if ctx.Err() != nil {
		res.Partial = true
	}
	return res, nil
}

func (cfg Config) validate() error {
	if cfg.K < 3 || cfg.D < 1 || cfg.Restarts < 1 || len(cfg.Ns) == 0 || cfg.Target <= 0 || cfg.Relative < 0 || math.IsNaN(cfg.Relative) {
		return fmt.Errorf("experiment: bad config: K=%d d=%d restarts=%d grid=%v target=%v relative=%v", cfg.K, cfg.D, cfg.Restarts, cfg.Ns, cfg.Target, cfg.Relative)
	}
	for _, n := range cfg.Ns {
		if n < 1 || n > cfg.K {
			return fmt.Errorf("experiment: N=%d outside 1..K=%d", n, cfg.K)
		}
	}
	return nil
}

// TargetAt is the ℓ_FT threshold at N: Target, or Relative·2N/(3K) when
// Relative is set.
func (cfg Config) TargetAt(n int) float64 {
	if cfg.Relative > 0 {
		return cfg.Relative * 2 * float64(n) / (3 * float64(cfg.K))
	}
	return cfg.Target
}

// jobs lists the searches, costliest first (2-layer, large N) so that the
// workers finish together.
func (cfg Config) jobs() []job {
	var js []job
	for _, depth := range []int{2, 3} {
		for i := len(cfg.Ns) - 1; i >= 0; i-- {
			for r := 0; r < cfg.Restarts; r++ {
				js = append(js, job{depth, cfg.Ns[i], r})
			}
		}
	}
	return js
}

// search finds the least m for one job; it stops early (returning what it
// has, marked capped) when ctx is cancelled.
func (cfg Config) search(ctx context.Context, data *Data, fx []float64, j job) (*Point, []Run) {
	rrng := rand.New(rand.NewPCG(cfg.Seed, streamID(1, j.n, j.restart)))
	z, _ := Relabel(rrng, data.Y, fx, j.n)
	p := &Point{Depth: j.depth, N: j.n, Restart: j.restart}
	target := cfg.TargetAt(j.n)
	if zero := meanSquare(z); zero <= target {
		p.Loss = zero // g = 0 suffices: m = 0
		return p, nil
	}
	var runs []Run
	opt := cfg.Train
	opt.Target = target
	try := func(m int) bool {
		if ctx.Err() != nil {
			return false
		}
		irng := rand.New(rand.NewPCG(cfg.Seed, streamID(2, j.depth, j.n, j.restart, m)))
		g := NewMLP(append(append([]int{cfg.D}, Split(j.depth, m)...), 1)...)
		g.Init(irng)
		r := Train(g, data.X, z, opt)
		runs = append(runs, Run{j.depth, j.n, j.restart, m, r.Loss, r.Epochs, r.Reached})
		return r.Reached
	}
	lo := j.depth - 1 // 2-layer: m ≥ 1; 3-layer: d1, d2 ≥ 1
	m, ok := Search(try, startGuess(j.depth, j.n), lo, cfg.MaxM[j.depth], func(m int) int { return m / 20 })
	if ctx.Err() != nil {
		return nil, nil // cancelled: this point is not known
	}
	p.LeastM, p.Capped, p.Trainings = m, !ok, len(runs)
	for _, r := range runs {
		if r.M == m {
			p.Loss = r.Loss
		}
	}
	return p, runs
}

// startGuess is where the search starts: a guess only (the search brackets
// the least m from there either way), √N-like for 3 layers and N/4 for 2.
func startGuess(depth, n int) int {
	if depth == 3 {
		return max(2, int(2*math.Sqrt(float64(n))))
	}
	return max(1, n/4)
}

func meanSquare(z []float64) float64 {
	s := 0.0
	for _, v := range z {
		s += v * v
	}
	return s / float64(len(z))
}

func (r *Result) sort() {
	sort.Slice(r.Points, func(i, j int) bool {
		a, b := r.Points[i], r.Points[j]
		return less3(a.Depth, a.N, a.Restart, b.Depth, b.N, b.Restart)
	})
	sort.Slice(r.Runs, func(i, j int) bool {
		a, b := r.Runs[i], r.Runs[j]
		if a.Depth != b.Depth || a.N != b.N || a.Restart != b.Restart {
			return less3(a.Depth, a.N, a.Restart, b.Depth, b.N, b.Restart)
		}
		return a.M < b.M
	})
}

func less3(a1, a2, a3, b1, b2, b3 int) bool {
	if a1 != b1 {
		return a1 < b1
	}
	if a2 != b2 {
		return a2 < b2
	}
	return a3 < b3
}

// LeastMs lists the least m of every restart at (depth, N), in restart
// order, as text: ">m" where the search hit its cap.
func (r *Result) LeastMs(depth, n int) []string {
	var ms []string
	for _, p := range r.Points {
		if p.Depth == depth && p.N == n {
			s := fmt.Sprint(p.LeastM)
			if p.Capped {
				s = ">" + s
			}
			ms = append(ms, s)
		}
	}
	return ms
}
