package theorem

import (
	"math/big"
	"testing"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/oracle"
)

// TestFlatEndExhaustive: for every T ⊆ [K], 3 ≤ K ≤ 11, the flat-end network
// fine-tunes the instance exactly (oracle.Verify), uses at most
// flatEndUpper(N, K) neurons, and that closed form is attained by some T
// for every N (so it is the exact worst case of the construction).
func TestFlatEndExhaustive(t *testing.T) {
	for K := 3; K <= 11; K++ {
		worst := make([]int, K+1)
		for mask := uint(0); mask < 1<<K; mask++ {
			ts, z, N := flatEndInstance(K, uint64(mask))
			g := construction.FlatEnd(ts, z)
			X := make([][]*big.Rat, K)
			for i := range X {
				X[i] = []*big.Rat{ts[i]}
			}
			if _, err := oracle.Verify(g, nil, X, z); err != nil {
				t.Fatalf("K=%d T=%b: %v", K, mask, err)
			}
			m := g.Hidden()
			if m > flatEndUpper(N, K) {
				t.Fatalf("K=%d T=%b: %d neurons > flatEndUpper(%d, %d) = %d", K, mask, m, N, K, flatEndUpper(N, K))
			}
			worst[N] = max(worst[N], m)
		}
		for N := 0; N <= K; N++ {
			if worst[N] != flatEndUpper(N, K) {
				t.Errorf("K=%d N=%d: worst count %d, closed form %d", K, N, worst[N], flatEndUpper(N, K))
			}
		}
	}
}

// TestFlatEndBeatsThm41: m*(N, K) = min{3N, K−2} for K ≥ 2N+2: the
// construction's worst case meets Thm 4.1.2's lower bound there, one below
// Thm 4.1.1's min{3N+1, K−1}; for K ≤ 2N+1 it is K−1, Thm 4.1.1's.
func TestFlatEndBeatsThm41(t *testing.T) {
	for N := 1; N <= 30; N++ {
		for K := max(N, 3); K <= 3*N+40; K++ {
			want := thm41.lo(N, K)
			if K <= 2*N+1 {
				want = K - 1
			}
			if flatEndUpper(N, K) != want || (K >= 2*N+2 && thm41.hi(N, K) != want+1) {
				t.Fatalf("N=%d K=%d: flatEndUpper %d, want %d", N, K, flatEndUpper(N, K), want)
			}
		}
	}
}
