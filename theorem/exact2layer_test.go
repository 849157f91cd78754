package theorem

import (
	"context"
	"testing"

	"github.com/ftcheck/ftcheck/internal/search"
)

// TestExactTwoLayerFinding: the exact-capacity finding is reported with the
// true value min{3N, K−2}, and withheld when a value one lower is planted
// (some sampled instance then needs more neurons than claimed).
func TestExactTwoLayerFinding(t *testing.T) {
	search.Configure(5, 40)
	cfg := Config{Ctx: context.Background(), Seed: 5, Checks: 40}
	if f := exactTwoLayerFinding(cfg); len(f) != 1 || f[0].Kind != FindBeyondPaper {
		t.Fatalf("true value: findings %+v", f)
	}
	planted := func(N, K int) int { return max(min(3*N, K-2)-1, 0) }
	if f := exactTwoLayerFindingWith(cfg, planted); len(f) != 0 {
		t.Fatalf("planted value one lower was not refuted: %+v", f)
	}
}
