package theorem

import (
	"context"
	"testing"

	"github.com/ftcheck/ftcheck/finetune"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/internal/search"
)

// TestExactTwoLayerFinding: the exact-capacity finding is reported with the
// true value min{3N, K−2}, and withheld when a value one lower is planted
// (some sampled instance then needs more neurons than claimed).
func TestExactTwoLayerFinding(t *testing.T) {
	checks := 40
	if testing.Short() {
		checks *= 5 // rapid runs a fifth under -short; the planted value needs about 40 samples to meet its tight instance
	}
	search.Configure(5, checks)
	cfg := Config{Ctx: context.Background(), Seed: 5, Checks: checks}
	if f := exactTwoLayerFinding(cfg); len(f) != 1 || f[0].Kind != FindBeyondPaper {
		t.Fatalf("true value: findings %+v", f)
	}
	planted := func(N, K int) int { return max(min(3*N, K-2)-1, 0) }
	if f := exactTwoLayerFindingWith(cfg, planted); len(f) != 0 {
		t.Fatalf("planted value one lower was not refuted: %+v", f)
	}
}

// TestKMinusTwoSufficesSmall: exhaustively over every target vector
// z ∈ {−1, 0, 1, 2}^K on x_i = i for K = 5, 6, 7 (21504 instances), the best
// verified 2-layer network uses at most min{3N, K−2} neurons, the value the
// exact-capacity finding claims (finetune.BestTwoLayer verifies exactly).
func TestKMinusTwoSufficesSmall(t *testing.T) {
	vals := []int64{-1, 0, 1, 2}
	for K := 5; K <= 7; K++ {
		z := make([]int64, K)
		var walk func(i int)
		walk = func(i int) {
			if i == K {
				xs := make([]int64, K)
				for j := range xs {
					xs[j] = int64(j + 1)
				}
				in := instance.OnLine(ratsOf(xs...), ratsOf(z...))
				b, _, err := finetune.BestTwoLayer(in)
				if err != nil {
					t.Fatalf("z = %v: %v", z, err)
				}
				if want := min(3*in.N(), K-2); b.Neurons > want {
					t.Fatalf("z = %v: %s uses %d > min{3N, K−2} = %d", z, b.Name, b.Neurons, want)
				}
				return
			}
			for _, v := range vals {
				z[i] = v
				walk(i + 1)
			}
		}
		walk(0)
	}
}
